/**
 * The engine API against the real packs: what a clerk sees for one application, decided once.
 */
import { describe, expect, it } from 'vitest';
import { evaluateApplication, type ApplicationInput, type EngineContext } from '../../../shared/engine/evaluate';
import type { MaterialInput } from '../../../shared/engine/checklist';
import { getPack } from '../../../shared/programs';
import type { ProgramPack } from '../../../shared/programs/schema';
import { createWorkCalendar } from '../../../shared/rules/work-calendar';
import { CN_OFFICIAL_CALENDAR_YEARS } from '../../../shared/rules/calendars';
import { assessedYears } from '../programs/p4-assessments';

const calendarResult = createWorkCalendar(CN_OFFICIAL_CALENDAR_YEARS);
if (!calendarResult.ok) throw new Error(calendarResult.error.message);
const calendar = calendarResult.value;

const p4 = getPack('zj-it-senior') as ProgramPack;
const p5 = getPack('rk-registration') as ProgramPack;
const clerk: EngineContext = { today: '2026-11-23', calendar, role: 'clerk' };

/** A P4 applicant at a 事业单位 (public institution), everything in order but what a test changes. */
const p4Fields = {
  name: '王小明',
  idNumber: '110105194910010015',
  birthMonth: '1949-10',
  employer: '浙江省信息中心',
  unitNature: '社会公益类事业',
  supervisingDepartment: '浙江省经济和信息化厅',
  routingVariant: 'provincial',
  specialty: '系统集成',
  highestEducation: '大学本科',
  graduatedFrom: '浙江大学 计算机科学与技术',
  highestEducationIsEngineering: true,
  educationObtainedOn: '1995-07',
  educationOrigin: '国内',
  currentTitle: '工程师',
  currentTitleObtainedOn: '2012-12',
  appointedOn: '2013-01',
  engineeringWorkYears: 24,
  annualAssessments: assessedYears('优秀', '合格', '合格'),
  selfScore: 85,
  meetsSeniorityConditions: false,
  socialInsuranceYearsInZhejiang: 3,
  hasCollectiveProjects: false,
  isUnitTechnicalLead: false,
  isProjectTechnicalLead: false,
  continuingEducation: [{ date: '2025-03-01', category: '专业科目', content: '专业课程', hours: 70 }],
  photo: jpeg(240, 320),
};

/** The smallest JPEG the photo rule reads: SOI, a baseline SOF0 with the size, EOI. */
function jpeg(width: number, height: number): Uint8Array {
  const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return new Uint8Array([0xff, 0xd8, ...sof, 0xff, 0xd9]);
}

function allReceived(pack: ProgramPack, fields: Record<string, unknown>, kind: ApplicationInput['kind']): MaterialInput[] {
  const ev = evaluateApplication(pack, { kind, state: 'received', history: [], fields, materials: [] }, clerk);
  return ev.checklist.lines.map((l) => ({
    itemId: l.item.id,
    status: 'received',
    copiesReceived: l.copiesRequired,
    originalVerified: true,
  }));
}

const p4App = (over: Partial<ApplicationInput> = {}): ApplicationInput => ({
  kind: 'new',
  state: 'received',
  history: [],
  fields: p4Fields,
  materials: allReceived(p4, p4Fields, 'new'),
  selfScore: { items: [{ id: 'a', name: '业绩', maxScore: 100 }], entries: [{ itemId: 'a', claimed: 85, hasEvidence: true }] },
  education: [2018].flatMap((year) => [
    { date: `${year}-03-01`, mode: '脱产', content: '专业课程', category: '专业科目', hours: 70 },
    { date: `${year}-06-01`, mode: '业余', content: '公需课程', category: '一般公需', hours: 20 },
  ]),
  ...over,
});

