/**
 * This desk's hybrid logical clock, kept in `settings` so it survives restarts. The repository
 * reads and writes it inside each write's transaction: if the write rolls back, so does the
 * clock, and two writes can never be issued the same stamp. Only the last issued stamp is stored;
 * the node is always the device id the caller writes as.
 */
import { type Hlc, type HlcState, formatHlc, initialClock, receive, tryParseHlc } from '../../../shared/sync/hlc';
import type { DeskDatabase } from './database';

export const CLOCK_KEY = 'hlc';

export async function readClock(db: DeskDatabase, deviceId: string): Promise<HlcState> {
  const row = await db.settings.get(CLOCK_KEY);
  const stored = typeof row?.value === 'string' ? tryParseHlc(row.value) : null;
  // A missing or unreadable value restarts from the wall clock; the stamp of every edit is still
  // kept after the versions it replaces (see `stampOperation`).
  const fresh = initialClock(deviceId);
  return stored === null ? fresh : { ...stored, node: fresh.node };
}

export async function writeClock(db: DeskDatabase, clock: HlcState): Promise<void> {
  await db.settings.put({ key: CLOCK_KEY, value: formatHlc(clock) });
}

/**
 * Moves the clock past stamps received from other desks, so this desk's next edit is stamped
 * after everything it has seen. Throws `ClockDriftError` (nothing written) on a stamp too far in
 * the future. Call inside the transaction that merges those operations.
 */
export async function observeStamps(db: DeskDatabase, deviceId: string, stamps: Iterable<Hlc>, nowMs: number): Promise<HlcState> {
  let clock = await readClock(db, deviceId);
  for (const stamp of stamps) clock = receive(clock, stamp, nowMs);
  await writeClock(db, clock);
  return clock;
}
