/**
 * P3 xj-si-annual: the capability certificate an enterprise exchanges after passing the annual
 * inspection (001: 已通过企业需要在 2026 年 4 月 30 日前完成换证). A4 landscape.
 * 001 states no validity period, so the caller supplies 有效期至 (validity: null), and the grade
 * is one of 甲级/乙级/丙级/丁级 (001 人员情况 thresholds).
 */
import { xjAssociationNames } from './xj-isi-certificate';
import { CERT_RED, fine, titleStyle, value } from './palette';
import { A4_LANDSCAPE, doubleBorder, factRows, textField } from './parts';
import type { CertificateTemplate } from './types';

const W = 297;
const LABEL_X = 52;
const VALUE_X = 96;

const ROWS: [string, string][] = [
  ['企业名称', 'holderName'],
  ['统一社会信用代码', 'creditCode'],
  ['资质等级', 'grade'],
  ['年\u3000\u3000检', 'inspection'],
  ['证书编号', 'certificateNo'],
  ['换发日期', 'issuedOn'],
  ['有效期至', 'validUntil'],
];

export const xjSiAnnualCertificate: CertificateTemplate = {
  id: 'xj-si-certificate',
  title: '计算机信息系统集成（信息工程）能力评估证书',
  cite: '001 温馨提示 11（换证）',
  page: A4_LANDSCAPE,
  numberPrefix: 'XJSI',
  validity: null,
  fields: [
    textField('creditCode', '统一社会信用代码', 18),
    textField('grade', '资质等级', 4),
    textField('inspection', '年检结论', 20),
  ],
  elements: [
    ...doubleBorder(W, 210),
    { kind: 'text', layer: 'fixed', text: '计算机信息系统集成（信息工程）', xMm: W / 2, yMm: 40, style: titleStyle(24, 2), align: 'center' },
    { kind: 'text', layer: 'fixed', text: '能力评估证书', xMm: W / 2, yMm: 58, style: titleStyle(30, 8), align: 'center' },
    ...factRows(ROWS, { firstYMm: 78, stepMm: 13, labelXMm: LABEL_X, valueXMm: VALUE_X, ruleEndXMm: 218, labelPt: 13, valuePt: 14, maxWidthMm: 120, minSizePt: 9 }),
    { kind: 'qr', layer: 'value', xMm: 228, yMm: 76, sizeMm: 40 },
    { kind: 'text', layer: 'fixed', text: '扫码核验证书', xMm: 248, yMm: 121, style: fine(9), align: 'center' },
    {
      kind: 'paragraph',
      layer: 'fixed',
      text: '该企业参加自治区计算机信息系统集成（信息工程）企业年检，经审核通过，换发本证书。',
      xMm: LABEL_X,
      yMm: 170,
      widthMm: 190,
      lineHeightMm: 7,
      indentChars: 2,
      style: value(12),
    },
    ...xjAssociationNames(186),
    { kind: 'reprint-mark', layer: 'value', xMm: W - 20, yMm: 24, style: { font: 'sans-bold', sizePt: 11, color: CERT_RED }, align: 'right' },
  ],
};
