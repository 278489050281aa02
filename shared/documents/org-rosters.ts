/**
 * The data of the organisation rosters, read from the packs (no program is named here): the
 * summary of filings by level with the pack's thresholds (001 年检汇总 by 甲乙丙丁), a 公示名单
 * whose columns a pack document lists (004 第十四条), and a certificate register with each
 * certificate's category and level (004 第十一条、第十五条). The xlsx builders in ./xlsx lay
 * them out; a screen gathers the records and calls these.
 */
import { CERTIFICATE_STATUS_ZH, type Application, type Certificate } from '../model/records';
import type { DocumentDef, FieldDef, ProgramPack } from '../programs/schema';
import { formatDateZh, type IsoDate } from '../rules/civil-date';
import { formatMoney, type Fen, type MoneyUnit } from '../rules/money';
import { fail, ok, type Result } from '../rules/result';
import type { ThresholdBinding } from '../rules/thresholds';
import { evaluateThresholds, levelOf } from '../engine/thresholds';
import { computedValues } from '../engine/tables';
import type { WorkflowHistoryEntry } from '../workflow/context';
import { grantsCertificate, transitionSources, type WorkflowDefinition } from '../workflow/definition';
import type { PublicityColumn, PublicityInput } from './xlsx/publicity-list';
import { stateOf } from '../workflow/lookup';

// ---------------------------------------------------------------------------------------------
// Outcome of a filing
// ---------------------------------------------------------------------------------------------

export type FilingOutcome = 'passed' | 'rejected' | 'pending';

export const OUTCOME_ZH: Readonly<Record<FilingOutcome, string>> = { passed: '通过', rejected: '驳回', pending: '待审核' };

/**
 * Where a filing stands, from its workflow alone: rejected while it waits for the applicant's
 * correction (a 'returned' queue state); passed once the office needs no further decision to
 * reach a granting state (001: 通过 → 回传盖章版 → 换证 are clerk's steps); pending otherwise.
 */
export function filingOutcome(definition: WorkflowDefinition, stateId: string): FilingOutcome {
  const state = stateOf(definition, stateId);
  if (state === undefined) return 'pending';
  if (state.queue === 'returned') return 'rejected';
  const seen = new Set<string>([stateId]);
  const queue = [stateId];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (grantsCertificate(definition, id) && stateOf(definition, id)?.kind === 'final') return 'passed';
    for (const t of definition.transitions) {
      if (!transitionSources(t).includes(id) || !t.roles.includes('clerk') || t.records.includes('reason') || seen.has(t.to)) continue;
      seen.add(t.to);
      queue.push(t.to);
    }
  }
  return 'pending';
}

// ---------------------------------------------------------------------------------------------
// Summary by level (001 年检汇总)
// ---------------------------------------------------------------------------------------------

/** One organisation's filing, as far as the rosters need it. */
export interface OrganisationFiling {
  readonly application: Pick<Application, 'programId' | 'kind' | 'status' | 'applicationNo' | 'fields'> & { readonly deleted?: boolean | undefined };
  /** The registered organisation; else the name and code typed on the form. */
  readonly organisation?: { readonly name: string; readonly creditCode: string } | undefined;
  /** Fired transitions, oldest first (the reason of the last 驳回 is shown). */
  readonly history: readonly Pick<WorkflowHistoryEntry, 'to' | 'reason'>[];
}

export interface SummaryMeasure {
  readonly thresholdId: string;
  readonly label: string;
  readonly binding: ThresholdBinding;
  /** 人, or a money unit: figures are then in 分 and shown in that unit. */
  readonly unit: string;
  readonly money: MoneyUnit | null;
}

