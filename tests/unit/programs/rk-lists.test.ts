/**
 * Issue 12: P5's 专业类别 and 资格名称 (003 附件 登记申请表) are choices, not free text. Seed 003
 * gives no list; the pack carries the official 软考 资格设置 (five categories, qualifications by
 * level). The expectations below are the published list, written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { checkFields } from '../../../shared/engine/fields';
import { getPack } from '../../../shared/programs';
import { valuesWithKind } from '../../../shared/programs/condition';
import { importSpecFor } from '../../../shared/import/spec';
import { matchOption } from '../../../shared/import/values';

const p5 = getPack('rk-registration')!;
const field = (id: string) => p5.fields.find((f) => f.id === id)!;

describe('P5 专业类别 and 资格名称 are the 软考 lists', () => {
  it('专业类别: the five categories', () => {
    expect(field('specialtyCategory').type).toBe('enum');
    expect(field('specialtyCategory').enum?.map((o) => o.value)).toEqual(['计算机软件', '计算机网络', '计算机应用技术', '信息系统', '信息服务']);
  });

  it('资格名称: 5 高级, 15 中级, 7 初级, each option showing its level', () => {
    const options = field('qualificationName').enum ?? [];
    expect(field('qualificationName').type).toBe('enum');
    expect(options).toHaveLength(27);
    const level = (zh: string) => options.filter((o) => o.label?.zh.endsWith(`（${zh}）`)).map((o) => o.value);
    expect(level('高级')).toEqual(['信息系统项目管理师', '系统分析师', '系统架构设计师', '网络规划设计师', '系统规划与管理师']);
    expect(level('初级')).toEqual(['程序员', '网络管理员', '多媒体应用制作技术员', '电子商务技术员', '信息系统运行管理员', '网页制作员', '信息处理技术员']);
    expect(level('中级')).toHaveLength(15);
    expect(options.find((o) => o.value === '软件设计师')?.label).toEqual({ zh: '软件设计师（中级）', en: 'Software Designer (intermediate)' });
  });

  it.each([
    ['a listed pair is accepted', { specialtyCategory: '计算机软件', qualificationName: '软件设计师' }, []],
    ['a name not on the list is refused', { specialtyCategory: '计算机软件', qualificationName: '软件工程师' }, ['qualificationName']],
    ['a category not on the list is refused', { specialtyCategory: '软件', qualificationName: '程序员' }, ['specialtyCategory']],
  ])('%s', (_label, values, refused) => {
    const errors = checkFields(p5, 'new', valuesWithKind(values, 'new'), '2026-11-23').filter((e) => e.code === 'field.enum');
    expect(errors.map((e) => e.field)).toEqual(refused);
  });
});

describe('P5 register import reads the 资格名称 with or without its level', () => {
  it.each([
    ['系统分析师', '系统分析师'],
    ['系统分析师（高级）', '系统分析师'],
    ['系统分析师(高级)', '系统分析师'],
    ['软件设计师（中级）', '软件设计师'],
  ])('%s → %s', (written, stored) => {
    const spec = importSpecFor(p5, 'talent-register');
    if (!spec.ok) throw new Error(spec.error.message);
    const column = spec.value.columns.find((c) => c.key === 'qualificationName')!;
    expect(matchOption(column, written)).toBe(stored);
  });
});
