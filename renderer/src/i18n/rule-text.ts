/**
 * The rules' and the engine's sentences in English. `shared/` words its verdicts, field errors and
 * refusals in Chinese (shared/rules/result.ts: shown to the clerk as is); this is the one place
 * they are put into English, so a screen shows `ruleText(message, locale)` and never a sentence of
 * its own. Two tables do it:
 * - the packs' own two-language texts (every `{ zh, en }` in a pack: field labels, material
 *   names, enum options, state and step names, condition texts), looked up whole;
 * - `RULE_SENTENCES`: each Chinese sentence template of shared/ with its English, `{name}` where
 *   the Chinese has a part that varies. A part is put into English the same way (a label, a list
 *   joined by 、 or ；, a date `2026年11月22日`, another sentence), so one template covers every
 *   field, material and year.
 * A part that holds what the clerk typed (a `{name}`, `{who}`, `{title}`…, or any part quoted “…”)
 * is put into English where a table knows it and otherwise kept as typed: 王五 stays 王五.
 * A sentence no table knows stays as it is (the English e2e test, tests/e2e/english.spec.ts,
 * fails on it: add its template here).
 */
import { programPacks } from '../../../shared/programs';
import { ROUTING_LEVELS } from '../../../shared/workflow/routing';
import { RULE_SENTENCES } from './rule-sentences';
import type { Locale } from './messages';

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

let labels: Map<string, string> | undefined;

/** zh → en of every two-language text in the packs (first one wins: the packs agree). */
function packLabels(): Map<string, string> {
  if (labels) return labels;
  const map = new Map<string, string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
      return;
    }
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (typeof o.zh === 'string' && typeof o.en === 'string' && !map.has(o.zh)) map.set(o.zh, o.en);
    // An enum option: its stored value reads as its label.
    if (typeof o.value === 'string' && o.label !== null && typeof o.label === 'object') {
      const en = (o.label as Record<string, unknown>).en;
      if (typeof en === 'string' && !map.has(o.value)) map.set(o.value, en);
    }
    for (const x of Object.values(o)) walk(x);
  };
  walk(programPacks);
  walk(Object.values(ROUTING_LEVELS));
  labels = map;
  return map;
}

interface Template {
  readonly pattern: RegExp;
  readonly names: readonly string[];
  /** Parts that may hold what the clerk typed (a name, a title, a quoted value): kept as typed. */
  readonly typed: ReadonlySet<string>;
  readonly en: string;
}

/** Parts named so hold a person's, an expert's, a session's or an employer's name as typed. */
const TYPED_NAMES = new Set(['name', 'names', 'who', 'person', 'expert', 'title', 'unit', 'other']);

let templates: readonly Template[] | undefined;

function compiled(): readonly Template[] {
  if (templates) return templates;
  templates = Object.entries(RULE_SENTENCES).map(([zh, en]) => {
    const names: string[] = [];
    const source = zh
      .split(/(\{\w+\})/)
      .map((part) => {
        const m = /^\{(\w+)\}$/.exec(part);
        if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(m[1]!);
        // {num…}: a figure with its unit (30 人, 1,000.5 万元); {…_}: may be empty.
        if (m[1]!.startsWith('num')) return '(-?[\\d,.]+(?: [^\\s，；]+)?)';
        return m[1]!.endsWith('_') ? '(.*?)' : '(.+?)';
      })
      .join('');
    const typed = new Set(names.filter((name) => TYPED_NAMES.has(name) || zh.includes(`“{${name}}”`)));
    return { pattern: new RegExp(`^${source}$`, 's'), names, typed, en };
  });
  return templates;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 2026年11月22日 → 22 Nov 2026; 2026年11月 → Nov 2026; 2018年 → 2018. */
function dates(text: string): string {
  return text
    .replace(/(\d{4})年(\d{1,2})月(\d{1,2})日/g, (_w, y: string, m: string, d: string) => `${Number(d)} ${MONTHS[Number(m) - 1] ?? m} ${y}`)
    .replace(/(\d{4})年(\d{1,2})月/g, (_w, y: string, m: string) => `${MONTHS[Number(m) - 1] ?? m} ${y}`)
    .replace(/(\d{4})年/g, '$1');
}

function english(text: string, depth: number): string {
  const trimmed = text.trim();
  if (trimmed === '' || !CJK.test(trimmed) || depth > 6) return text;
  const label = packLabels().get(trimmed);
  if (label !== undefined) return label;
  // A sentence's own full stop: the template is written without it.
  const stop = /[。．]$/.test(trimmed);
  const body = stop ? trimmed.slice(0, -1) : trimmed;
  const again = packLabels().get(body);
  if (again !== undefined) return again + (stop ? '.' : '');
  // A figure with its unit: 30 人 → 30 people.
  const figure = /^(-?[\d,.]+) (\S+)$/.exec(body);
  const unit = figure ? packLabels().get(figure[2]!) ?? RULE_SENTENCES[figure[2]!] : undefined;
  if (figure && unit !== undefined) return `${figure[1]} ${unit}`.trim();
  const read = template(body, stop, depth, false);
  if (read !== undefined) return read;
  const cited = citation(body);
  if (cited !== undefined) return cited + (stop ? '.' : '');
  // Sentences, then a list: each on its own.
  for (const [sep, join] of [['。', '. '], ['；', '; '], ['、', ', '], ['，', ', ']] as const) {
    if (body.includes(sep)) {
      const items = listItems(body.split(sep), sep, depth);
      if (items !== undefined) return items.join(join) + (stop ? '.' : '');
    }
  }
  // What the clerk typed inside a sentence (王五, “某某公司”) stays as typed; the rest is English.
  const typed = template(body, stop, depth, true);
  if (typed !== undefined) return typed;
  const dated = dates(trimmed);
  if (!CJK.test(dated)) return dated;
  return text;
}

const NUMERALS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十五 → 15, 二十一 → 21, 三 → 3 (the article numbers of the seed documents). */
function numeral(zh: string): string {
  const [tens, ones] = zh.includes('十') ? zh.split('十') : ['', zh];
  const t = zh.includes('十') ? (tens === '' ? 1 : (NUMERALS[tens!] ?? 0)) : 0;
  return String(t * 10 + (NUMERALS[ones!] ?? 0));
}

/**
 * A citation of the seed documents (`004 办法 第十四条`, `003 47号 八`, `002 附件4 二 6`) in
 * English: the document's number stays, its parts are numbered as the Chinese numbers them.
 */
function citation(text: string): string | undefined {
  if (!/^\d{3}(?: |$)/.test(text) || /[，。：；]/.test(text)) return undefined;
  const en = text
    .replace(/第([一二三四五六七八九十]+)条/g, (_w, n: string) => `Art. ${numeral(n)}`)
    .replace(/(\d+)号/g, 'No. $1')
    .replace(/附件/g, 'Annex ')
    .replace(/办法/g, 'Measures')
    .replace(/细则/g, 'Rules')
    .replace(/[一二三四五六七八九十]+/g, (n) => numeral(n))
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/、/g, ', ')
    .replace(/ {2,}/g, ' ');
  return CJK.test(en) ? undefined : en;
}

