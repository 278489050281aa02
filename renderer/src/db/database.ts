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

export interface SettingRow {
  key: string;
  value: unknown;
}

/** Attachment bytes, apart from their metadata record so listing attachments stays cheap. */
export interface BlobRow {
  sha256: string;
  blob: Blob;
}

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

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(schemaV1);
  }
}
