/**
 * What a clerk types, as the index holds it. Uyghur and Kazakh names (P1–P3, Xinjiang) are
 * transliterated with a middle dot that clerks type in any of five ways — 阿依古丽·买买提,
 * 阿依古丽•买买提, 阿依古丽・买买提, 阿依古丽.买买提, 阿依古丽买买提 — and an application number is
 * read out in parts ("3896-0003"). These give the few index prefixes a typed query stands for, so
 * the search stays index-backed (a handful of prefix reads, never a table scan).
 */

/** The separators a name may be typed with, the interpunct (as on ID cards) first. */
export const NAME_SEPARATORS = ['·', '•', '・', '.', ' ', '．', '‧', '･'] as const;

const SEPARATOR_CLASS = /[·•・.．‧･\s]+/u;
const HAN = /^\p{Script=Han}+$/u;

/** At most this many prefixes per query: each is one index read. */
export const MAX_NAME_VARIANTS = 48;

/**
 * The name prefixes a query stands for: as typed; with its separators written each way the
 * office's records may hold them; and, for a run of Han characters with no separator, with the
 * interpunct between the parts (阿依古丽买买提 → 阿依古丽·买买提 …), given parts of two or more.
 */
export function nameQueryVariants(raw: string): string[] {
  const typed = raw.trim();
  if (typed === '') return [];
  const out = new Set<string>([typed]);
  const parts = typed.split(SEPARATOR_CLASS).filter((p) => p !== '');
  // Written as records hold them: the common separators only (space and the full-width dot are rare in records).
  const stored = ['·', '•', '・', '.'] as const;
  if (parts.length > 1) {
    for (const sep of stored) out.add(parts.join(sep));
    out.add(parts.join(''));
  } else if (HAN.test(typed) && typed.length >= 4) {
    for (let cut = 2; cut <= typed.length - 2 && out.size < MAX_NAME_VARIANTS; cut++) {
      for (const sep of stored) out.add(`${typed.slice(0, cut)}${sep}${typed.slice(cut)}`);
    }
  }
  return [...out].slice(0, MAX_NAME_VARIANTS);
}

/**
 * The application-number prefixes a part of a number stands for (`P4-2026-3896-0003` read as
 * "3896-0003" or "2026-3896"): each program code and the recent years put in front. Returns []
 * when the query does not look like such a part.
 */
export function applicationNoVariants(raw: string, programCodes: readonly string[], years: readonly number[]): string[] {
  const q = raw.trim().toUpperCase().replace(/\s+/g, '');
  const out: string[] = [];
  if (/^[0-9A-F]{4}-\d{1,4}$/.test(q)) {
    // desk tag - sequence
    for (const code of programCodes) for (const y of years) out.push(`${code}-${y}-${q}`);
  }
  // Both readings when ambiguous: 2026-3896 may be a year and a desk tag, or a tag and a sequence.
  if (/^20\d{2}-[0-9A-F]{1,4}(-\d{0,4})?$/.test(q)) {
    // year - desk tag (- sequence)
    for (const code of programCodes) out.push(`${code}-${q}`);
  }
  return out;
}
