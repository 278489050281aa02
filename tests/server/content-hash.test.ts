/**
 * What a batch's content hash covers (issue 17 W5): the device and every operation whole, values
 * included, in one canonical text whatever key order the JSON arrived in. The text is written out
 * here by hand: batches stored by earlier servers keep their hashes, so a retry of one still
 * matches it.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { batchContentHash } from '../../server/push';
import type { PushRequest } from '../../shared/sync/protocol';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const HLC = '2026-11-22T02:00:00.000Z-0000-desk-a';
const EARLIER = '2026-11-21T02:00:00.000Z-0000-desk-a';

function batch(fields: Record<string, unknown>, prev: Record<string, string[]>): PushRequest {
  return {
    batchId: '01938a1e-0000-7000-8000-000000000001',
    deviceId: 'desk-a',
    operations: [
      {
        id: '01938a1e-0000-7000-8000-000000000002',
        table: 'people',
        recordId: '01938a1e-0000-7000-8000-000000000003',
        kind: 'put',
        fields,
        prev,
        hlc: HLC,
        deviceId: 'desk-a',
        userId: 'clerk-1',
      },
    ],
  } as PushRequest;
}

describe('a batch content hash', () => {
  const canonical =
    '["desk-a",[["01938a1e-0000-7000-8000-000000000002","people","01938a1e-0000-7000-8000-000000000003","put","2026-11-22T02:00:00.000Z-0000-desk-a","desk-a","clerk-1",' +
    '[["education",["~","{\\"degree\\":\\"本科\\",\\"years\\":[2019,2023]}"]],["name","阿依古丽·买买提"],["phone",null]],' +
    '[["name",["~","[\\"2026-11-21T02:00:00.000Z-0000-desk-a\\"]"]]]]]]';

  it('is the SHA-256 of the canonical text: envelope in order, fields sorted by name, objects as their canonical JSON', () => {
    const hash = batchContentHash(batch({ phone: null, name: '阿依古丽·买买提', education: { years: [2019, 2023], degree: '本科' } }, { name: [EARLIER] }));
    expect(hash).toBe(sha256(canonical));
  });

  it('is the same whatever order the keys arrived in, and another for another value', () => {
    const a = batchContentHash(batch({ name: '阿依古丽·买买提', phone: null, education: { degree: '本科', years: [2019, 2023] } }, { name: [EARLIER] }));
    expect(a).toBe(sha256(canonical));
    const b = batchContentHash(batch({ name: '阿依古丽·买买提', phone: null, education: { degree: '硕士', years: [2019, 2023] } }, { name: [EARLIER] }));
    expect(b).not.toBe(a);
    // A string holding an object's JSON is not the object.
    const c = batchContentHash(batch({ name: '阿依古丽·买买提', phone: null, education: '{"degree":"本科","years":[2019,2023]}' }, { name: [EARLIER] }));
    expect(c).not.toBe(a);
  });
});
