/**
 * The lifecycle decisions written through the desk's repositories (fake-indexeddb): issuing a
 * reissue voids the lost number in the same transaction, a renewal runs on from the old expiry,
 * no number is taken for a page that cannot be printed, a change updates the holder when it is
 * approved, a deferral moves the expiry, and intake refuses an applicant barred for fraud.
 */
import '../intake/env';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, repositories } from '../../../renderer/src/db';
import { issueCertificate } from '../../../renderer/src/features/certificates/issue';
import { createApplication } from '../../../renderer/src/features/applications/create';
import { fireTransition } from '../../../renderer/src/features/workflow/fire';
import { startFromCertificate } from '../../../renderer/src/features/certificates/lifecycle';
import { appealWindow } from '../../../shared/lifecycle';
import { getPack } from '../../../shared/programs';
import { writeContext } from '../../../renderer/src/session';
import { certificateTemplate } from '../../../shared/documents';
import type { Application, Certificate } from '../../../shared/model/records';
import type { ApplicationKindId } from '../../../shared/programs/ids';
import { emptyDatabase, signIn } from '../intake/file-fixtures';

beforeEach(async () => {
  signIn();
  await emptyDatabase();
});

const template = (id: string) => {
  const t = certificateTemplate(id);
  if (!t) throw new Error(id);
  return t;
};

async function holderWithCertificate(programId: string, certificate: Partial<Certificate>): Promise<{ personId: string; certificate: Certificate }> {
  const ctx = await writeContext();
  const person = await repositories.people.create({ name: '王建国', idNumber: '110105194910010015' }, ctx);
  const made = await repositories.certificates.create(
    { certificateNo: 'XJPM-2023-000017', programId, holderPersonId: person.id, issuedOn: '2023-04-01', validUntil: '2027-03-31', status: 'valid', ...certificate },
    ctx,
  );
  return { personId: person.id, certificate: made };
}

async function application(programId: string, kind: ApplicationKindId, personId: string, certificate: Certificate, fields: Record<string, unknown>, status: string): Promise<Application> {
  return repositories.applications.create(
    {
      programId,
      kind,
      applicationNo: `${programId}-${kind}-0001`,
      personId,
      status,
      channel: 'counter',
      receivedDate: '2026-11-20',
      fields,
      certificateId: certificate.id,
      previousCertificate: { certificateNo: certificate.certificateNo, issuedOn: certificate.issuedOn, validUntil: certificate.validUntil! },
    },
    await writeContext(),
  );
}

describe('issuing through the desk', () => {
  it('000 第十八条: the reissue keeps the validity, and the lost number is void at once', async () => {
    const { personId, certificate } = await holderWithCertificate('xj-isi-pm', {});
    const app = await application('xj-isi-pm', 'reissue', personId, certificate, { reissueReason: '遗失' }, 'issue');
    const made = await issueCertificate(app, template('xj-isi-pm-certificate'), { issuedOn: '2026-12-06', deviceId: 'desk-a', ctx: await writeContext() });
    if (!made.ok) throw new Error(made.error.message);
    expect(made.value).toMatchObject({ certificateNo: 'XJPM-2026-000001', validFrom: '2023-04-01', validUntil: '2027-03-31', replaces: certificate.id, applicationKind: 'reissue' });
    expect(await db.certificates.get(certificate.id)).toMatchObject({ status: 'void', replacedBy: made.value.id });
    const events = await db.certificateEvents.orderBy('id').toArray();
    expect(events.map((e) => [e.kind, e.certificateId])).toEqual([
      ['reissued', made.value.id],
      ['voided', certificate.id],
    ]);
    // Synced like every record: the server's /verify reads the void status from it.
    const ops = await db.outbox.toArray();
    expect(ops.filter((op) => op.table === 'certificateEvents')).toHaveLength(2);
    expect(ops.some((op) => op.table === 'certificates' && op.recordId === certificate.id && (op.fields as Record<string, unknown>).status === 'void')).toBe(true);
  });

  it('000 第十五条一: the renewal runs on from the old expiry; the old one stays valid to its end', async () => {
    const { personId, certificate } = await holderWithCertificate('xj-isi-pm', {});
    const app = await application('xj-isi-pm', 'renewal', personId, certificate, {}, 'issue');
    const made = await issueCertificate(app, template('xj-isi-pm-certificate'), { issuedOn: '2026-12-06', deviceId: 'desk-a', ctx: await writeContext() });
    if (!made.ok) throw new Error(made.error.message);
    expect([made.value.issuedOn, made.value.validFrom, made.value.validUntil]).toEqual(['2026-12-06', '2027-04-01', '2031-03-31']);
    expect(await db.certificates.get(certificate.id)).toMatchObject({ status: 'valid', replacedBy: made.value.id });
  });

  it('003 附件: no number is taken for a registration page that cannot be printed', async () => {
    const ctx = await writeContext();
    const person = await repositories.people.create({ name: '李明', idNumber: '310104198603120047' }, ctx);
    const app = await repositories.applications.create({ programId: 'rk-registration', kind: 'new', applicationNo: 'P5-2026-0001', personId: person.id, status: 'registered', channel: 'counter', receivedDate: '2026-11-20', fields: { certificateNo: '04010011230000123' } }, ctx);
    const settingsBefore = await db.settings.toArray();
    const refused = await issueCertificate(app, template('rk-registration-page'), { issuedOn: '2026-12-06', deviceId: 'desk-a', ctx });
    expect(refused).toEqual({ ok: false, error: { code: 'certificate.not-printable', message: '证书无法打印，缺少专业类别、资格名称、照片（003 附件），请先在申请表中补全，再发证。' } });
    expect(await db.certificates.count()).toBe(0);
    expect(await db.settings.toArray()).toEqual(settingsBefore);
  });
});

