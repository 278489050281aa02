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

type Row = Record<string, unknown> & { readonly id: string };

/**
 * Records as another screen would have left them (an application already returned, a person
 * registered last year), written through the repositories — validated, with their outbox
 * operation and audit entry — under the signed-in user, in the order given.
 */
export async function seedRecords(page: Page, data: Readonly<Record<string, readonly Row[]>>): Promise<void> {
  await withDesk(
    page,
    async (tables) => {
      const desk = window.__desk!;
      const ctx = await desk.writeContext();
      for (const [table, rows] of Object.entries(tables)) {
        const repository = (desk.repositories as unknown as Record<string, { put(id: string, input: unknown, ctx: unknown): Promise<unknown> }>)[table];
        if (repository === undefined) throw new Error(`no repository for ${table}`);
        for (const { id, ...row } of rows) await repository.put(id, row, ctx);
      }
    },
    data,
  );
}
