/**
 * Two desks of one office against a real sync server (PGlite, loopback): both enrol through
 * 设置, both register applicants offline, one carries its outbox to the other by batch file, both
 * sync online and converge. Then two other desks (played by this test over HTTP: one pushes, one
 * sends a batch file through the server's import route) correct the same applicant's name
 * concurrently: the conflict shows side by side on 同步, desk A keeps one value, and desk B
 * receives the resolution. Finally the server goes away and 同步 says so, in Chinese.
 *
 * Each desk starts on a fresh profile, so each creates its own first administrator (a user
 * record, the first operation of its outbox, sent once the desk is enrolled; after syncing each
 * desk has both). They have different user names.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { formatHlc } from '../../shared/sync/hlc';
import { batchFileSchema, type Operation, type PullResponse } from '../../shared/sync/protocol';
import { enterApp } from './sign-in';
import { allowCrossOrigin, startSyncServer, type SyncServer } from './sync-server';
import { withCheckDigit } from './id-numbers';

const APP_ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4319}`;
const OFFICE = { name: '昌吉州软件行业协会', code: 'E2E-SYNC' };

const ZHANG = { name: '张三', idNumber: withCheckDigit('11010519491001001') };
const LI = { name: '李四', idNumber: withCheckDigit('65230119800215002') };

interface Desk {
  context: BrowserContext;
  page: Page;
}

let server: SyncServer;
let a: Desk;
let b: Desk;

async function openDesk(browser: Browser, admin: { username: string; displayName: string; password: string }): Promise<Desk> {
  const context = await browser.newContext({
    baseURL: APP_ORIGIN,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1360, height: 860 },
    acceptDownloads: true,
    reducedMotion: 'reduce',
  });
  await allowCrossOrigin(context, server.url, APP_ORIGIN);
  const page = await context.newPage();
  await enterApp(page, '/settings', admin);
  return { context, page };
}

const AREAS: Record<string, string> = { 收件登记: '/intake', 同步: '/sync', 设置: '/settings', Sync: '/sync' };

/** Opens an area from the menu, unless it is already open (every render counts on a slow CI box). */
async function nav(page: Page, area: string): Promise<void> {
  if (new URL(page.url()).hash === `#${AREAS[area]}`) return;
  await page.getByRole('menu').getByText(area, { exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#${AREAS[area]}$`));
}

async function enrol(desk: Desk, code: string, deviceName: string): Promise<void> {
  await test.step(`enrol ${deviceName}`, () => enrolSteps(desk, code, deviceName));
}

async function enrolSteps(desk: Desk, code: string, deviceName: string): Promise<void> {
  const { page } = desk;
  await page.goto('/#/settings');
  // A remote plain-http address is refused beside its field, before anything is sent.
  await page.getByLabel('服务器地址').fill('http://sync.example.org');
  await page.getByLabel('办事处代码').fill(OFFICE.code.toLowerCase());
  await page.getByLabel('登记码').fill(code);
  await page.getByRole('button', { name: '登记本机' }).click();
  await expect(page.getByText('服务器地址必须以 https:// 开头')).toBeVisible();
  if (desk === a) await page.screenshot({ path: 'test-results/screenshots/sync-settings-form.png', fullPage: true });
  await page.getByLabel('服务器地址').fill(server.url);
  await page.getByLabel('办事处代码').fill(OFFICE.code.toLowerCase());
  await page.getByLabel('登记码').fill(code);
  await page.getByLabel('本机名称').fill(deviceName);
  await page.getByLabel('本机名称').press('Enter');
  await expect(page.getByTestId('enrolled-office')).toContainText(`已登记到“${OFFICE.name}”`);
  // The token is stored, never shown.
  const token = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('association-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('settings', 'readonly').objectStore('settings').get('sync.token');
          req.onsuccess = () => resolve((req.result as { value: string }).value);
        };
      }),
  );
  expect(token.length).toBeGreaterThanOrEqual(32);
  await expect(page.locator('body')).not.toContainText(token);
}

async function register(page: Page, who: { name: string; idNumber: string }): Promise<void> {
  await nav(page, '收件登记');
  await page.getByLabel('姓名').fill(who.name);
  await page.getByLabel('姓名').press('Enter');
  await page.getByLabel('身份证号').fill(who.idNumber);
  await page.keyboard.press('Enter');
  await expect(page.getByText(`已保存：${who.name}`)).toBeVisible();
}

async function syncNow(page: Page): Promise<void> {
  await test.step('立即同步', () => syncNowSteps(page));
}

