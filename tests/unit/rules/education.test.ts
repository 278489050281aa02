import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { expectFail, expectOk } from './expect-result';
import {
  evaluateEducation,
  P4_EDUCATION_REQUIREMENT,
  P5_EDUCATION_REQUIREMENT,
  UNCATEGORISED,
  WINDOW_TOTAL_LIMIT,
  YEAR_TOTAL_LIMIT,
  type EducationRecord,
} from '../../../shared/rules/education';

const p4 = (date: string, category: string, hours: number): EducationRecord => ({
  date,
  mode: '在线',
  content: '继续教育课程',
  category,
  hours,
});
const p5 = (date: string, hours: number, mode = '业余'): EducationRecord => ({ date, mode, content: '信息系统新技术', hours });

/** P4 year meeting 002 六(三) exactly: 60 专业 + 10 行业公需 + 8 一般公需 + 12 more 专业 = 90. */
const p4FullYear = (year: number): EducationRecord[] => [
  p4(`${year}-03-01`, '专业科目', 72),
  p4(`${year}-05-01`, '行业公需', 10),
  p4(`${year}-09-01`, '一般公需', 8),
];

describe('002 六(三) P4: from 2018, each year ≥ 90 学时, 专业科目 ≥ 60, 行业公需 + 一般公需 ≥ 18', () => {
  it.each<[string, EducationRecord[], number[], [number, string][]]>([
    ['2018 and 2019 both exactly at the limits', [...p4FullYear(2018), ...p4FullYear(2019)], [2018, 2019], []],
    [
      'a year that meets the total but fails 专业科目',
      [p4('2019-01-10', '专业科目', 59.5), p4('2019-02-10', '行业公需', 20), p4('2019-03-10', '一般公需', 10.5)],
      [2019],
      [[2019, 'professional']],
    ],
    [
      'a year that meets the total but fails 公需 (17.5 of 18)',
      [p4('2019-01-10', '专业科目', 80), p4('2019-02-10', '行业公需', 9), p4('2019-03-10', '一般公需', 8.5)],
      [2019],
      [[2019, 'public']],
    ],
    [
      '公需 counts 行业公需 and 一般公需 together',
      [p4('2019-01-10', '专业科目', 72), p4('2019-02-10', '一般公需', 18)],
      [2019],
      [],
    ],
    [
      'a year under 90 but each category met',
      [p4('2019-01-10', '专业科目', 60), p4('2019-02-10', '行业公需', 18)],
      [2019],
      [[2019, YEAR_TOTAL_LIMIT]],
    ],
    [
      'an empty year fails all three limits, the other year is fine',
      p4FullYear(2018),
      [2018, 2019],
      [
        [2019, YEAR_TOTAL_LIMIT],
        [2019, 'professional'],
        [2019, 'public'],
      ],
    ],
    ['002 "自 2018 年起": 2017 is totalled but not judged', p4FullYear(2018), [2017, 2018], []],
  ])('%s', (_name, records, years, expected) => {
    const value = expectOk(evaluateEducation(records, P4_EDUCATION_REQUIREMENT, { years }));
    expect(value.findings.map((finding) => [finding.year, finding.limit])).toEqual(expected);
    expect(value.ok).toBe(expected.length === 0);
  });

  it('says which year and which limit fails, with the numbers', () => {
    const records = [p4('2019-01-10', '专业科目', 50), p4('2019-02-10', '行业公需', 30), p4('2019-03-10', '一般公需', 10)];
    const value = expectOk(evaluateEducation(records, P4_EDUCATION_REQUIREMENT, { years: [2019] }));
    expect(value.findings).toEqual([
      { year: 2019, limit: 'professional', required: 60, actual: 50, message: '2019年：专业科目共 50 学时，不少于 60 学时，差 10 学时。' },
    ]);
    expect(value.perYear[0]).toMatchObject({
      year: 2019,
      total: 90,
      byCategory: { 专业科目: 50, 行业公需: 30, 一般公需: 10 },
      checked: true,
    });
  });

  it('records outside the years asked for are not counted', () => {
    const result = evaluateEducation([...p4FullYear(2019), p4('2020-01-01', '专业科目', 10)], P4_EDUCATION_REQUIREMENT, {
      years: [2019],
    });
    expect(result.ok && result.value.outsideWindow).toBe(1);
    expect(result.ok && result.value.total).toBe(90);
  });
});

