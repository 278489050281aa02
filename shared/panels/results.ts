/**
 * The chair's sign-off and what the workflow reads from it. A result is signed per application
 * and stage by the chair (主任委员 / 组长) in their own account: when the rules decided (no flag)
 * the result is what they computed; when something is flagged the chair rules — pass, fail or
 * defer, with a reason — within what the flags allow (a quorum not reached allows only a deferral:
 * 人社部令第40号 lets no such meeting decide). The signed result is the only thing the panel's
 * workflow step accepts (guard `panel-result`), and the step carries it (shared/workflow/engine).
 */
import type { PanelBallot, PanelResult, Scoresheet } from '../model/records';
import type { SystemField } from '../model/base';
import { fail, ok, type Result } from '../rules/result';
import type { IsoDate } from '../rules/civil-date';
import type { PanelResultFact } from '../workflow/context';
import { DEFER_ONLY_FLAGS, SIGNED_OUTCOMES, SIGNED_OUTCOME_LABELS_ZH, type SignedOutcome } from './codes';
import { expertOfActor, live, type PanelActor, type PanelContext } from './context';
import type { StageAggregate } from './aggregate';

export interface Ruling {
  readonly outcome: SignedOutcome;
  readonly reason: string;
}

/** The key of one application at one stage (rulings and opinions are given by it). */
export const resultKey = (applicationId: string, stage: string): string => `${applicationId}:${stage}`;

/**
 * What the chair may rule for a flagged aggregate; empty when nothing is flagged (the computed
 * outcome stands). Missing scores: the outcome the others' sheets give, or a deferral. A tie:
 * pass, fail or defer, with the reason. No valid vote or scores at all: defer only.
 */
export function allowedRulings(aggregate: Pick<StageAggregate, 'flags' | 'computed'>): SignedOutcome[] {
  const codes = aggregate.flags.map((f) => f.code);
  if (codes.length === 0) return [];
  if (codes.some((c) => DEFER_ONLY_FLAGS.includes(c))) return ['deferred'];
  if (codes.includes('recommendation-tie') || codes.includes('ballot-tie')) return ['pass', 'fail', 'deferred'];
  return aggregate.computed === 'undecided' ? ['deferred'] : [aggregate.computed, 'deferred'];
}

