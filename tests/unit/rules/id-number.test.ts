import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectFail } from './expect-result';
import { toFullWidth } from './full-width';
import { computeIdCheckChar, normalizeIdNumber, parseIdNumber, upgradeIdNumber15 } from '../../../shared/rules/id-number';

const TODAY = '2025-06-01';

/** Independent ISO 7064 MOD 11-2 (GB 11643-1999 §5.2): check = (12 − Σ aᵢ·2^(17−i) mod 11) mod 11, 10 → X. */
function gbCheck(first17: string): string {
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * (2 ** (17 - i) % 11), 0);
  const value = (12 - (sum % 11)) % 11;
  return value === 10 ? 'X' : String(value);
}
const withCheck = (first17: string): string => first17 + gbCheck(first17);

/** First sequence code under a given address + birth date whose check character is X. */
function idEndingInX(prefix14: string): string {
  for (let seq = 0; seq < 1000; seq++) {
    const first17 = prefix14 + String(seq).padStart(3, '0');
    if (gbCheck(first17) === 'X') return first17 + 'X';
  }
  throw new Error('no X check character found');
}

const BEIJING_1990 = withCheck('11010519900307123'); // sequence 123: odd → male
const LEAP_2000 = withCheck('44030520000229246'); // 2000 is a leap year (divisible by 400)
const WITH_X = idEndingInX('33010619851120');
const WITH_X_SEX = Number(WITH_X[16]) % 2 === 1 ? 'male' : 'female';

/** What Excel leaves of BEIJING_1990: 15 significant digits, then zeros. */
const PRECISION_LOST = `${BEIJING_1990.slice(0, 15)}000`;

describe('normalizeIdNumber', () => {
  it.each([
    ['trims and removes inner spaces', ' 110105 19900307 1234 ', '110105199003071234'],
    ['full-width digits ０-９ → ASCII', '１１０１０５１９９００３０７１２３４', '110105199003071234'],
    ['full-width Ｘ → X', '11010519491231002Ｘ', '11010519491231002X'],
    ['full-width ｘ → X', '11010519491231002ｘ', '11010519491231002X'],
    ['lower-case x → X', '11010519491231002x', '11010519491231002X'],
    ['ideographic space U+3000 removed', '110105\u300019491231002X', '11010519491231002X'],
    ['zero-width space from copy-paste removed', '110105\u200B19491231002X', '11010519491231002X'],
  ])('%s', (_name, raw, expected) => {
    expect(normalizeIdNumber(raw)).toBe(expected);
  });
});

describe('computeIdCheckChar (ISO 7064 MOD 11-2, GB 11643-1999 §5.2)', () => {
  it.each([
    ['GB 11643-1999 Appendix example 11010519491231002X', '11010519491231002', 'X'],
    ['GB 11643-1999 Appendix example 440524188001010014', '44052418800101001', '4'],
    ['generated Beijing 1990', BEIJING_1990.slice(0, 17), BEIJING_1990.slice(17)],
    ['not 17 digits → null', '1101051949123100', null],
    ['non-digit → null', '1101051949123100A', null],
  ])('%s', (_name, first17, expected) => {
    expect(computeIdCheckChar(first17)).toBe(expected);
  });
});

describe('parseIdNumber — accepted', () => {
  it.each([
    ['GB 11643-1999 Appendix example (X check character, even sequence → female)', '11010519491231002X', { idNumber: '11010519491231002X', birthDate: '1949-12-31', sex: 'female', provinceCode: '11', provinceName: '北京' }],
    ['generated number, odd 17th digit → male', BEIJING_1990, { idNumber: BEIJING_1990, birthDate: '1990-03-07', sex: 'male', provinceCode: '11', provinceName: '北京' }],
    ['issue: 18 digits typed in full-width are accepted after normalisation', toFullWidth(BEIJING_1990), { idNumber: BEIJING_1990, birthDate: '1990-03-07', sex: 'male', provinceCode: '11', provinceName: '北京' }],
    ['issue: lower-case x check character', WITH_X.toLowerCase(), { idNumber: WITH_X, birthDate: '1985-11-20', sex: WITH_X_SEX, provinceCode: '33', provinceName: '浙江' }],
    ['issue: leap day 2000-02-29 is a real date (2000 divisible by 400)', LEAP_2000, { idNumber: LEAP_2000, birthDate: '2000-02-29', sex: 'female', provinceCode: '44', provinceName: '广东' }],
    ['spaces between groups', `${BEIJING_1990.slice(0, 6)} ${BEIJING_1990.slice(6, 14)} ${BEIJING_1990.slice(14)}`, { idNumber: BEIJING_1990, birthDate: '1990-03-07', sex: 'male', provinceCode: '11', provinceName: '北京' }],
    ['born today (newborn registered the same day)', withCheck('31011520250601011'), { idNumber: withCheck('31011520250601011'), birthDate: '2025-06-01', sex: 'male', provinceCode: '31', provinceName: '上海' }],
    ['earliest accepted birth date 1900-01-01', withCheck('65010219000101002'), { idNumber: withCheck('65010219000101002'), birthDate: '1900-01-01', sex: 'female', provinceCode: '65', provinceName: '新疆' }],
    ['Hong Kong residence permit prefix 81 (810000)', withCheck('81000019800101005'), { idNumber: withCheck('81000019800101005'), birthDate: '1980-01-01', sex: 'male', provinceCode: '81', provinceName: '香港' }],
    ['Taiwan residence permit prefix 83 (830000)', withCheck('83000019800101006'), { idNumber: withCheck('83000019800101006'), birthDate: '1980-01-01', sex: 'female', provinceCode: '83', provinceName: '台湾（居住证）' }],
  ])('%s', (_name, raw, expected) => {
    expect(parseIdNumber(raw, { today: TODAY })).toEqual({ ok: true, value: expected });
  });

  it('check-digit helper found a number ending in X', () => {
    expect(WITH_X.endsWith('X')).toBe(true);
  });
});

