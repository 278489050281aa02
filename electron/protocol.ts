/**
 * Serves the built renderer through `app://desk/` instead of `file://`: a standard, secure origin
 * of its own (so storage and CSP behave as on the web), every response carrying the CSP header,
 * and only files inside the renderer's build folder reachable.
 */
import { net, protocol, type Session } from 'electron';
import { pathToFileURL } from 'node:url';
import { CSP_HEADER } from './csp';
import { APP_SCHEME, resolveAppPath } from './security';

/** Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export function serveApp(ses: Session, rendererRoot: string): void {
  ses.protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(rendererRoot, request.url);
    if (file === null) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CSP_HEADER);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
