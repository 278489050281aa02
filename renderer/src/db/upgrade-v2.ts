/**
 * Schema 1 → 2: outbox operations gain HLC stamps and per-field `prev`, and every record gains
 * its merge state. Nothing had synced under schema 1, so every version-1 operation is still in the
 * outbox; replaying them in order (ids are UUIDv7, hence in creation order) rebuilds exactly what
 * the repository would have written. A record with no operation (written around the repository)
 * gets one full operation, so it reaches the server rather than staying on this desk forever.
 *
 * Pure apart from `newId`: the Dexie glue in `database.ts` reads the rows and writes the result.
 */
import { NODE_ID_PATTERN, type Hlc, type HlcState, initialClock, maxHlc } from '../../../shared/sync/hlc';
import { applyOperation, type RecordState } from '../../../shared/sync/merge';
import { type Operation } from '../../../shared/sync/protocol';
import { stampOperation } from '../../../shared/sync/stamp';
import type { SyncedTable } from '../../../shared/model/records';
import type { MergeStateRow } from './database';

/** The outbox row as schema 1 wrote it. */
export interface OperationV1 {
  id: string;
  table: SyncedTable;
  recordId: string;
  kind: 'put' | 'delete';
  fields: Record<string, unknown>;
  at: string;
  userId: string;
  deviceId: string;
}

export interface StoredRecord {
  readonly table: SyncedTable;
  readonly record: Record<string, unknown> & { id: string; updatedAt?: string; updatedBy?: string; deleted?: boolean };
}

export interface UpgradeResult {
  readonly outbox: Operation[];
  readonly mergeStates: MergeStateRow[];
  /** The newest stamp issued, to seed the clock in `settings`. */
  readonly lastStamp: Hlc | undefined;
}

/** Not fields: the id travels as `recordId`, the tombstone as the operation's kind. */
const NOT_FIELDS = new Set(['id', 'deleted']);

const keyOf = (table: string, recordId: string) => `${table}\u0000${recordId}`;

function fieldsOf(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !NOT_FIELDS.has(k)));
}

function millisOf(instant: string | undefined): number {
  const ms = instant === undefined ? Number.NaN : Date.parse(instant);
  return Number.isFinite(ms) && ms >= 0 ? ms : 0;
}

export function upgradeToV2(opsV1: readonly OperationV1[], records: readonly StoredRecord[], localDeviceId: string, newId: () => string): UpgradeResult {
  const clocks = new Map<string, HlcState>();
  const states = new Map<string, { table: SyncedTable; recordId: string; state: RecordState }>();
  const outbox: Operation[] = [];
  let lastStamp: Hlc | undefined;

  const stamp = (draft: Omit<Parameters<typeof stampOperation>[0], 'resolves'>, deviceId: string, atMs: number) => {
    const node = NODE_ID_PATTERN.test(deviceId) ? deviceId : localDeviceId;
    const key = keyOf(draft.table, draft.recordId);
    const entry = states.get(key);
    const { operation, clock } = stampOperation(draft, entry?.state, clocks.get(node) ?? initialClock(node), atMs);
    clocks.set(node, clock);
    states.set(key, { table: draft.table, recordId: draft.recordId, state: applyOperation(entry?.state, operation) });
    outbox.push(operation);
    lastStamp = lastStamp === undefined ? operation.hlc : maxHlc(lastStamp, operation.hlc);
  };

  for (const op of [...opsV1].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const draft = { id: op.id, table: op.table, recordId: op.recordId, kind: op.kind, fields: fieldsOf(op.fields), userId: op.userId };
    stamp(draft, op.deviceId, millisOf(op.at));
  }

  for (const { table, record } of records) {
    if (states.has(keyOf(table, record.id))) continue;
    const draft = { id: newId(), table, recordId: record.id, kind: record.deleted ? ('delete' as const) : ('put' as const), fields: fieldsOf(record), userId: record.updatedBy ?? 'system' };
    stamp(draft, localDeviceId, millisOf(record.updatedAt));
  }

  const mergeStates = [...states.values()].map(({ table, recordId, state }) => ({ table, recordId, ...state }));
  return { outbox, mergeStates, lastStamp };
}
