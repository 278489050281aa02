/**
 * Statuses follow the date (shared/lifecycle/status.ts): valid → renewal window → expired or
 * lapsed, each edge on both sides (the first and last day inclusive, one day late, month ends,
 * 29 February), stored decisions first; and the reminder dashboard's 30 / 90 / 180 days.
 */
import { describe, expect, it } from 'vitest';
import {
  certificateHistory,
  certificateStatus,
  lifecycleRulesOf,
  PLAIN_RULES,
  renewalDashboard,
  statusFactsOf,
  type StatusCertificate,
} from '../../../shared/lifecycle';
import type { CertificateEvent } from '../../../shared/model/records';
import { packOf } from '../programs/pack-of';
import { expectOk } from './expect-result';

const rules = (id: string) => lifecycleRulesOf(packOf(id));
const P1 = rules('xj-isi-pm');
const P5 = rules('rk-registration');
const P6 = rules('iets');

const cert = (validUntil: string, extra: Partial<StatusCertificate> = {}): StatusCertificate => ({ status: 'valid', issuedOn: '2023-04-01', validUntil, ...extra });

describe('the packs give the status its rules', () => {
  it('000 第十五条 6 months, expired; 003 三 3 months, lapsed; 004 第十六、十七条 3 months, lapsed unless re-evaluation was filed', () => {
    expect(P1).toEqual({ windowMonths: 6, afterExpiry: 'expired', unlessRenewalFiled: false });
    expect(P5).toEqual({ windowMonths: 3, afterExpiry: 'lapsed', unlessRenewalFiled: false });
    expect(P6).toEqual({ windowMonths: 3, afterExpiry: 'lapsed', unlessRenewalFiled: true });
    expect(rules('xj-si-annual')).toEqual(PLAIN_RULES);
  });
});

describe('statuses follow the date', () => {
  it.each<[string, string, string, typeof P1, string]>([
    // [rule, expiry, today, rules, status]
    ['000 第十五条: the day before the window opens', '2027-03-31', '2026-09-29', P1, 'valid'],
    ['000 第十五条: the window opens 6 months before (31 March → 30 September, month end)', '2027-03-31', '2026-09-30', P1, 'renewal-window'],
    ['000 第十五条: the expiry day is still in the window (last day inclusive)', '2027-03-31', '2027-03-31', P1, 'renewal-window'],
    ['000 第十五条: one day late it has expired', '2027-03-31', '2027-04-01', P1, 'expired'],
    ['000 第十五条: expiry 31 August → window from 28 February', '2026-08-31', '2026-02-28', P1, 'renewal-window'],
    ['000 第十五条: … and not on 27 February', '2026-08-31', '2026-02-27', P1, 'valid'],
    ['000 第十五条: expiry 31 August 2028 → window from 29 February', '2028-08-31', '2028-02-29', P1, 'renewal-window'],
    ['000 第十五条: … and not on 28 February 2028', '2028-08-31', '2028-02-28', P1, 'valid'],
    ['003 三: 3 months before 28 February → from 28 November', '2027-02-28', '2026-11-28', P5, 'renewal-window'],
    ['003 三: … and not on 27 November', '2027-02-28', '2026-11-27', P5, 'valid'],
    ['003 三: 逾期未办理登记手续的证书不再有效 (one day late)', '2027-02-28', '2027-03-01', P5, 'lapsed'],
    ['003 三: a certificate ending on 29 February is valid that day', '2028-02-29', '2028-02-29', P5, 'renewal-window'],
    ['003 三: … and lapsed on 1 March', '2028-02-29', '2028-03-01', P5, 'lapsed'],
    ['004 第十七条: no re-evaluation filed → 到期自动失效', '2027-01-31', '2027-02-01', P6, 'lapsed'],
  ])('%s', (_rule, expiry, today, r, code) => {
    expect(certificateStatus(cert(expiry), today, r).code).toBe(code);
  });

  it('000 第十五条: the window is reported with the status', () => {
    expect(certificateStatus(cert('2027-03-31'), '2026-12-06', P1)).toEqual({ code: 'renewal-window', expiry: '2027-03-31', window: { from: '2026-09-30', to: '2027-03-31' } });
  });

  it('004 第十七条: re-evaluation filed by the expiry day → expired, awaiting the result; filed a day late → lapsed', () => {
    expect(certificateStatus(cert('2027-01-31'), '2027-02-01', P6, { renewalFiledOn: '2027-01-31' }).code).toBe('expired');
    expect(certificateStatus(cert('2027-01-31'), '2027-02-01', P6, { renewalFiledOn: '2027-02-01' }).code).toBe('lapsed');
  });

  it('P3 has no renewal window: valid to the last day, expired the next', () => {
    expect(certificateStatus(cert('2027-04-30'), '2027-04-30', PLAIN_RULES)).toEqual({ code: 'valid', expiry: '2027-04-30' });
    expect(certificateStatus(cert('2027-04-30'), '2027-05-01', PLAIN_RULES).code).toBe('expired');
  });

  it.each<[string, Partial<StatusCertificate>, string]>([
    ['000 第十八条: a reissued number is void, whatever the date', { status: 'void' }, 'void'],
    ['003 十: cancelled', { status: 'cancelled' }, 'cancelled'],
    ['004 第十九条: revoked', { status: 'revoked' }, 'revoked'],
    ['004 第十九条: suspended', { status: 'suspended' }, 'suspended'],
    ['000 第十五条一: renewed: the old one is superseded by its successor', { replacedBy: '01937b2c-0000-7000-8000-00000000c009' }, 'superseded'],
    ['000 第十五条一: a renewal issued before the old one ends is not yet valid', { validFrom: '2027-04-01' }, 'not-yet-valid'],
    ['a record stored as expired stays expired', { status: 'expired' }, 'expired'],
  ])('%s', (_rule, extra, code) => {
    expect(certificateStatus(cert('2027-03-31', extra), '2026-12-06', P1).code).toBe(code);
  });

  it('003 八: deferred while the deferral\'s date is the certificate\'s; the window then runs before the new date', () => {
    const events: Pick<CertificateEvent, 'id' | 'kind' | 'on' | 'validUntil'>[] = [
      { id: '01937b2c-0000-7000-8000-00000000e001', kind: 'issued', on: '2024-02-28' },
      { id: '01937b2c-0000-7000-8000-00000000e002', kind: 'deferred', on: '2027-01-10', validUntil: '2027-12-31' },
    ];
    const facts = statusFactsOf(events);
    expect(facts).toEqual({ deferredUntil: '2027-12-31' });
    expect(certificateStatus(cert('2027-12-31'), '2027-03-01', P5, facts)).toEqual({ code: 'deferred', expiry: '2027-12-31', window: { from: '2027-09-30', to: '2027-12-31' } });
    expect(certificateStatus(cert('2027-12-31'), '2028-01-01', P5, facts).code).toBe('lapsed');
  });

  it('the history shows what the date decided: lapsed the day after the last valid day', () => {
    const issued = { id: '01937b2c-0000-7000-8000-00000000e001', kind: 'issued', on: '2024-02-28', certificateId: '01937b2c-0000-7000-8000-00000000c001', role: 'clerk' } as const;
    const base = { createdAt: '2024-02-28T02:00:00.000Z', createdBy: 'u', updatedAt: '2024-02-28T02:00:00.000Z', updatedBy: 'u' };
    const history = certificateHistory([{ ...issued, ...base }], certificateStatus(cert('2027-02-28'), '2027-06-01', P5));
    expect(history.map((h) => [h.kind, h.on])).toEqual([
      ['issued', '2024-02-28'],
      ['lapsed', '2027-03-01'],
    ]);
  });
});

