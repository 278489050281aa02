/**
 * Local users as an office meets them: on a fresh desk the first administrator is created; the
 * administrator creates a clerk; the clerk signs in (a wrong password is refused in Chinese),
 * does not see 用户, stays signed in across a reload, and the audit of the clerk's write names
 * the clerk. The last administrator cannot be disabled; a password is reset; a disabled clerk
 * cannot sign in.
 */
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, enterApp, signOut } from './sign-in';
import { readStore } from './idb';

const CLERK = { username: 'clerk1', displayName: '李经办', password: 'Clerk-2026-pass' };

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  // Enter submits.
  await page.getByLabel('密码', { exact: true }).press('Enter');
}

const nav = (page: Page) => page.getByRole('navigation');

test('first admin, a clerk, signing in and out, roles and the audit', async ({ page }) => {
  test.setTimeout(120_000);

  // A fresh desk asks for its first administrator; a mismatched confirmation is refused.
  await page.goto('/#/intake');
  await expect(page.getByRole('button', { name: '创建管理员' })).toBeVisible();
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('姓名').fill(ADMIN.displayName);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('确认密码').fill(`${ADMIN.password}x`);
  await page.getByLabel('确认密码').press('Enter');
  await expect(page.getByText('两次输入的密码不一致。')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/auth-first-run.png', fullPage: true });
  await enterApp(page, '/intake');
  await expect(page.getByTestId('user-menu')).toContainText(ADMIN.displayName);
  await expect(page.getByTestId('user-menu')).toContainText('管理员');

  // The administrator creates a clerk on 用户.
  await nav(page).getByText('用户', { exact: true }).click();
  await expect(page).toHaveURL(/#\/users$/);
  const createForm = page.locator('form').filter({ has: page.getByRole('button', { name: '创建用户' }) });
  await createForm.getByLabel('用户名').fill('ADMIN');
  await createForm.getByLabel('姓名').fill('重名的人');
  await createForm.getByLabel('密码', { exact: true }).fill(CLERK.password);
  await createForm.getByLabel('确认密码').fill(CLERK.password);
  await createForm.getByRole('button', { name: '创建用户' }).click();
  await expect(page.getByText('用户名“ADMIN”已被使用，请换一个。')).toBeVisible();

  await createForm.getByLabel('用户名').fill(CLERK.username);
  await createForm.getByLabel('姓名').fill(CLERK.displayName);
  await createForm.getByLabel('密码', { exact: true }).fill(CLERK.password);
  await createForm.getByLabel('确认密码').fill(CLERK.password);
  await createForm.getByLabel('确认密码').press('Enter');
  await expect(page.getByText(`已创建用户：${CLERK.displayName}（${CLERK.username}）`)).toBeVisible();
  const clerkRow = page.getByRole('row', { name: new RegExp(CLERK.username) });
  await expect(clerkRow).toContainText(CLERK.displayName);
  await expect(clerkRow).toContainText('经办人');
  await expect(clerkRow).toContainText('在用');

  // The only administrator cannot disable themself.
  await page.getByRole('row', { name: /admin（本人）/ }).getByRole('button', { name: '停用' }).click();
  // The confirmation zooms in; a click during its opening animation can miss, so retry until the
  // refusal shows (refusing twice changes nothing).
  await expect(async () => {
    const confirm = page.getByRole('dialog').getByRole('button', { name: '停用' });
    if (await confirm.isVisible()) await confirm.click({ timeout: 2_000 });
    await expect(page.getByText(/不能停用最后一位在用的管理员/)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole('row', { name: /admin（本人）/ })).toContainText('在用');
  await page.screenshot({ path: 'test-results/screenshots/auth-users.png', fullPage: true });

  const users = await readStore<{ id: string; username: string; passwordHash: string; passwordSalt: string }>(page, 'users');
  const admin = users.find((u) => u.username === ADMIN.username)!;
  const clerk = users.find((u) => u.username === CLERK.username)!;
  expect(clerk.passwordHash).toMatch(/^pbkdf2-sha256\$600000\$/);
  const audit = await readStore<{ userId: string; table: string; recordId: string; action: string }>(page, 'auditLog');
  expect(audit.find((e) => e.recordId === clerk.id)).toMatchObject({ table: 'users', action: 'create', userId: admin.id });
  // No password is stored anywhere.
  const everything = JSON.stringify([users, audit, await readStore(page, 'outbox')]);
  expect(everything).not.toContain(ADMIN.password);
  expect(everything).not.toContain(CLERK.password);

  // Signing out; a wrong password is refused, the same way as an unknown user.
  await signOut(page);
  await signIn(page, CLERK.username, 'not-the-password');
  await expect(page.getByText('用户名或密码不正确。')).toBeVisible();
  await expect(page.getByLabel('密码', { exact: true })).toBeFocused();
  await page.screenshot({ path: 'test-results/screenshots/auth-sign-in-refused.png', fullPage: true });
  await signIn(page, 'nobody', CLERK.password);
  await expect(page.getByText('用户名或密码不正确。')).toBeVisible();

  // The clerk signs in (the user name ignores case) and does not see 用户.
  await signIn(page, 'Clerk1', CLERK.password);
  await expect(nav(page)).toBeVisible();
  await expect(page.getByTestId('user-menu')).toContainText(CLERK.displayName);
  await expect(page.getByTestId('user-menu')).toContainText('经办人');
  await expect(nav(page).getByText('收件登记', { exact: true })).toBeVisible();
  await expect(nav(page).getByText('用户', { exact: true })).toHaveCount(0);
  // Typing the address opens nothing of 用户 either (shared/access).
  await page.goto('/#/users');
  await expect(page.getByTestId('access-denied')).toContainText('无权打开此页面');
  await expect(page.getByRole('button', { name: '创建用户' })).toHaveCount(0);

  // A reload keeps the session.
  await page.reload();
  await expect(page.getByTestId('access-denied')).toBeVisible();
  await expect(page.getByTestId('user-menu')).toContainText(CLERK.displayName);

  // The clerk's write is audited under the clerk.
  await nav(page).getByText('收件登记', { exact: true }).click();
  await page.getByLabel('姓名').fill('张三丰');
  await page.getByLabel('身份证号').fill('110105194910010015');
  await page.getByLabel('身份证号').press('Enter');
  await expect(page.getByText('已保存：张三丰')).toBeVisible();
  const people = await readStore<{ id: string; name: string; createdBy: string }>(page, 'people');
  const person = people.find((p) => p.name === '张三丰')!;
  expect(person.createdBy).toBe(clerk.id);
  const entries = await readStore<{ userId: string; recordId: string; action: string }>(page, 'auditLog');
  expect(entries.filter((e) => e.recordId === person.id)).toEqual([expect.objectContaining({ action: 'create', userId: clerk.id })]);

  // The administrator resets the clerk's password, then disables the clerk: the clerk, with the
  // new password, is told the account is disabled.
  await signOut(page);
  await signIn(page, ADMIN.username, ADMIN.password);
  await nav(page).getByText('用户', { exact: true }).click();
  await page.getByRole('row', { name: new RegExp(CLERK.username) }).getByRole('button', { name: '重置密码' }).click();
  const reset = page.getByRole('dialog');
  await expect(reset.getByLabel('新密码')).toBeFocused();
  await reset.getByLabel('新密码').fill('short');
  await reset.getByLabel('确认密码').fill('short');
  await reset.getByLabel('确认密码').press('Enter');
  await expect(reset.getByText('密码至少需要 8 个字符。')).toBeVisible();
  await reset.getByLabel('新密码').fill('Clerk-2026-new');
  await reset.getByLabel('确认密码').fill('Clerk-2026-new');
  await reset.getByLabel('确认密码').press('Enter');
  await expect(page.getByText(`已重置 ${CLERK.displayName} 的密码`)).toBeVisible();
  await expect(reset).toBeHidden();
  await page.getByRole('row', { name: new RegExp(CLERK.username) }).getByRole('button', { name: '停用' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '停用' }).click();
  await expect(page.getByRole('row', { name: new RegExp(CLERK.username) })).toContainText('已停用');
  await signOut(page);
  await signIn(page, CLERK.username, CLERK.password);
  await expect(page.getByText('用户名或密码不正确。')).toBeVisible();
  await signIn(page, CLERK.username, 'Clerk-2026-new');
  await expect(page.getByText('该账号已停用，请联系管理员。')).toBeVisible();
});

test('the sign-in screen and 用户 in English', async ({ page }) => {
  await enterApp(page, '/users');
  await page.locator('header').getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await expect(page.getByTestId('user-menu')).toContainText('Administrator');
  await page.screenshot({ path: 'test-results/screenshots/auth-users-en.png', fullPage: true });
  await page.getByTestId('user-menu').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/auth-sign-in-en.png', fullPage: true });
  await page.getByText('中文', { exact: true }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
});
