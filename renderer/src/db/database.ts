/**
 * The local database (IndexedDB through Dexie). Every schema change is a new `version(n)` with an
 * upgrade function and a test that opens the previous version with data in it
 * (`tests/unit/db/schema-upgrade.test.ts` holds the pattern). Old declarations stay as long as a
 * device may still have them.
 *
 * Only primary keys and indexed fields are declared here; the record shapes are the zod schemas
 * in `shared/model/records.ts`.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type {
  AgencyAudit,
  Application,
  CalendarYearRecord,
  Attachment,
  Certificate,
  EducationRecord,
  Expert,
  ImportBatch,
  EvaluationAgency,
  Evaluator,
  Material,
  Objection,
  Organisation,
  PanelBallot,
  PanelRecusal,
  PanelResult,
  PanelSession,
  Person,
  Publicity,
  Review,
  RoutingOpinion,
  Scoresheet,
  CertificateEvent,
  User,
  WorkflowEvent,
} from '../../../shared/model/records';
import type { AuditEntry, Operation } from '../../../shared/sync/operation';
import type { RecordState } from '../../../shared/sync/merge';
import type { SyncedTable } from '../../../shared/model/records';
import type { SyncErrorCode } from '../../../shared/sync/errors';
import { syncedTables } from '../../../shared/sync/protocol';
import { DEVICE_ID_KEY } from './keys';
import { CLOCK_KEY } from './clock';
import { newId } from './ids';
import { upgradeToV2, type OperationV1, type StoredRecord } from './upgrade-v2';
import { upgradeToV12 } from './upgrade-v12';
import { searchKeysMiddleware, upgradeToV13, withoutSearchKeys } from './search-keys';
import { SEARCH_KEY_TABLES } from '../../../shared/rules/search-keys';

export interface SettingRow {
  key: string;
  value: unknown;
}

/** Attachment bytes, apart from their metadata record so listing attachments stays cheap. */
export interface BlobRow {
  sha256: string;
  blob: Blob;
}

/**
 * A record's merge state (`shared/sync/merge.ts`): the version (HLC, device) of each field's
 * visible value, unresolved conflicts and superseded versions. Kept beside the record rather than
 * inside it so records stay exactly their zod shape; the repository reads it to fill each edit's
 * `prev` and writes it in the same transaction as the record. The record row is the state's
 * visible values, ready for indexes and screens.
 */
export type MergeStateRow = RecordState & { readonly table: SyncedTable; readonly recordId: string };

export const DATABASE_NAME = 'association-desk';

/** Schema version 1: the core tables. */
export const schemaV1 = {
  people: 'id, idNumber, name, updatedAt',
  organisations: 'id, creditCode, name, updatedAt',
  applications: 'id, &applicationNo, programId, status, personId, organisationId, receivedDate, updatedAt',
  materials: 'id, applicationId, [applicationId+itemId]',
  educationRecords: 'id, personId, applicationId, date',
  reviews: 'id, applicationId, stage',
  certificates: 'id, &certificateNo, programId, applicationId, holderPersonId, holderOrganisationId',
  attachments: 'id, applicationId, personId, sha256',
  blobs: 'sha256',
  users: 'id, &username',
  auditLog: 'id, [table+recordId], userId, at',
  outbox: 'id, [table+recordId]',
  settings: 'key',
} as const;

/**
 * Schema version 2: outbox rows become wire operations (`shared/sync/protocol.ts`: HLC stamp and
 * per-field `prev` instead of `at`), and each record's merge state is kept in `mergeStates`.
 */
export const schemaV2 = {
  ...schemaV1,
  mergeStates: '[table+recordId]',
} as const;

/**
 * Schema version 3 (the clerk's day): workflow history, routing opinions, objections and
 * publicities become records; local drafts of forms being typed; indexes for search (name and ID
 * prefixes, name + birth date for the duplicate warning) and for the work queues. Application
 * numbers stop being a unique index: two desks number offline, and a merge must never fail on
 * an index (numbers carry the device, see intake/numbers.ts).
 */
export const schemaV3 = {
  ...schemaV2,
  people: 'id, idNumber, name, [name+birthDate], organisationId, updatedAt',
  applications: 'id, applicationNo, programId, status, [programId+status], personId, organisationId, receivedDate, updatedAt',
  educationRecords: 'id, personId, applicationId, date',
  workflowEvents: 'id, applicationId',
  routingOpinions: 'id, applicationId',
  objections: 'id, applicationId, status',
  publicities: 'id, programId, startedOn, *applicationIds',
  drafts: 'id, updatedAt',
  auditLog: 'id, [table+recordId], userId, at, [userId+at]',
  // Not unique: two desks may each create an 'admin' before they first sync (sign-in tries each).
  users: 'id, username',
} as const;

