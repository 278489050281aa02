/**
 * The sheet a panel member fills in for one application at one stage, with every row's maximum,
 * and the check of what was typed. Where the rows and their points come from (the pack's `panel`
 * block reads the seed):
 * - P1/P2 (000 第九条): the indicator system's ten elements. The seed gives no points, so the pack
 *   states its reading — equal shares of 100 — and each element is scored up to its share.
 * - P2 现场答辩 (000 第七条、第十三条): scored on its own sheet, at its own stage.
 * - P4 (002 二, 四(二)): the applicant's 自评分表 items, each up to its points, shown with the
 *   points claimed; an item without proof in the file scores 0 (无证明材料的不予评分), and the
 *   experts' score is the final one (最终分值由高评委专家确认).
 * - P6 (004 第三条): the four aspects, equal shares of the pack's total.
 * Totals are the engine's, in integer tenths; a score above a row's maximum is refused naming the row.
 */
import type { Application } from '../model/records';
import type { PanelStageDef, ProgramPack } from '../programs/schema';
import { fail, ok, type Result } from '../rules/result';
import { RECOMMENDATIONS, type Recommendation } from './codes';
import { formatTenths, toTenths } from './tenths';

export interface PanelSheetRow {
  readonly id: string;
  /** The dimension it belongs to (the group heading on the sheet), when there is one. */
  readonly group?: string;
  readonly name: string;
  readonly maxTenths: number;
  /** P4: the points the applicant claimed on the 自评分表 for this item. */
  readonly claimedTenths?: number;
  /** 002 四(二) 无证明材料的不予评分: the row is scored 0 and cannot be given more. */
  readonly noEvidence?: boolean;
}

export interface PanelSheet {
  readonly stage: string;
  /** The stage's name (e.g. 现场答辩), for the sheet's heading. */
  readonly name: string;
  readonly rows: readonly PanelSheetRow[];
  readonly maxTotalTenths: number;
  /** Whether a sheet says 建议通过 / 建议不通过 (the stage counts recommendations). */
  readonly asksRecommendation: boolean;
}

/** The pack's panel stage deciding at this workflow state, if any. */
export function panelStage(pack: Pick<ProgramPack, 'panel'>, stage: string): PanelStageDef | undefined {
  return pack.panel?.stages.find((s) => s.stage === stage);
}

/** The rows of the stage's sheet for this application. */
export function panelSheet(
  pack: Pick<ProgramPack, 'panel' | 'scoring'>,
  stage: string,
  application: Pick<Application, 'selfScore'>,
): Result<PanelSheet> {
  const def = panelStage(pack, stage);
  if (def === undefined) return fail('panel.no-stage', `本程序在“${stage}”阶段没有评审会。`);
  const rows: PanelSheetRow[] = [];
  const sheet = def.sheet;
  if (sheet.kind === 'dimensions') {
    const dimensions = pack.scoring?.dimensions ?? [];
    const flat = dimensions.flatMap((d) =>
      d.items.length === 0 ? [{ id: d.id, name: d.name.zh }] : d.items.map((i) => ({ id: i.id, group: d.name.zh, name: i.name.zh })),
    );
    // The pack schema refuses shares that do not divide into whole tenths.
    const share = flat.length === 0 ? 0 : Math.floor((sheet.equalShares.value * 10) / flat.length);
    for (const row of flat) rows.push({ ...row, maxTenths: share });
  } else if (sheet.kind === 'items') {
    for (const item of sheet.items) {
      const max = toTenths(item.maxScore);
      if (max === null) return fail('panel.sheet-invalid', `评分项“${item.name.zh}”的满分 ${item.maxScore} 应最多保留一位小数。`);
      rows.push({ id: item.id, name: item.name.zh, maxTenths: max });
    }
  } else {
    const items = application.selfScore?.items ?? [];
    if (items.length === 0) return fail('panel.no-items', '尚未录入申报人的自评分表，无法评分。');
    for (const item of items) {
      const max = toTenths(item.maxScore);
      const claimed = toTenths(item.claimed);
      if (max === null || claimed === null) return fail('panel.sheet-invalid', `自评分表“${item.name}”的分值应最多保留一位小数。`);
      rows.push({ id: item.id, name: item.name, maxTenths: max, claimedTenths: claimed, ...(item.hasEvidence ? {} : { noEvidence: true }) });
    }
  }
  const maxTotalTenths = rows.reduce((sum, r) => sum + r.maxTenths, 0);
  return ok({ stage, name: def.names.zh, rows, maxTotalTenths, asksRecommendation: def.recommendations !== undefined });
}

/** What the member (or the clerk from the paper sheet) typed. */
export interface SheetInput {
  /** Row id → points as typed (blank: undefined or null). */
  readonly scores: Readonly<Record<string, number | null | undefined>>;
  readonly opinion: string;
  /** 'recommend' / 'not-recommend'; anything else is refused. */
  readonly recommendation?: string | undefined;
}

