/**
 * Continuing-education hours (继续教育学时) against a program's yearly and cycle minimums.
 *
 * The evaluator is generic: the requirement object holds the numbers, and the window is either
 * a list of calendar years (P4: "每年度") or a cycle start date (P5: a certificate's 3-year
 * period, counted in anniversary years from its approval or last registration). Each failing
 * limit becomes its own finding naming the year and the limit, so the clerk can tell the
 * applicant exactly what is missing.
 *
 * Hours are whole or half 学时. Neither seed says whether fractions occur; 003 (48号) 五 leaves
 * the conversion of 脱产/半脱产/业余/在岗 study into hours to the training outline, which can
 * yield halves. Halves are exact in binary, and totals are kept as integer counts of half hours,
 * so they never drift; anything finer is refused as a typing mistake.
 */
import { addDays, addYears, formatDateZh, INPUT_YEAR_MAX, INPUT_YEAR_MIN, isCanonicalDate, toPlainDate, type IsoDate } from './civil-date';
import { fail, ok, type Result } from './result';

export interface EducationRecord {
  /** 'YYYY-MM-DD'. */
  readonly date: IsoDate;
  /** 方式, e.g. 脱产 / 半脱产 / 业余 / 在岗 (003). */
  readonly mode: string;
  /** 内容. */
  readonly content: string;
  /** 科目类别, e.g. 专业科目 / 行业公需 / 一般公需 (002). */
  readonly category?: string;
  /** 核准的学时数, in steps of 0.5. */
  readonly hours: number;
}

/** A per-year minimum over a group of categories (002: 行业公需 + 一般公需 together ≥ 18). */
export interface EducationCategoryLimit {
  /** Stable code of the limit, reported in findings. */
  readonly limit: string;
  readonly label: string;
  readonly categories: readonly string[];
  readonly minHours: number;
}

export interface EducationRequirement {
  /** When given, every record's mode must be one of these. */
  readonly modes?: readonly string[];
  /** When given, every record must name one of these categories. */
  readonly categories?: readonly string[];
  /** Calendar years before this one are totalled but not checked (002: "自 2018 年起"). */
  readonly firstYear?: number;
  /** Length of a cycle in years, needed for a `cycleStart` window. */
  readonly cycleYears?: number;
  readonly minHoursPerYear: number;
  readonly categoryLimits: readonly EducationCategoryLimit[];
  /** Minimum over the whole window (003: 180 per cycle). */
  readonly minHoursTotal?: number;
}

/** P5 `rk-registration`: 003 (信办人[2004]48号). */
export const P5_EDUCATION_REQUIREMENT: EducationRequirement = {
  // 003 信办人[2004]48号 五: "脱产、半脱产、业余培训的学习，也可以采取在岗学习的方式"
  modes: ['脱产', '半脱产', '业余', '在岗'],
  // 003 信办人[2004]48号 四: "继续教育每三年为一个周期"
  cycleYears: 3,
  // 003 信办人[2004]48号 四: "每年完成继续教育的学时数不得少于40学时"
  minHoursPerYear: 40,
  categoryLimits: [],
  // 003 信办人[2004]48号 四: "学时累计数应达到180学时以上" (以上 includes 180)
  minHoursTotal: 180,
};

/** P4 `zj-it-senior`: 002 六(三), repeated in 附件3 三. */
export const P4_EDUCATION_REQUIREMENT: EducationRequirement = {
  categories: ['专业科目', '行业公需', '一般公需'],
  // 002 六(三): "自 2018 年起"
  firstYear: 2018,
  // 002 六(三): "每年度参加继续教育不得少于 90 学时"
  minHoursPerYear: 90,
  categoryLimits: [
    // 002 六(三): "其中专业科目不少于 60 学时"
    { limit: 'professional', label: '专业科目', categories: ['专业科目'], minHours: 60 },
    // 002 六(三): "行业公需和一般公需科目不少于 18 学时" — one limit over both together
    { limit: 'public', label: '行业公需和一般公需科目', categories: ['行业公需', '一般公需'], minHours: 18 },
  ],
};

/** Calendar years (`years`) or anniversary years of a cycle starting on `cycleStart` ('YYYY-MM-DD'). */
export type EducationWindow = { readonly years: readonly number[] } | { readonly cycleStart: string };

/** Stable codes of the built-in limits; category limits use their own `limit`. */
export const YEAR_TOTAL_LIMIT = 'yearTotal';
export const WINDOW_TOTAL_LIMIT = 'windowTotal';

