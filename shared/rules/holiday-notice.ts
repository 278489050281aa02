/**
 * Reading a year's working-day calendar from the text an office actually has: the State
 * Council's notice (国务院办公厅关于YYYY年部分节假日安排的通知), pasted as published, e.g.
 *
 *   二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
 *   2月14日（周六）、2月28日（周六）上班。
 *
 * Each numbered item names a holiday, the days off (a range or one day) and the weekends worked.
 * The weekday in brackets is checked against the date, so a mistyped day is caught rather than
 * counted. The result is validated like any other calendar year (work-calendar.ts).
 *
 * Also here: grouping a year's days back into holiday periods for display and editing, and the
 * warning shown from 1 November when next year's arrangement has not been entered.
 */
import { daysFromCivil, isoFromDayNumber, toDayNumber, weekdayOfDayNumber, type IsoDate } from './civil-date';
import { fail, ok, type Result } from './result';
import { parseWorkCalendarYear, type CalendarDay, type WorkCalendar, type WorkCalendarYear } from './work-calendar';

const NUMERAL_ITEM = /(?:^|\n|。)\s*[一二三四五六七八九十]+\s*[、.．]\s*/;
const WEEKDAYS = '一二三四五六日';
/** The days of the week as a sentence names them (周一 … 周日), Monday first. */
const WEEKDAY_NAMES = [...WEEKDAYS].map((c) => `周${c}`);

/** 周三 / 星期三 / 周日 / 星期天 → 1…7 (Monday = 1), or undefined when the bracket names none. */
function weekdayIn(bracket: string): number | undefined {
  const m = /(?:周|星期)([一二三四五六日天])/.exec(bracket);
  if (!m) return undefined;
  const c = m[1] === '天' ? '日' : m[1]!;
  return WEEKDAYS.indexOf(c) + 1;
}

interface DateMention {
  readonly year: number | undefined;
  readonly month: number | undefined;
  readonly day: number;
  readonly weekday: number | undefined;
  readonly end: number;
}

/** `M月D日（…）` or, after 至, `D日（…）`; the bracket is optional. */
const DATE_AT = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日\s*(?:[（(]([^）)]*)[）)])?/y;

function dateAt(text: string, index: number): DateMention | undefined {
  DATE_AT.lastIndex = index;
  const m = DATE_AT.exec(text);
  if (!m) return undefined;
  return {
    year: m[1] === undefined ? undefined : Number(m[1]),
    month: m[2] === undefined ? undefined : Number(m[2]),
    day: Number(m[3]),
    weekday: m[4] === undefined ? undefined : weekdayIn(m[4]),
    end: DATE_AT.lastIndex,
  };
}

/** Every date mentioned in a sentence, a bare `D日` taking the month before it. */
function datesIn(sentence: string): { mentions: DateMention[]; ranges: Array<[number, number]> } {
  const mentions: DateMention[] = [];
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < sentence.length; ) {
    const found = /\d/.exec(sentence.slice(i));
    if (!found) break;
    const at = i + found.index;
    const mention = dateAt(sentence, at);
    if (!mention || (mention.month === undefined && mentions.length === 0)) {
      i = at + 1;
      while (i < sentence.length && /\d/.test(sentence[i]!)) i += 1;
      continue;
    }
    const previous = mentions[mentions.length - 1];
    const month = mention.month ?? previous!.month;
    const year = mention.year ?? (mention.month === undefined ? previous?.year : undefined);
    mentions.push({ ...mention, month, year });
    const rest = sentence.slice(mention.end);
    if (/^\s*(?:至|到|—|－|-|~|～)\s*/.test(rest) && mentions.length > 0) {
      ranges.push([mentions.length - 1, mentions.length]);
    }
    i = mention.end;
  }
  return { mentions, ranges: ranges.filter(([, to]) => to < mentions.length) };
}

