/**
 * The app shell as a clerk meets it: Chinese by default, every area reachable, English
 * selectable and remembered, an applicant registered through the form survives a reload, and the
 * outbox holds exactly one operation for it. Each test starts on a fresh profile, so getting in
 * creates the first administrator: that user record is the outbox's first operation.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { readBackup } from '../../shared/backup/format';
import { expect, test, type Page } from '@playwright/test';
import { enterApp } from './sign-in';
import { readStore } from './idb';

/** The outbox operations of one record, read straight from IndexedDB as the sync client will. */
async function outboxFor(page: Page, recordId: string) {
  const ops = await readStore<{ table: string; recordId: string; kind: string; fields: Record<string, unknown> }>(page, 'outbox');
  return ops.filter((op) => op.recordId === recordId);
}

async function personIdByNumber(page: Page, idNumber: string): Promise<string> {
  const people = await readStore<{ id: string; idNumber: string }>(page, 'people');
  return people.find((p) => p.idNumber === idNumber)!.id;
}

test('opens in Chinese with every area in the navigation', async ({ page }) => {
  await enterApp(page, '/');
  await expect(page).toHaveURL(/#\/intake$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const nav = page.getByRole('menu');
  for (const area of ['收件登记', '单位', '工作队列', '评审会', '证书', '名册与报表', '审计记录', '同步', '用户', '设置']) {
    await expect(nav.getByText(area, { exact: true })).toBeVisible();
  }
  await nav.getByText('评审会', { exact: true }).click();
  await expect(page).toHaveURL(/#\/panel$/);
  await expect(page.getByRole('heading', { name: '评审会' })).toBeVisible();
});

test('switches to English and keeps the choice after a reload', async ({ page }) => {
  await enterApp(page, '/');
  await page.locator('header').getByText('English', { exact: true }).click();
  await expect(page.getByRole('menu').getByText('Intake', { exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('menu').getByText('Certificates', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Intake' })).toBeVisible();
  await page.getByRole('menu').getByText('Settings', { exact: true }).click();
  await expect(page.getByText('Browser mode')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/settings-en.png', fullPage: true });
  await page.locator('header').getByText('中文', { exact: true }).click();
  await expect(page.getByRole('menu').getByText('收件登记', { exact: true })).toBeVisible();
});

test('registers an applicant by keyboard, keeps it after reload, with one outbox operation', async ({ page }) => {
  await enterApp(page, '/intake');
  // A clerk types the name, presses Enter to reach the ID field, and the scanner/keyboard types
  // the ID number with full-width digits; Enter saves.
  await page.getByLabel('姓名').fill('张三丰');
  await page.getByLabel('姓名').press('Enter');
  await expect(page.getByLabel('身份证号')).toBeFocused();
  await page.keyboard.type('１１０１０５１９４９１００１００１５');
  await page.keyboard.press('Enter');
  await expect(page.getByText('已保存：张三丰')).toBeVisible();

  const row = page.getByRole('row', { name: /张三丰/ });
  await expect(row).toContainText('110105194910010015');
  await expect(row).toContainText('1949年10月01日');
  await expect(row).toContainText('男');
  // The first administrator's record and the applicant.
  await expect(page.getByTestId('sync-badge')).toContainText('待同步 2');

  await page.reload();
  await expect(page.getByRole('row', { name: /张三丰/ })).toContainText('110105194910010015');

  const id = await personIdByNumber(page, '110105194910010015');
  const ops = await outboxFor(page, id);
  expect(ops).toHaveLength(1);
  expect(ops[0]).toMatchObject({ table: 'people', recordId: id, kind: 'put' });
  expect(ops[0]!.fields).toMatchObject({ name: '张三丰', idNumber: '110105194910010015' });

  await page.getByRole('menu').getByText('同步', { exact: true }).click();
  await expect(page.getByTestId('pending-count')).toContainText('2');
  await page.getByRole('menu').getByText('收件登记', { exact: true }).click();
  await page.screenshot({ path: 'test-results/screenshots/intake-zh.png', fullPage: true });
});

test('refuses a wrong ID number with a Chinese message and saves nothing', async ({ page }) => {
  await enterApp(page, '/intake');
  await page.getByLabel('姓名').fill('李四');
  await page.getByLabel('身份证号').fill('110105194910010019');
  await page.getByRole('button', { name: '保 存' }).or(page.getByRole('button', { name: '保存' })).click();
  await expect(page.getByText(/校验/)).toBeVisible();
  await expect(page.getByRole('row', { name: /李四/ })).toHaveCount(0);
  // Only the first administrator's record waits to sync.
  await expect(page.getByTestId('sync-badge')).toContainText('待同步 1');
});

test('browser mode: the bridge downloads a backup instead of a save dialog', async ({ page }) => {
  await enterApp(page, '/intake');
  await page.getByLabel('姓名').fill('王五');
  await page.getByLabel('身份证号').fill('11010519491001002' + computeCheck('11010519491001002'));
  await page.keyboard.press('Enter');
  await expect(page.getByText('已保存：王五')).toBeVisible();

  await page.getByRole('menu').getByText('设置', { exact: true }).click();
  await expect(page.getByText('浏览器模式')).toBeVisible();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出数据备份' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^协会办事台备份-\d{8}-\d{6}\.deskbackup$/);
  // The backup file format (shared/backup/format): read and checked as a restore reads it.
  const read = await readBackup(new Uint8Array(await readFile((await download.path())!)), async (b) => createHash('sha256').update(b).digest('hex'));
  if (!read.ok) throw new Error(read.error.message);
  expect(read.value.manifest.format).toBe('association-desk-backup');
  expect(read.value.tables.people!.map((p) => p.name)).toContain('王五');
  expect(read.value.tables.outbox!.length).toBeGreaterThanOrEqual(1);

  await page.getByRole('button', { name: '打开数据文件夹' }).click();
  await expect(page.getByText('浏览器模式下数据保存在浏览器中')).toBeVisible();
});

function computeCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return '10X98765432'[sum % 11]!;
}
