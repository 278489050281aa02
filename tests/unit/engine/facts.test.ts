/**
 * One fact, one place (issue 12): the hours typed on the form's 学时登记卡 table feed the rule,
 * the 2019 round judges the years 002 六(三) asks for, the 自评分 is the 自评分表's total, the
 * 学历资历 route is asked once on the form, the 收到日期 is the 收件日期, and P5's cycle runs
 * from 证书有效期至.
 */
import { describe, expect, it } from 'vitest';
import { evaluateApplication, type ApplicationInput, type EngineContext } from '../../../shared/engine/evaluate';
import {
  derivedFieldIds,
  educationCycleStart,
  educationFromForm,
  educationRowsOf,
  factsOfFields,
  identityCrossChecks,
  roundEducationYears,
  selfScoreOf,
  seniorityOf,
} from '../../../shared/engine/facts';
import { getPack } from '../../../shared/programs';
import type { ProgramPack } from '../../../shared/programs/schema';
import { createWorkCalendar } from '../../../shared/rules/work-calendar';
import { CN_OFFICIAL_CALENDAR_YEARS } from '../../../shared/rules/calendars';

const calendarResult = createWorkCalendar(CN_OFFICIAL_CALENDAR_YEARS);
if (!calendarResult.ok) throw new Error(calendarResult.error.message);
const clerk: EngineContext = { today: '2026-11-23', calendar: calendarResult.value, role: 'clerk' };

const p1 = getPack('xj-isi-pm') as ProgramPack;
const p4 = getPack('zj-it-senior') as ProgramPack;
const p5 = getPack('rk-registration') as ProgramPack;

/** 002 六(三): 2018, 72 h 专业科目 + 20 h 一般公需 = 92 h, typed on the form's table only. */
const formHours = [
  { date: '2018-05-10', category: '专业科目', content: '专业科目培训', hours: 72 },
  { date: '2018-09-10', category: '一般公需', content: '一般公需培训', hours: 20 },
];

const sheet = {
  items: [
    { id: 'a', name: '业绩', maxScore: 60, claimed: 50, hasEvidence: true },
    { id: 'b', name: '论文', maxScore: 40, claimed: 17, hasEvidence: false },
    { id: 'c', name: '奖项', maxScore: 20, claimed: 18, hasEvidence: true },
  ],
};

describe('continuing education typed once (002 六(三), 003 48号 四)', () => {
  it('reads the form table as records, leaving incomplete rows to the form', () => {
    const rows = educationFromForm(p4, { continuingEducation: [...formHours, { date: '', category: '专业科目', content: 'x', hours: 5 }] });
    expect(rows).toEqual([
      { date: '2018-05-10', mode: '', content: '专业科目培训', category: '专业科目', hours: 72 },
      { date: '2018-09-10', mode: '', content: '一般公需培训', category: '一般公需', hours: 20 },
    ]);
  });

  it('reads P5 hours from its 核准的学时数 column', () => {
    const rows = educationFromForm(p5, { continuingEducation: [{ date: '2024-03-01', mode: '脱产', content: '课程', approvedHours: 60 }] });
    expect(rows).toEqual([{ date: '2024-03-01', mode: '脱产', content: '课程', hours: 60 }]);
  });

  it('counts a row typed on both the form and the tab once', () => {
    const tab = [
      { date: '2018-05-10', mode: '', content: '专业科目培训', category: '专业科目', hours: 72 },
      { date: '2018-11-01', mode: '', content: '行业公需', category: '行业公需', hours: 6 },
    ];
    const rows = educationRowsOf(p4, { continuingEducation: formHours }, tab);
    expect(rows.map((r) => r.hours)).toEqual([72, 20, 6]);
  });

  it('the 2019 round judges 2018 (自 2018 年起; materials close 2019-09-30)', () => {
    expect(roundEducationYears(p4)).toEqual([2018]);
    expect(roundEducationYears(p5)).toBeUndefined();
  });

  it('the engine judges the form’s hours for the round, with no row on the tab', () => {
    const app: ApplicationInput = { kind: 'new', state: 'received', history: [], fields: { continuingEducation: formHours }, materials: [] };
    const ev = evaluateApplication(p4, app, clerk);
    expect(ev.eligibility.findings.find((f) => f.code === 'education')).toMatchObject({ met: true, message: '继续教育学时符合要求（合计92学时）。' });
    expect(ev.education?.perYear.map((y) => y.year)).toEqual([2018]);
  });

  it('the engine names the round’s year when the form’s hours are short', () => {
    const app: ApplicationInput = { kind: 'new', state: 'received', history: [], fields: { continuingEducation: formHours.slice(0, 1) }, materials: [] };
    const ev = evaluateApplication(p4, app, clerk);
    const failing = ev.eligibility.findings.filter((f) => !f.met && f.code.startsWith('education'));
    expect(failing.map((f) => f.message)).toEqual([
      '2018年：继续教育共 72 学时，每年不少于 90 学时，差 18 学时。',
      '2018年：行业公需和一般公需科目共 0 学时，不少于 18 学时，差 18 学时。',
    ]);
  });
});

