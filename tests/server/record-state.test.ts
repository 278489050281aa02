/**
 * The stored form of a record's merge state (server/record-state.ts): compact, and read back as
 * the very state the merge produced, whichever format it was stored in.
 */
import { describe, expect, it } from 'vitest';
import { type Hlc } from '../../shared/sync/hlc';
import { type RecordState } from '../../shared/sync/merge';
import { decodeRecordState, encodeRecordState } from '../../server/record-state';

const A1 = '2026-11-22T02:00:00.000Z-0000-desk-a' as Hlc;
const A2 = '2026-11-22T02:05:00.000Z-0003-desk-a' as Hlc;
const B1 = '2026-11-22T02:04:00.000Z-0000-desk-b' as Hlc;

const created: RecordState = {
  fields: {
    createdAt: { value: '2026-11-22T02:00:00.000Z', hlc: A1, device: 'desk-a' },
    name: { value: '阿依古丽·买买提', hlc: A1, device: 'desk-a' },
    phone: { value: '13900000000', hlc: A1, device: 'desk-a' },
  },
  conflicts: {},
  superseded: {},
};

const contested: RecordState = {
  fields: {
    name: { value: '阿依古丽·买买提', hlc: A2, device: 'desk-a' },
    tags: { value: ['甲', { level: 2 }], hlc: B1, device: 'desk-b' },
    // A hand-made state whose device is not its stamp's node still round-trips.
    phone: { value: null, hlc: A1, device: 'desk-z' },
  },
  conflicts: { name: [{ value: '阿依古丽买买提', hlc: B1, device: 'desk-b' }] },
  superseded: { name: [A1] },
  deleted: { hlc: A2 },
};

describe('stored record state', () => {
  it('names each stamp once: a create of three fields is stored in a third of the whole form', () => {
    const text = encodeRecordState(created);
    expect(text).toBe(
      '{"h":["2026-11-22T02:00:00.000Z-0000-desk-a"],"f":{"createdAt":["2026-11-22T02:00:00.000Z",0],"name":["阿依古丽·买买提",0],"phone":["13900000000",0]}}',
    );
    expect(text.length).toBeLessThan(JSON.stringify(created).length / 2);
  });

  it.each([
    ['a create', created],
    ['conflicts, superseded versions, a tombstone, a cleared field and a foreign device', contested],
  ])('reads back %s exactly', (_label, state) => {
    expect(decodeRecordState(encodeRecordState(state))).toEqual(state);
  });

  it('still reads a state stored whole before the compact form', () => {
    expect(decodeRecordState(JSON.stringify(contested))).toEqual(contested);
  });
});
