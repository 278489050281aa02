/**
 * Attachment bytes beside the operations: uploaded before the batch that records them (so a desk
 * that pulls the record can fetch them), once per hash, checked by the server; fetched after a
 * pull and on demand, checked by the desk. An attachment whose bytes are refused (bad bytes, over
 * the limit) is set aside with the catalogue's 4xx (quarantine), never sent, and the rest syncs.
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Repository } from '../../../renderer/src/db/repository';
import { ensureBlob } from '../../../renderer/src/sync/blobs';
import { SyncEngine } from '../../../renderer/src/sync/engine';
import { readToken } from '../../../renderer/src/sync/settings';
import { createHttpTransport, type SyncTransport } from '../../../renderer/src/sync/transport';
import { SYNC_ERRORS } from '../../../shared/sync/errors';
import type { PushRequest } from '../../../shared/sync/protocol';
import { SETUP_TIMEOUT } from '../../server/helpers';
import { type Desk } from './helpers';
import { BASE, enrol, injectFetch, useDesks, useRealServer } from './real-server';

const BLOB_LIMIT = 64 * 1024;
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const server = useRealServer({ blobBytes: BLOB_LIMIT });
const newDesk = useDesks();

/** Every call the transport makes, in order, over the real routes. */
interface Recorded {
  readonly calls: string[];
  readonly transport: (baseUrl: string, token: string) => SyncTransport;
}

function recording(): Recorded {
  const calls: string[] = [];
  const fetchImpl = injectFetch(server.app);
  return {
    calls,
    transport: (baseUrl, token) => {
      const real = createHttpTransport({ baseUrl, token, fetch: fetchImpl });
      return {
        ...real,
        push: (batch: PushRequest) => (calls.push(`push:${batch.operations.map((o) => o.table).join(',')}`), real.push(batch)),
        uploadBlob: (hash, bytes, mime) => (calls.push(`upload:${hash.slice(0, 8)}`), real.uploadBlob(hash, bytes, mime)),
        downloadBlob: (hash) => (calls.push(`download:${hash.slice(0, 8)}`), real.downloadBlob(hash)),
      };
    },
  };
}

async function enrolledDesk(): Promise<Desk> {
  const desk = await newDesk();
  await enrol(desk, { db: server.t.db, office: server.office, fetch: injectFetch(server.app), deviceName: '扫描窗口' });
  return desk;
}

function engineFor(desk: Desk, rec: Recorded): SyncEngine {
  return new SyncEngine({
    db: desk.db,
    deviceId: async () => desk.deviceId,
    transportFor: (connection, token) => rec.transport(connection.baseUrl, token),
    timers: { set: () => 0, clear: () => undefined },
    random: () => 0.5,
  });
}

