/**
 * The sync client's only contact with the network: one method per route of the wire protocol
 * (`shared/sync/protocol.ts`), over `fetch`. Every failure leaves as a `SyncError` with a code of
 * the shared closed union, so the loop decides from the code alone whether to retry:
 *
 * - an HTTP error answer → `errorFromResponse(status, body)` (the server's code if the body names
 *   one, else decided by the status: a proxy's 502 page still retries, a 404 still stops, a 429
 *   waits for its `Retry-After` and retries);
 * - no answer at all (DNS, refused, reset, timeout, offline, CORS) → `network`;
 * - a 2xx whose body is not what the protocol says (a captive portal's login page, a proxy
 *   misconfiguration) → `server_error`, retried: nothing was acknowledged, so nothing is lost.
 *
 * Tests replace the whole transport with a fake that implements `SyncTransport`.
 */
import type { z } from 'zod';
import { errorFromResponse, SyncError } from '../../../shared/sync/errors';
import {
  blobUploadResponseSchema,
  enrolmentResponseSchema,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  pullResponseSchema,
  pushResponseSchema,
  SYNC_ROUTES,
  type BlobUploadResponse,
  type BatchFile,
  type Cursor,
  type EnrolmentRequest,
  type EnrolmentResponse,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../../../shared/sync/protocol';
import {
  NUMBER_ROUTES,
  numberReserveResponseSchema,
  officeKeyResponseSchema,
  type NumberReserveRequest,
  type NumberReserveResponse,
  type OfficeKeyResponse,
} from '../../../shared/sync/numbers';

export interface PullQuery {
  readonly since?: Cursor;
  readonly limit: number;
}

export interface SyncTransport {
  enrol(request: EnrolmentRequest): Promise<EnrolmentResponse>;
  push(batch: PushRequest): Promise<PushResponse>;
  pull(query: PullQuery): Promise<PullResponse>;
  uploadBlob(sha256: string, bytes: Blob, mimeType: string): Promise<BlobUploadResponse>;
  /** The bytes, checked against `sha256` (a mismatch is `blob_hash_mismatch`). */
  downloadBlob(sha256: string): Promise<Blob>;
  /** `POST /sync/import`: a batch file sent by a connected desk on behalf of an offline one. */
  importBatchFile(file: BatchFile): Promise<PushResponse[]>;
  /** `POST /sync/numbers/reserve`: the next block of certificate numbers of a series for this device. */
  reserveNumbers(request: NumberReserveRequest): Promise<NumberReserveResponse>;
  /** `GET /sync/office-key`: the office's signing key pair (this office's devices only). */
  officeKey(): Promise<OfficeKeyResponse>;
}

export interface HttpTransportOptions {
  /** From `parseServerUrl(...).baseUrl`: no trailing slash. */
  readonly baseUrl: string;
  /** The device token; absent before enrolment. */
  readonly token?: string;
  readonly fetch?: typeof fetch;
  /** Per request; a slow answer is treated as no answer (`network`), and retried. */
  readonly timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error).slice(0, 300);
}

/** SHA-256 of some bytes, lower-case hex (Web Crypto: the renderer and Node both have it). */
export async function sha256Hex(bytes: Blob | ArrayBuffer): Promise<string> {
  const buffer = bytes instanceof Blob ? await bytes.arrayBuffer() : bytes;
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', buffer));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function createHttpTransport(options: HttpTransportOptions): SyncTransport {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function request(method: string, path: string, init: { body?: BodyInit; contentType?: string; auth: boolean | 'when-enrolled' }): Promise<Response> {
    const headers: Record<string, string> = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), accept: 'application/json' };
    if (init.contentType !== undefined) headers['content-type'] = init.contentType;
    if (init.auth === true) {
      if (options.token === undefined) throw new SyncError('unauthenticated');
      headers.authorization = `Bearer ${options.token}`;
    } else if (init.auth === 'when-enrolled' && options.token !== undefined) {
      // Re-enrolling the same desk proves it is the device it says (server: device_already_enrolled).
      headers.authorization = `Bearer ${options.token}`;
    }
    let response: Response;
    try {
      response = await doFetch(`${options.baseUrl}${path}`, {
        method,
        headers,
        body: init.body,
        // Never send cookies or follow a redirect to somewhere else: the token goes to this
        // address only, and a redirect usually means a captive portal or a wrong address.
        credentials: 'omit',
        redirect: 'error',
        cache: 'no-store',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new SyncError('network', { reason: messageOf(error) });
    }
    if (!response.ok) throw errorFromResponse(response.status, await readJson(response), response.headers.get('retry-after'));
    return response;
  }

  async function json<S extends z.ZodType>(response: Response, schema: S): Promise<z.output<S>> {
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      // The connection broke mid-body, or the body is not JSON at all.
      throw new SyncError(error instanceof SyntaxError ? 'server_error' : 'network', { reason: messageOf(error) });
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new SyncError('server_error', { reason: 'answer does not match the protocol', issues: parsed.error.issues.slice(0, 5) });
    return parsed.data;
  }

  const blobPath = (sha256: string) => SYNC_ROUTES.blob.replace(':sha256', encodeURIComponent(sha256));

  return {
    async enrol(body) {
      const response = await request('POST', SYNC_ROUTES.enrol, { body: JSON.stringify(body), contentType: 'application/json', auth: 'when-enrolled' });
      return json(response, enrolmentResponseSchema);
    },
    async push(batch) {
      const response = await request('POST', SYNC_ROUTES.push, { body: JSON.stringify(batch), contentType: 'application/json', auth: true });
      return json(response, pushResponseSchema);
    },
    async pull({ since, limit }) {
      const query = new URLSearchParams({ limit: String(limit) });
      if (since !== undefined) query.set('since', since);
      const response = await request('GET', `${SYNC_ROUTES.pull}?${query.toString()}`, { auth: true });
      return json(response, pullResponseSchema);
    },
    async uploadBlob(sha256, bytes, mimeType) {
      const response = await request('PUT', blobPath(sha256), { body: bytes, contentType: mimeType || 'application/octet-stream', auth: true });
      return json(response, blobUploadResponseSchema);
    },
    async downloadBlob(sha256) {
      const response = await request('GET', blobPath(sha256), { auth: true });
      let blob: Blob;
      try {
        blob = await response.blob();
      } catch (error) {
        throw new SyncError('network', { reason: messageOf(error) });
      }
      const actual = await sha256Hex(blob);
      if (actual !== sha256) throw new SyncError('blob_hash_mismatch', { expected: sha256, actual });
      const type = response.headers.get('content-type') ?? '';
      return type === '' || blob.type === type ? blob : new Blob([blob], { type });
    },
    async importBatchFile(file) {
      const response = await request('POST', SYNC_ROUTES.importBatchFile, { body: JSON.stringify(file), contentType: 'application/json', auth: true });
      return json(response, pushResponseSchema.array());
    },
    async reserveNumbers(body) {
      const response = await request('POST', NUMBER_ROUTES.reserve, { body: JSON.stringify(body), contentType: 'application/json', auth: true });
      return json(response, numberReserveResponseSchema);
    },
    async officeKey() {
      const response = await request('GET', NUMBER_ROUTES.officeKey, { auth: true });
      return json(response, officeKeyResponseSchema);
    },
  };
}
