/**
 * Seeding through the app's own write path: `window.__desk` of the e2e build
 * (renderer/src/testing/e2e-hook.ts) — the repositories and the feature commands a screen calls,
 * so every seeded record has its outbox operation and audit entry, exactly as if typed.
 * Call after `enterApp` (a write needs a signed-in user). Inside `fn`, use `window.__desk!`.
 */
import { expect, type Page } from '@playwright/test';
export type { DeskTestApi } from '../../renderer/src/testing/e2e-hook';

/** Runs `fn(arg)` in the page once the app's write path is there; `arg` must be serialisable. */
export async function withDesk<A, R>(page: Page, fn: (arg: A) => Promise<R>, arg: A): Promise<R> {
  await expect.poll(() => page.evaluate(() => window.__desk !== undefined), { message: 'the e2e build exposes window.__desk' }).toBe(true);
  return page.evaluate<R, A>(fn as Parameters<typeof page.evaluate<R, A>>[0], arg);
}
