/**
 * Unit names compared for recusal (回避). The same unit is written many ways on forms: full-width
 * or half-width brackets, spaces, full-width letters and digits, a trailing full stop. Both names
 * are normalised and then compared whole: no guessing that 某某公司 and 某某有限公司 are one unit
 * (that is for a manual recusal, with a reason).
 */

/** Brackets NFKC leaves alone, mapped to the plain ones so （杭州） and 【杭州】 and (杭州) agree. */
const BRACKETS: Readonly<Record<string, string>> = { '【': '(', '】': ')', '〔': '(', '〕': ')', '［': '(', '］': ')', '[': '(', ']': ')' };

/**
 * The comparable form of a unit name: NFKC (full-width ASCII, brackets and spaces become
 * half-width), every bracket kind as ( ), no whitespace at all (the ideographic space included),
 * Latin letters lower-cased, trailing punctuation dropped. '' for a blank name.
 */
export function normaliseUnitName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[【】〔〕［］[\]]/g, (c) => BRACKETS[c] ?? c)
    .replace(/[\s\u3000\u200b\ufeff]+/g, '')
    .toLowerCase()
    .replace(/[.。,，;；]+$/u, '');
}

/** Whether two unit names name the same unit once normalised; blank names never match. */
export function sameUnit(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const x = normaliseUnitName(a);
  return x !== '' && x === normaliseUnitName(b);
}
