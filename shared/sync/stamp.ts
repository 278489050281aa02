/**
 * Turns a local write into a wire operation: stamps it with the device's clock and records, per
 * field, which version(s) it replaced (`prev`), read from the author's merge state. Used by the
 * desk's repository inside the write transaction; pure, so the rules are tested without a database.
 */
import { type Hlc, type HlcState, receive, send } from './hlc';
import { LWW_ONLY_FIELDS, type RecordState } from './merge';
import { type JsonValue, type Operation, type OperationKind } from './protocol';
import { type SyncedTable } from '../model/records';

export interface OperationDraft {
  readonly id: string;
  readonly table: SyncedTable;
  readonly recordId: string;
  readonly kind: OperationKind;
  /** New values as the record holds them; `undefined` (a cleared field) becomes `null`. */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly userId: string;
  /**
   * Fields whose conflict this edit resolves: their `prev` lists every competing version, not
   * only the visible one. An ordinary edit replaces only what the clerk saw, so a pending conflict
   * stays visible until someone decides it on purpose.
   */
  readonly resolves?: readonly string[];
}

/** A record value as JSON: `undefined` is `null` at the top, and dropped inside objects (as JSON.stringify does). */
export function toFieldValue(value: unknown): JsonValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('字段值不是有限数字');
    return value;
  }
  if (Array.isArray(value)) return value.map(toFieldValue);
  // Only plain objects: a Date or Map would otherwise turn silently into `{}`.
  if (typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toFieldValue(v);
    return out;
  }
  throw new TypeError(`字段值无法同步（${typeof value}）`);
}

/** The versions an edit of `field` replaces on this device; `undefined` when the field had none. */
export function prevFor(state: RecordState | undefined, field: string, resolving: boolean): Hlc[] | undefined {
  if (state === undefined || LWW_ONLY_FIELDS.has(field) || !Object.hasOwn(state.fields, field)) return undefined;
  const visible = state.fields[field]!.hlc;
  const competing = resolving && Object.hasOwn(state.conflicts, field) ? state.conflicts[field]!.map((v) => v.hlc) : [];
  return [visible, ...competing].sort();
}

export function stampOperation(
  draft: OperationDraft,
  state: RecordState | undefined,
  clock: HlcState,
  nowMs: number,
): { operation: Operation; clock: HlcState } {
  const resolves = new Set(draft.resolves ?? []);
  const fields: Record<string, JsonValue> = {};
  const prev: Record<string, Hlc[]> = {};
  let newestReplaced: Hlc | undefined;
  for (const [name, value] of Object.entries(draft.fields)) {
    fields[name] = toFieldValue(value);
    const replaced = prevFor(state, name, resolves.has(name));
    if (replaced === undefined) continue;
    prev[name] = replaced;
    const last = replaced[replaced.length - 1]!;
    if (newestReplaced === undefined || last > newestReplaced) newestReplaced = last;
  }
  let stamped = send(clock, nowMs);
  // The clock already passed every version it merged; this only matters for versions that
  // reached the state some other way (a schema upgrade), and keeps every `prev` older than the edit.
  if (newestReplaced !== undefined && newestReplaced >= stamped.hlc) {
    stamped = send(receive(clock, newestReplaced, nowMs, Number.POSITIVE_INFINITY), nowMs);
  }
  const operation: Operation = {
    id: draft.id,
    table: draft.table,
    recordId: draft.recordId,
    kind: draft.kind,
    fields,
    prev,
    hlc: stamped.hlc,
    deviceId: clock.node,
    userId: draft.userId,
  };
  return { operation, clock: stamped.clock };
}
