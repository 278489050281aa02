/**
 * Validity on issue and the issuing plan (shared/lifecycle/issue.ts): what a renewal, a
 * re-registration, a re-evaluation, a reissue and an exchange give, and what becomes of the
 * certificate replaced. Every expected date is worked out by hand from the seed's article.
 */
import { describe, expect, it } from 'vitest';
import { canPrintCertificate, issueWrites, planIssue, printMissing, validityOnIssue, type IssueRequest } from '../../../shared/lifecycle';
import { certificateTemplate } from '../../../shared/documents/templates';
import { packOf } from '../programs/pack-of';
import type { ProgramPack } from '../../../shared/programs/schema';
import { expectFail, expectOk } from './expect-result';

const P1 = packOf('xj-isi-pm');
const P2 = packOf('xj-isi-spm');
const P3 = packOf('xj-si-annual');
const P5 = packOf('rk-registration');
const P6 = packOf('iets');

const OLD = '01937b2c-0000-7000-8000-00000000c001';
const APP = '01937b2c-0000-7000-8000-00000000a001';

describe('validity on issue, as each rulebook reads', () => {
  it.each<[string, ProgramPack, string, string, string | undefined, string, string]>([
    // [rule, pack, kind, issued on, old expiry, valid from, valid until]
    ['000 第十五条: a first P1 certificate runs 4 years from its issue', P1, 'new', '2026-12-06', undefined, '2026-12-06', '2030-12-05'],
    ['000 第十五条一: renewed early, the 4 years run on from the old expiry (no time lost)', P1, 'renewal', '2026-12-06', '2027-03-31', '2027-04-01', '2031-03-31'],
    ['000 第十五条一: renewed on the last day of the old one', P1, 'renewal', '2027-03-31', '2027-03-31', '2027-04-01', '2031-03-31'],
    ['000 第十五条一: an old expiry at a month end of 30 days', P1, 'renewal', '2026-05-02', '2026-09-30', '2026-10-01', '2030-09-30'],
    ['000 第十五条一: an old expiry on 28 February before a leap year', P1, 'renewal', '2027-12-01', '2028-02-28', '2028-02-29', '2032-02-28'],
    ['000 第十五条一: an old expiry on 29 February', P1, 'renewal', '2027-12-01', '2028-02-29', '2028-03-01', '2032-02-29'],
    ['000 第十六条: P2 renewal, the same reading', P2, 'renewal', '2026-12-06', '2027-03-31', '2027-04-01', '2031-03-31'],
    ['000 第十八条: a reissue keeps the validity of the lost certificate', P1, 'reissue', '2026-12-06', '2027-03-31', '2023-04-01', '2027-03-31'],
    ['003 三: a registration runs 3 years from the day of registration', P5, 'new', '2026-12-06', undefined, '2026-12-06', '2029-12-05'],
    ['003 三: a re-registration too, whatever the old expiry (自批准或登记之日起算)', P5, 'renewal', '2026-12-06', '2027-02-28', '2026-12-06', '2029-12-05'],
    ['003 三: registered on 29 February, the last day is 27 February three years on', P5, 'renewal', '2028-02-29', '2028-03-31', '2028-02-29', '2031-02-27'],
    ['004 第十五条: a first IETS certificate runs 3 years', P6, 'new', '2026-12-06', undefined, '2026-12-06', '2029-12-05'],
    ['004 第十六条: after re-evaluation, a new 3-year period from the new certificate', P6, 're-evaluation', '2026-12-06', '2027-01-31', '2026-12-06', '2029-12-05'],
    ['004 第二十二条: a reissue keeps the validity', P6, 'reissue', '2026-12-06', '2027-01-31', '2023-04-01', '2027-01-31'],
    ['004 第二十一条: an exchange (换发) keeps the validity', P6, 'major-change', '2026-12-06', '2027-01-31', '2023-04-01', '2027-01-31'],
  ])('%s', (_rule, p, kind, issuedOn, oldExpiry, validFrom, validUntil) => {
    const previous = oldExpiry ? { issuedOn: '2023-04-01', validUntil: oldExpiry } : undefined;
    const v = expectOk(validityOnIssue(p, kind as never, issuedOn, previous));
    expect([v.validFrom, v.validUntil]).toEqual([validFrom, validUntil]);
  });

  it('000 第十五条一: the pack states its reading with the quote', () => {
    const v = expectOk(validityOnIssue(P1, 'renewal', '2026-12-06', { validUntil: '2027-03-31' }));
    expect(v.basis).toBe('after-previous');
    expect(v.cite).toBe('000 第十五条一');
    expect(v.reading).toContain('提前延续不损失有效期');
    expect(P5.lifecycle?.validity?.[0]?.quote).toBe('计算机专业技术资格（水平）证书有效期为三年（自批准或登记之日起算）');
  });

  it('000 第十五条一: a renewal without the old expiry cannot be dated', () => {
    expect(expectFail(validityOnIssue(P1, 'renewal', '2026-12-06', undefined), 'certificate.previous-validity')).toContain('原证书的有效期');
  });

  it('P3 has no lifecycle rule: the template decides, or the typed date where it gives none', () => {
    const template = certificateTemplate('xj-si-certificate');
    expect(template?.validity).toBeNull();
    expect(expectOk(validityOnIssue(P3, 'new', '2026-04-20', undefined, { validUntil: '2027-04-30' })).validUntil).toBe('2027-04-30');
    expectFail(validityOnIssue(P3, 'new', '2026-04-20', undefined, { validUntil: '2026-04-19' }), 'certificate.validity');
  });
});