async function syncNowSteps(page: Page): Promise<void> {
  await nav(page, '同步');
  // The pass's outcome stays on the page (cleared when a pass starts), never a toast that goes.
  // A pass the network's return had just started may end without one (its own outcome shows in
  // 状态): the clerk clicks again, as a person would.
  await expect(async () => {
    await page.getByRole('button', { name: '立即同步' }).click();
    await expect(page.getByTestId('last-pass')).toContainText(/^同步完成：/, { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('sync-badge')).toContainText('已全部同步');
}

async function listed(page: Page, names: string[]): Promise<void> {
  await nav(page, '收件登记');
  for (const name of names) await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
}

/** Another desk of the office, played over HTTP: enrols with a code and speaks the protocol. */
async function headlessDesk(code: string) {
  const deviceId = uuidv7();
  const headers = { 'content-type': 'application/json', 'x-desk-protocol': '1' };
  const enrolled = await fetch(`${server.url}/enrol`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ officeCode: OFFICE.code, enrolmentCode: code, deviceId, deviceName: '复核窗口', appVersion: '0.1.0' }),
  });
  expect(enrolled.status).toBe(201);
  const { deviceToken } = (await enrolled.json()) as { deviceToken: string };
  const auth = { ...headers, authorization: `Bearer ${deviceToken}` };
  return {
    deviceId,
    async pullAll(): Promise<Operation[]> {
      const res = await fetch(`${server.url}/sync/pull?limit=1000`, { headers: auth });
      return ((await res.json()) as PullResponse).operations;
    },
    async post(route: string, body: unknown): Promise<number> {
      return (await fetch(`${server.url}${route}`, { method: 'POST', headers: auth, body: JSON.stringify(body) })).status;
    },
  };
}

function renameOp(deviceId: string, recordId: string, name: string, replaces: string): Operation {
  const at = new Date().toISOString();
  return {
    id: uuidv7(),
    table: 'people',
    recordId,
    kind: 'put',
    fields: { name, updatedAt: at, updatedBy: 'clerk-2' },
    prev: { name: [replaces as Operation['hlc']] },
    hlc: formatHlc({ millis: Date.now(), counter: 0, node: deviceId }),
    deviceId,
    userId: 'clerk-2',
  };
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  server = await test.step('start the server', () => startSyncServer({ officeName: OFFICE.name, officeCode: OFFICE.code, codes: 4 }));
  a = await openDesk(browser, { username: 'admin-a', displayName: '王管理', password: 'Desk-2026-admin' });
  b = await openDesk(browser, { username: 'admin-b', displayName: '赵管理', password: 'Desk-2026-admin' });
});

test.afterAll(async () => {
  await a?.context.close();
  await b?.context.close();
  await server?.stop();
});

test('two desks enrol, work offline, exchange a batch file, sync online and converge', async () => {
  await Promise.all([enrol(a, server.codes[0]!, '收件窗口 1 号机'), enrol(b, server.codes[1]!, '收件窗口 2 号机')]);
  await a.page.screenshot({ path: 'test-results/screenshots/sync-settings-enrolled.png', fullPage: true });

  // Enrolled, each desk sends its first administrator's record by itself.
  await Promise.all([a, b].map((desk) => expect(desk.page.getByTestId('sync-badge')).toContainText('已全部同步')));
  await Promise.all([a.context.setOffline(true), b.context.setOffline(true)]);
  await Promise.all([register(a.page, ZHANG), register(b.page, LI)]);
  await expect(a.page.getByTestId('sync-badge')).toContainText('待同步 1');
  await expect(b.page.getByTestId('sync-badge')).toContainText('待同步 1');

  // Still offline: desk B carries its outbox to desk A on a USB stick.
  await nav(b.page, '同步');
  const downloading = b.page.waitForEvent('download');
  await b.page.getByRole('button', { name: '导出待同步数据' }).click();
  const file = await (await downloading).path();
  const batch = batchFileSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  expect(batch.batches.flatMap((x) => x.operations.map((op) => op.fields.name))).toEqual([LI.name]);
  await expect(b.page.getByTestId('pending-count')).toContainText('1');

  await nav(a.page, '同步');
  for (let i = 0; i < 2; i++) {
    // Importing the same file twice: the second time changes nothing.
    await a.page.getByTestId('batch-file-input').setInputFiles(file);
    await expect(a.page.getByText('已导入批次文件：1 条操作，涉及 1 条记录').last()).toBeVisible();
  }
  await listed(a.page, [ZHANG.name, LI.name]);
  await expect(a.page.getByRole('row', { name: /李四/ })).toHaveCount(1);
  await expect(a.page.getByTestId('sync-badge')).toContainText('离线 · 待同步 1');

  // Online: the sync loop runs by itself when the network comes back.
  await a.context.setOffline(false);
  await expect(a.page.getByTestId('sync-badge')).toContainText('已全部同步');
  await b.context.setOffline(false);
  await expect(b.page.getByTestId('sync-badge')).toContainText('已全部同步');
  await syncNow(a.page);

  await Promise.all([listed(a.page, [ZHANG.name, LI.name]), listed(b.page, [ZHANG.name, LI.name])]);
  await nav(a.page, '同步');
  await expect(a.page.getByTestId('pending-count')).toContainText('0');
  await expect(a.page.getByTestId('last-success')).toContainText(/\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}/);
});

