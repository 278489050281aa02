import './env';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, repositories } from '../../../renderer/src/db';
import { ValidationError } from '../../../renderer/src/db/errors';
import {
  actsOnCertificate,
  applicantKinds,
  createApplication,
  fieldsWithSheetTotal,
  initialStateOf,
  prepareApplication,
  selfScoreIsDerived,
  updateApplicationDetails,
  updateApplicationFields,
  type CreateDeps,
  type NewApplicationInput,
} from '../../../renderer/src/features/applications/create';
import { writeContext } from '../../../renderer/src/session';
import { useSession } from '../../../renderer/src/stores/session';
import { getPack } from '../../../shared/programs';

const TODAY = '2026-11-22';
const deps: CreateDeps = { db, applications: repositories.applications, context: () => writeContext(), today: () => TODAY };
let personId = '';

beforeEach(async () => {
  useSession.getState().signIn({ id: 'clerk-1', username: 'li', displayName: '李办事员', role: 'clerk' });
  if (!db.isOpen()) await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
  await db.settings.put({ key: 'deviceId', value: '0190a1b2-c3d4-7e5f-8a9b-00000000beef' });
  personId = (await repositories.people.create({ name: '王小明', idNumber: '110105194910010015' }, await writeContext())).id;
});

const p5 = (over: Partial<NewApplicationInput> = {}): NewApplicationInput => ({
  programId: 'rk-registration',
  kind: 'new',
  channel: 'counter',
  receivedDate: '20261120',
  personId,
  fields: {
    name: '王小明',
    idNumber: '110105194910010015',
    certificateNo: 'RK-2026-001',
    obtainedOn: '2026-05-20',
    certificateExpiresOn: '2029-05-19',
    phone: '13912345678',
  },
  ...over,
});

