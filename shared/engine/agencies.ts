/**
 * Evaluation agencies and their evaluators (004 细则), judged against the pack's thresholds that
 * measure an agency or evaluator fact: registered ≥ 1 year (第七条), national ≥ 15 evaluators of
 * whom ≥ 8 full-time, local ≥ 10 / ≥ 5 (第八条), an evaluator in one agency only (第十条), ≥ 3
 * evaluations a year (第十二条). The numbers come from the pack; the facts from the records; the
 * comparison and message from rules/thresholds. And the count of an application's reviews per
 * stage, agency audits included, that the workflow's `all-reviews-done` guards read.
 */
import { AGENCY_AUDIT_KINDS, type AgencyAudit, type EvaluationAgency, type Evaluator } from '../model/records';
import type { ProgramPack, Threshold, ThresholdFact } from '../programs/schema';
import { fullYearsBetween, type IsoDate } from '../rules/civil-date';
import { fail, ok, type Result } from '../rules/result';
import { checkThreshold } from '../rules/thresholds';

/** The pack's thresholds on agencies and evaluators; empty when the program has no agencies. */
export function agencyThresholds(pack: ProgramPack): readonly Threshold[] {
  return pack.thresholds.filter((t) => t.measure !== undefined && 'fact' in t.measure);
}

/** Whether a program works through evaluation agencies (a screen offers the agency page then). */
export function hasAgencies(pack: ProgramPack): boolean {
  return agencyThresholds(pack).length > 0;
}

const factOf = (t: Threshold): { fact: ThresholdFact; scope?: string | undefined } | undefined =>
  t.measure !== undefined && 'fact' in t.measure ? t.measure : undefined;

/** On its agency's books on `date`: in good standing and within its dates. */
export function evaluatorActive(e: Pick<Evaluator, 'standing' | 'since' | 'until' | 'deleted'>, date: IsoDate): boolean {
  return !e.deleted && e.standing === 'active' && (e.since === undefined || e.since <= date) && (e.until === undefined || e.until >= date);
}

export interface AgencyRecords {
  readonly agencies: readonly EvaluationAgency[];
  /** Every agency's evaluators: 第十条 is a check across agencies. */
  readonly evaluators: readonly Evaluator[];
  readonly audits: readonly AgencyAudit[];
}

export interface AgencyFinding {
  readonly thresholdId: string;
  /** `agency.evaluators`, `evaluator.agencies` …: which rule of the 细则. */
  readonly fact: ThresholdFact;
  readonly met: boolean;
  readonly message: string;
  readonly cite: string;
  /** What was counted (years, evaluators, agencies, evaluations) and the pack's number. */
  readonly actual: number;
  readonly required: number | undefined;
}

export interface EvaluatorReport {
  readonly evaluator: Evaluator;
  readonly findings: readonly AgencyFinding[];
  readonly met: boolean;
}

export interface AgencyReport {
  readonly agency: EvaluationAgency;
  readonly findings: readonly AgencyFinding[];
  /** The agency's evaluators on its books on `today`, each with the evaluator rules. */
  readonly evaluators: readonly EvaluatorReport[];
  /** Every rule met, the agency's and every evaluator's. */
  readonly met: boolean;
}

export interface AgencyReportOptions {
  readonly today: IsoDate;
  /** The calendar year whose evaluations are counted (第十二条 每年): a past year to judge, the current one to watch. */
  readonly year: number;
}

/** `who` names the evaluator in front; `extra` is added at the end (where else they work). */
function finding(t: Threshold, fact: ThresholdFact, actual: number, who = '', extra = ''): AgencyFinding {
  const check = checkThreshold(
    { label: t.label.zh, comparison: t.comparison, required: t.value ?? null, binding: t.binding, scopeName: '', show: (n) => `${n} ${t.unit}` },
    actual,
  );
  const body = extra === '' ? check.message : `${check.message.replace(/。$/, '')}（${extra}）。`;
  return { thresholdId: t.id, fact, met: check.met, message: who === '' ? body : `${who}：${body}`, cite: t.cite, actual, required: t.value };
}

/**
 * How many evaluations (distinct applications) each evaluator took part in during `year`, by
 * evaluator record id: a document review and an on-site review of one application are one
 * evaluation.
 */
export function evaluationsInYear(audits: readonly AgencyAudit[], year: number): ReadonlyMap<string, number> {
  const seen = new Map<string, Set<string>>();
  const prefix = `${String(year).padStart(4, '0')}-`;
  for (const a of audits) {
    if (a.deleted || !a.on.startsWith(prefix)) continue;
    for (const id of a.evaluatorIds) {
      let set = seen.get(id);
      if (set === undefined) seen.set(id, (set = new Set()));
      set.add(a.applicationId);
    }
  }
  return new Map([...seen].map(([id, set]) => [id, set.size]));
}