export interface EducationFinding {
  /** Calendar year, or 1-based year of the cycle; absent for a limit on the whole window. */
  readonly year?: number;
  readonly limit: string;
  readonly required: number;
  readonly actual: number;
  readonly message: string;
}

export interface EducationYear {
  /** Calendar year, or 1-based year of the cycle. */
  readonly year: number;
  /** '2019年' or '第2年（2022-03-15至2023-03-14）'. */
  readonly label: string;
  readonly from: string;
  readonly to: string;
  /** False for years before `firstYear`: totalled, not judged. */
  readonly checked: boolean;
  readonly total: number;
  /** Hours per category; records without one are under UNCATEGORISED. */
  readonly byCategory: Readonly<Record<string, number>>;
  readonly findings: readonly EducationFinding[];
}

export interface EducationEvaluation {
  readonly ok: boolean;
  readonly perYear: readonly EducationYear[];
  readonly total: number;
  /** Every failing limit: each year's, then the window's. */
  readonly findings: readonly EducationFinding[];
  /** Records dated outside the window: not counted. */
  readonly outsideWindow: number;
}

export const UNCATEGORISED = '未分类';

interface Period {
  readonly year: number;
  readonly label: string;
  readonly from: string;
  readonly to: string;
  readonly checked: boolean;
}

function periodsOf(window: EducationWindow, requirement: EducationRequirement): Result<Period[]> {
  if ('years' in window) {
    const years = [...window.years].sort((a, b) => a - b);
    if (years.length === 0) return fail('education.window', '请指定要核查的年度。');
    if (years.some((year) => !Number.isInteger(year) || year < INPUT_YEAR_MIN || year > INPUT_YEAR_MAX)) {
      return fail('education.window', `核查年度无效，请填写 ${INPUT_YEAR_MIN}–${INPUT_YEAR_MAX} 之间的四位年份。`);
    }
    if (new Set(years).size !== years.length) return fail('education.window', '核查年度有重复。');
    return ok(
      years.map((year) => ({
        year,
        label: `${year}年`,
        from: `${year}-01-01`,
        to: `${year}-12-31`,
        checked: requirement.firstYear === undefined || year >= requirement.firstYear,
      })),
    );
  }
  if (!isCanonicalDate(window.cycleStart)) {
    const start = toPlainDate(window.cycleStart);
    if (!start.ok) return fail('education.window', `周期起始日期：${start.error.message}`);
  }
  const length = requirement.cycleYears;
  if (length === undefined || !Number.isInteger(length) || length < 1) {
    return fail('education.window', '该项目未规定继续教育周期，不能按周期核查。');
  }
  const periods: Period[] = [];
  for (let index = 0; index < length; index += 1) {
    // Each year ends the day before the next anniversary (the validity.ts convention, 29 Feb
    // clamping to 28 Feb), so consecutive years neither overlap nor leave a gap.
    const from = addYears(window.cycleStart, index);
    const next = addYears(window.cycleStart, index + 1);
    const to = next.ok ? addDays(next.value, -1) : next;
    if (!from.ok) return fail('education.window', from.error.message);
    if (!to.ok) return fail('education.window', to.error.message);
    periods.push({
      year: index + 1,
      label: `第${index + 1}年（${formatDateZh(from.value)}至${formatDateZh(to.value)}）`,
      from: from.value,
      to: to.value,
      checked: true,
    });
  }
  return ok(periods);
}

/**
 * Periods depend only on the window and one number of the requirement, and an office judges the
 * same few windows over and over (last year's three calendar years, a handful of certificate
 * dates), so they are kept by a key holding all of that. Only ok results are kept, and the
 * periods never leave this module, so sharing them is safe. Bounded: cleared when full.
 */
const periodCache = new Map<string, Period[]>();
const PERIOD_CACHE_LIMIT = 1024;

/** The cache key, or undefined when the inputs are not plain numbers and strings (then no caching). */
function periodKey(window: EducationWindow, requirement: EducationRequirement): string | undefined {
  if ('years' in window) {
    const { years } = window;
    const firstYear = requirement.firstYear;
    if (!Array.isArray(years) || (firstYear !== undefined && typeof firstYear !== 'number')) return undefined;
    let key = `y${firstYear ?? ''}`;
    for (let i = 0; i < years.length; i++) {
      const year: unknown = years[i];
      if (typeof year !== 'number') return undefined;
      key += `,${year}`;
    }
    return key;
  }
  const { cycleStart } = window;
  const length = requirement.cycleYears;
  if (typeof cycleStart !== 'string' || typeof length !== 'number') return undefined;
  return `c${length},${cycleStart}`;
}

