/**
 * The tables added for intake (workflowEvents, routingOpinions, objections, publicities) and for
 * the organisation programs (evaluationAgencies, evaluators, agencyAudits) travel
 * like every other: the server's push and pull are generic by table, so one operation of each,
 * shaped exactly as a desk's repository writes it (the record minus its id), is accepted, merged
 * into record state, and served to the other desks of the office — and to no other office.
 */
import { describe, expect, it } from 'vitest';

import { uuidv7 } from '../../server/ids';
import { syncedRecordSchemas, type SyncedTable } from '../../shared/model/records';
import { syncedTables, type JsonValue, type PullResponse, type PushResponse } from '../../shared/sync/protocol';
import { BACKENDS, makeBatch, makeOp, pull, push, storedRecord } from './helpers';
import { desksPerSuite, serverPerSuite } from './suite';

const NEW_TABLES = [
  'workflowEvents',
  'routingOpinions',
  'objections',
  'publicities',
  'evaluationAgencies',
  'evaluators',
  'agencyAudits',
] as const satisfies readonly SyncedTable[];

/** A valid record of each new table, as a desk would create it; checked against the shared schema. */
function recordOf(table: (typeof NEW_TABLES)[number], id: string): Record<string, JsonValue> {
  const at = new Date().toISOString();
  const base = { id, createdAt: at, createdBy: 'clerk-1', updatedAt: at, updatedBy: 'clerk-1' };
  const applicationId = uuidv7();
  const agencyId = uuidv7();
  const bodies: Record<(typeof NEW_TABLES)[number], Record<string, JsonValue>> = {
    workflowEvents: { applicationId, transitionId: 'accept', from: 'received', to: 'accepted', on: '2026-11-22', role: 'clerk', reason: '材料齐全' },
    routingOpinions: { applicationId, level: '区县协会', opinion: 'pass', note: '同意推荐', on: '2026-11-23' },
    objections: { applicationId, raisedOn: '2026-11-24', raisedBy: '匿名', content: '申报业绩与事实不符', status: 'open' },
    publicities: { programId: 'zj-it-senior', title: '2026年第一批公示', startedOn: '2026-11-25', endsOn: '2026-12-01', applicationIds: [applicationId] },
    // 004 细则: an agency, one of its evaluators, and an agency's document review of an application.
    evaluationAgencies: { programId: 'iets', name: '新疆信息化评价中心', scope: 'local', region: '新疆', registeredOn: '2020-03-01', standing: 'active' },
    evaluators: { agencyId, name: '王建新', idNumber: '110105198002111011', fullTime: true, contract: 'labour', standing: 'active' },
    agencyAudits: { applicationId, stage: 'agency-review', agencyId, kind: 'documents', on: '2026-11-26', evaluatorIds: [uuidv7()], findings: '材料齐全', passed: true },
  };
  const record = { ...base, ...bodies[table] };
  syncedRecordSchemas[table].parse(record);
  return record;
}

describe.each(BACKENDS)('the intake tables sync like the others (%s)', (kind) => {
  const server = serverPerSuite(kind);
  const desks = desksPerSuite(server, { writer: '测试协会', reader: '测试协会', stranger: '另一协会' });

  it('the protocol knows every synced table of the model', () => {
    expect([...syncedTables].sort()).toEqual(Object.keys(syncedRecordSchemas).sort());
    for (const table of NEW_TABLES) expect(syncedTables).toContain(table);
  });

  it('accepts one of each in one batch, keeps their state, serves them to the office only', async () => {
    const ops = NEW_TABLES.map((table) => {
      const recordId = uuidv7();
      const { id: _id, ...fields } = recordOf(table, recordId);
      return makeOp(desks.writer.deviceId, fields, { table, recordId });
    });
    const res = await push(server.app, desks.writer, makeBatch(desks.writer, ops));
    expect(res.statusCode).toBe(200);
    expect(res.json<PushResponse>()).toMatchObject({ applied: ops.map((o) => o.id), duplicates: [] });

    for (const op of ops) {
      const stored = await storedRecord(server.db, desks.writer.officeId, op.recordId);
      expect(stored).toMatchObject({ table: op.table, deleted: false });
      const data = stored!.values;
      expect(data).toMatchObject(op.fields);
      // What the server holds is a valid record of its table.
      expect(syncedRecordSchemas[op.table].safeParse({ ...data, id: op.recordId }).success).toBe(true);
    }

    const pulled = (await pull(server.app, desks.reader)).json<PullResponse>();
    expect(pulled.operations.filter((o) => NEW_TABLES.includes(o.table as never))).toEqual(ops);
    expect((await pull(server.app, desks.stranger)).json<PullResponse>().operations).toEqual([]);
  });

  it('later edits and deletions of them merge as for any table', async () => {
    const recordId = uuidv7();
    const { id: _id, ...fields } = recordOf('objections', recordId);
    const base = Date.now() - 10_000;
    await push(server.app, desks.writer, makeBatch(desks.writer, [makeOp(desks.writer.deviceId, fields, { table: 'objections', recordId, millis: base })]));
    const settle = makeOp(desks.reader.deviceId, { status: 'settled', settledOn: '2026-11-28', settlement: '经核实，异议不成立', upheld: false }, { table: 'objections', recordId, millis: base + 1000 });
    expect((await push(server.app, desks.reader, makeBatch(desks.reader, [settle]))).statusCode).toBe(200);
    expect((await storedRecord(server.db, desks.writer.officeId, recordId))?.values).toMatchObject({ content: '申报业绩与事实不符', status: 'settled', upheld: false });

    const gone = uuidv7();
    const { id: _gid, ...pub } = recordOf('publicities', gone);
    await push(server.app, desks.writer, makeBatch(desks.writer, [makeOp(desks.writer.deviceId, pub, { table: 'publicities', recordId: gone, millis: base })]));
    await push(server.app, desks.writer, makeBatch(desks.writer, [makeOp(desks.writer.deviceId, {}, { table: 'publicities', recordId: gone, kind: 'delete', millis: base + 2000 })]));
    const del = await server.db.query<{ deleted: boolean }>('SELECT deleted FROM records WHERE office_id = $1 AND record_id = $2', [desks.writer.officeId, gone]);
    expect(del.rows[0]!.deleted).toBe(true);
  });
});
