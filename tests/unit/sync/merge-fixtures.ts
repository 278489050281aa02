/** Compact builders for merge tests: stamps as `t(ms, device)`, operations as `put(...)` / `del(...)`. */
import { type Hlc, formatHlc } from '../../../shared/sync/hlc';
import { type MergeableOperation } from '../../../shared/sync/merge';
import { type JsonValue } from '../../../shared/sync/protocol';

const T0 = Date.parse('2026-11-22T02:00:00.000Z');

export const t = (ms: number, device: string, counter = 0): Hlc => formatHlc({ millis: T0 + ms, counter, node: device });

export function put(hlc: Hlc, fields: Record<string, JsonValue>, prev: Record<string, Hlc[]> = {}): MergeableOperation {
  return { kind: 'put', fields, prev, hlc, deviceId: hlc.slice(30) };
}

export function del(hlc: Hlc, fields: Record<string, JsonValue> = {}): MergeableOperation {
  return { kind: 'delete', fields, prev: {}, hlc, deviceId: hlc.slice(30) };
}
