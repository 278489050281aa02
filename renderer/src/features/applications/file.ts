/**
 * One application's file: the application and every record about it, gathered from the local
 * database, turned into the engine's input (shared/engine/evaluate) and evaluated. Every screen
 * of the clerk's day shows what `evaluateFile` returns and fires transitions through
 * `fireTransition`; none decides anything itself.
 */
import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { AgencyAudit, Application, Attachment, EducationRecord, Material, Objection, Organisation, PanelBallot, PanelResult, Person, Publicity, Review, RoutingOpinion, Scoresheet, WorkflowEvent } from '../../../../shared/model/records';
import { panelResultFacts } from '../../../../shared/panels';
import { getPack, type ProgramPack } from '../../../../shared/programs';
import { reviewsDoneOf } from '../../../../shared/engine/agencies';
import { evaluateApplication, type ApplicationInput, type Evaluation } from '../../../../shared/engine/evaluate';
import type { WorkCalendar } from '../../../../shared/rules/work-calendar';
import type { WorkflowRole } from '../../../../shared/workflow/definition';
import type { WorkflowHistoryEntry } from '../../../../shared/workflow/context';
import { recordOpinion, startRouting, ROUTING_VARIANTS, type RoutingChainState, type RoutingLevelId, type RoutingVariant } from '../../../../shared/workflow/routing';
import { factsOfFields } from '../../../../shared/engine/facts';
import { parseDateInput } from '../../../../shared/rules/civil-date';
import { defined } from '../../../../shared/rules/defined';
import { db } from '../../db';
import { previousCertificateWithFields } from './create';
import type { DeskDatabase } from '../../db/database';
import { useSession } from '../../stores/session';
import { todayIso } from '../../today';
import { loadCalendar, shippedCalendar } from '../calendar/calendar';
import type { ApplicationKindId } from '../../../../shared/programs/ids';

export interface ApplicationFile {
  readonly application: Application;
  readonly person: Person | undefined;
  readonly organisation: Organisation | undefined;
  readonly materials: readonly Material[];
  /** The applicant's continuing-education records (all of them: the engine picks the years). */
  readonly education: readonly EducationRecord[];
  readonly attachments: readonly Attachment[];
  /** Fired transitions, oldest first. */
  readonly events: readonly WorkflowEvent[];
  /** 002 附件3 opinions, oldest first. */
  readonly routingOpinions: readonly RoutingOpinion[];
  readonly objections: readonly Objection[];
  /** Publicities that listed this application, oldest first. */
  readonly publicities: readonly Publicity[];
  readonly reviews: readonly Review[];
  /** The evaluation agency's 文件资料审核 and 现场审核 records (004 办法 第十四条（二）). */
  readonly audits?: readonly AgencyAudit[];
  /** Panel sessions' signed results for this application, and the sheets and tallies they were computed from. */
  readonly panelResults: readonly PanelResult[];
  readonly scoresheets: readonly Scoresheet[];
  readonly panelBallots: readonly PanelBallot[];
  /** The bytes of the newest photo attachment, for the pack's photo rule (002 附件2 二). */
  readonly photoBytes?: Uint8Array;
}

/** Reads a stored blob's bytes; inside a Dexie transaction the wait must not end it. */
async function blobBytes(database: DeskDatabase, sha256: string): Promise<Uint8Array | undefined> {
  const row = await database.blobs.get(sha256);
  if (row === undefined) return undefined;
  const read = (async () => new Uint8Array(await row.blob.arrayBuffer()))();
  return Dexie.currentTransaction ? Dexie.waitFor(read) : read;
}

