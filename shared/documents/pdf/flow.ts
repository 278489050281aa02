/**
 * Flowing layout for forms and notices whose length depends on the data (a receipt's material
 * list, a table of contents, a summary sheet): a cursor moves down the page, rows that do not fit
 * start a new page (with the table header repeated), every cell's text is wrapped inside its box,
 * and a page footer "第 n 页 共 N 页" and an optional background watermark go on every page.
 */
import type { PDFDocument } from '@cantoo/pdf-lib';
import type { FontRegistry } from '../fonts';
import { pageSizeMm, type PageSpec } from '../templates/types';
import { PdfCanvas, mmToPt, ptToMm, type Align, type Rgb, type TextSink, type TextStyle } from './canvas';
import { wrapText } from './text';

export const BODY: TextStyle = { font: 'serif-regular', sizePt: 10.5 };
export const LABEL: TextStyle = { font: 'sans-bold', sizePt: 10 };
export const HEADING: TextStyle = { font: 'sans-bold', sizePt: 17 };
export const SMALL: TextStyle = { font: 'sans-regular', sizePt: 8, color: { r: 0.35, g: 0.35, b: 0.35 } };

const LINE_FACTOR = 1.45;
const CELL_PAD_X = 1.6;
const CELL_PAD_Y = 1.4;

export interface Watermark {
  readonly text: string;
  readonly style: TextStyle;
  readonly angleDeg: number;
  /** Distance between repetitions, in millimetres. */
  readonly stepXMm: number;
  readonly stepYMm: number;
}

export interface FlowOptions {
  readonly page: PageSpec;
  readonly marginsMm?: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
  readonly watermark?: Watermark;
  /** Footer text for each page; default “第 n 页 共 N 页”. */
  readonly footer?: (pageNo: number, pages: number) => string;
  readonly onTextDrawn?: TextSink;
}

export interface Cell {
  readonly text: string;
  readonly widthMm: number;
  readonly style?: TextStyle;
  readonly align?: Align;
  /** Shade the cell (labels in forms, table headers). */
  readonly fill?: Rgb;
  /** Vertical placement of the text; default middle. */
  readonly valign?: 'top' | 'middle';
}

export const LABEL_FILL: Rgb = { r: 0.94, g: 0.94, b: 0.94 };

interface FlowPage {
  readonly canvas: PdfCanvas;
}

/** Height in mm of one text line set in `style`. */
export function lineHeightMm(style: TextStyle): number {
  return ptToMm(style.sizePt) * LINE_FACTOR;
}

/** A table column: its header and width; its cells at the left unless `align` says otherwise. */
export interface TableColumn {
  readonly header: string;
  readonly widthMm: number;
  readonly align?: Align;
}

export function column(header: string, widthMm: number): TableColumn {
  return { header, widthMm };
}

/** A column whose cells are centred: numbers, names, dates. */
export function centred(header: string, widthMm: number): TableColumn {
  return { header, widthMm, align: 'center' };
}

