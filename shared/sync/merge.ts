/**
 * The one merge function, run by the server and by every desk on the operations of one record.
 *
 * Per field, last writer wins by HLC, so every replica shows the same value. But a later stamp is
 * not proof that its author saw the earlier value: two clerks offline on different desks may
 * both correct a name. Each edit therefore names, in `prev`, the exact version(s) it replaced on
 * its author's desk. A version named in some edit's `prev` is *superseded*: someone saw it and
 * wrote over it. Versions of a field that nobody has superseded are the field's *frontier*; its
 * newest is the visible value and the rest are *conflicts*, kept with their values until a person
 * chooses. Choosing is an ordinary put whose `prev` lists every competing version, so it
 * supersedes them all and the conflict disappears on every replica that receives it.
 *
 * The state of a field is a function of the SET of operations received, never of their order:
 * superseded = union of all `prev`; frontier = received versions not superseded. Hence applying
 * operations is commutative, associative and idempotent, and replicas that received the same
 * operations hold equal states (`tests/unit/sync/merge.property.test.ts` checks this).
 *
 * Why exact versions and not "prev ≥ stamp means seen": a desk that was offline for a week
 * uploads old stamps; with a ≥ rule, any edit made elsewhere in the meantime would appear to have
 * seen them, and their values would vanish without a conflict. The price is that superseded
 * versions are remembered forever (one stamp per edit of a field): forgetting one would let a
 * late duplicate of that version come back as a spurious conflict.
 *
 * Deletion is a tombstone that sticks: once any replica has a delete, the record is deleted
 * everywhere, whatever the order of puts. Puts that arrive after it still merge their fields
 * (nothing a clerk typed is dropped: it stays in the state and in the audit log) but do not
 * resurrect the record; an undelete, if ever needed, is a separate decision for a person.
 *
 * `updatedAt` and `updatedBy` change on every write; they are plain last-writer-wins, or two
 * clerks editing different fields of one record would always "conflict" on them.
 */
import { type Hlc } from './hlc';
import { type JsonValue, type Operation } from './protocol';

export interface FieldVersion {
  readonly value: JsonValue;
  readonly hlc: Hlc;
  /** The device that wrote it (also the node of `hlc`); shown beside a conflict. */
  readonly device: string;
}

export interface RecordState {
  /** The visible version of each field: the newest not-superseded one. `null` = cleared. */
  readonly fields: Readonly<Record<string, FieldVersion>>;
  /** Competing versions a person has not yet resolved, newest first. No key when none. */
  readonly conflicts: Readonly<Record<string, readonly FieldVersion[]>>;
  /** Versions some edit has replaced, ascending. No key when none. */
  readonly superseded: Readonly<Record<string, readonly Hlc[]>>;
  readonly deleted?: { readonly hlc: Hlc };
}

/** What the merge reads from an operation; table and record id select the state it applies to. */
export type MergeableOperation = Pick<Operation, 'kind' | 'fields' | 'prev' | 'hlc' | 'deviceId'>;

export const LWW_ONLY_FIELDS: ReadonlySet<string> = new Set(['updatedAt', 'updatedBy']);

export const EMPTY_RECORD_STATE: RecordState = { fields: {}, conflicts: {}, superseded: {} };

const own = <V>(o: Readonly<Record<string, V>>, k: string): V | undefined => (Object.hasOwn(o, k) ? o[k] : undefined);

function byHlcDesc(a: FieldVersion, b: FieldVersion): number {
  return a.hlc < b.hlc ? 1 : a.hlc > b.hlc ? -1 : 0;
}

/**
 * One stamp is one write, so versions with equal stamps are the same version. Only a faulty
 * client could send two values under one stamp; the larger encoding wins so replicas still agree.
 */
function pickSame(a: FieldVersion, b: FieldVersion): FieldVersion {
  return JSON.stringify(a.value) >= JSON.stringify(b.value) ? a : b;
}

function sortedUnion(a: readonly Hlc[] | undefined, b: readonly Hlc[] | undefined): Hlc[] {
  return [...new Set([...(a ?? []), ...(b ?? [])])].sort();
}

interface FieldMerge {
  winner: FieldVersion;
  conflicts: FieldVersion[];
  superseded: Hlc[];
}

