/**
 * The one renderer for every template in templates/. It draws a template's background and fixed
 * layers ONCE per PDF as a form XObject and places it on every page, then draws each page's
 * values on top; in "values only" mode the form is left out. A printer profile is one transform
 * in front of each page's drawing, so calibrated positions need no arithmetic in templates.
 */
import { type PDFRef, type PDFDocument, type PDFPage } from '@cantoo/pdf-lib';
import { formatDateZh, formatYearMonthZh } from '../rules/civil-date';
import { DocumentError } from './errors';
import { type FontRegistry, type FontKey } from './fonts';
import { PdfCanvas, mmToPt, qrImageMask, type TextSink } from './pdf/canvas';
import { wrapText } from './pdf/text';
import { IDENTITY_PROFILE, type PrintMode, type PrinterProfile } from './printer';
import { STANDARD_FIELDS, pageSizeMm, type CertificateTemplate, type Layer, type TemplateElement, type TemplateField } from './templates/types';
import type { QrMatrix } from './vendor/qrcode';

/** What one page needs besides its field values. */
export interface PageExtras {
  readonly qr?: QrMatrix;
  /** Already embedded (PDFDocument.embedJpg) by the caller. */
  readonly photo?: { readonly ref: PDFRef; readonly widthPx: number; readonly heightPx: number };
  /** 1 or more: print “补打 第N次”. */
  readonly reprint?: number;
}

export type FieldValues = Readonly<Record<string, string | undefined>>;

const SEX_ZH: Readonly<Record<string, string>> = { male: '男', female: '女', 男: '男', 女: '女' };

export function allFields(template: CertificateTemplate): TemplateField[] {
  return [...STANDARD_FIELDS, ...template.fields];
}

/** A stored value as printed: dates as 2026年11月22日, months as 2019年09月, sex as 男/女. */
export function formatFieldValue(field: TemplateField, raw: string): string {
  switch (field.format) {
    case 'date':
      return formatDateZh(raw);
    case 'year-month':
      return formatYearMonthZh(raw);
    case 'sex':
      return SEX_ZH[raw] ?? raw;
    case 'text':
      return raw;
  }
}

/**
 * Checks values against the template's fields: required ones present, lengths within bounds,
 * dates canonical. Returns the Chinese problems (empty when all is well).
 */
export function checkFieldValues(template: CertificateTemplate, values: FieldValues): string[] {
  const problems: string[] = [];
  for (const field of allFields(template)) {
    const raw = values[field.key];
    if (raw === undefined || raw.trim() === '') {
      if (field.required) problems.push(`缺少${field.label}`);
      continue;
    }
    if (field.maxChars !== undefined && [...raw].length > field.maxChars) {
      problems.push(`${field.label}超过${field.maxChars}个字`);
    }
    if (field.format === 'date' && formatDateZh(raw) === raw) problems.push(`${field.label}“${raw}”不是有效日期`);
    if (field.format === 'year-month' && formatYearMonthZh(raw) === raw) problems.push(`${field.label}“${raw}”不是有效年月`);
  }
  return problems;
}

function layersFor(mode: PrintMode): ReadonlySet<Layer> {
  return new Set<Layer>(mode === 'full' ? ['background', 'fixed'] : []);
}

/** The faces a template draws with in the given mode. */
export function templateFonts(template: CertificateTemplate, mode: PrintMode): Set<FontKey> {
  const staticLayers = layersFor(mode);
  const keys = new Set<FontKey>();
  for (const el of template.elements) {
    if ('style' in el && (el.layer === 'value' || staticLayers.has(el.layer))) keys.add(el.style.font);
  }
  return keys;
}

export interface TemplateRendererOptions {
  readonly mode: PrintMode;
  readonly printer?: PrinterProfile;
  readonly onTextDrawn?: TextSink;
}