describe('P5 cycle from 证书有效期至 (003 47号 三)', () => {
  it.each([
    ['renewed certificate: counted back from the expiry, not from the first 取得时间', { issuedOn: '2017-03-15', validUntil: '2026-03-14' }, '2023-03-15'],
    ['first registration: both give the same day', { issuedOn: '2023-12-01', validUntil: '2026-11-30' }, '2023-12-01'],
    ['29 Feb expiry clamps', { validUntil: '2028-02-29' }, '2025-03-01'],
    ['no expiry known: the 取得时间', { issuedOn: '2024-01-10' }, '2024-01-10'],
  ])('%s', (_label, certificate, start) => {
    expect(educationCycleStart(certificate, 3)).toBe(start);
  });

  it('a P5 renewal with only the form filled judges the cycle ending at 证书有效期至', () => {
    const app: ApplicationInput = {
      kind: 'renewal',
      state: 'received',
      history: [],
      fields: {
        continuingEducation: [
          { date: '2023-06-01', mode: '脱产', content: '课程', approvedHours: 60 },
          { date: '2024-06-01', mode: '业余', content: '课程', approvedHours: 60 },
          { date: '2025-06-01', mode: '在岗', content: '课程', approvedHours: 60 },
        ],
      },
      materials: [],
      certificate: { issuedOn: '2014-03-15', validUntil: '2026-03-14' },
    };
    const ev = evaluateApplication(p5, app, { ...clerk, today: '2026-01-05' });
    expect(ev.education?.perYear.map((y) => [y.from, y.to, y.total])).toEqual([
      ['2023-03-15', '2024-03-14', 60],
      ['2024-03-15', '2025-03-14', 60],
      ['2025-03-15', '2026-03-14', 60],
    ]);
    expect(ev.eligibility.findings.find((f) => f.code === 'education')?.met).toBe(true);
  });
});

