/**
 * Issue 12 item 5, "search a clerk trusts": the keys a record is found by (shared/rules/search-keys).
 * Expectations written down by hand: the pinyin is the Mandarin reading (单 as a surname is shan,
 * 曾 zeng, each beside its everyday reading dan, ceng; 吕 lü written lv as on keyboards), the parts of P4-2026-3896-0003 as a clerk reads them out.
 */
import { describe, expect, it } from 'vitest';
import { getPack, PROGRAM_IDS } from '../../../shared/programs';
import {
  applicationNoKeys,
  EMPLOYER_FIELD,
  organisationNameKeys,
  personNameKeys,
  searchKeysOf,
  searchQueryKey,
} from '../../../shared/rules/search-keys';

/** Whether `typed` finds a record with these keys: one prefix read of the index. */
const finds = (keys: readonly string[], typed: string): boolean => {
  const q = searchQueryKey(typed);
  return q !== '' && keys.some((k) => k.startsWith(q));
};

describe('searchQueryKey: a query written as the keys are', () => {
  it.each([
    ['阿依古丽·买买提', '阿依古丽买买提'],
    ['阿依古丽.买买提', '阿依古丽买买提'],
    ['阿依古丽•买买提', '阿依古丽买买提'],
    ['阿依古丽・买买提', '阿依古丽买买提'],
    ['阿依古丽･买买提', '阿依古丽买买提'],
    ['阿依古丽．买买提', '阿依古丽买买提'],
    [' 阿依古丽 买买提 ', '阿依古丽买买提'],
    ['ＺＷ', 'zw'],
    ['Zhang Wei', 'zhangwei'],
    ['3896-0003', '38960003'],
    ['P4-2026-3896-0003', 'p4202638960003'],
    ['  ', ''],
  ])('%s → %s', (typed, key) => {
    expect(searchQueryKey(typed)).toBe(key);
  });
});

describe('personNameKeys', () => {
  it.each([
    ['张伟', ['张伟', 'zw', 'zhangwei']],
    ['阿依古丽·买买提', ['阿依古丽买买提', '买买提', 'aygl' + 'mmt', 'ayiguli' + 'maimaiti', 'mmt', 'maimaiti']],
    // A surname's reading and the everyday one: clerks type either.
    ['单雄信', ['单雄信', 'sxx', 'shanxiongxin', 'dxx', 'danxiongxin']],
    ['曾小贤', ['曾小贤', 'zxx', 'zengxiaoxian', 'cxx', 'cengxiaoxian']],
    ['吕小平', ['吕小平', 'lxp', 'lvxiaoping']],
    ['欧阳娜娜', ['欧阳娜娜', 'oynn', 'ouyangnana']],
    ['Aygul Mamat', ['aygulmamat', 'mamat']],
  ])('%s', (name, expected) => {
    expect(new Set(personNameKeys(name))).toEqual(new Set(expected));
  });

  it.each([
    ['买买提', true],
    ['阿依古丽.买买提', true],
    ['阿依古丽•买买提', true],
    ['阿依古丽・买买提', true],
    ['阿依古丽 买买提', true],
    ['阿依古丽买买提', true],
    ['阿依古丽·买', true],
    ['aygl', true],
    ['MMT', true],
    ['maimai', true],
    ['古丽', false],
    ['提', false],
  ])('阿依古丽·买买提 is found by %s: %s', (typed, found) => {
    expect(finds(personNameKeys('阿依古丽·买买提'), typed)).toBe(found);
  });

  it.each([
    ['zw', true],
    ['ZW', true],
    ['zhangw', true],
    ['zhang wei', true],
    ['张', true],
    ['伟', false],
    ['wz', false],
  ])('张伟 is found by %s: %s', (typed, found) => {
    expect(finds(personNameKeys('张伟'), typed)).toBe(found);
  });

  it('Latin letters in any case', () => {
    expect(finds(personNameKeys('Aygul MAMAT'), 'aygul mamat')).toBe(true);
    expect(finds(personNameKeys('Aygul MAMAT'), 'Mamat')).toBe(true);
  });

  it('an empty name has no keys', () => {
    expect(personNameKeys('')).toEqual([]);
    expect(personNameKeys(' · ')).toEqual([]);
  });
});

describe('organisationNameKeys: from any Chinese character or word on', () => {
  it.each([
    ['乌鲁木齐市第一中学', '第一中学', true],
    ['乌鲁木齐市第一中学', '乌鲁木齐', true],
    ['乌鲁木齐市第一中学', '乌鲁木齐市 第一中学', true],
    ['新疆天山丝路信息技术有限公司', '天山丝路', true],
    ['新疆天山丝路信息技术有限公司', '丝路信息', true],
    ['新疆天山丝路信息技术有限公司', '丝路软件', false],
    ['Tianshan Soft（集团）有限公司', 'soft', true],
    ['Tianshan Soft（集团）有限公司', 'SOFT集团', true],
    ['Tianshan Soft（集团）有限公司', 'shan', false],
  ])('%s is found by %s: %s', (name, typed, found) => {
    expect(finds(organisationNameKeys(name), typed)).toBe(found);
  });

  it('a single character is no key of its own', () => {
    expect(organisationNameKeys('某某厅')).toEqual(['某某厅', '某厅']);
  });
});

describe('applicationNoKeys: any part of the number', () => {
  it('P4-2026-3896-0003', () => {
    expect(applicationNoKeys('P4-2026-3896-0003')).toEqual(['p4202638960003', '202638960003', '38960003', '0003']);
  });

  it.each([
    ['3896-0003', true],
    ['0003', true],
    ['2026-3896', true],
    ['p4-2026', true],
    ['P4-2026-3896-0003', true],
    ['0004', false],
    ['896-0003', false],
  ])('found by %s: %s', (typed, found) => {
    expect(finds(applicationNoKeys('P4-2026-3896-0003'), typed)).toBe(found);
  });
});

describe('searchKeysOf: one function for every table', () => {
  it('an application: its number and the employer typed on the form', () => {
    const keys = searchKeysOf('applications', { applicationNo: 'P1-2026-3F9A-0001', fields: { [EMPLOYER_FIELD]: '克拉玛依市人民医院', phone: '13912345678' } });
    expect(keys).toContain('0001');
    expect(keys).toContain('3f9a0001');
    expect(keys).toContain('克拉玛依市人民医院');
    expect(keys).toContain('人民医院');
    expect(keys).not.toContain('13912345678');
    expect([...keys].sort()).toEqual(keys);
  });

  it('an application without an employer: its number only', () => {
    expect(searchKeysOf('applications', { applicationNo: 'P5-2026-0A0B-0012', fields: {} })).toEqual(['0012', '0a0b0012', '20260a0b0012', 'p520260a0b0012']);
  });

  it('a person and an organisation: their names', () => {
    expect(searchKeysOf('people', { name: '张伟', idNumber: '650102199001010022' })).toEqual(['zhangwei', 'zw', '张伟']);
    expect(searchKeysOf('organisations', { name: '某某厅', creditCode: '91650102MA77XXXX0X' })).toEqual(['某厅', '某某厅']);
  });

  it('every program whose applicant is a person names its employer field `employer`', () => {
    for (const id of PROGRAM_IDS) {
      const pack = getPack(id)!;
      if (pack.applicantKind !== 'person') continue;
      expect(pack.fields.map((f) => f.id), id).toContain(EMPLOYER_FIELD);
    }
  });
});
