/**
 * P3 xj-si-annual: the capability certificate an enterprise exchanges after passing the annual
 * inspection (001: 已通过企业需要在 2026 年 4 月 30 日前完成换证). A4 landscape.
 * 001 states no validity period, so the caller supplies 有效期至 (validity: null), and the grade
 * is one of 甲级/乙级/丙级/丁级 (001 人员情况 thresholds).
 */
import { XJ_IT_ASSOCIATIONS } from './xj-isi-certificate';
import { CERT_RED, LIGHT_GREY, fine, label, titleStyle, value } from './palette';
import type { CertificateTemplate, TemplateElement } from './types';

const W = 297;
const LABEL_X = 52;
const VALUE_X = 96;

const ROWS: [string, string, number][] = [
  ['企业名称', 'holderName', 78],
  ['统一社会信用代码', 'creditCode', 91],
  ['资质等级', 'grade', 104],
  ['年\u3000\u3000检', 'inspection', 117],
  ['证书编号', 'certificateNo', 130],
  ['换发日期', 'issuedOn', 143],
  ['有效期至', 'validUntil', 156],
];

export const xjSiAnnualCertificate: CertificateTemplate = {
  id: 'xj-si-certificate',
  title: '计算机信息系统集成（信息工程）能力评估证书',
  cite: '001 温馨提示 11（换证）',
  page: { paper: 'A4', orientation: 'landscape' },
  numberPrefix: 'XJSI',
  validity: null,
  fields: [
    { key: 'creditCode', label: '统一社会信用代码', format: 'text', required: true, maxChars: 18 },
    { key: 'grade', label: '资质等级', format: 'text', required: true, maxChars: 4 },
    { key: 'inspection', label: '年检结论', format: 'text', required: true, maxChars: 20 },
  ],
  elements: [
    { kind: 'rect', layer: 'background', xMm: 10, yMm: 10, widthMm: W - 20, heightMm: 190, strokePt: 3, color: CERT_RED },
    { kind: 'rect', layer: 'background', xMm: 14, yMm: 14, widthMm: W - 28, heightMm: 182, strokePt: 0.8, color: CERT_RED },
    { kind: 'text', layer: 'fixed', text: '计算机信息系统集成（信息工程）', xMm: W / 2, yMm: 40, style: titleStyle(24, 2), align: 'center' },
    { kind: 'text', layer: 'fixed', text: '能力评估证书', xMm: W / 2, yMm: 58, style: titleStyle(30, 8), align: 'center' },
    ...ROWS.flatMap(([text, field, y]): TemplateElement[] => [
      { kind: 'text', layer: 'fixed', text: `${text}：`, xMm: LABEL_X, yMm: y, style: label(13) },
      { kind: 'field', layer: 'value', field, xMm: VALUE_X, yMm: y, style: value(14), maxWidthMm: 120, minSizePt: 9 },
      { kind: 'line', layer: 'background', x1Mm: VALUE_X - 1, y1Mm: y + 1.8, x2Mm: 218, y2Mm: y + 1.8, strokePt: 0.4, color: LIGHT_GREY },
    ]),
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
    ...XJ_IT_ASSOCIATIONS.map((org, i): TemplateElement => ({
      kind: 'text',
      layer: 'fixed',
      text: org,
      xMm: 78 + i * 70.5,
      yMm: 186,
      style: { font: 'serif-bold', sizePt: 14, color: CERT_RED },
      align: 'center',
    })),
    { kind: 'reprint-mark', layer: 'value', xMm: W - 20, yMm: 24, style: { font: 'sans-bold', sizePt: 11, color: CERT_RED }, align: 'right' },
  ],
};
