/**
 * A session as the office prepares it: the pack's panel stages, members (the chair among them),
 * applications waiting for the panel at those stages (待评审), and for P2 the 现场答辩 schedule
 * (000 第十三条: 专家评审会及现场答辩相结合) — each applicant a slot, an order and a room, no room
 * double-booked. The notice lists the schedule in order of appearance.
 */
import type { Application, DefenceSlot, PanelSession } from '../model/records';
import type { ProgramPack } from '../programs/schema';
import { fail, ok, type Result } from '../rules/result';

type SessionDraft = Pick<PanelSession, 'programId' | 'stages' | 'memberIds' | 'chairId' | 'applicationIds' | 'defence' | 'presentIds'>;

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Problems with the 现场答辩 schedule, in Chinese, in the schedule's order; empty when it holds. */
export function defenceScheduleProblems(
  session: Pick<PanelSession, 'applicationIds' | 'defence'>,
  labels: Readonly<Record<string, string>> = {},
): string[] {
  const problems: string[] = [];
  const slots = session.defence ?? [];
  const label = (id: string) => labels[id] ?? '申请';
  const seen = new Set<string>();
  const orders = new Map<number, string>();
  for (const slot of slots) {
    const who = label(slot.applicationId);
    if (!session.applicationIds.includes(slot.applicationId)) problems.push(`${who}未分配到本次评审会，不能安排答辩。`);
    if (seen.has(slot.applicationId)) problems.push(`${who}安排了两次答辩。`);
    seen.add(slot.applicationId);
    if (minutes(slot.start) >= minutes(slot.end)) problems.push(`${who}的答辩时间 ${slot.start}–${slot.end} 结束不晚于开始。`);
    const other = orders.get(slot.order);
    if (other !== undefined) problems.push(`答辩顺序第${slot.order}位同时安排了${label(other)}和${who}。`);
    else orders.set(slot.order, slot.applicationId);
  }
  const rooms = new Map<string, DefenceSlot[]>();
  for (const slot of slots) rooms.set(slot.room.trim(), [...(rooms.get(slot.room.trim()) ?? []), slot]);
  for (const [room, list] of rooms) {
    const sorted = [...list].sort((a, b) => minutes(a.start) - minutes(b.start));
    for (let i = 1; i < sorted.length; i++) {
      const a = sorted[i - 1]!;
      const b = sorted[i]!;
      if (minutes(b.start) < minutes(a.end)) problems.push(`${room}的答辩时间重叠：${label(a.applicationId)}（${a.start}–${a.end}）与${label(b.applicationId)}（${b.start}–${b.end}）。`);
      else if (b.order < a.order) problems.push(`${room}中${label(b.applicationId)}答辩在后，顺序却在前（第${b.order}位，第${a.order}位）。`);
    }
  }
  return problems;
}

/** Applications of the session at the defence stage with no slot yet. */
export function unscheduled(session: Pick<PanelSession, 'applicationIds' | 'defence'>): string[] {
  const scheduled = new Set((session.defence ?? []).map((s) => s.applicationId));
  return session.applicationIds.filter((id) => !scheduled.has(id));
}

/**
 * Whether the session can be saved: the pack has a panel at each stage; members and the chair
 * as the record requires; each application of this program, waiting at one of the stages; a
 * schedule only where the pack has a defence, and then without clashes.
 */
export function checkSession(
  pack: Pick<ProgramPack, 'id' | 'panel' | 'names'>,
  session: SessionDraft,
  applications: readonly (Pick<Application, 'id' | 'applicationNo' | 'deleted'> & { readonly programId: string; readonly status: string })[],
): Result<true> {
  const problems: string[] = [];
  const panel = pack.panel;
  if (panel === undefined) return fail('panel.no-panel', `${pack.names.zh}没有评审会。`);
  if (session.programId !== pack.id) problems.push('评审会所属业务与程序包不符。');
  for (const stage of session.stages) {
    if (!panel.stages.some((s) => s.stage === stage)) problems.push(`${pack.names.zh}没有“${stage}”这一评审阶段。`);
  }
  if (session.memberIds.length === 0) problems.push('请至少选择一位评审专家。');
  if (new Set(session.memberIds).size !== session.memberIds.length) problems.push('评审专家重复。');
  if (!session.memberIds.includes(session.chairId)) problems.push('主任委员须是本次评审会的成员。');
  if (session.presentIds?.some((id) => !session.memberIds.includes(id))) problems.push('出席专家须是本次评审会的成员。');
  if (new Set(session.applicationIds).size !== session.applicationIds.length) problems.push('申请重复分配。');
  const labels: Record<string, string> = {};
  for (const id of session.applicationIds) {
    const app = applications.find((a) => a.id === id);
    if (app === undefined || app.deleted === true) {
      problems.push('有一份申请找不到，可能已被删除。');
      continue;
    }
    labels[id] = app.applicationNo;
    if (app.programId !== pack.id) problems.push(`${app.applicationNo}不属于${pack.names.zh}。`);
    else if (!session.stages.includes(app.status)) problems.push(`${app.applicationNo}当前不在本次评审会评审的阶段（待评审）。`);
  }
  if (session.defence !== undefined && session.defence.length > 0) {
    if (panel.defence === undefined || !session.stages.includes(panel.defence.stage)) problems.push('本次评审会没有现场答辩，不应安排答辩时间。');
    else problems.push(...defenceScheduleProblems(session, labels));
  }
  return problems.length === 0 ? ok(true) : fail('panel.session-invalid', problems.join('\n'));
}

export interface DefenceNoticeRow extends DefenceSlot {
  readonly label: string;
}

/** The 现场答辩 schedule in order of appearance, for the printed notice. */
export function defenceNotice(session: Pick<PanelSession, 'defence'>, labels: Readonly<Record<string, string>>): DefenceNoticeRow[] {
  return [...(session.defence ?? [])]
    .sort((a, b) => a.order - b.order)
    .map((slot) => ({ ...slot, label: labels[slot.applicationId] ?? '' }));
}