describe('evaluateApplication — P4 (002)', () => {
  it('asks 事业单位岗位信息表 only of a public-institution applicant (002 附件4 二 13)', () => {
    const ids = (fields: Record<string, unknown>) =>
      evaluateApplication(p4, { ...p4App(), fields, materials: [] }, clerk).checklist.lines.map((l) => l.item.id);
    expect(ids(p4Fields)).toContain('post-information-form');
    expect(ids({ ...p4Fields, unitNature: '私营企业和个体工商户' })).not.toContain('post-information-form');
  });

  it.each([[3, false], [2, true], [0, true]])('外省社保证明 with %i years paid in Zhejiang asked: %s (002 附件4 二 7)', (years, asked) => {
    const fields = { ...p4Fields, socialInsuranceYearsInZhejiang: years };
    const lines = evaluateApplication(p4, { ...p4App(), fields, materials: [] }, clerk).checklist.lines;
    expect(lines.some((l) => l.item.id === 'out-of-province-pension')).toBe(asked);
  });

  it('a complete file has no field errors, a complete checklist and eligibility met', () => {
    const ev = evaluateApplication(p4, p4App(), clerk);
    expect(ev.fieldErrors).toEqual([]);
    expect(ev.checklist.complete).toBe(true);
    expect(ev.eligibility.met).toBe(true);
  });

  it('a missing 继续教育证明 blocks the check and says why, in Chinese', () => {
    const app = p4App();
    const materials = app.materials.map((m) => (m.itemId === 'continuing-education-card' ? { ...m, status: 'missing' as const, copiesReceived: 0 } : m));
    const ev = evaluateApplication(p4, { ...app, materials }, clerk);
    expect(ev.checklist.complete).toBe(false);
    expect(ev.checklist.missing.map((i) => i.id)).toEqual(['continuing-education-card']);
    const passCheck = ev.transitions.find((t) => t.transition.id === 'pass-check');
    expect(passCheck?.allowed).toBe(false);
    expect(passCheck?.blockedBy.map((b) => b.message).join('')).toContain(ev.checklist.missing[0]!.name.zh);
    // Returning the file is always open to the clerk, with the reason to be recorded.
    expect(ev.transitions.find((t) => t.transition.id === 'return')?.allowed).toBe(true);
  });

  it('short copies and unverified originals are listed per item (002 附件4 二)', () => {
    const app = p4App();
    const materials = app.materials.map((m) =>
      m.itemId === 'summary-form' ? { ...m, copiesReceived: 10 } : m.itemId === 'id-card' ? { ...m, originalVerified: false } : m,
    );
    const ev = evaluateApplication(p4, { ...app, materials }, clerk);
    expect(ev.checklist.copiesShort).toEqual([expect.objectContaining({ required: 15, received: 10 })]);
    expect(ev.checklist.unverified.map((i) => i.id)).toEqual(['id-card']);
    const line = ev.checklist.lines.find((l) => l.item.id === 'summary-form');
    expect(line?.problems).toEqual(['份数不足：应交15份，实收10份']);
  });

  it('binds volume 1 in the seed’s order and splits a thick volume 2 (002 附件4 三)', () => {
    const ev = evaluateApplication(p4, p4App({ volume2Parts: 2 }), clerk);
    const titles = ev.binding?.volumes.map((v) => v.title.zh);
    expect(titles?.[1]).toBe('第二册（一）');
    expect(titles?.[2]).toBe('第二册（二）');
    const volume1 = ev.binding!.volumes[0]!.entries.map((e) => e.item.name.zh);
    expect(volume1.slice(0, 3)).toEqual([
      expect.stringContaining('真实性'),
      expect.stringContaining('公示'),
      expect.stringContaining('身份证'),
    ]);
    expect(volume1.some((n) => n.includes('岗位信息表'))).toBe(true);
    expect(ev.binding!.neverBound.map((n) => n.item.id)).toEqual(expect.arrayContaining(['review-form', 'summary-form']));
  });

  it('a volume shows what is still missing from it', () => {
    const app = p4App();
    const materials = app.materials.filter((m) => m.itemId !== 'authenticity-pledge');
    const ev = evaluateApplication(p4, { ...app, materials }, clerk);
    expect(ev.binding!.volumes[0]!.missing.map((i) => i.id)).toEqual(['authenticity-pledge']);
  });

  it.each([
    ['a wrong ID check digit', { idNumber: '110105194910010016' }, 'idNumber', '校验'],
    ['a 单位性质 not in the seed’s list', { unitNature: '民办非企业' }, 'unitNature', '应为以下之一'],
    ['其它类企业 without the remark (002 附件4 四 3)', { unitNature: '其它类企业' }, 'remarks', '须填写说明'],
    ['fewer than 3 years of 单位考核 (002 附件4 四 9)', { annualAssessments: [{ year: 2018, result: '合格' }] }, 'annualAssessments', '至少应填写 3 行'],
    ['a blank required field', { employer: ' ' }, 'employer', '请填写“工作单位'],
  ])('field errors: %s', (_label, change, field, text) => {
    const ev = evaluateApplication(p4, p4App({ fields: { ...p4Fields, ...change } }), clerk);
    const error = ev.fieldErrors.find((e) => e.field === field);
    expect(error?.message).toContain(text);
  });

  it('a year under 90 hours fails eligibility, naming the year (002 附件4 二 8)', () => {
    const education = p4App().education!.filter((r) => !(r.date.startsWith('2018') && r.category === '专业科目'));
    const ev = evaluateApplication(p4, p4App({ education }), clerk);
    expect(ev.eligibility.met).toBe(false);
    expect(ev.eligibility.findings.filter((f) => !f.met).map((f) => f.message).join('')).toContain('2018');
  });

  it('a self-score below 80 without the seniority route is not eligible (002 二)', () => {
    const ev = evaluateApplication(
      p4,
      p4App({ selfScore: { items: [{ id: 'a', name: '业绩', maxScore: 100 }], entries: [{ itemId: 'a', claimed: 79, hasEvidence: true }] } }),
      clerk,
    );
    expect(ev.eligibility.findings.find((f) => f.code === 'self-score')).toMatchObject({ met: false });
    expect(ev.transitions.find((t) => t.transition.id === 'pass-check')?.allowed).toBe(false);
  });

  it('offers a reviewer no clerk transitions; a panel step is the signed result, fired by the panel or the office', () => {
    const ids = (role: EngineContext['role'], state: string) =>
      evaluateApplication(p4, p4App({ state }), { ...clerk, role }).transitions.map((t) => t.transition.id);
    expect(ids('reviewer', 'received')).toEqual([]);
    // The step fires only on the chair's signed result (guard panelResult), so the office may
    // record it when the experts' file comes back; nobody types the outcome.
    expect(ids('clerk', 'panel').sort()).toEqual(['panel-fail', 'panel-pass']);
    expect(ids('reviewer', 'panel').sort()).toEqual(['panel-fail', 'panel-pass']);
  });
});

