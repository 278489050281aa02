/**
 * Issue 12: search a clerk trusts — a transliterated name found whichever of the five separators
 * was typed (or none), a part of an application number found, still through the indexes.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationNoVariants, nameQueryVariants } from '../../../shared/rules/search-variants';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { searchApplications, searchPeople } from '../../../renderer/src/features/applications/search';
import { programId as pid, stateId as sid } from '../typed-ids';

describe('nameQueryVariants', () => {
  it('a separator typed any way is read each way the records hold it', () => {
    expect(nameQueryVariants('阿依古丽.买买提')).toEqual(['阿依古丽.买买提', '阿依古丽·买买提', '阿依古丽•买买提', '阿依古丽・买买提', '阿依古丽买买提']);
    expect(nameQueryVariants(' 阿依古丽 买买提 ')).toContain('阿依古丽·买买提');
  });
  it('a run of Han characters gets the interpunct between parts of two or more', () => {
    const v = nameQueryVariants('阿依古丽买买提');
    expect(v[0]).toBe('阿依古丽买买提');
    expect(v).toContain('阿依古丽·买买提');
    expect(v).toContain('阿依・古丽买买提');
    expect(v).not.toContain('阿·依古丽买买提');
    expect(v.length).toBeLessThanOrEqual(48);
  });
  it('a short name is left as typed', () => {
    expect(nameQueryVariants('王伟')).toEqual(['王伟']);
    expect(nameQueryVariants('  ')).toEqual([]);
  });
});

describe('applicationNoVariants', () => {
  it('desk tag and sequence: every program and the years given', () => {
    expect(applicationNoVariants('3896-0003', ['P1', 'P4'], [2026, 2025])).toEqual(['P1-2026-3896-0003', 'P1-2025-3896-0003', 'P4-2026-3896-0003', 'P4-2025-3896-0003']);
  });
  it('year and desk tag: every program', () => {
    expect(applicationNoVariants('2026-3896', ['P1', 'P4'], [2026])).toEqual(['P1-2026-2026-3896', 'P4-2026-2026-3896', 'P1-2026-3896', 'P4-2026-3896']);
    expect(applicationNoVariants('2026-3F9A-00', ['P4'], [2026])).toEqual(['P4-2026-3F9A-00']);
  });
  it('anything else is not a part of a number', () => {
    expect(applicationNoVariants('阿依古丽', ['P1'], [2026])).toEqual([]);
    expect(applicationNoVariants('650102', ['P1'], [2026])).toEqual([]);
  });
});

describe('searchApplications finds what a clerk types', () => {
  let db: DeskDatabase;
  const stamp = { createdAt: '2026-01-05T02:00:00.000Z', createdBy: 'seed', updatedAt: '2026-01-05T02:00:00.000Z', updatedBy: 'seed' };
  beforeAll(async () => {
    db = new DeskDatabase('search-variants-test');
    await db.open();
    await db.people.bulkAdd([
      { id: 'p1', name: '阿依古丽·买买提', idNumber: '650102199001010022', ...stamp },
      { id: 'p2', name: '王伟', idNumber: '650102199001010030', ...stamp },
    ]);
    const year = new Date().getFullYear();
    await db.applications.bulkAdd([
      { id: 'a1', programId: pid('xj-isi-pm'), kind: 'new', applicationNo: `P1-${year}-3896-0003`, personId: 'p1', status: sid('received'), channel: 'unit', receivedDate: `${year}-11-02`, fields: {}, ...stamp },
      { id: 'a2', programId: pid('xj-isi-pm'), kind: 'new', applicationNo: `P1-${year}-3896-0004`, personId: 'p2', status: sid('received'), channel: 'unit', receivedDate: `${year}-11-03`, fields: {}, ...stamp },
    ]);
  });
  afterAll(async () => {
    db.close();
    await db.delete();
  });

  it.each(['阿依古丽·买买提', '阿依古丽.买买提', '阿依古丽•买买提', '阿依古丽・买买提', '阿依古丽 买买提', '阿依古丽买买提', '阿依古丽'])('%s finds 阿依古丽·买买提', async (typed) => {
    const rows = await searchApplications(typed, { database: db });
    expect(rows.map((r) => r.application.applicationNo)).toEqual([expect.stringMatching(/-3896-0003$/)]);
    expect((await searchPeople(typed, { database: db })).map((p) => p.name)).toEqual(['阿依古丽·买买提']);
  });

  it('3896-0003, a part of the number, finds the application', async () => {
    const rows = await searchApplications('3896-0003', { database: db });
    expect(rows.map((r) => r.person?.name)).toEqual(['阿依古丽·买买提']);
  });
});