export interface SummaryRow {
  readonly name: string;
  readonly creditCode: string;
  readonly applicationNo: string;
  readonly levelId: string;
  /** Per measure: the figure (分 for money), or null when it cannot be read. */
  readonly figures: readonly (number | null)[];
  /** Per measure: met (无要求 counts as met), or null when it could not be judged. */
  readonly met: readonly (boolean | null)[];
  /** Per measure, as the detail sheet shows it: 达标 / 未达标, 达到 / 未达到 (参考指标), 无要求, or —. */
  readonly verdicts: readonly string[];
  readonly outcome: FilingOutcome;
  readonly reason: string;
}

export interface GradeSummaryInput {
  readonly title: string;
  readonly generatedOn: IsoDate;
  /** High to low (甲 first), as offices list grades. */
  readonly levels: readonly { readonly id: string; readonly name: string }[];
  readonly measures: readonly SummaryMeasure[];
  readonly rows: readonly SummaryRow[];
  readonly note: string;
}

const ZH_MONEY: Readonly<Record<string, MoneyUnit>> = { 元: 'yuan', 万元: 'wan-yuan' };

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

/** The organisation's name and code: the registered record first, else the form's text fields. */
function holderOf(pack: ProgramPack, filing: OrganisationFiling): { name: string; creditCode: string } {
  if (filing.organisation) return filing.organisation;
  const fields = filing.application.fields;
  const name = pack.fields.find((f) => f.type === 'text' && f.required && text(fields[f.id]) !== '');
  const code = pack.fields.find((f) => f.type === 'credit-code');
  return { name: name ? text(fields[name.id]) : '', creditCode: code ? text(fields[code.id]) : '' };
}

/**
 * The summary of a program's filings by level, with one figure and one verdict per threshold the
 * pack measures on a form field. Filings of other programs or deleted ones are left out; a
 * filing without a valid level is reported in `problems` (with its number) and left out.
 */
export function gradeSummaryData(
  pack: ProgramPack,
  filings: readonly OrganisationFiling[],
  options: { readonly generatedOn: IsoDate; readonly title?: string },
): Result<{ readonly input: GradeSummaryInput; readonly problems: readonly string[] }> {
  const grading = pack.grading;
  const category = pack.categories?.find((c) => c.id === grading?.category);
  if (grading === undefined || category === undefined) return fail('documents.layout', `“${pack.names.zh}”没有按等级汇总的格式。`);
  const measures: SummaryMeasure[] = [];
  for (const t of pack.thresholds) {
    if (t.measure === undefined || !('field' in t.measure)) continue;
    const field = pack.fields.find((f) => t.measure !== undefined && 'field' in t.measure && f.id === t.measure.field);
    measures.push({ thresholdId: t.id, label: t.label.zh, binding: t.binding, unit: t.unit, money: field?.type === 'money' ? (ZH_MONEY[t.unit] ?? 'yuan') : null });
  }
  const rows: SummaryRow[] = [];
  const problems: string[] = [];
  for (const filing of filings) {
    const app = filing.application;
    if (app.deleted || app.programId !== pack.id) continue;
    const kind = app.kind;
    const definition = pack.workflows[kind];
    const level = levelOf(pack, app.fields);
    if (definition === undefined || level === undefined) {
      problems.push(`${app.applicationNo}：${definition === undefined ? '办理类型无效' : '未选择有效的等级'}。`);
      continue;
    }
    const computed = computedValues(pack, kind, app.fields);
    const findings = evaluateThresholds(pack, kind, app.fields);
    const figures = measures.map((m) => {
      const t = pack.thresholds.find((x) => x.id === m.thresholdId);
      const id = t?.measure !== undefined && 'field' in t.measure ? t.measure.field : '';
      const field = pack.fields.find((f) => f.id === id);
      const raw = Object.hasOwn(computed, id) ? computed[id] : app.fields[id];
      const value = raw === undefined || raw === null || raw === '' ? (typeof field?.blankMeans === 'number' ? field.blankMeans : 0) : raw;
      return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
    });
    const judged = measures.map((m) => findings.find((x) => x.thresholdId === m.thresholdId));
    const met = judged.map((f) => (f === undefined || f.required === undefined ? null : f.met));
    const verdicts = measures.map((m, i) => {
      const f = judged[i];
      if (f === undefined || f.required === undefined) return '—';
      if (f.required === null) return '无要求';
      return m.binding === 'reference' ? (f.met ? '达到' : '未达到') : f.met ? '达标' : '未达标';
    });
    const outcome = filingOutcome(definition, app.status);
    const rejection = [...filing.history].reverse().find((e) => e.to === app.status && e.reason !== undefined);
    const holder = holderOf(pack, filing);
    rows.push({
      name: holder.name,
      creditCode: holder.creditCode,
      applicationNo: app.applicationNo,
      levelId: level.id,
      figures,
      met,
      verdicts,
      outcome,
      reason: outcome === 'rejected' ? (rejection?.reason ?? '') : '',
    });
  }
  const levels = [...category.levels].sort((a, b) => b.rank - a.rank).map((l) => ({ id: l.id, name: l.names.zh }));
  const requirement = measures.filter((m) => m.binding === 'requirement').map((m) => m.label);
  const reference = measures.filter((m) => m.binding === 'reference').map((m) => m.label);
  const note = [
    requirement.length > 0 ? `${requirement.join('、')}为指标要求` : '',
    reference.length > 0 ? `${reference.join('、')}为参考指标` : '',
  ]
    .filter((s) => s !== '')
    .join('；');
  const doc = pack.documents.find((d) => d.layout === 'grade-summary');
  return ok({
    input: {
      title: options.title ?? `${pack.names.zh}${doc ? `——${doc.names.zh}` : '汇总'}`,
      generatedOn: options.generatedOn,
      levels,
      measures,
      rows,
      note: note === '' ? '' : `${note}（${doc?.cite ?? pack.seed}）。`,
    },
    problems,
  });
}

