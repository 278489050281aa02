/**
 * A holder's name as the public verification page shows it: enough for someone holding the paper
 * certificate to recognise it, not enough to harvest names by trying certificate numbers
 * (个人信息保护法: disclose the minimum). First and last character stay; each character between
 * becomes `*`; a two-character name keeps only its first; separators in minority and foreign
 * names (`·`, spaces) stay so the shape is recognisable.
 */
const SEPARATORS = new Set(['·', '•', '・', ' ', '-']);

export function maskName(name: string): string {
  // Array.from splits by code point, so a rare character outside the BMP counts as one.
  const chars = Array.from(name.trim());
  const letters = chars.filter((c) => !SEPARATORS.has(c)).length;
  if (letters === 0) return '';
  if (letters === 1) return '*';
  let seen = 0;
  return chars
    .map((c) => {
      if (SEPARATORS.has(c)) return c;
      seen += 1;
      if (seen === 1) return c;
      if (seen === letters && letters > 2) return c;
      return '*';
    })
    .join('');
}
