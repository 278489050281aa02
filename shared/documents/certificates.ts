/**
 * Certificates: many certificates → ONE PDF, a page per certificate, each with a signed
 * verification QR code. Also the printer calibration page for pre-printed stock.
 */
import { type IsoDate } from '../rules/civil-date';
import { fail, ok, type Result } from '../rules/result';
import { certificateValidity, calibrationMarks, type Validity } from './certificate-dates';
import { DocumentError, checkAborted, toFailure, type AbortSignalLike, type ProgressCallback } from './errors';
import { FontRegistry, type FontBytes } from './fonts';
import { BLACK, PdfCanvas, mmToPt, type Rgb, type TextSink } from './pdf/canvas';
import { newPdfDocument } from './pdf/document';
import { wrapText } from './pdf/text';
import { IDENTITY_PROFILE, checkProfile, type PrintMode, type PrinterProfile } from './printer';
import { TemplateRenderer, checkFieldValues, type FieldValues } from './render-template';
import { signCertificate, verificationUrl, type CertificateFacts, type CryptoKeyLike, type SubtleCryptoLike } from './signature';
import { pageSizeMm, type CertificateTemplate, type PageSpec } from './templates/types';
import { encodeQr } from './vendor/qrcode';

export { calibrationMarks, certificateValidity, type Validity } from './certificate-dates';

/** One certificate to print. */
export interface CertificateInput {
  readonly certificateNo: string;
  /** The program of the application that issued it (its pack's id), signed into the QR code. */
  readonly programId: string;
  /** The person's or the organisation's name. */
  readonly holderName: string;
  /** Issue (or registration / exchange) day, 'YYYY-MM-DD'. */
  readonly issuedOn: IsoDate;
  /** First valid day; the issue day unless given (a renewal starts the day after the old expiry). */
  readonly validFrom?: IsoDate;
  /**
   * Last valid day. Computed from the template's rule (validity.ts expiryDate) when absent; give
   * it for renewals (extendedExpiry) and for templates whose rulebook gives no period (P3).
   */
  readonly validUntil?: IsoDate;
  /** The template's own fields (sex, idNumber, grade, …) as stored: ISO dates, 'male'/'female'. */
  readonly fields?: Readonly<Record<string, string>>;
  /** The holder's photo, JPEG bytes, where the template has a photo box. */
  readonly photoJpeg?: Uint8Array;
  /** A reprint (补打): the how-many-th, printed as “补打 第N次”. Absent on the first print. */
  readonly reprint?: number;
}

export interface CertificateSigning {
  readonly subtle: SubtleCryptoLike;
  /** The office's Ed25519 private key. */
  readonly privateKey: CryptoKeyLike;
  /** Host of the public verification page, e.g. 'verify.example.org.cn'. */
  readonly verifyHost: string;
}

export interface CertificateBatch {
  readonly template: CertificateTemplate;
  readonly certificates: readonly CertificateInput[];
  readonly fonts: FontBytes;
  readonly signing: CertificateSigning;
  /** 'values-only' for pre-printed stock: background and fixed wording left out. */
  readonly mode?: PrintMode;
  readonly printer?: PrinterProfile;
  readonly onProgress?: ProgressCallback;
  readonly signal?: AbortSignalLike;
  /**
   * Awaited every `pauseEvery` certificates so a worker can receive a cancel message; pass
   * `() => new Promise((r) => setTimeout(r))` there. Default: none.
   */
  readonly pause?: () => Promise<void>;
  readonly pauseEvery?: number;
  readonly onTextDrawn?: TextSink;
}

/** What gets signed for this certificate. */
export function certificateFacts(template: CertificateTemplate, input: CertificateInput, validity: Validity): CertificateFacts {
  return {
    certificateNo: input.certificateNo,
    holderName: input.holderName,
    programId: input.programId,
    validFrom: validity.validFrom,
    validUntil: validity.validUntil,
  };
}

function fieldValues(input: CertificateInput, validity: Validity): FieldValues {
  return {
    ...input.fields,
    certificateNo: input.certificateNo,
    holderName: input.holderName,
    issuedOn: input.issuedOn,
    validFrom: validity.validFrom,
    validUntil: validity.validUntil,
  };
}

