import { describe, expect, it } from 'vitest';
import { defined } from '../../../shared/rules/defined';

describe('defined: optional values spread into a record without keys holding undefined', () => {
  it.each([
    [{ reason: '材料不全', opinion: undefined, decision: '通过' }, { reason: '材料不全', decision: '通过' }],
    // An empty text, 0 and false are values: only undefined is left out.
    [{ reason: '', scores: 0, upheld: false, returnTo: undefined }, { reason: '', scores: 0, upheld: false }],
    [{ opinion: undefined }, {}],
  ])('%j → %j', (values, expected) => {
    const out = defined(values);
    expect(out).toEqual(expected);
    expect(Object.keys(out)).toEqual(Object.keys(expected));
  });
});
