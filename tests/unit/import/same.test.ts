/**
 * Importing the same file again changes nothing: rows whose application (same person, same
 * program and kind, every imported field equal) or certificate (same number, same holder) is on
 * the desk already are found, and only those. Expectations are written down by hand.
 */
import { describe, expect, it } from 'vitest';
import { readImport, rowsAlreadyOnDesk, type DeskRecords, type ParsedRow } from '../../../shared/import';
import { fixture, MESSY, specOf, TODAY } from './helpers';

const roster = specOf('zj-it-senior', 'roster');

function messyRows(): readonly ParsedRow[] {
  const read = readImport({ bytes: fixture('roster-messy.xlsx'), spec: roster, today: TODAY });
  if (!read.ok || !read.value.parsed.ok) throw new Error('unreadable');
  return read.value.parsed.value.rows;
}

describe('rows already on the desk', () => {
  const rows = messyRows();
  const zhang = rows.find((r) => r.row === 5)!;
  const qian = rows.find((r) => r.row === 10)!;

  it('nobody on the desk: nothing is the same', () => {
    expect(rowsAlreadyOnDesk(rows, roster, { people: new Map() })).toEqual([]);
  });

  it('the same application of the same person: row 5 (张三) and its duplicate row 9; 钱七 with a different employer is not the same', () => {
    const desk: DeskRecords = {
      people: new Map([
        [MESSY.ZHANG, { id: 'p-zhang' }],
        [MESSY.QIAN, { id: 'p-qian' }],
      ]),
      applicationsByPerson: new Map([
        ['p-zhang', [{ fields: { ...zhang.values, unrelated: 'kept' } }]],
        ['p-qian', [{ fields: { ...qian.values, employer: '另一家公司' } }]],
      ]),
    };
    expect(rowsAlreadyOnDesk(rows, roster, desk)).toEqual([5, 9]);
  });

  it('a person on the desk with no application of this kind: imported (linked), not the same', () => {
    const desk: DeskRecords = { people: new Map([[MESSY.ZHANG, { id: 'p-zhang' }]]), applicationsByPerson: new Map() };
    expect(rowsAlreadyOnDesk(rows, roster, desk)).toEqual([]);
  });

  it('a per-year table compares by content, whatever the order of its keys', () => {
    const assessments = zhang.values['annualAssessments'] as Record<string, unknown>[];
    expect(assessments.length).toBe(3);
    const reordered = assessments.map((a) => Object.fromEntries(Object.entries(a).reverse()));
    const desk: DeskRecords = {
      people: new Map([[MESSY.ZHANG, { id: 'p-zhang' }]]),
      applicationsByPerson: new Map([['p-zhang', [{ fields: { ...zhang.values, annualAssessments: reordered } }]]]),
    };
    expect(rowsAlreadyOnDesk([zhang], roster, desk)).toEqual([5]);
  });
});
