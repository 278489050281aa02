/**
 * One fact, one place. Some facts reach an application by two roads — the hours typed on the
 * 申请表's own 学时登记卡 table and the rows of the 继续教育 tab, the 自评分 field and the total of
 * the 自评分表, the 学历资历 question and the sheet's old checkbox, the header's 收件日期 and a
 * form's 收到日期. These functions say which road is the source and derive the rest, so the form,
 * the tabs, the engine, the documents and the exports all read the same value.
 *
 * Pure: the renderer's file loader, the documents and the server call the same functions.
 */
import type { EducationRecord } from '../rules/education';
import { addDays, addYears, isCanonicalDate, parseDateInput, parseYearMonth, type IsoDate } from '../rules/civil-date';
import { parseIdNumber } from '../rules/id-number';
import { evaluateSelfScore, type ScoreEntry, type ScoreItem, type SeniorityRoute } from '../rules/self-score';
import { SELF_SCORE_RULES } from '../programs/rule-refs';
import type { ProgramPack } from '../programs/schema';

// ---------------------------------------------------------------------------------------------
// Continuing education (002 六(三), 003 48号 四)
// ---------------------------------------------------------------------------------------------

const textOf = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : '');

function dateOf(v: unknown): IsoDate | undefined {
  if (isCanonicalDate(v)) return v;
  const raw = textOf(v);
  if (raw === '') return undefined;
  const parsed = parseDateInput(raw);
  return parsed.ok ? parsed.value : undefined;
}

function hoursOf(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : textOf(v) === '' ? NaN : Number(textOf(v));
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/**
 * The rows of the form's hours table (pack `education.formTable`) as education records. A row
 * not yet complete (no date, no hours) is left out: the form reports it on its own field.
 */
export function educationFromForm(pack: ProgramPack, fields: Readonly<Record<string, unknown>>): EducationRecord[] {
  const table = pack.education?.formTable;
  if (table === undefined) return [];
  const rows = fields[table.field];
  if (!Array.isArray(rows)) return [];
  const out: EducationRecord[] = [];
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) continue;
    const r = row as Record<string, unknown>;
    const date = dateOf(r['date']);
    const hours = hoursOf(r[table.hoursColumn]);
    if (date === undefined || hours === undefined) continue;
    const category = textOf(r['category']);
    out.push({ date, mode: textOf(r['mode']), content: textOf(r['content']), hours, ...(category === '' ? {} : { category }) });
  }
  return out;
}

const rowKey = (r: EducationRecord): string => `${r.date}\u0000${r.category ?? ''}\u0000${r.content}\u0000${r.hours}`;

/**
 * The hours the engine judges: the form's rows, then the tab's rows that are not the same row
 * again (same date, category, content and hours), so a card copied to both places counts once.
 */
export function educationRowsOf(
  pack: ProgramPack,
  fields: Readonly<Record<string, unknown>>,
  records: readonly EducationRecord[],
): EducationRecord[] {
  const fromForm = educationFromForm(pack, fields);
  if (fromForm.length === 0) return [...records];
  const seen = new Map<string, number>();
  for (const r of fromForm) seen.set(rowKey(r), (seen.get(rowKey(r)) ?? 0) + 1);
  const out = [...fromForm];
  for (const r of records) {
    const left = seen.get(rowKey(r)) ?? 0;
    if (left > 0) seen.set(rowKey(r), left - 1);
    else out.push(r);
  }
  return out;
}

/** The calendar years the pack's round judges (002 六(三)), or undefined to use the default. */
export function roundEducationYears(pack: ProgramPack): number[] | undefined {
  const years = pack.education?.roundYears;
  if (years === undefined) return undefined;
  const out: number[] = [];
  for (let y = years.from; y <= years.to; y++) out.push(y);
  return out;
}

/**
 * The start of the certificate's current 3-year cycle (003 47号 三: 三年, 自批准或登记之日起算):
 * counted back from 证书有效期至, which every registration form carries; the first 取得时间 only
 * when no expiry is known (a first registration, where both give the same day).
 */
export function educationCycleStart(
  certificate: { readonly issuedOn?: IsoDate | null | undefined; readonly validUntil?: IsoDate | undefined } | undefined,
  cycleYears: number,
): IsoDate | undefined {
  if (certificate?.validUntil !== undefined && isCanonicalDate(certificate.validUntil)) {
    // The validity ends the day before the anniversary (shared/rules/validity): 2023-03-15 to
    // 2026-03-14, so the cycle starts the day after the date three years back.
    const back = addYears(certificate.validUntil, -cycleYears);
    const start = back.ok ? addDays(back.value, 1) : back;
    if (start.ok) return start.value;
  }
  return certificate?.issuedOn ?? undefined;
}

// ---------------------------------------------------------------------------------------------
// 自评分 and the 学历资历 route (002 二, 附件4 四 10)
// ---------------------------------------------------------------------------------------------

export interface SelfScoreSheetInput {
  readonly items: readonly (ScoreItem & { readonly claimed: number; readonly hasEvidence: boolean })[];
  readonly seniority?: SeniorityRoute | undefined;
}

/** The form fields of the 学历资历 question (002 二), asked once, on the 申请表. */
export const SENIORITY_FIELDS = { meets: 'meetsSeniorityConditions', reason: 'seniorityReason' } as const;
/** The form field that carries the 自评分 to the 花名册 (002 附件4 四 10). */
export const SELF_SCORE_FIELD = 'selfScore';

