/**
 * P5 rk-registration: the certificate's registration page (登记页), A5 portrait. 003 第七条: the
 * registration office stamps the 证书登记专用章 on the registration page and writes the date;
 * 第三条: valid three years from registration, register within the three months before expiry.
 *
 * The page has three registration lines; the current registration is printed on line
 * `registrationIndex` (1–3), so a booklet that already carries earlier stamps is printed on the
 * next free line ("values only" mode on the real booklet).
 */
import { RK_VALIDITY_YEARS } from '../../rules/validity';
import { CERT_RED, GREY, INK, LIGHT_GREY, fine, label, titleStyle, value } from './palette';
import { A5_PORTRAIT, textField } from './parts';
import type { CertificateTemplate, RowPlacement, TemplateElement } from './types';

const LEFT = 10;
const RIGHT = 138;
const COLS = [LEFT, 28, 60, 92, RIGHT] as const;
const TABLE_TOP = 76;
const HEADER_H = 10;
const ROW_H = 36;
const ROWS = 3;
const SEAL_CX = (92 + RIGHT) / 2;

/** 003 第七条: 由计算机专业技术资格（水平）证书登记管理办公室统一刻制的…证书登记专用章. */
export const RK_SEAL_TEXT = '计算机专业技术资格（水平）证书登记专用章';

const row: RowPlacement = { indexField: 'registrationIndex', stepYMm: ROW_H, rows: ROWS };
const ORDINALS = ['第一次', '第二次', '第三次'] as const;

function table(): TemplateElement[] {
  const bottom = TABLE_TOP + HEADER_H + ROWS * ROW_H;
  const els: TemplateElement[] = [
    { kind: 'rect', layer: 'background', xMm: LEFT, yMm: TABLE_TOP, widthMm: RIGHT - LEFT, heightMm: bottom - TABLE_TOP, strokePt: 0.9, color: INK },
  ];
  for (const x of COLS.slice(1, -1)) {
    els.push({ kind: 'line', layer: 'background', x1Mm: x, y1Mm: TABLE_TOP, x2Mm: x, y2Mm: bottom, strokePt: 0.5, color: INK });
  }
  for (let i = 0; i < ROWS; i++) {
    const y = TABLE_TOP + HEADER_H + i * ROW_H;
    els.push({ kind: 'line', layer: 'background', x1Mm: LEFT, y1Mm: y, x2Mm: RIGHT, y2Mm: y, strokePt: 0.5, color: INK });
    els.push({ kind: 'text', layer: 'fixed', text: ORDINALS[i] ?? '', xMm: (COLS[0] + COLS[1]) / 2, yMm: y + ROW_H / 2 + 1.5, style: label(9), align: 'center' });
    // Where the seal goes: a dashed circle with the seal's name, for the clerk who stamps it.
    const cy = y + ROW_H / 2;
    els.push({ kind: 'ellipse', layer: 'fixed', cxMm: SEAL_CX, cyMm: cy, rxMm: 15, ryMm: 15, strokePt: 0.6, color: LIGHT_GREY, dashPt: [2, 2] });
    els.push({ kind: 'text', layer: 'fixed', text: '计算机专业技术资格', xMm: SEAL_CX, yMm: cy - 3, style: fine(6.5), align: 'center' });
    els.push({ kind: 'text', layer: 'fixed', text: '（水平）证书', xMm: SEAL_CX, yMm: cy + 1, style: fine(6.5), align: 'center' });
    els.push({ kind: 'text', layer: 'fixed', text: '登记专用章', xMm: SEAL_CX, yMm: cy + 5, style: fine(6.5), align: 'center' });
  }
  const headers = ['登记次数', '登记日期', '有效期至', '登记实施机构（盖章）'];
  headers.forEach((text, i) => {
    els.push({ kind: 'text', layer: 'fixed', text, xMm: ((COLS[i] ?? 0) + (COLS[i + 1] ?? 0)) / 2, yMm: TABLE_TOP + 6.5, style: label(8.5), align: 'center' });
  });
  const first = TABLE_TOP + HEADER_H + ROW_H / 2 + 1.5;
  els.push(
    { kind: 'field', layer: 'value', field: 'issuedOn', xMm: (COLS[1] + COLS[2]) / 2, yMm: first, style: value(9), align: 'center', maxWidthMm: 30, minSizePt: 7, row },
    { kind: 'field', layer: 'value', field: 'validUntil', xMm: (COLS[2] + COLS[3]) / 2, yMm: first, style: value(9), align: 'center', maxWidthMm: 30, minSizePt: 7, row },
    { kind: 'field', layer: 'value', field: 'registrar', xMm: SEAL_CX, yMm: first + ROW_H / 2 - 3.5, style: value(6.5), align: 'center', maxWidthMm: 44, minSizePt: 5, row },
  );
  return els;
}

