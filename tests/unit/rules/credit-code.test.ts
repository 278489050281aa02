import { describe, expect, it } from 'vitest';
import { expectFail } from './expect-result';
import { toFullWidth } from './full-width';
import { computeCreditCodeCheckChar, normalizeCreditCode, parseCreditCode } from '../../../shared/rules/credit-code';

/** Independent GB 32100-2015 §5.2 check: weights are 3^(i−1) mod 31, check = 31 − (Σ mod 31), 31 → 0. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function gbCheck(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + ALPHABET.indexOf(ch) * (3 ** i % 31), 0);
  const value = 31 - (sum % 31);
  return ALPHABET.charAt(value === 31 ? 0 : value);
}
const withCheck = (first17: string): string => first17 + gbCheck(first17);

const SAMPLE = '91350100M000100Y43';
/** A 社会团体 registered with 民政 (authority 5, type 1) in Hangzhou, generated with the check above. */
const ASSOCIATION = withCheck('51330100MJ8765432');

describe('computeCreditCodeCheckChar (GB 32100-2015)', () => {
  it.each([
    ['GB 32100-2015 sample 91350100M000100Y43', '91350100M000100Y4', '3'],
    ['generated association code', ASSOCIATION.slice(0, 17), ASSOCIATION.slice(17)],
    ['16 characters → null', '91350100M000100Y', null],
    ['character outside the alphabet → null', '91350100M000100I4', null],
  ])('%s', (_name, first17, expected) => {
    expect(computeCreditCodeCheckChar(first17)).toBe(expected);
  });

  it.each(
    // Every body character, including the ones that make the check come out as 0 or Y.
    Array.from({ length: 31 }, (_, i) => [`9133010000000000${ALPHABET[i]}`]),
  )('agrees with the independent helper for %s', (first17) => {
    expect(computeCreditCodeCheckChar(first17)).toBe(gbCheck(first17));
  });
});

describe('normalizeCreditCode', () => {
  it.each([
    ['trims and removes spaces', '  91350100 M000100Y43 ', SAMPLE],
    ['lower case → upper case', '91350100m000100y43', SAMPLE],
    ['full-width → half-width', toFullWidth(SAMPLE), SAMPLE],
    ['full-width lower case', toFullWidth('91350100m000100y43'), SAMPLE],
  ])('%s', (_name, raw, expected) => {
    expect(normalizeCreditCode(raw)).toBe(expected);
  });
});

describe('parseCreditCode — accepted', () => {
  it.each([
    ['GB 32100-2015 sample', SAMPLE, { registrationAuthority: '9', orgType: '1', regionCode: '350100' }],
    // Codes printed on published business licences, verified against the independent helper above.
    ['published code, region 110108', '91110108551385082Q', { registrationAuthority: '9', orgType: '1', regionCode: '110108' }],
    ['published code, region 440300, numeric check', '914403001922038216', { registrationAuthority: '9', orgType: '1', regionCode: '440300' }],
    ['published code, region 440300, letter check', '91440300708461136T', { registrationAuthority: '9', orgType: '1', regionCode: '440300' }],
    ['published code, region 330100', '91330100716105852F', { registrationAuthority: '9', orgType: '1', regionCode: '330100' }],
    ['generated 社会团体 code (民政 5, 社团 1)', ASSOCIATION, { registrationAuthority: '5', orgType: '1', regionCode: '330100' }],
  ])('%s: %s', (_name, raw, parts) => {
    expect(gbCheck(raw.slice(0, 17))).toBe(raw[17]);
    expect(parseCreditCode(raw)).toEqual({ ok: true, value: { code: raw, ...parts } });
  });

  it.each([
    ['lower case', '91350100m000100y43'],
    ['full-width', toFullWidth(SAMPLE)],
    ['spaces between groups', '9 1 350100 M000100Y4 3'],
  ])('normalises %s before checking', (_name, raw) => {
    expect(parseCreditCode(raw)).toMatchObject({ ok: true, value: { code: SAMPLE } });
  });
});

describe('parseCreditCode — rejected', () => {
  const swap = (s: string, i: number): string => s.slice(0, i) + s.charAt(i + 1) + s.charAt(i) + s.slice(i + 2);

  it.each([
    ['empty', '', 'credit.empty'],
    ['null', null, 'credit.empty'],
    ['GB 32100-2015: letter I is not used', '91350100M000100I43', 'credit.letter_not_used'],
    ['GB 32100-2015: letter O is not used', '91350100MO00100Y43', 'credit.letter_not_used'],
    ['GB 32100-2015: letter S is not used', '91350100M000100S43', 'credit.letter_not_used'],
    ['GB 32100-2015: letter V is not used', '91350100M000100V43', 'credit.letter_not_used'],
    ['GB 32100-2015: letter Z is not used', '91350100M000100Z43', 'credit.letter_not_used'],
    ['dash inside', '91350100-M000100Y43', 'credit.chars'],
    ['Chinese character inside', '91350100M000100Y4三', 'credit.chars'],
    ['17 characters', SAMPLE.slice(0, 17), 'credit.length'],
    ['19 characters', `${SAMPLE}1`, 'credit.length'],
    ['15-character old registration number', '350100400012345', 'credit.length'],
    ['letter in the region code (characters 3–8)', withCheck('9135A100M000100Y4'), 'credit.region'],
    ['check character changed', '91350100M000100Y44', 'credit.checksum'],
    ['one body character changed', '91350100M000200Y43', 'credit.checksum'],
    ['authority character changed', '51350100M000100Y43', 'credit.checksum'],
    ['two adjacent characters swapped', swap(SAMPLE, 8), 'credit.checksum'],
    ['published code with one digit mistyped', '91110108551385083Q', 'credit.checksum'],
    ['association code with last two body characters swapped', swap(ASSOCIATION, 15), 'credit.checksum'],
  ])('%s → %s', (_name, raw, code) => {
    expectFail(parseCreditCode(raw), code);
  });

  it.each([
    ['I', '91350100M000100I43', '数字1'],
    ['O', '91350100MO00100Y43', '数字0'],
    ['S', '91350100M000100S43', '数字5'],
    ['Z', '91350100M000100Z43', '数字2'],
  ])('message for letter %s suggests the digit it was mistaken for', (_letter, raw, hint) => {
    const result = parseCreditCode(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(hint);
  });
});
