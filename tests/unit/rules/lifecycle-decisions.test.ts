/**
 * The lifecycle applications' rules (shared/lifecycle/decisions.ts, notices.ts, annual-review.ts,
 * bans.ts): deferral (003 八, 48号 六), cancellation and its appeal (003 十、十一), suspension and
 * revocation with the notice through the agency (004 第十九、二十条), the annual review (004
 * 第十五、十七条), a change of information (000 第十七条, 004 第二十一条) and the fraud ban (002 五).
 */
import { describe, expect, it } from 'vitest';
import {
  annualReviews,
  appealWindow,
  checkFraudBans,
  fraudBanOf,
  lifecycleFindings,
  planAppeal,
  planAppealDecision,
  planEffect,
  planNotice,
  revocationProposals,
  type EffectRequest,
} from '../../../shared/lifecycle';
import type { CertificateEvent } from '../../../shared/model/records';
import { packOf } from '../programs/pack-of';
import { CN_OFFICIAL_CALENDAR_YEARS } from '../../../shared/rules/calendars';
import { createWorkCalendar } from '../../../shared/rules/work-calendar';
import { expectFail, expectOk } from './expect-result';

const P1 = packOf('xj-isi-pm');
const P4 = packOf('zj-it-senior');
const P5 = packOf('rk-registration');
const P6 = packOf('iets');
const cal = expectOk(createWorkCalendar(CN_OFFICIAL_CALENDAR_YEARS));

const CERT = '01937b2c-0000-7000-8000-00000000c001';
const id = (n: number) => `01937b2c-0000-7000-8000-0000000e${String(n).padStart(4, '0')}`;
const ev = (n: number, kind: CertificateEvent['kind'], on: string, extra: Partial<CertificateEvent> = {}): CertificateEvent => ({
  id: id(n),
  certificateId: CERT,
  kind,
  on,
  role: 'admin',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'u',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'u',
  ...extra,
});

const failing = (findings: ReturnType<typeof lifecycleFindings>) => findings.filter((f) => !f.met && f.binding === 'requirement').map((f) => f.code);

