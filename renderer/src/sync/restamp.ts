/**
 * A desk whose clock ran ahead stamps its work in the future, and the server refuses those
 * stamps (`clock_drift`, more than 5 minutes ahead of its own clock). Once the clock is set right
 * the stamps are still in the future, and the device's hybrid clock, which never goes back, would
 * keep stamping new work there too: nothing could leave the desk until real time caught up.
 *
 * So before each push, operations still waiting in the outbox (or in quarantine) whose stamp is
 * more than `MAX_CLOCK_DRIFT_MS` ahead of the desk's clock — which can only mean the clock was
 * set back since they were made — are stamped again, in their order, from just after the newest
 * stamp the desk holds that is not being replaced (and no earlier than now). Everything that names
 * an old stamp is rewritten with it in ONE transaction: each operation's `hlc` and the `prev` of
 * later operations, the records' merge states (visible versions, conflicts, superseded lists and
 * tombstones), and the device clock itself. No stamp the server ever accepted is touched: it
 * accepted only stamps at most 5 minutes ahead of its own (correct) clock.
 *
 * Stamps keep their order among themselves and stay after every stamp the desk had seen, so each
 * field shows the same value and the same conflicts as before; only the time moves. The clerk is
 * told (`SYNC_KEYS.restamped`, shown by the 同步 page).
 */
import type { DeskDatabase, MergeStateRow } from '../db/database';
import { writeClock } from '../db/clock';
import { initialClock, MAX_CLOCK_DRIFT_MS, receive, send, tryParseHlc, type Hlc, type HlcState } from '../../../shared/sync/hlc';
import type { FieldVersion } from '../../../shared/sync/merge';
import type { Operation } from '../../../shared/sync/protocol';
import { SYNC_KEYS } from './settings';

/** What the 同步 page says after stamps were moved. */
export interface RestampNotice {
  /** How many waiting operations were stamped again. */
  readonly count: number;
  /** How far ahead the furthest one was, in milliseconds. */
  readonly aheadMs: number;
  readonly at: string;
}

const millisOf = (hlc: string): number => tryParseHlc(hlc)?.millis ?? 0;

/** Whether an own operation's stamp lies further ahead of `nowMs` than the server accepts. */
export function isStampedInFuture(op: Pick<Operation, 'hlc'>, nowMs: number): boolean {
  return millisOf(op.hlc) - nowMs > MAX_CLOCK_DRIFT_MS;
}

/**
 * New stamps for `future` (in stamp order), each after `newestKept` and no earlier than `nowMs`,
 * strictly increasing: old stamp → new stamp, and the clock after the last one.
 */
export function planRestamp(
  future: readonly Pick<Operation, 'hlc'>[],
  newestKept: Hlc | undefined,
  node: string,
  nowMs: number,
): { map: Map<string, Hlc>; clock: HlcState } {
  let clock = initialClock(node);
  // A stamp the desk holds is never in the future beyond the drift (receive refused those), so
  // this only orders after it; the bound is lifted because the check is not what this is for.
  if (newestKept !== undefined) clock = receive(clock, newestKept, nowMs, Number.POSITIVE_INFINITY);
  const map = new Map<string, Hlc>();
  for (const op of [...future].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0))) {
    const next = send(clock, nowMs);
    clock = next.clock;
    map.set(op.hlc, next.hlc);
  }
  return { map, clock };
}

function rewriteOperation(op: Operation, map: ReadonlyMap<string, Hlc>): Operation {
  const prev = Object.fromEntries(Object.entries(op.prev).map(([field, versions]) => [field, versions.map((v) => map.get(v) ?? v).sort()]));
  return { ...op, hlc: map.get(op.hlc) ?? op.hlc, prev };
}

const byHlcDesc = (a: FieldVersion, b: FieldVersion): number => (a.hlc < b.hlc ? 1 : a.hlc > b.hlc ? -1 : 0);