describe('parseIdNumber — rejected', () => {
  it.each([
    ['empty string', '', 'id.empty'],
    ['only spaces', '   ', 'id.empty'],
    ['null from an empty spreadsheet cell', null, 'id.empty'],
    ['undefined', undefined, 'id.empty'],
    ['issue: Excel scientific notation 1.10105E+17', '1.10105E+17', 'id.spreadsheet_scientific'],
    ['issue: Excel scientific notation 1.10105199003078E+17', '1.10105199003078E+17', 'id.spreadsheet_scientific'],
    ['scientific notation, lower-case e, no plus', '1.10105e17', 'id.spreadsheet_scientific'],
    ['scientific notation, comma decimal (European locale)', '1,10105E+17', 'id.spreadsheet_scientific'],
    ['issue: precision lost — 15 significant digits then 000', PRECISION_LOST, 'id.spreadsheet_precision'],
    ['precision lost — cell read as a number', Number(BEIJING_1990), 'id.spreadsheet_precision'],
    ['issue: 15-digit first-generation number', '110105900307123', 'id.legacy_15'],
    ['15 digits with an X', '11010590030712X', 'id.x_position'],
    ['17 digits', BEIJING_1990.slice(0, 17), 'id.length'],
    ['19 digits', `${BEIJING_1990}1`, 'id.length'],
    ['letter other than X', `${BEIJING_1990.slice(0, 17)}A`, 'id.chars'],
    ['dash inside', `${BEIJING_1990.slice(0, 6)}-${BEIJING_1990.slice(6)}`, 'id.chars'],
    ['X not in last position', `${BEIJING_1990.slice(0, 10)}X${BEIJING_1990.slice(11)}`, 'id.x_position'],
    ['GB/T 2260: 00 is not a province code', withCheck('00010519900307123'), 'id.province'],
    ['GB/T 2260: 99 is not a province code', withCheck('99010519900307123'), 'id.province'],
    ['GB/T 2260: 24 is not a province code', withCheck('24010519900307123'), 'id.province'],
    ['issue: 1900-02-29 does not exist (1900 not divisible by 400)', withCheck('11010519000229123'), 'id.birth_date'],
    ['2023-02-29 does not exist', withCheck('11010520230229123'), 'id.birth_date'],
    ['month 13', withCheck('11010519901301123'), 'id.birth_date'],
    ['day 00', withCheck('11010519900300123'), 'id.birth_date'],
    ['April 31', withCheck('11010519900431123'), 'id.birth_date'],
    ['issue: future birth date (tomorrow)', withCheck('11010520250602123'), 'id.birth_future'],
    ['future birth date (next century)', withCheck('11010521000101123'), 'id.birth_future'],
    ['GB 11643-1999 Appendix example born 1880 — before our 1900 floor', '440524188001010014', 'id.birth_too_early'],
    ['checksum: last character changed', BEIJING_1990.slice(0, 17) + (BEIJING_1990[17] === '1' ? '2' : '1'), 'id.checksum'],
    ['checksum: two sequence digits swapped', `${BEIJING_1990.slice(0, 14)}213${BEIJING_1990[17]}`, 'id.checksum'],
  ])('%s → %s', (_name, raw, code) => {
    expectFail(parseIdNumber(raw, { today: TODAY }), code);
  });

  it('precision-lost fixture really fails its check digit', () => {
    expect(gbCheck(PRECISION_LOST.slice(0, 17))).not.toBe('0');
  });

  it('an 18-digit number that ends in 000 with a correct check digit is accepted', () => {
    const candidates = Array.from({ length: 280 }, (_, i) => {
      const day = String(1 + Math.floor(i / 10)).padStart(2, '0');
      return `110105199003${day}${i % 10}00`;
    });
    const first17 = candidates.find((f) => gbCheck(f) === '0');
    expect(first17).toBeDefined();
    expect(parseIdNumber(`${first17}0`, { today: TODAY }).ok).toBe(true);
  });

  it.each([
    ['id.legacy_15', '110105900307123', ['15位旧身份证号码不能用于新登记', '18位']],
    ['id.spreadsheet_scientific', '1.10105E+17', ['文本', '科学计数法']],
    ['id.spreadsheet_precision', PRECISION_LOST, ['文本', '000']],
    ['id.length', '1101051990', ['18位', '10位']],
    ['id.chars', '11010519900307123A', ['"A"']],
  ])('message for %s tells the clerk what to do', (_code, raw, fragments) => {
    const result = parseIdNumber(raw, { today: TODAY });
    expect(result.ok).toBe(false);
    if (!result.ok) for (const fragment of fragments) expect(result.error.message).toContain(fragment);
  });

  it.each([['not a date', 'today'], ['impossible date', '2025-02-30'], ['wrong format', '2025/06/01']])(
    'invalid `today` (%s) is reported, not thrown',
    (_name, today) => {
      const result = parseIdNumber(BEIJING_1990, { today });
      expect(result).toMatchObject({ ok: false, error: { code: 'id.today_invalid' } });
    },
  );
});

