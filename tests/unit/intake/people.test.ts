import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../../../renderer/src/db/database';
import { useFreshDb } from '../db/fresh-db';
import { ValidationError } from '../../../renderer/src/db/errors';
import { Repository, type WriteContext } from '../../../renderer/src/db/repository';
import {
  createPerson,
  DuplicatePersonError,
  findPersonByIdNumber,
  findPersonDuplicates,
  recentPeople,
  SimilarPersonWarning,
} from '../../../renderer/src/features/people/commands';
import { computeIdCheckChar } from '../../../shared/rules/id-number';
import { toFullWidth } from '../rules/full-width';

const ctx: WriteContext = { userId: 'clerk-1', deviceId: 'device-a', now: () => new Date('2026-11-22T02:00:00.000Z') };
const today = '2026-11-22';
const id = (first17: string): string => first17 + computeIdCheckChar(first17)!;
const ZHANG = id('11010519491001001'); // 1949-10-01, male (sequence 001)
const ZHANG_OTHER = id('11010519491001002'); // same birth date, female

let db: DeskDatabase;
useFreshDb('people-test', (opened) => { db = opened; });

const counts = async () => ({ people: await db.people.count(), outbox: await db.outbox.count(), audit: await db.auditLog.count() });

describe('createPerson', () => {
  it('reads birth date and sex from the ID number and writes record, outbox and audit', async () => {
    const person = await createPerson({ name: ' 张三丰 ', idNumber: toFullWidth(ZHANG) }, ctx, { database: db, today });
    expect(person).toMatchObject({ name: '张三丰', idNumber: ZHANG, birthDate: '1949-10-01', sex: 'male' });
    expect(await counts()).toEqual({ people: 1, outbox: 1, audit: 1 });
    expect(await findPersonByIdNumber(` ${toFullWidth(ZHANG)} `, db)).toEqual(person);
  });

  it('refuses a bad ID number with the rule\'s Chinese message and writes nothing', async () => {
    const wrong = ZHANG.slice(0, 17) + (ZHANG.endsWith('9') ? '8' : '9');
    const error = await createPerson({ name: '李四', idNumber: wrong }, ctx, { database: db, today }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]).toMatchObject({ path: 'idNumber' });
    expect((error as ValidationError).message).toMatch(/校验不通过/);
    expect(await counts()).toEqual({ people: 0, outbox: 0, audit: 0 });
  });

  it('refuses the same ID number (typed full-width) naming the person on file, and writes nothing', async () => {
    const first = await createPerson({ name: '张三丰', idNumber: ZHANG }, ctx, { database: db, today });
    const error = await createPerson({ name: '张三', idNumber: toFullWidth(ZHANG) }, ctx, { database: db, today }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicatePersonError);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as DuplicatePersonError).existing.id).toBe(first.id);
    expect((error as Error).message).toContain('“张三丰”');
    expect((error as Error).message).toContain(ZHANG);
    expect((error as DuplicatePersonError).issues[0]!.path).toBe('idNumber');
    // Even when the clerk overrides the name + birth date warning.
    await expect(createPerson({ name: '张三', idNumber: ZHANG }, ctx, { database: db, today, allowSameNameBirth: true })).rejects.toBeInstanceOf(
      DuplicatePersonError,
    );
    expect(await counts()).toEqual({ people: 1, outbox: 1, audit: 1 });
  });

  it('warns about the same name and birth date under another number; the clerk may override', async () => {
    const first = await createPerson({ name: '张三丰', idNumber: ZHANG }, ctx, { database: db, today });
    const warning = await createPerson({ name: '张三丰', idNumber: ZHANG_OTHER }, ctx, { database: db, today }).catch((e: unknown) => e);
    expect(warning).toBeInstanceOf(SimilarPersonWarning);
    expect((warning as SimilarPersonWarning).similar.map((p) => p.id)).toEqual([first.id]);
    expect((warning as Error).message).toMatch(/同名且出生日期相同/);
    expect(await counts()).toEqual({ people: 1, outbox: 1, audit: 1 });

    const second = await createPerson({ name: '张三丰', idNumber: ZHANG_OTHER }, ctx, { database: db, today, allowSameNameBirth: true });
    expect(second).toMatchObject({ idNumber: ZHANG_OTHER, sex: 'female' });
    expect(await counts()).toEqual({ people: 2, outbox: 2, audit: 2 });
  });

  it('a different name with the same birth date is no duplicate', async () => {
    await createPerson({ name: '张三丰', idNumber: ZHANG }, ctx, { database: db, today });
    await expect(createPerson({ name: '李四', idNumber: ZHANG_OTHER }, ctx, { database: db, today })).resolves.toMatchObject({ name: '李四' });
  });
});

describe('findPersonDuplicates', () => {
  it('reports the same ID first, then same name + birth date, each person once, deleted records never', async () => {
    const zhang = await createPerson({ name: '张三丰', idNumber: ZHANG }, ctx, { database: db, today });
    const namesake = await createPerson({ name: '张三丰', idNumber: ZHANG_OTHER }, ctx, { database: db, today, allowSameNameBirth: true });
    const found = await findPersonDuplicates({ idNumber: toFullWidth(ZHANG).toLowerCase(), name: '张三丰', birthDate: '1949-10-01' }, db);
    expect(found.map((d) => [d.person.id, d.reason])).toEqual([
      [zhang.id, 'same-id'],
      [namesake.id, 'same-name-birth'],
    ]);
    expect(await findPersonDuplicates({ idNumber: ZHANG, excludeId: zhang.id }, db)).toEqual([]);

    await new Repository(db, 'people').remove(namesake.id, ctx);
    expect((await findPersonDuplicates({ name: '张三丰', birthDate: '1949-10-01' }, db)).map((d) => d.person.id)).toEqual([zhang.id]);
    expect(await findPersonDuplicates({}, db)).toEqual([]);
  });

  it('recentPeople lists the newest first without deleted records', async () => {
    const a = await createPerson({ name: '甲', idNumber: ZHANG }, { ...ctx, now: () => new Date('2026-11-22T01:00:00.000Z') }, { database: db, today });
    const b = await createPerson({ name: '乙', idNumber: ZHANG_OTHER }, ctx, { database: db, today });
    expect((await recentPeople(10, db)).map((p) => p.id)).toEqual([b.id, a.id]);
    await new Repository(db, 'people').remove(b.id, ctx);
    expect((await recentPeople(10, db)).map((p) => p.id)).toEqual([a.id]);
  });
});
