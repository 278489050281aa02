/**
 * The desk's IndexedDB from a spec, as the sync client sees it: read a store, or put rows
 * straight in (seeding what another spec types through the UI). Seeded rows get no outbox
 * operation and no audit entry.
 */
import type { Page } from '@playwright/test';

const DATABASE = 'association-desk';

/** Every row of one store. */
export async function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    ({ database, name }) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open(database);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction(name, 'readonly').objectStore(name).getAll();
          all.onsuccess = () => {
            resolve(all.result as T[]);
            open.result.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
    { database: DATABASE, name: store },
  );
}

type Row = Record<string, unknown>;

/**
 * Puts rows into stores in one transaction. Rows without bookkeeping fields get them (created
 * and updated now, by 'seed').
 */
export async function putRows(page: Page, data: Readonly<Record<string, readonly Row[]>>): Promise<void> {
  await page.evaluate(
    ({ database, data }) =>
      new Promise<void>((resolve, reject) => {
        const now = new Date().toISOString();
        const base = { createdAt: now, createdBy: 'seed', updatedAt: now, updatedBy: 'seed' };
        const open = indexedDB.open(database);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const stores = Object.keys(data);
          const tx = open.result.transaction(stores, 'readwrite');
          for (const store of stores) for (const row of data[store]!) tx.objectStore(store).put({ ...base, ...row });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { database: DATABASE, data },
  );
}
