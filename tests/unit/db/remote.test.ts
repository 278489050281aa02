/**
 * Two desks, each with its own database, exchanging outbox operations the way pulls will deliver
 * them: concurrent edits become a visible conflict on both, a resolution on one clears it on
 * both, and a bad clock is refused without merging anything.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deliver, T0, useTwoDesks, type MergeDesk } from './two-desks';
import { NoConflictError } from '../../../renderer/src/db/errors';
import { mergeRemoteOperations } from '../../../renderer/src/db/remote';
import { CLOCK_KEY } from '../../../renderer/src/db/clock';
import { ClockDriftError, formatHlc } from '../../../shared/sync/hlc';
import { operationSchema } from '../../../shared/sync/protocol';

const zhang = { name: '张三丰', idNumber: '110105194910010015' };

let a: MergeDesk;
let b: MergeDesk;
useTwoDesks('remote-test', (first, second) => {
  a = first;
  b = second;
});

describe('merging pulled operations on a desk', () => {
  it('brings another desk’s record in, as that desk shows it, without touching the outbox', async () => {
    const person = await a.people.create(zhang, a.ctx(0));
    await deliver(a, b, 10);
    expect(await b.db.people.get(person.id)).toEqual(person);
    expect(await b.db.outbox.count()).toBe(0);
    // The clock moved past what it merged: b's next edit is stamped after a's create.
    const clock = (await b.db.settings.get(CLOCK_KEY))?.value as string;
    expect(clock > (await a.db.outbox.toArray())[0]!.hlc).toBe(true);
  });

  it('pulling this desk’s own operations back changes nothing', async () => {
    const person = await a.people.create(zhang, a.ctx(0));
    await a.people.update(person.id, { phone: '13912345678' }, a.ctx(1));
    const before = { record: await a.db.people.get(person.id), state: await a.people.mergeState(person.id) };
    await deliver(a, a, 5);
    expect(await a.db.people.get(person.id)).toEqual(before.record);
    expect(await a.people.mergeState(person.id)).toEqual(before.state);
    expect(await a.db.outbox.count()).toBe(2);
  });

  it('concurrent edits of one field: both desks show the newer value and the same conflict; a resolution clears it on both', async () => {
    const person = await a.people.create(zhang, a.ctx(0));
    await deliver(a, b, 1);
    // Both offline now: each corrects the name.
    await a.people.update(person.id, { name: '张君宝' }, a.ctx(10));
    await b.people.update(person.id, { name: '张全一' }, b.ctx(20));
    await deliver(a, b, 30);
    await deliver(b, a, 30);

    for (const d of [a, b]) {
      expect((await d.db.people.get(person.id))?.name).toBe('张全一');
      const conflicts = await d.people.conflicts(person.id);
      expect(conflicts.map((c) => [c.field, c.versions.map((v) => [v.value, v.device])])).toEqual([
        [
          'name',
          [
            ['张全一', 'desk-b'],
            ['张君宝', 'desk-a'],
          ],
        ],
      ]);
    }
    expect(await a.people.mergeState(person.id)).toEqual(await b.people.mergeState(person.id));

    // An ordinary edit elsewhere does not make the conflict go away.
    await a.people.update(person.id, { phone: '13912345678' }, a.ctx(35));
    expect(await a.people.conflicts(person.id)).toHaveLength(1);

    // A person on desk a decides: the older value was right.
    await a.people.resolveConflict(person.id, 'name', '张君宝', { ...a.ctx(40), reason: '核对身份证原件' });
    const resolution = (await a.db.outbox.orderBy('id').toArray()).at(-1)!;
    expect(operationSchema.safeParse(resolution).success).toBe(true);
    expect(resolution.prev.name).toHaveLength(2);
    expect((await a.db.auditLog.orderBy('id').toArray()).at(-1)).toMatchObject({ action: 'resolve', reason: '核对身份证原件', changes: { name: ['张全一', '张君宝'] } });

    await deliver(a, b, 50);
    for (const d of [a, b]) {
      expect(await d.people.conflicts(person.id)).toEqual([]);
      expect(await d.db.people.get(person.id)).toMatchObject({ name: '张君宝', phone: '13912345678' });
    }
    expect(await a.people.mergeState(person.id)).toEqual(await b.people.mergeState(person.id));
    await expect(b.people.resolveConflict(person.id, 'name', '张三', b.ctx(60))).rejects.toBeInstanceOf(NoConflictError);
  });

  it('a delete from another desk tombstones the record here; later edits there cannot resurrect it', async () => {
    const person = await a.people.create(zhang, a.ctx(0));
    await deliver(a, b, 1);
    await b.people.remove(person.id, b.ctx(5));
    await a.people.update(person.id, { phone: '13912345678' }, a.ctx(10)); // a has not heard yet
    await deliver(b, a, 20);
    await deliver(a, b, 20);
    for (const d of [a, b]) {
      expect((await d.db.people.get(person.id))?.deleted).toBe(true);
      expect((await d.db.people.get(person.id))?.phone).toBe('13912345678');
    }
    await expect(a.people.update(person.id, { name: '王五' }, a.ctx(30))).rejects.toThrow('记录不存在');
  });

  it('an edit whose create has not arrived is kept in the merge state and reported, not stored half-made', async () => {
    const person = await a.people.create(zhang, a.ctx(0));
    await a.people.update(person.id, { phone: '13912345678' }, a.ctx(1));
    const [create, update] = await a.db.outbox.orderBy('id').toArray();
    const result = await mergeRemoteOperations(b.db, [update!], 'desk-b', T0 + 5);
    expect(result.incomplete).toHaveLength(1);
    expect(await b.db.people.get(person.id)).toBeUndefined();
    await mergeRemoteOperations(b.db, [create!], 'desk-b', T0 + 6);
    expect(await b.db.people.get(person.id)).toMatchObject({ ...zhang, phone: '13912345678' });
  });

  it('refuses a page with a stamp from too far in the future and merges none of it', async () => {
    const person = await a.people.create(zhang, a.ctx(0));
    const [create] = await a.db.outbox.toArray();
    const future = { ...create!, id: '01937b2c-0000-7000-8000-0000000000ff', hlc: formatHlc({ millis: T0 + 60 * 60_000, counter: 0, node: 'desk-a' }) };
    await expect(mergeRemoteOperations(b.db, [create!, future], 'desk-b', T0)).rejects.toBeInstanceOf(ClockDriftError);
    expect(await b.db.people.get(person.id)).toBeUndefined();
    expect(await b.db.mergeStates.count()).toBe(0);
    expect(await b.db.settings.get(CLOCK_KEY)).toBeUndefined();
  });
});
