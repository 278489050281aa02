/**
 * Every way a sync request can fail, as one closed union shared by the server (which answers
 * with `{ error: code, message }` and the code's HTTP status) and the client (which decides from
 * the code alone whether to retry). Adding a code is a protocol change: both sides see it here.
 *
 * Retry policy (the OpenCRVS lesson): a 4xx answer will never succeed by repeating it, so it is
 * never retried automatically; it needs a person (the message says what to do). 5xx answers and
 * network failures are retried with `backoffDelay`. An outbox entry leaves only on a success.
 *
 * The one exception is `rate_limited` (HTTP 429): the request was fine, the server (or the
 * office's reverse proxy) only asks the desk to come back later. It is retried on its own, no
 * sooner than the answer's `Retry-After` (seconds or an HTTP date; also in the body as
 * `details.retryAfterSeconds`, because a browser cannot read that header across origins unless
 * the server exposes it) and no sooner than the backoff. A person-started request (enrolment) is
 * never repeated by the app: the form shows the message and how long to wait.
 *
 * One code for every rate-limited endpoint (enrolment, public verification, and whatever a proxy
 * throttles): no caller needs to tell them apart — each knows which request it made, and the wait
 * is in `Retry-After`. (An earlier `enrolment_rate_limited` was folded into it for that reason.)
 */
import { z } from 'zod';

export interface SyncErrorInfo {
  /** HTTP status the server answers with; 0 = no HTTP answer at all (client side only). */
  readonly status: number;
  /** Whether the client should retry on its own, with backoff. */
  readonly retry: boolean;
  /** What the clerk should do, in the clerk's words. */
  readonly message: string;
}

export const SYNC_ERRORS = {
  invalid_request: { status: 400, retry: false, message: '请求内容不正确。请把本软件升级到最新版本；仍不行请联系管理员。' },
  invalid_batch: { status: 400, retry: false, message: '这批待同步的数据有误，服务器未接收。请联系管理员检查本机数据。' },
  batch_too_large: { status: 413, retry: false, message: '一次同步的数据过多。请升级本软件后再同步，或联系管理员。' },
  batch_id_reused: { status: 409, retry: false, message: '同步批次编号重复但内容不同。请联系管理员检查本机数据。' },
  unknown_table: { status: 422, retry: false, message: '服务器不认识本机发送的数据类型。请联系管理员升级服务器。' },
  protocol_unsupported: { status: 426, retry: false, message: '本软件版本与服务器不兼容。请升级本软件或服务器后再同步。' },
  clock_drift: { status: 422, retry: false, message: '本机时间与服务器相差过大。请校正电脑的日期和时间后再同步。' },
  unauthenticated: { status: 401, retry: false, message: '本机尚未登记或登记已失效。请向管理员索取登记码，重新登记本机。' },
  device_revoked: { status: 403, retry: false, message: '本机已被管理员停用，无法同步。如有疑问请联系管理员。' },
  forbidden_office: { status: 403, retry: false, message: '本机无权访问该办事处的数据。请确认本机登记的办事处是否正确。' },
  device_already_enrolled: { status: 409, retry: false, message: '本机编号已在服务器登记，不能用新的登记码再次登记。如本机确需重新登记（例如令牌丢失），请管理员在服务器上放行本机后再试。' },
  forbidden_record: { status: 403, retry: false, message: '本机提交的用户账号修改未被服务器接受：只有本办事处有效的管理员才能新增、停用用户或更改角色和密码。请联系管理员。' },
  enrolment_code_invalid: { status: 403, retry: false, message: '登记码无效、已过期或已使用。请核对办事处代码和登记码，或向管理员索取新的登记码。' },
  rate_limited: { status: 429, retry: true, message: '请求过于频繁，服务器要求稍候。请稍后再试；同步会在等待后自动重试，数据已保存在本机，不会丢失。' },
  blob_hash_mismatch: { status: 422, retry: false, message: '附件在传输中损坏（校验值不符）。请重新同步；仍不行请重新上传该附件。' },
  blob_too_large: { status: 413, retry: false, message: '附件过大，无法同步。请压缩或拆分后重新上传。' },
  blob_not_found: { status: 404, retry: false, message: '服务器上没有这个附件。请让上传它的电脑先完成同步。' },
  numbers_exhausted: { status: 409, retry: false, message: '该证书本年度的编号已全部分配（每年最多 999999 个），无法再领取编号段。请联系管理员。' },
  certificate_not_found: { status: 404, retry: false, message: '未查到该证书编号。请核对编号是否输入正确。' },
  not_found: { status: 404, retry: false, message: '服务器地址不正确。请检查设置中的服务器地址。' },
  server_error: { status: 500, retry: true, message: '服务器出错，稍后会自动重试。数据已保存在本机，不会丢失。' },
  unavailable: { status: 503, retry: true, message: '服务器暂时不可用，稍后会自动重试。数据已保存在本机，不会丢失。' },
  network: { status: 0, retry: true, message: '无法连接服务器，稍后会自动重试。数据已保存在本机，不会丢失；也可以导出批次文件离线传送。' },
} as const satisfies Record<string, SyncErrorInfo>;

export type SyncErrorCode = keyof typeof SYNC_ERRORS;

