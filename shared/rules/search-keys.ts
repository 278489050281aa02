/**
 * The search keys of a record: what a clerk may type to find it, each written as the index holds
 * it, so that a typed query is ONE prefix read of a multi-entry index (`*searchKeys` on people,
 * organisations and applications, renderer/src/db/database.ts) and never a table scan, with
 * 1,000,000 applications on the desk (tests/bench/intake.bench.ts).
 *
 * - Names of people (issue 12 item 5): Uyghur and Kazakh names (P1–P3, Xinjiang) are written
 *   with a middle dot that clerks type in any of five ways (阿依古丽·买买提, 阿依古丽•买买提,
 *   阿依古丽・买买提, 阿依古丽.买买提, 阿依古丽买买提) or not at all, and are looked up by their
 *   second part (买买提). Keys: the name without separators, each later part on its own, all
 *   lower-case (Latin names match in any case); for Chinese characters also the pinyin initials
 *   and the full pinyin (张伟 → zw, zhangwei), with a surname's reading (单 shan, 曾 zeng) and
 *   the everyday one when they differ.
 * - Names of organisations and the employer typed on a person's application form (所在单位 /
 *   工作单位, the form field `employer` of every person program): the name without separators,
 *   and every ending of it from a Chinese character or a word on (乌鲁木齐市第一中学 is found by
 *   第一中学), since a unit's name usually begins with its region.
 * - Application numbers (`P4-2026-3896-0003`): the number from each of its parts on, so that
 *   2026-3896, 3896-0003 and the bare serial 0003 each find it.
 *
 * A query is written the same way (`searchQueryKey`): full-width folded, lower-case, without
 * spaces, punctuation or symbols. Keys are derived values kept on this desk only; they are not
 * facts of the record (the record schemas do not know them, so they never travel in a sync
 * operation) and the database recomputes them on every write, local or merged from another desk.
 */
import { pinyin } from 'pinyin-pro';
import { toHalfWidth } from './input-text';

/** Tables whose records carry search keys. */
export const SEARCH_KEY_TABLES = ['people', 'organisations', 'applications'] as const;
export type SearchKeyTable = (typeof SEARCH_KEY_TABLES)[number];

/** The form field of a person's application that names the employer (所在单位 / 工作单位). */
export const EMPLOYER_FIELD = 'employer';

/** At most this many keys for one name (each is one index entry). */
export const MAX_NAME_KEYS = 32;

/** Separators, spaces, punctuation and symbols: · • ・ . ． - （ ） … and zero-width characters. */
const SEPARATORS = /[\s\p{P}\p{S}\u200B-\u200D\u2060\uFEFF]+/u;
const SEPARATORS_ALL = /[\s\p{P}\p{S}\u200B-\u200D\u2060\uFEFF]+/gu;
const HAN_CHAR = /\p{Script=Han}/u;

/** Full-width folded (and compatibility forms, ･ → ・), lower-case. */
function fold(raw: string): string {
  return toHalfWidth(raw).normalize('NFKC').toLowerCase();
}

/** What was typed, as the keys are written: folded, lower-case, without separators. */
export function searchQueryKey(raw: string): string {
  return fold(raw).replace(SEPARATORS_ALL, '');
}

/** The parts of a name between its separators, folded. */
function partsOf(raw: string): string[] {
  return fold(raw)
    .split(SEPARATORS)
    .filter((p) => p !== '');
}

/** Pinyin syllables of a text (letters and digits pass through), lower-case without tones. */
function syllables(text: string, surname: boolean): string[] {
  return pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive', ...(surname ? { surname: 'head' as const } : {}) })
    .map((s) => searchQueryKey(s))
    .filter((s) => s !== '');
}

/** Initials and full pinyin of a run of text holding Chinese characters. */
function pinyinKeys(text: string, surname: boolean, into: Set<string>): void {
  if (!HAN_CHAR.test(text)) return;
  const readings = surname ? [syllables(text, true), syllables(text, false)] : [syllables(text, false)];
  for (const s of readings) {
    into.add(s.map((x) => x[0]).join(''));
    into.add(s.join(''));
  }
}

/**
 * A person's name: without separators, from each of its parts on (阿依古丽·买买提 → 阿依古丽买买提,
 * 买买提), and for Chinese characters the pinyin initials and full pinyin of each of these.
 */
export function personNameKeys(name: string): string[] {
  const parts = partsOf(name);
  const keys = new Set<string>();
  for (let i = 0; i < parts.length; i++) keys.add(parts.slice(i).join(''));
  for (let i = 0; i < parts.length; i++) pinyinKeys(parts.slice(i).join(''), i === 0 && parts.length === 1, keys);
  keys.delete('');
  return [...keys].slice(0, MAX_NAME_KEYS);
}

/**
 * An organisation's (or employer's) name: without separators, and every ending of it that starts
 * at a Chinese character or at a word, at least two characters long (新疆天山信息技术有限公司 →
 * …, 天山信息技术有限公司, …, 有限公司).
 */
export function organisationNameKeys(name: string): string[] {
  const parts = partsOf(name);
  const keys = new Set<string>();
  const whole = parts.join('');
  if (whole !== '') keys.add(whole);
  let offset = 0;
  for (const part of parts) {
    const chars = [...part];
    for (let j = 0; j < chars.length; j++) {
      if (j > 0 && !HAN_CHAR.test(chars[j]!) && !HAN_CHAR.test(chars[j - 1]!)) continue;
      const ending = [...whole].slice(offset + j).join('');
      if ([...ending].length >= 2) keys.add(ending);
      if (keys.size >= MAX_NAME_KEYS) return [...keys];
    }
    offset += chars.length;
  }
  return [...keys];
}

/** An application number from each of its parts on (P4-2026-3896-0003 → …, 38960003, 0003). */
export function applicationNoKeys(applicationNo: string): string[] {
  const parts = partsOf(applicationNo);
  const keys = new Set<string>();
  for (let i = 0; i < parts.length; i++) keys.add(parts.slice(i).join(''));
  keys.delete('');
  return [...keys];
}

/**
 * The search keys of a record of `table` (people: the name; organisations: the name;
 * applications: the number and the employer on the form), sorted and without repeats.
 */
export function searchKeysOf(table: SearchKeyTable, record: Readonly<Record<string, unknown>>): string[] {
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  let keys: string[];
  switch (table) {
    case 'people':
      keys = personNameKeys(text(record['name']));
      break;
    case 'organisations':
      keys = organisationNameKeys(text(record['name']));
      break;
    case 'applications': {
      const fields = record['fields'];
      const employer = typeof fields === 'object' && fields !== null ? text((fields as Record<string, unknown>)[EMPLOYER_FIELD]) : '';
      keys = [...applicationNoKeys(text(record['applicationNo'])), ...organisationNameKeys(employer)];
      break;
    }
  }
  return [...new Set(keys)].sort();
}

export function isSearchKeyTable(table: string): table is SearchKeyTable {
  return (SEARCH_KEY_TABLES as readonly string[]).includes(table);
}
