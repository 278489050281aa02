/**
 * Issue 12 item 5: search a clerk trusts — a transliterated name found whichever of the five
 * separators was typed (or none) and by its second part, pinyin initials, an organisation's and an
 * employer's name, any part of an application number — all through the `*searchKeys` indexes
 * (shared/rules/search-keys.ts), which the database writes on every add and put.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { searchApplications, searchPeople } from '../../../renderer/src/features/applications/search';
import { searchOrganisations } from '../../../renderer/src/features/organisations/commands';
import { programId as pid, stateId as sid } from '../typed-ids';

describe('searchApplications finds what a clerk types', () => {
  let db: DeskDatabase;
  const stamp = { createdAt: '2026-01-05T02:00:00.000Z', createdBy: 'seed', updatedAt: '2026-01-05T02:00:00.000Z', updatedBy: 'seed' };
  beforeAll(async () => {
    db = new DeskDatabase('search-typed-test');
    await db.open();
    await db.people.bulkAdd([
      { id: 'p1', name: '阿依古丽·买买提', idNumber: '650102199001010022', ...stamp },
      { id: 'p2', name: '王伟', idNumber: '650102199001010030', ...stamp },
      { id: 'p3', name: '张伟', idNumber: '650102199203040018', ...stamp },
    ]);
    await db.organisations.bulkAdd([{ id: 'o1', name: '新疆天山丝路信息技术有限公司', creditCode: '91650102MA77ABCD1X', ...stamp }]);
    const year = new Date().getFullYear();
    await db.applications.bulkAdd([
      { id: 'a1', programId: pid('xj-isi-pm'), kind: 'new', applicationNo: `P1-${year}-3896-0003`, personId: 'p1', status: sid('received'), channel: 'unit', receivedDate: `${year}-11-02`, fields: {}, ...stamp },
      { id: 'a2', programId: pid('xj-isi-pm'), kind: 'new', applicationNo: `P1-${year}-3896-0004`, personId: 'p2', status: sid('received'), channel: 'unit', receivedDate: `${year}-11-03`, fields: {}, ...stamp },
      { id: 'a3', programId: pid('xj-isi-pm'), kind: 'new', applicationNo: `P1-${year}-3896-0005`, personId: 'p3', status: sid('received'), channel: 'unit', receivedDate: `${year}-11-04`, fields: { employer: '克拉玛依市人民医院' }, ...stamp },
      { id: 'a4', programId: pid('xj-si-annual'), kind: 'annual-review', applicationNo: `P3-${year}-3896-0001`, organisationId: 'o1', status: sid('received'), channel: 'unit', receivedDate: `${year}-11-05`, fields: {}, ...stamp },
    ]);
  });
  afterAll(async () => {
    db.close();
    await db.delete();
  });

  it.each(['阿依古丽·买买提', '阿依古丽.买买提', '阿依古丽•买买提', '阿依古丽・买买提', '阿依古丽 买买提', '阿依古丽买买提', '阿依古丽', '买买提', 'aygl', 'MMT'])('%s finds 阿依古丽·买买提', async (typed) => {
    const rows = await searchApplications(typed, { database: db });
    expect(rows.map((r) => r.application.applicationNo)).toEqual([expect.stringMatching(/-3896-0003$/)]);
    expect((await searchPeople(typed, { database: db })).map((p) => p.name)).toEqual(['阿依古丽·买买提']);
  });

  it('3896-0003, a part of the number, finds the application', async () => {
    const rows = await searchApplications('3896-0003', { database: db });
    expect(rows.map((r) => r.person?.name)).toEqual(['阿依古丽·买买提']);
  });

  it.each([
    ['zw', '张伟'],
    ['ZhangWei', '张伟'],
    ['人民医院', '张伟'],
    ['克拉玛依市 人民医院', '张伟'],
  ])('%s finds %s (pinyin initials, the employer on the form)', async (typed, name) => {
    const rows = await searchApplications(typed, { database: db });
    expect(rows.map((r) => r.person?.name)).toEqual([name]);
  });

  it('zw finds 张伟 in the person picker too', async () => {
    expect((await searchPeople('zw', { database: db })).map((p) => p.name)).toEqual(['张伟']);
  });

  it('an organisation by a word of its name, and the bare serial 0001', async () => {
    expect((await searchApplications('天山丝路', { database: db })).map((r) => r.organisation?.name)).toEqual(['新疆天山丝路信息技术有限公司']);
    expect((await searchOrganisations('丝路 信息', 50, db)).map((o) => o.name)).toEqual(['新疆天山丝路信息技术有限公司']);
    expect((await searchApplications('0001', { database: db })).map((r) => r.application.id)).toEqual(['a4']);
    expect((await searchApplications('0004', { database: db })).map((r) => r.person?.name)).toEqual(['王伟']);
  });

  it('a renamed person is found by the new name only: the keys follow every write', async () => {
    await db.people.update('p2', { name: '王磊' });
    expect((await searchApplications('王伟', { database: db })).map((r) => r.person?.name)).toEqual([]);
    expect((await searchApplications('wl', { database: db })).map((r) => r.person?.name)).toEqual(['王磊']);
  });
});
