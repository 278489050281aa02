/**
 * The lifecycle rules enforced where decisions are taken: the engine (evaluateApplication →
 * the workflow's guards) refuses the transition with the rule's reason, as the cases
 * were approved before.
 */
import { describe, expect, it } from 'vitest';
import { evaluateApplication, type ApplicationInput, type EngineContext } from '../../../shared/engine/evaluate';
import type { EducationRecord } from '../../../shared/rules/education';
import { packOf } from '../programs/pack-of';
import type { ProgramPack } from '../../../shared/programs/schema';
import { CN_OFFICIAL_CALENDAR_YEARS } from '../../../shared/rules/calendars';
import { createWorkCalendar } from '../../../shared/rules/work-calendar';
import type { WorkflowRole } from '../../../shared/workflow/definition';

const calendar = (() => {
  const c = createWorkCalendar(CN_OFFICIAL_CALENDAR_YEARS);
  if (!c.ok) throw new Error(c.error.message);
  return c.value;
})();
const P5 = packOf('rk-registration');
const P6 = packOf('iets');
const ctx = (today: string, role: WorkflowRole): EngineContext => ({ today, calendar, role });

const option = (pack: ProgramPack, app: ApplicationInput, today: string, role: WorkflowRole, transition: string) =>
  evaluateApplication(pack, app, ctx(today, role)).transitions.find((o) => o.transition.id === transition);

const hours = (rows: [string, number][]): EducationRecord[] => rows.map(([date, h]) => ({ date, mode: '脱产', content: '软件工程培训', hours: h }));

/** A complete P5 re-registration, under review; the cycle 2023-12-21 … 2026-12-20. */
const p5Renewal = (education: EducationRecord[], fields: Record<string, unknown> = {}): ApplicationInput => ({
  kind: 'renewal',
  state: 'under-review',
  history: [],
  fields: { specialtyCategory: '计算机软件', qualificationName: '系统分析师（高级）', certificateNo: '04010011230000123', photo: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), ...fields },
  materials: [],
  education,
  certificate: { issuedOn: '2023-12-21', validUntil: '2026-12-20' },
  receivedOn: '2026-11-02',
});

describe('003 48号 四: re-registration needs 180 hours in the cycle and 40 in each year', () => {
  it('the issue\'s case: 175 hours with 35 in one year is refused at the decision, naming both limits', () => {
    const approve = option(P5, p5Renewal(hours([['2024-06-01', 35], ['2025-06-01', 70], ['2026-06-01', 70]])), '2026-11-23', 'reviewer', 'approve');
    expect(approve?.allowed).toBe(false);
    expect(approve?.blockedBy.map((b) => b.message)).toEqual([
      '继续教育未达到要求：第1年（2023年12月21日至2024年12月20日）：继续教育共 35 学时，每年不少于 40 学时，差 5 学时。本周期（2023年12月21日至2026年12月20日）继续教育累计 175 学时，须达到 180 学时以上，差 5 学时。',
    ]);
  });

  it('180 hours with 40 in the leanest year is approved', () => {
    expect(option(P5, p5Renewal(hours([['2024-06-01', 40], ['2025-06-01', 70], ['2026-06-01', 70]])), '2026-11-23', 'reviewer', 'approve')?.allowed).toBe(true);
  });

  it('the decision may come after the window has closed (accepted in time, decided within 15 working days)', () => {
    expect(option(P5, p5Renewal(hours([['2024-06-01', 60], ['2025-06-01', 60], ['2026-06-01', 60]])), '2026-12-22', 'reviewer', 'approve')?.allowed).toBe(true);
  });
});

describe('003 附件: no registration without what its page prints', () => {
  it('the issue\'s case: 资格名称, 专业类别 and the photo empty → approval refused, naming them', () => {
    const app = p5Renewal(hours([['2024-06-01', 60], ['2025-06-01', 60], ['2026-06-01', 60]]), { specialtyCategory: '', qualificationName: ' ', photo: undefined });
    const approve = option(P5, app, '2026-11-23', 'reviewer', 'approve');
    expect(approve?.blockedBy.map((b) => b.message)).toEqual(['证书无法打印，缺少专业类别、资格名称、照片，请先在申请表中补全。']);
  });
});

describe('003 八: a deferral refused where it is decided', () => {
  const deferral = (until: string, receivedOn: string): ApplicationInput => ({
    kind: 'deferral',
    state: 'under-review',
    history: [],
    fields: { name: '李明', idNumber: '310104198603120047', certificateNo: '04010011230000123', certificateExpiresOn: '2027-02-28', deferralReason: 'sick-leave', deferralUntil: until },
    materials: [],
    certificate: { validUntil: '2027-02-28' },
    receivedOn,
  });

  it('the issue\'s case: to 2028-04-15 on a certificate expiring 2027-02-28 — more than a year', () => {
    const approve = option(P5, deferral('2028-04-15', '2027-01-10'), '2027-01-20', 'reviewer', 'approve');
    expect(approve?.allowed).toBe(false);
    expect(approve?.blockedBy[0]?.message).toBe(
      '不符合申报条件：延期时间不得超过一年：证书2027年02月28日到期，最多可延期至2028年02月29日，申请的2028年04月15日超出了期限（003 47号 八）。',
    );
  });

  it('received before expiry and decided after it: the request date counts', () => {
    expect(option(P5, deferral('2028-02-29', '2027-02-28'), '2027-03-10', 'reviewer', 'approve')?.allowed).toBe(true);
    expect(option(P5, deferral('2028-02-29', '2027-03-01'), '2027-03-10', 'reviewer', 'approve')?.allowed).toBe(false);
  });
});

describe('003 十: 注销 only on a listed ground with its facts', () => {
  const cancellation = (fields: Record<string, unknown>): ApplicationInput => ({
    kind: 'cancellation',
    state: 'proposed',
    history: [],
    fields: { name: '张伟', idNumber: '310101199007150011', certificateNo: '04010021230000456', ...fields },
    materials: [],
  });

  it('refused without the facts; allowed with them', () => {
    const refused = option(P5, cancellation({ cancellationGround: 'off-post' }), '2026-02-25', 'admin', 'cancel');
    expect(refused?.blockedBy[0]?.message).toBe('不符合申报条件：须写明“脱离专业技术岗位连续二年以上”的事实及证明材料（003 47号 十）。');
    expect(option(P5, cancellation({ cancellationGround: 'off-post', cancellationEvidence: '单位证明' }), '2026-02-25', 'admin', 'cancel')?.allowed).toBe(true);
  });
});

describe('004 第二十一条: a late change is shown, not refused', () => {
  it('filed 31 days after the change: a warning finding, eligibility still met', () => {
    const app: ApplicationInput = {
      kind: 'change',
      state: 'received',
      history: [],
      fields: { changeOccurredOn: '2026-03-01', newOrganisationName: '浙江数智集团有限公司' },
      materials: [],
      receivedOn: '2026-04-01',
    };
    const ev = evaluateApplication(P6, app, ctx('2026-04-02', 'clerk'));
    expect(ev.eligibility.met).toBe(true);
    expect(ev.eligibility.findings.filter((f) => f.code.startsWith('change.')).map((f) => [f.code, f.met, f.binding])).toEqual([
      ['change.updates', true, 'reference'],
      ['change.deadline', false, 'reference'],
    ]);
  });
});