/** The ValidationError a refused write throws (fails the test when it does not throw one). */
async function refused(write: Promise<unknown>): Promise<ValidationError> {
  const error = await write.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

async function counts() {
  return { applications: await db.applications.count(), outbox: await db.outbox.count(), audit: await db.auditLog.count() };
}

describe('what the pack says about kinds', () => {
  it('offers only applicant-initiated kinds; the initial state comes from the workflow', () => {
    const p5pack = getPack('rk-registration')!;
    expect(applicantKinds(p5pack).map((k) => k.id)).toEqual(['new', 'renewal', 'deferral', 'education-deferral']);
    expect(initialStateOf(p5pack, 'new')).toBe('received');
    expect(initialStateOf(p5pack, 'cancellation')).toBe('proposed');
    // P5 new has the registration window (3 months before expiry): it acts on a certificate.
    expect(actsOnCertificate(p5pack, 'new')).toBe(true);
    expect(actsOnCertificate(getPack('zj-it-senior')!, 'new')).toBe(false);
    expect(actsOnCertificate(getPack('xj-isi-pm')!, 'renewal')).toBe(true);
  });
});

describe('createApplication', () => {
  it('numbers it per program, year and desk, in the initial state, with channel, date and the certificate from the form', async () => {
    const app = await createApplication(p5(), deps);
    expect(app.applicationNo).toBe('P5-2026-BEEF-0001');
    expect(app.status).toBe('received');
    expect(app.channel).toBe('counter');
    expect(app.receivedDate).toBe('2026-11-20');
    expect(app.personId).toBe(personId);
    expect(app.fields['name']).toBe('王小明');
    // 证书编号, 取得时间, 有效期至 typed once on the form serve as the previous certificate.
    expect(app.previousCertificate).toEqual({ certificateNo: 'RK-2026-001', issuedOn: '2026-05-20', validUntil: '2029-05-19' });
    const second = await createApplication(p5({ kind: 'renewal' }), deps);
    expect(second.applicationNo).toBe('P5-2026-BEEF-0002');
    const p4 = await createApplication(
      { programId: 'zj-it-senior', kind: 'new', channel: 'unit', receivedDate: '2026年11月21日', personId, fields: { unitNature: '社会公益类事业' } },
      deps,
    );
    expect(p4.applicationNo).toBe('P4-2026-BEEF-0001');
    const numbers = (await db.applications.toArray()).map((a) => a.applicationNo);
    expect(new Set(numbers).size).toBe(3);
    // One put operation and one audit entry per application (plus the person).
    expect(await counts()).toEqual({ applications: 3, outbox: 4, audit: 4 });
  });

  it('registers blank required fields (the paper may be incomplete) and reports them', () => {
    const prepared = prepareApplication(p5({ fields: { name: '王小明' } }), TODAY);
    expect(prepared.fieldErrors.some((e) => e.code === 'field.required' && e.field === 'idNumber')).toBe(true);
    expect(prepared.record.fields).toEqual({ name: '王小明' });
  });

  it('refuses invalid values with the engine message in Chinese and writes nothing (no number taken)', async () => {
    const before = await counts();
    const error = await createApplication(p5({ fields: { name: '王小明', idNumber: '110105194910010016', obtainedOn: '2026-02-30' } }), deps).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    const messages = (error as ValidationError).issues.map((i) => i.message).join('\n');
    expect(messages).toContain('身份证号码');
    expect(messages).toContain('取得时间');
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['fields.idNumber', 'fields.obtainedOn']);
    expect(await counts()).toEqual(before);
    expect(await db.settings.get('applicationNo.rk-registration.2026')).toBeUndefined();
  });

  it('refuses an unknown option, a number out of range and a bad received date', async () => {
    const e1 = await refused(
      createApplication(
        { programId: 'zj-it-senior', kind: 'new', channel: 'unit', receivedDate: '2026-11-21', personId, fields: { unitNature: '外星单位', socialInsuranceYearsInZhejiang: 5 } },
        deps,
      ),
    );
    expect(e1.message).toContain('单位性质');
    expect(e1.message).toContain('不能大于 3');
    const e2 = await refused(createApplication(p5({ receivedDate: '2026-13-01' }), deps));
    expect(e2.message).toContain('收件日期');
    const e3 = await refused(createApplication(p5({ receivedDate: '2026-11-23' }), deps));
    expect(e3.message).toBe('收件日期不能晚于今天。');
    expect(await db.applications.count()).toBe(0);
  });

  it('refuses office-initiated kinds, a missing applicant and a bad channel', async () => {
    const e = await refused(createApplication(p5({ kind: 'cancellation', personId: undefined, channel: 'fax' }), deps));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.message).toContain('由协会发起');
    expect(e.message).toContain('请先选择或登记申请人');
    expect(e.message).toContain('提交方式');
    expect(await db.applications.count()).toBe(0);
  });

  it('refuses a previous certificate without its expiry, rather than losing it', async () => {
    const e = await refused(createApplication(
      p5({ kind: 'renewal', fields: { name: '王小明' }, previousCertificate: { certificateNo: 'RK-1' } }),
      deps,
    ));
    expect(e.message).toContain('有效期至');
    expect(await db.applications.count()).toBe(0);
  });

  it('P4: stores the 自评分表 (items, evidence, seniority route)', async () => {
    const app = await createApplication(
      {
        programId: 'zj-it-senior',
        kind: 'new',
        channel: 'unit',
        receivedDate: '2026-11-21',
        personId,
        fields: { unitNature: '社会公益类事业' },
        selfScore: {
          items: [
            { name: '学历', maxScore: '20', claimed: '18', hasEvidence: true },
            { name: '', maxScore: '', claimed: '' },
            { name: '论文', maxScore: 30, claimed: '30', hasEvidence: false },
          ],
        },
      },
      deps,
    );
    expect(app.selfScore).toEqual({
      items: [
        { id: 'item-1', name: '学历', maxScore: 20, claimed: 18, hasEvidence: true },
        { id: 'item-3', name: '论文', maxScore: 30, claimed: 30, hasEvidence: false },
      ],
    });
    const bad = await refused(
      createApplication({ ...p5(), programId: 'zj-it-senior', fields: {}, selfScore: { items: [], seniority: { meets: true, reason: '' } } }, deps),
    );
    expect(bad.message).toContain('学历资历条件');
  });
});