test('a concurrent edit of one field shows as a conflict; the resolution reaches the other desk', async () => {
  // Two more desks correct 张三's name without seeing each other's change.
  const c = await headlessDesk(server.codes[2]!);
  const created = (await c.pullAll()).find((op) => op.table === 'people' && op.fields.name === ZHANG.name)!;
  expect(created).toBeDefined();
  const fromC = renameOp(c.deviceId, created.recordId, '张三丰', created.hlc);
  expect(await c.post('/sync/push', { batchId: uuidv7(), deviceId: c.deviceId, operations: [fromC] })).toBe(200);
  // Desk D was enrolled once and has had no network since: its file is imported through desk C
  // (the server takes a file only for devices of the office it knows).
  const d = (await headlessDesk(server.codes[3]!)).deviceId;
  const fromD = renameOp(d, created.recordId, '张君宝', created.hlc);
  const fileOfD = { format: 'association-desk-batch', version: 1, deviceId: d, exportedAt: new Date().toISOString(), batches: [{ batchId: uuidv7(), deviceId: d, operations: [fromD] }] };
  expect(await c.post('/sync/import', fileOfD)).toBe(200);

  const shownFirst = fromC.hlc > fromD.hlc ? ['张三丰', '张君宝'] : ['张君宝', '张三丰'];
  await Promise.all(
    [a, b].map(async (desk) => {
      await syncNow(desk.page);
      const conflict = desk.page.getByTestId('conflict');
      await expect(conflict).toHaveCount(1);
      await expect(conflict).toContainText('申请人 · ');
      await expect(conflict).toContainText('字段：姓名');
      await expect(conflict.getByTestId('conflict-value')).toHaveText(shownFirst);
      await expect(conflict).toContainText(`设备 …${c.deviceId.slice(-6)}`);
      await expect(conflict).toContainText(`设备 …${d.slice(-6)}`);
    }),
  );
  await a.page.screenshot({ path: 'test-results/screenshots/sync-conflict.png', fullPage: true });

  // Desk A keeps desk D's value; the choice syncs by itself.
  await a.page.getByRole('button', { name: '保留此值：张君宝' }).click();
  await expect(a.page.getByText('已保留“张君宝”')).toBeVisible();
  await expect(a.page.getByTestId('conflict')).toHaveCount(0);
  await expect(a.page.getByText('没有待处理的冲突')).toBeVisible();
  await expect(a.page.getByTestId('sync-badge')).toContainText('已全部同步');

  await syncNow(b.page);
  await expect(b.page.getByTestId('conflict')).toHaveCount(0);
  await listed(b.page, ['张君宝']);
  await expect(b.page.getByRole('row', { name: /张三丰/ })).toHaveCount(0);
});

