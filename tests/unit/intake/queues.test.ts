/**
 * Work queues (renderer/src/intake/queues.ts): each application sits in the queue of its current
 * state, with the engine's deadline; overdue files come first, then by due date.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, repositories } from '../../../renderer/src/db';
import { shippedCalendar } from '../../../renderer/src/features/calendar/calendar';
import { fireTransition } from '../../../renderer/src/features/workflow/fire';
import { compareQueueRows, loadQueue, queueCounts, queueStatePairs } from '../../../renderer/src/features/workflow/queues';
import { useSession } from '../../../renderer/src/stores/session';

// Node has no sessionStorage: zustand's persist copes (in memory) and only warns on sign-in.
const CLERK = { id: 'u-clerk', username: 'li', displayName: '李经办', role: 'clerk' as const };
const ctx = async () => ({ userId: CLERK.id, deviceId: 'dev-0001' });
let seq = 0;

async function p5(name: string, receivedDate: string) {
  seq += 1;
  const person = await repositories.people.create({ name, idNumber: '11010519491231002X' }, await ctx());
  const app = await repositories.applications.create(
    {
      programId: 'rk-registration', kind: 'renewal', applicationNo: `P5-2026-Q-${String(seq).padStart(4, '0')}`, personId: person.id,
      status: 'received', channel: 'individual', receivedDate, fields: {},
      previousCertificate: { issuedOn: '2023-12-31', validUntil: '2026-12-31' },
    },
    await ctx(),
  );
  for (const itemId of ['certificate', 'identity-proof', 'application-form', 'continuing-education-proof']) {
    await repositories.materials.create(
      { applicationId: app.id, itemId, status: 'received', copiesReceived: 1, originalVerifiedBy: '李经办', originalVerifiedOn: receivedDate },
      await ctx(),
    );
  }
  return app;
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  useSession.getState().signIn(CLERK);
});

describe('work queues', () => {
  it('knows which states feed each queue, per program', () => {
    expect(queueStatePairs('intake-review', 'rk-registration')).toEqual([['rk-registration', 'received']]);
    expect(queueStatePairs('decision', 'rk-registration')).toEqual([
      ['rk-registration', 'under-review'],
      ['rk-registration', 'proposed'],
    ]);
    expect(queueStatePairs('publicity').map(([p, s]) => `${p}/${s}`)).toEqual(['zj-it-senior/board-publicity', 'iets/publicity']);
  });

  it('lists the right applications with their deadlines, overdue first then by due date', async () => {
    const waiting = await p5('收件', '2026-11-20');
    const returned = await p5('退回', '2026-11-02');
    await fireTransition(returned.id, 'return', { reason: '缺少：照片', returnTo: '个人' }, { role: 'clerk', today: '2026-11-03' });
    const late = await p5('逾期', '2026-10-09');
    const soon = await p5('将到期', '2026-11-02');
    const fresh = await p5('新受理', '2026-11-20');
    // Accepted on these days; 15 working days after each (not counting it).
    await fireTransition(fresh.id, 'accept', {}, { role: 'clerk', today: '2026-11-20' }); // due 2026-12-11
    await fireTransition(late.id, 'accept', {}, { role: 'clerk', today: '2026-10-09' }); // due 2026-10-29 (10-10, a Saturday, is worked)
    await fireTransition(soon.id, 'accept', {}, { role: 'clerk', today: '2026-11-02' }); // due 2026-11-23

    const options = { role: 'clerk' as const, today: '2026-11-23', calendar: shippedCalendar() };
    const decision = await loadQueue(db, 'decision', options);
    expect(decision.map((r) => r.applicant)).toEqual(['逾期', '将到期', '新受理']);
    expect(decision.map((r) => r.deadline?.due)).toEqual(['2026-10-29', '2026-11-23', '2026-12-11']);
    expect(decision[0]!.deadline).toMatchObject({ overdue: true, label: '已逾期17个工作日（应于2026年10月29日前决定）' });
    expect(decision[1]!.deadline).toMatchObject({ overdue: false, daysLeft: 0 });
    expect(decision[0]!.state?.zh).toBe('已受理，审核中');

    expect((await loadQueue(db, 'intake-review', options)).map((r) => r.application.id)).toEqual([waiting.id]);
    expect((await loadQueue(db, 'returned', options)).map((r) => r.application.id)).toEqual([returned.id]);
    expect(await queueCounts(db)).toEqual({ 'intake-review': 1, returned: 1, publicity: 0, panel: 0, decision: 3, issue: 0 });
    expect(await queueCounts(db, 'zj-it-senior')).toEqual({ 'intake-review': 0, returned: 0, publicity: 0, panel: 0, decision: 0, issue: 0 });

    // A deleted application leaves its queue.
    await repositories.applications.remove(waiting.id, await ctx());
    expect((await queueCounts(db))['intake-review']).toBe(0);
  });

  it('sorts rows without a deadline last, ties by receipt', () => {
    const row = (no: string, received: string, deadline?: { due: string; overdue: boolean }) =>
      ({ application: { applicationNo: no, receivedDate: received }, deadline }) as Parameters<typeof compareQueueRows>[0];
    const rows = [
      row('A', '2026-11-01'),
      row('B', '2026-10-01', { due: '2026-12-01', overdue: false }),
      row('C', '2026-10-01'),
      row('D', '2026-11-01', { due: '2026-11-01', overdue: true }),
    ];
    expect(rows.sort(compareQueueRows).map((r) => r.application.applicationNo)).toEqual(['D', 'B', 'C', 'A']);
  });
});