// ---------------------------------------------------------------------------------------------
// 公示名单 whose columns a pack document lists
// ---------------------------------------------------------------------------------------------

/** A field's value as a list shows it: an option's label, a money amount in its unit, a date in Chinese. */
export function displayValue(field: FieldDef, value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (field.type === 'enum') {
    const option = field.enum?.find((o) => o.value === value);
    return option ? (option.label?.zh ?? option.value) : text(value);
  }
  if (field.type === 'money' && typeof value === 'number' && Number.isSafeInteger(value)) return formatMoney(value as Fen, field.moneyUnit ?? 'yuan');
  if (field.type === 'date' && typeof value === 'string') return formatDateZh(value);
  if (field.type === 'boolean') return value === true ? '是' : '否';
  return text(value);
}

function listDocument(pack: ProgramPack, documentId: string): Result<DocumentDef & { readonly columns: NonNullable<DocumentDef['columns']> }> {
  const doc = pack.documents.find((d) => d.id === documentId);
  if (doc === undefined || doc.columns === undefined) return fail('documents.layout', `“${pack.names.zh}”没有带列定义的文书“${documentId}”。`);
  return ok({ ...doc, columns: doc.columns });
}

export interface PublicityListOptions {
  readonly title: string;
  readonly period: PublicityInput['period'];
  readonly publisher: string;
  readonly contact?: string;
  readonly intro?: string;
}

/** The 公示名单 of a publicity: one row per filing, the pack document's columns. */
export function publicityListData(
  pack: ProgramPack,
  documentId: string,
  filings: readonly Pick<OrganisationFiling, 'application'>[],
  options: PublicityListOptions,
): Result<PublicityInput> {
  const doc = listDocument(pack, documentId);
  if (!doc.ok) return doc;
  const fields = doc.value.columns.map((c) => pack.fields.find((f) => f.id === c.field)!);
  const columns: PublicityColumn[] = [
    { key: '#', header: '序号', width: 6 },
    ...doc.value.columns.map((c, i) => ({
      key: c.field,
      header: c.header?.zh ?? fields[i]!.label.zh,
      width: c.width ?? 16,
      ...(fields[i]!.type === 'text' ? { align: 'left' as const } : {}),
    })),
  ];
  const rows = filings
    .filter((f) => !f.application.deleted && f.application.programId === pack.id)
    .map((f) => Object.fromEntries(fields.map((field) => [field.id, displayValue(field, f.application.fields[field.id])])));
  return ok({
    layout: pack.documents.find((d) => d.id === documentId)?.layout ?? documentId,
    title: options.title,
    period: options.period,
    publisher: options.publisher,
    rows,
    columns,
    ...(options.contact !== undefined ? { contact: options.contact } : {}),
    ...(options.intro !== undefined ? { intro: options.intro } : {}),
  });
}