describe('自评分 and 学历资历 asked once (002 二, 附件4 四 10)', () => {
  it('the 自评分 is the sheet’s counted total (no evidence, no score), over the typed 85', () => {
    // 50 + 0 (论文 without proof) + 18 = 68.
    expect(selfScoreOf(p4, { selfScore: 85 }, sheet)).toBe(68);
    expect(factsOfFields(p4, { selfScore: 85 }, { selfScore: sheet })['selfScore']).toBe(68);
  });

  it('without a sheet the typed (imported) 自评分 stands', () => {
    expect(selfScoreOf(p4, { selfScore: 85 }, undefined)).toBe(85);
    expect(selfScoreOf(p4, { selfScore: 85 }, { items: [] })).toBe(85);
    expect(derivedFieldIds(p4, { items: [] }).has('selfScore')).toBe(false);
    expect(derivedFieldIds(p4, sheet).has('selfScore')).toBe(true);
  });

  it('the form’s 学历资历 answer wins over an older sheet’s checkbox', () => {
    const old = { items: [], seniority: { meets: true, reason: '旧表' } };
    expect(seniorityOf({ meetsSeniorityConditions: false }, old)).toEqual({ meets: false, reason: '' });
    expect(seniorityOf({ meetsSeniorityConditions: true, seniorityReason: '大学本科，工程师满五年' }, undefined)).toEqual({
      meets: true,
      reason: '大学本科，工程师满五年',
    });
    expect(seniorityOf({}, old)).toEqual({ meets: true, reason: '旧表' });
  });

  it('the engine takes the route from the form: meeting it on the form is eligible with no sheet', () => {
    const fields = { meetsSeniorityConditions: true, seniorityReason: '大学本科，工程师满五年' };
    const ev = evaluateApplication(p4, { kind: 'new', state: 'received', history: [], fields, materials: [] }, clerk);
    expect(ev.eligibility.findings.find((f) => f.code === 'self-score')).toMatchObject({ met: true, message: '按学历资历条件申报：大学本科，工程师满五年。' });
    // Shown after the 符合 tag: the sentence does not begin with 符合 again (issue 12).
    expect(ev.eligibility.findings.find((f) => f.code === 'self-score')?.message.startsWith('符合')).toBe(false);
  });

  it('the engine ignores a sheet’s old checkbox once the form says no', () => {
    const ev = evaluateApplication(
      p4,
      {
        kind: 'new',
        state: 'received',
        history: [],
        fields: { meetsSeniorityConditions: false },
        materials: [],
        selfScore: { items: [{ id: 'a', name: '业绩', maxScore: 100 }], entries: [{ itemId: 'a', claimed: 68, hasEvidence: true }], seniority: { meets: true, reason: '旧表' } },
      },
      clerk,
    );
    expect(ev.eligibility.findings.find((f) => f.code === 'self-score')).toMatchObject({ met: false, message: '自评分68分，未达到80分，且不符合学历资历条件。' });
  });
});

describe('收到日期 is the 收件日期 (000 第十一条)', () => {
  it('the form’s 收到日期 shows the application’s received date', () => {
    expect(factsOfFields(p1, { receivedOn: '2026-11-01' }, { receivedDate: '2026-11-03' })['receivedOn']).toBe('2026-11-03');
  });
  it('a program without the field gets none', () => {
    expect('receivedOn' in factsOfFields(p4, {}, { receivedDate: '2026-11-03' })).toBe(false);
  });
});

describe('出生年月 and 性别 against the ID number (GB 11643-1999)', () => {
  it.each([
    ['agreeing month and sex: nothing', { idNumber: '110105198811150010', birthMonth: '1988-11', sex: '男' }, []],
    ['199001 against an ID born 1988-11', { idNumber: '110105198811150010', birthMonth: '1990-01' }, ['出生年月1990年01月与身份证号码中的出生日期（1988年11月）不一致，请与申请人核对。']],
    ['199001 as typed (no separator) against an ID born 1988-11', { idNumber: '110105198811150010', birthMonth: '199001' }, ['出生年月1990年01月与身份证号码中的出生日期（1988年11月）不一致，请与申请人核对。']],
    ['女 against an odd 17th digit', { idNumber: '110105198811150010', sex: '女' }, ['性别“女”与身份证号码（男）不一致，请与申请人核对。']],
    ['an invalid ID number: its own field reports it', { idNumber: '110105198811150011', birthMonth: '1990-01' }, []],
  ])('%s', (_label, fields, messages) => {
    expect(identityCrossChecks(fields, '2026-11-23').map((f) => f.message)).toEqual(messages);
  });

  it('the engine shows it as a field finding on 出生年月', () => {
    const fields = { idNumber: '110105198811150010', birthMonth: '1990-01' };
    const ev = evaluateApplication(p4, { kind: 'new', state: 'received', history: [], fields, materials: [] }, clerk);
    expect(ev.fieldErrors.filter((e) => e.code === 'field.cross-check')).toEqual([
      { field: 'birthMonth', code: 'field.cross-check', message: '出生年月1990年01月与身份证号码中的出生日期（1988年11月）不一致，请与申请人核对。' },
    ]);
  });
});
