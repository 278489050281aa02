/**
 * Conditions as DATA: when a conditional material is needed (002 附件4 二 7: 养老保险在本省缴纳
 * 未满三年), when a field is shown or required. A pack writes
 * `{ field: 'socialInsuranceYearsInZhejiang', op: 'lt', value: 3 }`; screens and the checklist
 * evaluate it against the application's field values with evaluateCondition.
 */
import { z } from 'zod';

export type ConditionScalar = string | number | boolean;

export type Condition =
  | { readonly field: string; readonly op: 'eq' | 'ne'; readonly value: ConditionScalar }
  | { readonly field: string; readonly op: 'lt' | 'lte' | 'gt' | 'gte'; readonly value: number | string }
  | { readonly field: string; readonly op: 'in' | 'not-in'; readonly value: readonly (string | number)[] }
  | { readonly field: string; readonly op: 'present' | 'absent' }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };

const fieldRef = z
  .string({ error: '条件中的字段（field）应为字段编号' })
  .regex(/^[a-z][A-Za-z0-9]*$/, { error: '条件中的字段编号应为小驼峰英文，如 unitNature' });

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union(
    [
      z.strictObject({
        field: fieldRef,
        op: z.enum(['eq', 'ne']),
        value: z.union([z.string(), z.number(), z.boolean()]),
      }),
      z.strictObject({
        field: fieldRef,
        op: z.enum(['lt', 'lte', 'gt', 'gte']),
        value: z.union([z.number(), z.string()]),
      }),
      z.strictObject({
        field: fieldRef,
        op: z.enum(['in', 'not-in']),
        value: z.array(z.union([z.string(), z.number()])).min(1, { error: '“in”条件至少列出一个值' }),
      }),
      z.strictObject({ field: fieldRef, op: z.enum(['present', 'absent']) }),
      z.strictObject({ all: z.array(conditionSchema).min(1, { error: '组合条件至少包含一项' }) }),
      z.strictObject({ any: z.array(conditionSchema).min(1, { error: '组合条件至少包含一项' }) }),
      z.strictObject({ not: conditionSchema }),
    ],
    { error: '条件格式有误：应为 { field, op, value }，或 all / any / not 组合' },
  ),
);

export type FieldValues = Readonly<Record<string, unknown>>;

/**
 * A reserved field every condition may read: the application's kind ('new', 'renewal' …). The
 * caller puts it into the values, e.g. `{ ...application.fields, applicationKind: application.kind }`;
 * no pack may declare a field with this id.
 */
export const APPLICATION_KIND_FIELD = 'applicationKind';

/** Missing, null, '' or an empty table. */
function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** Numbers compare with numbers, strings with strings (ISO dates and 'YYYY-MM' sort as text). */
function compare(actual: unknown, expected: number | string): number | null {
  if (typeof expected === 'number' && typeof actual === 'number' && Number.isFinite(actual)) return actual - expected;
  if (typeof expected === 'string' && typeof actual === 'string') return actual < expected ? -1 : actual > expected ? 1 : 0;
  return null;
}

/**
 * Whether the condition holds for these values. A blank value (missing, null, '', []) satisfies only
 * 'ne', 'not-in' and 'absent': an unknown fact never makes a material required by comparison.
 */
export function evaluateCondition(condition: Condition, values: FieldValues): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, values));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, values));
  if ('not' in condition) return !evaluateCondition(condition.not, values);
  const actual = Object.hasOwn(values, condition.field) ? values[condition.field] : undefined;
  switch (condition.op) {
    case 'present':
      return !isBlank(actual);
    case 'absent':
      return isBlank(actual);
    case 'eq':
      return actual === condition.value;
    case 'ne':
      return actual !== condition.value;
    case 'in':
      return condition.value.some((v) => v === actual);
    case 'not-in':
      return !condition.value.some((v) => v === actual);
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const c = compare(actual, condition.value);
      if (c === null) return false;
      return condition.op === 'lt' ? c < 0 : condition.op === 'lte' ? c <= 0 : condition.op === 'gt' ? c > 0 : c >= 0;
    }
  }
}

/** Every field id the condition reads, in order of appearance. */
export function conditionFields(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionFields);
  if ('any' in condition) return condition.any.flatMap(conditionFields);
  if ('not' in condition) return conditionFields(condition.not);
  return [condition.field];
}