/** The merge state with every replaced stamp swapped; null when it names none of them. */
export function rewriteState(row: MergeStateRow, map: ReadonlyMap<string, Hlc>): MergeStateRow | null {
  let touched = false;
  const swap = (hlc: Hlc): Hlc => {
    const next = map.get(hlc);
    if (next === undefined) return hlc;
    touched = true;
    return next;
  };
  const fields = Object.fromEntries(Object.entries(row.fields).map(([k, v]) => [k, { ...v, hlc: swap(v.hlc) }]));
  const conflicts = Object.fromEntries(Object.entries(row.conflicts).map(([k, vs]) => [k, vs.map((v) => ({ ...v, hlc: swap(v.hlc) })).sort(byHlcDesc)]));
  const superseded = Object.fromEntries(Object.entries(row.superseded).map(([k, hs]) => [k, hs.map(swap).sort()]));
  const deleted = row.deleted === undefined ? undefined : { hlc: swap(row.deleted.hlc) };
  if (!touched) return null;
  return { ...row, fields, conflicts, superseded, ...(deleted === undefined ? {} : { deleted }) };
}

function stampsOf(row: MergeStateRow): Hlc[] {
  return [
    ...Object.values(row.fields).map((v) => v.hlc),
    ...Object.values(row.conflicts).flatMap((vs) => vs.map((v) => v.hlc)),
    ...Object.values(row.superseded).flat(),
    ...(row.deleted === undefined ? [] : [row.deleted.hlc]),
  ];
}

/**
 * Stamps again, in one transaction, every waiting operation stamped too far in the future (see
 * the file comment). Returns the notice written, or null when there was nothing to move.
 */
export async function restampFutureOperations(db: DeskDatabase, deviceId: string, nowMs: number): Promise<RestampNotice | null> {
  return db.transaction('rw', [db.outbox, db.quarantine, db.mergeStates, db.settings], async () => {
    const waiting = await db.outbox.toArray();
    const parked = await db.quarantine.toArray();
    const future = [...waiting, ...parked.map((r) => r.operation)].filter((op) => op.deviceId === deviceId && isStampedInFuture(op, nowMs));
    if (future.length === 0) return null;
    const replaced = new Set<string>(future.map((op) => op.hlc));

    let newestKept: Hlc | undefined;
    const keep = (hlc: Hlc) => {
      if (!replaced.has(hlc) && (newestKept === undefined || hlc > newestKept)) newestKept = hlc;
    };
    const states = await db.mergeStates.toArray();
    for (const row of states) stampsOf(row).forEach(keep);
    for (const op of [...waiting, ...parked.map((r) => r.operation)]) {
      keep(op.hlc);
      Object.values(op.prev).flat().forEach(keep);
    }

    const { map, clock } = planRestamp(future, newestKept, deviceId, nowMs);
    await db.outbox.bulkPut(waiting.filter((op) => replaced.has(op.hlc) || Object.values(op.prev).flat().some((v) => replaced.has(v))).map((op) => rewriteOperation(op, map)));
    const parkedChanged = parked.filter((r) => replaced.has(r.operation.hlc) || Object.values(r.operation.prev).flat().some((v) => replaced.has(v)));
    await db.quarantine.bulkPut(parkedChanged.map((r) => ({ ...r, operation: rewriteOperation(r.operation, map) })));
    const rewritten = states.flatMap((row) => {
      const next = rewriteState(row, map);
      return next === null ? [] : [next];
    });
    await db.mergeStates.bulkPut(rewritten);
    await writeClock(db, clock);
    // The batch in flight named operations whose content changed; the server never took it.
    const inflight = (await db.settings.get(SYNC_KEYS.inflight))?.value as { operationIds?: readonly string[] } | undefined;
    const moved = new Set(future.map((op) => op.id));
    if (inflight?.operationIds?.some((id) => moved.has(id))) await db.settings.delete(SYNC_KEYS.inflight);

    const aheadMs = Math.max(...future.map((op) => millisOf(op.hlc) - nowMs));
    const notice: RestampNotice = { count: future.length, aheadMs, at: new Date(nowMs).toISOString() };
    await db.settings.put({ key: SYNC_KEYS.restamped, value: notice });
    return notice;
  });
}

/** `约 7 天` / `约 3 小时` / `约 12 分钟`: how far a clock was off, for the notice. */
export function driftText(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes >= 2 * 24 * 60) return `约 ${Math.round(minutes / (24 * 60))} 天`;
  if (minutes >= 120) return `约 ${Math.round(minutes / 60)} 小时`;
  return `约 ${Math.max(1, minutes)} 分钟`;
}

/** The notice for the 同步 page, in Chinese. */
export function restampMessage(notice: RestampNotice): string {
  return `本机时间曾快了${driftText(notice.aheadMs)}。时间校正后，${notice.count} 条待同步的修改已按正确时间重新标记（先后顺序不变）并继续同步，没有丢失任何内容。`;
}