/** Stores bytes and their attachment record as the intake screen does (bytes under `hash`, which is normally theirs). */
async function attach(desk: Desk, bytes: Uint8Array, fileName: string, hash: string = sha(bytes)) {
  await desk.db.blobs.put({ sha256: hash, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' }) });
  return new Repository(desk.db, 'attachments').create({ kind: 'scan', fileName, mimeType: 'image/png', size: bytes.length, sha256: hash }, desk.ctx);
}

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
const serverBlobs = async (hash: string) => Number((await server.t.db.query<{ n: unknown }>('SELECT count(*) AS n FROM blobs WHERE sha256 = $1', [hash])).rows[0]!.n);

describe('uploading', () => {
  it('uploads the bytes before the batch that records them; another desk gets the record and the same bytes', async () => {
    const a = await enrolledDesk();
    const b = await enrolledDesk();
    const bytes = new Uint8Array(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));
    const attachment = await attach(a, bytes, '身份证正面.png');
    const rec = recording();
    expect(await engineFor(a, rec).sync('manual')).toMatchObject({ ok: true, pushed: 1 });
    expect(rec.calls.slice(0, 2)).toEqual([`upload:${attachment.sha256.slice(0, 8)}`, 'push:attachments']);

    const recB = recording();
    expect(await engineFor(b, recB).sync('manual')).toMatchObject({ ok: true, pulled: 1, blobs: 1 });
    expect(await b.db.attachments.get(attachment.id)).toEqual(attachment);
    const row = await b.db.blobs.get(attachment.sha256);
    expect(await bytesOf(row!.blob)).toEqual(bytes);
  }, SETUP_TIMEOUT);

  it('the same bytes attached twice are uploaded once and stored once', async () => {
    const a = await enrolledDesk();
    const bytes = new TextEncoder().encode('同一份扫描件');
    const first = await attach(a, bytes, '一.png');
    const second = await attach(a, bytes, '二.png');
    expect(second.sha256).toBe(first.sha256);
    const rec = recording();
    expect(await engineFor(a, rec).sync('manual')).toMatchObject({ ok: true, pushed: 2 });
    expect(rec.calls.filter((c) => c.startsWith('upload:'))).toHaveLength(1);
    expect(await serverBlobs(first.sha256)).toBe(1);
    // Another desk attaching the same bytes later: the server keeps one copy still.
    const c = await enrolledDesk();
    await attach(c, bytes, '三.png');
    expect(await engineFor(c, recording()).sync('manual')).toMatchObject({ ok: true });
    expect(await serverBlobs(first.sha256)).toBe(1);
  }, SETUP_TIMEOUT);

  it('bytes that do not match their hash are refused (blob_hash_mismatch): that attachment is set aside, the rest syncs', async () => {
    const a = await enrolledDesk();
    const claimed = sha(new TextEncoder().encode('原件'));
    await attach(a, new TextEncoder().encode('被改动的字节'), '坏.png', claimed);
    const good = await attach(a, new TextEncoder().encode('好的扫描件'), '好.png');
    const rec = recording();
    const engine = engineFor(a, rec);
    const result = await engine.sync('manual');
    expect(result).toMatchObject({ ok: true, pushed: 1, quarantined: 1 });
    expect(engine.current.phase).toBe('idle');
    // The bad one never reached the server; the good one did, with its bytes.
    expect(rec.calls.filter((c) => c.startsWith('push:'))).toEqual(['push:attachments']);
    expect(await a.db.outbox.count()).toBe(0);
    expect(await serverBlobs(claimed)).toBe(0);
    expect(await serverBlobs(good.sha256)).toBe(1);
    const [parked] = await a.db.quarantine.toArray();
    expect(parked).toMatchObject({ code: 'blob_hash_mismatch', message: '这条修改的附件在本机已损坏（校验值不符）。' });
    expect(parked!.operation.fields).toMatchObject({ fileName: '坏.png' });
  }, SETUP_TIMEOUT);

  it('bytes over the server’s limit are refused with a 4xx (blob_too_large): that attachment is set aside, kept, the rest syncs', async () => {
    const a = await enrolledDesk();
    const big = new Uint8Array(BLOB_LIMIT + 1).fill(9);
    await attach(a, big, '超大.png');
    await new Repository(a.db, 'people').create({ name: '王五', idNumber: '110105194910010031' }, a.ctx);
    const engine = engineFor(a, recording());
    const result = await engine.sync('manual');
    expect(result).toMatchObject({ ok: true, pushed: 1, quarantined: 1 });
    expect(SYNC_ERRORS.blob_too_large.status).toBe(413);
    expect(await a.db.outbox.count()).toBe(0);
    expect(await a.db.quarantine.count()).toBe(1);
    expect(await serverBlobs(sha(big))).toBe(0);
  }, SETUP_TIMEOUT);
});

describe('downloading on demand', () => {
  it('fetches missing bytes once, checks them, keeps them; then serves them from the desk', async () => {
    const a = await enrolledDesk();
    const bytes = new TextEncoder().encode('照片 photo');
    const attachment = await attach(a, bytes, '照片.png');
    await engineFor(a, recording()).sync('manual');

    const b = await enrolledDesk();
    const rec = recording();
    const transport = rec.transport(BASE, (await readToken(b.db))!);
    // Two screens ask at once: one download.
    const [one, two] = await Promise.all([ensureBlob(b.db, transport, attachment.sha256), ensureBlob(b.db, transport, attachment.sha256)]);
    expect(await bytesOf(one!)).toEqual(bytes);
    expect(await bytesOf(two!)).toEqual(bytes);
    expect(rec.calls).toEqual([`download:${attachment.sha256.slice(0, 8)}`]);
    expect(await bytesOf((await b.db.blobs.get(attachment.sha256))!.blob)).toEqual(bytes);
    // Kept: the next request does not touch the network.
    await ensureBlob(b.db, transport, attachment.sha256);
    expect(rec.calls).toHaveLength(1);
  }, SETUP_TIMEOUT);

  it('bytes the server does not have are undefined, not an error; a malformed hash is never asked for', async () => {
    const b = await enrolledDesk();
    const rec = recording();
    const transport = rec.transport(BASE, (await readToken(b.db))!);
    expect(await ensureBlob(b.db, transport, sha(new TextEncoder().encode('没人上传过')))).toBeUndefined();
    expect(await ensureBlob(b.db, transport, 'not-a-hash')).toBeUndefined();
    expect(rec.calls).toHaveLength(1);
    expect(await b.db.blobs.count()).toBe(0);
  }, SETUP_TIMEOUT);
});
