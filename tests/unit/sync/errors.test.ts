import { describe, expect, it } from 'vitest';
import {
  SYNC_ERRORS,
  SyncError,
  backoffDelay,
  errorBody,
  errorFromResponse,
  isSyncErrorCode,
  MAX_RETRY_AFTER_SECONDS,
  parseRetryAfter,
  syncErrorBodySchema,
  type SyncErrorCode,
} from '../../../shared/sync/errors';

const codes = Object.keys(SYNC_ERRORS) as SyncErrorCode[];

describe('sync error codes', () => {
  it('includes every code client and server agreed on', () => {
    for (const code of [
      'invalid_batch',
      'batch_too_large',
      'unknown_table',
      'forbidden_office',
      'device_revoked',
      'unauthenticated',
      'enrolment_code_invalid',
      'rate_limited',
      'blob_hash_mismatch',
      'blob_too_large',
      'clock_drift',
      'server_error',
      'unavailable',
      'network',
    ]) {
      expect(isSyncErrorCode(code), code).toBe(true);
    }
    expect(isSyncErrorCode('toString')).toBe(false);
    expect(isSyncErrorCode('nope')).toBe(false);
    // Folded into the general `rate_limited`: no caller needs to tell the rate-limited endpoints apart.
    expect(isSyncErrorCode('enrolment_rate_limited')).toBe(false);
  });

  it.each(codes)('%s: 4xx never retries (429 is the one exception), 5xx and network do; the message is Chinese and says what to do', (code) => {
    const { status, retry, message } = SYNC_ERRORS[code];
    if (status >= 400 && status < 500) expect(retry).toBe(status === 429);
    if (status >= 500 || status === 0) expect(retry).toBe(true);
    expect(status === 0 || (status >= 400 && status < 600)).toBe(true);
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(message).toMatch(/请|会自动重试/);
  });

  it('a SyncError carries its code, status, retry flag and body', () => {
    const error = new SyncError('device_revoked');
    expect(error).toMatchObject({ code: 'device_revoked', status: 403, retry: false, name: 'SyncError' });
    expect(syncErrorBodySchema.parse(error.toBody())).toEqual({ error: 'device_revoked', message: SYNC_ERRORS.device_revoked.message });
    expect(errorBody('invalid_batch', { issues: ['x'] })).toMatchObject({ error: 'invalid_batch', details: { issues: ['x'] } });
  });
});

describe('errorFromResponse', () => {
  it('trusts a body that names a known code', () => {
    expect(errorFromResponse(403, errorBody('forbidden_office')).code).toBe('forbidden_office');
  });

  it.each([
    [500, 'server_error', true], [502, 'unavailable', true], [503, 'unavailable', true], [504, 'unavailable', true],
    [401, 'unauthenticated', false], [404, 'not_found', false], [413, 'batch_too_large', false], [426, 'protocol_unsupported', false],
    [400, 'invalid_request', false], [418, 'invalid_request', false],
    [0, 'network', true], [429, 'rate_limited', true],
  ] as const)('falls back on the status for a foreign body: %i → %s', (status, code, retry) => {
    const error = errorFromResponse(status, '<html>Bad Gateway</html>');
    expect(error.code).toBe(code);
    expect(error.retry).toBe(retry);
  });

  it('ignores a body with an unknown code', () => {
    expect(errorFromResponse(500, { error: 'disk_on_fire', message: 'x' }).code).toBe('server_error');
  });
});

describe('rate_limited (429): the one 4xx that is retried, after Retry-After', () => {
  const now = Date.parse('2026-11-22T08:00:00Z');

  it('is HTTP 429 and retried', () => {
    expect(SYNC_ERRORS.rate_limited).toMatchObject({ status: 429, retry: true });
    expect(Object.values(SYNC_ERRORS).filter((e) => e.status === 429)).toHaveLength(1);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(errorFromResponse(429, errorBody('rate_limited'), '120', now).retryAfterSeconds).toBe(120);
    expect(errorFromResponse(429, errorBody('rate_limited'), new Date(now + 90_500).toUTCString(), now).retryAfterSeconds).toBe(90);
    expect(errorFromResponse(429, errorBody('rate_limited'), new Date(now - 5_000).toUTCString(), now).retryAfterSeconds).toBe(0);
    expect(parseRetryAfter(' 7 ', now)).toBe(7);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('falls back on the body’s details when the header cannot be read (another origin)', () => {
    const error = errorFromResponse(429, errorBody('rate_limited', { retryAfterSeconds: 600 }), null, now);
    expect(error).toMatchObject({ code: 'rate_limited', retry: true, retryAfterSeconds: 600 });
  });

  it('a proxy’s own 429 page is rate_limited too, with its Retry-After', () => {
    const error = errorFromResponse(429, '<html>Too Many Requests</html>', '30', now);
    expect(error).toMatchObject({ code: 'rate_limited', retry: true, retryAfterSeconds: 30 });
  });

  it('caps an absurd Retry-After at an hour and ignores it on other codes', () => {
    expect(errorFromResponse(429, errorBody('rate_limited'), '99999999', now).retryAfterSeconds).toBe(MAX_RETRY_AFTER_SECONDS);
    expect(errorFromResponse(503, errorBody('unavailable'), '30', now).retryAfterSeconds).toBeUndefined();
    expect(new SyncError('rate_limited', undefined, { retryAfterSeconds: -4 }).retryAfterSeconds).toBe(0);
  });
});

describe('backoffDelay', () => {
  it('doubles its ceiling per attempt, drawing from the upper half', () => {
    expect(backoffDelay(0, 0)).toBe(500);
    expect(backoffDelay(0, 1)).toBe(1000);
    expect(backoffDelay(1, 0)).toBe(1000);
    expect(backoffDelay(3, 0.5)).toBe(6000);
  });

  it('never exceeds the cap, even for absurd attempts', () => {
    expect(backoffDelay(30, 1)).toBe(300_000);
    expect(backoffDelay(10_000, 0.999)).toBeLessThanOrEqual(300_000);
    expect(backoffDelay(5, 1, { baseMs: 100, capMs: 1000 })).toBe(1000);
  });

  it('is never negative or NaN for bad inputs', () => {
    for (const [attempt, random] of [
      [-3, 0.2],
      [Number.NaN, 0.2],
      [2, Number.NaN],
      [2, -1],
      [2, 7],
      [Number.POSITIVE_INFINITY, 0.5],
    ]) {
      const d = backoffDelay(attempt!, random!);
      expect(Number.isFinite(d) && d >= 0).toBe(true);
    }
  });

  it('spreads devices that failed together', () => {
    const delays = new Set([0, 0.25, 0.5, 0.75].map((r) => backoffDelay(4, r)));
    expect(delays.size).toBe(4);
  });
});
