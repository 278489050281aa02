/**
 * 权限: the permission table (shared/access) as people meet it. A 评审人员 sees 评审会 only: no menu
 * entry for intake, certificates, users or settings, and typing their URLs opens nothing of them
 * (无权打开此页面); the signing key's page is not there for them, and the private key is nowhere in
 * any page, not even the administrator's (only its public fingerprint). A 经办人 works intake and
 * certificates but not the signing key, users or settings.
 *
 * Screenshots go to test-results/access.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ADMIN, enterApp, signOut } from './sign-in';
import { readStore } from './idb';
import { withDesk } from './seed';

const SHOTS = 'test-results/access';
const REVIEWER = { username: 'zhao', displayName: '赵评审', password: 'Review-2026-pass' };
const CLERK = { username: 'li', displayName: '李经办', password: 'Clerk-2026-pass' };

async function signIn(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.getByLabel('用户名').fill(user.username);
  await page.getByLabel('密码', { exact: true }).fill(user.password);
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await expect(page.getByRole('navigation')).toBeVisible();
}

const menuEntries = async (page: Page): Promise<string[]> => (await page.getByRole('menu').getByRole('menuitem').allInnerTexts()).map((s) => s.trim());

/**
 * The administrator sets the office up: a reviewer and a clerk, one application, and a signing key
 * generated on 证书 › 签名与单位 — whose page then shows the key's fingerprint, never the key.
 */
async function setUpOffice(page: Page): Promise<{ applicationId: string; privateKey: string }> {
  await enterApp(page, '/intake');
  const applicationId = await withDesk(
    page,
    async ({ reviewer, clerk }) => {
      const desk = window.__desk!;
      await desk.createUser({ ...reviewer, role: 'reviewer' });
      await desk.createUser({ ...clerk, role: 'clerk' });
      const person = await desk.createPerson({ name: '张三丰', idNumber: '11010519491231002X' }, await desk.writeContext());
      const application = await desk.createApplication({ programId: 'xj-isi-pm', kind: 'new', channel: 'counter', receivedDate: '2026-11-20', personId: person.id, fields: {} });
      // Waiting for the panel, so the reviewer has something to score.
      await desk.repositories.applications.update(application.id, { status: 'awaiting-evaluation' }, await desk.writeContext());
      return application.id;
    },
    { reviewer: REVIEWER, clerk: CLERK },
  );

  await page.getByRole('menu').getByText('证书', { exact: true }).click();
  await page.getByRole('tab', { name: '签名与单位' }).click();
  await expect(page.getByTestId('signing-fingerprint')).toHaveText('—');
  await page.getByLabel('查验地址（主机名）').fill('verify.example.org.cn');
  await page.getByTestId('signing-generate').click();
  await expect(page.getByText('公钥（请交管理员在查验服务器上公布）')).toBeVisible();
  await expect(page.getByTestId('signing-fingerprint')).toHaveText(/^SHA256:/);
  const settings = await readStore<{ key: string; value: { privateKeyPkcs8?: string } }>(page, 'settings');
  const privateKey = settings.find((s) => s.key === 'documents.signing')!.value.privateKeyPkcs8!;
  expect(privateKey.length).toBeGreaterThan(40);
  // Write-only: the key box stays empty, and the key is nowhere in the page, before or after a reload.
  await expect(page.getByTestId('signing-key')).toHaveValue('');
  expect(await page.content()).not.toContain(privateKey);
  await page.reload();
  await page.getByRole('tab', { name: '签名与单位' }).click();
  await expect(page.getByTestId('signing-fingerprint')).toHaveText(/^SHA256:/);
  await expect(page.getByTestId('signing-key')).toHaveValue('');
  expect(await page.content()).not.toContain(privateKey);
  await page.screenshot({ path: `${SHOTS}/admin-signing.png`, fullPage: true });
  return { applicationId, privateKey };
}

/** Typing a URL: the page says it may not be opened, and nothing of the screen is there. */
async function refused(page: Page, path: string, absent: (page: Page) => Locator): Promise<void> {
  await page.goto(`/#${path}`);
  await expect(page.getByTestId('access-denied')).toBeVisible();
  await expect(page.getByTestId('access-denied')).toContainText('无权打开此页面');
  await expect(absent(page)).toHaveCount(0);
}

