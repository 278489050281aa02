/**
 * One panel session as the rules see it (shared/panels `PanelContext`), read from the desk's
 * database, with what the screens print beside it: each application's number and applicant and
 * the sheets for its stages. Every command and every screen of a session starts from here, so a
 * screen never decides from anything the commands do not also check.
 */
import { applicantUnitsOf, panelSheet, type ApplicantUnits, type PanelActor, type PanelContext, type PanelSheet } from '../../../../shared/panels';
import type { Application, Expert, Organisation, PanelSession, Person } from '../../../../shared/model/records';
import { getPack, type ProgramPack } from '../../../../shared/programs';
import type { DeskDatabase } from '../../db/database';
import { currentUser } from '../../stores/session';

export class PanelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PanelError';
  }
}

export interface SessionApplication {
  readonly application: Application;
  readonly person?: Person;
  readonly organisation?: Organisation;
  /** 申请编号 and applicant, as lists and messages name it. */
  readonly label: string;
  readonly applicant: string;
  /** The sheet of each of the session's stages for this application (a refusal's message otherwise). */
  readonly sheets: Readonly<Record<string, PanelSheet | string>>;
}

export interface SessionData {
  readonly pack: ProgramPack;
  readonly ctx: PanelContext;
  /** The session's applications in session order (one deleted since is left out). */
  readonly applications: readonly SessionApplication[];
  readonly labels: Readonly<Record<string, string>>;
}

const notDeleted = <T extends { deleted?: boolean | undefined }>(rows: readonly (T | undefined)[]): T[] =>
  rows.filter((r): r is T => r !== undefined && r.deleted !== true);

/** Who is acting on this window, as the panel rules see them. */
export function panelActor(): PanelActor {
  const user = currentUser();
  if (user === null) throw new PanelError('尚未登录，请先登录后再操作。');
  return { userId: user.id, role: user.role };
}

/** The tables `loadSessionData` reads (a command's transaction covers them). */
export function panelReadTables(database: DeskDatabase) {
  return [
    database.panelSessions,
    database.experts,
    database.panelRecusals,
    database.scoresheets,
    database.panelBallots,
    database.panelResults,
    database.applications,
    database.people,
    database.organisations,
  ];
}

/** The applicant's name and the names of their units, for recusal and for the lists. */
async function applicantOf(database: DeskDatabase, pack: ProgramPack, application: Application) {
  const person = application.personId ? await database.people.get(application.personId) : undefined;
  const organisation = application.organisationId ? await database.organisations.get(application.organisationId) : undefined;
  const personOrganisation = person?.organisationId ? await database.organisations.get(person.organisationId) : undefined;
  const livePerson = person?.deleted ? undefined : person;
  const liveOrganisation = organisation?.deleted ? undefined : organisation;
  const units: ApplicantUnits = applicantUnitsOf(pack, application, {
    organisation: liveOrganisation?.name,
    personOrganisation: personOrganisation?.deleted ? undefined : personOrganisation?.name,
  });
  const applicant = livePerson?.name ?? liveOrganisation?.name ?? '—';
  return { person: livePerson, organisation: liveOrganisation, units, applicant };
}

/** The session and everything the rules need about it, or undefined when there is no such session. */
export async function loadSessionData(database: DeskDatabase, sessionId: string): Promise<SessionData | undefined> {
  const session = await database.panelSessions.get(sessionId);
  if (session === undefined || session.deleted) return undefined;
  const pack = getPack(session.programId);
  if (pack === undefined) return undefined;
  const [experts, recusals, sheets, ballots, results, applications] = await Promise.all([
    database.experts.toArray(),
    database.panelRecusals.where('sessionId').equals(sessionId).toArray(),
    database.scoresheets.where('sessionId').equals(sessionId).toArray(),
    database.panelBallots.where('sessionId').equals(sessionId).toArray(),
    database.panelResults.where('sessionId').equals(sessionId).toArray(),
    database.applications.bulkGet([...session.applicationIds]),
  ]);
  const rows: SessionApplication[] = [];
  const applicants: ApplicantUnits[] = [];
  const labels: Record<string, string> = {};
  for (const application of notDeleted(applications)) {
    const found = await applicantOf(database, pack, application);
    const sheetsByStage: Record<string, PanelSheet | string> = {};
    for (const stage of session.stages) {
      const sheet = panelSheet(pack, stage, application);
      sheetsByStage[stage] = sheet.ok ? sheet.value : sheet.error.message;
    }
    const label = `${application.applicationNo} ${found.applicant}`;
    labels[application.id] = label;
    applicants.push(found.units);
    rows.push({
      application,
      ...(found.person ? { person: found.person } : {}),
      ...(found.organisation ? { organisation: found.organisation } : {}),
      label,
      applicant: found.applicant,
      sheets: sheetsByStage,
    });
  }
  const ctx: PanelContext = {
    pack,
    session,
    experts: experts.filter((e) => e.deleted !== true),
    applicants,
    recusals,
    sheets,
    ballots,
    results,
  };
  return { pack, ctx, applications: rows, labels };
}

/** The expert record of the signed-in account, if it is an expert's. */
export function expertOfUser(experts: readonly Expert[], userId: string | undefined): Expert | undefined {
  return userId === undefined ? undefined : experts.find((e) => e.deleted !== true && e.userId === userId);
}

/** Sessions newest first (date, then creation). */
export function bySessionDate(a: PanelSession, b: PanelSession): number {
  return a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.id < b.id ? 1 : -1;
}