describe('the reminder dashboard: entering the window in the next 30 / 90 / 180 days', () => {
  // Today Monday 2026-11-23. P1's window opens 6 months before expiry.
  const today = '2026-11-23';
  const p1 = (n: number, validUntil: string, extra: Partial<StatusCertificate> = {}) => ({ programId: 'xj-isi-pm', certificateNo: `XJPM-2023-${n}`, ...cert(validUntil, extra) });
  const certificates = [
    p1(1, '2027-05-24'), // opens 2026-11-24: tomorrow
    p1(2, '2027-06-23'), // opens 2026-12-23: day 30, inside the 30 days
    p1(3, '2027-06-24'), // opens 2026-12-24: day 31, only in 90
    p1(4, '2027-08-21'), // opens 2027-02-21: day 90
    p1(5, '2027-11-21'), // opens 2027-05-21: day 179
    p1(6, '2027-11-22'), // opens 2027-05-22: day 180, the last day of the horizon
    p1(7, '2027-11-23'), // opens 2027-05-23: day 181, outside
    p1(8, '2027-05-23'), // opens 2026-11-23: today — already in its window
    p1(9, '2027-06-01', { status: 'void' }), // a void number is not reminded
    p1(10, '2027-06-01', { replacedBy: '01937b2c-0000-7000-8000-00000000c009' }), // renewed already
    { programId: 'xj-si-annual', certificateNo: 'XJSI-2026-1', ...cert('2027-01-31') }, // P3 renews nothing
  ];

  it('counts each horizon, both ends included, soonest first', () => {
    const board = expectOk(renewalDashboard(certificates, today, (id) => rules(id)));
    expect(board.upcoming.map((r) => [r.certificate.certificateNo, r.windowOpensOn, r.daysUntilOpen])).toEqual([
      ['XJPM-2023-1', '2026-11-24', 1],
      ['XJPM-2023-2', '2026-12-23', 30],
      ['XJPM-2023-3', '2026-12-24', 31],
      ['XJPM-2023-4', '2027-02-21', 90],
      ['XJPM-2023-5', '2027-05-21', 179],
      ['XJPM-2023-6', '2027-05-22', 180],
    ]);
    expect(board.counts).toEqual({ 30: 2, 90: 4, 180: 6 });
    expect(board.inWindow.map((c) => c.certificateNo)).toEqual(['XJPM-2023-8']);
  });
});
