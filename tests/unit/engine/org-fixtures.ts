/**
 * A P3 年检 filing as a clerk types it from the platform's pages (001): a 乙-grade enterprise
 * certified before 2025, 29 technical staff, nine certificate rows for eight people, twelve
 * projects with amounts typed in 万元. The amounts are inputs; every expected figure in the tests
 * is written out by hand.
 */
import { getPack } from '../../../shared/programs/index';
import type { FieldDef, ProgramPack } from '../../../shared/programs/schema';
import { parseYuan } from '../../../shared/rules/money';
import { expectOk } from '../rules/expect-result';

export const p3 = getPack('xj-si-annual') as ProgramPack;
export const p6 = getPack('iets') as ProgramPack;

export const field = (pack: ProgramPack, id: string): FieldDef => {
  const f = pack.fields.find((x) => x.id === id);
  if (f === undefined) throw new Error(`no field ${id}`);
  return f;
};

/** An amount typed in a 万元 column. */
export const wan = (typed: string): number => expectOk(parseYuan(typed, { unit: 'wan-yuan' }));

/** Eight valid ID numbers (GB 11643 check digits), one person holding two certificates. */
export const PEOPLE = [
  ['王建新', '110105198002111011'],
  ['李娜', '110105198003121027'],
  ['张伟', '110105198004131032'],
  ['刘洋', '110105198005141048'],
  ['陈静', '110105198006151053'],
  ['杨帆', '110105198007161069'],
  ['赵敏', '110105198008171074'],
  ['马晓东', '11010519800918108X'],
] as const;

export const certificateRows = [
  ...PEOPLE.map(([personName, idNumber], i) => ({
    rowKey: `cert-${i + 1}`,
    personName,
    idNumber,
    certificateKind: '国家软考证书',
    catalogueEntry: i % 2 === 0 ? 'no-9' : 'no-16',
    certificateNo: `RK-2024-${1000 + i}`,
  })),
  // 王建新 also holds a Cisco certificate: still one person.
  { rowKey: 'cert-9', personName: '王建新', idNumber: '110105198002111011', certificateKind: '其他同等或更高级别证书', catalogueEntry: 'no-24', certificateNo: 'CSCO-778812' },
];

/**
 * Project i (1–12): 软件开发费 i×10 + 0.01 万元, 集成实施费 5.000001 万元 (5,000,001 分),
 * 硬件购置费 i 万元, everything else left blank (stored 0).
 */
export const projectRows = Array.from({ length: 12 }, (_, k) => {
  const i = k + 1;
  return {
    rowKey: `project-${i}`,
    projectName: `项目${i}`,
    completionEvidence: '验收报告',
    softwareDevelopment: wan(`${i * 10}.01`),
    consultingDesign: 0,
    integration: wan('5.000001'),
    operationMaintenance: 0,
    dataProcessing: 0,
    operationService: 0,
    ownHardware: 0,
    hardwarePurchase: wan(String(i)),
    softwarePurchase: 0,
    other: 0,
  };
});

/** The ten amount columns of a 项目 row, all 0: what a row holds before anything is typed in. */
export const NO_AMOUNTS = {
  softwareDevelopment: 0,
  consultingDesign: 0,
  integration: 0,
  operationMaintenance: 0,
  dataProcessing: 0,
  operationService: 0,
  ownHardware: 0,
  hardwarePurchase: 0,
  softwarePurchase: 0,
  other: 0,
} as const;

/** The year's 合同金额 total, by hand: Σ(i×10 + 0.01 + 5.000001 + i) 万元 = 918.120012 万元. */
export const CONTRACT_TOTAL_FEN = 918_120_012;

export const p3Fields = {
  enterpriseName: '新疆天山云数据科技有限公司',
  creditCode: '91350100M000100Y43',
  grade: '乙',
  certifiedThisYear: false,
  contactPerson: '古丽娜',
  contactPhone: '13999112233',
  technicalStaffTotal: 29,
  managementCertificates: certificateRows,
  businessFigures: [{ rowKey: 'biz-2025', year: 2025, category: '系统集成收入', amount: wan('1250.5') }],
  projects: projectRows,
  selfDevelopedSales: 0,
  projectCompletion: [{ rowKey: 'done-2025', year: 2025, total: CONTRACT_TOTAL_FEN }],
  innovations: [
    { rowKey: 'inno-1', item: '数据中台软件著作权', certificateName: '计算机软件著作权登记证书' },
    { rowKey: 'inno-2', item: '发明专利', certificateName: '发明专利证书' },
  ],
};