export const SHEET_PROBLEM_CODES = [
  'score-above-max',
  'score-invalid',
  'score-missing',
  'no-evidence',
  'unknown-row',
  'opinion-missing',
  'opinion-too-long',
  'recommendation-missing',
] as const;
export type SheetProblemCode = (typeof SHEET_PROBLEM_CODES)[number];

export interface SheetProblem {
  readonly code: SheetProblemCode;
  /** The row it concerns, for the screen to mark. */
  readonly rowId?: string;
  readonly message: string;
}

export interface CheckedSheet {
  readonly scoresTenths: Readonly<Record<string, number>>;
  readonly opinion: string;
  readonly recommendation?: Recommendation;
  readonly totalTenths: number;
}

const OPINION_MAX = 4000;

/**
 * Every problem with the typed sheet, in the sheet's order. A draft may leave rows, the opinion
 * and the recommendation blank; a submitted sheet may not. Either way a value typed must fit its row.
 */
export function sheetProblems(sheet: PanelSheet, input: SheetInput, mode: 'draft' | 'submit'): SheetProblem[] {
  const problems: SheetProblem[] = [];
  const rowIds = new Set(sheet.rows.map((r) => r.id));
  for (const id of Object.keys(input.scores)) {
    const value = input.scores[id];
    if (!rowIds.has(id) && value !== undefined && value !== null) {
      problems.push({ code: 'unknown-row', rowId: id, message: `评分项“${id}”不在本评分表中。` });
    }
  }
  sheet.rows.forEach((row, i) => {
    const label = `第${i + 1}项“${row.name}”`;
    const value = input.scores[row.id];
    const blank = value === undefined || value === null;
    if (row.noEvidence) {
      if (!blank && value !== 0) problems.push({ code: 'no-evidence', rowId: row.id, message: `${label}没有证明材料，不予评分（只能为 0 分）。` });
      return;
    }
    if (blank) {
      if (mode === 'submit') problems.push({ code: 'score-missing', rowId: row.id, message: `${label}尚未评分。` });
      return;
    }
    const t = toTenths(value);
    if (t === null) problems.push({ code: 'score-invalid', rowId: row.id, message: `${label}的得分应为不小于 0、最多保留一位小数的数。` });
    else if (t > row.maxTenths) {
      problems.push({ code: 'score-above-max', rowId: row.id, message: `${label}得 ${formatTenths(t)} 分，超过该项满分 ${formatTenths(row.maxTenths)} 分。` });
    }
  });
  const opinion = input.opinion.trim();
  if (opinion.length > OPINION_MAX) problems.push({ code: 'opinion-too-long', message: `评审意见过长（最多${OPINION_MAX}个字）。` });
  if (mode === 'submit' && opinion === '') problems.push({ code: 'opinion-missing', message: '请填写评审意见。' });
  if (sheet.asksRecommendation) {
    const given = input.recommendation ?? '';
    const known = RECOMMENDATIONS.some((r) => r === given);
    if (given === '' ? mode === 'submit' : !known) {
      problems.push({ code: 'recommendation-missing', message: '请选择评审结论：建议通过或建议不通过。' });
    }
  }
  return problems;
}

/** The sheet as stored (tenths, trimmed opinion) with its total, or every problem in one Chinese message. */
export function checkSheet(sheet: PanelSheet, input: SheetInput, mode: 'draft' | 'submit'): Result<CheckedSheet> {
  const problems = sheetProblems(sheet, input, mode);
  if (problems.length > 0) {
    const code = problems.every((p) => p.code === problems[0]!.code) ? `panel.${problems[0]!.code}` : 'panel.sheet-invalid';
    return fail(code, problems.map((p) => p.message).join('\n'));
  }
  const scoresTenths: Record<string, number> = {};
  for (const row of sheet.rows) {
    if (row.noEvidence) {
      scoresTenths[row.id] = 0;
      continue;
    }
    const value = input.scores[row.id];
    if (value !== undefined && value !== null) scoresTenths[row.id] = toTenths(value)!;
  }
  const recommendation = sheet.asksRecommendation ? RECOMMENDATIONS.find((r) => r === input.recommendation) : undefined;
  return ok({
    scoresTenths,
    opinion: input.opinion.trim(),
    ...(recommendation === undefined ? {} : { recommendation }),
    totalTenths: sheetTotalTenths(sheet, scoresTenths),
  });
}

/** The total of a stored sheet over the sheet's rows (blank rows and rows without proof count 0). */
export function sheetTotalTenths(sheet: PanelSheet, scoresTenths: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const row of sheet.rows) {
    if (row.noEvidence) continue;
    const v = scoresTenths[row.id];
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) total += v;
  }
  return total;
}
