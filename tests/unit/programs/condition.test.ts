/**
 * Conditions as data (002 附件4 二 7, 13; 六(四)): evaluateCondition over a form's values, and the
 * helpers of binding.ts that name split volumes.
 */
import { describe, expect, it } from 'vitest';
import { chineseNumeral, splitVolumeName } from '../../../shared/programs/binding';
import { conditionFields, conditionSchema, evaluateCondition, type Condition } from '../../../shared/programs/condition';

describe('evaluateCondition', () => {
  const lt3: Condition = { field: 'socialInsuranceYearsInZhejiang', op: 'lt', value: 3 };

  it.each<[string, Condition, Record<string, unknown>, boolean]>([
    ['002 附件4 二 7: 2 years < 3', lt3, { socialInsuranceYearsInZhejiang: 2 }, true],
    ['002 附件4 二 7: 3 years is not < 3', lt3, { socialInsuranceYearsInZhejiang: 3 }, false],
    ['a missing value never satisfies a comparison', lt3, {}, false],
    ['a text value never compares with a number', lt3, { socialInsuranceYearsInZhejiang: '2' }, false],
    ['lte includes the bound', { field: 'n', op: 'lte', value: 3 }, { n: 3 }, true],
    ['gt excludes the bound', { field: 'n', op: 'gt', value: 3 }, { n: 3 }, false],
    ['gte on year-months compares as text', { field: 'm', op: 'gte', value: '2001-01' }, { m: '2001-01' }, true],
    ['gte on year-months: earlier is less', { field: 'm', op: 'gte', value: '2001-01' }, { m: '2000-12' }, false],
    ['eq', { field: 'k', op: 'eq', value: '其它类企业' }, { k: '其它类企业' }, true],
    ['eq is strict: true is not "true"', { field: 'k', op: 'eq', value: true }, { k: 'true' }, false],
    ['ne holds for a missing value', { field: 'k', op: 'ne', value: 'x' }, {}, true],
    ['002 附件4 二 13: in', { field: 'u', op: 'in', value: ['监督管理类事业', '社会公益类事业'] }, { u: '社会公益类事业' }, true],
    ['not in', { field: 'u', op: 'in', value: ['监督管理类事业'] }, { u: '国有企业' }, false],
    ['not-in holds for a missing value', { field: 'u', op: 'not-in', value: ['x'] }, {}, true],
    ['present: text', { field: 'd', op: 'present' }, { d: '工学学士' }, true],
    ['present: blank text is absent', { field: 'd', op: 'present' }, { d: '  ' }, false],
    ['present: an empty table is absent', { field: 't', op: 'present' }, { t: [] }, false],
    ['present: a table with rows', { field: 't', op: 'present' }, { t: [{}] }, true],
    ['absent', { field: 'd', op: 'absent' }, { d: null }, true],
    ['all', { all: [lt3, { field: 'u', op: 'eq', value: 'x' }] }, { socialInsuranceYearsInZhejiang: 1, u: 'x' }, true],
    ['all fails on one', { all: [lt3, { field: 'u', op: 'eq', value: 'x' }] }, { socialInsuranceYearsInZhejiang: 1, u: 'y' }, false],
    ['any', { any: [lt3, { field: 'u', op: 'eq', value: 'x' }] }, { socialInsuranceYearsInZhejiang: 5, u: 'x' }, true],
    ['not', { not: lt3 }, { socialInsuranceYearsInZhejiang: 5 }, true],
    ['inherited properties are not values', { field: 'toString', op: 'present' }, {}, false],
  ])('%s', (_what, condition, values, expected) => {
    expect(evaluateCondition(condition, values)).toBe(expected);
  });

  it('conditionFields lists every field read, nested ones included', () => {
    expect(
      conditionFields({ any: [{ all: [{ field: 'a', op: 'eq', value: 1 }, { field: 'b', op: 'present' }] }, { not: { field: 'c', op: 'in', value: [1] } }] }),
    ).toEqual(['a', 'b', 'c']);
  });

  it.each([
    ['an unknown op', { field: 'a', op: 'like', value: 'x' }],
    ['in without a list', { field: 'a', op: 'in', value: 'x' }],
    ['an empty list', { field: 'a', op: 'in', value: [] }],
    ['a field id that is not camelCase', { field: 'unit nature', op: 'present' }],
    ['an empty all', { all: [] }],
    ['an extra key', { field: 'a', op: 'present', value: 1 }],
  ])('the schema refuses %s', (_what, input) => {
    expect(conditionSchema.safeParse(input).success).toBe(false);
  });
});

describe('split volume names (002 附件4 三: 第二册（一）、第二册（二）)', () => {
  it.each([
    [1, '一'],
    [2, '二'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
  ])('%i → %s', (n, zh) => {
    expect(chineseNumeral(n)).toBe(zh);
  });

  it.each([0, -1, 100, 1.5])('%s has no numeral here', (n) => {
    expect(chineseNumeral(n)).toBeNull();
    expect(splitVolumeName('第二册（{n}）', n)).toBeNull();
  });

  it('fills the pattern', () => {
    expect(splitVolumeName('第二册（{n}）', 12)).toBe('第二册（十二）');
  });
});