/** JPEG pixel size from its SOF marker (pdf-lib needs none, but cover-fitting does). */
function jpegSize(bytes: Uint8Array): { widthPx: number; heightPx: number } | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1] ?? 0;
    const length = ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { heightPx: ((bytes[i + 5] ?? 0) << 8) | (bytes[i + 6] ?? 0), widthPx: ((bytes[i + 7] ?? 0) << 8) | (bytes[i + 8] ?? 0) };
    }
    i += 2 + length;
  }
  return null;
}

/**
 * Builds one PDF with a page per certificate. Fails (nothing half-built is returned) when a
 * certificate lacks a field, a value cannot fit or print, a font is missing, or on cancel
 * (code 'documents.aborted'). Messages name the certificate.
 */
export async function buildCertificatesPdf(batch: CertificateBatch): Promise<Result<Uint8Array>> {
  const { template, certificates, signing } = batch;
  const mode = batch.mode ?? 'full';
  const printer = batch.printer ?? IDENTITY_PROFILE;
  const profile = checkProfile(printer);
  if (!profile.ok) return profile;
  if (certificates.length === 0) return fail('documents.empty', '没有要打印的证书。');
  try {
    const doc = await newPdfDocument(`${template.title.replace(/[《》]/g, '')}（${certificates.length}份）`);
    const fonts = new FontRegistry(doc, batch.fonts);
    const renderer = new TemplateRenderer(doc, fonts, template, {
      mode,
      ...(printer !== IDENTITY_PROFILE ? { printer } : {}),
      ...(batch.onTextDrawn ? { onTextDrawn: batch.onTextDrawn } : {}),
    });
    await renderer.prepare();
    const pauseEvery = Math.max(1, batch.pauseEvery ?? 50);
    // Signatures are computed a chunk at a time, concurrently (WebCrypto works off the main
    // thread), then the chunk's pages are drawn in order.
    const CHUNK = 32;
    for (let first = 0; first < certificates.length; first += CHUNK) {
      checkAborted(batch.signal);
      const chunk = certificates.slice(first, first + CHUNK).map((input, k) => {
        const which = `第${first + k + 1}份（${input.certificateNo || '无编号'}）`;
        const validity = certificateValidity(template, input);
        if (!validity.ok) throw new DocumentError(validity.error.code, `${which}：${validity.error.message}`);
        const values = fieldValues(input, validity.value);
        const problems = checkFieldValues(template, values);
        if (problems.length > 0) throw new DocumentError('documents.fields', `${which}：${problems.join('；')}。`);
        return { input, which, values, facts: certificateFacts(template, input, validity.value) };
      });
      const signatures = await Promise.all(chunk.map((c) => signCertificate(signing.subtle, signing.privateKey, c.facts)));
      for (const [k, { input, which, values }] of chunk.entries()) {
        checkAborted(batch.signal);
        const i = first + k;
        const qr = encodeQr(verificationUrl(signing.verifyHost, input.certificateNo, signatures[k] ?? ''), 'M');
        let photo;
        if (input.photoJpeg) {
          const size = jpegSize(input.photoJpeg);
          if (!size) throw new DocumentError('documents.photo', `${which}：照片不是有效的 JPG 文件。`);
          const image = await doc.embedJpg(input.photoJpeg);
          photo = { ref: image.ref, ...size };
        }
        try {
          renderer.renderPage(values, { qr, ...(photo ? { photo } : {}), ...(input.reprint ? { reprint: input.reprint } : {}) });
        } catch (error) {
          if (error instanceof DocumentError) throw new DocumentError(error.code, `${which}：${error.message}`);
          throw error;
        }
        batch.onProgress?.(i + 1, certificates.length);
        if (batch.pause && (i + 1) % pauseEvery === 0) await batch.pause();
      }
    }
    checkAborted(batch.signal);
    return ok(await doc.save());
  } catch (error) {
    return toFailure(error);
  }
}

export interface CalibrationOptions {
  /** The stock's paper: use the certificate template's page. */
  readonly page: PageSpec;
  readonly fonts: FontBytes;
  /** The profile to print with (print with the current one; measure; correct). */
  readonly printer?: PrinterProfile;
  readonly onTextDrawn?: TextSink;
}

const RULER: Rgb = { r: 0.1, g: 0.1, b: 0.5 };

/**
 * A calibration page: millimetre rulers along the top and left (numbers are distances from the
 * paper's edges), and crosshairs at known positions, all drawn through the printer profile so
 * what is measured is what the certificates will get.
 */
