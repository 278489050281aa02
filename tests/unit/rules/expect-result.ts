import { expect } from 'vitest';
import type { Result } from '../../../shared/rules/result';

/** Unwraps an ok Result, failing the test with the clerk-facing message otherwise. */
export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Asserts a failed Result with the given stable code and a Chinese message; returns the message. */
export function expectFail<T>(result: Result<T>, code: string): string {
  if (result.ok) throw new Error(`expected ${code}, got ok: ${JSON.stringify(result.value)}`);
  expect(result.error.code).toBe(code);
  expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
  return result.error.message;
}
