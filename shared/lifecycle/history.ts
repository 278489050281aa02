/**
 * A certificate's history as the holder's page shows it: its stored events in order, plus what
 * the date alone decided (expired or lapsed the day after the last valid day), so the list
 * reads issued → renewed → … → expired without anyone having recorded the expiry.
 */
import type { CertificateEvent } from '../model/records';
import { addDays, type IsoDate } from '../rules/civil-date';
import type { CertificateStatus } from './status';

export interface HistoryEntry {
  readonly kind: CertificateEvent['kind'];
  readonly on: IsoDate;
  /** The stored event, absent for what the date decided. */
  readonly event?: CertificateEvent;
}

/**
 * Stored events (deleted ones left out) by day, then in the order they were recorded, and the
 * expiry or lapse when `status` says so.
 */
export function certificateHistory(events: readonly CertificateEvent[], status: CertificateStatus): HistoryEntry[] {
  const entries: HistoryEntry[] = events
    .filter((e) => !e.deleted)
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((event) => ({ kind: event.kind, on: event.on, event }));
  if ((status.code === 'expired' || status.code === 'lapsed') && status.expiry !== undefined) {
    const day = addDays(status.expiry, 1);
    if (day.ok) {
      // After every event of that day or earlier, before any recorded later (a reprint request, an appeal).
      const at = entries.findIndex((e) => e.on > day.value);
      entries.splice(at < 0 ? entries.length : at, 0, { kind: status.code, on: day.value });
    }
  }
  return entries;
}
