/**
 * Drafts: forms being typed, kept on this device only (`db.drafts`, never synced). A form saves
 * its draft on every change (debounced by at most ~150 ms, flushed at once when a field is left,
 * Enter is pressed, the window is hidden or the page goes away), so a reload or a crash loses at
 * most the keystroke in flight. The draft is removed when the form is submitted.
 *
 *   new application      id `new-application:<uuid>`, kind 'new-application'
 *   existing application id and kind `application:<applicationId>` (the 申请表 tab)
 */
import { db as defaultDb } from '../../db';
import type { DeskDatabase, DraftRow } from '../../db/database';
import { newId } from '../../db/ids';

export const NEW_APPLICATION_DRAFT = 'new-application';

/** The draft key of an existing application's form. */
export const applicationDraftId = (applicationId: string): string => `application:${applicationId}`;

export function newApplicationDraftId(): string {
  return `${NEW_APPLICATION_DRAFT}:${newId()}`;
}

export interface SaveDraftInput {
  readonly id: string;
  readonly kind: string;
  readonly userId: string;
  readonly values: Record<string, unknown>;
  /** Injected in tests. */
  readonly now?: Date;
}

/** Writes the whole draft (a put: the latest values win). */
export async function saveDraft(input: SaveDraftInput, database: DeskDatabase = defaultDb): Promise<DraftRow> {
  const row: DraftRow = {
    id: input.id,
    kind: input.kind,
    userId: input.userId,
    updatedAt: (input.now ?? new Date()).toISOString(),
    values: structuredClone(input.values),
  };
  await database.drafts.put(row);
  return row;
}

export async function loadDraft(id: string, database: DeskDatabase = defaultDb): Promise<DraftRow | undefined> {
  return database.drafts.get(id);
}

/** Drafts of this kind (and user, when given), newest first. */
export async function listDrafts(
  filter: { readonly kind?: string; readonly userId?: string } = {},
  database: DeskDatabase = defaultDb,
): Promise<DraftRow[]> {
  const rows = await database.drafts.orderBy('updatedAt').reverse().toArray();
  return rows.filter(
    (r) => (filter.kind === undefined || r.kind === filter.kind) && (filter.userId === undefined || r.userId === filter.userId),
  );
}

export async function deleteDraft(id: string, database: DeskDatabase = defaultDb): Promise<void> {
  await database.drafts.delete(id);
}

/** 全部放弃: the listed drafts (only these: a draft typed meanwhile in another tab stays). */
export async function deleteDrafts(ids: readonly string[], database: DeskDatabase = defaultDb): Promise<void> {
  await database.drafts.bulkDelete([...ids]);
}

export interface DraftSaver<V> {
  /** The latest values; saved within `delayMs` unless flushed sooner. */
  schedule(values: V): void;
  /** Saves the pending values now (no-op when nothing is pending); resolves when written. */
  flush(): Promise<void>;
  /** Forgets pending values (after a submit deleted the draft). */
  cancel(): void;
  /** Whether values are waiting to be written. */
  readonly pending: boolean;
}

/**
 * Debounced writer: every `schedule` replaces the pending values and (re)arms a timer of at most
 * `delayMs`; writes never overlap and always go out in order, so the stored draft is the latest.
 */
export function createDraftSaver<V>(
  write: (values: V) => Promise<unknown>,
  options: { readonly delayMs?: number; readonly onError?: (error: unknown) => void } = {},
): DraftSaver<V> {
  const delayMs = options.delayMs ?? 150;
  let pendingValues: { value: V } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let chain: Promise<void> = Promise.resolve();

  const clearTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const flush = (): Promise<void> => {
    clearTimer();
    const next = pendingValues;
    pendingValues = undefined;
    if (next !== undefined) {
      chain = chain.then(
        () =>
          write(next.value).then(
            () => undefined,
            (error: unknown) => options.onError?.(error),
          ),
      );
    }
    return chain;
  };

  return {
    schedule(values: V) {
      pendingValues = { value: values };
      // A timer already armed keeps its deadline: the wait never exceeds delayMs while typing.
      if (timer === undefined) timer = setTimeout(() => void flush(), delayMs);
    },
    flush,
    cancel() {
      clearTimer();
      pendingValues = undefined;
    },
    get pending() {
      return pendingValues !== undefined;
    },
  };
}
