/**
 * Migration 0004 (issue 17): `records.data` goes, states are stored compactly from then on. A
 * database with records stored the old way (whole states beside their jsonb values) keeps
 * verifying its certificates and merging new edits into its records after the upgrade.
 */
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../server/ids';
import { BACKENDS, enrol, makeBatch, makeOffice, makeOp, push, storedRecord, testApp } from './helpers';
import { databaseBefore } from './suite';

const OLD = '2026-11-20T02:00:00.000Z-0000-desk-old';
const version = (value: string) => ({ value, hlc: OLD, device: 'desk-old' });

describe.each(BACKENDS)('migration 0004 on a database with records (%s)', (kind) => {
  const earlier = databaseBefore(kind, '0004');

  it('a certificate stored whole still verifies, and an edit merges into a person stored whole', async () => {
    const t = earlier;
    const office = await makeOffice(t.db, '新疆维吾尔自治区软件行业协会');
    const personId = uuidv7();
    const certificateId = uuidv7();
    const person = { name: '阿依古丽·买买提', idNumber: '650102199001010023' };
    const certificate = { certificateNo: 'XJ-OLD-0001', programId: 'xj-isi-pm', holderPersonId: personId, issuedOn: '2026-01-15', status: 'valid', validUntil: '2029-01-14' };
    for (const [table, id, values] of [
      ['people', personId, person],
      ['certificates', certificateId, certificate],
    ] as const) {
      const state = { fields: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, version(v)])), conflicts: {}, superseded: {} };
      await t.db.query('INSERT INTO records (office_id, table_name, record_id, state, data, deleted, updated_seq) VALUES ($1, $2, $3, $4, $5, false, 1)', [
        office.id,
        table,
        id,
        JSON.stringify(state),
        JSON.stringify(values),
      ]);
    }
    await t.db.query('INSERT INTO certificate_numbers (certificate_no, office_id, record_id) VALUES ($1, $2, $3)', ['XJ-OLD-0001', office.id, certificateId]);

    expect(await earlier.upgrade()).toEqual(['0004_records_state_only', '0005_log_without_row_checks']);
    // 0005: the log and the states no longer check their office row by row (the push's office lock proves it once).
    const foreignKeys = await t.db.query<{ conname: string }>(
      "SELECT conname FROM pg_constraint WHERE contype = 'f' AND conrelid IN ('operations'::regclass, 'records'::regclass)",
    );
    expect(foreignKeys.rows).toEqual([]);

    const app = testApp(t.db);
    const verified = await app.inject({ method: 'GET', url: '/verify/XJ-OLD-0001', headers: { accept: 'application/json' } });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({ certificateNo: 'XJ-OLD-0001', status: 'valid', holderName: '阿***·**提', issuedOn: '2026-01-15', validUntil: '2029-01-14' });

    const desk = await enrol(app, t.db, office);
    const edit = makeOp(desk.deviceId, { phone: '13900000000' }, { recordId: personId });
    expect((await push(app, desk, makeBatch(desk, [edit]))).statusCode).toBe(200);
    expect(await storedRecord(t.db, office.id, personId)).toEqual({
      table: 'people',
      deleted: false,
      values: { name: '阿依古丽·买买提', idNumber: '650102199001010023', phone: '13900000000' },
    });
    const { rows } = await t.db.query<{ state: string }>('SELECT state FROM records WHERE record_id = $1', [personId]);
    expect(rows[0]!.state.startsWith('{"h":[')).toBe(true);
    await app.close();
  });
});
