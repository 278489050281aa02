/**
 * loadPack refuses what a pack must not say, with a Chinese message naming the place: a missing or
 * foreign cite, a conditional item without a condition, a condition on a field that does not exist,
 * duplicate ids, undeclared kinds, a kind without a workflow, clashing binding positions.
 */
import { describe, expect, it } from 'vitest';
import { getPack } from '../../../shared/programs/index';
import { citedSeed, loadPack, type ProgramPack } from '../../../shared/programs/schema';
import { expectFail, expectOk } from '../rules/expect-result';

/** A fresh, mutable copy of a real pack to break in one place. */
const copy = (id: string): ProgramPack => structuredClone(getPack(id) as ProgramPack);
type Loose = Record<string, unknown>;

function refusal(mutate: (pack: ProgramPack) => void, id = 'zj-it-senior'): string {
  const pack = copy(id);
  mutate(pack);
  return expectFail(loadPack(pack), 'pack.invalid');
}

describe('loadPack', () => {
  it('accepts each real pack unchanged', () => {
    for (const id of ['xj-isi-pm', 'xj-isi-spm', 'xj-si-annual', 'zj-it-senior', 'rk-registration', 'iets']) {
      expect(expectOk(loadPack(copy(id))).id).toBe(id);
    }
  });

  it.each([
    ['not an object', 42],
    ['null', null],
    ['an empty object', {}],
  ])('refuses %s with a Chinese message', (_what, input) => {
    expectFail(loadPack(input), 'pack.invalid');
  });

  it.each<[string, (p: ProgramPack) => void, RegExp]>([
    ['a material without a cite', (p) => delete (p.checklist[0] as Loose).cite, /材料清单第1项/],
    ['a threshold without a cite', (p) => delete (p.thresholds[0] as Loose).cite, /指标第1项/],
    ['a publicity period without a cite', (p) => delete (p.publicity[0] as Loose).cite, /公示第1项/],
    ['a time limit without a cite', (p) => delete (p.timeLimits[0] as Loose).cite, /期限第1项/],
    ['a copies count without a cite', (p) => delete (p.checklist[2]?.copies as Loose).cite, /份数/],
    ['a cite of a seed that does not exist', (p) => ((p.thresholds[0] as Loose).cite = '007 第一条'), /种子编号为 000–004/],
    ['a cite without a place', (p) => ((p.thresholds[0] as Loose).cite = '002'), /出处/],
  ])('refuses %s', (_what, mutate, where) => {
    expect(refusal(mutate)).toMatch(where);
  });

  it('002 附件4 二 7: a conditional item without its condition is refused', () => {
    const message = refusal((p) => {
      const pension = p.checklist.find((m) => m.id === 'out-of-province-pension') as Loose;
      delete pension.condition;
    });
    expect(message).toContain('须写明条件');
  });

  it('a condition on a field the pack does not declare is refused', () => {
    const message = refusal((p) => {
      const pension = p.checklist.find((m) => m.id === 'out-of-province-pension') as Loose;
      pension.condition = { field: 'yearsInZhejiang', op: 'lt', value: 3 };
    });
    expect(message).toContain('条件引用的字段“yearsInZhejiang”不存在');
  });

  it('a required item with a condition is refused (conditional ⇔ condition)', () => {
    const message = refusal((p) => {
      (p.checklist.find((m) => m.id === 'id-card') as Loose).condition = { field: 'degree', op: 'present' };
    });
    expect(message).toContain('不应有条件');
  });

  it('duplicate material ids are refused', () => {
    expect(refusal((p) => ((p.checklist[3] as Loose).id = p.checklist[2]?.id))).toContain('重复');
  });

  it('an enum field without options, or options on a text field, is refused', () => {
    expect(refusal((p) => delete (p.fields.find((f) => f.id === 'unitNature') as Loose).enum)).toContain('须列出选项');
    expect(refusal((p) => ((p.fields.find((f) => f.id === 'employer') as Loose).enum = [{ value: 'x' }]))).toContain('不应有选项');
  });

  it('an ID-number field must use the ID-number rule', () => {
    expect(refusal((p) => delete (p.fields.find((f) => f.id === 'idNumber') as Loose).validator)).toContain('id-number');
  });

  it('a remark field that does not exist is refused', () => {
    const message = refusal((p) => {
      const option = p.fields.find((f) => f.id === 'unitNature')?.enum?.find((o) => o.value === '其它类企业') as Loose;
      option.requiresRemark = 'note';
    });
    expect(message).toContain('“note”不存在');
  });

  it('two items in the same volume position are refused', () => {
    const message = refusal((p) => {
      const diploma = p.checklist.find((m) => m.id === 'diploma') as Loose;
      diploma.binding = [{ kind: 'volume', volume: 1, position: 3 }];
    });
    expect(message).toContain('同在第1册第3项');
  });

  it('split copies must add up (附件4 二 14: 1 bound + 2 loose = 3)', () => {
    const message = refusal((p) => {
      const sheet = p.checklist.find((m) => m.id === 'score-sheet');
      if (sheet) sheet.copies.count = 4;
    });
    expect(message).toContain('之和应等于 4 份');
  });

  it('a paper item of a program with binding rules must say where it is bound', () => {
    expect(refusal((p) => delete (p.checklist.find((m) => m.id === 'diploma') as Loose).binding)).toContain('装订');
  });

  it('a field or material for a kind the pack does not declare is refused', () => {
    expect(refusal((p) => ((p.checklist[3] as Loose).kinds = ['renewal']))).toContain('“renewal”未在本程序中声明');
  });

  it('an application kind without a workflow is refused', () => {
    const message = refusal((p) => {
      delete (p.workflows as Loose).renewal;
    }, 'xj-isi-pm');
    expect(message).toContain('“renewal”没有流程定义');
  });

  it('a workflow guard on a window the pack does not declare is refused', () => {
    const message = refusal((p) => {
      p.windows = [];
    }, 'xj-isi-pm');
    expect(message).toContain('引用的期间“renewal”未在 windows 中声明');
  });

  it('a threshold level not declared by a category is refused', () => {
    const message = refusal((p) => {
      const staff = p.thresholds.find((t) => t.id === 'technical-staff') as Loose;
      staff.byLevel = { 甲: 40, 戊: 1 };
    }, 'xj-si-annual');
    expect(message).toContain('“戊”未在评价类别中声明');
  });

  it('levels must run from low to high (004 第十一条: IETS-4 … IETS-E)', () => {
    const message = refusal((p) => {
      p.categories?.[0]?.levels.reverse();
    }, 'iets');
    expect(message).toContain('由低到高');
  });

  it('unknown keys are refused, so a misspelt key cannot pass silently', () => {
    expect(refusal((p) => ((p.checklist[0] as Loose).copeis = 2))).toMatch(/未知的键|copeis/);
  });

  it('the reserved field id applicationKind cannot be declared', () => {
    const message = refusal((p) => {
      (p.fields[0] as Loose).id = 'applicationKind';
    }, 'iets');
    expect(message).toContain('已保留');
  });

  it('names the pack and counts further problems', () => {
    const pack = copy('iets');
    for (const t of pack.thresholds) delete (t as Loose).cite;
    const message = expectFail(loadPack(pack), 'pack.invalid');
    expect(message).toMatch(/^程序包“iets”有误/);
    expect(message).toMatch(/另有\d+处问题/);
  });
});

