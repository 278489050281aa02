/**
 * Line breaking for Chinese documents: any two Han characters may be split, a run of Latin
 * letters or digits (an ID number, a certificate number) stays whole when it fits, and the
 * punctuation rules of Chinese typesetting (GB/T 15834 practice, 禁则) hold: no line starts with
 * a closing mark such as ，。）》 and none ends with an opening mark such as （《.
 */

/** Marks that must not begin a line: they stick to the character before them. */
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉’”…—%,.;:?!)]}·']);
/** Marks that must not end a line: they stick to the character after them. */
const NO_LINE_END = new Set([...'（《「『【〔〈‘“([{']);

const isWordChar = (ch: string): boolean => /[A-Za-z0-9@#&_+\-./:=?%]/.test(ch) && ch.length === 1;

/** Splits text into pieces that may not be broken: Han characters singly, Latin runs whole, marks glued. */
export function breakUnits(text: string): string[] {
  const units: string[] = [];
  let pendingOpen = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    if (NO_LINE_END.has(ch)) {
      pendingOpen += ch;
      continue;
    }
    let unit = ch;
    if (isWordChar(ch)) {
      while (i + 1 < chars.length && isWordChar(chars[i + 1] ?? '')) {
        i += 1;
        unit += chars[i];
      }
    }
    unit = pendingOpen + unit;
    pendingOpen = '';
    if (NO_LINE_START.has(ch) && units.length > 0 && unit === ch) {
      units[units.length - 1] += ch;
    } else {
      units.push(unit);
    }
  }
  if (pendingOpen !== '') units.push(pendingOpen);
  return units;
}

/**
 * Breaks `text` into lines no wider than `maxWidth` (same unit as `measure` returns). Explicit
 * newlines are kept. A unit wider than a whole line is cut by characters, so the result always
 * fits; `firstLineIndent` reserves space at the start of each paragraph's first line.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number, firstLineIndent = 0): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let limit = maxWidth - firstLineIndent;
    const push = () => {
      lines.push(line.replace(/\s+$/, ''));
      line = '';
      limit = maxWidth;
    };
    for (const unit of breakUnits(paragraph)) {
      if (line === '' && /^\s+$/.test(unit)) continue;
      if (measure(line + unit) <= limit) {
        line += unit;
        continue;
      }
      if (line !== '') push();
      if (/^\s+$/.test(unit)) continue;
      if (measure(unit) <= limit) {
        line = unit;
        continue;
      }
      for (const ch of unit) {
        if (line !== '' && measure(line + ch) > limit) push();
        line += ch;
      }
    }
    lines.push(line.replace(/\s+$/, ''));
  }
  return lines;
}
