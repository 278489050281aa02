/**
 * Evaluates the guards of definition.ts. Each guard is a pure function of the definition, the
 * application and the caller's facts, and answers with what blocks it — an empty list means
 * it holds — so a screen can show a disabled button together with every reason in Chinese.
 */
import { formatDateZh } from '../rules/civil-date';
import { isWithinWindow } from '../rules/validity';
import type { WorkflowApplication, WorkflowContext } from './context';
import { publicityEnds } from './deadlines';
import { PANEL_OUTCOME_LABELS_ZH, type LeafGuard, type WorkflowDefinition, type WorkflowGuard } from './definition';
import { chainComplete, levelPassed, ROUTING_LEVELS, type RoutingLevelId } from './routing';
import { stateOf } from './lookup';

export interface GuardBlock {
  readonly guard: WorkflowGuard;
  readonly message: string;
}

export interface GuardEnv {
  readonly definition: WorkflowDefinition;
  readonly application: WorkflowApplication;
  readonly context: Omit<WorkflowContext, 'role'>;
}

const list = (names: readonly string[]): string => names.join('、');

/** Stage ids are conventionally state ids; show the state's name when there is one. */
function stageName(definition: WorkflowDefinition, stage: string): string {
  return stateOf(definition, stage)?.name.zh ?? stage;
}

function levelName(level: string): string {
  return ROUTING_LEVELS[level as RoutingLevelId]?.zh ?? level;
}

/** Why a single (non-combinator) guard fails, or undefined when it holds. */
function leafBlock(guard: LeafGuard, env: GuardEnv): string | undefined {
  const { definition, application } = env;
  const { today, calendar, facts } = env.context;
  switch (guard.kind) {
    case 'checklist-complete': {
      const c = facts.checklist;
      if (!c) return '尚未登记材料收件情况。';
      if (c.missing.length === 0 && c.originalsUnverified.length === 0 && c.copiesShort.length === 0) return undefined;
      const parts = [
        c.missing.length > 0 ? `缺少${list(c.missing)}` : '',
        c.originalsUnverified.length > 0 ? `${list(c.originalsUnverified)}尚未核对原件` : '',
        c.copiesShort.length > 0 ? `${list(c.copiesShort)}份数不足` : '',
      ].filter((p) => p !== '');
      return parts.length === 0 ? undefined : `材料不齐全：${parts.join('；')}。`;
    }
    case 'no-rejected-materials': {
      const rejected = facts.rejectedMaterials ?? [];
      if (rejected.length === 0) return undefined;
      return `有材料未通过审核：${rejected.map((m) => `${m.name}（${m.reason}）`).join('；')}。`;
    }
    case 'all-reviews-done': {
      const done = facts.reviewsDone?.[guard.stage] ?? 0;
      if (done >= guard.count) return undefined;
      return `${stageName(definition, guard.stage)}需要${guard.count}份评审意见，目前已有${done}份。`;
    }
    case 'publicity-over': {
      const ends = publicityEnds(definition, application, calendar, facts, guard.period ?? definition.publicity);
      if (!ends.ok) return ends.error.message;
      if (ends.value === undefined) return '尚未开始公示。';
      // The last day of publicity still belongs to it: objections may arrive until it closes.
      return today > ends.value ? undefined : `公示期至${formatDateZh(ends.value)}止，期满后才能办理。`;
    }
    case 'no-open-objection': {
      const open = facts.openObjections ?? 0;
      return open === 0 ? undefined : `有${open}件异议尚未处理完毕。`;
    }
    case 'eligibility-met': {
      const e = facts.eligibility;
      if (!e) return '尚未审查申报条件。';
      if (e.met) return undefined;
      // Reasons are sentences of their own: their full stops give way to the list's.
      const why = e.reasons && e.reasons.length > 0 ? `：${e.reasons.map((r) => r.replace(/。$/, '')).join('；')}` : '';
      return `不符合申报条件${why}。`;
    }
    case 'within-window': {
      const w = facts.windows?.[guard.window];
      const name = w?.name ?? '办理期';
      if (!w) return `无法确定${name}，请先核对证书有效期。`;
      const inside = isWithinWindow(today, w);
      if (!inside.ok) return inside.error.message;
      if (inside.value) return undefined;
      return today < w.from
        ? `${name}自${formatDateZh(w.from)}开始，目前尚未开始。`
        : `${name}已于${formatDateZh(w.to)}结束。`;
    }
    case 'panel-result': {
      const name = `“${stageName(definition, guard.stage)}”阶段`;
      const result = facts.panelResults?.[guard.stage];
      if (result === undefined) return `${name}尚无经主任委员签署的评审会结果。`;
      if (result.stale) return `${name}的评审会结果签署后评分或投票有变动，须由主任委员重新签署。`;
      if (result.outcome === 'deferred') return `评审会对${name}暂缓作出结论（${formatDateZh(result.signedOffOn)}），须在下次评审会重新评审。`;
      if (guard.outcome === undefined || guard.outcome === result.outcome) return undefined;
      return `${name}的评审会结果为“${PANEL_OUTCOME_LABELS_ZH[result.outcome]}”。`;
    }
    case 'routing-level-opinion': {
      const r = facts.routing;
      if (!r) return '尚未开始逐级报送。';
      if (guard.level === undefined) {
        return chainComplete(r) ? undefined : `尚未完成逐级审核报送（材料目前在${levelName(r.holder)}）。`;
      }
      if (levelPassed(r, guard.level as RoutingLevelId)) return undefined;
      const at = r.holder === 'done' ? '' : `（材料目前在${levelName(r.holder)}）`;
      return `尚待${levelName(guard.level)}签署审核通过意见${at}。`;
    }
    case 'education-met': {
      const e = facts.education;
      if (!e) return '尚未核查继续教育学时。';
      if (e.met) return undefined;
      return `继续教育未达到要求：${(e.reasons ?? []).join('')}`;
    }
    case 'printable': {
      const missing = facts.printMissing;
      if (!missing) return '尚未核对证书打印所需的信息。';
      return missing.length === 0 ? undefined : `证书无法打印，缺少${list(missing)}，请先在申请表中补全。`;
    }
  }
}

/** Everything that blocks `guard`; empty when it holds. */
export function evaluateGuard(guard: WorkflowGuard, env: GuardEnv): GuardBlock[] {
  if (guard.kind === 'all-of') return guard.guards.flatMap((g) => evaluateGuard(g, env));
  if (guard.kind === 'any-of') {
    const results = guard.guards.map((g) => evaluateGuard(g, env));
    if (results.some((blocks) => blocks.length === 0)) return [];
    const messages = results.flatMap((blocks) => blocks.map((b) => b.message));
    return [{ guard, message: `以下条件至少需满足一项：${messages.join(' / ')}` }];
  }
  const message = leafBlock(guard, env);
  return message === undefined ? [] : [{ guard, message }];
}

export function evaluateGuards(guards: readonly WorkflowGuard[], env: GuardEnv): GuardBlock[] {
  const blocks: GuardBlock[] = [];
  for (let i = 0; i < guards.length; i++) {
    // Holes skipped, as flatMap skips them.
    if (!(i in guards)) continue;
    for (const block of evaluateGuard(guards[i]!, env)) blocks.push(block);
  }
  return blocks;
}
