/**
 * The application-file adapter (renderer/src/intake/file.ts): records in the local database →
 * the engine's input → the engine's verdict, and firing a transition writes the history record
 * and the new status in one transaction, or nothing.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, repositories } from '../../../renderer/src/db';
import { engineInput, evaluateFile, loadApplicationFile, routingStateOf } from '../../../renderer/src/features/applications/file';
import { fireTransition, WorkflowError } from '../../../renderer/src/features/workflow/fire';
import { shippedCalendar } from '../../../renderer/src/features/calendar/calendar';
import { formatApplicationNo } from '../../../renderer/src/features/applications/numbers';
import { useSession } from '../../../renderer/src/stores/session';
import { getPack } from '../../../shared/programs';
import type { RoutingOpinion } from '../../../shared/model/records';

const CLERK = { id: 'u-clerk', username: 'li', displayName: '李经办', role: 'clerk' as const };

async function ctx() {
  return { userId: CLERK.id, deviceId: 'dev-0001' };
}

async function p5Renewal(validUntil: string) {
  const person = await repositories.people.create({ name: '张三', idNumber: '11010519491231002X' }, await ctx());
  return repositories.applications.create(
    {
      programId: 'rk-registration',
      kind: 'renewal',
      applicationNo: formatApplicationNo('rk-registration', 2026, 'dev-0001', 1),
      personId: person.id,
      status: 'received',
      channel: 'individual',
      receivedDate: '2026-11-20',
      fields: {},
      previousCertificate: { issuedOn: '2023-12-31', validUntil },
    },
    await ctx(),
  );
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  useSession.getState().signIn(CLERK);
});

describe('application file', () => {
  it('numbers carry the program, year and desk', () => {
    expect(formatApplicationNo('zj-it-senior', 2026, '0193b2c4-7f3a-7000-8000-00000000a3f9', 12)).toBe('P4-2026-A3F9-0012');
    expect(formatApplicationNo('rk-registration', 2026, 'dev-0001', 1)).toBe('P5-2026-0001-0001');
  });

  it('gathers the records and hands the engine what the clerk recorded', async () => {
    const app = await p5Renewal('2026-12-31');
    await repositories.materials.create(
      { applicationId: app.id, itemId: 'x', status: 'received', copiesReceived: 1, originalVerifiedBy: '李经办', originalVerifiedOn: '2026-11-20' },
      await ctx(),
    );
    await repositories.educationRecords.create(
      { personId: app.personId!, applicationId: app.id, date: '2024-05-01', mode: '脱产', content: '培训', hoursTenths: 405 },
      await ctx(),
    );
    await repositories.objections.create({ applicationId: app.id, raisedOn: '2026-11-21', content: '有异议', status: 'open' }, await ctx());
    const file = (await loadApplicationFile(db, app.id))!;
    const input = engineInput(getPack('rk-registration')!, file);
    expect(input.materials).toEqual([{ itemId: 'x', status: 'received', copiesReceived: 1, originalVerified: true }]);
    expect(input.education).toEqual([{ date: '2024-05-01', mode: '脱产', content: '培训', hours: 40.5 }]);
    expect(input.openObjections).toBe(1);
    expect(input.certificate).toEqual({ issuedOn: '2023-12-31', validUntil: '2026-12-31' });
  });

  it('a renewal inside the 3-month window may be accepted once materials are in; outside it is refused with the reason', async () => {
    const inside = await p5Renewal('2026-12-31');
    const file = (await loadApplicationFile(db, inside.id))!;
    const result = evaluateFile(file, { today: '2026-11-22', calendar: shippedCalendar(), role: 'clerk' })!;
    const accept = result.evaluation.transitions.find((t) => t.transition.id === 'accept')!;
    expect(accept.blockedBy.map((b) => b.message).join('')).not.toContain('办理期');

    const outside = await p5Renewal('2027-06-30');
    const late = evaluateFile((await loadApplicationFile(db, outside.id))!, { today: '2026-11-22', calendar: shippedCalendar(), role: 'clerk' })!;
    expect(late.evaluation.eligibility.findings.find((f) => f.code === 'window.registration')?.message).toContain('尚未到');
    await expect(fireTransition(outside.id, 'accept', {}, { role: 'clerk', today: '2026-11-22' })).rejects.toThrow(WorkflowError);
    expect((await db.applications.get(outside.id))?.status).toBe('received');
    expect(await db.workflowEvents.count()).toBe(0);
  });

  it('a return needs its reason; firing writes the history record and the status together', async () => {
    const app = await p5Renewal('2026-12-31');
    await expect(fireTransition(app.id, 'return', { returnTo: '个人' }, { role: 'clerk', today: '2026-11-22' })).rejects.toThrow(/理由/);
    const outboxBefore = await db.outbox.count();
    const returned = await fireTransition(app.id, 'return', { reason: '缺少：继续教育证明', returnTo: '个人' }, { role: 'clerk', today: '2026-11-22' });
    expect(returned.status).toBe('returned');
    const events = await db.workflowEvents.where('applicationId').equals(app.id).toArray();
    expect(events).toMatchObject([{ transitionId: 'return', from: 'received', to: 'returned', on: '2026-11-22', role: 'clerk', reason: '缺少：继续教育证明', createdBy: CLERK.id }]);
    expect(await db.outbox.count()).toBe(outboxBefore + 2);
    const resubmitted = await fireTransition(app.id, 'resubmit', {}, { role: 'clerk', today: '2026-11-25' });
    expect(resubmitted.status).toBe('received');
    expect(await db.workflowEvents.count()).toBe(2);
  });

  it('a reviewer cannot fire a clerk-only transition', async () => {
    const app = await p5Renewal('2026-12-31');
    await expect(fireTransition(app.id, 'return', { reason: 'x', returnTo: '个人' }, { role: 'reviewer', today: '2026-11-22' })).rejects.toThrow(/无权/);
  });

  it('the routing chain is replayed from the opinions; one that does not fit is skipped, not guessed', () => {
    const op = (level: string, opinion: 'pass' | 'return', note = ''): RoutingOpinion => ({
      id: `0193b2c4-0000-7000-8000-${String(Math.random()).slice(2, 14).padEnd(12, '0')}`,
      applicationId: '0193b2c4-0000-7000-8000-000000000001',
      level,
      opinion,
      note,
      on: '2026-11-01',
      createdAt: '2026-11-01T00:00:00.000Z',
      createdBy: 'u',
      updatedAt: '2026-11-01T00:00:00.000Z',
      updatedBy: 'u',
    });
    const { state, skipped } = routingStateOf('city', [
      op('applicant', 'pass'),
      op('unit', 'pass'),
      op('city-department', 'return', '缺少单位推荐意见'),
      op('city-department', 'pass'), // not the holder any more: skipped
      op('unit', 'pass'),
    ]);
    expect(state?.holder).toBe('city-department');
    expect(skipped.map((s) => s.level)).toEqual(['city-department']);
    expect(routingStateOf(undefined, []).state).toBeUndefined();
  });
});
