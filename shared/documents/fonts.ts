/**
 * The four faces the documents use: Noto Serif SC and Noto Sans SC, regular (400) and bold (700).
 * Builders never read files: the caller passes the font bytes (the Electron main process reads
 * them from resources/fonts, tests from build/fonts or node_modules). Each PDF embeds each face it
 * actually uses once, subset on embed, so a 1,000-page batch carries only the glyphs it drew.
 */
import { type PDFDocument, type PDFFont, type PDFHexString } from '@cantoo/pdf-lib';
import { fontkit } from './vendor/fontkit';

export type FontFamily = 'serif' | 'sans';
export type FontWeight = 'regular' | 'bold';
export type FontKey = `${FontFamily}-${FontWeight}`;

export const FONT_KEYS: readonly FontKey[] = ['serif-regular', 'serif-bold', 'sans-regular', 'sans-bold'];

/** Font files by face; a builder needs only the faces its layout uses. */
export type FontBytes = Partial<Record<FontKey, Uint8Array>>;

/** Where each face comes from: file names as scripts/copy-fonts.mjs writes them to build/fonts. */
export const FONT_FILES: Readonly<Record<FontKey, string>> = {
  'serif-regular': 'NotoSerifSC-Regular.ttf',
  'serif-bold': 'NotoSerifSC-Bold.ttf',
  'sans-regular': 'NotoSansSC-Regular.ttf',
  'sans-bold': 'NotoSansSC-Bold.ttf',
};

export class MissingFontError extends Error {
  constructor(readonly key: FontKey) {
    super(`缺少字体文件 ${FONT_FILES[key]}，无法生成文书。请重新安装程序或联系管理员。`);
    this.name = 'MissingFontError';
  }
}

/**
 * OpenType features turned off when shaping: glyphs map 1:1 from characters, so widths are the
 * sum of advances, pdftotext gives back exactly what was drawn (no 'fi' ligature), and shaping a
 * string costs a third. Noto Serif SC / Sans SC are the Simplified Chinese cuts, so their default
 * glyphs already have the mainland forms 'locl' would select; vertical text is not used.
 */
const NO_FEATURES = Object.fromEntries(
  ['aalt', 'calt', 'ccmp', 'clig', 'curs', 'dlig', 'dnom', 'frac', 'kern', 'liga', 'locl', 'mark', 'mkmk', 'numr', 'palt', 'rclt', 'rlig', 'rvrn', 'subs', 'sups', 'vert'].map((f) => [f, false]),
);

/**
 * One per PDF document: embeds a face the first time it is asked for and hands out the same
 * PDFFont afterwards, so each face is embedded at most once per file.
 */
export class FontRegistry {
  private readonly embedded = new Map<FontKey, PDFFont>();
  private readonly coverage = new Map<FontKey, GlyphMetrics>();
  private fontkitRegistered = false;

  constructor(
    private readonly doc: PDFDocument,
    private readonly bytes: FontBytes,
  ) {}

  /** Embeds the faces up front (pdf-lib's embedFont is async; drawing is not). */
  async load(keys: Iterable<FontKey>): Promise<void> {
    for (const key of keys) {
      if (this.embedded.has(key)) continue;
      const data = this.bytes[key];
      if (!data) throw new MissingFontError(key);
      if (!this.fontkitRegistered) {
        this.doc.registerFontkit(fontkit);
        this.fontkitRegistered = true;
      }
      this.embedded.set(key, await this.doc.embedFont(data, { subset: true, features: NO_FEATURES }));
      this.coverage.set(key, await glyphCoverage(data));
    }
  }

  /** Characters of `text` the face has no glyph for (they would print as empty boxes). */
  missingGlyphs(key: FontKey, text: string): string[] {
    const coverage = this.coverage.get(key);
    if (!coverage) throw new Error(`font ${key} was not loaded before drawing`);
    const missing: string[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      if (cp < 0x20 || ch === '\u3000') continue;
      if (!coverage.has(cp) && !missing.includes(ch)) missing.push(ch);
    }
    return missing;
  }

  /**
   * Advance width of `text` at `sizePt`, in points: the sum of the glyphs' advances, which is what
   * a viewer uses to place pdf-lib's glyph runs (it writes no kerning). Much cheaper than
   * PDFFont.widthOfTextAtSize, which shapes the text with all of the font's OpenType features.
   */
  widthOfTextAtSize(key: FontKey, text: string, sizePt: number): number {
    const metrics = this.coverage.get(key);
    if (!metrics) throw new Error(`font ${key} was not loaded before drawing`);
    let units = 0;
    for (const ch of text) units += metrics.advance(ch.codePointAt(0) ?? 0);
    return (units * sizePt) / metrics.unitsPerEm;
  }

  private readonly encoded = new Map<string, PDFHexString>();

  /**
   * The text as glyph ids for a Tj operator. Shaping runs once per distinct (face, text): a batch
   * repeats dates, 男/女 and fixed wording on every page. (The subset records the glyphs the first
   * time; a repeat needs nothing new.)
   */
  encode(key: FontKey, text: string): PDFHexString {
    const cacheKey = `${key}\u0000${text}`;
    let hex = this.encoded.get(cacheKey);
    if (!hex) {
      hex = this.get(key).encodeText(text);
      if (this.encoded.size > 10_000) this.encoded.clear();
      this.encoded.set(cacheKey, hex);
    }
    return hex;
  }

  get(key: FontKey): PDFFont {
    const font = this.embedded.get(key);
    if (!font) throw new Error(`font ${key} was not loaded before drawing`);
    return font;
  }

  /** Resource name used for the face in every page and form that draws with it. */
  static resourceName(key: FontKey): string {
    return `F_${key.replace('-', '_')}`;
  }
}

interface GlyphMetrics {
  readonly unitsPerEm: number;
  /** Whether the face has a real glyph (not .notdef) for the code point. */
  has(codePoint: number): boolean;
  /** Advance width in font units (that of .notdef when there is no glyph). */
  advance(codePoint: number): number;
}

/** Cached per-code-point glyph facts, read once from the font with fontkit. */
async function glyphCoverage(data: Uint8Array): Promise<GlyphMetrics> {
  const font = await fontkit.create(data);
  if (!font || !('glyphForCodePoint' in font)) throw new Error('font file is not a single font');
  const known = new Map<number, { has: boolean; advance: number }>();
  const look = (cp: number) => {
    let entry = known.get(cp);
    if (entry === undefined) {
      const glyph = font.glyphForCodePoint(cp);
      entry = { has: glyph !== null && glyph.id !== 0, advance: glyph?.advanceWidth ?? 0 };
      known.set(cp, entry);
    }
    return entry;
  };
  return { unitsPerEm: font.unitsPerEm, has: (cp) => look(cp).has, advance: (cp) => look(cp).advance };
}
