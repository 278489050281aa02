/**
 * 备份: a desk with applications, scans and a photo (seeded through the app's own write path), a
 * signing key generated on 证书 › 签名与单位 and two users saves a backup from 设置 with a backup
 * password; a fresh browser (a new desk) restores it on its first start; every table and every
 * attachment byte is the same, and everyone signs in with their old password. The file holds the
 * private key and the password records only sealed, nowhere in clear (the test reads it). A
 * backup without a password leaves them out and the restore asks for a new administrator password.
 *
 * Screenshots go to test-results/backup.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { enterApp, ADMIN } from './sign-in';
import { readStore } from './idb';
import { withDesk } from './seed';
import { dumpDesk, type DeskDump } from './backup-compare';
import { greyJpeg } from '../unit/intake/jpeg';

const SHOTS = 'test-results/backup';
const PASSPHRASE = '协会办事处备份口令2026';
const CLERK = { username: 'li', displayName: '李经办', password: 'Clerk-2026-pass' };
const NEW_PASSWORD = 'Restored-2026-admin';

const SCAN = new TextEncoder().encode(`%PDF-1.7\n${'身份证扫描件'.repeat(400)}`);
const SCAN_2 = Uint8Array.from({ length: 60_000 }, (_, i) => (i * 31) % 256);
const PHOTO = greyJpeg(240, 320);

/**
 * Rows written on the source desk after the backup file was made, which the file cannot hold:
 * the instant the backup was saved (it resets the browser reminder).
 */
function afterTheFile(dump: DeskDump): DeskDump {
  return { ...dump, settings: (dump.settings as { key: string }[]).filter((r) => r.key !== 'backup.lastSavedAt') };
}

/** A desk as a clerk would fill it, through `window.__desk`: two applications, two scans and a photo, a clerk. */
async function fillDesk(page: Page): Promise<void> {
  await enterApp(page, '/intake');
  await withDesk(
    page,
    async ({ clerk, scan, scan2, photo }) => {
      const desk = window.__desk!;
      await desk.createUser({ ...clerk, role: 'clerk' });
      const person = await desk.createPerson({ name: '张三丰', idNumber: '11010519491231002X', phone: '13900000000' }, await desk.writeContext());
      const p4 = await desk.createApplication({ programId: 'zj-it-senior', kind: 'new', channel: 'counter', receivedDate: '2026-11-20', personId: person.id, fields: {} });
      await desk.createApplication({ programId: 'rk-registration', kind: 'new', channel: 'unit', receivedDate: '2026-11-21', personId: person.id, fields: {} });
      await desk.addAttachment(new Uint8Array(scan), { applicationId: p4.id, kind: 'scan', fileName: '身份证.pdf' });
      await desk.addAttachment(new Uint8Array(scan2), { applicationId: p4.id, kind: 'scan', fileName: '学历证书.pdf', mimeType: 'application/pdf' });
      await desk.addAttachment(new Uint8Array(photo), { applicationId: p4.id, kind: 'photo', fileName: '照片.jpg' });
    },
    { clerk: CLERK, scan: [...SCAN], scan2: [...SCAN_2], photo: [...PHOTO] },
  );
  // The signing key, made on this desk as an administrator makes it.
  await page.getByRole('menu').getByText('证书', { exact: true }).click();
  await page.getByRole('tab', { name: '签名与单位' }).click();
  await page.getByLabel('单位名称（印在回执、通知和名册上）').fill('浙江省信息化促进会');
  await page.getByLabel('查验地址（主机名）').fill('verify.example.org.cn');
  await page.getByTestId('signing-generate').click();
  await expect(page.getByTestId('signing-fingerprint')).toHaveText(/^SHA256:/);
  await page.getByTestId('signing-save').click();
  await expect(page.getByTestId('signing-key')).toHaveValue('');
}

