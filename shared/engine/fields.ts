/**
 * Field checks for an application, read from its pack: which fields apply to this kind and are
 * shown, which are required (always or by condition), whether an enum value is one of the
 * seed's options (and the remark an option asks for), and each value through the shared rule the
 * pack names. Computed fields are never inputs and are not checked.
 */
import type { IsoDate } from '../rules/civil-date';
import { evaluateCondition, type FieldValues } from '../programs/condition';
import { FIELD_VALIDATORS } from '../programs/rule-refs';
import type { ApplicationKindId, FieldDef, KindsRef, ProgramPack, TableColumn } from '../programs/schema';

export interface FieldError {
  /** Field id; for a table cell `field[row].column` (row from 0). */
  readonly field: string;
  readonly code: string;
  /** Chinese, naming the field as the paper form does. */
  readonly message: string;
}

export const appliesToKind = (kinds: KindsRef | undefined, kind: ApplicationKindId): boolean =>
  kinds === undefined || kinds === 'all' || kinds.includes(kind);

export function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** The fields a clerk fills for this kind, in the pack's (the paper form's) order. */
export function fieldsFor(pack: ProgramPack, kind: ApplicationKindId): readonly FieldDef[] {
  return pack.fields.filter((f) => appliesToKind(f.kinds, kind));
}

function checkValue(
  def: FieldDef | TableColumn,
  value: unknown,
  values: FieldValues,
  where: string,
  today: IsoDate,
  errors: FieldError[],
): void {
  const label = def.label.zh;
  if (def.computed) return;
  if (def.visibleWhen && !evaluateCondition(def.visibleWhen, values)) return;
  const required = def.required || (def.requiredWhen !== undefined && evaluateCondition(def.requiredWhen, values));
  if (isBlank(value)) {
    if (required) errors.push({ field: where, code: 'field.required', message: `请填写“${label}”。` });
    return;
  }
  if (def.enum) {
    const option = def.enum.find((o) => o.value === value);
    if (option === undefined) {
      errors.push({
        field: where,
        code: 'field.enum',
        message: `“${label}”应为以下之一：${def.enum.map((o) => o.value).join('、')}。`,
      });
      return;
    }
    if (option.requiresRemark !== undefined && isBlank(values[option.requiresRemark])) {
      errors.push({
        field: option.requiresRemark,
        code: 'field.remark-required',
        message: `“${label}”选择“${option.value}”时须填写说明。`,
      });
    }
  }
  if (def.type === 'number' || def.type === 'year') {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      errors.push({ field: where, code: 'field.number', message: `“${label}”应填写数字。` });
      return;
    }
    if (def.min !== undefined && value < def.min) {
      errors.push({ field: where, code: 'field.min', message: `“${label}”不能小于 ${def.min}。` });
    }
    if (def.max !== undefined && value > def.max) {
      errors.push({ field: where, code: 'field.max', message: `“${label}”不能大于 ${def.max}。` });
    }
  }
  if (def.validator) {
    const result = FIELD_VALIDATORS[def.validator](value, { today });
    if (!result.ok) errors.push({ field: where, code: result.error.code, message: `“${label}”：${result.error.message}` });
  }
}

/** Every problem with the entered values, in form order; empty when the form is fine. */
export function validateFields(
  pack: ProgramPack,
  kind: ApplicationKindId,
  values: FieldValues,
  today: IsoDate,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const def of fieldsFor(pack, kind)) {
    const value = values[def.id];
    checkValue(def, value, values, def.id, today, errors);
    if (def.type !== 'table' || !def.columns || !Array.isArray(value)) continue;
    if (def.minRows !== undefined && value.length < def.minRows.value) {
      errors.push({
        field: def.id,
        code: 'field.min-rows',
        message: `“${def.label.zh}”至少应填写 ${def.minRows.value} 行，现有 ${value.length} 行。`,
      });
    }
    value.forEach((row: unknown, index) => {
      const cells = (typeof row === 'object' && row !== null ? row : {}) as FieldValues;
      for (const column of def.columns ?? []) {
        if (!appliesToKind(column.kinds, kind)) continue;
        const before = errors.length;
        checkValue(column, cells[column.id], { ...values, ...cells }, `${def.id}[${index}].${column.id}`, today, errors);
        // Say which row: "第2行" is what a clerk looks for on the paper table.
        for (let i = before; i < errors.length; i++) {
          const e = errors[i]!;
          errors[i] = { ...e, message: `“${def.label.zh}”第${index + 1}行：${e.message}` };
        }
      }
    });
  }
  return errors;
}
