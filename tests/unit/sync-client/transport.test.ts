/**
 * The HTTP transport maps every way a request can fail to a shared error code: an error body
 * names its code, a bare status decides by itself, no answer at all is `network`, and a success
 * that is not what the protocol says is `server_error` (retried, nothing acknowledged).
 */
import { describe, expect, it } from 'vitest';
import { createHttpTransport, sha256Hex } from '../../../renderer/src/sync/transport';
import { errorBody, SyncError } from '../../../shared/sync/errors';
import { PROTOCOL_HEADER } from '../../../shared/sync/protocol';

interface Seen {
  url: string;
  init: RequestInit;
}

function fetchReturning(make: () => Response | Promise<Response>, seen: Seen[] = []): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({ url: String(input), init: init ?? {} });
    return make();
  }) as typeof fetch;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const batch = { batchId: '0190b1a2-0000-7000-8000-000000000001', deviceId: 'd1', operations: [] };

async function failureOf(promise: Promise<unknown>): Promise<SyncError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SyncError) return error;
    throw error;
  }
  throw new Error('expected a SyncError');
}

/** The request was sent; what came back does not matter here. */
async function t401(promise: Promise<unknown>): Promise<void> {
  await promise.catch(() => undefined);
}

describe('HTTP transport', () => {
  it('sends the protocol version and the bearer token, no cookies, no redirects', async () => {
    const seen: Seen[] = [];
    const t = createHttpTransport({
      baseUrl: 'https://sync.example.org/desk',
      token: 'tok_0123456789abcdef0123456789abcdef',
      fetch: fetchReturning(() => json(200, { operations: [], nextCursor: '0', hasMore: false, serverTime: '2026-11-22T06:05:00.000Z' }), seen),
    });
    await t.pull({ since: '42', limit: 100 });
    expect(seen[0]!.url).toBe('https://sync.example.org/desk/sync/pull?limit=100&since=42');
    const headers = seen[0]!.init.headers as Record<string, string>;
    expect(headers[PROTOCOL_HEADER]).toBe('1');
    expect(headers.authorization).toBe('Bearer tok_0123456789abcdef0123456789abcdef');
    expect(seen[0]!.init).toMatchObject({ credentials: 'omit', redirect: 'error', method: 'GET' });
  });

  it('enrols without a token on a new desk, and with its current token when it has one (re-enrolment)', async () => {
    const request = { officeCode: 'XJSIA', enrolmentCode: 'ABCD-EFGH-JKLM', deviceId: 'd1', deviceName: '收件窗口 2 号机', appVersion: '0.1.0' };
    const fresh: Seen[] = [];
    await t401(createHttpTransport({ baseUrl: 'https://x.org', fetch: fetchReturning(() => json(401, errorBody('unauthenticated')), fresh) }).enrol(request));
    expect((fresh[0]!.init.headers as Record<string, string>).authorization).toBeUndefined();
    const again: Seen[] = [];
    await t401(createHttpTransport({ baseUrl: 'https://x.org', token: 'tok_0123456789abcdef0123456789abcdef', fetch: fetchReturning(() => json(401, errorBody('unauthenticated')), again) }).enrol(request));
    expect((again[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer tok_0123456789abcdef0123456789abcdef');
  });

  it('does not call the server without a token for device routes', async () => {
    const seen: Seen[] = [];
    const t = createHttpTransport({ baseUrl: 'https://x.org', fetch: fetchReturning(() => json(200, {}), seen) });
    expect((await failureOf(t.push(batch))).code).toBe('unauthenticated');
    expect(seen).toHaveLength(0);
  });

  it.each([
    ['a refused connection', () => Promise.reject(new TypeError('Failed to fetch')), 'network', true],
    ['a timeout', () => Promise.reject(new DOMException('signal timed out', 'TimeoutError')), 'network', true],
    ['a coded 4xx body', () => json(409, errorBody('batch_id_reused')), 'batch_id_reused', false],
    ['a coded 401', () => json(401, errorBody('unauthenticated')), 'unauthenticated', false],
    ['a coded 403 (revoked)', () => json(403, errorBody('device_revoked')), 'device_revoked', false],
    ['a coded 500', () => json(500, errorBody('server_error')), 'server_error', true],
    ['a proxy’s 502 page', () => new Response('<html>Bad gateway</html>', { status: 502 }), 'unavailable', true],
    ['a bare 500', () => new Response('oops', { status: 500 }), 'server_error', true],
    ['a bare 404', () => new Response('not here', { status: 404 }), 'not_found', false],
    ['a bare 413', () => new Response('', { status: 413 }), 'batch_too_large', false],
    ['a bare 400', () => new Response('', { status: 400 }), 'invalid_request', false],
    ['a captive portal’s 200 login page', () => new Response('<html>请登录</html>', { status: 200 }), 'server_error', true],
    ['a 200 of the wrong shape', () => json(200, { applied: 'all' }), 'server_error', true],
  ] as const)('%s → %s', async (_what, respond, code, retry) => {
    const t = createHttpTransport({ baseUrl: 'https://x.org', token: 't'.repeat(40), fetch: (async () => respond()) as typeof fetch });
    const error = await failureOf(t.push(batch));
    expect(error.code).toBe(code);
    expect(error.retry).toBe(retry);
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('checks downloaded bytes against their name', async () => {
    const bytes = new TextEncoder().encode('附件内容');
    const sha = await sha256Hex(bytes.buffer);
    const good = createHttpTransport({ baseUrl: 'https://x.org', token: 't'.repeat(40), fetch: fetchReturning(() => new Response(bytes, { headers: { 'content-type': 'image/png' } })) });
    const blob = await good.downloadBlob(sha);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
    expect(blob.type).toBe('image/png');
    const bad = createHttpTransport({ baseUrl: 'https://x.org', token: 't'.repeat(40), fetch: fetchReturning(() => new Response('something else')) });
    expect((await failureOf(bad.downloadBlob(sha))).code).toBe('blob_hash_mismatch');
  });
});
