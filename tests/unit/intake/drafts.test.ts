import './env';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/src/db';
import {
  NEW_APPLICATION_DRAFT,
  applicationDraftId,
  createDraftSaver,
  deleteDraft,
  listDrafts,
  loadDraft,
  newApplicationDraftId,
  saveDraft,
} from '../../../renderer/src/features/applications/drafts';

beforeEach(async () => {
  if (!db.isOpen()) await db.open();
  await db.drafts.clear();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('drafts: a form being typed survives a reload', () => {
  it('saves, loads, lists newest first per kind and user, and deletes', async () => {
    const a = newApplicationDraftId();
    const b = newApplicationDraftId();
    expect(a).toMatch(/^new-application:/);
    expect(a).not.toBe(b);
    await saveDraft({ id: a, kind: NEW_APPLICATION_DRAFT, userId: 'u1', values: { fields: { name: '王小明' } }, now: new Date('2026-11-22T01:00:00Z') });
    await saveDraft({ id: b, kind: NEW_APPLICATION_DRAFT, userId: 'u1', values: { fields: { name: '李四' } }, now: new Date('2026-11-22T02:00:00Z') });
    await saveDraft({ id: applicationDraftId('x'), kind: applicationDraftId('x'), userId: 'u1', values: {}, now: new Date('2026-11-22T03:00:00Z') });
    await saveDraft({ id: 'new-application:other', kind: NEW_APPLICATION_DRAFT, userId: 'u2', values: {} });

    expect((await loadDraft(a))?.values).toEqual({ fields: { name: '王小明' } });
    const mine = await listDrafts({ kind: NEW_APPLICATION_DRAFT, userId: 'u1' });
    expect(mine.map((d) => d.id)).toEqual([b, a]);
    expect(await listDrafts({ kind: NEW_APPLICATION_DRAFT })).toHaveLength(3);

    await deleteDraft(a);
    expect(await loadDraft(a)).toBeUndefined();
    expect((await listDrafts({ kind: NEW_APPLICATION_DRAFT, userId: 'u1' })).map((d) => d.id)).toEqual([b]);
  });

  it('a save replaces the values (the latest wins) and keeps a copy, not the caller object', async () => {
    const id = newApplicationDraftId();
    const values = { fields: { name: '王' } };
    await saveDraft({ id, kind: NEW_APPLICATION_DRAFT, userId: 'u1', values });
    values.fields.name = '王小明';
    await saveDraft({ id, kind: NEW_APPLICATION_DRAFT, userId: 'u1', values });
    expect(await db.drafts.count()).toBe(1);
    expect((await loadDraft(id))?.values).toEqual({ fields: { name: '王小明' } });
  });
});

describe('createDraftSaver: debounced, never later than the delay, flushed on demand', () => {
  it('writes the last values once within the delay while typing', async () => {
    vi.useFakeTimers();
    const writes: string[] = [];
    const saver = createDraftSaver<string>(async (v) => void writes.push(v), { delayMs: 150 });
    saver.schedule('王');
    await vi.advanceTimersByTimeAsync(100);
    saver.schedule('王小');
    await vi.advanceTimersByTimeAsync(49);
    expect(writes).toEqual([]);
    saver.schedule('王小明');
    // The first keystroke armed the timer: it fires 150 ms after it, with the latest values.
    await vi.advanceTimersByTimeAsync(1);
    expect(writes).toEqual(['王小明']);
    expect(saver.pending).toBe(false);
  });

  it('flush writes at once; cancel drops pending values; writes keep their order', async () => {
    vi.useFakeTimers();
    const writes: number[] = [];
    let release: () => void = () => undefined;
    const saver = createDraftSaver<number>(
      (v) =>
        new Promise<void>((resolve) => {
          writes.push(v);
          if (v === 1) release = resolve;
          else resolve();
        }),
    );
    saver.schedule(1);
    const first = saver.flush();
    saver.schedule(2);
    const second = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    // The second write waits for the first.
    expect(writes).toEqual([1]);
    release();
    await first;
    await second;
    expect(writes).toEqual([1, 2]);
    saver.schedule(3);
    saver.cancel();
    await saver.flush();
    await vi.advanceTimersByTimeAsync(500);
    expect(writes).toEqual([1, 2]);
  });

  it('a failed write is reported and does not stop later writes', async () => {
    const errors: unknown[] = [];
    const writes: number[] = [];
    const saver = createDraftSaver<number>(
      async (v) => {
        if (v === 1) throw new Error('disk full');
        writes.push(v);
      },
      { onError: (e) => errors.push(e) },
    );
    saver.schedule(1);
    await saver.flush();
    saver.schedule(2);
    await saver.flush();
    expect(errors).toHaveLength(1);
    expect(writes).toEqual([2]);
  });
});

describe('全部放弃 (issue 12: drafts piled up with no way to clear them)', () => {
  it('deletes exactly the listed drafts', async () => {
    const { saveDraft, deleteDrafts, listDrafts } = await import('../../../renderer/src/features/applications/drafts');
    for (const id of ['d1', 'd2', 'd3']) await saveDraft({ id, kind: 'new-application', userId: 'u', values: { n: id } });
    await deleteDrafts(['d1', 'd3']);
    expect((await listDrafts({ kind: 'new-application' })).map((d) => d.id)).toEqual(['d2']);
  });
});
