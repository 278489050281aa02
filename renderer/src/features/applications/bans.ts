/**
 * 002 五 at intake: the fraud bans on a 身份证号, gathered from the desk's records, and the
 * shared check (shared/lifecycle checkFraudBans) that refuses a barred new application.
 */
import { checkFraudBans, fraudBanOf, type FraudBan } from '../../../../shared/lifecycle';
import type { Application } from '../../../../shared/model/records';
import type { ProgramPack } from '../../../../shared/programs/schema';
import type { DeskDatabase } from '../../db/database';

/**
 * The bans (002 五) on this 身份证号 in this program: every application of a person with that
 * number that ended in the pack's fraud state, dated by the step that found it.
 */
export async function fraudBansOn(database: DeskDatabase, pack: ProgramPack, idNumber: string): Promise<FraudBan[]> {
  const rule = pack.lifecycle?.fraudBan;
  if (rule === undefined) return [];
  const people = await database.people.where('idNumber').equals(idNumber.trim().toUpperCase()).toArray();
  const bans: FraudBan[] = [];
  for (const person of people) {
    const applications = await database.applications.where('personId').equals(person.id).toArray();
    for (const app of applications) {
      if (app.deleted || app.programId !== pack.id || !rule.states.includes(app.status)) continue;
      const steps = await database.workflowEvents.where('applicationId').equals(app.id).toArray();
      const found = steps.filter((e) => !e.deleted && e.to === app.status).sort((a, b) => (a.id < b.id ? 1 : -1))[0];
      const ban = fraudBanOf(pack, { idNumber: person.idNumber, state: app.status, foundOn: found?.on ?? app.updatedAt.slice(0, 10) });
      if (ban.ok && ban.value) bans.push(ban.value);
    }
  }
  return bans;
}

/** The refusal (in Chinese) of a new application barred by 002 五, or undefined when none bars it. */
export async function checkApplicationBanFor(
  database: DeskDatabase,
  pack: ProgramPack,
  idNumber: string,
  record: Pick<Application, 'kind' | 'receivedDate'>,
): Promise<string | undefined> {
  const result = checkFraudBans(pack, await fraudBansOn(database, pack, idNumber), { idNumber, kind: record.kind, on: record.receivedDate });
  return result.ok ? undefined : result.error.message;
}