describe('003 八: 延期登记', () => {
  const deferral = (until: string, receivedOn: string, ground = 'sick-leave', extra: Record<string, unknown> = {}) =>
    lifecycleFindings(P5, 'deferral', { deferralReason: ground, deferralUntil: until, ...extra }, { certificate: { validUntil: '2027-02-28' }, receivedOn });

  it.each<[string, string, string, string[]]>([
    ['at most one year: expiry 2027-02-28 → up to 2028-02-29 (a leap year), the last day inclusive', '2028-02-29', '2027-01-10', []],
    ['one day over the year is refused', '2028-03-01', '2027-01-10', ['deferral.too-long']],
    ['the case of the issue: 2028-04-15 for a certificate expiring 2027-02-28', '2028-04-15', '2027-01-10', ['deferral.too-long']],
    ['requested on the expiry day: in time', '2027-12-31', '2027-02-28', []],
    ['requested one day after expiry: too late (在证书有效期满前)', '2027-12-31', '2027-03-01', ['deferral.after-expiry']],
    ['a date not after the expiry is no deferral', '2027-02-28', '2027-01-10', ['deferral.not-later']],
  ])('%s', (_rule, until, receivedOn, codes) => {
    expect(failing(deferral(until, receivedOn))).toEqual(codes);
  });

  it('the refusal gives the rule\'s reason with the latest date allowed', () => {
    const refused = deferral('2028-04-15', '2027-01-10').find((f) => f.code === 'deferral.too-long');
    expect(refused?.message).toBe('延期时间不得超过一年：证书2027年02月28日到期，最多可延期至2028年02月29日，申请的2028年04月15日超出了期限（003 47号 八）。');
  });

  it('the four grounds are a closed list of codes; the fourth must be explained', () => {
    expect(P5.lifecycle?.deferral?.grounds.map((g) => g.code)).toEqual(['abroad', 'sick-leave', 'childbirth', 'other-approved']);
    expect(failing(deferral('2027-12-31', '2027-01-10', '出国'))).toEqual(['deferral.ground']);
    expect(failing(deferral('2027-12-31', '2027-01-10', 'other-approved'))).toEqual(['deferral.note']);
    expect(failing(deferral('2027-12-31', '2027-01-10', 'other-approved', { deferralNote: '援疆工作，经自治区主管部门同意' }))).toEqual([]);
  });

  it('a second deferral counts its year from the first expiry', () => {
    const second = lifecycleFindings(P5, 'deferral', { deferralReason: 'abroad', deferralUntil: '2028-03-31' }, {
      certificate: { validUntil: '2027-12-31', originalValidUntil: '2027-02-28' },
      receivedOn: '2027-11-01',
    });
    expect(failing(second)).toEqual(['deferral.too-long']);
  });

  it('48号 六: 继续教育顺延 at most a year, with no before-expiry condition', () => {
    const late = lifecycleFindings(P5, 'education-deferral', { educationDeferralReason: 'childbirth', deferralUntil: '2028-02-29' }, {
      certificate: { validUntil: '2027-02-28' },
      receivedOn: '2027-03-15',
    });
    expect(failing(late)).toEqual([]);
  });

  /** A 缓期 (abroad) of the registration valid until 2027-02-28, filed 2027-01-10, approved 2027-01-20. */
  const approvedDeferral = (n: number, deferralUntil: string): EffectRequest => ({
    pack: P5,
    application: { id: id(n), kind: 'deferral', fields: { deferralReason: 'abroad', deferralUntil }, receivedDate: '2027-01-10' },
    state: 'deferred',
    certificate: { id: CERT, certificateNo: 'RK-2024-000001', issuedOn: '2024-02-29', validUntil: '2027-02-28', status: 'valid' },
    on: '2027-01-20',
    role: 'reviewer',
  });

  it('approval moves the expiry and records the deferral with its ground and the date before', () => {
    const plan = expectOk(planEffect(approvedDeferral(900, '2027-12-31')));
    expect(plan?.certificatePatch).toEqual({ validUntil: '2027-12-31' });
    expect(plan?.events).toEqual([
      { certificateId: CERT, on: '2027-01-20', applicationId: id(900), role: 'reviewer', kind: 'deferred', ground: 'abroad', validUntil: '2027-12-31', validUntilBefore: '2027-02-28' },
    ]);
  });

  it('approval of an over-long deferral is refused with the reason', () => {
    expectFail(planEffect(approvedDeferral(901, '2028-04-15')), 'deferral.too-long');
  });
});

