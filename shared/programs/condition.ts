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

/** A plain object: what a copy of the values inherits (`constructor`, `toString` …), as any object literal does. */
const INHERITED: Readonly<Record<string, unknown>> = {};

/** `list.some((v) => v === value)`: `===`, not includes' SameValueZero, and holes skipped. */
function includesStrictly(list: readonly unknown[], value: unknown): boolean {
  if (!Array.isArray(list)) return list.some((v) => v === value);
  for (let i = 0; i < list.length; i++) if (i in list && list[i] === value) return true;
  return false;
}

/**
 * Where conditions and field checks read values from: `values` itself, or — with the kind — the
 * object `{ ...values, applicationKind: kind }`, read without building it. The engine evaluates
 * whole queues, and copying every application's fields just to add the kind cost more than the
 * rest of its field checks (V8 turns such a copy into a slow dictionary object). A class, so
 * that the engine's many reads are method calls on one shape rather than calls through this
 * module's exports.
 */
export class ValueSource {
  /**
   * With the kind: `values` is an ordinary object (Object.prototype its prototype, every own
   * string key enumerable), so apart from the kind it reads exactly like its copy, and the
   * slower reads that keep the view exact for anything else can be skipped.
   */
  private readonly ordinary: boolean;

  constructor(
    readonly values: FieldValues,
    /** Read as `{ ...values, applicationKind: kind }`. */
    readonly withKind: boolean,
    readonly kind: unknown,
  ) {
    this.ordinary =
      withKind &&
      typeof values === 'object' &&
      values !== null &&
      Object.getPrototypeOf(values) === Object.prototype &&
      Object.keys(values).length === Object.getOwnPropertyNames(values).length;
  }

  /** A copy's own property and nothing else: a spread copies exactly the own enumerable ones. */
  private isOwnEnumerable(key: string): boolean {
    const { values } = this;
    return values !== null && values !== undefined && Object.prototype.propertyIsEnumerable.call(values, key);
  }

  /** `Object.hasOwn(v, key) ? v[key] : undefined` on the source's object. */
  own(key: string): unknown {
    const { values } = this;
    if (this.withKind) {
      if (key === APPLICATION_KIND_FIELD) return this.kind;
      if (this.ordinary) return Object.hasOwn(values, key) ? values[key] : undefined;
      return this.isOwnEnumerable(key) ? values[key] : undefined;
    }
    return Object.hasOwn(values, key) ? values[key] : undefined;
  }

  /** `v[key]` on the source's object, inherited properties included. */
  at(key: string): unknown {
    const { values } = this;
    if (this.withKind) {
      if (key === APPLICATION_KIND_FIELD) return this.kind;
      if (this.ordinary) return values[key];
      return this.isOwnEnumerable(key) ? values[key] : INHERITED[key];
    }
    return values[key];
  }

  /** evaluateCondition over this source. */
  holds(condition: Condition): boolean {
    // Loops rather than every/some with a closure: this runs for every condition of every file.
    // Holes are skipped, as every and some skip them; anything but an array gets every/some itself.
    if ('all' in condition) {
      const all = condition.all;
      if (!Array.isArray(all)) return all.every((c) => this.holds(c));
      for (let i = 0; i < all.length; i++) if (i in all && !this.holds(all[i] as Condition)) return false;
      return true;
    }
    if ('any' in condition) {
      const any = condition.any;
      if (!Array.isArray(any)) return any.some((c) => this.holds(c));
      for (let i = 0; i < any.length; i++) if (i in any && this.holds(any[i] as Condition)) return true;
      return false;
    }
    if ('not' in condition) return !this.holds(condition.not);
    const actual = this.own(condition.field);
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
        return includesStrictly(condition.value, actual);
      case 'not-in':
        return !includesStrictly(condition.value, actual);
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
}

/** The values as they are. */
export const plainValues = (values: FieldValues): ValueSource => new ValueSource(values, false, undefined);

/** The view `{ ...values, applicationKind: kind }`. */
export const valuesWithKind = (values: FieldValues, kind: unknown): ValueSource => new ValueSource(values, true, kind);

/**
 * Whether the condition holds for these values. A blank value (missing, null, '', []) satisfies only
 * 'ne', 'not-in' and 'absent': an unknown fact never makes a material required by comparison.
 */
export function evaluateCondition(condition: Condition, values: FieldValues): boolean {
  return plainValues(values).holds(condition);
}

/** Every field id the condition reads, in order of appearance. */
export function conditionFields(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionFields);
  if ('any' in condition) return condition.any.flatMap(conditionFields);
  if ('not' in condition) return conditionFields(condition.not);
  return [condition.field];
}