/**
 * The 学历资历 route: the form's answer when given; an answer recorded on an older 自评分表 only
 * when the form has none (records from before the question moved).
 */
export function seniorityOf(fields: Readonly<Record<string, unknown>>, sheet: SelfScoreSheetInput | undefined): SeniorityRoute | undefined {
  const meets = fields[SENIORITY_FIELDS.meets];
  if (typeof meets === 'boolean') return { meets, reason: textOf(fields[SENIORITY_FIELDS.reason]) };
  return sheet?.seniority;
}

/**
 * The 自评分: the 自评分表's total as the engine counts it (no evidence, no score: 002 四(二))
 * when the sheet has items; otherwise the number on the form (an imported 花名册 row).
 */
export function selfScoreOf(pack: ProgramPack, fields: Readonly<Record<string, unknown>>, sheet: SelfScoreSheetInput | undefined): number | undefined {
  const rule = pack.scoring?.passScore?.rule;
  if (rule !== undefined && sheet !== undefined && sheet.items.length > 0) {
    const entries: ScoreEntry[] = sheet.items.map((i) => ({ itemId: i.id, claimed: i.claimed, hasEvidence: i.hasEvidence }));
    const result = evaluateSelfScore({ items: sheet.items, entries }, SELF_SCORE_RULES[rule]);
    if (result.ok) return result.value.total;
  }
  const typed = fields[SELF_SCORE_FIELD];
  if (typeof typed === 'number' && Number.isFinite(typed)) return typed;
  const text = textOf(typed);
  return text !== '' && Number.isFinite(Number(text)) ? Number(text) : undefined;
}

/** Fields whose value is derived here, not typed: the form shows them read-only. */
export function derivedFieldIds(pack: ProgramPack, sheet: SelfScoreSheetInput | undefined): Set<string> {
  const out = new Set<string>();
  if (pack.scoring?.passScore?.rule !== undefined && sheet !== undefined && sheet.items.length > 0 && pack.fields.some((f) => f.id === SELF_SCORE_FIELD)) {
    out.add(SELF_SCORE_FIELD);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The received date (收件日期)
// ---------------------------------------------------------------------------------------------

/** A form's own 收到日期 (000 第十一条), the same fact as the application's 收件日期. */
export const RECEIVED_FIELD = 'receivedOn';

/**
 * The fields as every reader sees them: the derived facts written over what was typed — the
 * 收到日期 is the application's 收件日期, the 自评分 the sheet's total — so the form, the engine,
 * the documents and the exports cannot disagree.
 */
export function factsOfFields(
  pack: ProgramPack,
  fields: Readonly<Record<string, unknown>>,
  facts: { readonly receivedDate?: IsoDate | undefined; readonly selfScore?: SelfScoreSheetInput | undefined },
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...fields };
  if (facts.receivedDate !== undefined && pack.fields.some((f) => f.id === RECEIVED_FIELD)) out[RECEIVED_FIELD] = facts.receivedDate;
  if (pack.fields.some((f) => f.id === SELF_SCORE_FIELD)) {
    const score = selfScoreOf(pack, fields, facts.selfScore);
    if (score !== undefined) out[SELF_SCORE_FIELD] = score;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cross-checks: what the form says against what the ID number says (GB 11643)
// ---------------------------------------------------------------------------------------------

export const CROSS_CHECK_CODE = 'field.cross-check';

export interface CrossCheckFinding {
  readonly field: string;
  readonly code: typeof CROSS_CHECK_CODE;
  readonly message: string;
}

const ymZh = (ym: string): string => `${ym.slice(0, 4)}年${ym.slice(5, 7)}月`;

/**
 * 出生年月 and 性别 against the birth date and sex inside the 身份证号码 (GB 11643-1999: digits
 * 7–14 the birth date, digit 17 odd for men). A finding for the clerk to check with the
 * applicant, not a refusal: which of the two is wrong only the paper can tell.
 */
export function identityCrossChecks(fields: Readonly<Record<string, unknown>>, today: IsoDate): CrossCheckFinding[] {
  const id = parseIdNumber(fields['idNumber'], { today });
  if (!id.ok) return [];
  const out: CrossCheckFinding[] = [];
  const month = fields['birthMonth'];
  const typedMonth = typeof month === 'string' ? parseYearMonth(month) : undefined;
  const idMonth = id.value.birthDate.slice(0, 7);
  if (typedMonth?.ok && typedMonth.value !== idMonth) {
    out.push({ field: 'birthMonth', code: CROSS_CHECK_CODE, message: `出生年月${ymZh(typedMonth.value)}与身份证号码中的出生日期（${ymZh(idMonth)}）不一致，请与申请人核对。` });
  }
  const sex = fields['sex'];
  const typedSex = sex === '男' || sex === 'male' ? 'male' : sex === '女' || sex === 'female' ? 'female' : undefined;
  if (typedSex !== undefined && typedSex !== id.value.sex) {
    out.push({ field: 'sex', code: CROSS_CHECK_CODE, message: `性别“${typedSex === 'male' ? '男' : '女'}”与身份证号码（${id.value.sex === 'male' ? '男' : '女'}）不一致，请与申请人核对。` });
  }
  return out;
}