describe('003 信办人[2004]48号 四 P5: 3-year cycle, ≥ 180 学时 in total, ≥ 40 in each year', () => {
  const cycleStart = '2021-03-15';
  it.each<[string, EducationRecord[], [number | undefined, string][]]>([
    ['60 + 60 + 60 meets both limits', [p5('2021-03-15', 60), p5('2022-03-15', 60), p5('2024-03-14', 60)], []],
    [
      'a cycle that meets the total but has a year under 40',
      [p5('2021-06-01', 100), p5('2022-06-01', 39.5), p5('2023-06-01', 60)],
      [[2, YEAR_TOTAL_LIMIT]],
    ],
    [
      'every year at 40 but the total under 180',
      [p5('2021-06-01', 40), p5('2022-06-01', 40), p5('2023-06-01', 40)],
      [[undefined, WINDOW_TOTAL_LIMIT]],
    ],
    [
      'the day before the anniversary still belongs to the earlier year',
      [p5('2022-03-14', 40), p5('2023-03-14', 100), p5('2024-03-14', 40)],
      [],
    ],
    [
      'a record after the cycle ends does not count',
      [p5('2021-06-01', 70), p5('2022-06-01', 70), p5('2024-03-15', 70)],
      [
        [3, YEAR_TOTAL_LIMIT],
        [undefined, WINDOW_TOTAL_LIMIT],
      ],
    ],
  ])('%s', (_name, records, expected) => {
    const value = expectOk(evaluateEducation(records, P5_EDUCATION_REQUIREMENT, { cycleStart }));
    expect(value.findings.map((finding) => [finding.year, finding.limit])).toEqual(expected);
    expect(value.ok).toBe(expected.length === 0);
  });

  it('names the cycle year with its dates', () => {
    const records = [p5('2021-06-01', 100), p5('2022-06-01', 30), p5('2023-06-01', 60)];
    const value = expectOk(evaluateEducation(records, P5_EDUCATION_REQUIREMENT, { cycleStart }));
    expect(value.perYear.map((year) => [year.year, year.from, year.to, year.total])).toEqual([
      [1, '2021-03-15', '2022-03-14', 100],
      [2, '2022-03-15', '2023-03-14', 30],
      [3, '2023-03-15', '2024-03-14', 60],
    ]);
    expect(value.findings[0]?.message).toBe(
      '第2年（2022年03月15日至2023年03月14日）：继续教育共 30 学时，每年不少于 40 学时，差 10 学时。',
    );
    expect(value.perYear[0]?.byCategory).toEqual({ [UNCATEGORISED]: 100 });
  });

  it('the cycle total message gives the shortfall', () => {
    const records = [p5('2021-06-01', 40), p5('2022-06-01', 40), p5('2023-06-01', 40)];
    const result = evaluateEducation(records, P5_EDUCATION_REQUIREMENT, { cycleStart });
    expect(result.ok && result.value.findings[0]).toEqual({
      limit: WINDOW_TOTAL_LIMIT,
      required: 180,
      actual: 120,
      message: '本周期（2021年03月15日至2024年03月14日）继续教育累计 120 学时，须达到 180 学时以上，差 60 学时。',
    });
  });

  it('a cycle starting on 29 February leaves no gap between years', () => {
    const result = evaluateEducation([], P5_EDUCATION_REQUIREMENT, { cycleStart: '2024-02-29' });
    expect(result.ok && result.value.perYear.map((year) => [year.from, year.to])).toEqual([
      ['2024-02-29', '2025-02-27'],
      ['2025-02-28', '2026-02-27'],
      ['2026-02-28', '2027-02-27'],
    ]);
  });

  it.each(['脱产', '半脱产', '业余', '在岗'])('003 五: mode %s is accepted', (mode) => {
    const result = evaluateEducation([p5('2021-06-01', 2, mode)], P5_EDUCATION_REQUIREMENT, { cycleStart });
    expect(result.ok).toBe(true);
  });

  it('the same P5 limits over calendar years', () => {
    const records = [p5('2021-06-01', 60), p5('2022-06-01', 60), p5('2023-06-01', 59)];
    const result = evaluateEducation(records, P5_EDUCATION_REQUIREMENT, { years: [2021, 2022, 2023] });
    expect(result.ok && result.value.findings.map((finding) => finding.limit)).toEqual([WINDOW_TOTAL_LIMIT]);
  });
});

