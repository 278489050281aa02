import { describe, expect, it } from 'vitest';
import { normaliseStaffCounts } from '../../../shared/rules/enterprise';
import { expectFail } from './expect-result';

describe('normaliseStaffCounts: 001 （二）1.1) 不包含的人员分类填“0”', () => {
  const categories = ['高级职称', '中级职称', '初级职称'];
  it.each<[string, Record<string, unknown>, Record<string, number>]>([
    ['missing categories become 0', { 中级职称: 3 }, { 高级职称: 0, 中级职称: 3, 初级职称: 0 }],
    ['blank, null and spaces become 0', { 高级职称: '', 中级职称: null, 初级职称: '  ' }, { 高级职称: 0, 中级职称: 0, 初级职称: 0 }],
    ['digit strings and full-width digits', { 高级职称: '12', 中级职称: '１２', 初级职称: 0 }, { 高级职称: 12, 中级职称: 12, 初级职称: 0 }],
  ])('%s', (_name, raw, expected) => {
    expect(normaliseStaffCounts(raw, categories)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a negative count', { 高级职称: -1 }, 'staff.count'],
    ['a fraction', { 高级职称: '2.5' }, 'staff.count'],
    ['a word', { 高级职称: '若干' }, 'staff.count'],
    ['NaN', { 高级职称: Number.NaN }, 'staff.count'],
    ['a category the form does not have', { 博士: 1 }, 'staff.category'],
  ])('refuses %s', (_name, raw, code) => {
    expectFail(normaliseStaffCounts(raw, categories), code);
  });
});
