/**
 * Getting past the sign-in gate as a clerk would. On a fresh profile the app asks for the first
 * administrator (用户名 / 姓名 / 密码 / 确认密码 → 创建管理员); later it asks to sign in
 * (用户名 / 密码 → 登录). `enterApp` handles both, so each spec starts with a signed-in admin.
 */
import { expect, type Page } from '@playwright/test';

export const ADMIN = { username: 'admin', displayName: '王管理', password: 'Desk-2026-admin' } as const;

export async function enterApp(page: Page, path = '/', user: { username: string; password: string; displayName?: string } = ADMIN): Promise<void> {
  await page.goto(`/#${path}`);
  const setup = page.getByRole('button', { name: '创建管理员' });
  const signIn = page.getByRole('button', { name: '登录' });
  const shell = page.getByRole('navigation');
  await expect(setup.or(signIn).or(shell).first()).toBeVisible();
  if (await setup.isVisible()) {
    await page.getByLabel('用户名').fill(user.username);
    await page.getByLabel('姓名').fill(user.displayName ?? ADMIN.displayName);
    await page.getByLabel('密码', { exact: true }).fill(user.password);
    await page.getByLabel('确认密码').fill(user.password);
    await setup.click();
  } else if (await signIn.isVisible()) {
    await page.getByLabel('用户名').fill(user.username);
    await page.getByLabel('密码', { exact: true }).fill(user.password);
    await signIn.click();
  }
  // Hashing the password (PBKDF2, 600 000 rounds) takes seconds on a busy machine.
  await expect(shell).toBeVisible({ timeout: 30_000 });
}

/** Signs out from the user menu and waits for the sign-in form. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
}