describe('evaluateEducation refuses bad input with the record number', () => {
  it.each<[string, EducationRecord[], object, string]>([
    ['an impossible date', [p5('2021-02-30', 2)], { cycleStart: '2021-01-01' }, 'education.date'],
    ['a date in another format', [p5('2021/06/01', 2)], { cycleStart: '2021-01-01' }, 'education.date'],
    ['a mode 003 does not know', [p5('2021-06-01', 2, '函授')], { cycleStart: '2021-01-01' }, 'education.mode'],
    ['hours not in half steps', [p5('2021-06-01', 1.3)], { cycleStart: '2021-01-01' }, 'education.hours'],
    ['zero hours', [p5('2021-06-01', 0)], { cycleStart: '2021-01-01' }, 'education.hours'],
    ['negative hours', [p5('2021-06-01', -2)], { cycleStart: '2021-01-01' }, 'education.hours'],
    ['no content', [{ ...p5('2021-06-01', 2), content: '  ' }], { cycleStart: '2021-01-01' }, 'education.content'],
    ['a bad cycle start', [], { cycleStart: '2021-13-01' }, 'education.window'],
    ['no years', [], { years: [] }, 'education.window'],
    ['a repeated year', [], { years: [2019, 2019] }, 'education.window'],
  ])('P5: %s', (_name, records, window, code) => {
    expectFail(evaluateEducation(records, P5_EDUCATION_REQUIREMENT, window as { cycleStart: string }), code);
  });

  it('P4: a record without a 002 category', () => {
    const result = evaluateEducation([{ ...p4('2019-01-01', '', 10), category: undefined }], P4_EDUCATION_REQUIREMENT, {
      years: [2019],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'education.category' } });
    if (!result.ok) expect(result.error.message).toContain('第 1 条');
  });

  it('P4: a cycle window needs a cycle length', () => {
    const result = evaluateEducation([], P4_EDUCATION_REQUIREMENT, { cycleStart: '2019-01-01' });
    expect(result).toMatchObject({ ok: false, error: { code: 'education.window' } });
  });
});

// Periods are remembered per window (a queue judges the same few windows over and over); the
// answers must not depend on what was asked before.
describe('remembered periods', () => {
  const windowArb = fc.oneof(
    fc.array(fc.integer({ min: 2015, max: 2027 }), { minLength: 1, maxLength: 4 }).map((years) => ({ years })),
    fc
      .record({ year: fc.integer({ min: 2018, max: 2025 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 29 }) })
      .map(({ year, month, day }) => ({ cycleStart: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` })),
  );
  const caseArb = fc.tuple(fc.constantFrom(P4_EDUCATION_REQUIREMENT, P5_EDUCATION_REQUIREMENT), windowArb);
  const records = [2019, 2020, 2021, 2022, 2023, 2024, 2025].flatMap((year) => [
    { date: `${year}-03-01`, mode: '脱产', content: '课程', category: '专业科目', hours: 50 },
    { date: `${year}-09-01`, mode: '业余', content: '课程', category: '一般公需', hours: 20 },
  ]);

  it('give the same evaluations in any order of asking (property)', () => {
    fc.assert(
      fc.property(fc.array(caseArb, { minLength: 1, maxLength: 30 }), (cases) => {
        const forward = cases.map(([requirement, window]) => evaluateEducation(records, requirement, window));
        const backward = [...cases].reverse().map(([requirement, window]) => evaluateEducation(records, requirement, window));
        expect(backward.reverse()).toEqual(forward);
      }),
      { numRuns: 200 },
    );
  });

  it('stay right past the number kept, and for a requirement that only differs in firstYear', () => {
    for (let round = 0; round < 2; round++) {
      for (let start = 0; start < 1100; start++) {
        const cycleStart = Temporal.PlainDate.from('2020-01-01').add({ days: start }).toString();
        const result = evaluateEducation([], P5_EDUCATION_REQUIREMENT, { cycleStart });
        expect(result.ok && result.value.perYear[0]?.from).toBe(cycleStart);
      }
    }
    const years = { years: [2017, 2018] };
    const late = { ...P4_EDUCATION_REQUIREMENT, firstYear: 2019 };
    const checked = (r: ReturnType<typeof evaluateEducation>) => (r.ok ? r.value.perYear.map((y) => y.checked) : []);
    expect(checked(evaluateEducation([], P4_EDUCATION_REQUIREMENT, years))).toEqual([false, true]);
    expect(checked(evaluateEducation([], late, years))).toEqual([false, false]);
    expect(checked(evaluateEducation([], P4_EDUCATION_REQUIREMENT, years))).toEqual([false, true]);
  });

  it('keep a category named "__proto__" as an ordinary key', () => {
    const result = evaluateEducation([{ date: '2024-03-01', mode: '在岗', content: '课程', category: '__proto__', hours: 4 }], P5_EDUCATION_REQUIREMENT, {
      cycleStart: '2024-01-01',
    });
    const value = expectOk(result);
    const byCategory = value.perYear[0]!.byCategory;
    expect(Object.getPrototypeOf(byCategory)).toBe(Object.prototype);
    expect(Object.entries(byCategory)).toEqual([['__proto__', 4]]);
  });
});