const codes = Object.keys(SYNC_ERRORS) as [SyncErrorCode, ...SyncErrorCode[]];
export const syncErrorCodeSchema = z.enum(codes);

export function isSyncErrorCode(value: unknown): value is SyncErrorCode {
  return typeof value === 'string' && Object.hasOwn(SYNC_ERRORS, value);
}

/** The JSON body of every error answer. `details` carries validation issues for logs, never for the clerk. */
export const syncErrorBodySchema = z.object({
  error: syncErrorCodeSchema,
  message: z.string().max(2000),
  details: z.unknown().optional(),
});
export type SyncErrorBody = z.infer<typeof syncErrorBodySchema>;

/** A `Retry-After` is obeyed up to this (a broken or hostile header must not park a desk for days). */
export const MAX_RETRY_AFTER_SECONDS = 60 * 60;

export class SyncError extends Error {
  readonly status: number;
  readonly retry: boolean;
  /** For `rate_limited`: the server's `Retry-After`, in whole seconds (capped). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly code: SyncErrorCode,
    readonly details?: unknown,
    options: { readonly retryAfterSeconds?: number } = {},
  ) {
    super(SYNC_ERRORS[code].message);
    this.name = 'SyncError';
    this.status = SYNC_ERRORS[code].status;
    this.retry = SYNC_ERRORS[code].retry;
    const after = options.retryAfterSeconds;
    this.retryAfterSeconds = after === undefined || !Number.isFinite(after) ? undefined : Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, Math.ceil(after)));
  }

  toBody(): SyncErrorBody {
    return { error: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) };
  }
}

/** The body a server sends for a code. */
export function errorBody(code: SyncErrorCode, details?: unknown): SyncErrorBody {
  return new SyncError(code, details).toBody();
}

/**
 * Seconds to wait from a `Retry-After` header (delta-seconds or an HTTP date, RFC 9110 §10.2.3),
 * or from the body's `details.retryAfterSeconds`; `undefined` when neither says anything usable.
 */
export function parseRetryAfter(header: string | null | undefined, nowMs: number = Date.now(), details?: unknown): number | undefined {
  const value = header?.trim() ?? '';
  if (/^\d{1,10}$/.test(value)) return Number(value);
  if (value !== '') {
    const at = Date.parse(value);
    if (Number.isFinite(at)) return Math.max(0, Math.ceil((at - nowMs) / 1000));
  }
  const fromBody = typeof details === 'object' && details !== null ? (details as { retryAfterSeconds?: unknown }).retryAfterSeconds : undefined;
  return typeof fromBody === 'number' && Number.isFinite(fromBody) && fromBody >= 0 ? fromBody : undefined;
}

/**
 * What a client makes of an HTTP answer that is not a success. A body naming a known code wins;
 * otherwise (a proxy's HTML page, an older server) the status decides, so a 5xx still retries,
 * a 429 waits and retries, and any other 4xx stops. `retryAfter` is the `Retry-After` header.
 */
export function errorFromResponse(status: number, body: unknown, retryAfter?: string | null, nowMs: number = Date.now()): SyncError {
  const parsed = syncErrorBodySchema.safeParse(body);
  if (parsed.success) {
    const code = parsed.data.error;
    const seconds = code === 'rate_limited' ? parseRetryAfter(retryAfter, nowMs, parsed.data.details) : undefined;
    return new SyncError(code, parsed.data.details, seconds === undefined ? {} : { retryAfterSeconds: seconds });
  }
  if (status === 429) {
    const seconds = parseRetryAfter(retryAfter, nowMs);
    return new SyncError('rate_limited', { status }, seconds === undefined ? {} : { retryAfterSeconds: seconds });
  }
  if (status === 401) return new SyncError('unauthenticated');
  if (status === 404) return new SyncError('not_found');
  if (status === 413) return new SyncError('batch_too_large');
  if (status === 426) return new SyncError('protocol_unsupported');
  if (status === 502 || status === 503 || status === 504) return new SyncError('unavailable');
  if (status >= 500) return new SyncError('server_error');
  if (status === 0) return new SyncError('network');
  return new SyncError('invalid_request', { status });
}

export interface BackoffOptions {
  /** First delay ceiling (attempt 0). */
  readonly baseMs?: number;
  /** No delay ever exceeds this. */
  readonly capMs?: number;
}

/**
 * Delay before retry number `attempt` (0 = the first retry): the ceiling doubles per attempt up
 * to `capMs`, and the delay is drawn from the upper half of it ("equal jitter"), so devices that
 * failed together do not come back together, yet none retries immediately. `random` is a number
 * in [0, 1) supplied by the caller (`Math.random()` in the app, fixed in tests).
 */
export function backoffDelay(attempt: number, random: number, { baseMs = 1_000, capMs = 5 * 60_000 }: BackoffOptions = {}): number {
  const n = Number.isFinite(attempt) ? Math.max(0, Math.floor(attempt)) : 0;
  const r = Number.isFinite(random) ? Math.min(Math.max(random, 0), 1) : 0.5;
  // 2 ** 40 already exceeds any sane cap; stopping there keeps the arithmetic finite.
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(n, 40));
  return Math.round(ceiling / 2 + (r * ceiling) / 2);
}
