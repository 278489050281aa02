/** Messages between the import screen and its Worker (import.worker.ts). */
import type { ColumnMapping, ProgressPhase, ReadImportResult, SavedMapping } from '../../../../shared/import';
import type { ImportKind } from '../../../../shared/model/records';
import type { Result } from '../../../../shared/rules/result';

export interface ReadRequest {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly programId: string;
  readonly kind: ImportKind;
  readonly today: string;
  readonly sheet?: number;
  readonly mapping?: ColumnMapping;
  readonly saved?: SavedMapping;
}

export type ReadMessage =
  | { readonly id: number; readonly type: 'progress'; readonly phase: ProgressPhase; readonly done: number; readonly total: number }
  | { readonly id: number; readonly type: 'done'; readonly result: Result<ReadImportResult> };