describe('003 十、十一: 注销 and the 30-day appeal', () => {
  const cancel = (fields: Record<string, unknown>) =>
    planEffect({
      pack: P5,
      application: { id: id(910), kind: 'cancellation', fields, receivedDate: '2026-02-20' },
      state: 'cancelled',
      certificate: { id: CERT, certificateNo: 'RK-2025-000003', issuedOn: '2025-06-01', validUntil: '2028-05-31', status: 'valid' },
      on: '2026-02-25',
      role: 'admin',
    });

  it('the five grounds, as codes', () => {
    expect(P5.lifecycle?.cancellation?.grounds.map((g) => g.code)).toEqual(['incapacity', 'criminal-penalty', 'off-post', 'major-loss', 'registration-fraud']);
  });

  it('refused without a ground from the list or without the facts', () => {
    expectFail(cancel({ cancellationGround: 'left-the-company', cancellationEvidence: '离职' }), 'cancellation.ground');
    expectFail(cancel({ cancellationGround: 'off-post' }), 'cancellation.evidence');
  });

  it('cancelled with its ground and evidence; the publication date starts the appeal window', () => {
    const plan = expectOk(cancel({ cancellationGround: 'off-post', cancellationEvidence: '单位证明：2023年起从事行政工作', cancellationPublishedOn: '2026-03-01' }));
    expect(plan?.certificatePatch).toEqual({ status: 'cancelled' });
    expect(plan?.events.map((e) => [e.kind, e.on, e.ground ?? ''])).toEqual([
      ['cancelled', '2026-02-25', 'off-post'],
      ['notice', '2026-03-01', ''],
    ]);
  });

  const cancelled = [ev(1, 'issued', '2025-06-01'), ev(2, 'cancelled', '2026-02-25', { ground: 'off-post' })];

  it.each<[string, string, string, string, number | undefined]>([
    // [rule, notice, today, state, days left]
    ['before the notice nothing runs', '', '2026-02-28', 'awaiting-notice', undefined],
    ['notice 2026-03-01: the notice day is not counted, 30 days left', '2026-03-01', '2026-03-01', 'open', 30],
    ['the 30th day is the last, inclusive', '2026-03-01', '2026-03-31', 'open', 0],
    ['one day late the window is closed', '2026-03-01', '2026-04-01', 'closed', undefined],
    ['notice 2026-01-31 → last day 2026-03-02 across the end of February', '2026-01-31', '2026-03-02', 'open', 0],
    ['notice 2028-01-30 → last day 2028-02-29', '2028-01-30', '2028-02-29', 'open', 0],
  ])('%s', (_rule, notice, today, state, daysLeft) => {
    const events = notice ? [...cancelled, ev(3, 'notice', notice)] : cancelled;
    const w = expectOk(appealWindow(P5, events, today));
    expect(w?.state).toBe(state);
    expect(w?.daysLeft).toBe(daysLeft);
  });

  it('with the working-day calendar, a last day in the National Day holiday moves to the next working day', () => {
    const w = expectOk(appealWindow(P5, [...cancelled, ev(3, 'notice', '2026-09-01')], '2026-10-08', cal));
    expect([w?.deadline, w?.state]).toEqual(['2026-10-08', 'open']);
  });

  it('an appeal on the last day is lodged; one a day late is refused with the rule\'s reason', () => {
    const events = [...cancelled, ev(3, 'notice', '2026-03-01')];
    expect(expectOk(planAppeal(P5, CERT, events, { on: '2026-03-31', role: 'clerk', reason: '本人2024年起仍在专业技术岗位' }))).toMatchObject({ kind: 'appeal-lodged', answers: id(2) });
    expect(expectFail(planAppeal(P5, CERT, events, { on: '2026-04-01', role: 'clerk', reason: '本人仍在岗' }), 'appeal.late')).toBe(
      '复议期限已于2026年03月31日届满（003 47号 十一：公布之日起30日内），2026年04月01日提出的复议申请已逾期。',
    );
    expectFail(planAppeal(P5, CERT, cancelled, { on: '2026-03-05', role: 'clerk', reason: '仍在岗' }), 'appeal.no-notice');
  });

  it('the appeal upheld restores the certificate; dismissed leaves it cancelled', () => {
    const lodged = [...cancelled, ev(3, 'notice', '2026-03-01'), ev(4, 'appeal-lodged', '2026-03-20', { answers: id(2) })];
    expect(expectOk(appealWindow(P5, lodged, '2026-05-01'))?.state).toBe('lodged');
    const upheld = expectOk(planAppealDecision(P5, CERT, lodged, { on: '2026-04-20', role: 'admin', outcome: 'upheld' }));
    expect(upheld.certificatePatch).toEqual({ status: 'valid' });
    expect(upheld.events.map((e) => e.kind)).toEqual(['appeal-decided', 'reinstated']);
    const dismissed = expectOk(planAppealDecision(P5, CERT, lodged, { on: '2026-04-20', role: 'admin', outcome: 'dismissed' }));
    expect(dismissed.certificatePatch).toBeUndefined();
    expect(expectOk(appealWindow(P5, [...lodged, ev(5, 'appeal-decided', '2026-04-20', { outcome: 'dismissed' })], '2026-05-01'))?.state).toBe('dismissed');
  });
});

