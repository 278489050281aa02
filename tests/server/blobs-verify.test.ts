/** Blobs (content-addressed, office-scoped) and public certificate verification. */
import { describe, expect, it } from 'vitest';
import { createHash, createPublicKey, verify } from 'node:crypto';

import { getPack } from '../../shared/programs/index';
import { uuidv7 } from '../../server/ids';
import { verificationAnswerSchema, verificationSigningPayload, type VerificationAnswer } from '../../shared/sync/protocol';
import { BACKENDS, makeBatch, makeOp, personFields, push, snapshot, testApp, type TestDevice } from './helpers';
import { desksPerSuite, serverPerSuite } from './suite';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(BACKENDS)('blobs (%s)', (kind) => {
  const server = serverPerSuite(kind, { blobBytes: 64 * 1024 });
  const desks = desksPerSuite(server, { a: '测试协会', a2: '测试协会', b: '另一协会' });

  const put = (device: TestDevice, hash: string, bytes: Buffer, type = 'image/jpeg') =>
    server.app.inject({ method: 'PUT', url: `/blobs/${hash}`, headers: { ...device.headers, 'content-type': type }, payload: bytes });
  const get = (device: TestDevice, hash: string) => server.app.inject({ method: 'GET', url: `/blobs/${hash}`, headers: device.headers });
  const blobRows = async (hash: string) => {
    const { rows } = await server.db.query<{ blobs: unknown; links: unknown }>(
      'SELECT (SELECT count(*) FROM blobs WHERE sha256 = $1) AS blobs, (SELECT count(*) FROM office_blobs WHERE sha256 = $1) AS links',
      [hash],
    );
    return { blobs: Number(rows[0]!.blobs), links: Number(rows[0]!.links) };
  };

  it('stores verified bytes once; a second upload is a no-op; any device of the office reads them back', async () => {
    const bytes = Buffer.from('照片内容 photo bytes \u0000\u00ff');
    const hash = sha(bytes);
    const first = await put(desks.a, hash, bytes);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ sha256: hash, size: bytes.length, created: true });
    const second = await put(desks.a2, hash, bytes);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ created: false });
    // Stored once: one row of bytes, one link for the office.
    expect(await blobRows(hash)).toEqual({ blobs: 1, links: 1 });
    const res = await get(desks.a2, hash);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(bytes)).toBe(true);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['x-content-sha256']).toBe(hash);
  });

  it('refuses bytes that do not match their name (blob_hash_mismatch) and keeps nothing', async () => {
    const before = await snapshot(server.db);
    const res = await put(desks.a, sha(Buffer.from('expected')), Buffer.from('tampered'));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: 'blob_hash_mismatch' });
    expect(await snapshot(server.db)).toBe(before);
  });

  it('refuses blobs over the size limit (blob_too_large) and malformed names (invalid_request)', async () => {
    const big = Buffer.alloc(64 * 1024 + 1, 7);
    const res = await put(desks.a, sha(big), big);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: 'blob_too_large' });
    const badName = await put(desks.a, 'NOT-A-HASH', Buffer.from('x'));
    expect(badName.statusCode).toBe(400);
    expect(badName.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('office isolation: another office cannot read a blob it never uploaded (blob_not_found), even knowing the hash', async () => {
    const bytes = Buffer.from('甲办事处的附件');
    const hash = sha(bytes);
    await put(desks.a, hash, bytes);
    const res = await get(desks.b, hash);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'blob_not_found' });
    // Uploading the same bytes proves possession; "created" says nothing about office A.
    const up = await put(desks.b, hash, bytes, 'application/pdf');
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ created: true });
    expect((await get(desks.b, hash)).headers['content-type']).toBe('application/pdf');
    expect((await get(desks.a, hash)).headers['content-type']).toBe('image/jpeg');
    // The bytes are still stored once for both offices; each office has its own link.
    expect(await blobRows(hash)).toEqual({ blobs: 1, links: 2 });
  });

  it('a download returns exactly the bytes uploaded, whatever they are', async () => {
    const bytes = Buffer.from(Array.from({ length: 40_000 }, (_, i) => (i * 31 + 7) % 256));
    const hash = sha(bytes);
    expect((await put(desks.a, hash, bytes, 'application/pdf')).statusCode).toBe(201);
    const res = await get(desks.a2, hash);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(bytes)).toBe(true);
    expect(sha(res.rawPayload)).toBe(hash);
    expect(res.headers['content-length']).toBe(String(bytes.length));
  });

  it('a mismatched upload of a hash the server already holds changes nothing either', async () => {
    const bytes = Buffer.from('真的附件');
    const hash = sha(bytes);
    await put(desks.a, hash, bytes);
    const before = await snapshot(server.db);
    const res = await put(desks.a2, hash, Buffer.from('假的附件'));
    expect(res.json()).toMatchObject({ error: 'blob_hash_mismatch' });
    expect(await snapshot(server.db)).toBe(before);
    expect((await get(desks.a, hash)).rawPayload.equals(bytes)).toBe(true);
  });

  it('requires a device token', async () => {
    const res = await server.app.inject({ method: 'GET', url: `/blobs/${'0'.repeat(64)}` });
    expect(res.statusCode).toBe(401);
  });
});