describe('a number only for a certificate that can be printed', () => {
  const p5Fields = { specialtyCategory: '计算机软件', qualificationName: '系统分析师（高级）', certificateNo: '04010011230000123' };

  it('003 附件: a P5 registration with 资格名称, 专业类别 and the photo empty is refused, naming them', () => {
    expect(printMissing(P5, 'new', { certificateNo: '04010011230000123' })).toEqual(['专业类别', '资格名称', '照片']);
    const message = expectFail(canPrintCertificate(P5, 'new', { certificateNo: '04010011230000123' }), 'certificate.not-printable');
    expect(message).toBe('证书无法打印，缺少专业类别、资格名称、照片（003 附件），请先在申请表中补全，再发证。');
  });

  it('003 附件: with the fields and the photo on file it can be printed', () => {
    expect(printMissing(P5, 'renewal', p5Fields, { hasPhoto: true })).toEqual([]);
    expect(printMissing(P5, 'renewal', p5Fields)).toEqual(['照片']);
    // A deferral prints nothing.
    expect(printMissing(P5, 'deferral', {})).toEqual([]);
  });

  it('000 第十四条: P1 prints the holder\'s name and 身份证号, from the form or the person record', () => {
    expect(printMissing(P1, 'new', {})).toEqual(['姓名', '身份证号码']);
    expect(printMissing(P1, 'new', {}, { holder: { name: '王小明', idNumber: '110105194910010015' } })).toEqual([]);
  });

  it('004 第十一条: the level is asked only of the graded evaluation', () => {
    const base = { organisationName: '杭州数智信息技术服务股份有限公司', creditCode: '91330100MA2XXXXX7Q' };
    expect(printMissing(P6, 'new', { ...base, evaluationCategory: 'iets' })).toEqual(['申请等级']);
    expect(printMissing(P6, 'new', { ...base, evaluationCategory: 'nextgen' })).toEqual([]);
  });
});