/**
 * The last few windows asked for and their periods, compared field by field: a queue alternates
 * between a handful of windows, and comparing a few numbers is cheaper than building and
 * hashing the key. Only windows whose periods were computed fine are remembered.
 */
interface RecentWindow {
  /** Calendar years, or undefined for a cycle window. */
  readonly years: readonly number[] | undefined;
  readonly cycleStart: string | undefined;
  /** firstYear for calendar years, cycleYears for a cycle. */
  readonly number: number | undefined;
  readonly periods: readonly Period[];
}

const RECENT_SIZE = 8;
const recent: RecentWindow[] = [];
let recentNext = 0;

function matches(entry: RecentWindow, window: EducationWindow, requirement: EducationRequirement): boolean {
  if ('years' in window) {
    const remembered = entry.years;
    const { years } = window;
    if (remembered === undefined || !Array.isArray(years) || years.length !== remembered.length) return false;
    if (requirement.firstYear !== entry.number) return false;
    // `!==` cannot tell -0 from 0; neither is a valid year, so a remembered window never holds one.
    for (let i = 0; i < years.length; i++) if (years[i] !== remembered[i]) return false;
    return true;
  }
  return entry.cycleStart !== undefined && window.cycleStart === entry.cycleStart && requirement.cycleYears === entry.number;
}

function recall(window: EducationWindow, requirement: EducationRequirement): readonly Period[] | undefined {
  for (const entry of recent) if (matches(entry, window, requirement)) return entry.periods;
  return undefined;
}

function remember(window: EducationWindow, requirement: EducationRequirement, periods: readonly Period[]): void {
  const entry: RecentWindow =
    'years' in window
      ? { years: [...window.years], cycleStart: undefined, number: requirement.firstYear, periods }
      : { years: undefined, cycleStart: window.cycleStart, number: requirement.cycleYears, periods };
  recent[recentNext] = entry;
  recentNext = (recentNext + 1) % RECENT_SIZE;
}

function cachedPeriods(window: EducationWindow, requirement: EducationRequirement): Result<readonly Period[]> {
  const recalled = recall(window, requirement);
  if (recalled !== undefined) return ok(recalled);
  const key = periodKey(window, requirement);
  if (key === undefined) return periodsOf(window, requirement);
  let periods = periodCache.get(key);
  if (periods === undefined) {
    const computed = periodsOf(window, requirement);
    if (!computed.ok) return computed;
    periods = computed.value;
    if (periodCache.size >= PERIOD_CACHE_LIMIT) periodCache.clear();
    periodCache.set(key, periods);
  }
  remember(window, requirement, periods);
  return ok(periods);
}


/** Named only when a check fails: most records pass, and this runs for every one of them. */
const recordName = (index: number): string => `第 ${index + 1} 条继续教育记录`;

/** What is wrong with the record, or undefined when it can be counted. */
function checkRecord(record: EducationRecord, index: number, requirement: EducationRequirement): Result<never> | undefined {
  if (!isCanonicalDate(record.date)) {
    const date = toPlainDate(record.date);
    if (!date.ok) return fail('education.date', `${recordName(index)}：${date.error.message}`);
  }
  if (typeof record.content !== 'string' || record.content.trim() === '') {
    return fail('education.content', `${recordName(index)}：请填写学习内容。`);
  }
  if (requirement.modes !== undefined && !requirement.modes.includes(record.mode)) {
    return fail('education.mode', `${recordName(index)}：学习方式须为${requirement.modes.join('、')}之一。`);
  }
  const category = record.category ?? '';
  if (requirement.categories !== undefined && !requirement.categories.includes(category)) {
    return fail('education.category', `${recordName(index)}：科目类别须为${requirement.categories.join('、')}之一。`);
  }
  const { hours } = record;
  // Doubling is exact for any finite double, so this is a true test of "a multiple of 0.5".
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0 || !Number.isSafeInteger(hours * 2)) {
    return fail('education.hours', `${recordName(index)}：学时数须为大于 0 的整数或半学时（如 2、2.5）。`);
  }
  return undefined;
}

const hoursOf = (halves: number): number => halves / 2;

/** Map key equality (SameValueZero), which the sums per category kept before they were lists. */
const sameKey = (a: unknown, b: unknown): boolean => a === b || (a !== a && b !== b);

