/**
 * P6 iets: 信息化工程与技术服务能力评价 certificate (004), A4 portrait. Levels IETS-4 … IETS-1 and
 * IETS-E (004 第十一条); the 新一代信息技术应用与创新能力评价 has no level (第十二条), so `level`
 * is optional. Valid 3 years with an annual review (第十五条); searchable online (第十四条).
 */
import { IETS_VALIDITY_YEARS } from '../../rules/validity';
import { CERT_RED, fine, titleStyle, value } from './palette';
import { A4_PORTRAIT, doubleBorder, factRows, textField } from './parts';
import type { CertificateTemplate } from './types';

const W = 210;
const LABEL_X = 30;
const VALUE_X = 72;

export const ietsCertificate: CertificateTemplate = {
  id: 'iets-certificate',
  title: '信息化工程与技术服务能力评价证书',
  cite: '004 第十一条、第十四条、第十五条',
  page: A4_PORTRAIT,
  numberPrefix: 'IETS',
  validity: { years: IETS_VALIDITY_YEARS, cite: '004 第十五条' },
  fields: [textField('creditCode', '统一社会信用代码', 18), textField('category', '评价类别', 30), textField('level', '能力等级', 20, false)],
  elements: [
    ...doubleBorder(W, 297),
    { kind: 'text', layer: 'fixed', text: '信息化工程与技术服务', xMm: W / 2, yMm: 50, style: titleStyle(26, 3), align: 'center' },
    { kind: 'text', layer: 'fixed', text: '能力评价证书', xMm: W / 2, yMm: 68, style: titleStyle(30, 8), align: 'center' },
    { kind: 'line', layer: 'background', x1Mm: 40, y1Mm: 76, x2Mm: W - 40, y2Mm: 76, strokePt: 1, color: CERT_RED },
    { kind: 'field', layer: 'value', field: 'level', xMm: W / 2, yMm: 96, style: { font: 'serif-bold', sizePt: 26, color: CERT_RED }, align: 'center', maxWidthMm: 150, minSizePt: 16 },
    ...factRows(
      [
        ['组织名称', 'holderName'],
        ['统一社会信用代码', 'creditCode'],
        ['评价类别', 'category'],
        ['证书编号', 'certificateNo'],
        ['发证日期', 'issuedOn'],
        ['有效期至', 'validUntil'],
      ],
      { firstYMm: 112, stepMm: 14, labelXMm: LABEL_X, valueXMm: VALUE_X, ruleEndXMm: 180, labelPt: 12, valuePt: 13, maxWidthMm: 108, minSizePt: 8 },
    ),
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
