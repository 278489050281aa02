/**
 * A drawing surface in millimetres with the origin at the top-left corner of the paper, the way
 * forms are measured with a ruler. It collects raw PDF operators instead of drawing through
 * pdf-lib's page API, so the same drawing can go onto a page or into a form XObject (a
 * certificate's fixed text and borders are drawn once per batch and placed on every page), and a
 * printer correction is one transformation matrix in front of everything.
 */
import {
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  type PDFDict,
  type PDFDocument,
  type PDFPage,
  type PDFRef,
  appendBezierCurve,
  beginText,
  closePath,
  concatTransformationMatrix,
  drawObject,
  endText,
  fill,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rotateAndSkewTextDegreesAndTranslate,
  setCharacterSpacing,
  setDashPattern,
  setFillingRgbColor,
  setFontAndSize,
  setLineWidth,
  setStrokingRgbColor,
  showText,
  stroke,
} from '@cantoo/pdf-lib';
import { FontRegistry, type FontKey } from '../fonts';
import type { QrMatrix } from '../vendor/qrcode';

export const PT_PER_MM = 72 / 25.4;
const round3 = (n: number): number => Math.round(n * 1000) / 1000;
export const mmToPt = (mm: number): number => mm * PT_PER_MM;
export const ptToMm = (pt: number): number => pt / PT_PER_MM;

/** A colour with components 0–1. */
export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

export const BLACK: Rgb = { r: 0, g: 0, b: 0 };
export const WHITE: Rgb = { r: 1, g: 1, b: 1 };

export type Align = 'left' | 'center' | 'right';

export interface TextStyle {
  readonly font: FontKey;
  readonly sizePt: number;
  readonly color?: Rgb;
  /** Extra space after each character, in points (spaced-out titles such as 证\u3000书). */
  readonly charSpacingPt?: number;
}

export interface TextOptions extends TextStyle {
  /** How `x` anchors the text: its left edge, its centre or its right edge. */
  readonly align?: Align;
  /** Counter-clockwise rotation about the anchor, in degrees (watermarks). */
  readonly rotateDeg?: number;
}

export interface StrokeOptions {
  readonly widthPt?: number;
  readonly color?: Rgb;
  /** Dash and gap lengths in points. */
  readonly dashPt?: readonly number[];
}

export interface ShapeOptions {
  readonly stroke?: StrokeOptions;
  readonly fill?: Rgb;
}

/** Thrown when text contains a character the chosen face cannot draw (it would print as a box). */
export class MissingGlyphError extends Error {
  constructor(
    readonly text: string,
    readonly characters: readonly string[],
  ) {
    super(`“${text}”中的“${characters.join('')}”在文书字体中没有字形，打印出来会是空框。请改用规范汉字或联系管理员。`);
    this.name = 'MissingGlyphError';
  }
}

/** Called with every piece of text drawn, in drawing order (tests compare it with pdftotext). */
export type TextSink = (text: string) => void;

export class PdfCanvas {
  readonly ops: PDFOperator[] = [];
  private readonly fontsUsed = new Set<FontKey>();
  private readonly xobjects = new Map<string, PDFRef>();

  constructor(
    private readonly fonts: FontRegistry,
    readonly widthMm: number,
    readonly heightMm: number,
    private readonly onText?: TextSink,
  ) {}

  // Coordinates to 1/1000 pt: far below any printer's resolution, and short numbers keep the
  // content streams small (pdf-lib would otherwise write 306.1417322834646).
  private x(mm: number): number {
    return round3(mmToPt(mm));
  }

  private y(mmFromTop: number): number {
    return round3(mmToPt(this.heightMm - mmFromTop));
  }

  /** Width of `text` in millimetres, character spacing included. */
  textWidth(text: string, style: Pick<TextStyle, 'font' | 'sizePt' | 'charSpacingPt'>): number {
    const spacing = (style.charSpacingPt ?? 0) * Math.max(0, [...text].length - 1);
    return ptToMm(this.fonts.widthOfTextAtSize(style.font, text, style.sizePt) + spacing);
  }

  /**
   * Draws one line of text with its baseline at `baselineMm` from the top. Throws
   * MissingGlyphError rather than print a box for a character the face lacks.
   */
  text(text: string, xMm: number, baselineMm: number, options: TextOptions): void {
    if (text === '') return;
    const missing = this.fonts.missingGlyphs(options.font, text);
    if (missing.length > 0) throw new MissingGlyphError(text, missing);
    const width = options.align && options.align !== 'left' ? this.textWidth(text, options) : 0;
    const left = options.align === 'center' ? xMm - width / 2 : options.align === 'right' ? xMm - width : xMm;
    const rad = ((options.rotateDeg ?? 0) * Math.PI) / 180;
    // Alignment offsets run along the rotated baseline.
    const dx = (left - xMm) * Math.cos(rad);
    const dy = (left - xMm) * Math.sin(rad);
    const name = FontRegistry.resourceName(options.font);
    this.fontsUsed.add(options.font);
    const color = options.color ?? BLACK;
    this.ops.push(
      pushGraphicsState(),
      beginText(),
      setFillingRgbColor(color.r, color.g, color.b),
      setFontAndSize(name, options.sizePt),
      ...(options.charSpacingPt ? [setCharacterSpacing(options.charSpacingPt)] : []),
      rotateAndSkewTextDegreesAndTranslate(options.rotateDeg ?? 0, 0, 0, this.x(xMm + dx), this.y(baselineMm - dy)),
      showText(this.fonts.encode(options.font, text)),
      endText(),
      popGraphicsState(),
    );
    this.onText?.(text);
  }

