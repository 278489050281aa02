/**
 * P4's paper route (002 附件3 一): 个人申报、单位审核、逐级报送 — the file climbs from the applicant
 * through each reviewing level to the 省信息技术专业高评委办公室. Each level records an opinion;
 * a level that finds the file non-conforming returns it to the level below (附件3 三:
 * 一律退回处理,并及时反馈下一级报送单位和申报对象), which must pass it again.
 *
 * The route is data (ROUTING_VARIANTS) and the chain state is a value: recordOpinion returns a
 * new state with the opinion appended, so the whole history — every pass and every return — is
 * kept for the record.
 */
import type { IsoDate } from '../rules/civil-date';
import { fail, ok, type Result } from '../rules/result';
import type { LocalizedText } from './definition';

export type RoutingLevelId =
  | 'applicant'
  | 'unit'
  | 'county-eit'
  | 'county-hrss'
  | 'city-department'
  | 'city-eit-or-hrss'
  | 'provincial-department'
  | 'talent-centre'
  | 'local-eit-or-hrss'
  | 'senior-board-office';

/** Names as 002 附件3 writes them, so a clerk recognises each office. */
export const ROUTING_LEVELS: Readonly<Record<RoutingLevelId, LocalizedText>> = {
  // The applicant is the first step of 个人申报: "passing" there is (re)submitting the file.
  applicant: { zh: '申报对象', en: 'Applicant' },
  unit: { zh: '所在单位', en: 'Employing unit' },
  'county-eit': { zh: '县（市、区）经信部门', en: 'County economy & IT bureau' },
  'county-hrss': { zh: '县（市、区）人力社保部门', en: 'County HR & social security bureau' },
  'city-department': { zh: '单位主管部门', en: "Unit's supervising department" },
  'city-eit-or-hrss': { zh: '市经信部门或人力社保部门', en: 'City economy & IT or HR bureau' },
  'provincial-department': { zh: '省级主管部门', en: 'Provincial supervising department' },
  'talent-centre': { zh: '人才交流中心', en: 'Talent exchange centre' },
  'local-eit-or-hrss': { zh: '当地经信部门或人力社保部门', en: 'Local economy & IT or HR bureau' },
  'senior-board-office': { zh: '省信息技术专业高评委办公室', en: 'Provincial senior review board office' },
};

export type RoutingVariant = 'county' | 'city' | 'provincial' | 'private-talent-centre' | 'private-local';

export interface RoutingVariantInfo {
  readonly name: LocalizedText;
  /** Bottom to top: the applicant first, the 高评委办公室 last. */
  readonly levels: readonly RoutingLevelId[];
}

export const ROUTING_VARIANTS: Readonly<Record<RoutingVariant, RoutingVariantInfo>> = {
  // 002 附件3 一（一）: 单位初审 → 县经信 → 当地人力社保 → 市经信或人力社保 → 高评委办公室.
  county: {
    name: { zh: '县（市、区）属单位', en: 'County-level unit' },
    levels: ['applicant', 'unit', 'county-eit', 'county-hrss', 'city-eit-or-hrss', 'senior-board-office'],
  },
  // 002 附件3 一（二）: 单位初审 → 单位主管部门 → 市经信或人力社保 → 高评委办公室.
  city: {
    name: { zh: '市属单位', en: 'City-level unit' },
    levels: ['applicant', 'unit', 'city-department', 'city-eit-or-hrss', 'senior-board-office'],
  },
  // 002 附件3 一（三）: 单位初审 → 省级主管部门 → 高评委办公室.
  provincial: {
    name: { zh: '省属单位', en: 'Provincial unit' },
    levels: ['applicant', 'unit', 'provincial-department', 'senior-board-office'],
  },
  // 002 附件3 一（四）: 人事档案委托人才交流中心代理的，通过人才交流中心申报. The firm still
  // checks and publicises the file first (正文 三（三）: 应在所在单位范围内进行公示).
  'private-talent-centre': {
    name: { zh: '无主管部门企业（档案委托人才交流中心代理）', en: 'Private firm, file held by talent centre' },
    levels: ['applicant', 'unit', 'talent-centre', 'senior-board-office'],
  },
  // 002 附件3 一（四）: 未委托的，按属地管理原则直接向当地经信部门或人力社保部门申报.
  'private-local': {
    name: { zh: '无主管部门企业（属地申报）', en: 'Private firm, filed locally' },
    levels: ['applicant', 'unit', 'local-eit-or-hrss', 'senior-board-office'],
  },
};