/** What must never be in a backup file in clear: the signing key, every password hash and salt. */
async function secretsOf(page: Page): Promise<string[]> {
  const settings = await readStore<{ key: string; value: { privateKeyPkcs8?: string } }>(page, 'settings');
  const key = settings.find((s) => s.key === 'documents.signing')?.value.privateKeyPkcs8;
  expect(key?.length ?? 0).toBeGreaterThan(40);
  const users = await readStore<{ passwordHash: string; passwordSalt: string }>(page, 'users');
  expect(users).toHaveLength(2);
  return [key!, ...users.flatMap((u) => [u.passwordHash, u.passwordSalt])];
}

async function saveBackupFromSettings(page: Page, passphrase?: string): Promise<{ file: Buffer; name: string }> {
  await page.getByRole('menu').getByText('设置', { exact: true }).click();
  await expect(page.getByTestId('backup-last')).toHaveText('本机还没有导出过数据备份。');
  if (passphrase !== undefined) {
    await page.getByTestId('backup-passphrase').fill('太短了');
    await page.getByTestId('backup-confirm-passphrase').fill('太短了');
    await page.getByRole('button', { name: '导出数据备份' }).click();
    await expect(page.getByText('备份密码至少需要 10 个字符。')).toBeVisible();
    await page.getByTestId('backup-passphrase').fill(passphrase);
    await page.getByTestId('backup-confirm-passphrase').fill(`${passphrase}x`);
    await page.getByRole('button', { name: '导出数据备份' }).click();
    await expect(page.getByText('两次输入的备份密码不一致。')).toBeVisible();
    await page.getByTestId('backup-confirm-passphrase').fill(passphrase);
  }
  await page.screenshot({ path: `${SHOTS}/settings-backup${passphrase === undefined ? '' : '-passphrase'}.png`, fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出数据备份' }).click()]);
  await expect(page.getByTestId('backup-last')).toContainText('上次导出备份：');
  return { file: await readFile((await download.path())!), name: download.suggestedFilename() };
}

/** A new desk: a fresh browser context, its first start, 已有数据备份？从备份恢复. */
async function restoreOnNewDesk(browser: Browser, backup: { file: Buffer; name: string }, answer: (page: Page) => Promise<void>): Promise<Page> {
  const fresh = await browser.newContext();
  const page = await fresh.newPage();
  await page.goto('/');
  await page.getByTestId('restore-open').click();
  await page.locator('input[type=file]').setInputFiles({ name: backup.name, mimeType: 'application/octet-stream', buffer: backup.file });
  await expect(page.getByTestId('restore-summary')).toContainText('申请 2 份，人员 1 人，附件 3 个，用户 2 人');
  await answer(page);
  await page.screenshot({ path: `${SHOTS}/restore-first-start.png`, fullPage: true });
  await Promise.all([page.waitForEvent('load'), page.getByTestId('restore-submit').click()]);
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  return page;
}

test('备份：有申请、扫描件和照片的办事台带备份密码导出，在新办事台首次启动时恢复，每张表和每个附件字节都相同；文件中没有明文私钥和密码记录', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await fillDesk(page);
  const secrets = await secretsOf(page);
  const backup = await saveBackupFromSettings(page, PASSPHRASE);
  expect(backup.name).toMatch(/^协会办事台备份-\d{8}-\d{6}\.deskbackup$/);
  const before = afterTheFile(await dumpDesk(page));

  // The test reads the file: the private key, the hashes and the salts are nowhere in clear.
  for (const secret of secrets) expect(backup.file.includes(Buffer.from(secret)), secret.slice(0, 24)).toBe(false);
  expect(backup.file.includes(Buffer.from('AES-256-GCM'))).toBe(true);

  const other = await restoreOnNewDesk(browser, backup, async (p) => {
    await expect(p.getByText('这份备份中的密钥和密码是加密保存的。')).toBeVisible();
    await p.getByTestId('restore-passphrase').fill(PASSPHRASE);
  });
  // Everyone signs in with the password they had.
  await enterApp(other, '/intake', ADMIN);
  const after = afterTheFile(await dumpDesk(other));

  // What a clerk would check first: the two applications, the scans' and the photo's bytes.
  expect(after.applications).toEqual(before.applications);
  expect(after.attachments).toEqual(before.attachments);
  expect(after.blobs).toEqual(before.blobs);
  expect((after.blobs as { bytes: number[] }[]).map((b) => b.bytes.length).sort((a, b) => a - b)).toEqual([PHOTO.length, SCAN.length, SCAN_2.length].sort((a, b) => a - b));
  // …then every table, row for row: records, outbox, audit, merge states, settings with the key.
  expect(after).toEqual(before);

  await other.getByRole('menu').getByText('证书', { exact: true }).click();
  await other.getByRole('tab', { name: '签名与单位' }).click();
  await expect(other.getByTestId('signing-fingerprint')).toHaveText(/^SHA256:/);
  await expect(other.getByLabel('单位名称（印在回执、通知和名册上）')).toHaveValue('浙江省信息化促进会');
  await other.screenshot({ path: `${SHOTS}/restored-signing.png`, fullPage: true });
  await other.getByTestId('user-menu').getByRole('button', { name: '退出登录' }).click();
  await enterApp(other, '/intake', CLERK);
  await expect(other.getByTestId('user-menu')).toContainText(CLERK.displayName);
  await other.context().close();
});

test('备份：不设备份密码时，文件中没有私钥和密码记录；恢复时为管理员设置新密码，其余数据完全相同', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await fillDesk(page);
  const secrets = await secretsOf(page);
  const backup = await saveBackupFromSettings(page);
  const before = afterTheFile(await dumpDesk(page));
  for (const secret of secrets) expect(backup.file.includes(Buffer.from(secret)), secret.slice(0, 24)).toBe(false);

  const other = await restoreOnNewDesk(browser, backup, async (p) => {
    await expect(p.getByText('这份备份不含密钥和密码。', { exact: false })).toBeVisible();
    await p.getByTestId('restore-admin-password').fill(NEW_PASSWORD);
    await p.getByLabel('确认密码').fill(NEW_PASSWORD);
  });
  await enterApp(other, '/intake', { username: ADMIN.username, password: NEW_PASSWORD });
  const after = afterTheFile(await dumpDesk(other));

  expect(after.applications).toEqual(before.applications);
  expect(after.blobs).toEqual(before.blobs);
  // Left out, and nothing else: the password records, the signing key; and what the new
  // administrator password wrote (the admin's record, its outbox operation, audit entry, merge
  // state and the device clock).
  const strip = (dump: DeskDump): DeskDump => {
    const users = (dump.users as Record<string, unknown>[]).map(({ passwordHash: _h, passwordSalt: _s, updatedAt: _u, updatedBy: _b, ...u }) => u);
    const settings = (dump.settings as { key: string; value: unknown }[])
      .filter((r) => r.key !== 'hlc')
      .map((r) => (r.key === 'documents.signing' ? { key: r.key, value: { ...(r.value as Record<string, unknown>), privateKeyPkcs8: 'left out' } } : r));
    const notUsers = (rows: unknown[] | undefined) => (rows as { table: string }[]).filter((r) => r.table !== 'users');
    return { ...dump, users, settings, mergeStates: notUsers(dump.mergeStates), outbox: notUsers(dump.outbox), auditLog: notUsers(dump.auditLog) };
  };
  expect(strip(after)).toEqual(strip(before));
  // The restored desk has no key to sign with until one is set again.
  await other.getByRole('menu').getByText('证书', { exact: true }).click();
  await other.getByRole('tab', { name: '签名与单位' }).click();
  await expect(other.getByTestId('signing-status')).toContainText('未设置，暂不能发证');
  await other.context().close();
});
