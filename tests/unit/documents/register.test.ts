/**
 * The 证书登记簿's data from the records (shared/lifecycle/register.ts): each kind counted apart —
 * the issue found renewals, reissues and re-registrations all listed as 发证 and the statistics
 * showing 延续 0 / 补发 0 / 变更 0. Reprints carry a reason; a void certificate is not reprinted.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildCertificateRegisterXlsx } from '../../../shared/documents/xlsx/certificate-register';
import { planReprint, registerEntries, reprintCount, type RegisterNames } from '../../../shared/lifecycle';
import type { Certificate, CertificateEvent } from '../../../shared/model/records';
import { getPack } from '../../../shared/programs';
import { expectFail, expectOk } from '../rules/expect-result';
import { programId as pid } from '../typed-ids';

const base = { createdAt: '2026-11-01T02:00:00.000Z', createdBy: 'u-zhou', updatedAt: '2026-11-01T02:00:00.000Z', updatedBy: 'u-zhou' };
const cid = (n: number) => `01937b2c-0000-7000-8000-00000000c${String(n).padStart(3, '0')}`;
const eid = (n: number) => `01937b2c-0000-7000-8000-00000000e${String(n).padStart(3, '0')}`;

const certificate = (n: number, no: string, programId: string, issuedOn: string, extra: Partial<Certificate> = {}): Certificate => ({
  id: cid(n),
  certificateNo: no,
  programId: pid(programId),
  issuedOn,
  validUntil: '2030-11-01',
  status: 'valid',
  ...base,
  ...extra,
});
const event = (n: number, certificate: number, kind: CertificateEvent['kind'], on: string, extra: Partial<CertificateEvent> = {}): CertificateEvent => ({
  id: eid(n),
  certificateId: cid(certificate),
  kind,
  on,
  role: 'clerk',
  ...base,
  ...extra,
});

const certificates: Certificate[] = [
  // Issued before events were kept: counted by the kind of application that issued it.
  certificate(1, 'XJPM-2026-000001', 'xj-isi-pm', '2026-11-02', { applicationKind: 'new' }),
  certificate(2, 'XJPM-2026-000002', 'xj-isi-pm', '2026-11-03', { applicationKind: 'renewal', validUntil: '2031-03-31' }),
  // A lost certificate and its reissue.
  certificate(3, 'XJPM-2023-000017', 'xj-isi-pm', '2023-04-01', { status: 'void', validUntil: '2027-03-31' }),
  certificate(4, 'XJPM-2026-000004', 'xj-isi-pm', '2026-11-10', { applicationKind: 'reissue', replaces: cid(3), validUntil: '2027-03-31' }),
  // A P5 re-registration, a P6 exchange after a merger, a P5 cancellation and a P6 revocation.
  certificate(5, 'RK-2026-000005', 'rk-registration', '2026-11-12', { applicationKind: 'renewal' }),
  certificate(6, 'IETS-2026-000006', 'iets', '2026-11-15', { applicationKind: 'major-change' }),
  certificate(7, 'RK-2024-000007', 'rk-registration', '2024-03-01', { status: 'cancelled' }),
  certificate(8, 'IETS-2025-000008', 'iets', '2025-06-01', { status: 'revoked' }),
];
const events: CertificateEvent[] = [
  event(1, 4, 'reissued', '2026-11-10', { otherCertificateId: cid(3), validUntil: '2027-03-31' }),
  event(2, 3, 'voided', '2026-11-10', { otherCertificateId: cid(4) }),
  event(3, 5, 'renewed', '2026-11-12', { validUntil: '2029-11-11' }),
  event(4, 6, 'exchanged', '2026-11-15', { otherCertificateId: cid(8) }),
  event(5, 2, 'changed', '2026-11-18', { reason: '名称（姓名）：王建国' }),
  event(6, 7, 'cancelled', '2026-11-20', { ground: 'off-post' }),
  event(7, 7, 'notice', '2026-11-21'),
  event(8, 8, 'revoked', '2026-11-25', { ground: 'annual-review', outcome: 'revoke' }),
  event(9, 5, 'reprinted', '2026-11-26', { reason: '打印时卡纸' }),
  event(10, 8, 'suspended', '2026-11-05', { ground: 'non-cooperation', outcome: 'suspend', deleted: true }),
];

const names: RegisterNames = {
  holderName: (c) => `持证人${c.certificateNo.slice(-1)}`,
  programName: (id) => getPack(id)?.names.zh ?? id,
  clerkName: (id) => (id === 'u-zhou' ? '周晓燕' : undefined),
  packOf: getPack,
};

describe('证书登记簿', () => {
  const entries = registerEntries(certificates, events, names);
  const inNovember = entries.filter((e) => e.date >= '2026-11-01' && e.date <= '2026-11-30');

  it('lists each thing that happened once, as its own kind', () => {
    expect(inNovember.map((e) => [e.date, e.kind, e.certificateNo])).toEqual([
      ['2026-11-02', 'issued', 'XJPM-2026-000001'],
      ['2026-11-03', 'renewed', 'XJPM-2026-000002'],
      ['2026-11-10', 'reissued', 'XJPM-2026-000004'],
      ['2026-11-12', 'renewed', 'RK-2026-000005'],
      ['2026-11-15', 'changed', 'IETS-2026-000006'],
      ['2026-11-18', 'changed', 'XJPM-2026-000002'],
      ['2026-11-20', 'cancelled', 'RK-2024-000007'],
      ['2026-11-25', 'revoked', 'IETS-2025-000008'],
    ]);
  });

  it('says why: the voided number of a reissue, the ground of a cancellation', () => {
    expect(inNovember.find((e) => e.kind === 'reissued')).toMatchObject({ reason: '原证书XJPM-2023-000017作废', validUntil: '2027-03-31', clerk: '周晓燕' });
    expect(inNovember.find((e) => e.kind === 'cancelled')?.reason).toBe('脱离专业技术岗位连续二年以上');
    expect(inNovember.find((e) => e.kind === 'revoked')?.reason).toBe('未进行年度审查或年度审查不合格');
  });

  it('the statistics count 发证 / 延续 / 补发 / 变更 / 注销 / 撤销 apart', async () => {
    const bytes = expectOk(await buildCertificateRegisterXlsx({ office: '新疆软件行业协会', from: '2026-11-01', to: '2026-11-30', events: entries }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('统计');
    const counts: Record<string, string> = {};
    for (let r = 4; r <= (sheet?.rowCount ?? 0); r++) counts[String(sheet?.getCell(r, 1).value)] = String(sheet?.getCell(r, 2).value);
    expect(counts).toEqual({ 发证: '1', 延续: '2', 补发: '1', 变更: '2', 延期: '0', 暂停: '0', 撤销: '1', 注销: '1', 合计: '8' });
  });
});

describe('补打: reprints carry a reason', () => {
  it('recorded with its reason and counted on every desk', () => {
    expect(expectOk(planReprint(certificates[4]!, { on: '2026-11-26', role: 'clerk', reason: ' 打印时卡纸 ' }))).toEqual({
      certificateId: cid(5),
      kind: 'reprinted',
      on: '2026-11-26',
      role: 'clerk',
      reason: '打印时卡纸',
    });
    expect(reprintCount(events.filter((e) => e.certificateId === cid(5)))).toBe(1);
  });

  it('refused without a reason, and for a void or cancelled certificate', () => {
    expect(expectFail(planReprint(certificates[4]!, { on: '2026-11-26', role: 'clerk', reason: '' }), 'reprint.reason')).toBe('补打证书RK-2026-000005须写明原因。');
    expect(expectFail(planReprint(certificates[2]!, { on: '2026-11-26', role: 'clerk', reason: '持证人要求' }), 'reprint.ended')).toBe('证书XJPM-2023-000017已作废，不能补打。');
    expectFail(planReprint(certificates[6]!, { on: '2026-11-26', role: 'clerk', reason: '持证人要求' }), 'reprint.ended');
  });
});