describe('the issuing plan', () => {
  const request = (p: ProgramPack, kind: string, fields: Record<string, unknown>, previous?: IssueRequest['previous']): IssueRequest => ({
    pack: p,
    application: { id: APP, programId: p.id, kind, personId: '01937b2c-0000-7000-8000-00000000b001', fields },
    issuedOn: '2026-12-06',
    ...(previous ? { previous } : {}),
    hasPhoto: false,
    holder: { name: '王建国', idNumber: '65010219800101123X' },
    role: 'clerk',
  });
  const lost = { id: OLD, certificateNo: 'XJPM-2023-000017', issuedOn: '2023-04-01', validUntil: '2027-03-31', status: 'valid' as const };

  it('000 第十八条: a reissue keeps the validity and voids the lost number, linked both ways', () => {
    const plan = expectOk(planIssue(request(P1, 'reissue', { reissueReason: '遗失' }, lost)));
    expect(plan.certificate).toMatchObject({ validFrom: '2023-04-01', validUntil: '2027-03-31', applicationKind: 'reissue', replaces: OLD, status: 'valid' });
    expect(plan.previous?.patch).toEqual({ status: 'void' });
    const writes = issueWrites(plan, '01937b2c-0000-7000-8000-00000000c002');
    expect(writes.previous).toEqual({ id: OLD, patch: { status: 'void', replacedBy: '01937b2c-0000-7000-8000-00000000c002' } });
    expect(writes.events.map((e) => [e.kind, e.certificateId, e.otherCertificateId])).toEqual([
      ['reissued', '01937b2c-0000-7000-8000-00000000c002', OLD],
      ['voided', OLD, '01937b2c-0000-7000-8000-00000000c002'],
    ]);
    expect(writes.events[1]?.reason).toBe('补发新证书，原证书编号作废（000 第十八条）。');
  });

  it('000 第十五条一: a renewal supersedes the old certificate without voiding it (valid to its own end)', () => {
    const plan = expectOk(planIssue(request(P1, 'renewal', {}, lost)));
    expect(plan.certificate).toMatchObject({ issuedOn: '2026-12-06', validFrom: '2027-04-01', validUntil: '2031-03-31', replaces: OLD });
    expect(plan.event).toMatchObject({ kind: 'renewed', validUntilBefore: '2027-03-31', validUntil: '2031-03-31' });
    const writes = issueWrites(plan, '01937b2c-0000-7000-8000-00000000c003');
    expect(writes.previous).toEqual({ id: OLD, patch: { replacedBy: '01937b2c-0000-7000-8000-00000000c003' } });
    expect(writes.events.map((e) => e.kind)).toEqual(['renewed']);
  });

  it('a first certificate enters as issued, valid from its issue day (no validFrom stored)', () => {
    const plan = expectOk(planIssue(request(P1, 'new', {})));
    expect(plan.certificate).toEqual({
      programId: 'xj-isi-pm',
      applicationId: APP,
      applicationKind: 'new',
      holderPersonId: '01937b2c-0000-7000-8000-00000000b001',
      issuedOn: '2026-12-06',
      validUntil: '2030-12-05',
      status: 'valid',
    });
    expect(plan.event.kind).toBe('issued');
    expect(plan.previous).toBeUndefined();
  });

  it.each<[string, 'void' | 'cancelled' | 'revoked' | 'suspended', string]>([
    ['000 第十八条: a void number is not reissued again', 'void', '已作废'],
    ['003 十: a cancelled certificate is not renewed', 'cancelled', '已注销'],
    ['004 第十九条: a revoked certificate is not reissued', 'revoked', '已撤销'],
    ['004 第十九条: nor a suspended one', 'suspended', '已暂停'],
  ])('%s', (_rule, status, zh) => {
    expect(expectFail(planIssue(request(P1, 'reissue', {}, { ...lost, status })), 'certificate.previous-ended')).toBe(`原证书XJPM-2023-000017${zh}，不能据此发证。`);
  });

  it('000 第十八条: a certificate already replaced is not replaced twice (one person, one valid certificate)', () => {
    expectFail(planIssue(request(P1, 'reissue', {}, { ...lost, replacedBy: '01937b2c-0000-7000-8000-00000000c009' })), 'certificate.previous-replaced');
  });

  it('003 附件: the plan refuses before any number is taken', () => {
    expectFail(planIssue({ ...request(P5, 'new', { certificateNo: '04010011230000123' }), hasPhoto: true }), 'certificate.not-printable');
  });

  it('004 第十一条: the level comes from the form; a reissue carries the old one', () => {
    const fields = { organisationName: '某信息技术有限公司', creditCode: '91330100MA2XXXXX7Q', evaluationCategory: 'iets', level: 'IETS-2' };
    expect(expectOk(planIssue(request(P6, 'new', fields))).certificate.level).toBe('IETS-2');
    const reissue = expectOk(planIssue(request(P6, 'reissue', {}, { ...lost, level: 'IETS-3' })));
    expect(reissue.certificate.level).toBe('IETS-3');
  });

  it('004 第二十一条: an exchange after a merger voids the old number and updates the holder', () => {
    const plan = expectOk(planIssue(request(P6, 'major-change', { newOrganisationName: '浙江数智集团有限公司', changeOccurredOn: '2026-11-01' }, lost)));
    expect(plan.event.kind).toBe('exchanged');
    expect(plan.previous?.patch).toEqual({ status: 'void' });
    expect(plan.holderPatch).toEqual({ name: '浙江数智集团有限公司' });
    expect(issueWrites(plan, '01937b2c-0000-7000-8000-00000000c004').events[1]?.reason).toBe('换发新证书，原证书编号作废（004 办法 第二十一条）。');
  });
});