export class FlowDocument {
  private readonly pages: FlowPage[] = [];
  readonly widthMm: number;
  readonly heightMm: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  /** The cursor: distance from the top of the paper, in mm. */
  y = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: FontRegistry,
    private readonly options: FlowOptions,
  ) {
    const size = pageSizeMm(options.page);
    this.widthMm = size.widthMm;
    this.heightMm = size.heightMm;
    const m = options.marginsMm ?? { top: 20, right: 18, bottom: 20, left: 18 };
    this.left = m.left;
    this.right = size.widthMm - m.right;
    this.top = m.top;
    this.bottom = size.heightMm - m.bottom;
    this.newPage();
  }

  get contentWidth(): number {
    return this.right - this.left;
  }

  get canvas(): PdfCanvas {
    const page = this.pages[this.pages.length - 1];
    if (!page) throw new Error('no page');
    return page.canvas;
  }

  get pageCount(): number {
    return this.pages.length;
  }

  newPage(): void {
    const canvas = new PdfCanvas(this.fonts, this.widthMm, this.heightMm, this.options.onTextDrawn);
    this.pages.push({ canvas });
    if (this.options.watermark) this.drawWatermark(canvas, this.options.watermark);
    this.y = this.top;
  }

  /** Starts a new page unless `heightMm` still fits below the cursor. */
  ensure(heightMm: number): boolean {
    if (this.y + heightMm <= this.bottom) return false;
    this.newPage();
    return true;
  }

  private drawWatermark(canvas: PdfCanvas, mark: Watermark): void {
    // Copies along parallel slanted lines covering the sheet, drawn first so everything else
    // prints over them. `along` runs with the text (up and to the right), `across` between lines,
    // so copies never overlap whatever the angle; alternate lines are staggered by half a step.
    const rad = (mark.angleDeg * Math.PI) / 180;
    const along = { x: Math.cos(rad), y: -Math.sin(rad) };
    const across = { x: Math.sin(rad), y: Math.cos(rad) };
    const textLen = canvas.textWidth(mark.text, mark.style);
    const step = Math.max(mark.stepXMm, textLen + 20);
    const reach = Math.hypot(this.widthMm, this.heightMm);
    const inside = (x: number, y: number) => x > -textLen && x < this.widthMm && y > 0 && y < this.heightMm + textLen;
    for (let j = Math.floor(-reach / mark.stepYMm); j * mark.stepYMm < reach; j++) {
      for (let i = -Math.ceil(reach / step) - 1; i * step < reach; i++) {
        const t = i * step + (j % 2 === 0 ? 0 : step / 2);
        const x = t * along.x + j * mark.stepYMm * across.x;
        const y = t * along.y + j * mark.stepYMm * across.y;
        if (inside(x, y)) canvas.text(mark.text, x, y, { ...mark.style, rotateDeg: mark.angleDeg });
      }
    }
  }

  width(text: string, style: TextStyle): number {
    return this.canvas.textWidth(text, style);
  }

  wrap(text: string, style: TextStyle, widthMm: number, indentMm = 0): string[] {
    return wrapText(text, widthMm, (s) => this.canvas.textWidth(s, style), indentMm);
  }

  spacer(mm: number): void {
    this.y += mm;
  }

  /** A centred title line. */
  heading(text: string, style: TextStyle = HEADING, gapAfterMm = 4): void {
    const h = lineHeightMm(style);
    this.ensure(h);
    this.canvas.text(text, (this.left + this.right) / 2, this.y + ptToMm(style.sizePt), { ...style, align: 'center' });
    this.y += h + gapAfterMm;
  }

  /** Wrapped text across the content width (or a given width from `x`). */
  paragraph(text: string, style: TextStyle = BODY, options: { indentChars?: number; align?: Align; xMm?: number; widthMm?: number } = {}): void {
    const x = options.xMm ?? this.left;
    const width = options.widthMm ?? this.right - x;
    const indent = (options.indentChars ?? 0) * this.width('中', style);
    const h = lineHeightMm(style);
    this.wrap(text, style, width, indent).forEach((line, i) => {
      this.ensure(h);
      const baseline = this.y + ptToMm(style.sizePt);
      if (options.align === 'center') this.canvas.text(line, x + width / 2, baseline, { ...style, align: 'center' });
      else if (options.align === 'right') this.canvas.text(line, x + width, baseline, { ...style, align: 'right' });
      else this.canvas.text(line, x + (i === 0 ? indent : 0), baseline, style);
      this.y += h;
    });
  }

  /** Label and value rows across the content width, each label cell shaded: the facts a form or report starts with. */
  infoRows(rows: readonly (readonly [label: string, value: string])[], labelWidthMm: number): void {
    for (const [label, value] of rows) {
      this.drawRow(
        [
          { text: label, widthMm: labelWidthMm, style: LABEL, align: 'center', fill: LABEL_FILL },
          { text: value, widthMm: this.contentWidth - labelWidthMm },
        ],
        { minHeightMm: 8 },
      );
    }
  }

  /**
   * Lines set from 55 % across the content width, 8 mm apart from the cursor on: the office's seal
   * line, the date, the clerk. A line without text keeps its place.
   */
  signOff(lines: readonly (readonly [text: string | undefined, style: TextStyle])[]): void {
    const x = this.left + this.contentWidth * 0.55;
    lines.forEach(([text, style], i) => {
      if (i > 0) this.spacer(8);
      if (text) this.canvas.text(text, x, this.y, style);
    });
  }

  /** Lines of each cell, and the row height they need. */
  measureRow(cells: readonly Cell[], minHeightMm = 0): { lines: string[][]; heightMm: number } {
    const lines = cells.map((c) => this.wrap(c.text, c.style ?? BODY, c.widthMm - 2 * CELL_PAD_X));
    const heights = cells.map((c, i) => (lines[i]?.length ?? 1) * lineHeightMm(c.style ?? BODY) + 2 * CELL_PAD_Y);
    return { lines, heightMm: Math.max(minHeightMm, ...heights) };
  }

  /**
   * Draws a row of boxed cells at the cursor, starting at `xMm` (default: the left margin), each
   * cell's text wrapped and vertically centred; returns the row's height. Does not break pages:
   * callers `ensure` first (tables do it per row).
   */
  drawRow(cells: readonly Cell[], options: { minHeightMm?: number; xMm?: number; border?: boolean } = {}): number {
    const { lines, heightMm } = this.measureRow(cells, options.minHeightMm);
    let x = options.xMm ?? this.left;
    cells.forEach((cell, i) => {
      const style = cell.style ?? BODY;
      if (cell.fill) this.canvas.rect(x, this.y, cell.widthMm, heightMm, { fill: cell.fill });
      if (options.border !== false) this.canvas.rect(x, this.y, cell.widthMm, heightMm, { stroke: { widthPt: 0.6 } });
      this.cellText(lines[i] ?? [], style, cell.align ?? 'left', x, this.y, cell.widthMm, heightMm, cell.valign);
      x += cell.widthMm;
    });
    this.y += heightMm;
    return heightMm;
  }

  /**
   * A label cell and a long text cell that may run over pages: as many lines as fit go on this
   * page, the rest continue on the next with the label marked （续）, so no half page is left empty.
   */
  splitRow(label: Cell, value: Cell, minHeightMm = 0): void {
    const style = value.style ?? BODY;
    const lh = lineHeightMm(style);
    let lines = this.wrap(value.text, style, value.widthMm - 2 * CELL_PAD_X);
    let first = true;
    while (lines.length > 0) {
      const fit = Math.floor((this.bottom - this.y - 2 * CELL_PAD_Y) / lh);
      const need = Math.max(lines.length, Math.ceil((minHeightMm - 2 * CELL_PAD_Y) / lh));
      if (fit < Math.min(3, need)) {
        this.newPage();
        continue;
      }
      const take = lines.slice(0, fit);
      lines = lines.slice(fit);
      const last = lines.length === 0;
      const heightMm = Math.max(last ? minHeightMm : 0, take.length * lh + 2 * CELL_PAD_Y);
      this.drawRow([{ ...label, text: first ? label.text : `${label.text}（续）` }, { ...value, text: take.join('\n') }], { minHeightMm: heightMm });
      first = false;
    }
  }

  /**
   * A framed photo box: the JPEG scaled to fit inside a 2 mm margin and centred, or the word
   * 照片 in `placeholder` where the applicant has no photo yet (the clerk glues one on).
   */
  async photoBox(x: number, y: number, w: number, h: number, jpeg: Uint8Array | undefined, placeholder: TextStyle): Promise<void> {
    this.canvas.rect(x, y, w, h, { stroke: { widthPt: 0.6 } });
    if (!jpeg) {
      this.cellText(['照片'], placeholder, 'center', x, y, w, h);
      return;
    }
    const image = await this.doc.embedJpg(jpeg);
    const scale = Math.min((w - 4) / image.width, (h - 4) / image.height);
    const iw = image.width * scale;
    const ih = image.height * scale;
    this.canvas.image('Photo', image.ref, x + (w - iw) / 2, y + (h - ih) / 2, iw, ih);
  }

  /** Text lines centred vertically in a box, aligned horizontally inside its padding. */
  cellText(lines: readonly string[], style: TextStyle, align: Align, x: number, y: number, w: number, h: number, valign: 'top' | 'middle' = 'middle'): void {
    const lh = lineHeightMm(style);
    const size = ptToMm(style.sizePt);
    // A Han character spans about 0.12 em below the baseline to 0.88 em above it.
    const blockTop = valign === 'top' ? y + CELL_PAD_Y : y + (h - lines.length * lh) / 2;
    const firstBaseline = blockTop + lh / 2 + 0.38 * size;
    lines.forEach((line, i) => {
      const tx = align === 'center' ? x + w / 2 : align === 'right' ? x + w - CELL_PAD_X : x + CELL_PAD_X;
      this.canvas.text(line, tx, firstBaseline + i * lh, { ...style, align });
    });
  }

  /**
   * A table: header row shaded and repeated at the top of each new page, body rows wrapped.
   * `widthsMm` must add up to at most the content width.
   */
  table(
    columns: readonly TableColumn[],
    rows: readonly (readonly string[])[],
    options: { headerStyle?: TextStyle; bodyStyle?: TextStyle; minRowHeightMm?: number } = {},
  ): void {
    const headerCells: Cell[] = columns.map((c) => ({ text: c.header, widthMm: c.widthMm, style: options.headerStyle ?? LABEL, align: 'center', fill: LABEL_FILL }));
    const header = () => this.drawRow(headerCells, { minHeightMm: 8 });
    const headerHeight = this.measureRow(headerCells, 8).heightMm;
    const minRow = options.minRowHeightMm ?? 7.5;
    this.ensure(headerHeight + this.measureRow(this.bodyCells(columns, rows[0] ?? [], options.bodyStyle), minRow).heightMm);
    header();
    for (const row of rows) {
      const cells = this.bodyCells(columns, row, options.bodyStyle);
      const h = this.measureRow(cells, minRow).heightMm;
      if (this.ensure(h)) header();
      this.drawRow(cells, { minHeightMm: minRow });
    }
  }

  private bodyCells(columns: readonly { widthMm: number; align?: Align }[], row: readonly string[], style: TextStyle | undefined): Cell[] {
    return columns.map((c, i) => ({ text: row[i] ?? '', widthMm: c.widthMm, align: c.align ?? 'left', ...(style ? { style } : {}) }));
  }

  /** Footers on every page, then everything onto real pages. Call once, at the end. */
  finish(): void {
    const total = this.pages.length;
    this.pages.forEach(({ canvas }, i) => {
      const text = this.options.footer ? this.options.footer(i + 1, total) : `第 ${i + 1} 页\u3000共 ${total} 页`;
      if (text !== '') canvas.text(text, this.widthMm / 2, this.heightMm - 10, { ...SMALL, align: 'center' });
      canvas.drawOnto(this.doc.addPage([mmToPt(this.widthMm), mmToPt(this.heightMm)]));
    });
  }
}
