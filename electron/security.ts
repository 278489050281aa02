/**
 * Pure validators for the shell's trust decisions: which URLs belong to the app, which file a
 * request to `app://` may read, which links may leave for the system browser, which frames may
 * call the bridge. Kept free of `electron` imports so tests can feed them hostile input tables.
 */
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True for URLs of the app's own origin (`app://desk/...`), the only content the window loads. */
export function isAppUrl(raw: string): boolean {
  const url = parseUrl(raw);
  return url !== null && url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}

/**
 * Maps an `app://desk/...` request to a file under `root`, or null when the request must be
 * refused: another host or scheme, encoded traversal (`%2e%2e`, `%2f`), backslashes, NUL bytes,
 * or any path that resolves outside `root` after normalisation.
 */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  const url = parseUrl(requestUrl);
  if (url === null || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (url.username !== '' || url.password !== '') return null;

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  // The URL parser already collapsed literal dot segments; encoded ones appear only after
  // decoding, so any remaining `..` segment is an attempt to escape and is refused outright.
  const segments = pathname.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  if (segments.some((s) => /^[a-zA-Z]:$/.test(s))) return null;

  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const rootResolved = path.resolve(root);
  const target = path.resolve(rootResolved, relative);
  if (target !== rootResolved && !target.startsWith(rootResolved + path.sep)) return null;
  if (target === rootResolved) return null;
  return target;
}

/**
 * Links the user clicks may open in the system browser only when they are plain http(s) URLs
 * with a host and no embedded credentials. Everything else (file:, javascript:, custom schemes,
 * smb shares, `http:/evil`) stays closed.
 */
export function isSafeExternalUrl(raw: string): boolean {
  if (typeof raw !== 'string' || raw.length > 2048) return false;
  if (raw !== raw.trim()) return false;
  const url = parseUrl(raw);
  if (url === null) return false;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return false;
  // Reject URLs whose text does not start with the scheme the parser saw (`http:evil.com`).
  return raw.toLowerCase().startsWith(`${url.protocol}//`);
}

/** What the IPC wrapper knows of the calling frame (a structural slice of Electron's WebFrameMain). */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * The bridge answers only the app's own top-level frame: not an iframe (for example a PDF
 * preview), not a page that somehow navigated elsewhere, not a destroyed frame.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (frame === null || frame === undefined) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}