export async function buildCalibrationPdf(options: CalibrationOptions): Promise<Result<Uint8Array>> {
  const printer = options.printer ?? IDENTITY_PROFILE;
  const profile = checkProfile(printer);
  if (!profile.ok) return profile;
  try {
    const doc = await newPdfDocument('打印机校准页');
    const fonts = new FontRegistry(doc, options.fonts);
    await fonts.load(['sans-regular', 'sans-bold']);
    const { widthMm: w, heightMm: h } = pageSizeMm(options.page);
    const page = doc.addPage([mmToPt(w), mmToPt(h)]);
    const c = new PdfCanvas(fonts, w, h, options.onTextDrawn);
    c.transform(printer.offsetXmm, printer.offsetYmm, printer.scale);
    const small = { font: 'sans-regular', sizePt: 6, color: RULER } as const;
    const RULER_AT = 8;
    // Horizontal ruler: ticks hang down from y = 8 mm; labels are x in mm from the left edge.
    c.line(0, RULER_AT, w, RULER_AT, { widthPt: 0.4, color: RULER });
    for (let x = 0; x <= w; x++) {
      const len = x % 10 === 0 ? 4 : x % 5 === 0 ? 2.5 : 1.5;
      c.line(x, RULER_AT, x, RULER_AT + len, { widthPt: 0.25, color: RULER });
      if (x % 10 === 0 && x > 0 && x < w) c.text(String(x), x, RULER_AT + 7, { ...small, align: 'center' });
    }
    c.line(RULER_AT, 0, RULER_AT, h, { widthPt: 0.4, color: RULER });
    for (let y = 0; y <= h; y++) {
      const len = y % 10 === 0 ? 4 : y % 5 === 0 ? 2.5 : 1.5;
      c.line(RULER_AT, y, RULER_AT + len, y, { widthPt: 0.25, color: RULER });
      if (y % 10 === 0 && y > 0 && y < h) c.text(String(y), RULER_AT + 5, y + 1, small);
    }
    for (const mark of calibrationMarks(options.page)) {
      c.line(mark.xMm - 6, mark.yMm, mark.xMm + 6, mark.yMm, { widthPt: 0.3, color: BLACK });
      c.line(mark.xMm, mark.yMm - 6, mark.xMm, mark.yMm + 6, { widthPt: 0.3, color: BLACK });
      c.ellipse(mark.xMm, mark.yMm, 2.5, 2.5, { stroke: { widthPt: 0.3 } });
      // Label beside the cross, towards the page's centre so it never runs off the paper.
      const right = mark.xMm <= w / 2;
      c.text(`(${mark.xMm}, ${mark.yMm}) mm`, mark.xMm + (right ? 4 : -4), mark.yMm + (mark.yMm <= h / 2 ? 8 : -5), {
        font: 'sans-regular',
        sizePt: 7,
        align: right ? 'left' : 'right',
      });
    }
    const title = { font: 'sans-bold', sizePt: 14 } as const;
    const body = { font: 'sans-regular', sizePt: 9 } as const;
    c.text('打印机校准页', w / 2, h / 2 - 30, { ...title, align: 'center' });
    const text =
      '用此打印机和证书纸张打印本页（打印设置选“实际大小”，不要选“适合页面”）。用直尺量出左上、右上两个十字中心到纸张左边缘和上边缘的距离，' +
      '填入“打印机校准”，程序会算出水平偏移、垂直偏移和缩放比例。向右、向下为正。校准后再打印一张核对，十字应落在标注位置上（误差不超过 0.5 毫米）。';
    const lines = wrapText(text, Math.min(150, w - 60), (s) => c.textWidth(s, body));
    lines.forEach((line, i) => c.text(line, w / 2 - Math.min(150, w - 60) / 2, h / 2 + 22 + i * 5, body));
    c.text(
      `当前设置：水平偏移 ${printer.offsetXmm.toFixed(2)} 毫米，垂直偏移 ${printer.offsetYmm.toFixed(2)} 毫米，缩放 ${printer.scale.toFixed(4)}`,
      w / 2,
      h / 2 + 24 + lines.length * 5 + 4,
      { ...body, align: 'center' },
    );
    c.drawOnto(page);
    return ok(await doc.save());
  } catch (error) {
    return toFailure(error);
  }
}