describe('004 第十九、二十条: suspension and revocation, the notice through the agency', () => {
  const revocation = (fields: Record<string, unknown>, state = 'revoked') =>
    planEffect({
      pack: P6,
      application: { id: id(920), kind: 'revocation', fields, receivedDate: '2026-05-01' },
      state,
      certificate: { id: CERT, certificateNo: 'IETS-2025-000008', issuedOn: '2025-06-01', validUntil: '2028-05-31', status: 'valid' },
      on: '2026-05-10',
      role: 'admin',
    });

  it('the five grounds of 第十九条 and the annual review of 第十七条', () => {
    expect(P6.lifecycle?.revocation?.grounds.map((g) => g.code)).toEqual(['licence-revoked', 'false-materials', 'non-cooperation', 'serious-misconduct', 'non-conforming', 'annual-review']);
  });

  it('revoked or suspended with ground and facts; refused without them', () => {
    const revoked = expectOk(revocation({ revocationAction: 'revoke', revocationGround: 'licence-revoked', revocationEvidence: '营业执照已于2026年4月被吊销' }));
    expect(revoked?.certificatePatch).toEqual({ status: 'revoked' });
    expect(revoked?.events[0]).toMatchObject({ kind: 'revoked', outcome: 'revoke', ground: 'licence-revoked' });
    const suspended = expectOk(revocation({ revocationAction: 'suspend', revocationGround: 'non-cooperation', revocationEvidence: '拒绝接受调查' }, 'suspended'));
    expect(suspended?.certificatePatch).toEqual({ status: 'suspended' });
    expectFail(revocation({ revocationAction: 'revoke', revocationGround: 'licence-revoked' }), 'revocation.evidence');
    expectFail(revocation({ revocationAction: '撤销', revocationGround: 'licence-revoked', revocationEvidence: '吊销' }), 'revocation.action');
    // The step taken must be the one the form names.
    expect(expectFail(revocation({ revocationAction: 'suspend', revocationGround: 'non-cooperation', revocationEvidence: '拒绝接受调查' }), 'revocation.action')).toBe(
      '申请表上的处理为“暂停”，与所办理的“撤销证书”不一致，请核对。',
    );
  });

  it('the notice goes through the agency; no day limit on the appeal', () => {
    const events = [ev(1, 'issued', '2025-06-01'), ev(2, 'revoked', '2026-05-10', { outcome: 'revoke' })];
    const notice = expectOk(planNotice(P6, CERT, events, { on: '2026-05-12', role: 'admin' }));
    expect(notice).toMatchObject({ kind: 'notice', via: '评价机构', answers: id(2) });
    expectFail(planNotice(P6, CERT, events, { on: '2026-05-09', role: 'admin' }), 'notice.before-decision');
    const w = expectOk(appealWindow(P6, [...events, ev(3, 'notice', '2026-05-12', { via: '浙江某评价机构' })], '2027-05-12'));
    expect([w?.state, w?.deadline]).toEqual(['open', undefined]);
  });
});

describe('004 第十五、十七条: the annual review', () => {
  const certificate = { issuedOn: '2026-06-15', validUntil: '2029-06-14' };

  it('one review in each certificate year before the last', () => {
    expect(annualReviews(P6, certificate, [], '2026-12-01').map((y) => [y.year, y.from, y.to, y.state])).toEqual([
      [1, '2026-06-15', '2027-06-14', 'due'],
      [2, '2027-06-15', '2028-06-14', 'upcoming'],
    ]);
  });

  it('the last day of the year still counts; one day later the year is missed and revocation is proposed', () => {
    expect(annualReviews(P6, certificate, [], '2027-06-14')[0]?.state).toBe('due');
    expect(annualReviews(P6, certificate, [], '2027-06-15')[0]?.state).toBe('missed');
    expect(revocationProposals(P6, certificate, [], '2027-06-15')).toEqual([
      { year: 1, ground: 'annual-review', reason: '第1年度（2026-06-15至2027-06-14）未进行年度审查。', cite: '004 办法 第十七条' },
    ]);
  });

  it('a certificate issued on 29 February: its first year ends on 27 February', () => {
    expect(annualReviews(P6, { issuedOn: '2028-02-29', validUntil: '2031-02-27' }, [], '2028-03-01')[0]?.to).toBe('2029-02-27');
  });

  it('a failed review records the year and proposes revocation on the pack\'s ground', () => {
    const plan = expectOk(
      planEffect({
        pack: P6,
        application: { id: id(930), kind: 'annual-review', fields: {}, receivedDate: '2027-05-01' },
        state: 'failed',
        certificate: { id: CERT, certificateNo: 'IETS-2026-000001', issuedOn: '2026-06-15', validUntil: '2029-06-14', status: 'valid' },
        on: '2027-05-20',
        role: 'reviewer',
      }),
    );
    expect(plan?.events.map((e) => [e.kind, e.year, e.outcome ?? e.ground])).toEqual([
      ['annual-review', 1, 'failed'],
      ['revocation-proposed', 1, 'annual-review'],
    ]);
    const events = [ev(1, 'annual-review', '2027-05-20', { year: 1, outcome: 'failed' }), ev(2, 'revocation-proposed', '2027-05-20', { year: 1, ground: 'annual-review' })];
    expect(annualReviews(P6, certificate, events, '2027-06-01')[0]?.state).toBe('failed');
    expect(revocationProposals(P6, certificate, events, '2027-06-01')).toEqual([]);
  });
});

