import { describe, expect, it } from 'vitest';
import { parseLandline, parseMobile, parsePhone, parsePostalCode } from '../../../shared/rules/contact';
import { expectFail } from './expect-result';

describe('parseMobile', () => {
  it.each([
    ['plain 11 digits', '13812345678', '13812345678'],
    ['spaces in 3-4-4 groups', '138 1234 5678', '13812345678'],
    ['dashes', '138-1234-5678', '13812345678'],
    ['+86 prefix', '+8613812345678', '13812345678'],
    ['+86 prefix with space', '+86 138 1234 5678', '13812345678'],
    ['0086 prefix', '0086-13812345678', '13812345678'],
    ['(+86) in brackets', '(+86) 13812345678', '13812345678'],
    ['86 without plus, 13 digits', '8613812345678', '13812345678'],
    ['full-width digits', '１３８１２３４５６７８', '13812345678'],
    ['full-width ＋86', '＋８６ １３８１２３４５６７８', '13812345678'],
    ['spreadsheet number cell', 13812345678, '13812345678'],
    ['19x segment', '19912345678', '19912345678'],
    ['16x segment', '16612345678', '16612345678'],
  ])('%s: %s', (_name, raw, expected) => {
    expect(parseMobile(raw)).toEqual({ ok: true, value: { kind: 'mobile', number: expected } });
  });

  it.each([
    ['empty', '', 'mobile.empty'],
    ['undefined', undefined, 'mobile.empty'],
    ['10 digits', '1381234567', 'mobile.length'],
    ['12 digits', '138123456789', 'mobile.length'],
    ['second digit 2 (no 12x segment)', '12812345678', 'mobile.prefix'],
    ['second digit 0', '10812345678', 'mobile.prefix'],
    ['starts with 2', '23812345678', 'mobile.prefix'],
    ['letter inside', '138-1234-567a', 'mobile.chars'],
    ['+1 country code', '+1 4155550123', 'mobile.chars'],
  ])('%s → %s', (_name, raw, code) => {
    expectFail(parseMobile(raw), code);
  });
});

describe('parseLandline', () => {
  it.each([
    ['issue example 0991-1234567 (4-digit area, 7-digit number)', '0991-1234567', '0991', '1234567', null, '0991-1234567'],
    ['issue example (0571)87654321', '(0571)87654321', '0571', '87654321', null, '0571-87654321'],
    ['issue example 010-12345678-8001 (extension)', '010-12345678-8001', '010', '12345678', '8001', '010-12345678-8001'],
    ['full-width brackets and digits', '（０５７１）８７６５４３２１', '0571', '87654321', null, '0571-87654321'],
    ['no separator, 3-digit area 021', '02161234567', '021', '61234567', null, '021-61234567'],
    ['no separator, 4-digit area 0571', '057187654321', '0571', '87654321', null, '0571-87654321'],
    ['space separator and grouped number', '021 6123 4567', '021', '61234567', null, '021-61234567'],
    ['extension with 转', '0571-87654321转8001', '0571', '87654321', '8001', '0571-87654321-8001'],
    ['extension with ext.', '0571-87654321 ext. 12', '0571', '87654321', '12', '0571-87654321-12'],
    ['extension with #', '010-62345678#6', '010', '62345678', '6', '010-62345678-6'],
    ['+86 drops the area code 0', '+86 571 8765 4321', '0571', '87654321', null, '0571-87654321'],
    ['+86-10 Beijing', '+86-10-62345678', '010', '62345678', null, '010-62345678'],
  ])('%s', (_name, raw, areaCode, localNumber, extension, number) => {
    expect(parseLandline(raw)).toEqual({
      ok: true,
      value: { kind: 'landline', areaCode, localNumber, extension, number },
    });
  });

  it.each([
    ['empty', '', 'landline.empty'],
    ['no area code, 8 digits', '87654321', 'landline.area_code_missing'],
    ['no area code, 7 digits', '8765432', 'landline.area_code_missing'],
    ['6-digit local number', '0571-876543', 'landline.format'],
    ['9-digit local number', '0571-876543210', 'landline.format'],
    ['area code 02 + 2 digits is not in the plan (02x is 3 digits)', '0211-12345678', 'landline.format'],
    ['local number starting with 0', '0571-07654321', 'landline.format'],
    ['area code not starting with 0', '571-87654321', 'landline.format'],
    ['dash-extension of 7 digits', '010-12345678-1234567', 'landline.format'],
    ['转-extension of 7 digits', '010-12345678转1234567', 'landline.extension'],
    ['letter inside', '0571-8765432a', 'landline.chars'],
    ['mobile number given', '13812345678', 'landline.format'],
  ])('%s → %s', (_name, raw, code) => {
    expectFail(parseLandline(raw), code);
  });
});

describe('parsePhone — says which kind', () => {
  it.each([
    ['mobile', '138 1234 5678', 'mobile', '13812345678'],
    ['mobile with +86', '+86 13812345678', 'mobile', '13812345678'],
    ['mobile with 86, no plus', '8613812345678', 'mobile', '13812345678'],
    ['landline', '0991-1234567', 'landline', '0991-1234567'],
    ['landline with extension', '010-12345678-8001', 'landline', '010-12345678-8001'],
    ['landline from abroad, Beijing starts with 1 after +86', '+86 10 62345678', 'landline', '010-62345678'],
  ])('%s: %s', (_name, raw, kind, number) => {
    expect(parsePhone(raw)).toMatchObject({ ok: true, value: { kind, number } });
  });

  it.each([
    ['empty', '  ', 'phone.empty'],
    ['mobile missing a digit gets the mobile message', '1381234567', 'mobile.length'],
    ['landline without area code gets the landline message', '87654321', 'landline.area_code_missing'],
    ['bad landline', '0571-876543', 'landline.format'],
  ])('%s → %s', (_name, raw, code) => {
    expectFail(parsePhone(raw), code);
  });
});

describe('parsePostalCode — six digits, no range check', () => {
  it.each([
    ['Hangzhou', '310000', '310000'],
    ['Beijing starts with 1', '100000', '100000'],
    ['full-width digits', '３１００００', '310000'],
    ['spaces', ' 310 000 ', '310000'],
    ['999077 (香港 placeholder on mainland forms) is accepted on purpose', '999077', '999077'],
    ['number cell', 830000, '830000'],
  ])('%s', (_name, raw, expected) => {
    expect(parsePostalCode(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['empty', '', 'postal.empty'],
    ['5 digits', '31000', 'postal.length'],
    ['leading zero lost in a number cell (010000 → 10000)', 10000, 'postal.length'],
    ['7 digits', '3100001', 'postal.length'],
    ['letter', '31000A', 'postal.chars'],
    ['dash', '310-000', 'postal.chars'],
  ])('%s → %s', (_name, raw, code) => {
    expectFail(parsePostalCode(raw), code);
  });
});
