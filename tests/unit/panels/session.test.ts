/**
 * A session as the office prepares it (shared/panels/session): applications of the program
 * waiting at the session's stages (待评审), the chair among the members, and for P2 the 现场答辩
 * schedule (000 第十三条: 专家评审会及现场答辩相结合) — a slot, an order and a room each.
 */
import { describe, expect, it } from 'vitest';
import type { DefenceSlot } from '../../../shared/model/records';
import { checkSession, defenceNotice, defenceScheduleProblems, unscheduled } from '../../../shared/panels';
import { expectFail, expectOk } from '../rules/expect-result';
import { APP, P1, P2, QIAN, SESSION, ZHAO } from './fixtures';
import { programId as pid } from '../typed-ids';

const apps = APP.map((id, i) => ({ id, programId: 'xj-isi-spm', status: 'awaiting-defense', applicationNo: `P2-2026-000${i + 1}` }));
const slot = (i: number, order: number, start: string, end: string, room = '第一答辩室'): DefenceSlot => ({ applicationId: APP[i]!, order, start, end, room });
const schedule = [slot(0, 1, '09:00', '09:30'), slot(1, 2, '09:30', '10:00'), slot(2, 3, '09:00', '09:30', '第二答辩室')];

describe('checkSession', () => {
  it('a P2 session with its defence schedule holds', () => {
    expectOk(checkSession(P2, { ...SESSION, defence: schedule }, apps));
  });

  it('refuses an application of another program or not waiting for the panel, and a chair who does not sit', () => {
    const others = [{ ...apps[0]!, programId: 'xj-isi-pm' }, { ...apps[1]!, status: 'received' }, ...apps.slice(2)];
    const message = expectFail(checkSession(P2, { ...SESSION, chairId: QIAN, memberIds: [ZHAO] }, others), 'panel.session-invalid');
    expect(message.split('\n')).toEqual([
      '主任委员须是本次评审会的成员。',
      'P2-2026-0001不属于信息系统集成实施高级工程经理评价。',
      'P2-2026-0002当前不在本次评审会评审的阶段（待评审）。',
    ]);
  });

  it('no defence schedule where the pack has no 现场答辩 (P1)', () => {
    const p1Apps = apps.map((a) => ({ ...a, programId: 'xj-isi-pm', status: 'awaiting-evaluation' }));
    expect(expectFail(checkSession(P1, { ...SESSION, programId: pid('xj-isi-pm'), stages: ['awaiting-evaluation'], defence: schedule }, p1Apps), 'panel.session-invalid')).toBe('本次评审会没有现场答辩，不应安排答辩时间。');
  });
});

describe('the 现场答辩 schedule', () => {
  const labels = Object.fromEntries(apps.map((a) => [a.id, a.applicationNo]));

  it('overlapping slots in one room, an order used twice, a slot ending before it starts: each named', () => {
    expect(defenceScheduleProblems({ applicationIds: APP, defence: [slot(0, 1, '09:00', '09:40'), slot(1, 1, '09:30', '10:00'), slot(2, 3, '10:00', '09:50', '第二答辩室')] }, labels)).toEqual([
      '答辩顺序第1位同时安排了P2-2026-0001和P2-2026-0002。',
      'P2-2026-0003的答辩时间 10:00–09:50 结束不晚于开始。',
      '第一答辩室的答辩时间重叠：P2-2026-0001（09:00–09:40）与P2-2026-0002（09:30–10:00）。',
    ]);
  });

  it('an application scheduled twice or not in the session; one later in a room but earlier in order', () => {
    const outsider = '01937b2c-bbbb-7000-8000-000000000099';
    expect(defenceScheduleProblems({ applicationIds: APP, defence: [slot(0, 2, '09:00', '09:30'), slot(0, 3, '10:00', '10:30', '第二答辩室'), { ...slot(1, 4, '11:00', '11:30'), applicationId: outsider }] }, labels)).toEqual([
      'P2-2026-0001安排了两次答辩。',
      '申请未分配到本次评审会，不能安排答辩。',
    ]);
    expect(defenceScheduleProblems({ applicationIds: APP, defence: [slot(0, 2, '09:00', '09:30'), slot(1, 1, '09:30', '10:00')] }, labels)).toEqual([
      '第一答辩室中P2-2026-0002答辩在后，顺序却在前（第1位，第2位）。',
    ]);
  });

  it('the notice lists the schedule in order of appearance; the rest are unscheduled', () => {
    expect(defenceNotice({ defence: schedule }, labels).map((r) => [r.order, r.start, r.room, r.label])).toEqual([
      [1, '09:00', '第一答辩室', 'P2-2026-0001'],
      [2, '09:30', '第一答辩室', 'P2-2026-0002'],
      [3, '09:00', '第二答辩室', 'P2-2026-0003'],
    ]);
    expect(unscheduled({ applicationIds: APP, defence: schedule })).toEqual(APP.slice(3));
  });
});