describe('evaluateApplication — P5 registration (003)', () => {
  const p5Fields = { name: '李四', idNumber: '110105194910010015', certificateNo: 'RK2023001', obtainedOn: '2023-12-01', certificateExpiresOn: '2026-11-30' };
  const renewal = (over: Partial<ApplicationInput> = {}): ApplicationInput => ({
    kind: 'renewal',
    state: 'received',
    history: [],
    fields: p5Fields,
    materials: [],
    certificate: { issuedOn: '2023-12-01', validUntil: '2026-11-30' },
    education: [
      { date: '2024-03-01', mode: '脱产', content: '课程', hours: 60 },
      { date: '2025-03-01', mode: '业余', content: '课程', hours: 60 },
      { date: '2026-03-01', mode: '在岗', content: '课程', hours: 60 },
    ],
    ...over,
  });

  it('inside the 3-month window the registration window is open (003 47号 三)', () => {
    const ev = evaluateApplication(p5, renewal(), clerk);
    expect(ev.windows).toEqual([expect.objectContaining({ id: 'registration', from: '2026-08-30', to: '2026-11-30', status: 'open' })]);
    expect(ev.eligibility.findings.find((f) => f.code === 'window.registration')?.met).toBe(true);
  });

  it('a renewal before the window is refused with the rule’s reason', () => {
    const ev = evaluateApplication(p5, renewal(), { ...clerk, today: '2026-05-01' });
    const finding = ev.eligibility.findings.find((f) => f.code === 'window.registration');
    expect(finding).toMatchObject({ met: false });
    expect(finding?.message).toContain('2026年08月30日');
    const accept = ev.transitions.find((t) => t.transition.id === 'accept');
    expect(accept?.allowed).toBe(false);
  });

  it('after expiry the certificate is no longer valid', () => {
    const ev = evaluateApplication(p5, renewal(), { ...clerk, today: '2026-12-01' });
    expect(ev.eligibility.findings.find((f) => f.code === 'window.registration')?.message).toContain('不再有效');
  });

  it('180 hours with 40 each year passes (003 48号 四)', () => {
    const ev = evaluateApplication(p5, renewal(), clerk);
    expect(ev.eligibility.findings.find((f) => f.code === 'education')?.met).toBe(true);
  });

  it('180 hours in total with a year under 40 fails, naming the year', () => {
    const education = [
      { date: '2024-03-01', mode: '脱产', content: '课程', hours: 100 },
      { date: '2025-03-01', mode: '业余', content: '课程', hours: 30 },
      { date: '2026-03-01', mode: '在岗', content: '课程', hours: 60 },
    ];
    const ev = evaluateApplication(p5, renewal({ education }), clerk);
    const failing = ev.eligibility.findings.filter((f) => !f.met && f.code.startsWith('education'));
    expect(failing).toHaveLength(1);
    expect(failing[0]!.message).toContain('第2年');
  });

  it('shows the decision deadline in working days once accepted (003 47号 七: 15个工作日)', () => {
    const history = [{ transitionId: 'accept', from: 'received', to: 'under-review', at: '2026-09-28', role: 'clerk' as const }];
    const ev = evaluateApplication(p5, renewal({ state: 'under-review', history }), clerk);
    // 15 working days after 2026-09-28 skip 国庆 (Oct 1–7) and count 调休 Sat Oct 10.
    expect(ev.deadline).toMatchObject({ kind: 'decision', due: '2026-10-23', overdue: true });
  });
});

describe('evaluateApplication — conditions on the application kind', () => {
  it('P5 asks continuing-education rows for a renewal, not for a first registration (003 47号 四)', () => {
    const base = { state: 'received', history: [], materials: [], fields: { name: '李四' } } as const;
    const required = (kind: ApplicationInput['kind']) =>
      evaluateApplication(p5, { ...base, kind }, clerk).fieldErrors.some((e) => e.field === 'continuingEducation');
    expect(required('renewal')).toBe(true);
    expect(required('new')).toBe(false);
  });
});