describe('15-digit first-generation numbers (GB 11643-1999 replaces GB 11643-1989)', () => {
  it.each([
    ['Beijing 1990-03-07', '110105900307123', withCheck('11010519900307123')],
    ['full-width input', '１１０１０５９００３０７１２３', withCheck('11010519900307123')],
    ['sequence 002 (female)', '110105491231002', '11010519491231002X'],
  ])('upgradeIdNumber15: %s', (_name, raw, expected) => {
    expect(upgradeIdNumber15(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['18 digits', BEIJING_1990],
    ['14 digits', '11010590030712'],
    ['letter inside', '11010590030712X'],
    ['empty', ''],
  ])('upgradeIdNumber15 rejects %s', (_name, raw) => {
    expect(upgradeIdNumber15(raw)).toMatchObject({ ok: false, error: { code: 'id.upgrade_format' } });
  });

  it.each([
    ['upgraded and parsed when allow15 is set', '110105900307123', { ok: true, value: { idNumber: withCheck('11010519900307123'), birthDate: '1990-03-07', sex: 'male' } }],
    ['impossible date still rejected after upgrade', '110105900230123', { ok: false, error: { code: 'id.birth_date' } }],
  ])('parseIdNumber allow15: %s', (_name, raw, expected) => {
    expect(parseIdNumber(raw, { today: TODAY, allow15: true })).toMatchObject(expected);
  });
});

// A cleanly typed 18-character number takes a short path (no rewriting, no pattern matching);
// it must answer exactly as the full path does for the same number typed untidily.
describe('the short path for cleanly typed numbers', () => {
  const digitsArb = fc
    .tuple(
      fc.constantFrom('11', '33', '44', '65', '83', '99', '00'),
      fc.stringMatching(/^[0-9]{4}$/),
      fc.integer({ min: 1880, max: 2030 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.stringMatching(/^[0-9]{3}$/),
    )
    .map(([province, area, y, m, d, seq]) => `${province}${area}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`);
  const numberArb = fc.tuple(digitsArb, fc.constantFrom('right', '0', '5', 'X')).map(([first17, last]) =>
    last === 'right' ? first17 + computeIdCheckChar(first17)! : first17 + last,
  );
  const untidy = (n: string): string =>
    ` ${n.slice(0, 6)} ${n.slice(6, 14)}\u3000${n.slice(14)}`.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) + '\u200B';

  it('gives the same result as the number typed with spaces and full-width digits (property)', () => {
    fc.assert(
      fc.property(numberArb, fc.constantFrom('2026-11-22', '1990-03-07', '2000-02-29'), (n, today) => {
        const clean = parseIdNumber(n, { today });
        expect(parseIdNumber(untidy(n), { today })).toEqual(clean);
        expect(parseIdNumber(n.toLowerCase(), { today })).toEqual(clean);
        if (clean.ok) expect(clean.value.birthDate).toBe(`${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('still refuses an invalid "today"', () => {
    for (const today of ['2026-02-30', '2026/11/22', '']) {
      expect(parseIdNumber('110105194910010015', { today })).toMatchObject({ ok: false, error: { code: 'id.today_invalid' } });
    }
  });
});
