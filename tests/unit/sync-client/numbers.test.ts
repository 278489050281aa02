/**
 * Certificate numbers and the office key on enrolled desks, against the real server (fastify
 * `inject`, PGlite): two desks top up from the office's ledger, then issue offline, alternately,
 * and never print the same number; a desk with no number left and no server refuses in Chinese
 * and writes nothing; a reservation whose answer was lost is retried with the same request id
 * and yields one block; numbers a desk issued on its own before enrolling are never handed out
 * again; the office key arrives with a sync and is what certificates are signed with.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Repository } from '../../../renderer/src/db/repository';
import { loadSigning, nextCertificateNo, NO_NUMBER_MESSAGE, numbersLeft, saveSigning, signingSource } from '../../../renderer/src/documents/settings';
import { certificateSeries, prepareNumbers, topUpNumbers } from '../../../renderer/src/sync/numbers';
import { syncPass } from '../../../renderer/src/sync/run';
import { createHttpTransport, type SyncTransport } from '../../../renderer/src/sync/transport';
import { readToken } from '../../../renderer/src/sync/settings';
import type { Series } from '../../../shared/documents/numbering';
import type { Result } from '../../../shared/rules/result';
import { type Desk } from './helpers';
import { BASE, enrol, injectFetch, useDesks, useRealServer } from './real-server';

const server = useRealServer();
const newDesk = useDesks();

async function enrolDesk(desk: Desk): Promise<void> {
  await enrol(desk, { db: server.t.db, office: server.office, fetch: injectFetch(server.app), deviceName: '发证窗口' });
}

async function online(desk: Desk, fetchImpl: typeof fetch = injectFetch(server.app)): Promise<SyncTransport> {
  const token = await readToken(desk.db);
  return createHttpTransport({ baseUrl: BASE, ...(token === undefined ? {} : { token }), fetch: fetchImpl });
}

/** A transport whose every request fails as a network failure does. */
async function offline(desk: Desk): Promise<SyncTransport> {
  return online(desk, (async () => {
    throw new TypeError('Failed to fetch');
  }) as typeof fetch);
}

/** Issues one certificate on a desk as renderer/src/documents/issue.ts does: number and record in one transaction. */
async function issue(desk: Desk, series: Series): Promise<Result<string>> {
  const certificates = new Repository(desk.db, 'certificates');
  return desk.db.transaction('rw', [desk.db.certificates, desk.db.outbox, desk.db.auditLog, desk.db.mergeStates, desk.db.settings], async () => {
    const number = await nextCertificateNo(desk.db, desk.deviceId, series);
    if (!number.ok) return number;
    await certificates.create({ certificateNo: number.value, programId: 'xj-isi-pm', issuedOn: `${series.year}-03-01`, status: 'valid' }, desk.ctx);
    return number;
  });
}

