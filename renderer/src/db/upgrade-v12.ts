/**
 * Schema version 12: values stored in Chinese become codes (STYLE: stored values are codes; labels
 * come from i18n). 000 第十一条's 退回提交单位或个人 was kept as '单位' / '个人' in a workflow event's
 * `returnTo`, and the old review sheet's 结论 as '建议通过' / '建议不通过' in `reviews.outcome`.
 * The records, their merge states (visible values and competing ones) and the operations still
 * waiting in the outbox are rewritten alike, so what the desk shows, what a merge compares and
 * what it sends agree. Operations that arrive later from a desk not yet upgraded read the same way
 * (the record schema maps the old words to the codes).
 */
import type { Transaction } from 'dexie';

/** The old words and their codes, per table and field. */
export const V12_CODES: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, string>>>>>> = {
  workflowEvents: { returnTo: { 单位: 'unit', 个人: 'individual' } },
  reviews: { outcome: { 建议通过: 'recommend', 建议不通过: 'not-recommend' } },
};

type Row = Record<string, unknown>;

function recode(table: string, field: string, value: unknown): unknown {
  const codes = V12_CODES[table]?.[field];
  return typeof value === 'string' && codes !== undefined && Object.hasOwn(codes, value) ? codes[value] : value;
}

/** Rewrites one record's fields in place; true when anything changed. */
function recodeFields(table: string, fields: Row): boolean {
  let changed = false;
  for (const field of Object.keys(V12_CODES[table] ?? {})) {
    if (!(field in fields)) continue;
    const next = recode(table, field, fields[field]);
    if (next !== fields[field]) {
      fields[field] = next;
      changed = true;
    }
  }
  return changed;
}

interface VersionRow {
  value: unknown;
}

export async function upgradeToV12(tx: Transaction): Promise<void> {
  for (const table of Object.keys(V12_CODES)) {
    await tx
      .table(table)
      .toCollection()
      .modify((row: Row) => {
        recodeFields(table, row);
      });
  }
  await tx
    .table('mergeStates')
    .toCollection()
    .modify((state: { table: string; fields?: Record<string, VersionRow>; conflicts?: Record<string, VersionRow[]> }) => {
      const fields = V12_CODES[state.table];
      if (fields === undefined) return;
      for (const field of Object.keys(fields)) {
        const visible = state.fields?.[field];
        if (visible) visible.value = recode(state.table, field, visible.value);
        for (const competing of state.conflicts?.[field] ?? []) competing.value = recode(state.table, field, competing.value);
      }
    });
  await tx
    .table('outbox')
    .toCollection()
    .modify((op: { table: string; fields?: Row }) => {
      if (op.fields && V12_CODES[op.table]) recodeFields(op.table, op.fields);
    });
}
