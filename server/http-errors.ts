/**
 * How failures become answers: every error body is `{ error, message, details? }` with a code
 * from the shared closed union (`shared/sync/errors`) and that code's HTTP status, so the desk
 * decides from the code alone whether to retry (4xx never, 5xx with backoff; `rate_limited`, 429,
 * after its `Retry-After` header, which the handler sets from the error).
 */
import { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { SyncError, errorBody, type SyncErrorCode, SYNC_ERRORS } from '../shared/sync/errors';

/** Errors that mean "the database is not reachable right now": worth a retry, not a bug. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
  '57P01',
  '57P02',
  '57P03',
]);

export function isUnavailableError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect|Cannot use a pool after calling end|PGlite is closed/i.test(message);
}

export function sendError(reply: FastifyReply, code: SyncErrorCode, details?: unknown, message?: string): FastifyReply {
  const body = errorBody(code, details);
  return reply
    .code(SYNC_ERRORS[code].status)
    .type('application/json; charset=utf-8')
    .send(message === undefined ? body : { ...body, message });
}

/** The code for a fastify-level failure (body too large, bad JSON, wrong media type …). */
function codeForFrameworkError(error: FastifyError, request: FastifyRequest): SyncErrorCode | undefined {
  const status = error.statusCode;
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) {
    return request.routeOptions.url === '/blobs/:sha256' ? 'blob_too_large' : 'batch_too_large';
  }
  if (status !== undefined && status >= 400 && status < 500) return 'invalid_request';
  return undefined;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof SyncError) {
      if (error.retryAfterSeconds !== undefined) void reply.header('retry-after', String(error.retryAfterSeconds));
      if (error.status >= 500) request.log.error({ err: error }, 'sync error');
      else request.log.info({ code: error.code }, 'request refused');
      return sendError(reply, error.code, error.details);
    }
    const framework = codeForFrameworkError(error, request);
    if (framework !== undefined) {
      request.log.info({ code: framework, reason: error.code ?? error.message }, 'request refused');
      return sendError(reply, framework, error.code === undefined ? undefined : { reason: error.code });
    }
    if (isUnavailableError(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return sendError(reply, 'unavailable');
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendError(reply, 'server_error');
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, 'not_found', { method: request.method, url: request.url.slice(0, 200) }));
}
