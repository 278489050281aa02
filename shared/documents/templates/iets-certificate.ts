/**
 * P6 iets: 信息化工程与技术服务能力评价 certificate (004), A4 portrait. Levels IETS-4 … IETS-1 and
 * IETS-E (004 第十一条); the 新一代信息技术应用与创新能力评价 has no level (第十二条), so `level`
 * is optional. Valid 3 years with an annual review (第十五条); searchable online (第十四条).
 */
import { IETS_VALIDITY_YEARS } from '../../rules/validity';
import { CERT_RED, LIGHT_GREY, fine, label, titleStyle, value } from './palette';
import type { CertificateTemplate, TemplateElement } from './types';

const W = 210;
const LABEL_X = 30;
const VALUE_X = 72;

const ROWS: [string, string, number][] = [
  ['组织名称', 'holderName', 112],
  ['统一社会信用代码', 'creditCode', 126],
  ['评价类别', 'category', 140],
  ['证书编号', 'certificateNo', 154],
  ['发证日期', 'issuedOn', 168],
  ['有效期至', 'validUntil', 182],
];

export const ietsCertificate: CertificateTemplate = {
  id: 'iets-certificate',
  title: '信息化工程与技术服务能力评价证书',
  cite: '004 第十一条、第十四条、第十五条',
  page: { paper: 'A4', orientation: 'portrait' },
  numberPrefix: 'IETS',
  validity: { years: IETS_VALIDITY_YEARS, cite: '004 第十五条' },
  fields: [
    { key: 'creditCode', label: '统一社会信用代码', format: 'text', required: true, maxChars: 18 },
    { key: 'category', label: '评价类别', format: 'text', required: true, maxChars: 30 },
    { key: 'level', label: '能力等级', format: 'text', required: false, maxChars: 20 },
  ],
  elements: [
    { kind: 'rect', layer: 'background', xMm: 10, yMm: 10, widthMm: W - 20, heightMm: 277, strokePt: 3, color: CERT_RED },
    { kind: 'rect', layer: 'background', xMm: 14, yMm: 14, widthMm: W - 28, heightMm: 269, strokePt: 0.8, color: CERT_RED },
    { kind: 'text', layer: 'fixed', text: '信息化工程与技术服务', xMm: W / 2, yMm: 50, style: titleStyle(26, 3), align: 'center' },
    { kind: 'text', layer: 'fixed', text: '能力评价证书', xMm: W / 2, yMm: 68, style: titleStyle(30, 8), align: 'center' },
    { kind: 'line', layer: 'background', x1Mm: 40, y1Mm: 76, x2Mm: W - 40, y2Mm: 76, strokePt: 1, color: CERT_RED },
    { kind: 'field', layer: 'value', field: 'level', xMm: W / 2, yMm: 96, style: { font: 'serif-bold', sizePt: 26, color: CERT_RED }, align: 'center', maxWidthMm: 150, minSizePt: 16 },
    ...ROWS.flatMap(([text, field, y]): TemplateElement[] => [
      { kind: 'text', layer: 'fixed', text: `${text}：`, xMm: LABEL_X, yMm: y, style: label(12) },
      { kind: 'field', layer: 'value', field, xMm: VALUE_X, yMm: y, style: value(13), maxWidthMm: 108, minSizePt: 8 },
      { kind: 'line', layer: 'background', x1Mm: VALUE_X - 1, y1Mm: y + 1.8, x2Mm: 180, y2Mm: y + 1.8, strokePt: 0.4, color: LIGHT_GREY },
    ]),
    {
      kind: 'paragraph',
      layer: 'fixed',
      text: '经评价，该组织的基本能力、技术能力、服务能力和运营能力符合团体标准 T/TMAC 033.F—2021《信息化工程与技术服务能力要求》相应要求，特发此证。',
      xMm: LABEL_X,
      yMm: 200,
      widthMm: 150,
      lineHeightMm: 7.5,
      indentChars: 2,
      style: value(12),
    },
    {
      kind: 'paragraph',
      layer: 'fixed',
      text: '证书有效期为3年，评价中心对获证组织进行年度审查；未进行年度审查或年度审查不合格的，证书予以撤销。证书可在官网查询。',
      xMm: LABEL_X,
      yMm: 226,
      widthMm: 108,
      lineHeightMm: 5,
      style: fine(8.5),
    },
    { kind: 'qr', layer: 'value', xMm: 146, yMm: 218, sizeMm: 34 },
    { kind: 'text', layer: 'fixed', text: '扫码核验证书', xMm: 163, yMm: 256, style: fine(8), align: 'center' },
    { kind: 'text', layer: 'fixed', text: '中国技术市场协会科学技术评价中心', xMm: W / 2, yMm: 266, style: { font: 'serif-bold', sizePt: 15, color: CERT_RED }, align: 'center' },
    { kind: 'reprint-mark', layer: 'value', xMm: W - 20, yMm: 24, style: { font: 'sans-bold', sizePt: 11, color: CERT_RED }, align: 'right' },
  ],
};