/**
 * Schema version 6 (versions 4, 5 and 7 are other changes' numbers; Dexie allows the gaps): the
 * sync client's quarantine, where an operation the server refused for good waits, with why,
 * instead of blocking every later one (renderer/src/sync/quarantine.ts).
 */
export const schemaV6 = {
  quarantine: 'id, quarantinedAt',
} as const;

/**
 * An outbox operation the server refused for good (a 4xx that names this operation, or one the
 * desk's own check finds it would refuse). It left the outbox so the rest keeps syncing, and is
 * kept here — never dropped — until someone sends it again (after an upgrade of the software or
 * of the server) or exports it for support.
 */
export interface QuarantineRow {
  /** The operation's id. */
  id: string;
  operation: Operation;
  /** The refusal's code (the shared catalogue's), or `local` for the desk's own check. */
  code: SyncErrorCode | 'local';
  /** What the clerk reads (Chinese). */
  message: string;
  /** For support: the server's details or the failed check, shortened. */
  detail?: string;
  quarantinedAt: string;
}

/** Schema version 4: the office's working-day calendar years, synced (calendarYearId keys them). */
export const schemaV4 = {
  calendarYears: 'id, year',
} as const;

/**
 * Schema version 7 (expert panels, shared/panels): the expert roster, panel sessions, recusals,
 * scoresheets, ballot tallies and the chair's signed results. New tables only, so only they are
 * declared: Dexie keeps every table and index of the earlier versions. Versions 4–6 are kept for
 * other changes (Dexie allows the gap).
 */
export const schemaV7 = {
  experts: 'id, name, userId',
  panelSessions: 'id, programId, date, *memberIds, *applicationIds',
  panelRecusals: 'id, sessionId, applicationId, [sessionId+applicationId], expertId',
  scoresheets: 'id, sessionId, applicationId, [sessionId+applicationId], expertId',
  panelBallots: 'id, sessionId, applicationId, [sessionId+applicationId]',
  panelResults: 'id, sessionId, applicationId, [sessionId+applicationId]',
} as const;

/**
 * Schema version 8 (a certificate's life, issue 13): certificate events become records, and
 * certificates are found by their status and by the certificate they replace. Existing
 * certificates keep their fields; the new ones (validFrom, level, replaces …) are optional, so no
 * row is rewritten.
 */
export const schemaV8 = {
  certificates: `${schemaV3.certificates}, status, replaces`,
  certificateEvents: 'id, certificateId, [certificateId+kind], kind, on, applicationId',
} as const;

/**
 * Schema version 9 (spreadsheet import, issue 15; versions 4–8 are other changes in flight):
 * the import records, and an index on the import that created each person, application and
 * certificate, so undoing an import finds exactly what it made. New tables and indexes only.
 */
export const schemaV9 = {
  people: `${schemaV3.people}, importBatchId`,
  applications: `${schemaV3.applications}, importBatchId`,
  certificates: `${schemaV8.certificates}, importBatchId`,
  importBatches: 'id, programId, importedOn',
} as const;

/**
 * Schema version 10 (organisation programs): evaluation agencies, their evaluators and the
 * agencies' document and on-site reviews (004 办法 第十四条, 细则). Only the new tables are declared:
 * Dexie keeps every table an earlier version declared (versions 4–9 belong to other changes).
 */
export const schemaV10 = {
  evaluationAgencies: 'id, programId, name',
  evaluators: 'id, agencyId, idNumber',
  agencyAudits: 'id, applicationId, agencyId, on',
} as const;

/**
 * Schema version 13 (search a clerk trusts, issue 12 item 5): people, organisations and
 * applications get a multi-entry index on their search keys (shared/rules/search-keys.ts: names
 * without separators and by their later parts, pinyin initials, organisation and employer names
 * from any word on, application numbers from any part on). The keys are derived, kept on this
 * desk only: `withSearchKeys` below writes them on every add and put, whatever the path (the
 * repositories, merging another desk's operations, a restore), and the upgrade fills them for the
 * rows already stored.
 */
export const schemaV13 = {
  people: `${schemaV9.people}, *searchKeys`,
  organisations: `${schemaV2.organisations}, *searchKeys`,
  applications: `${schemaV9.applications}, *searchKeys`,
} as const;

export const SCHEMA_VERSION = 13;

/**
 * The tables and indexes of the newest version (what a fresh database has): each version from 4
 * on declares only what it adds or changes, and Dexie keeps the rest.
 */
export const currentSchema = { ...schemaV3, ...schemaV4, ...schemaV6, ...schemaV7, ...schemaV8, ...schemaV9, ...schemaV10, ...schemaV13 } as const;