const live = <T extends { deleted?: boolean }>(rows: T[]): T[] => rows.filter((r) => !r.deleted);
/** UUIDv7 ids sort by creation time. */
const byId = <T extends { id: string }>(rows: T[]): T[] => rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export async function loadApplicationFile(database: DeskDatabase, id: string): Promise<ApplicationFile | undefined> {
  const application = await database.applications.get(id);
  if (application === undefined || application.deleted) return undefined;
  const [person, organisation, materials, education, attachments, events, routingOpinions, objections, publicities, reviews, panelResults, scoresheets, panelBallots, audits] =
    await Promise.all([
      application.personId ? database.people.get(application.personId) : undefined,
      application.organisationId ? database.organisations.get(application.organisationId) : undefined,
      database.materials.where('applicationId').equals(id).toArray(),
      application.personId ? database.educationRecords.where('personId').equals(application.personId).toArray() : [],
      database.attachments.where('applicationId').equals(id).toArray(),
      database.workflowEvents.where('applicationId').equals(id).toArray(),
      database.routingOpinions.where('applicationId').equals(id).toArray(),
      database.objections.where('applicationId').equals(id).toArray(),
      database.publicities.where('applicationIds').equals(id).toArray(),
      database.reviews.where('applicationId').equals(id).toArray(),
      database.panelResults.where('applicationId').equals(id).toArray(),
      database.scoresheets.where('applicationId').equals(id).toArray(),
      database.panelBallots.where('applicationId').equals(id).toArray(),
      database.agencyAudits.where('applicationId').equals(id).toArray(),
    ]);
  const photo = live(attachments)
    .filter((a) => a.kind === 'photo')
    .sort((a, b) => (a.id < b.id ? 1 : -1))[0];
  const photoBytes = photo ? await blobBytes(database, photo.sha256) : undefined;
  return {
    ...(photoBytes ? { photoBytes } : {}),
    application,
    person: person?.deleted ? undefined : person,
    organisation: organisation?.deleted ? undefined : organisation,
    materials: live(materials),
    education: live(education).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    attachments: byId(live(attachments)),
    events: byId(live(events)),
    routingOpinions: byId(live(routingOpinions)),
    objections: byId(live(objections)),
    publicities: live(publicities).sort((a, b) => (a.startedOn < b.startedOn ? -1 : a.startedOn > b.startedOn ? 1 : 0)),
    reviews: byId(live(reviews)),
    audits: byId(live(audits)),
    // Tombstones kept: a withdrawn sheet makes a result signed on it stale (shared/panels resultIsCurrent).
    panelResults: byId(panelResults),
    scoresheets,
    panelBallots,
  };
}

export function historyOf(events: readonly WorkflowEvent[]): WorkflowHistoryEntry[] {
  return events.map((e) => ({
    transitionId: e.transitionId,
    from: e.from,
    to: e.to,
    at: e.on,
    role: e.role,
    ...defined({ reason: e.reason, opinion: e.opinion, scores: e.scores, decision: e.decision, returnTo: e.returnTo }),
  }));
}

export function isRoutingVariant(value: unknown): value is RoutingVariant {
  return typeof value === 'string' && Object.hasOwn(ROUTING_VARIANTS, value);
}

/**
 * The opinions of the current pass up the chain: a file returned (退回) goes back down and is
 * submitted again level by level (002 附件3 三: 退回下一级报送单位), so opinions recorded before
 * the latest return are history, not the chain. Ids are UUIDv7: they order by creation.
 */
export function currentRoutingOpinions<O extends { id: string }>(opinions: readonly O[], events: readonly Pick<WorkflowEvent, 'id' | 'returnTo'>[]): O[] {
  let lastReturn: string | undefined;
  for (const e of events) if (e.returnTo !== undefined && (lastReturn === undefined || e.id > lastReturn)) lastReturn = e.id;
  return lastReturn === undefined ? [...opinions] : opinions.filter((o) => o.id > lastReturn);
}

/**
 * The 002 附件3 chain, replayed from the recorded opinions. An opinion that does not fit the
 * chain (e.g. typed on two desks for the same level) is skipped and reported, never guessed.
 */
export function routingStateOf(
  variant: unknown,
  opinions: readonly RoutingOpinion[],
  events: readonly Pick<WorkflowEvent, 'id' | 'returnTo'>[] = [],
): { state: RoutingChainState | undefined; skipped: RoutingOpinion[] } {
  if (!isRoutingVariant(variant)) return { state: undefined, skipped: [] };
  let state = startRouting(variant);
  const skipped: RoutingOpinion[] = [];
  for (const o of currentRoutingOpinions(opinions, events)) {
    const next = recordOpinion(state, o.level as RoutingLevelId, o.opinion, o.note, o.on);
    if (next.ok) state = next.value;
    else skipped.push(o);
  }
  return { state, skipped };
}

/**
 * The application's fields as every reader sees them (shared/engine/facts): the 收到日期 is the
 * header's 收件日期, the 自评分 the 自评分表's total, and the photo accepted on 附件与照片 fills
 * the form's photo field (its bytes stand in for the value, so the pack's photo rule checks them).
 */
export function factFieldsOf(pack: ProgramPack, file: ApplicationFile): Record<string, unknown> {
  const app = file.application;
  const fields = factsOfFields(pack, app.fields, { receivedDate: app.receivedDate, selfScore: app.selfScore });
  const photoField = file.photoBytes ? pack.fields.find((f) => f.type === 'photo') : undefined;
  if (photoField) fields[photoField.id] = file.photoBytes;
  return fields;
}

/** A certificate acted on, read from the form's own certificate fields when no box was filled (P5 证书有效期至). */
function certificateFromFields(pack: ProgramPack, kind: ApplicationKindId, fields: Readonly<Record<string, unknown>>): { validUntil: string; issuedOn?: string } | undefined {
  const c = previousCertificateWithFields(pack, kind, undefined, fields);
  const validUntil = c.validUntil === undefined ? undefined : parseDateInput(c.validUntil);
  if (validUntil === undefined || !validUntil.ok) return undefined;
  const issuedOn = c.issuedOn === undefined ? undefined : parseDateInput(c.issuedOn);
  return { validUntil: validUntil.value, ...(issuedOn?.ok ? { issuedOn: issuedOn.value } : {}) };
}

