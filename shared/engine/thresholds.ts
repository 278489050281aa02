/**
 * The pack's thresholds measured on a form field, judged for one application: the level read
 * from the pack's `grading.levelField` (001: 甲 乙 丙 丁), the figure from the field (computed ones
 * worked out by tables.ts: 持证人员总数, 三年项目总值), the numbers from the pack, the comparison
 * and message from rules/thresholds.
 */
import type { FieldValues } from '../programs/condition';
import type { ApplicationKindId, FieldDef, ProgramPack, Threshold } from '../programs/schema';
import { formatWanYuan, formatYuan, MONEY_UNIT_ZH, unitAmountToFen, type Fen, type MoneyUnit } from '../rules/money';
import { checkThreshold, type ThresholdBinding } from '../rules/thresholds';
import { kindPlan } from './plan';
import { computedValues } from './tables';

export interface ThresholdFinding {
  readonly thresholdId: string;
  readonly label: string;
  readonly binding: ThresholdBinding;
  /** In the field's stored unit (分 for money); null = 无要求 for this level; undefined when not judged. */
  readonly required: number | null | undefined;
  readonly actual: number | undefined;
  readonly met: boolean;
  readonly message: string;
}

const ZH_UNIT_TO_MONEY: Readonly<Record<string, MoneyUnit>> = { 元: 'yuan', 万元: 'wan-yuan' };

function moneyShow(unit: MoneyUnit): (fen: number) => string {
  return (fen) => `${unit === 'wan-yuan' ? formatWanYuan(fen as Fen) : formatYuan(fen as Fen)} ${MONEY_UNIT_ZH[unit]}`;
}

/** The level of the application (its value in the level field), and that level's name in the pack. */
export function levelOf(pack: ProgramPack, values: FieldValues): { readonly id: string; readonly name: string } | undefined {
  const field = pack.grading?.levelField;
  const value = field === undefined ? undefined : values[field];
  if (typeof value !== 'string' || value === '') return undefined;
  for (const c of pack.categories ?? []) {
    const level = c.levels.find((l) => l.id === value);
    if (level) return { id: level.id, name: level.names.zh };
  }
  return undefined;
}

function judge(pack: ProgramPack, t: Threshold, field: FieldDef, raw: unknown, values: FieldValues): ThresholdFinding {
  const base = { thresholdId: t.id, label: t.label.zh, binding: t.binding };
  let required: number | null | undefined = t.value;
  let scopeName = '';
  if (t.byLevel !== undefined) {
    const level = levelOf(pack, values);
    const levelField = pack.fields.find((f) => f.id === pack.grading?.levelField);
    if (level === undefined || !Object.hasOwn(t.byLevel, level.id)) {
      return { ...base, required: undefined, actual: undefined, met: false, message: `尚未选择${levelField?.label.zh ?? '等级'}，无法判断“${t.label.zh}”。` };
    }
    required = t.byLevel[level.id] ?? null;
    scopeName = level.name;
  }
  const blank = raw === undefined || raw === null || raw === '';
  const actual = blank ? (typeof field.blankMeans === 'number' ? field.blankMeans : 0) : raw;
  if (typeof actual !== 'number' || !Number.isFinite(actual)) {
    return { ...base, required, actual: undefined, met: false, message: `“${field.label.zh}”无法读取，无法判断“${t.label.zh}”。` };
  }
  let show: (n: number) => string = (n) => `${n} ${t.unit}`;
  if (field.type === 'money') {
    const unit = ZH_UNIT_TO_MONEY[t.unit] ?? 'yuan';
    if (required !== null && required !== undefined) {
      const fen = unitAmountToFen(required, unit);
      if (!fen.ok) return { ...base, required: undefined, actual, met: false, message: `“${t.label.zh}”的指标数值无效。` };
      required = fen.value;
    }
    show = moneyShow(unit);
  }
  if (required === undefined) return { ...base, required, actual, met: false, message: `“${t.label.zh}”没有指标数值。` };
  const check = checkThreshold({ label: t.label.zh, comparison: t.comparison, required, binding: t.binding, scopeName, show }, actual);
  return { ...base, required: check.required, actual: check.actual, met: check.met, message: check.message };
}

/**
 * One finding per threshold of the kind measured on a form field, in the pack's order, including
 * those the level has no requirement for (shown as met) so a screen always lists them all.
 */
export function evaluateThresholds(pack: ProgramPack, kind: ApplicationKindId, values: FieldValues): ThresholdFinding[] {
  const thresholds = kindPlan(pack, kind).measuredThresholds;
  if (thresholds.length === 0) return [];
  const computed = computedValues(pack, kind, values);
  const findings: ThresholdFinding[] = [];
  for (const t of thresholds) {
    const id = t.measure !== undefined && 'field' in t.measure ? t.measure.field : '';
    const field = pack.fields.find((f) => f.id === id);
    if (field === undefined) continue;
    findings.push(judge(pack, t, field, Object.hasOwn(computed, id) ? computed[id] : values[id], values));
  }
  return findings;
}
