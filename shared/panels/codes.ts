/**
 * The stored vocabularies of panels (评审会), as codes: labels come from here (zh) or i18n, never
 * from the stored value. Kept apart with no imports, so the record schemas can use them.
 */

/** An expert's recommendation on their sheet (建议通过 / 建议不通过). */
export const RECOMMENDATIONS = ['recommend', 'not-recommend'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const RECOMMENDATION_LABELS_ZH: Readonly<Record<Recommendation, string>> = {
  recommend: '建议通过',
  'not-recommend': '建议不通过',
};

/** A sheet being filled in (the member may still change it) or handed in (final). */
export const SHEET_STATUSES = ['draft', 'submitted'] as const;
export type SheetStatus = (typeof SHEET_STATUSES)[number];

/** automatic: the expert's unit is the applicant's (or the applicant itself); manual: declared or decided, with a reason. */
export const RECUSAL_KINDS = ['automatic', 'manual'] as const;
export type RecusalKind = (typeof RECUSAL_KINDS)[number];

export const RECUSAL_BASES = ['same-unit', 'applicant-organisation', 'declared'] as const;
export type RecusalBasis = (typeof RECUSAL_BASES)[number];
export const RECUSAL_BASIS_LABELS_ZH: Readonly<Record<RecusalBasis, string>> = {
  'same-unit': '与申报人同一单位',
  'applicant-organisation': '所在单位即申报单位',
  declared: '本人申请或评审会决定回避',
};

/** What the rules give from the sheets and votes; `undecided` always comes with a flag. */
export const COMPUTED_OUTCOMES = ['pass', 'fail', 'undecided'] as const;
export type ComputedOutcome = (typeof COMPUTED_OUTCOMES)[number];

/** What the chair signed: `deferred` puts the application over to another session, deciding nothing. */
export const SIGNED_OUTCOMES = ['pass', 'fail', 'deferred'] as const;
export type SignedOutcome = (typeof SIGNED_OUTCOMES)[number];
export const SIGNED_OUTCOME_LABELS_ZH: Readonly<Record<SignedOutcome, string>> = {
  pass: '通过',
  fail: '未通过',
  deferred: '暂缓（下次评审会重新评审）',
};

/**
 * What the rules cannot decide alone, shown to the chair, who rules on each before signing:
 * - missing-scores: a member expected to score has no submitted sheet;
 * - no-scores: nobody scored;
 * - recommendation-tie / ballot-tie: as many for as against under a one-half rule;
 * - no-ballot: the stage votes and no tally was recorded;
 * - ballot-invalid: more votes than members entitled to vote;
 * - quorum-not-reached: fewer members present than the quorum (only a deferral is possible).
 */
export const PANEL_FLAGS = [
  'missing-scores',
  'no-scores',
  'recommendation-tie',
  'ballot-tie',
  'no-ballot',
  'ballot-invalid',
  'quorum-not-reached',
] as const;
export type PanelFlagCode = (typeof PANEL_FLAGS)[number];

/** Flags after which the rules decided nothing that can stand: the chair may only defer. */
export const DEFER_ONLY_FLAGS: readonly PanelFlagCode[] = ['no-scores', 'no-ballot', 'ballot-invalid', 'quorum-not-reached'];
