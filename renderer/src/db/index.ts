/**
 * The app's database and repositories, created once. Screens import from here; nothing else
 * opens the database.
 */
import { DeskDatabase } from './database';
import { DEVICE_ID_KEY } from './keys';
import { Repository } from './repository';
import { newId } from './ids';

export const db = new DeskDatabase();

export const repositories = {
  people: new Repository(db, 'people'),
  organisations: new Repository(db, 'organisations'),
  applications: new Repository(db, 'applications'),
  materials: new Repository(db, 'materials'),
  educationRecords: new Repository(db, 'educationRecords'),
  reviews: new Repository(db, 'reviews'),
  certificates: new Repository(db, 'certificates'),
  attachments: new Repository(db, 'attachments'),
  users: new Repository(db, 'users'),
  workflowEvents: new Repository(db, 'workflowEvents'),
  routingOpinions: new Repository(db, 'routingOpinions'),
  objections: new Repository(db, 'objections'),
  publicities: new Repository(db, 'publicities'),
  calendarYears: new Repository(db, 'calendarYears'),
  experts: new Repository(db, 'experts'),
  panelSessions: new Repository(db, 'panelSessions'),
  panelRecusals: new Repository(db, 'panelRecusals'),
  scoresheets: new Repository(db, 'scoresheets'),
  panelBallots: new Repository(db, 'panelBallots'),
  panelResults: new Repository(db, 'panelResults'),
  importBatches: new Repository(db, 'importBatches'),
  evaluationAgencies: new Repository(db, 'evaluationAgencies'),
  evaluators: new Repository(db, 'evaluators'),
  agencyAudits: new Repository(db, 'agencyAudits'),
  certificateEvents: new Repository(db, 'certificateEvents'),
} as const;

/** This installation's id, made on first use and kept in `settings`; every operation names it. */
export async function deviceId(): Promise<string> {
  return db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get(DEVICE_ID_KEY);
    if (typeof row?.value === 'string') return row.value;
    const id = newId();
    await db.settings.put({ key: DEVICE_ID_KEY, value: id });
    return id;
  });
}