/** A part the clerk typed: a name or a value, never a sentence of ours (no CJK punctuation). */
const TYPED = /^[^\u3000-\u303f\uff00-\uffef“”]*$/;

/** What the clerk typed that the sentence being read keeps as typed, so an outer sentence may hold it too. */
const keptTyped = new Set<string>();

/** A reading with what the clerk typed taken out: the rest must be English. */
function withoutTyped(text: string): string {
  let out = text;
  for (const k of keptTyped) out = out.split(k).join('');
  return out;
}

/**
 * The first template that reads the sentence all in English; with `typed`, one that does so but
 * for its parts the clerk typed, kept as they are.
 */
function template(body: string, stop: boolean, depth: number, typed: boolean): string | undefined {
  for (const t of compiled()) {
    const m = t.pattern.exec(body);
    if (!m) continue;
    const parts = new Map(t.names.map((name, i) => [name, english(m[i + 1]!, depth + 1)]));
    const kept = (name: string) => typed && t.typed.has(name) && TYPED.test(parts.get(name) ?? '');
    // A short template can match by chance (至 inside 至少): only an all-English reading counts.
    const ours = t.en.replace(/\{(\w+)\}/g, (whole, name: string) => (kept(name) ? '' : (parts.get(name) ?? whole)));
    if (CJK.test(typed ? withoutTyped(ours) : ours)) continue;
    if (typed) for (const name of t.names) if (kept(name)) keptTyped.add(parts.get(name)!);
    const out = t.en
      .replace(/\{(\w+)\}/g, (whole, name: string) => parts.get(name) ?? whole)
      .replace(/ {2,}/g, ' ')
      .replace(/: ,/g, ':');
    return stop && !/[.!?]$/.test(out) ? `${out}.` : out;
  }
  return undefined;
}

/**
 * The items of a list, each in English; a name that holds the separator itself (论文、著作) is
 * taken whole: the longest run of pieces that reads as one item wins. Undefined if one item
 * stays Chinese.
 */
function listItems(pieces: readonly string[], sep: string, depth: number): string[] | undefined {
  const out: string[] = [];
  for (let i = 0; i < pieces.length; ) {
    let taken = 0;
    for (let j = pieces.length; j > i; j--) {
      // A run of pieces is looked up as a name only; a single piece is read in full.
      const en = j === i + 1 ? english(pieces[i]!, depth + 1) : (packLabels().get(pieces.slice(i, j).join(sep)) ?? '中');
      if (!CJK.test(en)) {
        out.push(en);
        taken = j - i;
        break;
      }
    }
    if (taken === 0) return undefined;
    i += taken;
  }
  return out;
}

/** A rule's or the engine's Chinese sentence in the UI's language (unchanged in Chinese). */
export function ruleText(text: string, locale: Locale): string {
  if (locale === 'zh-CN') return text;
  let en = seen.get(text);
  if (en === undefined) {
    if (seen.size > 5000) seen.clear();
    keptTyped.clear();
    en = english(text, 0);
    seen.set(text, en);
  }
  return en;
}

/** Screens show the same sentences on every render: each is read once. */
const seen = new Map<string, string>();