describe('自评分 is the 自评分表 total, never typed on a new application (issue 12, 002 附件4 四 10)', () => {
  const sheet = {
    items: [
      { name: '学历资历', maxScore: 20, claimed: 18, hasEvidence: true },
      { name: '论文', maxScore: 30, claimed: 30, hasEvidence: false },
    ],
  };
  it('P4 derives it; P5 has no 自评分 at all', () => {
    expect(selfScoreIsDerived(getPack('zj-it-senior')!)).toBe(true);
    expect(selfScoreIsDerived(getPack('rk-registration')!)).toBe(false);
  });
  it('a typed 85 gives way to the sheet: 18 (the item without evidence counts 0); an empty sheet gives none', () => {
    const p4 = getPack('zj-it-senior')!;
    expect(fieldsWithSheetTotal(p4, { selfScore: 85, employer: '某研究院' }, sheet)).toEqual({ selfScore: 18, employer: '某研究院' });
    expect(fieldsWithSheetTotal(p4, { selfScore: 85 }, { items: [] })).toEqual({});
    expect(fieldsWithSheetTotal(p4, { selfScore: 85 }, undefined)).toEqual({});
  });
  it('registering stores no typed 自评分 and checks the sheet total (no 自评分 required finding once the sheet has items)', async () => {
    const input: NewApplicationInput = {
      programId: 'zj-it-senior',
      kind: 'new',
      channel: 'unit',
      receivedDate: '2026-11-21',
      personId,
      fields: { unitNature: '社会公益类事业', selfScore: 85 },
      selfScore: sheet,
    };
    const prepared = prepareApplication(input, TODAY);
    expect('selfScore' in prepared.record.fields).toBe(false);
    expect(prepared.fieldErrors.some((e) => e.field === 'selfScore')).toBe(false);
    // Without a sheet the 自评分 is still missing: the typed 85 does not count.
    const blank = prepareApplication({ ...input, selfScore: { items: [] } }, TODAY);
    expect(blank.fieldErrors.filter((e) => e.field === 'selfScore').map((e) => e.code)).toEqual(['field.required']);
  });
});

describe('editing an existing application', () => {
  it('commits one field edit as one operation; invalid values are refused; blanks remove the field', async () => {
    const app = await createApplication(p5(), deps);
    const ops = await db.outbox.count();
    await updateApplicationFields(app.id, { phone: '0571-88888888' }, deps);
    expect((await db.applications.get(app.id))?.fields['phone']).toBe('0571-88888888');
    expect(await db.outbox.count()).toBe(ops + 1);
    // The same value again writes nothing.
    await updateApplicationFields(app.id, { phone: '0571-88888888' }, deps);
    expect(await db.outbox.count()).toBe(ops + 1);

    const e = await refused(updateApplicationFields(app.id, { phone: '12' }, deps));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.message).toContain('本人联系电话');
    expect(await db.outbox.count()).toBe(ops + 1);

    await updateApplicationFields(app.id, { phone: '' }, deps);
    expect((await db.applications.get(app.id))?.fields).not.toHaveProperty('phone');
  });

  it('updates the previous certificate and refuses a bad date', async () => {
    const app = await createApplication(p5(), deps);
    const updated = await updateApplicationDetails(app.id, { previousCertificate: { certificateNo: 'RK-9', validUntil: '2029年5月19日' } }, deps);
    expect(updated.previousCertificate).toEqual({ certificateNo: 'RK-9', validUntil: '2029-05-19' });
    const e = await refused(updateApplicationDetails(app.id, { previousCertificate: { validUntil: '2029-02-30' } }, deps));
    expect(e).toBeInstanceOf(ValidationError);
    expect((await db.applications.get(app.id))?.previousCertificate?.certificateNo).toBe('RK-9');
  });
});
