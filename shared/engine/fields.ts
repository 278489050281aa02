/**
 * Field checks for an application, read from its pack: which fields apply to this kind and are
 * shown, which are required (always or by condition), whether an enum value is one of the
 * seed's options (and the remark an option asks for), and each value through the shared rule the
 * pack names. Computed fields are never inputs and are not checked.
 */
import type { IsoDate } from '../rules/civil-date';
import {
  APPLICATION_KIND_FIELD,
  plainValues,
  type FieldValues,
  type ValueSource,
} from '../programs/condition';
import { FIELD_VALIDATORS, type ValidationContext } from '../programs/rule-refs';
import type { ApplicationKindId, EnumOption, FieldDef, ProgramPack } from '../programs/schema';
import { assignValues } from './merge';
import { appliesToKind, kindPlan, type FieldCheck } from './plan';
import { agreementErrors, tableView, yearRowErrors } from './tables';
import { identityCrossChecks } from './facts';

export interface FieldError {
  /** Field id; for a table cell `field[row].column` (row from 0). */
  readonly field: string;
  readonly code: string;
  /** Chinese, naming the field as the paper form does. */
  readonly message: string;
}

export { appliesToKind };

export function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && isBlankText(value)) ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * value.trim() === '' without copying the string or calling a regex: every value is read, and
 * most start with a visible character, which settles it at once.
 */
function isBlankText(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (!isTrimmedSpace(value.charCodeAt(i))) return false;
  return true;
}

/**
 * The characters String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator): tab,
 * LF, VT, FF, CR, the BOM and the Unicode space separators (Zs).
 */
function isTrimmedSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The fields a clerk fills for this kind, in the pack's (the paper form's) order. */
export function fieldsFor(pack: ProgramPack, kind: ApplicationKindId): readonly FieldDef[] {
  return pack.fields.filter((f) => appliesToKind(f.kinds, kind));
}

/** A field's id, or `field[row].column` for a table cell; built only for an error. */
function fieldPath(fieldId: string, row: number, column: string | undefined): string {
  return column === undefined ? fieldId : `${fieldId}[${row}].${column}`;
}

function checkValue(
  def: FieldCheck,
  value: unknown,
  values: ValueSource,
  fieldId: string,
  row: number,
  column: string | undefined,
  context: ValidationContext,
  errors: FieldError[],
): void {
  if (def.computed) return;
  if (def.visibleWhen !== undefined && !values.holds(def.visibleWhen)) return;
  const label = def.label;
  const required = def.required || (def.requiredWhen !== undefined && values.holds(def.requiredWhen));
  if (isBlank(value)) {
    if (required) errors.push({ field: fieldPath(fieldId, row, column), code: 'field.required', message: def.requiredMessage });
    return;
  }
  const options = def.options;
  if (options !== undefined) {
    let option: EnumOption | undefined;
    for (const o of options) {
      if (o.value === value) {
        option = o;
        break;
      }
    }
    if (option === undefined) {
      errors.push({ field: fieldPath(fieldId, row, column), code: 'field.enum', message: def.enumMessage });
      return;
    }
    if (option.requiresRemark !== undefined && isBlank(values.at(option.requiresRemark))) {
      errors.push({
        field: option.requiresRemark,
        code: 'field.remark-required',
        message: `“${label}”选择“${option.value}”时须填写说明。`,
      });
    }
  }
  if (def.catalogueIds !== undefined && (typeof value !== 'string' || !def.catalogueIds.has(value))) {
    errors.push({ field: fieldPath(fieldId, row, column), code: 'field.catalogue', message: def.catalogueMessage });
    return;
  }
  if (def.numeric) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      errors.push({ field: fieldPath(fieldId, row, column), code: 'field.number', message: def.numberMessage });
      return;
    }
    if (def.min !== undefined && value < def.min) {
      errors.push({ field: fieldPath(fieldId, row, column), code: 'field.min', message: `“${label}”不能小于 ${def.min}。` });
    }
    if (def.max !== undefined && value > def.max) {
      errors.push({ field: fieldPath(fieldId, row, column), code: 'field.max', message: `“${label}”不能大于 ${def.max}。` });
    }
  }
  if (def.validator !== undefined) {
    // A name no validator answers to fails here, as the lookup at call time did.
    const result = (def.validate ?? FIELD_VALIDATORS[def.validator])(value, context);
    if (!result.ok) {
      errors.push({ field: fieldPath(fieldId, row, column), code: result.error.code, message: `“${label}”：${result.error.message}` });
    }
  }
}

