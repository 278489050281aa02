/**
 * How the server stores a record's merge state (`records.state`): the shared merge's
 * `RecordState`, written compactly. A state names the same stamp once per field (a create of
 * twelve fields names one stamp twelve times, each followed by its device); stored whole that
 * was a kilobyte a person, three times the operation itself, and the largest thing a push wrote.
 *
 *     {"h":[stamp, …], "f":{name:[value, i]}, "c":{name:[[value, i], …]}, "s":{name:[i, …]}, "d":i}
 *
 * `i` indexes `h`. A version's device is its stamp's node (the protocol refuses an operation
 * whose stamp names another device), written as a third element only where it differs. `c`,
 * `s` and `d` are left out when empty. States stored whole before this format (they have
 * `fields`) are still read.
 */
import { type Hlc } from '../shared/sync/hlc';
import { type FieldVersion, type RecordState } from '../shared/sync/merge';
import { type JsonValue } from '../shared/sync/protocol';

type StoredVersion = [JsonValue, number] | [JsonValue, number, string];

export interface StoredState {
  h: Hlc[];
  f: Record<string, StoredVersion>;
  c?: Record<string, StoredVersion[]>;
  s?: Record<string, number[]>;
  d?: number;
}

/** The node of a stamp (`<24-character ISO>-<4 hex>-<node>`). */
const nodeOf = (hlc: Hlc): string => hlc.slice(30);

/** The state as stored: JSON text, compact. */
export function encodeRecordState(state: RecordState): string {
  return JSON.stringify(compactRecordState(state));
}

/** The stored form as a value, to be written inside a larger JSON document (a batch's rows). */
export function compactRecordState(state: RecordState): StoredState {
  const stamps: Hlc[] = [];
  const index = new Map<Hlc, number>();
  const at = (hlc: Hlc): number => {
    let i = index.get(hlc);
    if (i === undefined) {
      i = stamps.push(hlc) - 1;
      index.set(hlc, i);
    }
    return i;
  };
  const version = (v: FieldVersion): StoredVersion => (v.device === nodeOf(v.hlc) ? [v.value, at(v.hlc)] : [v.value, at(v.hlc), v.device]);
  const out: StoredState = { h: stamps, f: {} };
  for (const name of Object.keys(state.fields)) out.f[name] = version(state.fields[name]!);
  for (const name of Object.keys(state.conflicts)) (out.c ??= {})[name] = state.conflicts[name]!.map(version);
  for (const name of Object.keys(state.superseded)) (out.s ??= {})[name] = state.superseded[name]!.map(at);
  if (state.deleted !== undefined) out.d = at(state.deleted.hlc);
  return out;
}

const isLegacy = (parsed: object): parsed is RecordState => Object.hasOwn(parsed, 'fields');

/** A stored state back as the merge's `RecordState` (either format). */
export function decodeRecordState(text: string): RecordState {
  const parsed = JSON.parse(text) as StoredState | RecordState;
  if (isLegacy(parsed)) return parsed;
  const { h } = parsed;
  const version = ([value, i, device]: StoredVersion): FieldVersion => ({ value, hlc: h[i]!, device: device ?? nodeOf(h[i]!) });
  const fields: Record<string, FieldVersion> = {};
  for (const name of Object.keys(parsed.f)) fields[name] = version(parsed.f[name]!);
  const conflicts: Record<string, FieldVersion[]> = {};
  for (const name of Object.keys(parsed.c ?? {})) conflicts[name] = parsed.c![name]!.map(version);
  const superseded: Record<string, Hlc[]> = {};
  for (const name of Object.keys(parsed.s ?? {})) superseded[name] = parsed.s![name]!.map((i) => h[i]!);
  const state: RecordState = { fields, conflicts, superseded };
  return parsed.d === undefined ? state : { ...state, deleted: { hlc: h[parsed.d]! } };
}