describe('000 第十七条 / 004 第二十一条: a change of information', () => {
  it('000 第十七条: approval updates the holder record with the new values', () => {
    const plan = expectOk(
      planEffect({
        pack: P1,
        application: { id: id(940), kind: 'change', fields: { newName: '王建国', newPhone: '13999990000', changeDetails: '姓名变更' }, receivedDate: '2026-05-01' },
        state: 'changed',
        certificate: { id: CERT, certificateNo: 'XJPM-2025-000001', issuedOn: '2025-06-01', validUntil: '2029-05-31', status: 'valid' },
        on: '2026-05-08',
        role: 'reviewer',
      }),
    );
    expect(plan?.holderPatch).toEqual({ name: '王建国', phone: '13999990000' });
    expect(plan?.events[0]).toMatchObject({ kind: 'changed', reason: '名称（姓名）：王建国；联系电话：13999990000' });
  });

  it.each<[string, string, string, string, boolean]>([
    ['30 days after the change, the last day inclusive', 'change', '2026-03-01', '2026-03-31', true],
    ['one day late', 'change', '2026-03-01', '2026-04-01', false],
    ['a merger: 90 days', 'major-change', '2026-03-01', '2026-05-30', true],
    ['a merger: one day late', 'major-change', '2026-03-01', '2026-05-31', false],
  ])('004 第二十一条: %s', (_rule, kind, occurred, filed, inTime) => {
    const f = lifecycleFindings(P6, kind as never, { changeOccurredOn: occurred, newOrganisationName: '新名称有限公司' }, { receivedOn: filed }).find((x) => x.code === 'change.deadline');
    expect([f?.met, f?.binding]).toEqual([inTime, 'reference']);
  });
});

describe('a certificate that has ended takes no renewal, change or deferral', () => {
  it.each(['void', 'cancelled', 'revoked', 'lapsed', 'superseded', 'suspended'] as const)('%s', (status) => {
    const findings = lifecycleFindings(P1, 'renewal', {}, { certificate: { validUntil: '2027-03-31', status }, receivedOn: '2027-01-10' });
    expect(failing(findings)).toEqual(['certificate.ended']);
  });
});

describe('002 五: 弄虚作假 bars the same 身份证号 for three years from the year after the review', () => {
  const ban = expectOk(fraudBanOf(P4, { idNumber: '33010619800101001x', state: 'withdrawn-fraud', foundOn: '2019-11-20' }));
  if (ban === undefined) throw new Error('002 五: a fraud finding gives a ban');

  it('found in 2019 → barred 2020-01-01 to 2022-12-31', () => {
    expect(ban).toEqual({ programId: 'zj-it-senior', idNumber: '33010619800101001X', foundOn: '2019-11-20', from: '2020-01-01', until: '2022-12-31', cite: '002 五' });
    expect(expectOk(fraudBanOf(P4, { idNumber: '330106198001010011', state: 'not-passed', foundOn: '2019-11-20' }))).toBeUndefined();
  });

  it.each<[string, string, string, boolean]>([
    ['the same year is before the ban', '33010619800101001X', '2019-12-31', true],
    ['its first day', '33010619800101001X', '2020-01-01', false],
    ['its last day, inclusive', '33010619800101001x', '2022-12-31', false],
    ['the day after it ends', '33010619800101001X', '2023-01-01', true],
    ['another person', '330106198001010011', '2021-06-01', true],
  ])('%s', (_rule, idNumber, on, allowed) => {
    const result = checkFraudBans(P4, [ban], { idNumber, kind: 'new', on });
    if (allowed) expectOk(result);
    else expect(expectFail(result, 'ban.active')).toBe('身份证号33010619800101001X的申报人于2019年11月20日被认定在申报中弄虚作假，自2020年01月01日起至2022年12月31日止不得申报（002 五）。');
  });
});
