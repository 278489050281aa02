/**
 * A fresh desk database (fake-indexeddb) for every test of a file: opened before each test and
 * handed to `opened`, closed and deleted after it, so no test sees another's records.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach } from 'vitest';
import { DeskDatabase } from '../../../renderer/src/db/database';

export function useFreshDb(prefix: string, opened: (db: DeskDatabase) => void | Promise<void>): void {
  let db: DeskDatabase | undefined;
  let n = 0;
  beforeEach(async () => {
    db = new DeskDatabase(`${prefix}-${++n}`);
    await db.open();
    await opened(db);
  });
  afterEach(async () => {
    db?.close();
    await db?.delete();
  });
}