// ---------------------------------------------------------------------------------------------
// Certificates with category and level
// ---------------------------------------------------------------------------------------------

/** What a certificate of this application carries (004: 评价类别 and 等级; 001: the grade). */
export function certificateGrading(pack: ProgramPack, fields: Readonly<Record<string, unknown>>): { readonly category?: string; readonly level?: string } {
  const grading = pack.grading;
  if (grading === undefined) return {};
  const chosen = grading.categoryField !== undefined ? fields[grading.categoryField] : grading.category;
  const category = pack.categories?.find((c) => c.id === chosen);
  if (category === undefined) return {};
  const level = category.levels.find((l) => l.id === fields[grading.levelField]);
  return level === undefined ? { category: category.id } : { category: category.id, level: level.id };
}

export interface GradedRegisterRow {
  readonly certificateNo: string;
  readonly holderName: string;
  readonly creditCode: string;
  readonly categoryName: string;
  /** '' for a category without levels (004 第十二条 不划分等级). */
  readonly levelName: string;
  readonly issuedOn: IsoDate;
  readonly validUntil: IsoDate | undefined;
  readonly status: string;
}

export interface GradedRegisterInput {
  readonly title: string;
  readonly asOf: IsoDate;
  /** Every category and level the pack declares, low to high, for the count sheet. */
  readonly categories: readonly { readonly name: string; readonly levels: readonly string[] }[];
  readonly rows: readonly GradedRegisterRow[];
}

/** The program's certificates (deleted ones left out), by category, level (high first), then number. */
export function gradedRegisterData(
  pack: ProgramPack,
  certificates: readonly Certificate[],
  holder: (c: Certificate) => { readonly name: string; readonly creditCode: string },
  options: { readonly asOf: IsoDate; readonly title?: string },
): GradedRegisterInput {
  const categories = pack.categories ?? [];
  const rank = (c: Certificate): [number, number] => {
    const ci = categories.findIndex((x) => x.id === c.category);
    const li = categories[ci]?.levels.find((l) => l.id === c.level)?.rank ?? 0;
    return [ci < 0 ? categories.length : ci, -li];
  };
  const rows = certificates
    .filter((c) => !c.deleted && c.programId === pack.id)
    .sort((a, b) => {
      const [ca, la] = rank(a);
      const [cb, lb] = rank(b);
      return ca - cb || la - lb || (a.certificateNo < b.certificateNo ? -1 : a.certificateNo > b.certificateNo ? 1 : 0);
    })
    .map((c) => {
      const category = categories.find((x) => x.id === c.category);
      const h = holder(c);
      return {
        certificateNo: c.certificateNo,
        holderName: h.name,
        creditCode: h.creditCode,
        categoryName: category?.names.zh ?? '',
        levelName: category?.levels.find((l) => l.id === c.level)?.names.zh ?? '',
        issuedOn: c.issuedOn,
        validUntil: c.validUntil,
        status: CERTIFICATE_STATUS_ZH[c.status],
      };
    });
  const doc = pack.documents.find((d) => d.layout === 'graded-certificate-register');
  return {
    title: options.title ?? `${pack.names.zh}${doc?.names.zh ?? '证书登记簿'}`,
    asOf: options.asOf,
    categories: categories.map((c) => ({ name: c.names.zh, levels: c.levels.map((l) => l.names.zh) })),
    rows,
  };
}