/** The stores of the newest version: what a backup holds and a restore fills. */
export const CURRENT_SCHEMA = currentSchema;

/**
 * A form being typed, kept on this device only (never synced) and saved on every change, so a
 * reload or a crash loses at most the keystroke in flight. Removed when the form is submitted.
 */
export interface DraftRow {
  id: string;
  /** What the draft is for, e.g. 'new-application' or 'application:<id>'. */
  kind: string;
  userId: string;
  updatedAt: string;
  values: Record<string, unknown>;
}

export class DeskDatabase extends Dexie {
  people!: EntityTable<Person, 'id'>;
  organisations!: EntityTable<Organisation, 'id'>;
  applications!: EntityTable<Application, 'id'>;
  materials!: EntityTable<Material, 'id'>;
  educationRecords!: EntityTable<EducationRecord, 'id'>;
  reviews!: EntityTable<Review, 'id'>;
  certificates!: EntityTable<Certificate, 'id'>;
  attachments!: EntityTable<Attachment, 'id'>;
  blobs!: Table<BlobRow, string>;
  users!: EntityTable<User, 'id'>;
  auditLog!: EntityTable<AuditEntry, 'id'>;
  outbox!: EntityTable<Operation, 'id'>;
  settings!: Table<SettingRow, string>;
  mergeStates!: Table<MergeStateRow, [SyncedTable, string]>;
  workflowEvents!: EntityTable<WorkflowEvent, 'id'>;
  routingOpinions!: EntityTable<RoutingOpinion, 'id'>;
  objections!: EntityTable<Objection, 'id'>;
  publicities!: EntityTable<Publicity, 'id'>;
  calendarYears!: EntityTable<CalendarYearRecord, 'id'>;
  drafts!: EntityTable<DraftRow, 'id'>;
  experts!: EntityTable<Expert, 'id'>;
  panelSessions!: EntityTable<PanelSession, 'id'>;
  panelRecusals!: EntityTable<PanelRecusal, 'id'>;
  scoresheets!: EntityTable<Scoresheet, 'id'>;
  panelBallots!: EntityTable<PanelBallot, 'id'>;
  panelResults!: EntityTable<PanelResult, 'id'>;
  importBatches!: EntityTable<ImportBatch, 'id'>;
  evaluationAgencies!: EntityTable<EvaluationAgency, 'id'>;
  evaluators!: EntityTable<Evaluator, 'id'>;
  agencyAudits!: EntityTable<AgencyAudit, 'id'>;
  quarantine!: EntityTable<QuarantineRow, 'id'>;
  certificateEvents!: EntityTable<CertificateEvent, 'id'>;

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(schemaV1);
    this.version(2)
      .stores(schemaV2)
      .upgrade(async (tx) => {
        const records: StoredRecord[] = [];
        // Only the tables version 2 had: later synced tables did not exist yet.
        for (const table of syncedTables.filter((t) => t in schemaV1)) {
          for (const record of await tx.table(table).toArray()) records.push({ table, record });
        }
        const opsV1 = (await tx.table('outbox').toArray()) as OperationV1[];
        const settings = tx.table<SettingRow, string>('settings');
        const stored = (await settings.get(DEVICE_ID_KEY))?.value;
        const localDeviceId = typeof stored === 'string' && stored !== '' ? stored : newId();
        const result = upgradeToV2(opsV1, records, localDeviceId, newId);
        await tx.table('outbox').clear();
        await tx.table('outbox').bulkAdd(result.outbox);
        await tx.table('mergeStates').bulkAdd(result.mergeStates);
        if (stored !== localDeviceId) await settings.put({ key: DEVICE_ID_KEY, value: localDeviceId });
        if (result.lastStamp !== undefined) await settings.put({ key: CLOCK_KEY, value: result.lastStamp });
      });
    // New tables and indexes only: Dexie builds the indexes from the rows already stored.
    this.version(3).stores(schemaV3);
    // From here on, new tables only (empty on upgrade): nothing to rewrite.
    this.version(4).stores(schemaV4);
    this.version(6).stores(schemaV6);
    this.version(7).stores(schemaV7);
    this.version(8).stores(schemaV8);
    this.version(9).stores(schemaV9);
    // New tables only; nothing stored before changes shape.
    this.version(10).stores(schemaV10);
    // Stored Chinese words become codes (db/upgrade-v12.ts); no table or index changes.
    this.version(12).stores({}).upgrade(upgradeToV12);
    // Search keys for the people, organisations and applications already stored.
    this.version(13).stores(schemaV13).upgrade(upgradeToV13);
    this.use(searchKeysMiddleware);
    for (const table of SEARCH_KEY_TABLES) this.table(table).hook('reading', withoutSearchKeys);
  }
}
