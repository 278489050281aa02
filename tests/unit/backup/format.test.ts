/**
 * The backup file format (shared/backup/format): written and read back exactly; every way a file
 * can be damaged is caught, with the code and the Chinese message a screen shows.
 */
import { describe, expect, it } from 'vitest';
import { BACKUP_MESSAGES, encodeRows, looksLikeBackup, readBackup, writeBackup, type ManifestInput, type PartInput } from '../../../shared/backup/format';
import { primaryKeyOf, restoreSecrets, secretPathsOf, splitSecrets } from '../../../shared/backup/secrets';
import { decodeUtf8, encodeUtf8 } from '../../../shared/backup/utf8';
import { sha256Hex } from '../../../shared/security/sha256';

const digest = async (b: Uint8Array) => sha256Hex(b);
const manifest: ManifestInput = {
  createdAt: '2026-11-22T02:00:00.000Z',
  reason: 'manual',
  appVersion: '0.1.0',
  schemaVersion: 6,
  stores: { people: 'id, idNumber', settings: 'key' },
  office: null,
  deviceId: 'device-a',
  secrets: 'omitted',
};
const blob = new Uint8Array([1, 2, 3, 4, 5]);
const parts = (): PartInput[] => [
  { part: { kind: 'table', table: 'people', rows: 1 }, bytes: encodeUtf8(encodeRows([{ id: 'p1', name: '张三', tags: [undefined, '😀'] }])) },
  { part: { kind: 'table', table: 'settings', rows: 1 }, bytes: encodeUtf8(encodeRows([{ key: 'deviceId', value: 'device-a' }])) },
  { part: { kind: 'blob', sha256: sha256Hex(blob), type: 'image/jpeg' }, bytes: blob },
];

describe('a backup file', () => {
  it('reads back exactly what was written, undefined inside arrays included', async () => {
    const bytes = await writeBackup(manifest, parts(), digest);
    expect(looksLikeBackup(bytes)).toBe(true);
    const read = await readBackup(bytes, digest);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.tables.people).toEqual([{ id: 'p1', name: '张三', tags: [undefined, '😀'] }]);
    expect(0 in (read.value.tables.people![0]!.tags as unknown[])).toBe(true);
    expect(read.value.blobs).toEqual([{ sha256: sha256Hex(blob), type: 'image/jpeg', bytes: blob }]);
    expect(read.value.secrets).toBeNull();
    expect(read.value.manifest.parts.map((p) => [p.kind, p.offset, p.length])).toEqual([
      ['table', 0, parts()[0]!.bytes.length],
      ['table', parts()[0]!.bytes.length, parts()[1]!.bytes.length],
      ['blob', parts()[0]!.bytes.length + parts()[1]!.bytes.length, 5],
    ]);
  });

  it('a blob named by a hash that is not its own is a bug, refused when writing', async () => {
    await expect(writeBackup(manifest, [{ part: { kind: 'blob', sha256: 'a'.repeat(64), type: '' }, bytes: blob }], digest)).rejects.toThrow('does not match');
  });

  it.each([
    ['a changed byte in a table', (b: Uint8Array) => flip(b, b.length - 8), 'backup.checksum', '备份文件已损坏（“settings”的校验值不符），无法恢复。请换一份备份。'],
    ['a changed byte in an attachment', (b: Uint8Array) => flip(b, b.length - 1), 'backup.checksum', '备份文件已损坏（“附件 '],
    ['a changed byte in the manifest', (b: Uint8Array) => flip(b, 20), 'backup.checksum', '备份文件已损坏（“目录”的校验值不符），无法恢复。请换一份备份。'],
    ['a file cut short', (b: Uint8Array) => b.slice(0, b.length - 3), 'backup.truncated', BACKUP_MESSAGES.truncated],
    ['a file with bytes added', (b: Uint8Array) => Uint8Array.from([...b, 0]), 'backup.placement', BACKUP_MESSAGES.placement],
    ['the first bytes only', (b: Uint8Array) => b.slice(0, 10), 'backup.truncated', BACKUP_MESSAGES.truncated],
    ['another kind of file', () => encodeUtf8('PK\u0003\u0004 zip'), 'backup.not-backup', '这不是协会办事台的备份文件。'],
    ['an earlier JSON export', () => encodeUtf8('{"format":"association-desk-backup","formatVersion":1}'), 'backup.legacy', '这是旧版的 JSON 备份文件。'],
  ] as const)('%s is refused', async (_label, damage, code, message) => {
    const read = await readBackup(damage(await writeBackup(manifest, parts(), digest)), digest);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.code).toBe(code);
    expect(read.error.message.startsWith(message)).toBe(true);
  });

  it('a manifest naming a table without its store declaration is refused', async () => {
    const bytes = await writeBackup({ ...manifest, stores: { people: 'id' } }, parts(), digest);
    const read = await readBackup(bytes, digest);
    expect(read.ok ? null : read.error).toEqual({ code: 'backup.stores', message: '备份文件缺少“settings”的结构说明，无法恢复。' });
  });

  it('a table part with another row count than the manifest says is refused', async () => {
    const wrong = parts();
    wrong[0] = { part: { kind: 'table', table: 'people', rows: 2 }, bytes: wrong[0]!.bytes };
    const read = await readBackup(await writeBackup(manifest, wrong, digest), digest);
    expect(read.ok ? null : read.error.code).toBe('backup.rows');
  });
});

