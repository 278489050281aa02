/**
 * The desk's IndexedDB from a spec, as the sync client sees it: read a store (to check what a
 * screen wrote). Seeding goes through the app's write path instead (seed.ts).
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
