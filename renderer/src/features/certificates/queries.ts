/**
 * Live reads of certificates for the 证书 screens: one certificate with what its page shows
 * (status today, history, the actions its pack offers, the appeal window, annual reviews), and
 * the list of issued certificates with their statuses. Every decision is shared/lifecycle's;
 * screens never touch `db` themselves.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import {
  annualReviews,
  appealWindow,
  certificateActions,
  certificateHistory,
  certificateStatus,
  lifecycleRulesOf,
  PLAIN_RULES,
  renewalDashboard,
  reprintCount,
  revocationProposals,
  statusFactsOf,
  type AnnualReviewYear,
  type AppealWindow,
  type CertificateAction,
  type DASHBOARD_HORIZONS,
  type CertificateStatus,
  type HistoryEntry,
  type LifecycleRules,
  type RevocationProposal,
} from '../../../../shared/lifecycle';
import type { Application, Certificate, CertificateEvent } from '../../../../shared/model/records';
import { getPack } from '../../../../shared/programs';
import type { ProgramPack } from '../../../../shared/programs/schema';
import type { IsoDate } from '../../../../shared/rules/civil-date';
import { provisionalCalendar } from '../../../../shared/rules/work-calendar';
import { db } from '../../db';
import { loadCalendar } from '../calendar/calendar';

export interface CertificateFile {
  readonly certificate: Certificate;
  readonly pack: ProgramPack | undefined;
  readonly holderName: string;
  readonly holderId: string;
  readonly status: CertificateStatus;
  readonly events: readonly CertificateEvent[];
  readonly history: readonly HistoryEntry[];
  readonly actions: readonly CertificateAction[];
  readonly appeal: AppealWindow | undefined;
  /** The appeal deadline was counted without the holidays of a year not entered yet (暂定). */
  readonly appealProvisional: boolean;
  readonly annualReviews: readonly AnnualReviewYear[];
  readonly proposals: readonly RevocationProposal[];
  /** Applications acting on it (renewal, change, reissue, cancellation …), newest first. */
  readonly applications: readonly Application[];
  /** Certificates linked to it (its predecessor and successor), by id. */
  readonly related: ReadonlyMap<string, Pick<Certificate, 'id' | 'certificateNo'>>;
  readonly reprints: number;
}

/** The day the earliest renewal of this certificate was received (004 第十七条 reads it). */
function renewalFiledOn(pack: ProgramPack | undefined, applications: readonly Application[]): IsoDate | undefined {
  const kinds = new Set<string>(pack?.lifecycle?.renewal?.kinds ?? []);
  let first: IsoDate | undefined;
  for (const a of applications) if (kinds.has(a.kind) && (first === undefined || a.receivedDate < first)) first = a.receivedDate;
  return first;
}

export async function loadCertificateFile(id: string, today: IsoDate): Promise<CertificateFile | null> {
  const certificate = await db.certificates.get(id);
  if (certificate === undefined || certificate.deleted) return null;
  const pack = getPack(certificate.programId);
  const [events, person, organisation, applications, calendar] = await Promise.all([
    db.certificateEvents.where('certificateId').equals(id).toArray(),
    certificate.holderPersonId ? db.people.get(certificate.holderPersonId) : undefined,
    certificate.holderOrganisationId ? db.organisations.get(certificate.holderOrganisationId) : undefined,
    db.applications.filter((a) => a.certificateId === id && !a.deleted).toArray(),
    loadCalendar(),
  ]);
  const live = events.filter((e) => !e.deleted).sort((a, b) => (a.id < b.id ? -1 : 1));
  const rules = pack ? lifecycleRulesOf(pack) : PLAIN_RULES;
  const filed = renewalFiledOn(pack, applications);
  const status = certificateStatus(certificate, today, rules, statusFactsOf(live, filed));
  const relatedIds = [certificate.replaces, certificate.replacedBy, ...live.map((e) => e.otherCertificateId)].filter((x): x is string => x !== undefined);
  const relatedRows = relatedIds.length ? await db.certificates.bulkGet(relatedIds) : [];
  const related = new Map<string, Pick<Certificate, 'id' | 'certificateNo'>>();
  for (const r of relatedRows) if (r) related.set(r.id, { id: r.id, certificateNo: r.certificateNo });
  // A deadline reaching into a year whose calendar is not entered is shown provisional (weekends only).
  let appeal = pack ? appealWindow(pack, live, today, calendar) : undefined;
  let appealProvisional = false;
  if (pack && appeal && !appeal.ok) {
    appeal = appealWindow(pack, live, today, provisionalCalendar(calendar));
    appealProvisional = true;
  }
  return {
    certificate,
    pack,
    holderName: person?.name ?? organisation?.name ?? '',
    holderId: person?.idNumber ?? organisation?.creditCode ?? '',
    status,
    events: live,
    history: certificateHistory(live, status),
    actions: pack ? certificateActions(pack, certificate, status, today, getPack) : [],
    appeal: appeal?.ok ? appeal.value : undefined,
    appealProvisional,
    annualReviews: pack ? annualReviews(pack, certificate, live, today) : [],
    proposals: pack ? revocationProposals(pack, certificate, live, today) : [],
    applications: applications.sort((a, b) => (a.id < b.id ? 1 : -1)),
    related,
    reprints: reprintCount(live),
  };
}