export function evaluateEducation(
  records: readonly EducationRecord[],
  requirement: EducationRequirement,
  window: EducationWindow,
): Result<EducationEvaluation> {
  const periodsResult = cachedPeriods(window, requirement);
  if (!periodsResult.ok) return periodsResult;
  const periods = periodsResult.value;

  // Half-hours per (period, category), in order of first appearance: flat lists rather than a
  // Map per period, since a window holds a few categories and a Map costs more than its search.
  const sumPeriod: number[] = [];
  const sumCategory: string[] = [];
  const sumHalves: number[] = [];
  let outsideWindow = 0;
  for (let index = 0; index < records.length; index++) {
    const record = records[index]!;
    const problem = checkRecord(record, index, requirement);
    if (problem !== undefined) return problem;
    const { date } = record;
    // Canonical dates order as text, so the window test is two string comparisons.
    let slot = -1;
    for (let i = 0; i < periods.length; i++) {
      const period = periods[i]!;
      if (period.from <= date && date <= period.to) {
        slot = i;
        break;
      }
    }
    if (slot < 0) {
      outsideWindow += 1;
      continue;
    }
    const given = record.category ?? '';
    const category = given === '' ? UNCATEGORISED : given;
    let entry = 0;
    while (entry < sumPeriod.length && !(sumPeriod[entry] === slot && sameKey(sumCategory[entry], category))) entry += 1;
    if (entry === sumPeriod.length) {
      sumPeriod.push(slot);
      sumCategory.push(category);
      sumHalves.push(0);
    }
    sumHalves[entry]! += record.hours * 2;
  }

  const perYear: EducationYear[] = [];
  const findings: EducationFinding[] = [];
  let windowHalves = 0;
  for (let index = 0; index < periods.length; index++) {
    const period = periods[index]!;
    let totalHalves = 0;
    const hoursByCategory: Record<string, number> = {};
    for (let entry = 0; entry < sumPeriod.length; entry++) {
      if (sumPeriod[entry] !== index) continue;
      const category = sumCategory[entry]!;
      const halves = sumHalves[entry]!;
      totalHalves += halves;
      // Assignment to '__proto__' would set the prototype; that category must stay a plain key.
      if (category === '__proto__') {
        Object.defineProperty(hoursByCategory, category, { value: hoursOf(halves), writable: true, enumerable: true, configurable: true });
      } else {
        hoursByCategory[category] = hoursOf(halves);
      }
    }
    windowHalves += totalHalves;
    const yearFindings: EducationFinding[] = [];
    if (period.checked) {
      const total = hoursOf(totalHalves);
      if (total < requirement.minHoursPerYear) {
        yearFindings.push({
          year: period.year,
          limit: YEAR_TOTAL_LIMIT,
          required: requirement.minHoursPerYear,
          actual: total,
          message: `${period.label}：继续教育共 ${total} 学时，每年不少于 ${requirement.minHoursPerYear} 学时，差 ${requirement.minHoursPerYear - total} 学时。`,
        });
      }
      for (const group of requirement.categoryLimits) {
        let groupHalves = 0;
        for (const category of group.categories) {
          for (let entry = 0; entry < sumPeriod.length; entry++) {
            if (sumPeriod[entry] === index && sameKey(sumCategory[entry], category)) groupHalves += sumHalves[entry]!;
          }
        }
        const actual = hoursOf(groupHalves);
        if (actual < group.minHours) {
          yearFindings.push({
            year: period.year,
            limit: group.limit,
            required: group.minHours,
            actual,
            message: `${period.label}：${group.label}共 ${actual} 学时，不少于 ${group.minHours} 学时，差 ${group.minHours - actual} 学时。`,
          });
        }
      }
    }
    for (const finding of yearFindings) findings.push(finding);
    // Listed rather than spread: `{ ...period, … }` costs microseconds per object in V8.
    perYear.push({
      year: period.year,
      label: period.label,
      from: period.from,
      to: period.to,
      checked: period.checked,
      total: hoursOf(totalHalves),
      byCategory: hoursByCategory,
      findings: yearFindings,
    });
  }

  const total = hoursOf(windowHalves);
  if (requirement.minHoursTotal !== undefined && total < requirement.minHoursTotal) {
    const first = periods[0];
    const last = periods[periods.length - 1];
    const span = first && last ? `${formatDateZh(first.from)}至${formatDateZh(last.to)}` : '';
    findings.push({
      limit: WINDOW_TOTAL_LIMIT,
      required: requirement.minHoursTotal,
      actual: total,
      message: `${'cycleStart' in window ? '本周期' : '核查期间'}（${span}）继续教育累计 ${total} 学时，须达到 ${requirement.minHoursTotal} 学时以上，差 ${requirement.minHoursTotal - total} 学时。`,
    });
  }

  return ok({ ok: findings.length === 0, perYear, total, findings, outsideWindow });
}