  private strokeState(options: StrokeOptions | undefined): PDFOperator[] {
    const color = options?.color ?? BLACK;
    return [
      setLineWidth(options?.widthPt ?? 0.5),
      setStrokingRgbColor(color.r, color.g, color.b),
      ...(options?.dashPt ? [setDashPattern([...options.dashPt], 0)] : []),
    ];
  }

  line(x1Mm: number, y1Mm: number, x2Mm: number, y2Mm: number, options?: StrokeOptions): void {
    this.ops.push(
      pushGraphicsState(),
      ...this.strokeState(options),
      moveTo(this.x(x1Mm), this.y(y1Mm)),
      lineTo(this.x(x2Mm), this.y(y2Mm)),
      stroke(),
      popGraphicsState(),
    );
  }

  private paint(options: ShapeOptions, path: PDFOperator[]): void {
    const ops: PDFOperator[] = [pushGraphicsState()];
    if (options.fill) {
      ops.push(setFillingRgbColor(options.fill.r, options.fill.g, options.fill.b), ...path, fill());
    }
    if (options.stroke) ops.push(...this.strokeState(options.stroke), ...path, stroke());
    ops.push(popGraphicsState());
    this.ops.push(...ops);
  }

  /** A rectangle given by its top-left corner, width and height. */
  rect(xMm: number, yMm: number, widthMm: number, heightMm: number, options: ShapeOptions = { stroke: {} }): void {
    this.paint(options, [rectangle(this.x(xMm), this.y(yMm + heightMm), mmToPt(widthMm), mmToPt(heightMm))]);
  }

  ellipse(cxMm: number, cyMm: number, rxMm: number, ryMm: number, options: ShapeOptions = { stroke: {} }): void {
    // Four Bézier quarter arcs; KAPPA puts the control points where a circle needs them.
    const KAPPA = 0.5522847498;
    const cx = this.x(cxMm);
    const cy = this.y(cyMm);
    const rx = mmToPt(rxMm);
    const ry = mmToPt(ryMm);
    const ox = rx * KAPPA;
    const oy = ry * KAPPA;
    this.paint(options, [
      moveTo(cx - rx, cy),
      appendBezierCurve(cx - rx, cy + oy, cx - ox, cy + ry, cx, cy + ry),
      appendBezierCurve(cx + ox, cy + ry, cx + rx, cy + oy, cx + rx, cy),
      appendBezierCurve(cx + rx, cy - oy, cx + ox, cy - ry, cx, cy - ry),
      appendBezierCurve(cx - ox, cy - ry, cx - rx, cy - oy, cx - rx, cy),
      closePath(),
    ]);
  }

  /** Places an embedded image (or form XObject) in the box; `name` must be unique per surface. */
  image(name: string, ref: PDFRef, xMm: number, yMm: number, widthMm: number, heightMm: number): void {
    this.xobjects.set(name, ref);
    this.ops.push(
      pushGraphicsState(),
      concatTransformationMatrix(mmToPt(widthMm), 0, 0, mmToPt(heightMm), this.x(xMm), this.y(yMm + heightMm)),
      drawObject(name),
      popGraphicsState(),
    );
  }

  /** Places a form XObject drawn in this surface's own coordinates (a batch's fixed layer). */
  form(name: string, ref: PDFRef): void {
    this.xobjects.set(name, ref);
    this.ops.push(pushGraphicsState(), drawObject(name), popGraphicsState());
  }

  /**
   * A QR symbol whose dark modules are filled rectangles (one per horizontal run, one fill for the
   * whole symbol), on a white square that includes the 4-module quiet zone the standard asks for.
   * `sizeMm` is the whole square, quiet zone included.
   */
  qr(matrix: QrMatrix, xMm: number, yMm: number, sizeMm: number): void {
    const QUIET = 4;
    const modulePt = mmToPt(sizeMm) / (matrix.size + 2 * QUIET);
    // The dark modules as one path in module units (x right, y down from the symbol's top-left),
    // integers only: "col row len 1 re" per horizontal run, filled once. Written as one raw
    // operator because pdf-lib formats every number of every operator it builds, which made
    // the QR codes most of the cost of a 1,000-page batch.
    let path = '';
    for (let row = 0; row < matrix.size; row++) {
      let col = 0;
      while (col < matrix.size) {
        if (!matrix.isDark(row, col)) {
          col += 1;
          continue;
        }
        let end = col;
        while (end < matrix.size && matrix.isDark(row, end)) end += 1;
        path += `${col} ${row} ${end - col} 1 re\n`;
        col = end;
      }
    }
    this.ops.push(
      pushGraphicsState(),
      ...this.whiteSquare(xMm, yMm, sizeMm),
      concatTransformationMatrix(round3(modulePt), 0, 0, round3(-modulePt), round3(this.x(xMm) + QUIET * modulePt), round3(this.y(yMm) - QUIET * modulePt)),
      PDFOperator.of(PDFOperatorNames.FillNonZero, [path.trimEnd()]),
      popGraphicsState(),
    );
  }

