/**
 * Turning what a clerk typed, pasted or imported from a spreadsheet into plain text the rules
 * can check. Chinese input methods often leave full-width characters (０-９, Ｘ, （）, －) and
 * pasted values carry invisible spaces; neither should make a correct value fail.
 */

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

/** Full-width ASCII block (！ to ～) maps to ASCII by a fixed offset; U+3000 is the ideographic space. */
export function toHalfWidth(text: string): string {
  // Most text has nothing to fold; a test is cheaper than a replace that finds nothing.
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Whitespace plus the zero-width characters that come along with text copied from web pages and Word. */
export const SPACES = /[\s\u200B-\u200D\u2060\uFEFF]/g;

/**
 * Rules accept `unknown` because imported cells arrive as numbers, null or undefined. A number is
 * kept as its decimal digits; anything that is neither string nor number counts as empty.
 */
export function inputText(raw: unknown): string {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return '';
}
