/**
 * Where a certificate stands today: statuses follow the date, nobody has to click "expired".
 *
 *   not-yet-valid → valid → renewal-window → expired | lapsed
 *
 * with, decided by people and stored: void (作废: replaced by a reissue or an exchange),
 * cancelled (注销, 003 十), revoked and suspended (004 第十九条); and, from the records:
 * superseded (a renewal issued its successor), deferred (003 八: valid to a deferred date).
 *
 * Built to run over every certificate of an office on each screen refresh (200,000 in the
 * bench): the per-program rules are read from the pack once (`lifecycleRulesOf`), dates are
 * compared as canonical strings, and nothing allocates but the answer.
 */
import { addDays, addMonths, dayNumberOf, type IsoDate } from '../rules/civil-date';
import { ok, type Result } from '../rules/result';
import type { DateWindow } from '../rules/validity';
import type { CertificateEvent, CertificateStoredStatus } from '../model/records';
import type { ProgramPack } from '../programs/schema';

export const CERTIFICATE_STATUS_CODES = [
  'not-yet-valid',
  'valid',
  'renewal-window',
  'deferred',
  'expired',
  'lapsed',
  'superseded',
  'void',
  'cancelled',
  'revoked',
  'suspended',
] as const;
export type CertificateStatusCode = (typeof CERTIFICATE_STATUS_CODES)[number];

/** Statuses after which nothing can be renewed, changed or deferred (a decision or the date ended it). */
export const ENDED_STATUSES: ReadonlySet<CertificateStatusCode> = new Set(['void', 'cancelled', 'revoked', 'lapsed', 'superseded']);

/** What the status needs from a program's pack, read once per program. */
export interface LifecycleRules {
  /** Months of the renewal window before expiry; undefined when the program renews nothing. */
  readonly windowMonths: number | undefined;
  /** What the certificate becomes after expiry. */
  readonly afterExpiry: 'expired' | 'lapsed';
  /** 004 第十七条: it lapses only when no renewal was filed by the expiry day. */
  readonly unlessRenewalFiled: boolean;
}

/** No lifecycle in the pack (P3's annual certificate): valid, then expired. */
export const PLAIN_RULES: LifecycleRules = { windowMonths: undefined, afterExpiry: 'expired', unlessRenewalFiled: false };

export function lifecycleRulesOf(pack: ProgramPack): LifecycleRules {
  const life = pack.lifecycle;
  if (life === undefined) return PLAIN_RULES;
  const window = life.renewal ? pack.windows.find((w) => w.id === life.renewal?.window) : undefined;
  return {
    windowMonths: window?.monthsBeforeExpiry,
    afterExpiry: life.expiry?.becomes ?? 'expired',
    unlessRenewalFiled: life.expiry?.unlessRenewalFiled ?? false,
  };
}

/** The certificate's fields the status reads. */
export interface StatusCertificate {
  readonly status: CertificateStoredStatus;
  readonly issuedOn: IsoDate;
  readonly validFrom?: IsoDate | undefined;
  readonly validUntil?: IsoDate | undefined;
  readonly replacedBy?: string | undefined;
}

/** What the status reads beyond the record, gathered once from the events (`statusFactsOf`). */
export interface StatusFacts {
  /** The validUntil a deferral gave (003 八); when it is still the record's, the certificate is deferred. */
  readonly deferredUntil?: IsoDate | undefined;
  /** The day a renewal (re-evaluation) was filed, for 004 第十七条. */
  readonly renewalFiledOn?: IsoDate | undefined;
}

export interface CertificateStatus {
  readonly code: CertificateStatusCode;
  /** The last valid day (after any deferral), when the certificate has one. */
  readonly expiry?: IsoDate;
  /** The renewal window, both ends inclusive, when the program has one. */
  readonly window?: DateWindow;
}

/** The deferral and renewal facts of one certificate's events (any order). */
export function statusFactsOf(events: readonly Pick<CertificateEvent, 'kind' | 'on' | 'validUntil' | 'id'>[], renewalFiledOn?: IsoDate): StatusFacts {
  let deferred: { id: string; until: IsoDate } | undefined;
  for (const e of events) {
    if (e.kind === 'deferred' && e.validUntil !== undefined && (deferred === undefined || e.id > deferred.id)) deferred = { id: e.id, until: e.validUntil };
  }
  return { ...(deferred ? { deferredUntil: deferred.until } : {}), ...(renewalFiledOn ? { renewalFiledOn } : {}) };
}

const STORED_FINAL: Readonly<Partial<Record<CertificateStoredStatus, CertificateStatusCode>>> = {
  void: 'void',
  cancelled: 'cancelled',
  revoked: 'revoked',
  suspended: 'suspended',
};

/**
 * The status on `today`. Stored decisions win (void, cancelled, revoked, suspended), then a
 * successor (superseded), then the date: before validFrom not yet valid; after the expiry day
 * expired or lapsed as the pack says; a current deferral; the renewal window
 * [expiry − N months, expiry]; otherwise valid. A record stored as 'expired' stays so.
 */
const NO_FACTS: StatusFacts = {};

/**
 * First day of the window `months` before `until`, remembered per (months, until): an office's
 * certificates share a few thousand expiry days, and this runs for each of them on every refresh.
 */
const windowStarts = new Map<number, Map<string, string | null>>();
const WINDOW_CACHE_LIMIT = 100_000;