function mergeField(field: string, a: RecordState, b: RecordState): FieldMerge | undefined {
  const byStamp = new Map<Hlc, FieldVersion>();
  for (const state of [a, b]) {
    const winner = own(state.fields, field);
    for (const v of winner === undefined ? [] : [winner, ...(own(state.conflicts, field) ?? [])]) {
      const seen = byStamp.get(v.hlc);
      byStamp.set(v.hlc, seen === undefined ? v : pickSame(seen, v));
    }
  }
  const versions = [...byStamp.values()].sort(byHlcDesc);
  if (versions.length === 0) return undefined;
  if (LWW_ONLY_FIELDS.has(field)) return { winner: versions[0]!, conflicts: [], superseded: [] };

  const superseded = sortedUnion(own(a.superseded, field), own(b.superseded, field));
  const gone = new Set(superseded);
  const frontier = versions.filter((v) => !gone.has(v.hlc));
  // A version is superseded only by an edit stamped after it, so the newest received version is
  // always on the frontier; the fallback only guards against hand-made states.
  const [winner, ...conflicts] = frontier.length > 0 ? frontier : [versions[0]!];
  return { winner: winner!, conflicts, superseded };
}

function maxTombstone(a: RecordState['deleted'], b: RecordState['deleted']): RecordState['deleted'] {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a.hlc >= b.hlc ? a : b;
}

/** The join of two states: what a replica holds after receiving everything either one received. */
export function mergeStates(a: RecordState, b: RecordState): RecordState {
  const names = [...new Set([...Object.keys(a.fields), ...Object.keys(b.fields), ...Object.keys(a.superseded), ...Object.keys(b.superseded)])].sort();
  const fields: Record<string, FieldVersion> = {};
  const conflicts: Record<string, FieldVersion[]> = {};
  const superseded: Record<string, Hlc[]> = {};
  for (const name of names) {
    const merged = mergeField(name, a, b);
    if (merged === undefined) continue;
    fields[name] = merged.winner;
    if (merged.conflicts.length > 0) conflicts[name] = merged.conflicts;
    if (merged.superseded.length > 0) superseded[name] = merged.superseded;
  }
  const deleted = maxTombstone(a.deleted, b.deleted);
  return deleted === undefined ? { fields, conflicts, superseded } : { fields, conflicts, superseded, deleted };
}

/** The state of a record that has received only this operation. */
export function stateOfOperation(op: MergeableOperation): RecordState {
  const fields: Record<string, FieldVersion> = {};
  const superseded: Record<string, Hlc[]> = {};
  for (const [name, value] of Object.entries(op.fields)) {
    fields[name] = { value, hlc: op.hlc, device: op.deviceId };
    const prev = own(op.prev, name);
    if (prev !== undefined && prev.length > 0 && !LWW_ONLY_FIELDS.has(name)) superseded[name] = sortedUnion(prev, undefined);
  }
  const base = { fields, conflicts: {}, superseded };
  return op.kind === 'delete' ? { ...base, deleted: { hlc: op.hlc } } : base;
}

export function applyOperation(state: RecordState | undefined, op: MergeableOperation): RecordState {
  if (state === undefined && isPlainCreate(op)) return firstState(op);
  return mergeStates(state ?? EMPTY_RECORD_STATE, stateOfOperation(op));
}

/** A put that replaced nothing: what a new record's first operation is. */
function isPlainCreate(op: MergeableOperation): boolean {
  if (op.kind !== 'put') return false;
  for (const name in op.prev) if (Object.hasOwn(op.prev, name)) return false;
  return true;
}

/**
 * `mergeStates(EMPTY_RECORD_STATE, stateOfOperation(op))` for a plain create, without the
 * general merge: each field's one version wins, nothing conflicts or is superseded. Fields in
 * name order, as the merge writes them (stored states compare as text).
 */
function firstState(op: MergeableOperation): RecordState {
  const fields: Record<string, FieldVersion> = {};
  for (const name of Object.keys(op.fields).sort()) fields[name] = { value: op.fields[name]!, hlc: op.hlc, device: op.deviceId };
  return { fields, conflicts: {}, superseded: {} };
}

export function applyOperations(state: RecordState | undefined, ops: Iterable<MergeableOperation>): RecordState {
  let result = state ?? EMPTY_RECORD_STATE;
  for (const op of ops) result = applyOperation(result, op);
  return result;
}

export function isDeleted(state: RecordState): boolean {
  return state.deleted !== undefined;
}

/** The record as every replica shows it: each field's visible value; cleared (`null`) fields absent. */
export function visibleValues(state: RecordState): Record<string, JsonValue> {
  const values: Record<string, JsonValue> = {};
  for (const [name, version] of Object.entries(state.fields)) if (version.value !== null) values[name] = version.value;
  return values;
}

export interface FieldConflict {
  readonly field: string;
  /** Every competing version, the visible one first. */
  readonly versions: readonly FieldVersion[];
}

export function conflictsOf(state: RecordState): FieldConflict[] {
  return Object.entries(state.conflicts)
    .filter(([, losers]) => losers.length > 0)
    .map(([field, losers]) => ({ field, versions: [state.fields[field]!, ...losers] }));
}

export function hasConflicts(state: RecordState): boolean {
  return Object.values(state.conflicts).some((losers) => losers.length > 0);
}
