/**
 * The certificate page's writes on the desk database (fake-indexeddb): the notice of a
 * cancellation starts 003 十一's 30-day appeal window; an appeal inside it is recorded, one day
 * late is refused with the reason and nothing written; an upheld appeal restores the
 * certificate; a reprint needs its reason and is refused for a void certificate. And the page's
 * read: status by date, history, the actions offered with their reasons.
 */
import '../intake/env';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, repositories } from '../../../renderer/src/db';
import { decideAppeal, lodgeAppeal, recordNotice, recordReprints } from '../../../renderer/src/features/certificates/commands';
import { loadCertificateFile, loadReminders } from '../../../renderer/src/features/certificates/queries';
import { writeContext } from '../../../renderer/src/session';
import type { Certificate } from '../../../shared/model/records';
import { emptyDatabase, signIn } from '../intake/file-fixtures';

beforeEach(async () => {
  signIn();
  await emptyDatabase();
});

async function certificate(fields: Partial<Certificate> = {}): Promise<Certificate> {
  const ctx = await writeContext();
  const person = await repositories.people.create({ name: '周强', idNumber: '650102198503150058' }, ctx);
  return repositories.certificates.create(
    { certificateNo: 'RK-2024-000002', programId: 'rk-registration', holderPersonId: person.id, issuedOn: '2024-05-06', validUntil: '2027-05-05', status: 'valid', ...fields },
    ctx,
  );
}

async function cancelled(): Promise<Certificate> {
  const c = await certificate({ status: 'cancelled' });
  await repositories.certificateEvents.create({ certificateId: c.id, kind: 'cancelled', on: '2026-03-01', role: 'admin', ground: 'off-post' }, await writeContext());
  return c;
}

describe('003 十一: notice and appeal', () => {
  it('the notice starts the 30 days (the day of the notice not counted); the last day is open, the next refused', async () => {
    const c = await cancelled();
    await recordNotice(c.id, { on: '2026-03-01' });
    const file = await loadCertificateFile(c.id, '2026-03-31');
    expect([file?.appeal?.state, file?.appeal?.deadline, file?.appeal?.daysLeft]).toEqual(['open', '2026-03-31', 0]);
    await expect(lodgeAppeal(c.id, { on: '2026-04-01', reason: '本人仍在岗' })).rejects.toThrow('复议期限已于2026年03月31日届满');
    expect(await db.certificateEvents.where('kind').equals('appeal-lodged').count()).toBe(0);
    await lodgeAppeal(c.id, { on: '2026-03-31', reason: '本人2024年起仍在专业技术岗位' });
    expect((await loadCertificateFile(c.id, '2026-04-02'))?.appeal?.state).toBe('lodged');
  });

  it('a second notice for the same decision is refused; an upheld appeal restores the certificate', async () => {
    const c = await cancelled();
    await recordNotice(c.id, { on: '2026-03-02' });
    await expect(recordNotice(c.id, { on: '2026-03-03' })).rejects.toThrow('该决定已登记过公布（通知）日期。');
    await lodgeAppeal(c.id, { on: '2026-03-10', reason: '仍在岗' });
    await decideAppeal(c.id, { on: '2026-03-20', outcome: 'upheld', reason: '单位证明属实' });
    expect((await db.certificates.get(c.id))?.status).toBe('valid');
    const file = await loadCertificateFile(c.id, '2026-03-21');
    expect(file?.status.code).toBe('valid');
    expect(file?.history.map((h) => h.kind)).toEqual(['cancelled', 'notice', 'appeal-lodged', 'appeal-decided', 'reinstated']);
  });
});

describe('reprints (补打)', () => {
  it('need a reason; a void certificate cannot be reprinted; each is recorded', async () => {
    const c = await certificate();
    await expect(recordReprints([c.id], { on: '2026-12-07', reason: '  ' })).rejects.toThrow('补打证书RK-2024-000002须写明原因。');
    await recordReprints([c.id], { on: '2026-12-07', reason: '打印卡纸' });
    expect((await loadCertificateFile(c.id, '2026-12-07'))?.reprints).toBe(1);
    const lost = await certificate({ certificateNo: 'RK-2024-000003', status: 'void' });
    await expect(recordReprints([lost.id], { on: '2026-12-07', reason: '再打一份' })).rejects.toThrow('证书RK-2024-000003已作废，不能补打。');
  });
});

describe('the certificate page and the reminders', () => {
  it('003 三: three months before expiry the status is the window, and the actions say why not when not', async () => {
    const c = await certificate();
    const before = await loadCertificateFile(c.id, '2027-02-04');
    expect(before?.status).toMatchObject({ code: 'valid', window: { from: '2027-02-05', to: '2027-05-05' } });
    expect(before?.actions.find((a) => a.kind === 'renewal')).toMatchObject({ allowed: false, reason: '登记办理期（有效期满前三个月内）自2027年02月05日开始。' });
    const inside = await loadCertificateFile(c.id, '2027-02-05');
    expect(inside?.status.code).toBe('renewal-window');
    expect(inside?.actions.find((a) => a.kind === 'renewal')?.allowed).toBe(true);
    // 003 三: not registered by the expiry day, the certificate is no longer valid (失效).
    expect((await loadCertificateFile(c.id, '2027-05-06'))?.status.code).toBe('lapsed');
  });

  it('the reminders list the window opening within the horizons, with the holder', async () => {
    await certificate();
    const r = await loadReminders('2027-01-06');
    expect(r.counts).toEqual({ 30: 1, 90: 1, 180: 1 });
    expect(r.upcoming.map((x) => [x.certificate.certificateNo, x.holderName, x.holderId, x.windowOpensOn, x.daysUntilOpen])).toEqual([
      ['RK-2024-000002', '周强', '650102198503150058', '2027-02-05', 30],
    ]);
    expect((await loadReminders('2027-02-05')).inWindow.map((x) => x.certificate.certificateNo)).toEqual(['RK-2024-000002']);
  });
});
