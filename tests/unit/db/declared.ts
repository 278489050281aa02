/**
 * The desk's database exactly as an earlier version declared it (only Dexie, none of today's
 * hooks): upgrade tests fill it with what that version stored, then open today's DeskDatabase.
 */
import { Dexie } from 'dexie';
import { schemaV1, schemaV10, schemaV2, schemaV3, schemaV4, schemaV6, schemaV7, schemaV8, schemaV9 } from '../../../renderer/src/db/database';

const DECLARED: readonly (readonly [number, Record<string, string>])[] = [
  [1, schemaV1],
  [2, schemaV2],
  [3, schemaV3],
  [4, schemaV4],
  [6, schemaV6],
  [7, schemaV7],
  [8, schemaV8],
  [9, schemaV9],
  [10, schemaV10],
  // 11 was never released; 12 changed stored values only (codes), no indexes.
  [12, {}],
];

export function openAsDeclared(name: string, upTo: 10 | 12): Dexie {
  const db = new Dexie(name);
  for (const [version, stores] of DECLARED) if (version <= upTo) db.version(version).stores(stores);
  return db;
}

/** When the records the upgrade tests store were written (an earlier version's clock). */
export const STORED_AT = '2026-11-22T02:00:00.000Z';
/** Who wrote such a record and when, as every stored record carries it. */
export const STORED_STAMPS = { createdAt: STORED_AT, createdBy: 'clerk-1', updatedAt: STORED_AT, updatedBy: 'clerk-1' };
