/**
 * Fixtures for the intake modules (materials, education, attachments): a signed-in clerk, the
 * app's database on fake-indexeddb emptied between tests, a person and an application, the file
 * as the application page loads it and the engine's evaluation of it; and real JPEG bytes.
 */
import './env';
import { db, repositories } from '../../../renderer/src/db';
import { evaluateFile, loadApplicationFile, type FileEvaluation } from '../../../renderer/src/features/applications/file';
import { shippedCalendar } from '../../../renderer/src/features/calendar/calendar';
import { writeContext } from '../../../renderer/src/session';
import { useSession } from '../../../renderer/src/stores/session';
import type { Application } from '../../../shared/model/records';
import type { ApplicationKindId } from '../../../shared/programs/ids';

export const CLERK = { id: 'clerk-1', username: 'li', displayName: '李办事员', role: 'clerk' as const };

export function signIn(): void {
  useSession.getState().signIn(CLERK);
}

export async function emptyDatabase(): Promise<void> {
  if (!db.isOpen()) await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
}

/** A P4 applicant at a public institution (事业单位), 3 years of social insurance in Zhejiang. */
export const P4_FIELDS = {
  name: '王小明',
  unitNature: '社会公益类事业',
  socialInsuranceYearsInZhejiang: 3,
  hasCollectiveProjects: false,
  isUnitTechnicalLead: false,
  isProjectTechnicalLead: false,
};

export async function newApplication(
  programId: string,
  kind: ApplicationKindId,
  fields: Record<string, unknown>,
  extra: Partial<Application> = {},
): Promise<Application> {
  const ctx = await writeContext();
  const person = await repositories.people.create({ name: '王小明', idNumber: '110105194910010015' }, ctx);
  return repositories.applications.create(
    {
      programId,
      kind,
      applicationNo: `${programId}-2026-000001`,
      personId: person.id,
      status: 'received',
      channel: 'counter',
      receivedDate: '2026-03-23',
      fields,
      ...extra,
    },
    ctx,
  );
}

/** The file as the application page loads it, evaluated by the engine for a clerk on `today`. */
export async function evaluated(applicationId: string, today = '2026-03-23'): Promise<FileEvaluation> {
  const file = await loadApplicationFile(db, applicationId);
  if (file === undefined) throw new Error('no such file');
  const result = evaluateFile(file, { today, calendar: shippedCalendar(), role: 'clerk' });
  if (result === undefined) throw new Error('unknown program');
  return result;
}

export { greyJpeg } from './jpeg';

export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

export async function loadFile(applicationId: string) {
  const file = await loadApplicationFile(db, applicationId);
  if (file === undefined) throw new Error('no such file');
  return file;
}
