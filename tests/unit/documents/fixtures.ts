/** Sample records for the document tests (and the smoke renders): realistic, with names in Chinese. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReceiptInput } from '../../../shared/documents/intake/receipt';
import type { ReturnNoticeInput } from '../../../shared/documents/intake/return-notice';
import type { RkApplicationInput } from '../../../shared/documents/intake/rk-application-form';
import type { ZjApplicant } from '../../../shared/documents/zj-applicant';
import { assessedYears } from '../programs/p4-assessments';

export const photo = (): Uint8Array => new Uint8Array(readFileSync(path.join(__dirname, 'fixtures', 'photo.jpg')));

export const office = { name: '新疆软件行业协会', address: '乌鲁木齐市', phone: '0991-2301105' };

export const receipt: ReceiptInput = {
  office,
  applicationNo: 'XJPM-A-2026-000042',
  programName: '信息系统集成实施工程经理评价',
  applicantName: '阿依古丽·买买提',
  applicantUnit: '新疆天山云数据科技有限公司',
  channel: 'unit',
  receivedOn: '2026-11-20',
  clerk: '周晓燕',
  materials: [
    { name: '国家承认的大专或以上相关学历证书', copies: 1, originalVerified: true, status: 'received' },
    { name: '信息系统集成实施工程经理培训合格证', copies: 1, originalVerified: true, status: 'received' },
    { name: '从业人员工作履历', copies: 1, status: 'received' },
    { name: '从业人员项目参与履历', copies: 2, status: 'rejected', note: '缺少项目验收证明' },
    { name: '社保缴纳证明', copies: 0, status: 'missing' },
    { name: '其他相关补充材料', copies: 3, status: 'received' },
  ],
  note: '申请表经单位盖章。',
};

export const returnNotice: ReturnNoticeInput = {
  kind: 'supplement',
  office,
  applicationNo: 'XJPM-A-2026-000042',
  programName: '信息系统集成实施工程经理评价',
  addressee: '新疆天山云数据科技有限公司',
  applicantName: '阿依古丽·买买提',
  receivedOn: '2026-11-20',
  issuedOn: '2026-11-22',
  clerk: '周晓燕',
  deadline: '2026-12-06',
  basis: '《自治区信息系统集成实施服务从业人员评价工作实施细则》第十条、第十一条',
  contact: '0991-2301105',
  items: [
    { material: '有效的社保缴纳证明材料', problem: 'missing', reason: '未提交。请提供近一年社保缴纳证明（加盖社保经办机构章）。' },
    { material: '有效的从业人员项目参与履历或相关材料', problem: 'rejected', reason: '所列“昌吉州政务云二期”项目无验收报告或合同关键页，无法核实本人参与情况。' },
  ],
};

export const zjApplicant: ZjApplicant = {
  name: '陈思远',
  sex: 'male',
  birthMonth: '1982-06',
  idNumber: '330106198206150032',
  unit: '杭州数智信息技术服务股份有限公司',
  unitNature: '私营企业和个体工商户',
  supervisor: '杭州市西湖区经济和信息化局',
  specialty: '系统集成',
  education: { level: '大学本科', school: '浙江工业大学', major: '计算机科学与技术', graduatedOn: '2004-07' },
  degree: '工学学士',
  currentTitle: '工程师',
  titleObtainedOn: '2012-12',
  appointedOn: '2013-03',
  engineeringWorkSince: '2004-07-15',
  assessments: assessedYears('合格', '优秀', '合格'),
  selfScore: 86.5,
  workHistory: [
    { from: '2004-07', to: '2010-12', unit: '浙江网新技术有限公司', role: '系统集成工程师' },
    { from: '2011-01', unit: '杭州数智信息技术服务股份有限公司', role: '项目经理、技术负责人' },
  ],
  achievements: ['主持“杭州市智慧交通信号控制系统集成”项目（合同额1860万元），通过验收。', '论文《政务云多租户网络隔离方案》，发表于《计算机工程与应用》2018年第12期。'],
};

export const rkApplication: RkApplicationInput = {
  category: '计算机软件',
  qualification: '系统分析师（高级）',
  formNo: 'SH-2026-0817',
  name: '李明',
  sex: 'female',
  birthMonth: '1986-03',
  health: '健康',
  idNumber: '310104198603120047',
  certificateNo: '04010011230000123',
  obtainedOn: '2023-12',
  address: '上海市徐汇区漕溪北路88号',
  postcode: '200030',
  unit: '上海浦江软件有限公司',
  phone: '13816880123',
  education: [
    { date: '2024-05-18', mode: '业余', content: '信息系统架构设计新技术研修班', hoursTenths: 480 },
    { date: '2025-04-12', mode: '在岗', content: '云原生应用与微服务治理专题培训', hoursTenths: 600 },
    { date: '2026-03-20', mode: '脱产', content: '数据安全法规与标准（含个人信息保护）', hoursTenths: 805 },
  ],
  unitAssessment: { result: '考核合格。', date: '2026-10-30' },
  appliedOn: '2026-11-22',
};