/** One certificate's page, live: undefined while loading, null when there is no such certificate. */
export function useCertificateFile(id: string, today: IsoDate): CertificateFile | null | undefined {
  return useLiveQuery(() => loadCertificateFile(id, today), [id, today]);
}

export interface IssuedRow {
  readonly certificate: Certificate;
  readonly holderName: string;
  readonly status: CertificateStatus;
}

/** The rules of each program, read from its pack once. */
export function rulesByProgram(): (programId: string) => LifecycleRules {
  const cache = new Map<string, LifecycleRules>();
  return (programId) => {
    let rules = cache.get(programId);
    if (rules === undefined) {
      const pack = getPack(programId);
      rules = pack ? lifecycleRulesOf(pack) : PLAIN_RULES;
      cache.set(programId, rules);
    }
    return rules;
  };
}

/** Issued certificates with their status today (following the date, deferrals counted), newest number first. */
export async function loadIssued(today: IsoDate): Promise<IssuedRow[]> {
  const [certificates, events, people, organisations] = await Promise.all([
    db.certificates.toArray(),
    db.certificateEvents.where('kind').equals('deferred').toArray(),
    db.people.toArray(),
    db.organisations.toArray(),
  ]);
  const names = new Map<string, string>();
  for (const r of people) names.set(r.id, r.name);
  for (const r of organisations) names.set(r.id, r.name);
  const deferrals = new Map<string, CertificateEvent[]>();
  for (const e of events) if (!e.deleted) deferrals.set(e.certificateId, [...(deferrals.get(e.certificateId) ?? []), e]);
  const rulesOf = rulesByProgram();
  return certificates
    .filter((c) => !c.deleted)
    .sort((a, b) => (a.certificateNo < b.certificateNo ? 1 : -1))
    .map((certificate) => {
      const deferred = deferrals.get(certificate.id);
      return {
        certificate,
        holderName: (certificate.holderPersonId && names.get(certificate.holderPersonId)) || (certificate.holderOrganisationId && names.get(certificate.holderOrganisationId)) || '',
        status: certificateStatus(certificate, today, rulesOf(certificate.programId), deferred ? statusFactsOf(deferred) : undefined),
      };
    });
}

export interface ReminderEntry {
  readonly certificate: Certificate;
  readonly holderName: string;
  readonly holderId: string;
  readonly windowOpensOn: IsoDate;
  readonly expiry: IsoDate;
  /** 0 when the window is open now. */
  readonly daysUntilOpen: number;
}

export interface Reminders {
  readonly counts: Readonly<Record<(typeof DASHBOARD_HORIZONS)[number], number>>;
  readonly inWindow: readonly ReminderEntry[];
  readonly upcoming: readonly ReminderEntry[];
}

/** The renewal dashboard (shared/lifecycle renewalDashboard) with the holders' names and ids. */
export async function loadReminders(today: IsoDate): Promise<Reminders> {
  const [certificates, deferrals, people, organisations] = await Promise.all([
    db.certificates.toArray(),
    db.certificateEvents.where('kind').equals('deferred').toArray(),
    db.people.toArray(),
    db.organisations.toArray(),
  ]);
  const holders = new Map<string, { name: string; id: string }>();
  for (const p of people) holders.set(p.id, { name: p.name, id: p.idNumber });
  for (const o of organisations) holders.set(o.id, { name: o.name, id: o.creditCode });
  const deferred = new Map<string, CertificateEvent[]>();
  for (const e of deferrals) if (!e.deleted) deferred.set(e.certificateId, [...(deferred.get(e.certificateId) ?? []), e]);
  const live = certificates.filter((c) => !c.deleted).sort((a, b) => (a.programId < b.programId ? -1 : a.programId > b.programId ? 1 : 0));
  const dashboard = renewalDashboard(live, today, rulesByProgram(), (c) => {
    const events = deferred.get(c.id);
    return events ? statusFactsOf(events) : {};
  });
  if (!dashboard.ok) return { counts: { 30: 0, 90: 0, 180: 0 }, inWindow: [], upcoming: [] };
  const holderOf = (c: Certificate) => holders.get(c.holderPersonId ?? c.holderOrganisationId ?? '') ?? { name: '', id: '' };
  const rules = rulesByProgram();
  return {
    counts: dashboard.value.counts,
    upcoming: dashboard.value.upcoming.map((r) => ({ certificate: r.certificate, holderName: holderOf(r.certificate).name, holderId: holderOf(r.certificate).id, windowOpensOn: r.windowOpensOn, expiry: r.expiry, daysUntilOpen: r.daysUntilOpen })),
    inWindow: dashboard.value.inWindow.map((c) => {
      const status = certificateStatus(c, today, rules(c.programId), deferred.has(c.id) ? statusFactsOf(deferred.get(c.id) ?? []) : undefined);
      return { certificate: c, holderName: holderOf(c).name, holderId: holderOf(c).id, windowOpensOn: status.window?.from ?? today, expiry: status.expiry ?? c.validUntil ?? today, daysUntilOpen: 0 };
    }),
  };
}
