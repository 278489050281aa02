/**
 * Asks the browser to keep the app's IndexedDB even under storage pressure. In browser mode a
 * best-effort origin may be evicted, which would lose what clerks typed; Electron's own origin is
 * persistent already, but asking costs nothing.
 */
export async function requestPersistentStorage(): Promise<'persisted' | 'best-effort' | 'unsupported'> {
  if (!navigator.storage?.persist) return 'unsupported';
  try {
    if (await navigator.storage.persisted()) return 'persisted';
    return (await navigator.storage.persist()) ? 'persisted' : 'best-effort';
  } catch {
    return 'best-effort';
  }
}
