/**
 * Imported first by the intake tests: IndexedDB (fake-indexeddb) and a sessionStorage for the
 * signed-in session store, both in memory, before any renderer module captures them.
 */
import 'fake-indexeddb/auto';

if (typeof globalThis.sessionStorage === 'undefined') {
  const items = new Map<string, string>();
  const storage: Storage = {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
  Object.defineProperty(globalThis, 'sessionStorage', { value: storage, configurable: true });
}
