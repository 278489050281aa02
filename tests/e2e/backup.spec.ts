/**
 * 备份: a desk with applications, scans and a photo saves a backup from 设置; a fresh browser
 * (a new desk) restores it on its first start; every table and every attachment byte is the
 * same, except what a backup without a backup password must leave out — the password records,
 * the device token and the signing key — which the file holds nowhere in clear.
 */
import { readFile } from 'node:fs/promises';
import { generateKeyPairSync } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { enterApp, ADMIN } from './sign-in';
import { putRows, readStore } from './idb';
import { dumpDesk, putBlob, type DeskDump } from './backup-compare';
import { greyJpeg } from '../unit/intake/jpeg';

const PERSON = '01937b2c-0000-7000-8000-0000000000a1';
const APP_1 = '01937b2c-0000-7000-8000-0000000000b1';
const APP_2 = '01937b2c-0000-7000-8000-0000000000b2';
const NEW_PASSWORD = 'Restored-2026-admin';

/**
 * What a backup without a backup password leaves out (the users' password records, the token,
 * the private key), and what the restore's new administrator password then writes (the user, its
 * outbox operation, audit entry and merge state, the device clock), removed from a dump so the
 * rest compares exactly.
 */
function withoutSecrets(dump: DeskDump): DeskDump {
  const users = (dump.users as Record<string, unknown>[]).map(({ passwordHash: _h, passwordSalt: _s, ...u }) => ({ ...u, updatedAt: 'x', updatedBy: 'x' }));
  const settings = (dump.settings as { key: string; value: unknown }[])
    .filter((r) => r.key !== 'sync.token' && r.key !== 'hlc')
    .map((r) => (r.key === 'documents.signing' ? { key: r.key, value: { ...(r.value as object), privateKeyPkcs8: 'x' } } : r));
  const userStates = (dump.mergeStates as { table: string }[]).filter((s) => s.table !== 'users');
  const notUsers = (rows: unknown[]) => (rows as { table: string }[]).filter((r) => r.table !== 'users');
  return { ...dump, users, settings, mergeStates: userStates, outbox: notUsers(dump.outbox!), auditLog: notUsers(dump.auditLog!) };
}

test('备份：有申请、扫描件和照片的办事台，在新办事台首次启动时恢复，每张表和每个附件字节都相同；文件中没有明文私钥和密码记录', async ({ page, browser }) => {
  await enterApp(page, '/intake');
  const scan = new TextEncoder().encode('%PDF-1.7 身份证扫描件'.repeat(40));
  const photo = greyJpeg(96, 128);
  const [scanSha, photoSha] = [await putBlob(page, scan, 'application/pdf'), await putBlob(page, photo, 'image/jpeg')];
  const key = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
  await putRows(page, {
    people: [{ id: PERSON, name: '张三丰', idNumber: '11010519491231002X' }],
    applications: [
      { id: APP_1, programId: 'zj-it-senior', kind: 'new', applicationNo: 'P4-2026-000001', personId: PERSON, status: 'received', channel: 'counter', receivedDate: '2026-11-20', fields: { title: '高级工程师' } },
      { id: APP_2, programId: 'rk-registration', kind: 'new', applicationNo: 'P5-2026-000001', personId: PERSON, status: 'received', channel: 'unit', receivedDate: '2026-11-21', fields: { remarks: '第二份' } },
    ],
    attachments: [
      { id: '01937b2c-0000-7000-8000-0000000000c1', applicationId: APP_1, personId: PERSON, kind: 'scan', fileName: '身份证.pdf', mimeType: 'application/pdf', size: scan.length, sha256: scanSha },
      { id: '01937b2c-0000-7000-8000-0000000000c2', applicationId: APP_1, personId: PERSON, kind: 'photo', fileName: '照片.jpg', mimeType: 'image/jpeg', size: photo.length, sha256: photoSha },
    ],
  });
  await page.evaluate(
    ({ key }) =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open('association-desk');
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', 'readwrite');
          tx.objectStore('settings').put({ key: 'documents.signing', value: { privateKeyPkcs8: key, verifyHost: 'verify.example.org.cn' } });
          tx.objectStore('settings').put({ key: 'sync.token', value: 'device-token-that-must-not-leave' });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
    { key },
  );

  await page.getByRole('menu').getByText('设置', { exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出数据备份' }).click()]);
  const file = new Uint8Array(await readFile((await download.path())!));
  const before = await dumpDesk(page);

  // The test reads the file: no private key, no password hash or salt, no token in clear.
  const text = Buffer.from(file);
  const users = await readStore<{ passwordHash: string; passwordSalt: string }>(page, 'users');
  for (const secret of [key, 'device-token-that-must-not-leave', ...users.flatMap((u) => [u.passwordHash, u.passwordSalt])]) {
    expect(text.includes(Buffer.from(secret)), secret.slice(0, 24)).toBe(false);
  }

  // A new desk: a fresh browser context, first start, 从备份恢复.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/');
  await other.getByTestId('restore-open').click();
  await other.locator('input[type=file]').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/octet-stream', buffer: Buffer.from(file) });
  await expect(other.getByTestId('restore-summary')).toContainText('申请 2 份，人员 1 人，附件 2 个，用户 1 人');
  await other.getByTestId('restore-admin-password').fill(NEW_PASSWORD);
  await other.getByLabel('确认密码').fill(NEW_PASSWORD);
  await Promise.all([other.waitForEvent('load'), other.getByTestId('restore-submit').click()]);

  // The app reopens on the restored data: the administrator signs in with the new password.
  await expect(other.getByRole('button', { name: '登录' })).toBeVisible();
  await enterApp(other, '/intake', { username: ADMIN.username, password: NEW_PASSWORD });
  const after = await dumpDesk(other);

  expect(after.blobs).toEqual(before.blobs);
  expect((after.blobs as { bytes: number[] }[]).map((b) => b.bytes.length).sort((a, b) => a - b)).toEqual([photo.length, scan.length].sort((a, b) => a - b));
  expect(after.applications).toEqual(before.applications);
  expect(withoutSecrets(after)).toEqual(withoutSecrets(before));
  await fresh.close();
});
