/**
 * Nested fields: an application's form (`fields`, one entry per field of the paper form) merges
 * entry by entry, not as one value. On the wire and in merge states each entry is its own field,
 * `fields.<entry>` (e.g. `fields.unitNature`), so two clerks who correct different lines of one
 * form offline both keep their edits, and only the same line typed twice becomes a conflict.
 *
 * Records themselves keep their zod shape (`fields` is an object): `flattenNested` turns a
 * record's values into operation fields, `unflattenNested` turns merged values back into a
 * record. A whole `fields` value (written before entries merged separately) is still read: the
 * entries written since lie over it.
 */
import type { SyncedTable } from '../model/records';

/** Tables and their object-valued fields that merge entry by entry. */
const NESTED: Readonly<Partial<Record<SyncedTable, readonly string[]>>> = {
  applications: ['fields'],
};

export function isNestedField(table: SyncedTable, field: string): boolean {
  return NESTED[table]?.includes(field) ?? false;
}

const ENTRY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Operation fields for a change: every nested field's entries become `field.entry`. Entries that
 * disappeared are sent as `null` (cleared), as a cleared top-level field is. An entry name that
 * cannot be a field name (never produced by a pack) keeps the whole value, merged as one field.
 */
export function flattenNested(
  table: SyncedTable,
  changed: Readonly<Record<string, unknown>>,
  before: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  const nested = NESTED[table];
  if (nested === undefined) return { ...changed };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changed)) {
    if (!nested.includes(key) || !isPlainObject(value)) {
      out[key] = value;
      continue;
    }
    // A new form with no entry yet (an application registered before its form is typed) has no
    // entry to send: the empty form goes whole, or the other desks would receive a record with
    // no form at all, which fails its schema and never shows there.
    if (!isPlainObject(before[key]) && Object.keys(value).length === 0) {
      out[key] = {};
      continue;
    }
    const old = isPlainObject(before[key]) ? before[key] : {};
    const names = new Set([...Object.keys(old), ...Object.keys(value)]);
    if ([...names].some((n) => !ENTRY.test(n))) {
      out[key] = value;
      continue;
    }
    for (const name of names) {
      const next = Object.hasOwn(value, name) ? value[name] : undefined;
      const prior = Object.hasOwn(old, name) ? old[name] : undefined;
      if (JSON.stringify(next) === JSON.stringify(prior)) continue;
      out[`${key}.${name}`] = next === undefined ? null : next;
    }
  }
  return out;
}

/**
 * Merged values (a record's whole state) → record values: `fields.x` entries gathered into
 * `fields` (nulls dropped); a nested field with no entry at all is an empty object.
 */
export function unflattenNested(table: SyncedTable, values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const nested = NESTED[table];
  if (nested === undefined) return { ...values };
  const out: Record<string, unknown> = {};
  const entries: Record<string, Record<string, unknown>> = {};
  for (const [key, value] of Object.entries(values)) {
    const dot = key.indexOf('.');
    if (dot < 0) {
      out[key] = value;
      continue;
    }
    const parent = key.slice(0, dot);
    (entries[parent] ??= {})[key.slice(dot + 1)] = value;
  }
  for (const parent of nested) {
    const whole = isPlainObject(out[parent]) ? (out[parent] as Record<string, unknown>) : undefined;
    const own = entries[parent];
    // Records pushed before the empty form was sent whole (see flattenNested) have no trace of
    // it: their form is empty.
    if (whole === undefined && own === undefined) {
      out[parent] = {};
      continue;
    }
    const merged: Record<string, unknown> = { ...(whole ?? {}) };
    for (const [name, value] of Object.entries(own ?? {})) {
      if (value === null || value === undefined) delete merged[name];
      else merged[name] = value;
    }
    out[parent] = merged;
  }
  return out;
}