export class TemplateRenderer {
  private fixedForm: PDFRef | undefined;
  private readonly fields: Map<string, TemplateField>;
  readonly widthMm: number;
  readonly heightMm: number;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: FontRegistry,
    readonly template: CertificateTemplate,
    private readonly options: TemplateRendererOptions,
  ) {
    const size = pageSizeMm(template.page);
    this.widthMm = size.widthMm;
    this.heightMm = size.heightMm;
    this.fields = new Map(allFields(template).map((f) => [f.key, f]));
  }

  /** Loads the fonts and, in full mode, draws the static layers once into a form. */
  async prepare(): Promise<void> {
    await this.fonts.load(templateFonts(this.template, this.options.mode));
    const layers = layersFor(this.options.mode);
    if (layers.size === 0) return;
    const canvas = this.canvas();
    for (const el of this.template.elements) {
      if (el.layer !== 'value' && layers.has(el.layer)) this.drawStatic(canvas, el);
    }
    this.fixedForm = canvas.toForm(this.doc);
  }

  private canvas(): PdfCanvas {
    return new PdfCanvas(this.fonts, this.widthMm, this.heightMm, this.options.onTextDrawn);
  }

  private drawStatic(canvas: PdfCanvas, el: TemplateElement): void {
    switch (el.kind) {
      case 'rect':
        canvas.rect(el.xMm, el.yMm, el.widthMm, el.heightMm, {
          ...(el.fill ? { fill: el.fill } : {}),
          stroke: { widthPt: el.strokePt ?? 0.5, ...(el.color ? { color: el.color } : {}), ...(el.dashPt ? { dashPt: el.dashPt } : {}) },
        });
        return;
      case 'line':
        canvas.line(el.x1Mm, el.y1Mm, el.x2Mm, el.y2Mm, {
          widthPt: el.strokePt ?? 0.5,
          ...(el.color ? { color: el.color } : {}),
          ...(el.dashPt ? { dashPt: el.dashPt } : {}),
        });
        return;
      case 'ellipse':
        canvas.ellipse(el.cxMm, el.cyMm, el.rxMm, el.ryMm, {
          stroke: { widthPt: el.strokePt ?? 0.5, ...(el.color ? { color: el.color } : {}), ...(el.dashPt ? { dashPt: el.dashPt } : {}) },
        });
        return;
      case 'text':
        canvas.text(el.text, el.xMm, el.yMm, { ...el.style, align: el.align ?? 'left' });
        return;
      case 'paragraph': {
        const charWidth = canvas.textWidth('中', el.style);
        const indent = (el.indentChars ?? 0) * charWidth;
        const lines = wrapText(el.text, el.widthMm, (s) => canvas.textWidth(s, el.style), indent);
        lines.forEach((line, i) => canvas.text(line, el.xMm + (i === 0 ? indent : 0), el.yMm + i * el.lineHeightMm, el.style));
        return;
      }
      default:
        throw new Error(`element ${el.kind} is not static`);
    }
  }

  /** Adds one page with the static layers (if any) and these values on top. */
  renderPage(values: FieldValues, extras: PageExtras): PDFPage {
    const page = this.doc.addPage([mmToPt(this.widthMm), mmToPt(this.heightMm)]);
    const canvas = this.canvas();
    const profile = this.options.printer ?? IDENTITY_PROFILE;
    if (profile !== IDENTITY_PROFILE) canvas.transform(profile.offsetXmm, profile.offsetYmm, profile.scale);
    if (this.fixedForm) canvas.form('Tpl', this.fixedForm);
    for (const el of this.template.elements) {
      if (el.layer === 'value') this.drawValue(canvas, el, values, extras);
    }
    canvas.drawOnto(page);
    return page;
  }

  private drawValue(canvas: PdfCanvas, el: TemplateElement, values: FieldValues, extras: PageExtras): void {
    switch (el.kind) {
      case 'field': {
        const def = this.fields.get(el.field);
        if (!def) throw new Error(`template ${this.template.id} draws undeclared field ${el.field}`);
        const raw = values[el.field];
        if (raw === undefined || raw === '') return;
        const text = formatFieldValue(def, raw);
        let y = el.yMm;
        if (el.row) {
          const index = Number(values[el.row.indexField]);
          if (!Number.isInteger(index) || index < 1 || index > el.row.rows) {
            throw new DocumentError('documents.row', `登记次数应为 1—${el.row.rows}，收到“${values[el.row.indexField] ?? ''}”。`);
          }
          y += (index - 1) * el.row.stepYMm;
        }
        const sizePt = this.fitSize(canvas, text, el.style, el.maxWidthMm, el.minSizePt ?? el.style.sizePt, def.label);
        canvas.text(text, el.xMm, y, { ...el.style, sizePt, align: el.align ?? 'left' });
        return;
      }
      case 'photo': {
        if (!extras.photo) return;
        // Cover the frame: scale to fill, centred; the frame's aspect is the standard photo's.
        const { ref, widthPx, heightPx } = extras.photo;
        const scale = Math.max(el.widthMm / widthPx, el.heightMm / heightPx);
        const w = widthPx * scale;
        const h = heightPx * scale;
        canvas.image('Photo', ref, el.xMm + (el.widthMm - w) / 2, el.yMm + (el.heightMm - h) / 2, w, h);
        return;
      }
      case 'qr':
        if (extras.qr) canvas.qrImage('Qr', qrImageMask(this.doc, extras.qr), extras.qr.size, el.xMm, el.yMm, el.sizeMm);
        return;
      case 'reprint-mark':
        // Never on pre-printed stock (values only): there the reprint is recorded with its
        // reason (shared/lifecycle planReprint) instead; only full prints show the mark.
        if (this.options.mode === 'full' && extras.reprint !== undefined && extras.reprint >= 1) {
          canvas.text(`补打 第${extras.reprint}次`, el.xMm, el.yMm, { ...el.style, align: el.align ?? 'left' });
        }
        return;
      default:
        throw new Error(`element ${el.kind} is not a value`);
    }
  }

  /** The largest size ≤ the style's at which the text fits, no smaller than minSizePt. */
  private fitSize(canvas: PdfCanvas, text: string, style: { font: FontKey; sizePt: number; charSpacingPt?: number }, maxWidthMm: number, minSizePt: number, label: string): number {
    const width = canvas.textWidth(text, style);
    if (width <= maxWidthMm) return style.sizePt;
    const size = Math.floor(((style.sizePt * maxWidthMm) / width) * 10) / 10;
    if (size < minSizePt) {
      throw new DocumentError('documents.overflow', `${label}“${text}”太长，印不进证书上的位置，请核对或使用简称。`);
    }
    return size;
  }
}