/** “通过”、“未通过”或“暂缓（下次评审会重新评审）”. */
function choices(outcomes: readonly SignedOutcome[]): string {
  const quoted = outcomes.map((o) => `“${SIGNED_OUTCOME_LABELS_ZH[o]}”`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join('、')}或${quoted.at(-1)}`;
}

export type PanelResultDraft = Omit<PanelResult, SystemField | 'id'>;

export interface SignOffInput {
  readonly actor: PanelActor;
  /** The aggregates to sign (aggregate.ts), one per application and stage. */
  readonly aggregates: readonly StageAggregate[];
  /** The chair's ruling per `resultKey`, required for every flagged aggregate. */
  readonly rulings?: Readonly<Record<string, Ruling>>;
  /** The panel's opinion (评审意见) per `resultKey`, optional. */
  readonly opinions?: Readonly<Record<string, string>>;
  /** How each application is named in messages (its number and applicant), by application id. */
  readonly labels?: Readonly<Record<string, string>>;
  /** The sign-off instant and the calendar day it falls on (the office's time zone). */
  readonly at: string;
  readonly on: IsoDate;
}

/**
 * The result records to store, one per aggregate, or why the sign-off is refused (nothing is
 * signed then): not the chair's account; a result already signed; a flag without a ruling, a
 * ruling the flags do not allow, or one without a reason.
 */
export function signOff(ctx: PanelContext, input: SignOffInput): Result<PanelResultDraft[]> {
  const chair = expertOfActor(ctx, input.actor);
  if (chair === undefined || chair.id !== ctx.session.chairId) {
    return fail('panel.not-chair', '评审结果只能由本次评审会的主任委员在本人账号下签署。');
  }
  const signed = live(ctx.results, ctx.session.id);
  const problems: string[] = [];
  const drafts: PanelResultDraft[] = [];
  for (const agg of input.aggregates) {
    const key = resultKey(agg.applicationId, agg.stage);
    const label = input.labels?.[agg.applicationId] ?? '申请';
    if (!ctx.session.applicationIds.includes(agg.applicationId) || !ctx.session.stages.includes(agg.stage)) {
      problems.push(`${label}不属于本次评审会。`);
      continue;
    }
    if (signed.some((r) => r.applicationId === agg.applicationId && r.stage === agg.stage)) {
      problems.push(`${label}的结果已经签署。`);
      continue;
    }
    const allowed = allowedRulings(agg);
    const ruling = input.rulings?.[key];
    let outcome: SignedOutcome;
    if (allowed.length === 0) {
      if (agg.computed === 'undecided') {
        problems.push(`${label}的结果尚不能确定。`);
        continue;
      }
      outcome = agg.computed;
    } else {
      const why = agg.flags.map((f) => f.message).join('');
      if (ruling === undefined || !SIGNED_OUTCOMES.includes(ruling.outcome)) {
        problems.push(`${label}：${why}请主任委员决定${choices(allowed)}，并写明理由。`);
        continue;
      }
      if (!allowed.includes(ruling.outcome)) {
        problems.push(`${label}：${why}只能决定为${choices(allowed)}，不能决定为“${SIGNED_OUTCOME_LABELS_ZH[ruling.outcome]}”。`);
        continue;
      }
      if (ruling.reason.trim() === '') {
        problems.push(`${label}：请写明主任委员决定的理由。`);
        continue;
      }
      outcome = ruling.outcome;
    }
    const opinion = input.opinions?.[key]?.trim();
    drafts.push({
      sessionId: ctx.session.id,
      applicationId: agg.applicationId,
      stage: agg.stage,
      outcome,
      computed: agg.computed,
      ...(agg.score ? { scoreTenths: agg.score.tenths } : {}),
      totals: agg.totals.map((t) => ({ ...t })),
      ...(agg.recommendations ? { recommendations: { recommend: agg.recommendations.recommend, notRecommend: agg.recommendations.notRecommend } } : {}),
      ...(agg.ballot
        ? {
            ballot: {
              committee: agg.ballot.committee,
              present: agg.ballot.present,
              eligible: agg.ballot.eligible,
              agree: agg.ballot.agree,
              disagree: agg.ballot.disagree,
              abstain: agg.ballot.abstain,
            },
          }
        : {}),
      flags: agg.flags.map((f) => f.code),
      ...(allowed.length > 0 && ruling ? { ruling: { outcome: ruling.outcome, reason: ruling.reason.trim() } } : {}),
      ...(opinion ? { opinion } : {}),
      basis: agg.basis.map((b) => ({ ...b })),
      signedOffBy: chair.id,
      signedOffByUser: input.actor.userId,
      signedOffAt: input.at,
      signedOffOn: input.on,
    });
  }
  if (problems.length > 0) return fail('panel.sign-off-refused', `未签署：${problems.join('\n')}`);
  if (drafts.length === 0) return fail('panel.sign-off-refused', '没有可签署的评审结果。');
  return ok(drafts);
}

/**
 * Whether the sheets and ballot a result was computed from are unchanged: none of them changed or
 * was withdrawn since, and no sheet was handed in after the sign-off for that application and stage.
 */
export function resultIsCurrent(
  result: Pick<PanelResult, 'sessionId' | 'applicationId' | 'stage' | 'basis' | 'signedOffAt'>,
  sheets: readonly Scoresheet[],
  ballots: readonly PanelBallot[],
): boolean {
  for (const b of result.basis) {
    const current = b.table === 'scoresheets' ? sheets.find((s) => s.id === b.id) : ballots.find((x) => x.id === b.id);
    if (current === undefined || current.deleted === true || current.updatedAt !== b.updatedAt) return false;
    if (b.table === 'scoresheets' && (current as Scoresheet).status !== 'submitted') return false;
  }
  const known = new Set(result.basis.map((b) => b.id));
  const mine = <T extends { sessionId: string; applicationId: string; stage: string; deleted?: boolean | undefined; id: string; updatedAt: string }>(r: T) =>
    r.sessionId === result.sessionId && r.applicationId === result.applicationId && r.stage === result.stage && r.deleted !== true && !known.has(r.id);
  if (sheets.some((s) => mine(s) && s.status === 'submitted' && s.updatedAt > result.signedOffAt)) return false;
  if (ballots.some((b) => mine(b) && b.updatedAt > result.signedOffAt)) return false;
  return true;
}

/**
 * The workflow's facts for one application: the latest signed result per stage (by sign-off time),
 * marked stale when `current` (the application's sheets and ballots) shows that what it was computed
 * from changed. The same result arriving twice (sync and file) is one record, one fact.
 */
export function panelResultFacts(
  applicationId: string,
  results: readonly PanelResult[],
  current?: { readonly sheets: readonly Scoresheet[]; readonly ballots: readonly PanelBallot[] },
): Record<string, PanelResultFact> {
  const latest = new Map<string, PanelResult>();
  for (const r of results) {
    if (r.applicationId !== applicationId || r.deleted === true) continue;
    const other = latest.get(r.stage);
    if (other === undefined || other.signedOffAt < r.signedOffAt || (other.signedOffAt === r.signedOffAt && other.id < r.id)) latest.set(r.stage, r);
  }
  const facts: Record<string, PanelResultFact> = {};
  for (const [stage, r] of latest) {
    const fact: PanelResultFact = {
      stage,
      resultId: r.id,
      sessionId: r.sessionId,
      outcome: r.outcome,
      signedOffOn: r.signedOffOn,
      ...(r.scoreTenths === undefined ? {} : { scoreTenths: r.scoreTenths }),
      ...(r.recommendations ? { recommendations: r.recommendations } : {}),
      ...(r.ballot ? { ballot: { present: r.ballot.present, agree: r.ballot.agree, disagree: r.ballot.disagree, abstain: r.ballot.abstain } } : {}),
      ...(current === undefined || resultIsCurrent(r, current.sheets, current.ballots) ? {} : { stale: true }),
    };
    // A stage id is a pack's state id; '__proto__' must stay an ordinary key.
    Object.defineProperty(facts, stage, { value: fact, writable: true, enumerable: true, configurable: true });
  }
  return facts;
}