export interface RoutingLevel {
  readonly id: RoutingLevelId;
  readonly name: LocalizedText;
}

export type RoutingOpinion = 'pass' | 'return';

export interface RoutingEntry {
  readonly level: RoutingLevelId;
  readonly opinion: RoutingOpinion;
  readonly note: string;
  readonly on: IsoDate;
}

export interface RoutingChainState {
  readonly variant: RoutingVariant;
  /** The level holding the file now, or 'done' once the last level has passed it. */
  readonly holder: RoutingLevelId | 'done';
  /** Every opinion in the order given; never rewritten. */
  readonly entries: readonly RoutingEntry[];
}

/** The levels of a variant, bottom to top. */
export function routingChain(variant: RoutingVariant): readonly RoutingLevel[] {
  return ROUTING_VARIANTS[variant].levels.map((id) => ({ id, name: ROUTING_LEVELS[id] }));
}

/** The level above `level` in this variant; undefined at the top or when the level is not on the route. */
export function nextLevel(variant: RoutingVariant, level: RoutingLevelId): RoutingLevel | undefined {
  const levels = ROUTING_VARIANTS[variant].levels;
  const i = levels.indexOf(level);
  const id = i < 0 ? undefined : levels[i + 1];
  return id === undefined ? undefined : { id, name: ROUTING_LEVELS[id] };
}

/** The level below `level`: where a return sends the file. Undefined for the applicant. */
export function previousLevel(variant: RoutingVariant, level: RoutingLevelId): RoutingLevel | undefined {
  const levels = ROUTING_VARIANTS[variant].levels;
  const i = levels.indexOf(level);
  const id = i <= 0 ? undefined : levels[i - 1];
  return id === undefined ? undefined : { id, name: ROUTING_LEVELS[id] };
}

/** A new file, still with the applicant. */
export function startRouting(variant: RoutingVariant): RoutingChainState {
  return { variant, holder: 'applicant', entries: [] };
}

/**
 * `level` records its opinion. Only the level holding the file may do so. 'pass' sends the file
 * up (the top level's pass completes the chain); 'return' sends it to the level below and needs
 * a note saying why (附件3 三: 及时反馈下一级报送单位和申报对象).
 */
export function recordOpinion(
  state: RoutingChainState,
  level: RoutingLevelId,
  opinion: RoutingOpinion,
  note: string,
  on: IsoDate,
): Result<RoutingChainState> {
  const levelName = ROUTING_LEVELS[level]?.zh ?? level;
  if (state.holder === 'done') {
    return fail('routing.done', `材料已报送至${ROUTING_LEVELS['senior-board-office'].zh}并审核通过，${levelName}不能再签署意见。`);
  }
  if (state.holder !== level) {
    return fail(
      'routing.not-holder',
      `材料目前在${ROUTING_LEVELS[state.holder].zh}，${levelName}暂不能签署意见。`,
    );
  }
  const trimmed = typeof note === 'string' ? note.trim() : '';
  let holder: RoutingChainState['holder'];
  if (opinion === 'pass') {
    holder = nextLevel(state.variant, level)?.id ?? 'done';
  } else {
    const below = previousLevel(state.variant, level);
    if (!below) return fail('routing.no-level-below', `${levelName}是报送的第一级，无处退回。`);
    if (trimmed === '') return fail('routing.reason-required', `退回${below.name.zh}时必须写明退回理由。`);
    holder = below.id;
  }
  return ok({ ...state, holder, entries: [...state.entries, { level, opinion, note: trimmed, on }] });
}

/** Whether the last level has passed the file. */
export function chainComplete(state: RoutingChainState): boolean {
  return state.holder === 'done';
}

/**
 * Whether `level` has passed the file and it has not come back: true while the file is above it.
 * A return from above brings the file back to `level`, which must then pass it again.
 */
export function levelPassed(state: RoutingChainState, level: RoutingLevelId): boolean {
  const levels = ROUTING_VARIANTS[state.variant].levels;
  const at = levels.indexOf(level);
  if (at < 0) return false;
  const holderAt = state.holder === 'done' ? levels.length : levels.indexOf(state.holder);
  return holderAt > at;
}