  /** The white square a QR symbol stands on (its quiet zone included); black is the fill colour after it. */
  private whiteSquare(xMm: number, yMm: number, sizeMm: number): PDFOperator[] {
    return [setFillingRgbColor(1, 1, 1), rectangle(this.x(xMm), this.y(yMm + sizeMm), mmToPt(sizeMm), mmToPt(sizeMm)), fill(), setFillingRgbColor(0, 0, 0)];
  }

  /**
   * The QR symbol as ONE 1-bit image mask (see qrImageMask) on a white square with the 4-module
   * quiet zone: a few hundred bytes per symbol instead of a path of hundreds of rectangles, so a
   * 1,000-page batch has far less content to compress and write. `sizeMm` includes the quiet zone.
   */
  qrImage(name: string, mask: PDFRef, modules: number, xMm: number, yMm: number, sizeMm: number): void {
    const QUIET = 4;
    const moduleMm = sizeMm / (modules + 2 * QUIET);
    const symbolMm = moduleMm * modules;
    this.xobjects.set(name, mask);
    this.ops.push(
      pushGraphicsState(),
      ...this.whiteSquare(xMm, yMm, sizeMm),
      concatTransformationMatrix(round3(mmToPt(symbolMm)), 0, 0, round3(mmToPt(symbolMm)), this.x(xMm + QUIET * moduleMm), this.y(yMm + QUIET * moduleMm + symbolMm)),
      drawObject(name),
      popGraphicsState(),
    );
  }

  /**
   * Moves and scales everything drawn after this call, about the paper's top-left corner:
   * a point at (x, y) mm lands at (offsetX + scale·x, offsetY + scale·y). Used for printer
   * calibration on pre-printed stock.
   */
  transform(offsetXMm: number, offsetYMm: number, scale: number): void {
    const h = mmToPt(this.heightMm);
    this.ops.push(concatTransformationMatrix(scale, 0, 0, scale, mmToPt(offsetXMm), (1 - scale) * h - mmToPt(offsetYMm)));
  }

  private resources(doc: PDFDocument): PDFDict {
    const font: Record<string, PDFRef> = {};
    for (const key of this.fontsUsed) font[FontRegistry.resourceName(key)] = this.fonts.get(key).ref;
    const xobject: Record<string, PDFRef> = Object.fromEntries(this.xobjects);
    return doc.context.obj({ Font: doc.context.obj(font), XObject: doc.context.obj(xobject) });
  }

  /** Appends the drawing to a page (wrapped in q … Q so a transform cannot leak). */
  drawOnto(page: PDFPage): void {
    for (const key of this.fontsUsed) page.node.setFontDictionary(PDFName.of(FontRegistry.resourceName(key)), this.fonts.get(key).ref);
    for (const [name, ref] of this.xobjects) page.node.setXObject(PDFName.of(name), ref);
    page.pushOperators(pushGraphicsState(), ...this.ops, popGraphicsState());
  }

  /** Turns the drawing into a form XObject covering the whole page, to be placed with `form`. */
  toForm(doc: PDFDocument): PDFRef {
    const stream = doc.context.formXObject(this.ops, {
      BBox: [0, 0, mmToPt(this.widthMm), mmToPt(this.heightMm)],
      Resources: this.resources(doc),
    });
    return doc.context.register(stream);
  }
}

/**
 * A QR matrix as a PDF image mask: 1 bit per module, rows padded to whole bytes, dark modules
 * painted in the current fill colour (Decode [1 0]: a 1 bit paints). No interpolation, so every
 * viewer and printer keeps the modules square.
 */
export function qrImageMask(doc: PDFDocument, matrix: QrMatrix): PDFRef {
  const n = matrix.size;
  const rowBytes = Math.ceil(n / 8);
  const bits = new Uint8Array(rowBytes * n);
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (matrix.isDark(row, col)) bits[row * rowBytes + (col >> 3)]! |= 0x80 >> (col & 7);
    }
  }
  const stream = doc.context.stream(bits, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: n,
    Height: n,
    ImageMask: true,
    BitsPerComponent: 1,
    Decode: [1, 0],
    Interpolate: false,
  });
  return doc.context.register(stream);
}