/** The engine's input for this file. Pure: a test can build a file by hand. */
export function engineInput(pack: ProgramPack, file: ApplicationFile): ApplicationInput {
  const app = file.application;
  // Review records, and the agency's two audits counted once each when passed.
  const reviewsDone = reviewsDoneOf(file.reviews, file.audits ?? []);
  const publicity = file.publicities.at(-1);
  const routing = routingStateOf(app.fields['routingVariant'], file.routingOpinions, file.events).state;
  // The photo is an attachment, not a typed value: its bytes stand in for the pack's photo field.
  const fields = factFieldsOf(pack, file);
  const certificate = app.previousCertificate ?? certificateFromFields(pack, app.kind, fields);
  const input: ApplicationInput = {
    kind: app.kind,
    state: app.status,
    history: historyOf(file.events),
    fields,
    materials: file.materials.map((m) => ({
      itemId: m.itemId,
      status: m.status,
      copiesReceived: m.copiesReceived,
      originalVerified: m.originalVerifiedBy !== undefined && m.originalVerifiedBy !== '',
      ...(m.rejectReason === undefined ? {} : { rejectReason: m.rejectReason }),
    })),
    education: file.education.map((e) => ({
      date: e.date,
      mode: e.mode,
      content: e.content,
      ...(e.category === undefined ? {} : { category: e.category }),
      hours: e.hoursTenths / 10,
    })),
    reviewsDone,
    // Files for table rows (one certificate per innovation, one file per contract): the engine names the rows still without one.
    attachments: file.attachments.filter((a) => a.rowKey !== undefined).map((a) => ({ itemId: a.itemId, rowKey: a.rowKey, deleted: a.deleted })),
    openObjections: file.objections.filter((o) => o.status === 'open').length,
    receivedOn: app.receivedDate,
    ...(file.person ? { holder: { name: file.person.name, idNumber: file.person.idNumber } } : {}),
    ...(file.organisation && !file.person ? { holder: { name: file.organisation.name, creditCode: file.organisation.creditCode } } : {}),
    ...(certificate ? { certificate } : {}),
    ...(app.selfScore
      ? {
          selfScore: {
            items: app.selfScore.items.map((i) => ({ id: i.id, name: i.name, maxScore: i.maxScore })),
            entries: app.selfScore.items.map((i) => ({ itemId: i.id, claimed: i.claimed, hasEvidence: i.hasEvidence })),
            ...(app.selfScore.seniority ? { seniority: app.selfScore.seniority } : {}),
          },
        }
      : {}),
    ...(publicity ? { publicityStartedOn: publicity.startedOn } : {}),
    ...(routing ? { routing } : {}),
    ...(app.volume2Parts ? { volume2Parts: app.volume2Parts } : {}),
    // The chair's signed results (the same result by sync and by file is one record, one fact).
    panelResults: panelResultFacts(app.id, file.panelResults, { sheets: file.scoresheets, ballots: file.panelBallots }),
  };
  return input;
}

export interface FileEvaluation {
  readonly pack: ProgramPack;
  readonly evaluation: Evaluation;
}

export function evaluateFile(
  file: ApplicationFile,
  ctx: { today: string; calendar: WorkCalendar; role: WorkflowRole },
): FileEvaluation | undefined {
  const pack = getPack(file.application.programId);
  if (pack === undefined) return undefined;
  return { pack, evaluation: evaluateApplication(pack, engineInput(pack, file), ctx) };
}

/**
 * The file, live (re-read when any of its records changes, here or by sync), evaluated for the
 * signed-in user's role and today. `undefined` while loading, `null` when there is no such file.
 */
export function useApplicationFile(id: string | undefined): {
  file: ApplicationFile | null | undefined;
  result: FileEvaluation | undefined;
  calendar: WorkCalendar;
} {
  const role = useSession((s) => s.user?.role ?? 'clerk');
  const data = useLiveQuery(async () => {
    if (id === undefined) return { file: null, calendar: shippedCalendar() };
    const [file, calendar] = await Promise.all([loadApplicationFile(db, id), loadCalendar()]);
    return { file: file ?? null, calendar };
  }, [id]);
  const calendar = data?.calendar ?? shippedCalendar();
  const file = data?.file;
  const today = todayIso();
  const result = useMemo(
    () => (file ? evaluateFile(file, { today, calendar, role }) : undefined),
    [file, today, calendar, role],
  );
  return { file, result, calendar };
}