function flip(bytes: Uint8Array, at: number): Uint8Array {
  const copy = bytes.slice();
  copy[at]! ^= 0x01;
  return copy;
}

describe('secrets are taken out of each row', () => {
  it.each([
    ['users', { id: 'u1', username: 'li', passwordHash: 'H', passwordSalt: 'S' }, { id: 'u1', username: 'li' }],
    ['outbox', { id: 'o1', table: 'users', fields: { passwordHash: 'H', passwordSalt: 'S', updatedAt: 't' }, prev: { passwordHash: ['x'] } }, { id: 'o1', table: 'users', fields: { updatedAt: 't' }, prev: {} }],
    ['outbox', { id: 'o2', table: 'people', fields: { name: '张三' }, prev: {} }, { id: 'o2', table: 'people', fields: { name: '张三' }, prev: {} }],
    ['mergeStates', { table: 'users', recordId: 'u1', fields: { passwordHash: { value: 'H', hlc: 'h1', device: 'd' } }, conflicts: { passwordSalt: [{ value: 'S2' }] }, superseded: {} }, { table: 'users', recordId: 'u1', fields: { passwordHash: { value: null, hlc: 'h1', device: 'd' } }, conflicts: {}, superseded: {} }],
    ['settings', { key: 'documents.signing', value: { privateKeyPkcs8: 'K', verifyHost: 'v' } }, { key: 'documents.signing', value: { verifyHost: 'v' } }],
    ['settings', { key: 'sync.token', value: 'T' }, null],
    ['settings', { key: 'deviceId', value: 'd' }, { key: 'deviceId', value: 'd' }],
  ] as const)('%s %j → %j, and back', (table, row, stripped) => {
    const key = primaryKeyOf(table === 'settings' ? 'key' : table === 'mergeStates' ? '[table+recordId]' : 'id', row);
    const split = splitSecrets(table, structuredClone(row) as Record<string, unknown>, key);
    expect(split.row).toEqual(stripped);
    if (split.patch === null) {
      expect(secretPathsOf(table, row).length === 0 || JSON.stringify(stripped) === JSON.stringify(row)).toBe(true);
      return;
    }
    expect(restoreSecrets(split.row ?? undefined, split.patch)).toEqual(row);
  });

  it('primary keys as the store declares them', () => {
    expect(primaryKeyOf('[table+recordId]', { table: 'people', recordId: 'r' })).toBe('["people","r"]');
    expect(primaryKeyOf('key', { key: 'hlc' })).toBe('"hlc"');
    expect(primaryKeyOf('id, name', { name: 'x' })).toBeUndefined();
  });
});

describe('UTF-8 in shared/', () => {
  it.each(['', 'abc', '张三丰', '😀 emoji', 'a\u0000b', '\ud83d lone'])('%j encodes as TextEncoder does and decodes back', (text) => {
    const bytes = encodeUtf8(text);
    expect(bytes).toEqual(new TextEncoder().encode(text));
    expect(decodeUtf8(bytes)).toBe(new TextDecoder().decode(bytes));
  });
  it('refuses malformed UTF-8', () => {
    expect(() => decodeUtf8(new Uint8Array([0xe5, 0xbc]))).toThrow('invalid UTF-8');
    expect(() => decodeUtf8(new Uint8Array([0xc0, 0x80]))).toThrow('invalid UTF-8');
    expect(() => decodeUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toThrow('invalid UTF-8');
  });
});
