/**
 * The renderer's Content-Security-Policy, one definition for the two ways the app is served:
 *
 * - `desktop`: the Electron shell serves the build from `app://desk/`; scripts only from its
 *   `assets/` folder, network only over https (the office's sync server behind its reverse proxy).
 * - `browser`: browser mode (`npm run web`) puts the policy in a <meta> tag of `index.html`;
 *   scripts from the page's own origin, and plain http allowed on loopback only, matching the
 *   sync client's own refusal of remote http.
 *
 * Both: no inline script, no eval, no plugins, no <base>, no form posts; `style-src
 * 'unsafe-inline'` because antd (CSS-in-JS) injects <style> elements at run time; `blob:` for
 * workers, downloads and PDF previews built in the renderer.
 */
export type CspTarget = 'desktop' | 'browser';

// No `http://[::1]:*`: CSP host sources cannot name an IPv6 literal (browsers drop the token with a
// console error), so a loopback server is reached in browser mode as 127.0.0.1 or localhost.
const LOOPBACK_HTTP = ['http://127.0.0.1:*', 'http://localhost:*'] as const;

export function cspDirectives(target: CspTarget): Readonly<Record<string, readonly string[]>> {
  return {
    'default-src': ["'self'"],
    'script-src': target === 'desktop' ? ['app://desk/assets/'] : ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': target === 'desktop' ? ["'self'", 'https:'] : ["'self'", 'https:', ...LOOPBACK_HTTP],
    'worker-src': ["'self'", 'blob:'],
    'frame-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
}

const serialise = (d: Readonly<Record<string, readonly string[]>>): string =>
  Object.entries(d)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');

/** For a `Content-Security-Policy` response header (adds what only headers can carry). */
export const cspHeader = (target: CspTarget): string =>
  serialise({ ...cspDirectives(target), 'frame-ancestors': ["'none'"] });

/** For `<meta http-equiv="Content-Security-Policy">` (browsers ignore frame-ancestors there). */
export const cspMeta = (target: CspTarget): string => serialise(cspDirectives(target));
