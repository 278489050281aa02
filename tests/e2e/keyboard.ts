/** Typing into the intake forms as a clerk does: keys, Enter to move on, never the mouse. */
import { expect, type Page } from '@playwright/test';

/** Types into the focused element, then Enter (to the next field). */
export async function typeEnter(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** A drop-down: type to filter, Enter picks the first match and moves on. */
export async function choose(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').first()).toBeVisible();
  await page.keyboard.press('Enter');
}

/**
 * On 新建申请, once its draft is ready (业务 has the focus: type only then): P4 by keyboard, its one
 * kind chosen with it (the focus moves on to the kind, Enter keeps it), then the channel.
 */
export async function startP4Application(page: Page, channel: string): Promise<void> {
  await expect(page.locator('#new-program')).toBeFocused();
  await choose(page, 'P4');
  await expect(page.locator('#new-kind')).toBeFocused();
  await page.keyboard.press('Enter');
  await choose(page, channel);
}