/** Every problem with the entered values, in form order; empty when the form is fine. */
export function validateFields(
  pack: ProgramPack,
  kind: ApplicationKindId,
  values: FieldValues,
  today: IsoDate,
): FieldError[] {
  return checkFields(pack, kind, plainValues(values), today);
}

/** validateFields over a ValueSource (the engine's view of the fields plus the kind). */
export function checkFields(pack: ProgramPack, kind: ApplicationKindId, values: ValueSource, today: IsoDate): FieldError[] {
  const errors: FieldError[] = [];
  // One context for every validator: none keeps it, and an object per call adds up.
  const context: ValidationContext = { today };
  for (const def of kindPlan(pack, kind).fields) {
    if (def.mode === 'never') continue;
    const value = values.at(def.id);
    if (def.mode === 'required-only') {
      if (isBlank(value)) errors.push({ field: def.id, code: 'field.required', message: def.requiredMessage });
      continue;
    }
    checkValue(def, value, values, def.id, -1, undefined, context, errors);
    const table = def.table;
    if (table === undefined || !Array.isArray(value)) continue;
    if (table.minRows !== undefined && value.length < table.minRows) {
      errors.push({
        field: def.id,
        code: 'field.min-rows',
        message: `“${def.label}”至少应填写 ${table.minRows} 行，现有 ${value.length} 行。`,
      });
    }
    for (let index = 0; index < value.length; index++) {
      // forEach skipped holes of a sparse array; so does this.
      if (!(index in value)) continue;
      const row: unknown = value[index];
      const cells = (typeof row === 'object' && row !== null ? row : {}) as FieldValues;
      // A row's cells shadow the form's values; merged once per row, and only when a column reads them.
      const rowValues = table.mergeRows ? plainValues(assignValues(mergedObject(values), cells)) : values;
      for (const column of table.columns) {
        const before = errors.length;
        checkValue(column, cells[column.id], rowValues, def.id, index, column.id, context, errors);
        // Say which row: "第2行" is what a clerk looks for on the paper table.
        for (let i = before; i < errors.length; i++) {
          const e = errors[i]!;
          errors[i] = { field: e.field, code: e.code, message: `“${def.label}”第${index + 1}行：${e.message}` };
        }
      }
    }
    if (table.derived) {
      const field = def.def as FieldDef;
      for (const e of yearRowErrors(field, value, values)) errors.push(e);
      for (const e of tableView(field, value).problems) errors.push(e);
      for (const e of agreementErrors(pack, field, values)) errors.push(e);
    }
  }
  // 出生年月 / 性别 against the ID number: findings beside the field (shared/engine/facts).
  if (values.at('idNumber') !== undefined) {
    const crossed: Record<string, unknown> = { idNumber: values.at('idNumber'), birthMonth: values.at('birthMonth'), sex: values.at('sex') };
    for (const f of identityCrossChecks(crossed, today)) errors.push({ field: f.field, code: f.code, message: f.message });
  }
  return errors;
}

/** The source's values as one new object (`{ ...values }`, plus the kind when the source adds it). */
function mergedObject(source: ValueSource): Record<string, unknown> {
  const merged = assignValues({}, source.values);
  if (source.withKind) merged[APPLICATION_KIND_FIELD] = source.kind;
  return merged;
}