test('权限：评审人员只看到评审会；收件、证书签名、用户和设置既不在菜单中，输入网址也打不开；私钥在任何页面上都不出现', async ({ page }) => {
  test.setTimeout(180_000);
  const { applicationId, privateKey } = await setUpOffice(page);
  await signOut(page);

  await signIn(page, REVIEWER);
  // A reviewer starts on 评审会, the only entry of the menu.
  await expect(page).toHaveURL(/#\/panel$/);
  await expect(page.getByRole('heading', { name: '评审会' })).toBeVisible();
  await expect(page.getByTestId('user-menu')).toContainText('评审人员');
  expect(await menuEntries(page)).toEqual(['评审会']);
  // Reviewer mode: only the sessions they sit on (none yet), and no way into the office's files.
  await expect(page.getByText('评审人员模式：只显示你参加的评审会和分配给你的申请（只读）。')).toBeVisible();
  await expect(page.getByText('你目前没有参加的评审会。')).toBeVisible();
  await expect(page.getByRole('main').getByRole('link')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/reviewer-panel.png`, fullPage: true });

  // By URL: intake (and its form), the file of an application, certificates (with the signing
  // key's tab), users, settings, and the office's other areas.
  await refused(page, '/intake', (p) => p.getByRole('button', { name: '新建申请' }));
  await page.screenshot({ path: `${SHOTS}/reviewer-intake-refused.png`, fullPage: true });
  await refused(page, '/intake/new', (p) => p.getByLabel('身份证号'));
  await refused(page, `/applications/${applicationId}`, (p) => p.getByRole('tab', { name: '申请表' }));
  await refused(page, '/certificates', (p) => p.getByRole('tab', { name: '签名与单位' }));
  await refused(page, '/users', (p) => p.getByRole('button', { name: '创建用户' }));
  await refused(page, '/settings', (p) => p.getByRole('button', { name: '导出数据备份' }));
  await refused(page, '/sync', (p) => p.getByRole('button', { name: '立即同步' }));
  for (const path of ['/organisations', '/review', '/rosters', '/audit', '/calendar']) await refused(page, path, (p) => p.getByRole('table'));
  expect(await menuEntries(page)).toEqual(['评审会']);

  // The way back leads to 评审会; an unknown address too.
  await page.getByRole('button', { name: '前往评审会' }).click();
  await expect(page).toHaveURL(/#\/panel$/);
  await page.goto('/#/no-such-page');
  await expect(page).toHaveURL(/#\/panel$/);
  expect(await page.content()).not.toContain(privateKey);

  // A reload keeps the reviewer where they may be, and keeps refusing the rest.
  await page.goto('/#/settings');
  await page.reload();
  await expect(page.getByTestId('access-denied')).toBeVisible();
  await expect(page.getByRole('button', { name: '导出数据备份' })).toHaveCount(0);
});

test('权限：经办人办理收件和证书，但看不到签名密钥，也打不开用户和设置', async ({ page }) => {
  test.setTimeout(180_000);
  const { privateKey } = await setUpOffice(page);
  await signOut(page);

  await signIn(page, CLERK);
  await expect(page).toHaveURL(/#\/intake$/);
  const entries = await menuEntries(page);
  expect(entries).toEqual(['收件登记', '单位', '评价机构', '工作队列', '评审会', '证书', '名册与报表', '导入名单', '审计记录', '同步', '工作日历']);

  await page.getByRole('menu').getByText('证书', { exact: true }).click();
  await expect(page.getByRole('tab', { name: '待发证' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '签名与单位' })).toHaveCount(0);
  expect(await page.content()).not.toContain(privateKey);
  await page.screenshot({ path: `${SHOTS}/clerk-certificates.png`, fullPage: true });

  await refused(page, '/users', (p) => p.getByRole('button', { name: '创建用户' }));
  await refused(page, '/settings', (p) => p.getByRole('button', { name: '导出数据备份' }));
  await page.screenshot({ path: `${SHOTS}/clerk-settings-refused.png`, fullPage: true });
  await page.getByRole('button', { name: '前往收件登记' }).click();
  await expect(page).toHaveURL(/#\/intake$/);

  // The working-day calendar is there to read; entering a year is the administrator's.
  await page.getByRole('menu').getByText('工作日历', { exact: true }).click();
  await expect(page.getByText('只有管理员可以录入或修改工作日历。')).toBeVisible();
  await expect(page.getByRole('button', { name: '录入年份' })).toHaveCount(0);

  // Signed out and in as the administrator, everything is back.
  await signOut(page);
  await signIn(page, ADMIN);
  expect(await menuEntries(page)).toEqual(['收件登记', '单位', '评价机构', '工作队列', '评审会', '证书', '名册与报表', '导入名单', '审计记录', '同步', '用户', '工作日历', '设置']);
});
