import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Application, Organisation, Person } from '../../../shared/model/records';
import { getPack, PROGRAM_IDS } from '../../../shared/programs';
import type { ApplicationKindId } from '../../../shared/programs/schema';
import { computeCreditCodeCheckChar } from '../../../shared/rules/credit-code';
import { computeIdCheckChar } from '../../../shared/rules/id-number';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { newId } from '../../../renderer/src/db/ids';
import { Repository } from '../../../renderer/src/db/repository';
import { formatApplicationNo } from '../../../renderer/src/features/applications/numbers';
import {
  classifyQuery,
  kindName,
  newestFirst,
  programName,
  searchApplications,
  searchPeople,
  stateName,
  statusOptions,
  type SearchRow,
} from '../../../renderer/src/features/applications/search';
import { programId as pid } from '../typed-ids';
import { seededRandom } from '../seeded-random';

// A deterministic generator.
const { rand, int, pick } = seededRandom(4);
const pad = (v: number, w: number): string => String(v).padStart(w, '0');

const SURNAMES = [...'王李张刘陈杨黄赵吴周'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚'];
const REGIONS = ['650102', '650103', '330106', '110105'];
const N_PEOPLE = 3000;
const N_ORGS = 150;
const N_APPS = 5000;
const STAMP = '2026-01-05T02:00:00.000Z';
const base = () => ({ id: newId(), createdAt: STAMP, createdBy: 'seed', updatedAt: STAMP, updatedBy: 'seed' });

let db: DeskDatabase;
const people: Person[] = [];
const orgs: Organisation[] = [];
const apps: Application[] = [];

beforeAll(async () => {
  db = new DeskDatabase('search-test');
  await db.open();
  const seen = new Set<string>();
  while (people.length < N_PEOPLE) {
    const birth = `${1955 + int(45)}${pad(1 + int(12), 2)}${pad(1 + int(28), 2)}`;
    const first17 = `${pick(REGIONS)}${birth}${pad(int(1000), 3)}`;
    const idNumber = first17 + computeIdCheckChar(first17)!;
    if (seen.has(idNumber)) continue;
    seen.add(idNumber);
    people.push({ ...base(), name: pick(SURNAMES) + pick(GIVEN) + (rand() < 0.5 ? pick(GIVEN) : ''), idNumber, birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}` });
  }
  for (let i = 0; i < N_ORGS; i++) {
    const first17 = `91650100${pad(i, 9)}`;
    orgs.push({ ...base(), name: `${pick(['新疆', '浙江', '天山'])}${pick(['博达', '华信', '云联'])}${pad(i, 3)}信息技术有限公司`, creditCode: first17 + computeCreditCodeCheckChar(first17)! });
  }
  const seq = new Map<string, number>();
  for (let i = 0; i < N_APPS; i++) {
    const programId = pick(PROGRAM_IDS);
    const pack = getPack(programId)!;
    const kind = pick(pack.applicationKinds).id;
    const status = pick(pack.workflows[kind as ApplicationKindId]!.states).id;
    const receivedDate = `${2020 + int(7)}-${pad(1 + int(12), 2)}-${pad(1 + int(28), 2)}`;
    const year = Number(receivedDate.slice(0, 4));
    const next = (seq.get(`${programId}${year}`) ?? 0) + 1;
    seq.set(`${programId}${year}`, next);
    apps.push({
      ...base(),
      programId: pid(programId),
      kind,
      applicationNo: formatApplicationNo(programId, year, 'device-abcd', next),
      ...(pack.applicantKind === 'person' ? { personId: pick(people).id } : { organisationId: pick(orgs).id }),
      status,
      channel: 'counter',
      receivedDate,
      fields: {},
      // A few tombstones, which search never shows.
      ...(i % 97 === 0 ? { deleted: true } : {}),
    });
  }
  await db.people.bulkAdd(people);
  await db.organisations.bulkAdd(orgs);
  await db.applications.bulkAdd(apps);
}, 60_000);

afterAll(async () => {
  db.close();
  await db.delete();
});

const live = () => apps.filter((a) => !a.deleted);
const ids = (rows: readonly SearchRow[]) => rows.map((r) => r.application.id);
/** What a search must return, worked out the slow way. */
const expected = (match: (a: Application) => boolean, limit = 50) => live().filter(match).sort(newestFirst).slice(0, limit).map((a) => a.id);
const personOf = new Map<string, Person>();
const orgOf = new Map<string, Organisation>();
beforeAll(() => {
  for (const p of people) personOf.set(p.id, p);
  for (const o of orgs) orgOf.set(o.id, o);
});

describe('classifyQuery', () => {
  it('tells ID numbers, application numbers and names apart', () => {
    expect(classifyQuery('  ')).toEqual({ kind: 'empty' });
    expect(classifyQuery('６５０１ ０２')).toMatchObject({ kind: 'id-number', idPrefix: '650102', applicationNoPrefix: '650102' });
    expect(classifyQuery('65010219800101123x')).toMatchObject({ kind: 'id-number', idPrefix: '65010219800101123X' });
    expect(classifyQuery('p4-2026')).toMatchObject({ kind: 'application-no', applicationNoPrefix: 'P4-2026' });
    expect(classifyQuery(' 王伟 ')).toEqual({ kind: 'name', namePrefix: '王伟' });
    expect(classifyQuery('新疆（集团）')).toEqual({ kind: 'name', namePrefix: '新疆（集团）' });
    expect(classifyQuery('IBM')).toMatchObject({ kind: 'name', namePrefix: 'IBM', creditCodePrefix: 'IBM' });
  });
});

describe(`searchApplications over ${N_APPS} applications`, () => {
  it('a full ID number finds exactly that person\'s applications, newest first, with the person attached', async () => {
    const person = personOf.get(live().find((a) => a.personId !== undefined)!.personId!)!;
    const rows = await searchApplications(person.idNumber, { database: db });
    expect(ids(rows)).toEqual(expected((a) => a.personId === person.id));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.person).toEqual(person);
    // Full-width digits and spaces, as typed through a Chinese input method.
    const typed = person.idNumber.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/(.{6})/, '$1 ');
    expect(ids(await searchApplications(typed, { database: db }))).toEqual(ids(rows));
  });

  it('an ID prefix finds the applications of people whose number starts so', async () => {
    const person = personOf.get(live().filter((a) => a.personId !== undefined)[7]!.personId!)!;
    const prefix = person.idNumber.slice(0, 12); // region + birth year and month
    const rows = await searchApplications(prefix, { database: db });
    const want = expected((a) => personOf.get(a.personId ?? '')?.idNumber.startsWith(prefix) === true);
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(50);
    expect(ids(rows)).toEqual(want);
  });

  it('a broad ID prefix returns a full page of matching rows, newest first', async () => {
    const rows = await searchApplications('6501', { database: db, limit: 30 });
    expect(rows).toHaveLength(30);
    for (const r of rows) expect(r.person?.idNumber.startsWith('6501')).toBe(true);
    expect(ids(rows)).toEqual([...rows].map((r) => r.application).sort(newestFirst).map((a) => a.id));
  });

  it('a full name finds every application of everyone so named', async () => {
    const name = live()
      .map((a) => personOf.get(a.personId ?? '')?.name)
      .find((n) => n !== undefined && n.length === 3)!;
    const rows = await searchApplications(name, { database: db });
    expect(rows.length).toBeGreaterThan(0);
    expect(ids(rows)).toEqual(expected((a) => personOf.get(a.personId ?? '')?.name.startsWith(name) === true));
  });

  it('a name prefix (the surname) returns at most the limit, all matching', async () => {
    const rows = await searchApplications('王', { database: db, limit: 10 });
    expect(rows).toHaveLength(10);
    for (const r of rows) expect(r.person?.name.startsWith('王')).toBe(true);
  });

  it('an organisation name or credit-code prefix finds its applications', async () => {
    const org = orgs[42]!;
    const rows = await searchApplications(org.name, { database: db });
    expect(ids(rows)).toEqual(expected((a) => a.organisationId === org.id));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.organisation).toEqual(org);
    expect(ids(await searchApplications(org.creditCode.toLowerCase(), { database: db }))).toEqual(ids(rows));
  });

  it('an application number prefix finds it', async () => {
    const app = live()[123]!;
    const rows = await searchApplications(app.applicationNo.toLowerCase(), { database: db });
    expect(ids(rows)).toEqual([app.id]);
    expect(rows[0]!.person ?? rows[0]!.organisation).toBeDefined();
    const year = app.applicationNo.slice(0, 7); // e.g. P4-2023
    const page = await searchApplications(year, { database: db, limit: 20 });
    expect(page).toHaveLength(20);
    for (const r of page) expect(r.application.applicationNo.startsWith(year)).toBe(true);
  });

  it('program and status filters apply to typed queries and to browsing', async () => {
    const app = live().find((a) => a.personId !== undefined)!;
    const person = personOf.get(app.personId!)!;
    const filtered = await searchApplications(person.name, { database: db, programId: app.programId, status: app.status });
    expect(ids(filtered)).toEqual(
      expected((a) => a.programId === app.programId && a.status === app.status && personOf.get(a.personId ?? '')?.name.startsWith(person.name) === true),
    );
    expect(ids(filtered)).toContain(app.id);

    const browse = await searchApplications('', { database: db, programId: 'rk-registration', status: 'received', limit: 500 });
    expect(new Set(ids(browse))).toEqual(new Set(expected((a) => a.programId === 'rk-registration' && a.status === 'received', 500)));
    const byProgram = await searchApplications('', { database: db, programId: 'iets', limit: 10 });
    expect(byProgram).toHaveLength(10);
    for (const r of byProgram) expect(r.application.programId).toBe('iets');
    const byStatus = await searchApplications('', { database: db, status: 'returned', limit: 10 });
    for (const r of byStatus) expect(r.application.status).toBe('returned');
  });

  it('an empty query lists the newest applications; the limit holds; tombstones never show', async () => {
    const rows = await searchApplications('', { database: db });
    expect(ids(rows)).toEqual(expected(() => true).slice(0, 50));
    expect((await searchApplications('', { database: db, limit: 7 })).length).toBe(7);
    const deleted = apps.find((a) => a.deleted)!;
    expect(ids(await searchApplications(deleted.applicationNo, { database: db }))).toEqual([]);
  });

  it('nothing found is an empty list', async () => {
    expect(await searchApplications('不存在的名字', { database: db })).toEqual([]);
    expect(await searchApplications('99', { database: db })).toEqual([]);
  });

  it('a new application shows up in the next search', async () => {
    const person = people[0]!;
    const created = await new Repository(db, 'applications').create(
      { programId: 'rk-registration', kind: 'new', applicationNo: 'P5-2026-ABCD-9999', personId: person.id, status: 'received', channel: 'counter', receivedDate: '2026-11-22', fields: {} },
      { userId: 'clerk', deviceId: 'device-a' },
    );
    expect(ids(await searchApplications(person.idNumber, { database: db }))[0]).toBe(created.id);
  });
});

describe('searchPeople', () => {
  it('finds by ID prefix or name prefix, up to the limit', async () => {
    const p = people[5]!;
    expect((await searchPeople(p.idNumber, { database: db })).map((x) => x.id)).toEqual([p.id]);
    const byName = await searchPeople(p.name, { database: db, limit: 100 });
    expect(byName.map((x) => x.id)).toContain(p.id);
    for (const x of byName) expect(x.name.startsWith(p.name)).toBe(true);
    expect(await searchPeople('李', { database: db, limit: 5 })).toHaveLength(5);
    expect(await searchPeople(' ', { database: db })).toEqual([]);
  });
});

describe('names from the packs', () => {
  it('program, kind and state names, and the status options', () => {
    expect(programName('rk-registration')).toBe('计算机技术与软件专业技术资格（水平）证书登记');
    expect(kindName('rk-registration', 'renewal')).toBe('再次登记');
    expect(stateName('rk-registration', 'new', 'returned')).toBe('已退回，待补正');
    expect(stateName('rk-registration', 'new', 'returned', 'en')).not.toBe('returned');
    expect(stateName('nope', 'new', 'weird')).toBe('weird');
    const options = statusOptions('xj-si-annual');
    expect(options.map((o) => o.value)).toEqual(['filling', 'submitted', 'rejected', 'awaiting-stamped', 'to-exchange', 'completed']);
    expect(new Set(statusOptions(undefined).map((o) => o.value)).size).toBe(statusOptions(undefined).length);
  });
});