describe('loadPack: tables, computed fields, thresholds on fields, grading (001, 004)', () => {
  type P = ProgramPack;
  const f = (p: P, id: string) => p.fields.find((x) => x.id === id) as Loose & { columns?: Loose[] };
  const col = (p: P, table: string, id: string) => (f(p, table).columns ?? []).find((c) => c['id'] === id) as Loose;

  it.each<[string, string, (p: P) => void, RegExp]>([
    ['a money field without its unit', 'xj-si-annual', (p) => delete f(p, 'selfDevelopedSales').moneyUnit, /须写明填写单位/],
    ['a unit on a field that is not money', 'xj-si-annual', (p) => (f(p, 'technicalStaffTotal').moneyUnit = 'yuan'), /不应有金额单位/],
    [
      'a computed column adding a column after it',
      'xj-si-annual',
      (p) => ((col(p, 'projects', 'serviceTotal')['computed'] as Loose)['inputs'] = ['softwareDevelopment', 'contractAmount']),
      /须是本表在它之前的列/,
    ],
    ['a computed column that is not a row sum', 'xj-si-annual', (p) => ((col(p, 'projects', 'serviceTotal')['computed'] as Loose)['rule'] = 'count-rows'), /只能用 sum/],
    ['a 合计 on a text column', 'xj-si-annual', (p) => (f(p, 'projects').totals = ['projectName']), /合计列“projectName”/],
    ['a column-sum of a column the table lacks', 'xj-si-annual', (p) => ((f(p, 'threeYearProjectTotal').computed as Loose)['inputs'] = ['projectCompletion', 'amount']), /column-sum 的计算项/],
    ['year rows on a column that is not a year', 'xj-si-annual', (p) => ((f(p, 'projectCompletion').yearRows as Loose)['column'] = 'total'), /年份列/],
    ['an agreement with a column of another type', 'xj-si-annual', (p) => ((f(p, 'projectCompletion').agreesWith as Loose)['totalOf'] = { table: 'projects', column: 'projectName' }), /对应关系/],
    ['a column named like the row key', 'xj-si-annual', (p) => (col(p, 'innovations', 'item')['id'] = 'rowKey'), /已保留给行标识/],
    ['picking the largest rows without a cap', 'xj-si-annual', (p) => delete (p.checklist.find((m) => m.id === 'project-contracts')?.copies as Loose).max, /挑选大额行/],
    ['a threshold measuring a text field', 'xj-si-annual', (p) => ((p.thresholds[0] as Loose).measure = { field: 'contactPerson' }), /须是本表单的数字或金额字段/],
    ['a money threshold in people', 'xj-si-annual', (p) => ((p.thresholds[2] as Loose).unit = '人'), /单位应为“元”或“万元”/],
    ['a grade option that is not a level', 'xj-si-annual', (p) => f(p, 'grade').enum && (f(p, 'grade').enum as Loose[]).push({ value: '戊' }), /不是所选评价类别的等级/],
    ['a deadline for a state the workflow lacks', 'xj-si-annual', (p) => ((p.keyDates[1] as Loose).deadlineFor = { kinds: ['annual-review'], states: ['exchanged'] }), /所列状态“exchanged”不在/],
    ['a condition confirmed by a field that is not yes/no', 'iets', (p) => ((p.eligibility[0] as Loose).confirmedBy = 'organisationName'), /须是是否（boolean）字段/],
    ['a required condition on an undeclared field', 'iets', (p) => ((p.eligibility[3] as Loose).requires = { field: 'sector', op: 'eq', value: 'x' }), /条件引用的字段“sector”不存在/],
    ['a list column that is no field', 'iets', (p) => ((p.documents.find((d) => d.id === 'publicity-list') as Loose).columns = [{ field: 'agency' }]), /不是本表单的字段/],
    ['a category field whose options are not categories', 'iets', (p) => (f(p, 'evaluationCategory').enum as Loose[]).push({ value: 'other' }), /不是已声明的评价类别/],
  ])('refuses %s', (_what, id, mutate, message) => {
    expect(refusal(mutate, id)).toMatch(message);
  });
});

describe('citedSeed', () => {
  it.each([
    ['002 附件4 三', '002'],
    ['003 47号 七', '003'],
    ['000 第十五条', '000'],
    ['005 第一条', null],
    ['002', null],
    ['附件4 三', null],
  ])('%s → %s', (cite, seed) => {
    expect(citedSeed(cite)).toBe(seed);
  });
});