describe('a decision acts on its certificate', () => {
  it('000 第十七条: an approved change updates the holder\'s record and the certificate\'s history', async () => {
    const { personId, certificate } = await holderWithCertificate('xj-isi-pm', {});
    const app = await application('xj-isi-pm', 'change', personId, certificate, { newName: '王建华', changeDetails: '姓名变更' }, 'under-review');
    await fireTransition(app.id, 'approve', { opinion: '材料属实', decision: '准予变更' }, { role: 'reviewer', today: '2026-11-23' });
    expect((await db.people.get(personId))?.name).toBe('王建华');
    expect(await db.certificateEvents.toArray()).toMatchObject([{ kind: 'changed', certificateId: certificate.id, on: '2026-11-23', applicationId: app.id }]);
  });

  it('003 八: an approved deferral moves the expiry; one over a year is refused and nothing is written', async () => {
    const { personId, certificate } = await holderWithCertificate('rk-registration', { certificateNo: 'RK-2024-000001', validUntil: '2027-02-28' });
    const fields = { name: '王建国', idNumber: '110105194910010015', certificateNo: '04010011230000123', certificateExpiresOn: '2027-02-28', deferralReason: 'sick-leave' };
    const over = await application('rk-registration', 'deferral', personId, certificate, { ...fields, deferralUntil: '2028-04-15' }, 'under-review');
    await expect(fireTransition(over.id, 'approve', { opinion: '病假证明属实', decision: '准予延期' }, { role: 'reviewer', today: '2027-01-20' })).rejects.toThrow(
      '最多可延期至2028年02月29日',
    );
    expect((await db.applications.get(over.id))?.status).toBe('under-review');
    expect(await db.certificateEvents.count()).toBe(0);

    const ok = await repositories.applications.update(over.id, { fields: { ...fields, deferralUntil: '2027-12-31' } }, await writeContext());
    await fireTransition(ok.id, 'approve', { opinion: '病假证明属实', decision: '准予延期' }, { role: 'reviewer', today: '2027-01-20' });
    expect((await db.certificates.get(certificate.id))?.validUntil).toBe('2027-12-31');
    expect(await db.certificateEvents.toArray()).toMatchObject([{ kind: 'deferred', ground: 'sick-leave', validUntilBefore: '2027-02-28', validUntil: '2027-12-31' }]);
  });
});

