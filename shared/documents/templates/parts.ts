/**
 * Layout pieces the certificate templates share: their stocks, their text fields, the red double frame and the rows of the
 * holder's facts (a label, the value on a light rule). They return plain elements, so each
 * template still reads as its page.
 */
import { CERT_RED, LIGHT_GREY, label, value } from './palette';
import type { PageSpec, TemplateElement, TemplateField } from './types';

/** The stocks the certificates print on. */
export const A4_PORTRAIT: PageSpec = { paper: 'A4', orientation: 'portrait' };
export const A4_LANDSCAPE: PageSpec = { paper: 'A4', orientation: 'landscape' };
export const A5_PORTRAIT: PageSpec = { paper: 'A5', orientation: 'portrait' };

/** A field printed as given: its key, what the clerk calls it, and the longest value the page takes. */
export function textField(key: string, label: string, maxChars: number, required = true): TemplateField {
  return { key, label, format: 'text', required, maxChars };
}

/** A heavy red border 10 mm inside the paper's edge, and a thin one 4 mm inside that. */
export function doubleBorder(widthMm: number, heightMm: number): TemplateElement[] {
  return [
    { kind: 'rect', layer: 'background', xMm: 10, yMm: 10, widthMm: widthMm - 20, heightMm: heightMm - 20, strokePt: 3, color: CERT_RED },
    { kind: 'rect', layer: 'background', xMm: 14, yMm: 14, widthMm: widthMm - 28, heightMm: heightMm - 28, strokePt: 0.8, color: CERT_RED },
  ];
}

/** Where the fact rows go and how large they print. */
export interface FactRowsLayout {
  /** The first row's baseline, and the distance from one row's baseline to the next. */
  readonly firstYMm: number;
  readonly stepMm: number;
  readonly labelXMm: number;
  readonly valueXMm: number;
  /** Where each value's rule ends. */
  readonly ruleEndXMm: number;
  readonly labelPt: number;
  readonly valuePt: number;
  readonly maxWidthMm: number;
  readonly minSizePt: number;
}

/** One row per fact, evenly spaced: “label：” at the left, the field's value after it on a light rule. */
export function factRows(rows: readonly (readonly [label: string, field: string])[], l: FactRowsLayout): TemplateElement[] {
  return rows.flatMap(([text, field], i): TemplateElement[] => {
    const y = l.firstYMm + i * l.stepMm;
    return [
      { kind: 'text', layer: 'fixed', text: `${text}：`, xMm: l.labelXMm, yMm: y, style: label(l.labelPt) },
      { kind: 'field', layer: 'value', field, xMm: l.valueXMm, yMm: y, style: value(l.valuePt), maxWidthMm: l.maxWidthMm, minSizePt: l.minSizePt },
      { kind: 'line', layer: 'background', x1Mm: l.valueXMm - 1, y1Mm: y + 1.8, x2Mm: l.ruleEndXMm, y2Mm: y + 1.8, strokePt: 0.4, color: LIGHT_GREY },
    ];
  });
}
