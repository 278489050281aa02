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
