/**
 * For the 备份 specs: every store of a desk's IndexedDB read in the page, rows sorted by key and
 * attachment bytes as plain numbers, so two desks (two browser contexts) compare with one
 * `toEqual`; and seeding attachment bytes, which `seedRecords` cannot carry (a Blob is made in the page).
 */
import type { Page } from '@playwright/test';

const DATABASE = 'association-desk';

export type DeskDump = Record<string, unknown[]>;

export async function dumpDesk(page: Page): Promise<DeskDump> {
  return page.evaluate(
    (database) =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open(database);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, { key: string; row: unknown }[]> = {};
          for (const name of names) {
            out[name] = [];
            const cursor = tx.objectStore(name).openCursor();
            cursor.onsuccess = () => {
              const c = cursor.result;
              if (c === null) return;
              out[name]!.push({ key: JSON.stringify(c.primaryKey), row: c.value });
              c.continue();
            };
          }
          tx.oncomplete = async () => {
            db.close();
            const result: Record<string, unknown[]> = {};
            for (const [name, rows] of Object.entries(out)) {
              rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
              result[name] = await Promise.all(
                rows.map(async ({ row }) => {
                  const r = row as { sha256?: string; blob?: Blob };
                  return name === 'blobs' && r.blob instanceof Blob ? { sha256: r.sha256, type: r.blob.type, bytes: [...new Uint8Array(await r.blob.arrayBuffer())] } : row;
                }),
              );
            }
            resolve(result);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    DATABASE,
  );
}

/** Puts attachment bytes into the desk's `blobs` store under their SHA-256 (computed in the page). */
export async function putBlob(page: Page, bytes: Uint8Array, type: string): Promise<string> {
  return page.evaluate(
    ({ database, data, type }) =>
      new Promise<string>((resolve, reject) => {
        const bytes = new Uint8Array(data);
        void crypto.subtle.digest('SHA-256', bytes).then((digest) => {
          const sha256 = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
          const open = indexedDB.open(database);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('blobs', 'readwrite');
            tx.objectStore('blobs').put({ sha256, blob: new Blob([bytes], { type }) });
            tx.oncomplete = () => {
              open.result.close();
              resolve(sha256);
            };
            tx.onerror = () => reject(tx.error);
          };
        });
      }),
    { database: DATABASE, data: [...bytes], type },
  );
}