export const rkRegistrationPage: CertificateTemplate = {
  id: 'rk-registration-page',
  title: '计算机技术与软件专业技术资格（水平）证书登记页',
  cite: '003 第三条、第七条',
  page: A5_PORTRAIT,
  numberPrefix: 'RK',
  validity: { years: RK_VALIDITY_YEARS, cite: '003 第三条' },
  fields: [
    textField('qualification', '资格名称', 30),
    textField('qualificationCertificateNo', '资格证书编号', 40),
    textField('registrationIndex', '登记次数', 1),
    textField('registrar', '登记实施机构', 40),
  ],
  elements: [
    { kind: 'rect', layer: 'background', xMm: 6, yMm: 6, widthMm: 136, heightMm: 198, strokePt: 1.2, color: CERT_RED },
    { kind: 'text', layer: 'fixed', text: '证 书 登 记', xMm: 74, yMm: 20, style: titleStyle(20, 2), align: 'center' },
    {
      kind: 'paragraph',
      layer: 'fixed',
      text: '证书有效期为三年（自批准或登记之日起算）。在有效期满前三个月内，持证者应到批准的证书登记实施机构办理证书登记手续。逾期未办理登记手续的证书不再有效。',
      xMm: LEFT,
      yMm: 29,
      widthMm: RIGHT - LEFT,
      lineHeightMm: 4.6,
      indentChars: 2,
      style: fine(8),
    },
    { kind: 'text', layer: 'fixed', text: '姓\u3000\u3000名：', xMm: LEFT, yMm: 50, style: label(9.5) },
    { kind: 'field', layer: 'value', field: 'holderName', xMm: 32, yMm: 50, style: value(10), maxWidthMm: 74, minSizePt: 7 },
    { kind: 'text', layer: 'fixed', text: '资格名称：', xMm: LEFT, yMm: 58, style: label(9.5) },
    { kind: 'field', layer: 'value', field: 'qualification', xMm: 32, yMm: 58, style: value(10), maxWidthMm: 74, minSizePt: 7 },
    { kind: 'text', layer: 'fixed', text: '证书编号：', xMm: LEFT, yMm: 66, style: label(9.5) },
    { kind: 'field', layer: 'value', field: 'qualificationCertificateNo', xMm: 32, yMm: 66, style: value(10), maxWidthMm: 74, minSizePt: 6 },
    { kind: 'text', layer: 'fixed', text: '登记编号：', xMm: LEFT, yMm: 73, style: fine(7.5) },
    { kind: 'field', layer: 'value', field: 'certificateNo', xMm: 27, yMm: 73, style: { font: 'sans-regular', sizePt: 7.5, color: GREY }, maxWidthMm: 60, minSizePt: 6 },
    { kind: 'qr', layer: 'value', xMm: 112, yMm: 43, sizeMm: 26 },
    { kind: 'text', layer: 'fixed', text: '扫码查询登记状态', xMm: 125, yMm: 72, style: fine(6.5), align: 'center' },
    ...table(),
    { kind: 'text', layer: 'fixed', text: '注：登记实施机构应在受理登记申请后15个工作日内作出审查意见。', xMm: LEFT, yMm: 199, style: fine(7) },
    { kind: 'reprint-mark', layer: 'value', xMm: RIGHT, yMm: 14, style: { font: 'sans-bold', sizePt: 8, color: CERT_RED }, align: 'right' },
  ],
};
