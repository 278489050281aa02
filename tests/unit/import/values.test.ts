/**
 * One cell through its column's rule, as the importer reads it: table tests with the cell as the
 * file holds it (text, a number, a date-formatted serial, a number with fixed decimals) and the
 * value stored or the error code.
 */
import { describe, expect, it } from 'vitest';
import type { Cell, ImportColumnSpec } from '../../../shared/import';
import { cleanName, matchCatalogue, readCell } from '../../../shared/import/values';
import { excelSerialDate } from '../../../shared/rules/civil-date';
import { specOf, TODAY } from './helpers';

const roster = specOf('zj-it-senior', 'roster');
const column = (key: string): ImportColumnSpec => {
  const c = roster.columns.find((x) => x.key === key);
  if (c === undefined) throw new Error(key);
  return c;
};
const date = (serial: number, date1904 = false): Cell => ({ kind: 'date', serial, date1904 });

function read(key: string | ImportColumnSpec, cell: Cell): unknown {
  const r = readCell(typeof key === 'string' ? column(key) : key, cell, { today: TODAY });
  if (!r.ok) return `error:${r.error.code}`;
  return r.value === undefined ? undefined : r.value.warning ? [r.value.value, r.value.warning.code] : r.value.value;
}

describe('excelSerialDate: the day serials Excel, WPS and LibreOffice store dates as', () => {
  it.each([
    [1, false, '1900-01-01'],
    [59, false, '1900-02-28'],
    // Day 60 is the 29 February 1900 that Lotus 1-2-3 invented and Excel kept: it does not exist.
    [60, false, 'error:date.invalid'],
    [61, false, '1900-03-01'],
    [28_870, false, '1979-01-15'],
    [28_870.75, false, '1979-01-15'], // a time of day is dropped
    [43_738, false, '2019-09-30'],
    [0, true, '1904-01-01'],
    [17_000, true, '1950-07-18'],
    [0, false, 'error:date.out-of-range'], // 1899-12-31: before any date a form accepts
    [-1, false, 'error:date.serial'],
    [Number.NaN, false, 'error:date.serial'],
  ])('%s (1904 system: %s) → %s', (serial, date1904, expected) => {
    const r = excelSerialDate(serial, date1904);
    expect(r.ok ? r.value : `error:${r.error.code}`).toBe(expected);
  });
});

describe('身份证号 cells (GB 11643-1999 through parseIdNumber)', () => {
  it.each<[string, Cell, unknown]>([
    ['text', '330106197901150017', '330106197901150017'],
    ['full-width digits', '３３０１０６１９７９０１１５００１７', '330106197901150017'],
    ['spaces in groups', ' 330106 19790115 0017 ', '330106197901150017'],
    ['a lower-case x', '31010419830517001x', '31010419830517001X'],
    ['an apostrophe typed to keep it text', "'330106197901150017", '330106197901150017'],
    ['a number cell: the last digits are gone', 330106197901150000, 'error:id.spreadsheet_precision'],
    ['scientific notation as text', '3.30106E+17', 'error:id.spreadsheet_scientific'],
    ['a wrong check digit', '330106197901150018', 'error:id.checksum'],
    ['15 digits (old card)', '330106790115001', 'error:id.legacy_15'],
  ])('%s', (_, cell, expected) => {
    expect(read('idNumber', cell)).toBe(expected);
  });
});