function windowStart(until: IsoDate, months: number): string | null {
  let byUntil = windowStarts.get(months);
  if (byUntil === undefined) {
    byUntil = new Map();
    windowStarts.set(months, byUntil);
  }
  let from = byUntil.get(until);
  if (from === undefined) {
    const computed = addMonths(until, -months);
    from = computed.ok ? computed.value : null;
    if (byUntil.size >= WINDOW_CACHE_LIMIT) byUntil.clear();
    byUntil.set(until, from);
  }
  return from;
}

export function certificateStatus(certificate: StatusCertificate, today: IsoDate, rules: LifecycleRules, facts: StatusFacts = NO_FACTS): CertificateStatus {
  const until = certificate.validUntil;
  const stored = STORED_FINAL[certificate.status];
  if (stored !== undefined) return until === undefined ? { code: stored } : { code: stored, expiry: until };
  if (certificate.replacedBy !== undefined) return until === undefined ? { code: 'superseded' } : { code: 'superseded', expiry: until };
  if (until === undefined) return { code: certificate.status === 'expired' ? 'expired' : today < (certificate.validFrom ?? certificate.issuedOn) ? 'not-yet-valid' : 'valid' };
  let window: DateWindow | undefined;
  if (rules.windowMonths !== undefined) {
    const from = windowStart(until, rules.windowMonths);
    if (from !== null) window = { from, to: until };
  }
  let code: CertificateStatusCode;
  if (today > until || certificate.status === 'expired') {
    const filedInTime = facts.renewalFiledOn !== undefined && facts.renewalFiledOn <= until;
    code = rules.afterExpiry === 'lapsed' && !(rules.unlessRenewalFiled && filedInTime) ? 'lapsed' : 'expired';
  } else if (today < (certificate.validFrom ?? certificate.issuedOn)) code = 'not-yet-valid';
  else if (facts.deferredUntil !== undefined && facts.deferredUntil === until) code = 'deferred';
  else if (window !== undefined && today >= window.from) code = 'renewal-window';
  else code = 'valid';
  // Built whole rather than spread: this runs for every certificate of the office.
  return window === undefined ? { code, expiry: until } : { code, expiry: until, window };
}

// ---------------------------------------------------------------------------------------------
// The reminder dashboard
// ---------------------------------------------------------------------------------------------

/** Look-ahead horizons of the dashboard, in calendar days. */
export const DASHBOARD_HORIZONS = [30, 90, 180] as const;

export interface DashboardRow<C> {
  readonly certificate: C;
  /** The first day of its renewal window. */
  readonly windowOpensOn: IsoDate;
  /** Calendar days from today until the window opens (1 = tomorrow). */
  readonly daysUntilOpen: number;
  readonly expiry: IsoDate;
}

export interface RenewalDashboard<C> {
  /** Certificates whose window opens within the longest horizon, soonest first. */
  readonly upcoming: readonly DashboardRow<C>[];
  /** How many open within each horizon (cumulative: 90 includes 30). */
  readonly counts: Readonly<Record<(typeof DASHBOARD_HORIZONS)[number], number>>;
  /** In their window today, and still renewable. */
  readonly inWindow: readonly C[];
}

/**
 * Certificates entering their renewal window in the next 30 / 90 / 180 days (window opening
 * after today, on or before today + N), and those in it now. Only certificates still running
 * (valid or deferred, not superseded) are reminded: a void, cancelled or renewed one is not.
 * `rulesOf` returns the rules of a certificate's program (read from its pack once).
 */
export function renewalDashboard<C extends StatusCertificate & { readonly programId: string }>(
  certificates: readonly C[],
  today: IsoDate,
  rulesOf: (programId: string) => LifecycleRules,
  factsOf?: (certificate: C) => StatusFacts,
): Result<RenewalDashboard<C>> {
  const horizonEnds: IsoDate[] = [];
  for (const days of DASHBOARD_HORIZONS) {
    const end = addDays(today, days);
    if (!end.ok) return end;
    horizonEnds.push(end.value);
  }
  const lastEnd = horizonEnds[horizonEnds.length - 1]!;
  const todayNumber = dayNumberOf(today);
  const upcoming: DashboardRow<C>[] = [];
  const inWindow: C[] = [];
  let lastProgram = '';
  let rules = PLAIN_RULES;
  for (let i = 0; i < certificates.length; i++) {
    const c = certificates[i]!;
    if (c.programId !== lastProgram) {
      lastProgram = c.programId;
      rules = rulesOf(c.programId);
    }
    if (rules.windowMonths === undefined || c.validUntil === undefined) continue;
    const status = certificateStatus(c, today, rules, factsOf ? factsOf(c) : undefined);
    if (status.code === 'renewal-window') {
      inWindow.push(c);
      continue;
    }
    if ((status.code !== 'valid' && status.code !== 'deferred') || status.window === undefined) continue;
    const opens = status.window.from;
    if (opens <= today) {
      // A deferred certificate already past its window's first day is still to be reminded.
      inWindow.push(c);
      continue;
    }
    if (opens > lastEnd) continue;
    upcoming.push({ certificate: c, windowOpensOn: opens, daysUntilOpen: dayNumberOf(opens) - todayNumber, expiry: status.window.to });
  }
  upcoming.sort((a, b) => (a.windowOpensOn < b.windowOpensOn ? -1 : a.windowOpensOn > b.windowOpensOn ? 1 : 0));
  const counts: Record<(typeof DASHBOARD_HORIZONS)[number], number> = { 30: 0, 90: 0, 180: 0 };
  for (const row of upcoming) {
    DASHBOARD_HORIZONS.forEach((days, k) => {
      if (row.windowOpensOn <= horizonEnds[k]!) counts[days] += 1;
    });
  }
  return ok({ upcoming, counts, inWindow });
}
