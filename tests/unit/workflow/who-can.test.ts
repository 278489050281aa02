/**
 * Issue 12: a screen that offers nothing says which role can act — read from the definition.
 */
import { describe, expect, it } from 'vitest';
import { getPack } from '../../../shared/programs';
import { rolesThatCanAct } from '../../../shared/workflow/who-can';

const p4 = getPack('zj-it-senior')!.workflows.new!;

describe('rolesThatCanAct (P4 new)', () => {
  it.each([
    // 收件后: the clerk passes or returns, the admin finds fraud (002 五).
    ['received', ['admin', 'clerk']],
    // 高评委评审: the signed result is recorded by the panel or the office.
    ['qualified', []],
  ])('%s → %j', (state, roles) => {
    expect(rolesThatCanAct(p4, state)).toEqual(roles);
  });
});
