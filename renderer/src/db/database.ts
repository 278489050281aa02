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
  Application,
  Attachment,
  Certificate,
  EducationRecord,
  Material,
  Organisation,
  Person,
  Review,
  User,
} from '../../../shared/model/records';
import type { AuditEntry, Operation } from '../../../shared/sync/operation';
import type { RecordState } from '../../../shared/sync/merge';
import type { SyncedTable } from '../../../shared/model/records';
import { syncedTables } from '../../../shared/sync/protocol';
import { CLOCK_KEY } from './clock';
import { newId } from './ids';
import { upgradeToV2, type OperationV1, type StoredRecord } from './upgrade-v2';

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

export const SCHEMA_VERSION = 2;

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

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(schemaV1);
    this.version(2)
      .stores(schemaV2)
      .upgrade(async (tx) => {
        const records: StoredRecord[] = [];
        for (const table of syncedTables) {
          for (const record of await tx.table(table).toArray()) records.push({ table, record });
        }
        const opsV1 = (await tx.table('outbox').toArray()) as OperationV1[];
        const settings = tx.table<SettingRow, string>('settings');
        const stored = (await settings.get('deviceId'))?.value;
        const localDeviceId = typeof stored === 'string' && stored !== '' ? stored : newId();
        const result = upgradeToV2(opsV1, records, localDeviceId, newId);
        await tx.table('outbox').clear();
        await tx.table('outbox').bulkAdd(result.outbox);
        await tx.table('mergeStates').bulkAdd(result.mergeStates);
        if (stored !== localDeviceId) await settings.put({ key: 'deviceId', value: localDeviceId });
        if (result.lastStamp !== undefined) await settings.put({ key: CLOCK_KEY, value: result.lastStamp });
      });
  }
}