describe.each(BACKENDS)('public verification (%s)', (kind) => {
  const server = serverPerSuite(kind, {}, () => now);
  const desks = desksPerSuite(server, { a: '深圳市软件行业协会', b: '另一协会' });
  // Pinned clock: 2027-06-01 in Beijing.
  const now = Date.parse('2027-06-01T04:00:00.000Z');

  async function issue(device: TestDevice, certificateNo: string, fields: Record<string, string>, holder = '张三丰') {
    const personId = uuidv7();
    const recordId = uuidv7();
    const at = new Date(now - 60_000).toISOString();
    const ops = [
      makeOp(device.deviceId, personFields(holder), { recordId: personId, millis: now - 60_000 }),
      makeOp(
        device.deviceId,
        { certificateNo, programId: 'xj-isi-pm', holderPersonId: personId, issuedOn: '2026-01-15', status: 'valid', createdAt: at, createdBy: 'c', updatedAt: at, updatedBy: 'c', ...fields },
        { table: 'certificates', recordId, millis: now - 60_000 },
      ),
    ];
    const res = await push(server.app, device, makeBatch(device, ops));
    expect(res.statusCode).toBe(200);
    return { recordId, personId, ops };
  }

  const verifyJson = (no: string, headers: Record<string, string> = {}) =>
    server.app.inject({ method: 'GET', url: `/verify/${encodeURIComponent(no)}`, headers: { accept: 'application/json', ...headers } });

  it('answers JSON with status, masked holder, program, dates, and a signature the office key verifies', async () => {
    await issue(desks.a, 'SZ-2026-0001', { validUntil: '2029-01-14' });
    const res = await verifyJson('SZ-2026-0001');
    expect(res.statusCode).toBe(200);
    const answer = verificationAnswerSchema.parse(res.json()) as VerificationAnswer;
    expect(answer).toMatchObject({ certificateNo: 'SZ-2026-0001', status: 'valid', holderName: '张*丰', programId: 'xj-isi-pm', issuedOn: '2026-01-15', validUntil: '2029-01-14' });
    expect(answer.programName).toBe(getPack('xj-isi-pm')!.names.zh);
    expect(answer.issuer).toMatch(/^深圳市软件行业协会/);
    expect(Object.keys(res.json()).sort()).toEqual(
      ['certificateNo', 'checkedAt', 'holderName', 'issuedOn', 'issuer', 'programId', 'programName', 'signature', 'status', 'validUntil'].sort(),
    );
    expect(res.body).not.toContain('110105194910010015');
    const keys = (await server.app.inject({ method: 'GET', url: `/offices/${desks.a.officeId}/public-key` })).json<{ keys: { keyId: string; publicKey: string }[] }>().keys;
    const key = keys.find((k) => k.keyId === answer.signature.keyId)!;
    const publicKey = createPublicKey({ key: Buffer.from(key.publicKey, 'base64'), format: 'der', type: 'spki' });
    const { signature, ...unsigned } = answer;
    expect(verify(null, Buffer.from(verificationSigningPayload(unsigned)), publicKey, Buffer.from(signature.value, 'base64'))).toBe(true);
    expect(verify(null, Buffer.from(verificationSigningPayload({ ...unsigned, status: 'revoked' })), publicKey, Buffer.from(signature.value, 'base64'))).toBe(false);
  });

  it('reports each status, and a valid certificate past its date as expired', async () => {
    for (const status of ['revoked', 'cancelled', 'suspended', 'expired'] as const) {
      await issue(desks.a, `SZ-S-${status}`, { status });
      expect((await verifyJson(`SZ-S-${status}`)).json()).toMatchObject({ status });
    }
    await issue(desks.a, 'SZ-OLD-1', { validUntil: '2027-05-31' });
    expect((await verifyJson('SZ-OLD-1')).json()).toMatchObject({ status: 'expired' });
    await issue(desks.a, 'SZ-TODAY-1', { validUntil: '2027-06-01' });
    expect((await verifyJson('SZ-TODAY-1')).json()).toMatchObject({ status: 'valid' });
  });

  it('issue 13: after sync, a reissued (voided) number answers 已作废 and a cancelled one 已注销, in JSON and on the page', async () => {
    const { recordId, ops } = await issue(desks.a, 'SZ-LOST-1', { validUntil: '2029-01-14' });
    const cancelled = await issue(desks.a, 'SZ-CXL-1', { validUntil: '2029-01-14' });
    const voided = makeOp(desks.a.deviceId, { status: 'void', replacedBy: uuidv7() }, { table: 'certificates', recordId, prev: { status: [ops[1]!.hlc] }, millis: now - 1000 });
    const cancel = makeOp(desks.a.deviceId, { status: 'cancelled' }, { table: 'certificates', recordId: cancelled.recordId, prev: { status: [cancelled.ops[1]!.hlc] }, millis: now - 1000 });
    expect((await push(server.app, desks.a, makeBatch(desks.a, [voided, cancel]))).statusCode).toBe(200);
    expect((await verifyJson('SZ-LOST-1')).json()).toMatchObject({ certificateNo: 'SZ-LOST-1', status: 'void' });
    expect((await verifyJson('SZ-CXL-1')).json()).toMatchObject({ certificateNo: 'SZ-CXL-1', status: 'cancelled' });
    const page = await server.app.inject({ method: 'GET', url: '/verify/SZ-LOST-1', headers: { accept: 'text/html' } });
    expect(page.body).toContain('状态：<strong class="bad">已作废</strong>');
    const cancelledPage = await server.app.inject({ method: 'GET', url: '/verify/SZ-CXL-1', headers: { accept: 'text/html' } });
    expect(cancelledPage.body).toContain('状态：<strong class="bad">已注销</strong>');
  });

  it('follows later edits: a revocation synced later changes the answer', async () => {
    const { recordId, ops } = await issue(desks.a, 'SZ-REV-1', {});
    const certOp = ops[1]!;
    const revoke = makeOp(desks.a.deviceId, { status: 'revoked' }, { table: 'certificates', recordId, prev: { status: [certOp.hlc] }, millis: now - 1000 });
    await push(server.app, desks.a, makeBatch(desks.a, [revoke]));
    expect((await verifyJson('SZ-REV-1')).json()).toMatchObject({ status: 'revoked' });
  });

  it('unknown numbers are certificate_not_found (JSON 404 and a Chinese HTML page)', async () => {
    const res = await verifyJson('NO-SUCH-CERT');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'certificate_not_found' });
    const html = await server.app.inject({ method: 'GET', url: '/verify/NO-SUCH-CERT', headers: { accept: 'text/html' } });
    expect(html.statusCode).toBe(404);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('未查到证书');
  });

  it('serves a small Chinese HTML page with everything escaped and no external resources', async () => {
    await issue(desks.a, 'SZ-<b>&"x"', {}, '<script>alert(1)</script>');
    const res = await server.app.inject({ method: 'GET', url: `/verify/${encodeURIComponent('SZ-<b>&"x"')}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.body).toContain('证书查验结果');
    expect(res.body).toContain('有效');
    expect(res.body).toContain('SZ-&lt;b&gt;&amp;&quot;x&quot;');
    expect(res.body).not.toContain('<script>');
    expect(res.body).not.toContain('<b>');
    expect(res.body).not.toMatch(/(src|href)=/i);
    expect(res.body).not.toMatch(/https?:\/\//);
  });

  it('office isolation: another office cannot shadow or alter a certificate number it does not own', async () => {
    await issue(desks.a, 'SZ-ISO-1', {});
    const before = (await verifyJson('SZ-ISO-1')).json<VerificationAnswer>();
    await issue(desks.b, 'SZ-ISO-1', { status: 'revoked' }, '冒名者');
    const after = (await verifyJson('SZ-ISO-1')).json<VerificationAnswer>();
    expect(after.status).toBe('valid');
    expect(after.holderName).toBe(before.holderName);
    expect(after.signature.keyId).toBe(before.signature.keyId);
  });

  it('deleted certificates are not shown', async () => {
    const { recordId } = await issue(desks.a, 'SZ-DEL-1', {});
    await push(server.app, desks.a, makeBatch(desks.a, [makeOp(desks.a.deviceId, {}, { table: 'certificates', recordId, kind: 'delete', millis: now - 1000 })]));
    expect((await verifyJson('SZ-DEL-1')).statusCode).toBe(404);
  });

  it('is rate-limited per address', async () => {
    const limited = testApp(server.db, { verifyPerIp: 2 }, () => now);
    const hit = () => limited.inject({ method: 'GET', url: '/verify/ANY', remoteAddress: '10.9.9.9', headers: { accept: 'application/json' } });
    expect((await hit()).statusCode).toBe(404);
    expect((await hit()).statusCode).toBe(404);
    const res = await hit();
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ error: 'rate_limited', message: '查询过于频繁，请稍后再试。' });
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const html = await limited.inject({ method: 'GET', url: '/verify/ANY', remoteAddress: '10.9.9.9' });
    expect(html.statusCode).toBe(429);
    expect(Number(html.headers['retry-after'])).toBeGreaterThan(0);
    expect(html.body).toContain('查询过于频繁');
    await limited.close();
  });

  it('is also limited per address per day, so sequential numbers cannot be walked at the per-minute pace', async () => {
    // Three a day: the per-minute allowance is generous, the day's runs out first.
    const limited = testApp(server.db, { verifyPerIp: 100, verifyPerIpPerDay: 3 }, () => now);
    const hit = (n: number) => limited.inject({ method: 'GET', url: `/verify/SZ-WALK-${n}`, remoteAddress: '10.9.9.10', headers: { accept: 'application/json' } });
    for (const n of [1, 2, 3]) expect((await hit(n)).statusCode).toBe(404);
    const res = await hit(4);
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ error: 'rate_limited', message: '查询过于频繁，请稍后再试。' });
    // The wait is the rest of the day's window, not of the minute's.
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(3600);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(86_400);
    // Another address is not affected.
    const other = await limited.inject({ method: 'GET', url: '/verify/SZ-WALK-1', remoteAddress: '10.9.9.11', headers: { accept: 'application/json' } });
    expect(other.statusCode).toBe(404);
    await limited.close();
  });
});
