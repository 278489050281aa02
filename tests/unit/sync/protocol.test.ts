import { describe, expect, it } from 'vitest';
import {
  BATCH_FILE_FORMAT,
  MAX_FIELD_STRING_LENGTH,
  MAX_OPERATIONS_PER_BATCH,
  batchFileSchema,
  blobMetaSchema,
  certificateStatusSchema,
  enrolmentRequestSchema,
  maskName,
  operationSchema,
  pullRequestSchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  verificationAnswerSchema,
  verificationSigningPayload,
} from '../../../shared/sync/protocol';

const REC = '01937b2c-0000-7000-8000-000000000001';
const hlc = (ms: string, counter = '0000', node = 'device-a') => `2026-11-22T02:00:${ms}Z-${counter}-${node}`;
const opId = (n: number) => `01937b2c-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

const op = (overrides: Record<string, unknown> = {}) => ({
  id: opId(1),
  table: 'people',
  recordId: REC,
  kind: 'put',
  fields: { name: '张三丰', idNumber: '110105194910010015' },
  prev: {},
  hlc: hlc('01.000'),
  deviceId: 'device-a',
  userId: 'clerk-1',
  ...overrides,
});

const issues = (input: unknown) => {
  const r = operationSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('operation', () => {
  it('accepts a create, an edit that names what it replaced, a delete and a cleared field', () => {
    expect(issues(op())).toEqual([]);
    expect(issues(op({ fields: { phone: '13912345678' }, prev: { phone: [hlc('00.000')] } }))).toEqual([]);
    expect(issues(op({ kind: 'delete', fields: {} }))).toEqual([]);
    expect(issues(op({ fields: { phone: null }, prev: { phone: [hlc('00.000')] } }))).toEqual([]);
    expect(issues(op({ table: 'applications', fields: { fields: { a: [1, { b: 'x' }] } } }))).toEqual([]);
  });

  it.each([
    ['an unknown table', op({ table: 'secrets' })],
    ['a field the table does not have', op({ fields: { salary: 1 } })],
    ['the record id as a field', op({ fields: { id: REC } })],
    ['the tombstone as a field (deletes are their own kind)', op({ fields: { deleted: false } })],
    ['a prototype-polluting field name', JSON.parse(`{"id":"${opId(1)}","table":"people","recordId":"${REC}","kind":"put","fields":{"__proto__":{"x":1}},"prev":{},"hlc":"${hlc('01.000')}","deviceId":"device-a","userId":"u"}`)],
    ['a put with no fields', op({ fields: {} })],
    ['fields missing', op({ fields: undefined })],
    ['fields as a list', op({ fields: ['name'] })],
    ['fields null', op({ fields: null })],
    ['undefined as a value (JSON has none)', op({ fields: { name: undefined } })],
    ['a function as a value', op({ fields: { name: () => 1 } })],
    ['a string over the limit', op({ fields: { note: 'x'.repeat(MAX_FIELD_STRING_LENGTH + 1) } })],
    ['a value nested too deep', op({ table: 'applications', fields: { fields: JSON.parse('['.repeat(20) + ']'.repeat(20)) } })],
    ['a stamp of another device', op({ hlc: hlc('01.000', '0000', 'device-b') })],
    ['a malformed stamp', op({ hlc: '2026-11-22 02:00' })],
    ['a prev for a field it does not set', op({ prev: { phone: [hlc('00.000')] } })],
    ['a prev that is not older than the edit', op({ prev: { name: [hlc('01.000')] } })],
    ['an empty prev list', op({ prev: { name: [] } })],
    ['a non-UUIDv7 id', op({ id: 'op-1' })],
    ['an unknown kind', op({ kind: 'upsert' })],
  ])('refuses %s', (_label, input) => {
    expect(issues(input).length).toBeGreaterThan(0);
  });
});

describe('push', () => {
  const batch = (operations: unknown[], deviceId = 'device-a') => ({ batchId: opId(9999), deviceId, operations });

  it('accepts a batch of this device’s operations', () => {
    expect(pushRequestSchema.safeParse(batch([op(), op({ id: opId(2) })])).success).toBe(true);
  });

  it('refuses an empty batch, an oversized one, duplicates and foreign operations', () => {
    expect(pushRequestSchema.safeParse(batch([])).success).toBe(false);
    const many = Array.from({ length: MAX_OPERATIONS_PER_BATCH + 1 }, (_, i) => op({ id: opId(i + 1) }));
    expect(pushRequestSchema.safeParse(batch(many)).success).toBe(false);
    expect(pushRequestSchema.safeParse(batch([op(), op()])).success).toBe(false);
    expect(pushRequestSchema.safeParse(batch([op()], 'device-b')).success).toBe(false);
  });

  it('answers with applied and duplicate ids and a cursor', () => {
    const answer = { applied: [opId(1)], duplicates: [opId(2)], cursor: '42', serverTime: '2026-11-22T02:00:05.000Z' };
    expect(pushResponseSchema.parse(answer)).toEqual(answer);
  });
});

describe('pull', () => {
  it('reads its query string, with a default and a cap on the limit', () => {
    expect(pullRequestSchema.parse({})).toEqual({ limit: 500 });
    expect(pullRequestSchema.parse({ since: '42', limit: '100' })).toEqual({ since: '42', limit: 100 });
    expect(pullRequestSchema.safeParse({ limit: '5000' }).success).toBe(false);
    expect(pullRequestSchema.safeParse({ since: "42' OR 1=1" }).success).toBe(false);
  });

  it('answers with operations, the next cursor and whether more wait', () => {
    const answer = { operations: [op()], nextCursor: '43', hasMore: false, serverTime: '2026-11-22T02:00:05.000Z' };
    expect(pullResponseSchema.parse(answer).operations[0]!.hlc).toBe(hlc('01.000'));
  });
});

describe('enrolment', () => {
  it('normalises what a clerk types from paper', () => {
    const parsed = enrolmentRequestSchema.parse({
      officeCode: ' bj-01 ',
      enrolmentCode: 'ab12 cd-34',
      deviceId: '01937b2c-0000-7000-8000-000000000001',
      deviceName: ' 收件窗口 2 号机 ',
      appVersion: '0.1.0',
    });
    expect(parsed).toMatchObject({ officeCode: 'BJ-01', enrolmentCode: 'AB12CD34', deviceName: '收件窗口 2 号机' });
  });

  it('refuses a code that is too short with a Chinese message', () => {
    const r = enrolmentRequestSchema.safeParse({ officeCode: 'BJ', enrolmentCode: '12', deviceId: 'd', deviceName: 'x', appVersion: '1' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain('登记码格式不正确');
  });
});

describe('blobs', () => {
  it('accepts lower-case SHA-256 within the size limit only', () => {
    const sha256 = 'a'.repeat(64);
    expect(blobMetaSchema.safeParse({ sha256, size: 10, mimeType: 'image/jpeg' }).success).toBe(true);
    expect(blobMetaSchema.safeParse({ sha256: 'A'.repeat(64), size: 10, mimeType: 'image/jpeg' }).success).toBe(false);
    expect(blobMetaSchema.safeParse({ sha256, size: 21 * 1024 * 1024, mimeType: 'image/jpeg' }).success).toBe(false);
  });
});

describe('verification', () => {
  const answer = {
    certificateNo: 'ZS-2026-000123',
    status: 'valid' as const,
    holderName: maskName('张三丰'),
    programId: 'p4',
    programName: '专业人员资格',
    issuer: '某某协会',
    issuedOn: '2026-01-05',
    validUntil: '2029-01-04',
    checkedAt: '2026-11-22T02:00:05.000Z',
  };

  it('parses an answer with its signature', () => {
    expect(verificationAnswerSchema.parse({ ...answer, signature: { algorithm: 'Ed25519', keyId: 'k1', value: 'AAAA' } }).holderName).toBe('张*丰');
  });

  it('signs a payload that does not depend on key order', () => {
    const reordered = Object.fromEntries(Object.entries(answer).reverse()) as typeof answer;
    expect(verificationSigningPayload(reordered)).toBe(verificationSigningPayload(answer));
    expect(verificationSigningPayload({ ...answer, status: 'revoked' })).not.toBe(verificationSigningPayload(answer));
  });
});

describe('batch file', () => {
  const file = {
    format: BATCH_FILE_FORMAT,
    version: 1,
    deviceId: 'device-a',
    exportedAt: '2026-11-22T02:00:05.000Z',
    batches: [{ batchId: opId(9999), deviceId: 'device-a', operations: [op()] }],
  };

  it('round-trips through JSON', () => {
    expect(batchFileSchema.parse(JSON.parse(JSON.stringify(file)))).toEqual(file);
    expect(batchFileSchema.parse({ ...file, officeId: 'office-1' }).officeId).toBe('office-1');
  });

  it('refuses another format, version or a batch from another device', () => {
    expect(batchFileSchema.safeParse({ ...file, format: 'association-desk-backup' }).success).toBe(false);
    expect(batchFileSchema.safeParse({ ...file, version: 2 }).success).toBe(false);
    expect(batchFileSchema.safeParse({ ...file, deviceId: 'device-b' }).success).toBe(false);
  });
});

describe('maskName', () => {
  it.each([
    ['张三丰', '张*丰'],
    ['李四', '李*'],
    ['欧阳娜娜', '欧**娜'],
    ['王', '*'],
    ['  张三丰 ', '张*丰'],
    ['', ''],
    ['买买提·艾力', '买**·*力'],
    ['𠀀二三', '𠀀*三'],
    ['John Smith', 'J*** ****h'],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});

describe('verification statuses', () => {
  it('answers every status a certificate record may store, void (作废) included', () => {
    expect(certificateStatusSchema.options).toEqual(['valid', 'expired', 'revoked', 'cancelled', 'suspended', 'void']);
  });
});
