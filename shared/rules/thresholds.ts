/**
 * One figure against one threshold, the threshold given as a parameter (the numbers live in the
 * pack that cites them: 001 （二）1 1) 技术人员总数 甲级 ≥ 40 …, 004 细则 第八条 ≥ 15 人 …).
 *
 * A rulebook tells a requirement (001 指标要求) from a reference figure (001 参考指标): a missed
 * reference is reported as such, for the reviewer to weigh, and never refuses anything.
 */
export type ThresholdComparison = 'gte' | 'gt' | 'lte' | 'lt' | 'eq';
export type ThresholdBinding = 'requirement' | 'reference';

export interface ThresholdParams {
  /** What is measured, as the rulebook names it (技术人员总数). */
  readonly label: string;
  readonly comparison: ThresholdComparison;
  /** In the same unit as the figure; null = the rulebook's 无要求 for this level. */
  readonly required: number | null;
  readonly binding: ThresholdBinding;
  /** Who is measured against what, e.g. 乙级 or 全国性评价机构; '' when the threshold is one for all. */
  readonly scopeName: string;
  /** How a figure of this threshold is written, e.g. `30 人`, `1,000 万元`. */
  readonly show: (value: number) => string;
}

export interface ThresholdCheck {
  readonly label: string;
  readonly binding: ThresholdBinding;
  readonly required: number | null;
  readonly actual: number;
  readonly met: boolean;
  /** Chinese: the figure, the requirement and, when short, by how much. */
  readonly message: string;
}

const WORDS: Readonly<Record<ThresholdComparison, string>> = {
  gte: '不少于',
  gt: '多于',
  lte: '不多于',
  lt: '少于',
  eq: '等于',
};

function holds(actual: number, comparison: ThresholdComparison, required: number): boolean {
  switch (comparison) {
    case 'gte':
      return actual >= required;
    case 'gt':
      return actual > required;
    case 'lte':
      return actual <= required;
    case 'lt':
      return actual < required;
    case 'eq':
      return actual === required;
  }
}

export function checkThreshold(params: ThresholdParams, actual: number): ThresholdCheck {
  const { label, comparison, required, binding, scopeName, show } = params;
  const base = { label, binding, required, actual };
  if (required === null) return { ...base, met: true, message: `${label} ${show(actual)}，${scopeName}无要求。` };
  const kind = binding === 'reference' ? '参考指标' : '要求';
  const rule = `${scopeName}${kind}${WORDS[comparison]} ${show(required)}`;
  if (holds(actual, comparison, required)) return { ...base, met: true, message: `${label} ${show(actual)}，${rule}，符合。` };
  // By how much, where that is a plain difference (不少于 / 不多于).
  const by = comparison === 'gte' ? `，差 ${show(required - actual)}` : comparison === 'lte' ? `，超出 ${show(actual - required)}` : '';
  const tail = binding === 'reference' ? '（参考指标，供审核参考）。' : '。';
  return { ...base, met: false, message: `${label} ${show(actual)}，${rule}${by}${tail}` };
}