/** The agency and its evaluators against every agency and evaluator threshold of the pack. */
export function agencyReport(pack: ProgramPack, agencyId: string, records: AgencyRecords, options: AgencyReportOptions): Result<AgencyReport> {
  const agency = records.agencies.find((a) => a.id === agencyId && !a.deleted);
  if (agency === undefined) return fail('agency.unknown', '找不到该评价机构。');
  const { today, year } = options;
  const names = new Map(records.agencies.map((a) => [a.id, a.name]));
  const own = records.evaluators.filter((e) => e.agencyId === agency.id && evaluatorActive(e, today));
  const counts = evaluationsInYear(records.audits, year);
  const findings: AgencyFinding[] = [];
  const perEvaluator = new Map<string, AgencyFinding[]>(own.map((e) => [e.id, []]));
  for (const t of agencyThresholds(pack)) {
    const measure = factOf(t)!;
    if (measure.scope !== undefined && measure.scope !== agency.scope) continue;
    switch (measure.fact) {
      case 'agency.years-registered': {
        const years = fullYearsBetween(agency.registeredOn, today);
        if (!years.ok) return years;
        findings.push(finding(t, measure.fact, years.value));
        break;
      }
      case 'agency.evaluators':
        findings.push(finding(t, measure.fact, own.length));
        break;
      case 'agency.full-time-evaluators':
        findings.push(finding(t, measure.fact, own.filter((e) => e.fullTime).length));
        break;
      case 'evaluator.agencies':
        for (const e of own) {
          const elsewhere = records.evaluators.filter((x) => x.idNumber === e.idNumber && x.agencyId !== e.agencyId && evaluatorActive(x, today));
          const agencies = new Set([e.agencyId, ...elsewhere.map((x) => x.agencyId)]);
          const others = [...agencies].filter((id) => id !== e.agencyId).map((id) => names.get(id) ?? id);
          perEvaluator.get(e.id)!.push(finding(t, measure.fact, agencies.size, e.name, others.length > 0 ? `另在${others.join('、')}` : ''));
        }
        break;
      case 'evaluator.evaluations-per-year':
        for (const e of own) {
          perEvaluator.get(e.id)!.push(finding(t, measure.fact, counts.get(e.id) ?? 0, `${e.name}（${year}年）`));
        }
        break;
    }
  }
  const evaluators = own.map((e) => {
    const f = perEvaluator.get(e.id) ?? [];
    return { evaluator: e, findings: f, met: f.every((x) => x.met) };
  });
  return ok({ agency, findings, evaluators, met: findings.every((f) => f.met) && evaluators.every((e) => e.met) });
}

/**
 * Reviews recorded per stage, as the `all-reviews-done` guards count them: each review record
 * once; agency audits by kind — a stage has as many as it has kinds passed (004 第十四条（二）:
 * 文件资料审核 and 现场审核, both passed, count 2; a failed or repeated one adds nothing).
 */
export function reviewsDoneOf(
  reviews: readonly { readonly stage: string; readonly deleted?: boolean | undefined }[],
  audits: readonly Pick<AgencyAudit, 'stage' | 'kind' | 'passed' | 'deleted'>[],
): Record<string, number> {
  const done: Record<string, number> = {};
  for (const r of reviews) if (!r.deleted) done[r.stage] = (done[r.stage] ?? 0) + 1;
  const passed = new Map<string, Set<string>>();
  for (const a of audits) {
    if (a.deleted || !a.passed) continue;
    let kinds = passed.get(a.stage);
    if (kinds === undefined) passed.set(a.stage, (kinds = new Set()));
    kinds.add(a.kind);
  }
  for (const [stage, kinds] of passed) done[stage] = (done[stage] ?? 0) + kinds.size;
  return done;
}

/** The audit kinds still to pass at a stage (文件资料审核, 现场审核), in the seed's order. */
export function auditsOutstanding(audits: readonly Pick<AgencyAudit, 'stage' | 'kind' | 'passed' | 'deleted'>[], stage: string): readonly (typeof AGENCY_AUDIT_KINDS)[number][] {
  const passed = new Set(audits.filter((a) => !a.deleted && a.passed && a.stage === stage).map((a) => a.kind));
  return AGENCY_AUDIT_KINDS.filter((k) => !passed.has(k));
}

/**
 * 细则 第十条 (不得同时在 2 个（含）以上的评价机构工作) at save: the live evaluator record of
 * another agency with the same 身份证号 whose time with that agency overlaps `period` (open
 * ends run forever; a record that is stopped does not count). Undefined when there is none.
 */
export function evaluatorElsewhere(
  evaluators: readonly Pick<Evaluator, 'id' | 'agencyId' | 'idNumber' | 'standing' | 'since' | 'until' | 'deleted'>[],
  candidate: { readonly id?: string | undefined; readonly agencyId: string; readonly idNumber: string; readonly since?: IsoDate | undefined; readonly until?: IsoDate | undefined },
): (typeof evaluators)[number] | undefined {
  const from = candidate.since ?? '0000-01-01';
  const to = candidate.until ?? '9999-12-31';
  return evaluators.find(
    (e) =>
      !e.deleted &&
      e.id !== candidate.id &&
      e.agencyId !== candidate.agencyId &&
      e.idNumber === candidate.idNumber &&
      e.standing !== 'stopped' &&
      (e.since ?? '0000-01-01') <= to &&
      (e.until ?? '9999-12-31') >= from,
  );
}
