/**
 * Schema version 12 (issue 10): values stored in Chinese become codes. A desk at version 10 with a
 * return recorded as '单位', its merge state and its operation still in the outbox, and an old
 * review's '建议通过', opens at version 12 with 'unit' and 'recommend' everywhere; a pulled
 * operation from a desk not yet upgraded reads the same.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DeskDatabase, SCHEMA_VERSION } from '../../../renderer/src/db/database';
import { workflowEventSchema } from '../../../shared/model/records';
import { openAsDeclared, STORED_STAMPS } from './declared';

const EVENT = '01937b2c-0000-7000-8000-00000000e001';
const REVIEW = '01937b2c-0000-7000-8000-00000000e002';
const APP = '01937b2c-0000-7000-8000-00000000e003';
const OP = '01937b2c-0000-7000-8000-00000000e004';
const HLC = '2026-11-22T02:00:00.000Z-0000-device-a';

describe('Dexie schema version 12: stored words become codes', () => {
  it('version 10 → 12: records, merge states (visible and competing) and queued operations', async () => {
    const name = 'codes-upgrade-1';
    const v10 = openAsDeclared(name, 10);
    const event = { id: EVENT, applicationId: APP, transitionId: 'return', from: 'received', to: 'returned', on: '2026-11-22', role: 'clerk', reason: '缺少社保证明', returnTo: '单位', ...STORED_STAMPS };
    await v10.table('workflowEvents').add(event);
    await v10.table('reviews').add({ id: REVIEW, applicationId: APP, stage: 'agency-review', reviewer: '王专家', opinion: '同意', outcome: '建议通过', ...STORED_STAMPS });
    await v10.table('mergeStates').add({
      table: 'workflowEvents',
      recordId: EVENT,
      fields: { returnTo: { value: '单位', hlc: HLC, device: 'device-a' }, reason: { value: '缺少社保证明', hlc: HLC, device: 'device-a' } },
      conflicts: { returnTo: [{ value: '个人', hlc: HLC, device: 'device-b' }] },
      superseded: {},
    });
    await v10.table('outbox').add({ id: OP, table: 'workflowEvents', recordId: EVENT, kind: 'put', fields: { returnTo: '单位', reason: '缺少社保证明' }, prev: {}, hlc: HLC, userId: 'clerk-1', deviceId: 'device-a' });
    v10.close();

    const db = new DeskDatabase(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.workflowEvents.get(EVENT)).toEqual({ ...event, returnTo: 'unit' });
    expect((await db.reviews.get(REVIEW))?.outcome).toBe('recommend');
    const state = await db.mergeStates.get(['workflowEvents', EVENT]);
    expect(state?.fields['returnTo']?.value).toBe('unit');
    expect(state?.fields['reason']?.value).toBe('缺少社保证明');
    expect(state?.conflicts['returnTo']?.map((v) => v.value)).toEqual(['individual']);
    expect((await db.outbox.get(OP))?.fields).toEqual({ returnTo: 'unit', reason: '缺少社保证明' });
    db.close();
  });

  it('an operation from a desk not yet upgraded reads as the code; anything else is refused', () => {
    const old = { id: EVENT, applicationId: APP, transitionId: 'return', from: 'received', to: 'returned', on: '2026-11-22', role: 'clerk', ...STORED_STAMPS };
    expect(workflowEventSchema.parse({ ...old, returnTo: '个人' }).returnTo).toBe('individual');
    expect(workflowEventSchema.parse({ ...old, returnTo: 'unit' }).returnTo).toBe('unit');
    expect(workflowEventSchema.safeParse({ ...old, returnTo: '街道' }).success).toBe(false);
  });
});
