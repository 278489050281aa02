/**
 * Two desks, each with its own database, exchanging outbox operations the way pulls deliver
 * them: for the merge tests. Each test gets two fresh desks (`desk-a`, `desk-b`), deleted after it.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach } from 'vitest';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { mergeRemoteOperations } from '../../../renderer/src/db/remote';
import { Repository, type WriteContext } from '../../../renderer/src/db/repository';
import type { Operation } from '../../../shared/sync/protocol';

/** The tests' clock origin: a desk's `ctx(ms)` writes at T0 + ms. */
export const T0 = Date.parse('2026-11-22T02:00:00.000Z');

export interface MergeDesk {
  readonly db: DeskDatabase;
  readonly deviceId: string;
  readonly people: Repository<'people'>;
  readonly apps: Repository<'applications'>;
  ctx(ms: number): WriteContext;
}

let n = 0;

function openDesk(prefix: string, deviceId: string): MergeDesk {
  const db = new DeskDatabase(`${prefix}-${++n}`);
  return {
    db,
    deviceId,
    people: new Repository(db, 'people'),
    apps: new Repository(db, 'applications'),
    ctx: (ms) => ({ userId: `clerk-${deviceId}`, deviceId, now: () => new Date(T0 + ms) }),
  };
}

/** Before each test, two open desks handed to `opened`; after it, both closed and deleted. */
export function useTwoDesks(prefix: string, opened: (a: MergeDesk, b: MergeDesk) => void): void {
  let desks: MergeDesk[] = [];
  beforeEach(async () => {
    desks = [openDesk(prefix, 'desk-a'), openDesk(prefix, 'desk-b')];
    await Promise.all(desks.map((d) => d.db.open()));
    opened(desks[0]!, desks[1]!);
  });
  afterEach(async () => {
    for (const d of desks) {
      d.db.close();
      await d.db.delete();
    }
  });
}

/** Everything `from` wrote, merged on `to` at T0 + nowMs (the server would deliver it); returns it. */
export async function deliver(from: MergeDesk, to: MergeDesk, nowMs: number): Promise<Operation[]> {
  const ops = await from.db.outbox.orderBy('id').toArray();
  await mergeRemoteOperations(to.db, ops, to.deviceId, T0 + nowMs);
  return ops;
}
