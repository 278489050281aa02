/**
 * An import (issue 15) travels like every other change: the import record and the records it
 * created, each carrying the import's id, are accepted in one batch and served to the office's
 * other desks, so the undo done on one desk (tombstones and the record marked undone) reaches
 * the others.
 */
import { describe, expect, it } from 'vitest';

import { uuidv7 } from '../../server/ids';
import { syncedRecordSchemas } from '../../shared/model/records';
import type { JsonValue, PullResponse, PushResponse } from '../../shared/sync/protocol';
import { BACKENDS, makeBatch, makeOp, pull, push, storedRecord } from './helpers';
import { desksPerSuite, serverPerSuite } from './suite';

describe.each(BACKENDS)('imports sync (%s)', (kind) => {
  const server = serverPerSuite(kind);
  const desks = desksPerSuite(server, { writer: '测试协会', reader: '测试协会' });

  it('the import record and a person it created reach the other desk; the undo follows', async () => {
    const at = new Date().toISOString();
    const stamp = { createdAt: at, createdBy: 'clerk-1', updatedAt: at, updatedBy: 'clerk-1' };
    const batchId = uuidv7();
    const personId = uuidv7();
    const batch: Record<string, JsonValue> = {
      ...stamp, programId: 'zj-it-senior', kind: 'roster', fileName: '花名册.xlsx', sheetName: '花名册', importedOn: '2026-11-22',
      rowsRead: 1, rowsImported: 1, rowsExcluded: 0, rowsFixed: 0, peopleCreated: 1, peopleLinked: 0, applicationsCreated: 0,
      certificatesCreated: 0, tableRowsAdded: 0, status: 'imported',
    };
    const person: Record<string, JsonValue> = { ...stamp, name: '李四', idNumber: '330106198203200026', importBatchId: batchId };
    expect(syncedRecordSchemas.importBatches.safeParse({ ...batch, id: batchId }).success).toBe(true);
    expect(syncedRecordSchemas.people.safeParse({ ...person, id: personId }).success).toBe(true);
    const base = Date.now() - 10_000;
    const ops = [
      makeOp(desks.writer.deviceId, batch, { table: 'importBatches', recordId: batchId, millis: base }),
      makeOp(desks.writer.deviceId, person, { table: 'people', recordId: personId, millis: base + 1 }),
    ];
    const res = await push(server.app, desks.writer, makeBatch(desks.writer, ops));
    expect(res.statusCode).toBe(200);
    expect(res.json<PushResponse>()).toMatchObject({ applied: ops.map((o) => o.id), duplicates: [] });
    expect((await pull(server.app, desks.reader)).json<PullResponse>().operations.map((o) => [o.table, o.recordId])).toEqual([
      ['importBatches', batchId],
      ['people', personId],
    ]);

    const undo = [
      makeOp(desks.writer.deviceId, {}, { table: 'people', recordId: personId, kind: 'delete', millis: base + 2000 }),
      makeOp(desks.writer.deviceId, { status: 'undone', undoneOn: '2026-11-23' }, { table: 'importBatches', recordId: batchId, millis: base + 2001 }),
    ];
    expect((await push(server.app, desks.writer, makeBatch(desks.writer, undo))).statusCode).toBe(200);
    expect((await storedRecord(server.db, desks.writer.officeId, personId))?.deleted).toBe(true);
    expect((await storedRecord(server.db, desks.writer.officeId, batchId))?.values).toMatchObject({ status: 'undone', undoneOn: '2026-11-23' });
  });
});
