/**
 * Issue 12: 性别 and 出生年月 filled from the 身份证号码 when the person's record has neither (P5).
 */
import { describe, expect, it } from 'vitest';
import { prefillFromIdNumber, prefillFromPerson } from '../../../renderer/src/features/applications/form/prefill';
import { getPack } from '../../../shared/programs';
import type { Person } from '../../../shared/model/records';

const p5 = getPack('rk-registration')!;
const base = { id: 'p', createdAt: '2026-01-05T02:00:00.000Z', createdBy: 'seed', updatedAt: '2026-01-05T02:00:00.000Z', updatedBy: 'seed' };

describe('prefillFromPerson (003 附件 登记表)', () => {
  it('a person without sex or birth date: both from the ID number (odd 17th digit: 男)', () => {
    const person = { ...base, name: '李四', idNumber: '110105198811150010' } as Person;
    expect(prefillFromPerson(p5, 'new', {}, person)).toMatchObject({ name: '李四', idNumber: '110105198811150010', sex: '男', birthMonth: '1988-11' });
  });
  it('the record wins where it has the facts; a typed value is never overwritten', () => {
    const person = { ...base, name: '李四', idNumber: '110105198811150010', sex: 'female', birthDate: '1988-10-01' } as Person;
    expect(prefillFromPerson(p5, 'new', { birthMonth: '1988-12' }, person)).toMatchObject({ sex: '女', birthMonth: '1988-12' });
  });
});

describe('prefillFromIdNumber: the 身份证号码 typed on the P5 form (003 附件 性别, 出生年月)', () => {
  it.each([
    ['odd 17th digit: 男, born 1988-11', { idNumber: '110105198811150010' }, { sex: '男', birthMonth: '1988-11' }],
    ['even 17th digit: 女, born 1980-01', { idNumber: '110105198001010024' }, { sex: '女', birthMonth: '1980-01' }],
    ['a typed 性别 and 出生年月 stay (the cross-check judges them)', { idNumber: '110105198811150010', sex: '女', birthMonth: '1990-01' }, { sex: '女', birthMonth: '1990-01' }],
    ['an unfinished number fills nothing', { idNumber: '11010519881115' }, { sex: undefined, birthMonth: undefined }],
    ['a wrong check digit fills nothing', { idNumber: '110105198811150011' }, { sex: undefined, birthMonth: undefined }],
  ])('%s', (_label, values, expected) => {
    const out = prefillFromIdNumber(p5, 'new', values);
    expect({ sex: out['sex'], birthMonth: out['birthMonth'] }).toEqual(expected);
  });
});