test('copies typed on two desks offline: a conflict shown on both, settled on one, reaching the other', async () => {
  test.setTimeout(120_000);
  // Desk A registers a P5 application for 张三 — 张君宝 since the last test — and receives one material.
  await a.page.goto('/#/intake/new');
  await expect(a.page.locator('#new-program')).toBeFocused();
  await a.page.keyboard.type('P5');
  await a.page.keyboard.press('Enter');
  await expect(a.page.locator('#new-kind')).toBeFocused();
  await a.page.keyboard.type('证书登记');
  await expect(a.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').first()).toBeVisible();
  await a.page.keyboard.press('Enter');
  await a.page.locator('#new-channel').focus();
  await a.page.keyboard.type('窗口');
  await a.page.keyboard.press('Enter');
  const picker = a.page.getByTestId('person-picker');
  await picker.getByLabel('身份证号').fill(ZHANG.idNumber);
  await picker.getByLabel('身份证号').press('Enter');
  await expect(a.page.getByTestId('person-picker-selected')).toContainText('张君宝');
  await a.page.getByTestId('register').click();
  await expect(a.page).toHaveURL(/#\/applications\/[^?]+\?tab=checklist/);
  const fileUrl = a.page.url();
  const first = a.page.locator('tr[data-item]').first();
  await first.focus();
  await a.page.keyboard.press('Space');
  await expect(first).toHaveAttribute('data-status', 'received');
  await syncNow(a.page);
  await syncNow(b.page);

  // Both offline; each clerk corrects the copies received on the paper in front of them.
  await Promise.all([a.context.setOffline(true), b.context.setOffline(true)]);
  await b.page.goto(fileUrl.replace(/^https?:\/\/[^/]+/, ''));
  for (const [desk, copies] of [[a, '2'], [b, '3']] as const) {
    if (desk === a) await desk.page.goto(fileUrl.replace(/^https?:\/\/[^/]+/, ''));
    const copiesInput = desk.page.locator('tr[data-item]').first().locator('input.ant-input-number-input');
    await copiesInput.fill(copies);
    await copiesInput.press('Enter');
    await expect(desk.page.getByTestId('sync-badge')).toContainText('待同步');
  }
  await Promise.all([a.context.setOffline(false), b.context.setOffline(false)]);
  await syncNow(a.page);
  await syncNow(b.page);
  await syncNow(a.page);

  for (const desk of [a, b]) {
    const conflict = desk.page.getByTestId('conflict');
    await expect(conflict).toHaveCount(1);
    await expect(conflict).toContainText(/材料 · P5-2026-[0-9A-F]{4}-0001 本人有效的计算机专业技术资格（水平）证书/);
    await expect(conflict).toContainText('字段：已收份数');
    await expect(conflict.getByTestId('conflict-value')).toHaveCount(2);
    expect((await conflict.getByTestId('conflict-value').allTextContents()).sort()).toEqual(['2', '3']);
  }
  await b.page.screenshot({ path: 'test-results/screenshots/sync-conflict-typed.png', fullPage: true });

  // Desk B keeps 3; desk A gets the resolution at its next sync and shows 3.
  await b.page.getByRole('button', { name: '保留此值：3' }).click();
  await expect(b.page.getByTestId('conflict')).toHaveCount(0);
  await expect(b.page.getByTestId('sync-badge')).toContainText('已全部同步');
  await syncNow(a.page);
  await expect(a.page.getByTestId('conflict')).toHaveCount(0);
  await a.page.goto(fileUrl.replace(/^https?:\/\/[^/]+/, ''));
  await expect(a.page.locator('tr[data-item]').first().locator('input.ant-input-number-input')).toHaveValue('3');
});

test('when the server is unreachable, 同步 says so in Chinese and keeps the data', async () => {
  await a.page.locator('header').getByText('English', { exact: true }).click();
  await nav(a.page, 'Sync');
  await a.page.screenshot({ path: 'test-results/screenshots/sync-en.png', fullPage: true });
  await a.page.locator('header').getByText('中文', { exact: true }).click();

  // A slow line: the progress bar shows what is happening.
  await a.page.route((url) => url.pathname === '/sync/pull', async (route) => {
    await new Promise((r) => setTimeout(r, 1_500));
    await route.fallback();
  });
  await register(a.page, { name: '王五', idNumber: withCheckDigit('11010519491001002') });
  await nav(a.page, '同步');
  await a.page.getByRole('button', { name: '立即同步' }).click();
  await expect(a.page.getByTestId('sync-progress')).toContainText('正在下载');
  await expect(a.page.getByTestId('sync-badge')).toContainText('正在同步');
  await a.page.screenshot({ path: 'test-results/screenshots/sync-progress.png', fullPage: true });
  await expect(a.page.getByTestId('sync-badge')).toContainText('已全部同步');
  await a.page.unrouteAll({ behavior: 'ignoreErrors' });

  await server.stop();
  await register(a.page, { name: '赵六', idNumber: withCheckDigit('11010519491001003') });
  await nav(a.page, '同步');
  await a.page.getByRole('button', { name: '立即同步' }).click();
  const error = a.page.getByTestId('sync-error');
  await expect(error).toContainText('无法连接服务器，稍后会自动重试。数据已保存在本机，不会丢失');
  await expect(error).toContainText(/将于 \d{2}:\d{2}:\d{2} 自动重试/);
  // When it happened, in the clerk's words; no internal error code (network_error and the like).
  await expect(error).toContainText(/发生于 \d{4}年\d{2}月\d{2}日/);
  await expect(error).not.toContainText(/[a-z]+_[a-z]+/);
  await expect(a.page.getByTestId('sync-badge')).toContainText('同步出错');
  await expect(a.page.getByTestId('pending-count')).toContainText('1');
  await a.page.screenshot({ path: 'test-results/screenshots/sync-error.png', fullPage: true });
});
