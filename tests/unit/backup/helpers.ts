/**
 * A desk with something of everything for the backup tests — users, people, applications with
 * their materials and workflow steps, scans and a photo with their bytes, the outbox, audit log
 * and merge states the repository wrote, sync and signing settings with their secrets, a draft
 * and a set-aside operation — and `dumpDesk`, which reads every table (attachment bytes as bytes)
 * so two desks can be compared with one `toEqual`.
 */
import 'fake-indexeddb/auto';
import { generateKeyPairSync } from 'node:crypto';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { Repository, type WriteContext } from '../../../renderer/src/db/repository';
import { UserDirectory } from '../../../renderer/src/auth/users';
import { SYNC_KEYS } from '../../../renderer/src/sync/settings';
import { greyJpeg } from '../intake/jpeg';

export const TEST_BOUNDS = { min: 1_000, max: 5_000_000 };
export const FAST = 1_000;
export const DEVICE = '01937b2c-aaaa-7000-8000-00000000000d';
export const ADMIN_PASSWORD = 'Desk-2026-admin';

let n = 0;
export function freshDb(prefix = 'backup'): DeskDatabase {
  return new DeskDatabase(`${prefix}-${process.pid}-${++n}`);
}

const sha = async (bytes: Uint8Array) =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)), (b) => b.toString(16).padStart(2, '0')).join('');

export interface FilledDesk {
  readonly db: DeskDatabase;
  readonly privateKeyPkcs8: string;
  readonly officeKeyPkcs8: string;
  readonly token: string;
  readonly passwordHashes: string[];
  readonly adminId: string;
  readonly blobs: Uint8Array[];
}

export async function filledDesk(office: { officeId: string; officeName: string; officeCode: string } | null = { officeId: 'office-1', officeName: '测试协会', officeCode: 'TEST' }): Promise<FilledDesk> {
  const db = freshDb();
  await db.open();
  await db.settings.put({ key: 'deviceId', value: DEVICE });
  const users = new UserDirectory(db, new Repository(db, 'users'), { iterations: FAST, iterationBounds: TEST_BOUNDS });
  const admin = await users.createFirstAdmin({ username: 'admin', displayName: '王管理', password: ADMIN_PASSWORD, confirmPassword: ADMIN_PASSWORD }, DEVICE);
  const ctx: WriteContext = { userId: admin.id, deviceId: DEVICE, role: 'admin' };
  await users.createUser({ username: 'li', displayName: '李经办', role: 'clerk', password: 'clerk-pass-1' }, ctx);

  const person = await new Repository(db, 'people').create({ name: '张三', idNumber: '11010519491231002X', phone: '13900000000' }, ctx);
  const applications = new Repository(db, 'applications');
  const first = await applications.create(
    { programId: 'zj-it-senior', kind: 'new', applicationNo: 'P4-2026-000001', personId: person.id, status: 'received', channel: 'counter', receivedDate: '2026-11-20', fields: { title: '高级工程师', unitNature: '企业' } },
    ctx,
  );
  await applications.create(
    { programId: 'rk-registration', kind: 'new', applicationNo: 'P5-2026-000001', personId: person.id, status: 'received', channel: 'unit', receivedDate: '2026-11-21', fields: { note: '第二份' } },
    ctx,
  );
  await applications.update(first.id, { status: 'checking' }, ctx);
  await new Repository(db, 'materials').create({ applicationId: first.id, itemId: 'id-card', status: 'received', copiesReceived: 1 }, ctx);
  await new Repository(db, 'workflowEvents').create({ applicationId: first.id, transitionId: 'accept', from: 'received', to: 'checking', on: '2026-11-21', role: 'admin' }, ctx);

  const scan1 = new TextEncoder().encode('%PDF-1.7 扫描件一'.repeat(50));
  const scan2 = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
  const photo = greyJpeg(96, 128);
  const attachments = new Repository(db, 'attachments');
  for (const [bytes, fileName, kind, mimeType] of [
    [scan1, '身份证扫描.pdf', 'scan', 'application/pdf'],
    [scan2, '学历证书扫描.pdf', 'scan', 'application/pdf'],
    [photo, '照片.jpg', 'photo', 'image/jpeg'],
  ] as const) {
    const hash = await sha(bytes);
    await db.blobs.put({ sha256: hash, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }) });
    await attachments.create({ applicationId: first.id, personId: person.id, kind, fileName, mimeType, size: bytes.length, sha256: hash }, ctx);
  }

  const own = generateKeyPairSync('ed25519');
  const officeKey = generateKeyPairSync('ed25519');
  const privateKeyPkcs8 = own.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
  const officeKeyPkcs8 = officeKey.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
  const token = `device-token-${'x'.repeat(40)}`;
  await db.settings.bulkPut([
    { key: 'documents.signing', value: { privateKeyPkcs8, verifyHost: 'verify.example.org.cn', publicKeySpki: own.publicKey.export({ type: 'spki', format: 'der' }).toString('base64') } },
    { key: 'documents.office', value: '测试协会' },
    { key: 'documents.officeKey', value: { officeId: 'office-1', keyId: 'k1', privateKeyPkcs8: officeKeyPkcs8, publicKeySpki: 'AAAA', fetchedAt: '2026-11-20T00:00:00.000Z' } },
    ...(office === null
      ? []
      : [
          { key: SYNC_KEYS.connection, value: { baseUrl: 'https://sync.example.org', ...office, deviceName: '收件窗口', enrolledAt: '2026-11-01T00:00:00.000Z' } },
          { key: SYNC_KEYS.token, value: token },
          { key: SYNC_KEYS.cursor, value: '42' },
        ]),
  ]);
  await db.drafts.put({ id: 'new-application', kind: 'new-application', userId: admin.id, updatedAt: '2026-11-22T02:00:00.000Z', values: { name: '李四', phone: '1380000' } });
  const [someOp] = await db.outbox.orderBy('id').limit(1).toArray();
  await db.quarantine.put({ id: someOp!.id, operation: someOp!, code: 'invalid_batch', message: '服务器拒收了这条修改（内容不符合要求）。', quarantinedAt: '2026-11-22T02:00:00.000Z' });
  await db.outbox.delete(someOp!.id);

  const passwordHashes = (await db.users.toArray()).flatMap((u) => [u.passwordHash!, u.passwordSalt!]);
  return { db, privateKeyPkcs8, officeKeyPkcs8, token, passwordHashes, adminId: admin.id, blobs: [scan1, scan2, photo] };
}

/** Every table of a desk, rows sorted by key, attachment bytes as plain byte arrays. */
export async function dumpDesk(db: DeskDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const keys = (await table.toCollection().primaryKeys()) as unknown[];
    const rows = (await table.toArray()) as Record<string, unknown>[];
    const paired = rows.map((row, i) => ({ key: JSON.stringify(keys[i]), row }));
    paired.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    out[table.name] = await Promise.all(
      paired.map(async ({ row }) => (table.name === 'blobs' ? { sha256: row.sha256, type: (row.blob as Blob).type, bytes: [...new Uint8Array(await (row.blob as Blob).arrayBuffer())] } : row)),
    );
  }
  return out;
}

/** Whether `needle` occurs anywhere in `bytes` (as UTF-8). */
export function contains(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes).includes(Buffer.from(needle, 'utf8'));
}
