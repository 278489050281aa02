/**
 * What can be started from a certificate on the desk (shared/lifecycle/actions.ts), and the
 * application it starts, filled in from the certificate: nobody types its facts again.
 */
import { describe, expect, it } from 'vitest';
import { applicationFromCertificate, certificateActions, certificateStatus, lifecycleRulesOf, type CertificateAction } from '../../../shared/lifecycle';
import type { Certificate } from '../../../shared/model/records';
import { getPack } from '../../../shared/programs';
import { packOf } from '../programs/pack-of';
import type { ProgramPack } from '../../../shared/programs/schema';
import { expectFail, expectOk } from './expect-result';
import { programId as pid } from '../typed-ids';

const P1 = packOf('xj-isi-pm');
const P2 = packOf('xj-isi-spm');
const P5 = packOf('rk-registration');
const P6 = packOf('iets');

const base = { createdAt: '2023-04-01T02:00:00.000Z', createdBy: 'u', updatedAt: '2023-04-01T02:00:00.000Z', updatedBy: 'u' };
const certificate = (programId: string, extra: Partial<Certificate> = {}): Certificate => ({
  id: '01937b2c-0000-7000-8000-00000000c001',
  certificateNo: 'XJPM-2023-000017',
  programId: pid(programId),
  holderPersonId: '01937b2c-0000-7000-8000-00000000b001',
  issuedOn: '2023-04-01',
  validUntil: '2027-03-31',
  status: 'valid',
  ...base,
  ...extra,
});

const actionsOf = (p: ProgramPack, c: Certificate, today: string) =>
  certificateActions(p, c, certificateStatus(c, today, lifecycleRulesOf(p)), today, getPack).map((a: CertificateAction) => [a.programId, a.kind, a.allowed, a.reason ?? '']);

describe('row actions of 已发证书', () => {
  it('000 第十五条: in the window a P1 holder may renew, or apply for P2 instead (第十五条二); change and reissue any time', () => {
    expect(actionsOf(P1, certificate('xj-isi-pm'), '2026-12-06')).toEqual([
      ['xj-isi-pm', 'renewal', true, ''],
      ['xj-isi-spm', 'upgrade', true, ''],
      ['xj-isi-pm', 'change', true, ''],
      ['xj-isi-pm', 'reissue', true, ''],
    ]);
  });

  it('000 第十五条: the day before the window both wait, with the day it opens', () => {
    expect(actionsOf(P1, certificate('xj-isi-pm'), '2026-09-29').slice(0, 2)).toEqual([
      ['xj-isi-pm', 'renewal', false, '延续申请期（证书期满前 6 个月）自2026年09月30日开始。'],
      ['xj-isi-spm', 'upgrade', false, '晋级申请期（工程经理证书期满前 6 个月）自2026年09月30日开始。'],
    ]);
  });

  it('000 第十八条: a void number can start nothing', () => {
    expect(actionsOf(P1, certificate('xj-isi-pm', { status: 'void' }), '2026-12-06').every((a) => a[2] === false && a[3] === '该证书已作废。')).toBe(true);
  });

  it('003 八: a P5 deferral before expiry, not after; 注销 is the office\'s', () => {
    const rk = certificate('rk-registration', { certificateNo: 'RK-2024-000001', validUntil: '2027-02-28' });
    const before = actionsOf(P5, rk, '2027-02-28');
    expect(before.find((a) => a[1] === 'deferral')).toEqual(['rk-registration', 'deferral', true, '']);
    expect(before.find((a) => a[1] === 'cancellation')).toEqual(['rk-registration', 'cancellation', true, '']);
    const after = actionsOf(P5, rk, '2027-03-01');
    expect(after.find((a) => a[1] === 'deferral')).toEqual(['rk-registration', 'deferral', false, '该证书已失效。']);
    expect(after.find((a) => a[1] === 'renewal')).toEqual(['rk-registration', 'renewal', false, '该证书已失效。']);
  });

  it('004 第二十条: a revoked IETS certificate may be appealed', () => {
    const revoked = certificate('iets', { certificateNo: 'IETS-2025-000008', status: 'revoked' });
    expect(actionsOf(P6, revoked, '2026-06-01').find((a) => a[1] === 'appeal')).toEqual(['iets', 'appeal', true, '']);
  });
});

describe('the application started from a certificate is filled in', () => {
  it('000 第十五条一: a P1 renewal takes the number, the expiry and the holder', () => {
    const start = expectOk(applicationFromCertificate(P1, 'renewal', certificate('xj-isi-pm'), { name: '王建国', idNumber: '65010219800101123X' }, { employer: '新疆某科技有限公司', education: '本科' }));
    expect(start).toEqual({
      programId: 'xj-isi-pm',
      kind: 'renewal',
      certificateId: '01937b2c-0000-7000-8000-00000000c001',
      personId: '01937b2c-0000-7000-8000-00000000b001',
      previousCertificate: { certificateNo: 'XJPM-2023-000017', issuedOn: '2023-04-01', validUntil: '2027-03-31' },
      // 学历 is not a renewal field: not carried over.
      fields: { name: '王建国', idNumber: '65010219800101123X', employer: '新疆某科技有限公司', certificateNo: 'XJPM-2023-000017', certificateExpiresOn: '2027-03-31' },
    });
  });

  it('000 第十五条二: a P2 application from a P1 certificate names the P1 certificate', () => {
    const start = expectOk(applicationFromCertificate(P2, 'upgrade', certificate('xj-isi-pm'), { name: '王建国', idNumber: '65010219800101123X' }, { employer: '不带入' }));
    expect(start.fields).toEqual({ name: '王建国', idNumber: '65010219800101123X', heldPmCertificateNo: 'XJPM-2023-000017', heldPmCertificateExpiresOn: '2027-03-31' });
  });

  it('003: a re-registration keeps the qualification facts; 证书编号 is the qualification certificate\'s, not the registration\'s', () => {
    const rk = certificate('rk-registration', { certificateNo: 'RK-2024-000001', validUntil: '2027-02-28' });
    const issuing = { specialtyCategory: '计算机软件', qualificationName: '系统分析师（高级）', certificateNo: '04010011230000123', appliedOn: '2024-02-01', signature: true };
    const start = expectOk(applicationFromCertificate(P5, 'renewal', rk, { name: '李明', idNumber: '310104198603120047' }, issuing));
    expect(start.fields).toEqual({
      specialtyCategory: '计算机软件',
      qualificationName: '系统分析师（高级）',
      name: '李明',
      idNumber: '310104198603120047',
      certificateNo: '04010011230000123',
      certificateExpiresOn: '2027-02-28',
    });
    const deferral = expectOk(applicationFromCertificate(P5, 'deferral', rk, { name: '李明', idNumber: '310104198603120047' }, issuing));
    expect(deferral.fields).toEqual({ name: '李明', idNumber: '310104198603120047', certificateNo: '04010011230000123', certificateExpiresOn: '2027-02-28' });
  });

  it('refused for a kind the program does not have', () => {
    expectFail(applicationFromCertificate(P1, 'deferral', certificate('xj-isi-pm'), {}), 'certificate.kind');
  });
});
