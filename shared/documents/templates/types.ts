/**
 * The template format: a certificate (or any fixed-layout page) as data. One generic renderer
 * (../render-template.ts) draws every template; adding a certificate means adding a data file.
 *
 * Geometry is in millimetres from the paper's top-left corner (what a ruler on the printed stock
 * reads); text positions are BASELINES. Every element belongs to a layer:
 * - 'background': borders, rules, frames, watermarks — what pre-printed stock already has;
 * - 'fixed': wording that never changes (titles, labels, the rulebook's sentences);
 * - 'value': what differs per certificate (field values, photo, QR code, reprint mark).
 * "Values only" printing onto pre-printed stock draws the 'value' layer alone.
 */
import type { Align, Rgb, TextStyle } from '../pdf/canvas';

export type Layer = 'background' | 'fixed' | 'value';

export type PaperName = 'A4' | 'A5';

export interface PageSpec {
  readonly paper: PaperName;
  readonly orientation: 'portrait' | 'landscape';
}

/** How a raw value (as stored) is turned into print. */
export type FieldFormat =
  /** As given. */
  | 'text'
  /** 'YYYY-MM-DD' → 2026年11月22日 (formatDateZh). */
  | 'date'
  /** 'YYYY-MM' → 2019年09月 (formatYearMonthZh). */
  | 'year-month'
  /** 'male' / 'female' → 男 / 女. */
  | 'sex';

export interface TemplateField {
  readonly key: string;
  /** What the clerk calls it, in messages such as “缺少：姓名”. */
  readonly label: string;
  readonly format: FieldFormat;
  readonly required: boolean;
  /** Longest value accepted (in characters) before the renderer refuses rather than overflow. */
  readonly maxChars?: number;
}

/**
 * Places an element in row N of a ruled table instead of at a fixed spot: the element's yMm is
 * row 1's, and row N is (N − 1) × stepYMm lower; N is read from the value of `indexField`
 * (registration page: the current registration goes on line 1, 2 or 3).
 */
export interface RowPlacement {
  readonly indexField: string;
  readonly stepYMm: number;
  readonly rows: number;
}

interface Positioned {
  readonly xMm: number;
  readonly yMm: number;
}

export type TemplateElement =
  | (Positioned & {
      readonly kind: 'rect';
      readonly layer: 'background' | 'fixed';
      readonly widthMm: number;
      readonly heightMm: number;
      readonly strokePt?: number;
      readonly color?: Rgb;
      readonly fill?: Rgb;
      readonly dashPt?: readonly number[];
    })
  | {
      readonly kind: 'line';
      readonly layer: 'background' | 'fixed';
      readonly x1Mm: number;
      readonly y1Mm: number;
      readonly x2Mm: number;
      readonly y2Mm: number;
      readonly strokePt?: number;
      readonly color?: Rgb;
      readonly dashPt?: readonly number[];
    }
  | {
      readonly kind: 'ellipse';
      readonly layer: 'background' | 'fixed';
      readonly cxMm: number;
      readonly cyMm: number;
      readonly rxMm: number;
      readonly ryMm: number;
      readonly strokePt?: number;
      readonly color?: Rgb;
      readonly dashPt?: readonly number[];
    }
  | (Positioned & {
      /** One line of fixed wording; yMm is the baseline. */
      readonly kind: 'text';
      readonly layer: 'background' | 'fixed';
      readonly text: string;
      readonly style: TextStyle;
      readonly align?: Align;
    })
  | (Positioned & {
      /** Fixed wording wrapped to `widthMm`; yMm is the first baseline. */
      readonly kind: 'paragraph';
      readonly layer: 'fixed';
      readonly text: string;
      readonly style: TextStyle;
      readonly widthMm: number;
      readonly lineHeightMm: number;
      /** Indent of the first line in characters (Chinese paragraphs indent two). */
      readonly indentChars?: number;
    })
  | (Positioned & {
      /** A field's formatted value on one line, shrunk to fit `maxWidthMm` down to `minSizePt`. */
      readonly kind: 'field';
      readonly layer: 'value';
      readonly field: string;
      readonly style: TextStyle;
      readonly align?: Align;
      readonly maxWidthMm: number;
      readonly minSizePt?: number;
      readonly row?: RowPlacement;
    })
  | (Positioned & {
      /** The holder's photo (JPEG), scaled to cover the box. */
      readonly kind: 'photo';
      readonly layer: 'value';
      readonly widthMm: number;
      readonly heightMm: number;
    })
  | (Positioned & {
      /** The verification QR code, quiet zone included in `sizeMm`. */
      readonly kind: 'qr';
      readonly layer: 'value';
      readonly sizeMm: number;
    })
  | (Positioned & {
      /** Where “补打 第N次” goes on a reprint; nothing on a first print. */
      readonly kind: 'reprint-mark';
      readonly layer: 'value';
      readonly style: TextStyle;
      readonly align?: Align;
    });

export interface CertificateTemplate {
  /** The layout id a program pack names (`documents[].layout`). */
  readonly id: string;
  /** The document's name in the rulebook's words. */
  readonly title: string;
  /** Where the document and its wording come from, e.g. '000 第十四条'. */
  readonly cite: string;
  readonly page: PageSpec;
  /** Certificate-number prefix: XJPM → XJPM-2026-000123 (numbering.ts). */
  readonly numberPrefix: string;
  /**
   * Validity in whole years from the issue (or registration) day, from the rulebook; null where
   * the rulebook gives none and the caller must supply the date (P3's exchanged certificate).
   */
  readonly validity: { readonly years: number; readonly cite: string } | null;
  /** Fields the template prints beyond the standard ones (see STANDARD_FIELDS). */
  readonly fields: readonly TemplateField[];
  readonly elements: readonly TemplateElement[];
}

/** Fields every certificate has; the builder fills them from the certificate record. */
export const STANDARD_FIELDS: readonly TemplateField[] = [
  { key: 'certificateNo', label: '证书编号', format: 'text', required: true, maxChars: 40 },
  { key: 'holderName', label: '持证人', format: 'text', required: true, maxChars: 60 },
  { key: 'issuedOn', label: '发证日期', format: 'date', required: true },
  { key: 'validFrom', label: '有效期起', format: 'date', required: true },
  { key: 'validUntil', label: '有效期至', format: 'date', required: true },
];

/** Paper sizes in millimetres, portrait. */
export const PAPER_MM: Readonly<Record<PaperName, { readonly widthMm: number; readonly heightMm: number }>> = {
  A4: { widthMm: 210, heightMm: 297 },
  A5: { widthMm: 148, heightMm: 210 },
};

export function pageSizeMm(page: PageSpec): { widthMm: number; heightMm: number } {
  const { widthMm, heightMm } = PAPER_MM[page.paper];
  return page.orientation === 'portrait' ? { widthMm, heightMm } : { widthMm: heightMm, heightMm: widthMm };
}