function isoOf(noticeYear: number, m: DateMention, where: string): Result<{ iso: IsoDate; dayNumber: number }> {
  const month = m.month!;
  const year = m.year ?? noticeYear;
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(m.day).padStart(2, '0')}`;
  const d = toDayNumber(iso);
  if (!d.ok) return fail('notice.date', `${where}中的日期“${month}月${m.day}日”不存在。`);
  if (m.weekday !== undefined && weekdayOfDayNumber(d.value) !== m.weekday) {
    const actual = WEEKDAY_NAMES[weekdayOfDayNumber(d.value) - 1];
    return fail(
      'notice.weekday',
      `${where}中“${month}月${m.day}日”注明为${WEEKDAY_NAMES[m.weekday - 1]}，但${year}年${month}月${m.day}日是${actual}，请核对年份和日期。`,
    );
  }
  return ok({ iso, dayNumber: d.value });
}

/**
 * Reads the notice's items into one year of calendar data. Items without 放假 or 上班 (the
 * preamble, the closing paragraph) are skipped; an item that names a holiday but no date is an
 * error, as is anything the calendar's own validation refuses.
 */
export function parseHolidayNotice(year: number, text: string, source?: string): Result<WorkCalendarYear> {
  if (!Number.isInteger(year)) return fail('notice.year', '请先选择年份。');
  const items = text.replace(/\r/g, '').split(NUMERAL_ITEM).slice(1);
  const holidays: CalendarDay[] = [];
  const adjustedWorkdays: CalendarDay[] = [];
  for (const raw of items) {
    const colon = raw.search(/[：:]/);
    if (colon < 0) continue;
    const name = raw.slice(0, colon).replace(/\s+/g, '');
    const body = raw.slice(colon + 1);
    if (!/放假|上班/.test(body) || name === '' || name.length > 20) continue;
    const where = `“${name}”一项`;
    let offDays = 0;
    for (const sentence of body.split(/[。；;\n]/)) {
      const off = /放假/.test(sentence);
      const work = /上班/.test(sentence);
      if (!off && !work) continue;
      const { mentions, ranges } = datesIn(sentence);
      if (off) {
        const inRange = new Set<number>();
        for (const [from, to] of ranges) {
          const a = isoOf(year, mentions[from]!, where);
          if (!a.ok) return a;
          const b = isoOf(year, mentions[to]!, where);
          if (!b.ok) return b;
          if (b.value.dayNumber < a.value.dayNumber) return fail('notice.range', `${where}的放假起止日期颠倒了。`);
          // 元旦 may start in December of the year before (2022年12月31日至2023年1月2日): those days
          // belong to that year's calendar.
          for (let d = a.value.dayNumber; d <= b.value.dayNumber; d += 1) {
            const iso = isoFromDayNumber(d);
            if (iso.startsWith(`${year}-`)) holidays.push({ date: iso, name });
          }
          offDays += b.value.dayNumber - a.value.dayNumber + 1;
          inRange.add(from).add(to);
        }
        for (let i = 0; i < mentions.length; i += 1) {
          if (inRange.has(i)) continue;
          const single = isoOf(year, mentions[i]!, where);
          if (!single.ok) return single;
          if (single.value.iso.startsWith(`${year}-`)) holidays.push({ date: single.value.iso, name });
          offDays += 1;
        }
      } else {
        for (const m of mentions) {
          const day = isoOf(year, m, where);
          if (!day.ok) return day;
          if (day.value.iso.startsWith(`${year}-`)) adjustedWorkdays.push({ date: day.value.iso, name: `${name}调休上班` });
        }
      }
    }
    if (offDays === 0) return fail('notice.no-days', `${where}没有读到放假日期，请检查格式，例如“1月1日（周四）至3日（周六）放假调休，共3天”。`);
  }
  if (holidays.length === 0) {
    return fail('notice.empty', '没有读到任何放假安排。请粘贴通知正文中“一、元旦：……”起的各项。');
  }
  return parseWorkCalendarYear({ year, holidays, adjustedWorkdays, ...(source ? { source } : {}) });
}

/** A run of consecutive days off with one name, as the notice states it. */
export interface HolidayPeriod {
  readonly name: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly days: number;
  /** The weekends worked for this holiday (名称 + 调休上班). */
  readonly workdays: readonly IsoDate[];
}

/** Groups a year's days off back into periods, each with the weekends worked for it. */
export function holidayPeriods(year: WorkCalendarYear): HolidayPeriod[] {
  const periods: Array<{ name: string; from: IsoDate; to: IsoDate; last: number; days: number }> = [];
  const sorted = [...year.holidays].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const day of sorted) {
    const d = toDayNumber(day.date);
    if (!d.ok) continue;
    const open = periods[periods.length - 1];
    if (open && open.name === day.name && open.last === d.value - 1) {
      open.to = day.date;
      open.last = d.value;
      open.days += 1;
    } else periods.push({ name: day.name, from: day.date, to: day.date, last: d.value, days: 1 });
  }
  return periods.map(({ name, from, to, days }) => ({
    name,
    from,
    to,
    days,
    workdays: year.adjustedWorkdays.filter((w) => w.name === `${name}调休上班`).map((w) => w.date),
  }));
}

/** What the app warns about the calendar today, if anything. */
export interface CalendarWarning {
  readonly year: number;
  /** 'current': this year is missing (deadlines are provisional now); 'next': from 1 November, next year. */
  readonly kind: 'current' | 'next';
  readonly message: string;
}

/**
 * The State Council publishes next year's arrangement in October or November; from 1 November
 * the app reminds the office to enter it, and insists once the year has begun without it.
 */
export function calendarWarning(today: IsoDate, cal: WorkCalendar): CalendarWarning | undefined {
  const d = toDayNumber(today);
  if (!d.ok) return undefined;
  const year = Number(today.slice(0, 4));
  if (!cal.years.has(year)) {
    return {
      year,
      kind: 'current',
      message: `尚未录入${year}年工作日历：涉及${year}年的工作日期限暂按周末计算（标注“暂定”），公示期满等需要准确日期的操作暂不能办理。请管理员在“工作日历”中录入。`,
    };
  }
  if (d.value >= daysFromCivil(year, 11, 1) && !cal.years.has(year + 1)) {
    return {
      year: year + 1,
      kind: 'next',
      message: `尚未录入${year + 1}年工作日历：跨入${year + 1}年的工作日期限暂按周末计算（标注“暂定”）。国务院办公厅公布${year + 1}年节假日安排后，请管理员在“工作日历”中录入。`,
    };
  }
  return undefined;
}

/** One holiday as the 工作日历 editor holds it: a name, its days off and the weekends worked. */
export interface PeriodInput {
  readonly name: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly workdays: readonly IsoDate[];
}

/** The editor's rows as one year of calendar data, validated like any other year. */
export function calendarYearFromPeriods(year: number, periods: readonly PeriodInput[], source?: string): Result<WorkCalendarYear> {
  const holidays: CalendarDay[] = [];
  const adjustedWorkdays: CalendarDay[] = [];
  for (const [i, p] of periods.entries()) {
    const name = p.name.trim();
    if (name === '') return fail('calendar.period-name', `第${i + 1}项：请填写节日名称。`);
    const a = toDayNumber(p.from);
    if (!a.ok) return fail(a.error.code, `第${i + 1}项“${name}”的放假起始日期：${a.error.message}`);
    const b = toDayNumber(p.to);
    if (!b.ok) return fail(b.error.code, `第${i + 1}项“${name}”的放假截止日期：${b.error.message}`);
    if (b.value < a.value) return fail('notice.range', `第${i + 1}项“${name}”的放假起止日期颠倒了。`);
    for (let d = a.value; d <= b.value; d += 1) holidays.push({ date: isoFromDayNumber(d), name });
    for (const w of p.workdays) adjustedWorkdays.push({ date: w, name: `${name}调休上班` });
  }
  return parseWorkCalendarYear({ year, holidays, adjustedWorkdays, ...(source === undefined || source.trim() === '' ? {} : { source: source.trim() }) });
}