describe('002 五: intake refuses an applicant barred for fraud', () => {
  it('a new P4 application by the same 身份证号 within the three years is refused', async () => {
    const ctx = await writeContext();
    const person = await repositories.people.create({ name: '赵某', idNumber: '330106198001010011' }, ctx);
    const earlier = await repositories.applications.create({ programId: 'zj-it-senior', kind: 'new', applicationNo: 'P4-2025-0001', personId: person.id, status: 'withdrawn-fraud', channel: 'unit', receivedDate: '2025-09-01', fields: {} }, ctx);
    await repositories.workflowEvents.create({ applicationId: earlier.id, transitionId: 'fraud', from: 'panel', to: 'withdrawn-fraud', on: '2025-11-20', role: 'admin', reason: '论文抄袭' }, ctx);
    // Another desk registered the same person again.
    const again = await repositories.people.create({ name: '赵某', idNumber: '330106198001010011' }, ctx);
    const input = { programId: 'zj-it-senior', kind: 'new', personId: again.id, channel: 'unit', receivedDate: '2026-09-01', fields: {} } as const;
    const deps = { db, applications: repositories.applications, context: () => writeContext(), today: () => '2026-09-02' };
    await expect(createApplication(input, deps)).rejects.toThrow('身份证号330106198001010011的申报人于2025年11月20日被认定在申报中弄虚作假，自2026年01月01日起至2028年12月31日止不得申报（002 五）。');
    expect(await db.applications.count()).toBe(1);
  });
});

describe('an application started from a certificate on the desk', () => {
  const today = () => '2026-11-23';

  it('000 第十五条一: a renewal comes filled in and linked to the certificate', async () => {
    const { personId, certificate } = await holderWithCertificate('xj-isi-pm', {});
    const app = await startFromCertificate({ certificateId: certificate.id, programId: 'xj-isi-pm', kind: 'renewal', channel: 'individual', receivedDate: '2026-11-23' }, { db, today });
    expect(app).toMatchObject({
      programId: 'xj-isi-pm',
      kind: 'renewal',
      status: 'received',
      personId,
      certificateId: certificate.id,
      previousCertificate: { certificateNo: 'XJPM-2023-000017', issuedOn: '2023-04-01', validUntil: '2027-03-31' },
      fields: { name: '王建国', idNumber: '110105194910010015', certificateNo: 'XJPM-2023-000017', certificateExpiresOn: '2027-03-31' },
    });
  });

  it('000 第十五条二: the P1 holder applies for P2 from the same row', async () => {
    const { certificate } = await holderWithCertificate('xj-isi-pm', {});
    const app = await startFromCertificate({ certificateId: certificate.id, programId: 'xj-isi-spm', kind: 'upgrade', channel: 'individual', receivedDate: '2026-11-23' }, { db, today });
    expect(app.fields).toMatchObject({ heldPmCertificateNo: 'XJPM-2023-000017', heldPmCertificateExpiresOn: '2027-03-31' });
  });

  it('003 十、十一: the office starts 注销; cancelled with its ground, the certificate answers 已注销 and the appeal window runs from the notice', async () => {
    const { certificate } = await holderWithCertificate('rk-registration', { certificateNo: 'RK-2024-000001', validUntil: '2027-02-28' });
    const app = await startFromCertificate(
      {
        certificateId: certificate.id,
        programId: 'rk-registration',
        kind: 'cancellation',
        channel: 'counter',
        receivedDate: '2026-11-23',
        fields: { cancellationGround: 'off-post', cancellationEvidence: '单位证明：2023年起从事行政工作', cancellationPublishedOn: '2026-12-01' },
      },
      { db, today },
    );
    expect([app.status, app.certificateId]).toEqual(['proposed', certificate.id]);
    await fireTransition(app.id, 'cancel', { reason: '脱离专业技术岗位连续二年以上', decision: '注销登记' }, { role: 'admin', today: '2026-11-25' });
    expect((await db.certificates.get(certificate.id))?.status).toBe('cancelled');
    const events = await db.certificateEvents.orderBy('id').toArray();
    expect(events.map((e) => [e.kind, e.on])).toEqual([
      ['cancelled', '2026-11-25'],
      ['notice', '2026-12-01'],
    ]);
    const window = appealWindow(getPack('rk-registration')!, events, '2026-12-31');
    expect(window.ok && [window.value?.state, window.value?.deadline, window.value?.daysLeft]).toEqual(['open', '2026-12-31', 0]);
  });
});