async function mustIssue(desk: Desk, series: Series): Promise<string> {
  const r = await issue(desk, series);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function serverBlocks(series: string): Promise<{ device: string; start: number; end: number }[]> {
  const { rows } = await server.t.db.query<{ device_id: string; start_no: number; end_no: number }>(
    'SELECT device_id, start_no, end_no FROM number_blocks WHERE office_id = $1 AND series = $2 ORDER BY start_no',
    [server.office.id, series],
  );
  return rows.map((r) => ({ device: r.device_id, start: Number(r.start_no), end: Number(r.end_no) }));
}

describe('certificate numbers from the office ledger', () => {
  it('two desks top up, then issue offline alternately: every number is distinct and was reserved for the desk that printed it', async () => {
    const [a, b] = [await newDesk(), await newDesk()];
    await enrolDesk(a);
    await enrolDesk(b);
    const series = { prefix: 'XJPM', year: 2028 };
    // Online: each desk prepares for 130 certificates (more than one default block).
    for (const desk of [a, b]) {
      const prepared = await prepareNumbers(desk.db, await online(desk), desk.deviceId, [{ series, count: 130 }]);
      expect(prepared.failure).toBeNull();
      expect(prepared.received).toBeGreaterThanOrEqual(130);
    }
    // Offline from here: nothing can reach the server.
    const offlineA = await offline(a);
    expect((await prepareNumbers(a.db, offlineA, a.deviceId, [{ series, count: 500 }])).failure).toMatchObject({ code: 'network' });
    const issued: { desk: string; no: string }[] = [];
    for (let i = 0; i < 130; i++) {
      for (const desk of [a, b]) issued.push({ desk: desk.deviceId, no: await mustIssue(desk, series) });
    }
    expect(new Set(issued.map((x) => x.no)).size).toBe(260);
    const blocks = await serverBlocks('XJPM-2028');
    for (const { desk, no } of issued) {
      const n = Number(no.slice(-6));
      expect(no.startsWith('XJPM-2028-')).toBe(true);
      expect(blocks.some((bl) => bl.device === desk && bl.start <= n && n <= bl.end), no).toBe(true);
    }
    // Blocks of the two desks never overlap on the server either.
    blocks.forEach((bl, i) => {
      if (i > 0) expect(bl.start).toBeGreaterThan(blocks[i - 1]!.end);
    });
    expect(await a.db.certificates.count()).toBe(130);
  });

  it('offline with no number left: refused in Chinese, nothing written (not even the number state)', async () => {
    const desk = await newDesk();
    await enrolDesk(desk);
    const series = { prefix: 'XJSI', year: 2029 };
    const before = await desk.db.settings.toArray();
    const outbox = await desk.db.outbox.count();
    const prepared = await prepareNumbers(desk.db, await offline(desk), desk.deviceId, [{ series, count: 1 }]);
    expect(prepared.failure).toMatchObject({ code: 'network' });
    const refused = await issue(desk, series);
    expect(refused).toEqual({ ok: false, error: expect.objectContaining({ code: 'numbering.no-block', message: NO_NUMBER_MESSAGE }) });
    expect(NO_NUMBER_MESSAGE).toContain('本机没有可用的证书编号，请联网同步后再发证');
    expect(await desk.db.certificates.count()).toBe(0);
    expect(await desk.db.outbox.count()).toBe(outbox);
    // The pending request stays (to be sent again with the same id); nothing else changed.
    const after = (await desk.db.settings.toArray()).filter((s) => s.key !== 'documents.pendingReservations');
    expect(after).toEqual(before);
    // Back online: the same request goes out, and issuing works.
    await topUpNumbers(desk.db, await online(desk), desk.deviceId, series);
    expect(await mustIssue(desk, series)).toBe('XJSI-2029-000001');
    expect(await serverBlocks('XJSI-2029')).toEqual([{ device: desk.deviceId, start: 1, end: 100 }]);
  });

  it('a reservation whose answer was lost is sent again with the same id and yields one block', async () => {
    const desk = await newDesk();
    await enrolDesk(desk);
    const series = { prefix: 'RK', year: 2028 };
    const lossy = await online(desk, injectFetch(server.app, { loseReplies: { path: '/sync/numbers/reserve', count: 1 } }));
    await expect(topUpNumbers(desk.db, lossy, desk.deviceId, series)).rejects.toMatchObject({ code: 'network' });
    expect(await serverBlocks('RK-2028')).toHaveLength(1);
    expect((await numbersLeft(desk.db, desk.deviceId)).left['RK-2028']).toBeUndefined();
    await topUpNumbers(desk.db, lossy, desk.deviceId, series);
    expect(await serverBlocks('RK-2028')).toEqual([{ device: desk.deviceId, start: 1, end: 100 }]);
    expect(await numbersLeft(desk.db, desk.deviceId)).toEqual({ enrolled: true, left: { 'RK-2028': 100 } });
  });

  it('a refusal (the year’s numbers are used up) reserved nothing: the request is forgotten, and issuing is refused', async () => {
    const desk = await newDesk();
    await enrolDesk(desk);
    // The series' ledger is one for the whole server (issue 17).
    await server.t.db.query("INSERT INTO number_ledger (series, last_no) VALUES ('SZ-2032', 999999)");
    const series = { prefix: 'SZ', year: 2032 };
    const prepared = await prepareNumbers(desk.db, await online(desk), desk.deviceId, [{ series, count: 1 }]);
    expect(prepared.failure).toMatchObject({ code: 'numbers_exhausted' });
    expect((await desk.db.settings.get('documents.pendingReservations'))?.value).toEqual({});
    expect((await issue(desk, series)).ok).toBe(false);
    expect(await desk.db.certificates.count()).toBe(0);
  });

  it('a desk that numbered on its own reports its numbers on enrolment, and then uses only server blocks', async () => {
    const desk = await newDesk();
    const series = { prefix: 'IETS', year: 2030 };
    // Not enrolled: the desk's own ledger, as before.
    expect(await numbersLeft(desk.db, desk.deviceId)).toEqual({ enrolled: false, left: {} });
    for (let i = 1; i <= 5; i++) expect(await mustIssue(desk, series)).toBe(`IETS-2030-00000${i}`);
    // Another desk of the office already enrolled and reserved the first block.
    const other = await newDesk();
    await enrolDesk(other);
    await topUpNumbers(other.db, await online(other), other.deviceId, series);
    await enrolDesk(desk);
    // Enrolled, offline, no server block: the rest of its local block (6…100) is NOT used.
    const refused = await issue(desk, series);
    expect(refused.ok).toBe(false);
    await topUpNumbers(desk.db, await online(desk), desk.deviceId, series);
    expect(await mustIssue(desk, series)).toBe('IETS-2030-000101');

    // A desk alone on a fresh series: the server's ledger continues above what it issued.
    const alone = await newDesk();
    const fresh = { prefix: 'ZJIT', year: 2031 };
    for (let i = 0; i < 7; i++) await mustIssue(alone, fresh);
    await enrolDesk(alone);
    await topUpNumbers(alone.db, await online(alone), alone.deviceId, fresh);
    // The numbers it printed alone are recorded as its office's (so they verify), then its block.
    expect(await serverBlocks('ZJIT-2031')).toEqual([
      { device: alone.deviceId, start: 1, end: 7 },
      { device: alone.deviceId, start: 8, end: 107 },
    ]);
    expect(await mustIssue(alone, fresh)).toBe('ZJIT-2031-000008');
  });

  it('a sync pass brings the office key and this year’s blocks of every certificate program', async () => {
    const desk = await newDesk();
    expect(await signingSource(desk.db)).toBe('local');
    await enrolDesk(desk);
    expect(await signingSource(desk.db)).toBe('server-missing');
    await saveSigning(desk.db, { verifyHost: 'verify.example.org.cn', privateKeyPkcs8: '' }, { userId: null, role: 'admin' });
    expect(await loadSigning(desk.db)).toBeUndefined();

    const now = Date.parse('2027-06-01T08:00:00.000Z');
    await syncPass(desk.db, await online(desk), desk.deviceId, { now: () => now });
    expect(await signingSource(desk.db)).toBe('server');
    const { left } = await numbersLeft(desk.db, desk.deviceId);
    const expected = certificateSeries(2027).map((s) => `${s.prefix}-${s.year}`);
    expect(Object.keys(left).sort()).toEqual(expected);
    for (const key of expected) expect(left[key]).toBe(100);
    // A second pass changes nothing: the blocks are full enough, the key is fresh.
    await syncPass(desk.db, await online(desk), desk.deviceId, { now: () => now + 60_000 });
    expect((await numbersLeft(desk.db, desk.deviceId)).left).toEqual(left);

    // What the desk signs with verifies against the key the office publishes.
    const signing = await loadSigning(desk.db);
    expect(signing?.verifyHost).toBe('verify.example.org.cn');
    const published = (await server.app.inject({ method: 'GET', url: `/offices/${server.office.id}/public-key` })).json<{ keys: { publicKey: string; retiredAt: string | null }[] }>();
    const current = published.keys.find((k) => k.retiredAt === null)!;
    const bytes = (b64: string) => Uint8Array.from(Buffer.from(b64, 'base64'));
    // The print path gets the key only as a key that signs: it cannot be read back out.
    const privateKey = signing!.privateKey;
    expect(privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', privateKey)).rejects.toThrow();
    const publicKey = await crypto.subtle.importKey('spki', bytes(current.publicKey), { name: 'Ed25519' }, false, ['verify']);
    const data = new TextEncoder().encode('XJPM-2027-000001');
    const signature = await crypto.subtle.sign({ name: 'Ed25519' }, privateKey, data);
    expect(await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, signature, data)).toBe(true);
  });
});
