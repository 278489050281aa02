/**
 * The one result shape every rule returns. A rule never throws for bad input: it says what is
 * wrong in words a clerk understands (zh-CN), with a stable code that screens and tests can match.
 */
export interface RuleError {
  /** Stable, machine-readable code, e.g. `id.checksum`. */
  readonly code: string;
  /** What is wrong and, where possible, what to do — in Chinese, shown to the clerk as is. */
  readonly message: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: RuleError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <T = never>(code: string, message: string): Result<T> => ({ ok: false, error: { code, message } });