describe('出生年月, 取得时间, 聘任时间 (002 附件4 四 7: ××××年××月)', () => {
  it.each<[string, Cell, unknown]>([
    ['YYYY年MM月', '1979年01月', '1979-01'],
    ['YYYY年M月', '1979年1月', '1979-01'],
    ['1979.01 as text', '1979.01', '1979-01'],
    ['1979.1 as text: January, as written', '1979.1', '1979-01'],
    ['2010/7', '2010/7', '2010-07'],
    ['197901', '197901', '1979-01'],
    ['a full date', '1979-01-15', '1979-01'],
    ['full-width', '１９７９年０１月', '1979-01'],
    ['a date-formatted serial', date(28_870), '1979-01'],
    ['1979.01 typed into a number cell', 1979.01, '1979-01'],
    ['1979.12 in a number cell', 1979.12, '1979-12'],
    ['1979.10 in a number cell is stored 1979.1: January or October?', 1979.1, 'error:import.year-month-ambiguous'],
    ['… unless its format shows two decimals', { kind: 'shown', value: 1979.1, text: '1979.10' }, '1979-10'],
    ['a plain number in the serial range: read as a date, with a warning', 28_870, ['1979-01', 'import.date-serial']],
    ['a year alone', '1979', 'error:year-month.format'],
    ['month 13', '1979年13月', 'error:year-month.invalid'],
    ['a formula saved without its value', { kind: 'formula-no-value', formula: 'DATE(1979,1,1)' }, 'error:import.formula-no-value'],
    ['blank', '  ', undefined],
  ])('%s', (_, cell, expected) => {
    expect(read('birthMonth', cell)).toEqual(expected);
  });
});

describe('names, text and options', () => {
  it.each([
    ['张\u3000三', '张三'],
    ['张  三', '张三'],
    [' 欧阳 修文 ', '欧阳修文'],
    ['买买提 · 艾力', '买买提·艾力'],
    ['John   Smith', 'John Smith'],
    ['李\u200b四', '李四'],
  ])('name %j → %j', (raw, expected) => {
    expect(cleanName(raw)).toBe(expected);
    expect(read('name', raw)).toBe(expected);
  });

  it('a name of 51 characters is too long for the person record', () => {
    expect(read('name', '张'.repeat(51))).toBe('error:import.too-long');
  });

  it.each<[string, Cell, unknown]>([
    ['an option as written', '国有企业', '国有企业'],
    ['with stray spaces and full-width brackets', ' 国有 企业 ', '国有企业'],
    ['the seed’s other spelling (002 附件4 四 3 writes 其他类 too)', '其他类企业', '其它类企业'],
    ['not an option', '民营企业', 'error:import.enum'],
  ])('单位性质: %s', (_, cell, expected) => {
    expect(read('unitNature', cell)).toBe(expected);
  });

  it.each<[Cell, unknown]>([
    ['男', '男'],
    ['女性', '女'],
    ['M', '男'],
    ['未知', 'error:import.sex'],
  ])('性别 %j', (cell, expected) => {
    expect(read('sex', cell)).toBe(expected);
  });

  it.each<[Cell, unknown]>([
    [15, 15],
    ['15', 15],
    ['１５年', 15],
    ['十五', 'error:import.number'],
    [-1, 'error:import.number'], // the pack's min 0
  ])('专业工作年限 %j', (cell, expected) => {
    expect(read('engineeringWorkYears', cell)).toBe(expected);
  });

  it('a long number in a text column lost its tail: refused, not stored rounded', () => {
    const certificateNo = specOf('rk-registration', 'talent-register').columns.find((c) => c.key === 'certificateNo')!;
    expect(read(certificateNo, 1231000500566)).toBe('1231000500566');
    expect(read(certificateNo, 12310005005661234)).toBe('error:import.number-as-text');
  });

  it('是/否 columns', () => {
    const lead = specOf('zj-it-senior', 'applicants').columns.find((c) => c.key === 'isUnitTechnicalLead')!;
    expect([read(lead, '是'), read(lead, '否'), read(lead, '√'), read(lead, true), read(lead, '也许')]).toEqual([true, false, true, true, 'error:import.boolean']);
  });

  it('the 001 certificate catalogue matched by name, spaces and the issuer in brackets ignored', () => {
    const names = ['CCNA 网络支持工程师（Cisco 认证）', '系统集成项目管理工程师', '信息系统项目管理师'];
    expect(matchCatalogue(names, 'CCNA网络支持工程师')).toBe('CCNA 网络支持工程师（Cisco 认证）');
    expect(matchCatalogue(names, 'ccna 网络支持工程师(Cisco认证)')).toBe('CCNA 网络支持工程师（Cisco 认证）');
    expect(matchCatalogue(names, '系统集成项目管理工程师')).toBe('系统集成项目管理工程师');
    expect(matchCatalogue(names, '项目管理师')).toBeUndefined();
  });
});
