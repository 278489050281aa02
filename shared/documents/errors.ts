/**
 * How the builders fail. Internally they throw DocumentError (or a font/glyph error); each public
 * builder catches at its edge and returns a Result whose message a clerk can act on.
 */
import { fail, type Result } from '../rules/result';
import { MissingFontError } from './fonts';
import { MissingGlyphError } from './pdf/canvas';

export class DocumentError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}

/** Lets a long build stop early: an AbortSignal satisfies it. */
export interface AbortSignalLike {
  readonly aborted: boolean;
}

/** Called after each page or row block: `done` of `total` finished. */
export type ProgressCallback = (done: number, total: number) => void;

export function toFailure<T>(error: unknown): Result<T> {
  if (error instanceof DocumentError) return fail(error.code, error.message);
  if (error instanceof MissingGlyphError) return fail('documents.glyph-missing', error.message);
  if (error instanceof MissingFontError) return fail('documents.font-missing', error.message);
  throw error;
}

export function checkAborted(signal: AbortSignalLike | undefined): void {
  if (signal?.aborted) throw new DocumentError('documents.aborted', '已取消生成。');
}
