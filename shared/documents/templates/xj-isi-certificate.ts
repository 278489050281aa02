/**
 * The two Xinjiang evaluation certificates (P1 xj-isi-pm, P2 xj-isi-spm), A4 landscape. They
 * differ only in the level's name, so one function lays out both; the results are plain data.
 * Wording: 000 第十四条 (通过…评价的人员，将获得由新疆“IT 三会”联合颁发的《…评价证书》),
 * 第十五条/第十六条 (有效期为四年).
 */
import { XJ_PM_VALIDITY_YEARS, XJ_SPM_VALIDITY_YEARS } from '../../rules/validity';
import { CERT_RED, GREY, fine, titleStyle, value } from './palette';
import { A4_LANDSCAPE, doubleBorder, factRows, textField } from './parts';
import type { CertificateTemplate, TemplateElement } from './types';

/** 000 第三条: 新疆软件行业协会、新疆计算机学会、新疆电子学会（新疆“IT 三会”）. */
export const XJ_IT_ASSOCIATIONS = ['新疆软件行业协会', '新疆计算机学会', '新疆电子学会'] as const;

const W = 297;
const LABEL_X = 78;
const VALUE_X = 108;

/** The three associations' names side by side at `yMm`, as they sign the certificate (000 第十四条 联合颁发). */
export function xjAssociationNames(yMm: number): TemplateElement[] {
  return XJ_IT_ASSOCIATIONS.map((org, i): TemplateElement => ({
    kind: 'text',
    layer: 'fixed',
    text: org,
    xMm: 78 + i * 70.5,
    yMm,
    style: { font: 'serif-bold', sizePt: 14, color: CERT_RED },
    align: 'center',
  }));
}

function xjCertificate(level: '工程经理' | '高级工程经理', id: string, prefix: string, years: number, cite: string): CertificateTemplate {
  const name = `信息系统集成实施${level}评价证书`;
  return {
    id,
    title: `《${name}》`,
    cite: `000 第十四条、${cite}`,
    page: A4_LANDSCAPE,
    numberPrefix: prefix,
    validity: { years, cite },
    fields: [
      { key: 'sex', label: '性别', format: 'sex', required: true },
      textField('idNumber', '身份证号', 18),
    ],
    elements: [
      ...doubleBorder(W, 210),
      { kind: 'text', layer: 'fixed', text: name, xMm: W / 2, yMm: 44, style: titleStyle(30, 3), align: 'center' },
      { kind: 'line', layer: 'background', x1Mm: 60, y1Mm: 52, x2Mm: W - 60, y2Mm: 52, strokePt: 1, color: CERT_RED },
      // Photo frame with its placeholder under the photo (the photo covers it when present).
      { kind: 'rect', layer: 'background', xMm: 32, yMm: 62, widthMm: 30, heightMm: 40, strokePt: 0.6, color: GREY },
      { kind: 'text', layer: 'background', text: '照\u3000片', xMm: 47, yMm: 84, style: fine(10), align: 'center' },
      { kind: 'photo', layer: 'value', xMm: 32, yMm: 62, widthMm: 30, heightMm: 40 },
      ...factRows(
        [
          ['姓\u3000\u3000名', 'holderName'],
          ['性\u3000\u3000别', 'sex'],
          ['身份证号', 'idNumber'],
          ['证书编号', 'certificateNo'],
          ['发证日期', 'issuedOn'],
          ['有效期至', 'validUntil'],
        ],
        { firstYMm: 72, stepMm: 12, labelXMm: LABEL_X, valueXMm: VALUE_X, ruleEndXMm: 210, labelPt: 13, valuePt: 14, maxWidthMm: 100, minSizePt: 10 },
      ),
      { kind: 'qr', layer: 'value', xMm: 226, yMm: 62, sizeMm: 40 },
      { kind: 'text', layer: 'fixed', text: '扫码核验证书', xMm: 246, yMm: 107, style: fine(9), align: 'center' },
      {
        kind: 'paragraph',
        layer: 'fixed',
        text: `该同志通过信息系统集成实施${level}评价，由新疆“IT 三会”联合颁发《${name}》。本证书有效期为四年。`,
        xMm: LABEL_X,
        yMm: 150,
        widthMm: 180,
        lineHeightMm: 8,
        indentChars: 2,
        style: value(13),
      },
      ...xjAssociationNames(180),
      { kind: 'text', layer: 'fixed', text: '新疆“IT 三会”联合颁发\u3000证书真伪请扫码或登录核验网址查询', xMm: W / 2, yMm: 192, style: fine(8), align: 'center' },
      { kind: 'reprint-mark', layer: 'value', xMm: W - 20, yMm: 24, style: { font: 'sans-bold', sizePt: 11, color: CERT_RED }, align: 'right' },
    ],
  };
}

/** P1: 《信息系统集成实施工程经理评价证书》 (000 第十四条), valid 4 years (000 第十五条). */
export const xjIsiPmCertificate: CertificateTemplate = xjCertificate(
  '工程经理',
  'xj-isi-pm-certificate',
  'XJPM',
  XJ_PM_VALIDITY_YEARS,
  '第十五条',
);

/** P2: 《信息系统集成实施高级工程经理评价证书》 (000 第十四条), valid 4 years (000 第十六条). */
export const xjIsiSpmCertificate: CertificateTemplate = xjCertificate(
  '高级工程经理',
  'xj-isi-spm-certificate',
  'XJSPM',
  XJ_SPM_VALIDITY_YEARS,
  '第十六条',
);
