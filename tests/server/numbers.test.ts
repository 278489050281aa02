/**
 * The office's certificate number ledger (POST /sync/numbers/reserve) and the office key for its
 * desks (GET /sync/office-key): parallel reservations never overlap, a retried request id gets
 * its block again, offices and devices are kept apart, and only an enrolled device of the office
 * gets the office's key.
 */
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { type LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';

import { uuidv7 } from '../../server/ids';
import { revokeDevice, rotateOfficeKey } from '../../server/offices';
import { SYNC_ERRORS } from '../../shared/sync/errors';
import { numberReserveResponseSchema, officeKeyResponseSchema, type NumberReserveResponse } from '../../shared/sync/numbers';
import { BACKENDS, enrol, type TestDevice } from './helpers';
import { desksPerSuite, serverPerSuite } from './suite';

describe.each(BACKENDS)('certificate number blocks (%s)', (kind) => {
  const server = serverPerSuite(kind);
  const desks = desksPerSuite(server, { a1: '测试协会', a2: '测试协会', a3: '测试协会', b: '另一协会' });

  const reserve = (device: TestDevice | null, body: unknown): Promise<LightMyRequestResponse> =>
    server.app.inject({ method: 'POST', url: '/sync/numbers/reserve', headers: device?.headers ?? {}, payload: body as object });
  const block = (res: LightMyRequestResponse): NumberReserveResponse['block'] => {
    if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
    return numberReserveResponseSchema.parse(res.json()).block;
  };
  const ledgerRows = async (series: string) =>
    (
      await server.db.query<{ start_no: number; end_no: number }>(
        'SELECT start_no, end_no FROM number_blocks WHERE office_id = $1 AND series = $2 ORDER BY start_no',
        [desks.office('a1').id, series],
      )
    ).rows.map((r) => [Number(r.start_no), Number(r.end_no)]);

  it('parallel reservations from several desks never overlap and leave no hole', async () => {
    const devices = [desks.a1, desks.a2, desks.a3];
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) => reserve(devices[i % 3]!, { requestId: uuidv7(), series: { prefix: 'XJPM', year: 2026 }, size: 7 })),
    );
    expect(answers.map((r) => r.statusCode)).toEqual(Array(24).fill(201));
    const blocks = answers.map(block).sort((x, y) => x.start - y.start);
    blocks.forEach((bl, i) => {
      expect(bl.series).toBe('XJPM-2026');
      expect(bl.start).toBe(i * 7 + 1);
      expect(bl.end).toBe(i * 7 + 7);
    });
    // Each block went to the device that asked for it.
    answers.forEach((res, i) => expect(block(res).deviceId).toBe(devices[i % 3]!.deviceId));
    expect(await ledgerRows('XJPM-2026')).toHaveLength(24);
  });

  it('a retry with the same request id (the answer was lost) gets the same block, not a second one', async () => {
    const requestId = uuidv7();
    const body = { requestId, series: { prefix: 'XJSI', year: 2026 } };
    const first = await reserve(desks.a1, body);
    expect(first.statusCode).toBe(201);
    expect(block(first)).toEqual({ series: 'XJSI-2026', deviceId: desks.a1.deviceId, start: 1, end: 100 });
    const again = await reserve(desks.a1, body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    // Parallel duplicates of one new request: still one block.
    const racing = { requestId: uuidv7(), series: { prefix: 'XJSI', year: 2026 }, size: 10 };
    const answers = await Promise.all(Array.from({ length: 6 }, () => reserve(desks.a2, racing)));
    expect(new Set(answers.map((r) => JSON.stringify(block(r)))).size).toBe(1);
    expect(block(answers[0]!)).toMatchObject({ start: 101, end: 110 });
    expect(await ledgerRows('XJSI-2026')).toEqual([
      [1, 100],
      [101, 110],
    ]);
    // The same id from another device is another request.
    expect(block(await reserve(desks.a3, body))).toMatchObject({ deviceId: desks.a3.deviceId, start: 111, end: 210 });
    // The same id for another series is a client bug.
    const other = await reserve(desks.a1, { requestId, series: { prefix: 'XJPM', year: 2027 } });
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('each series has its own sequence, one for the whole server: another office gets the next block, never the same numbers', async () => {
    expect(block(await reserve(desks.a1, { requestId: uuidv7(), series: { prefix: 'XJPM', year: 2027 }, size: 5 }))).toMatchObject({ start: 1, end: 5 });
    // Office A holds XJPM-2026 1–168 (the parallel test); B's block follows it.
    const fromB = block(await reserve(desks.b, { requestId: uuidv7(), series: { prefix: 'XJPM', year: 2026 }, size: 5 }));
    expect(fromB).toEqual({ series: 'XJPM-2026', deviceId: desks.b.deviceId, start: 169, end: 173 });
    expect(block(await reserve(desks.a1, { requestId: uuidv7(), series: { prefix: 'XJPM', year: 2026 }, size: 2 }))).toMatchObject({ start: 174, end: 175 });
    const { rows } = await server.db.query<{ n: unknown }>('SELECT count(*) AS n FROM number_blocks WHERE device_id = $1', [desks.b.deviceId]);
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it('numbers a desk issued on its own before enrolling move the ledger above them', async () => {
    const first = block(await reserve(desks.a1, { requestId: uuidv7(), series: { prefix: 'ZJIT', year: 2026 }, size: 10, issuedUpTo: 37 }));
    expect(first).toMatchObject({ start: 38, end: 47 });
    // Lower than the ledger: changes nothing.
    expect(block(await reserve(desks.a2, { requestId: uuidv7(), series: { prefix: 'ZJIT', year: 2026 }, size: 10, issuedUpTo: 12 }))).toMatchObject({ start: 48, end: 57 });
  });

  it('near 999999 gives what is left, then refuses with numbers_exhausted and changes nothing', async () => {
    const near = block(await reserve(desks.a1, { requestId: uuidv7(), series: { prefix: 'SZ', year: 2030 }, size: 10, issuedUpTo: 999_980 }));
    expect(near).toMatchObject({ start: 999_981, end: 999_990 });
    expect(block(await reserve(desks.a2, { requestId: uuidv7(), series: { prefix: 'SZ', year: 2030 }, size: 100 }))).toMatchObject({ start: 999_991, end: 999_999 });
    const res = await reserve(desks.a1, { requestId: uuidv7(), series: { prefix: 'SZ', year: 2030 }, size: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'numbers_exhausted', message: SYNC_ERRORS.numbers_exhausted.message });
    const { rows } = await server.db.query<{ last_no: number; n: unknown }>(
      "SELECT last_no, (SELECT count(*) FROM number_blocks WHERE office_id = $1 AND series = 'SZ-2030') AS n FROM number_ledger WHERE series = 'SZ-2030'",
      [desks.office('a1').id],
    );
    expect(Number(rows[0]!.last_no)).toBe(999_999);
    // The numbers printed before enrolment (1–999980) and the two blocks.
    expect(Number(rows[0]!.n)).toBe(3);
  });

  it.each([
    ['no request id', { series: { prefix: 'XJPM', year: 2026 } }],
    ['a lower-case prefix', { requestId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', series: { prefix: 'xjpm', year: 2026 } }],
    ['a year out of range', { requestId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', series: { prefix: 'XJPM', year: 1999 } }],
    ['size 0', { requestId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', series: { prefix: 'XJPM', year: 2026 }, size: 0 }],
    ['a huge size', { requestId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', series: { prefix: 'XJPM', year: 2026 }, size: 5000 }],
    ['a negative issuedUpTo', { requestId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', series: { prefix: 'XJPM', year: 2026 }, issuedUpTo: -1 }],
    ['not an object', [1, 2]],
  ])('refuses %s with invalid_request', async (_name, body) => {
    const res = await reserve(desks.a1, body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('needs a valid, unrevoked device token', async () => {
    const body = { requestId: uuidv7(), series: { prefix: 'XJPM', year: 2026 } };
    expect((await reserve(null, body)).json()).toMatchObject({ error: 'unauthenticated' });
    const wrong = await server.app.inject({ method: 'POST', url: '/sync/numbers/reserve', headers: { authorization: `Bearer ${'x'.repeat(40)}` }, payload: body });
    expect(wrong.statusCode).toBe(401);
    const doomed = await enrol(server.app, server.db, desks.office('a1'));
    await revokeDevice(server.db, doomed.deviceId);
    const revoked = await reserve(doomed, body);
    expect(revoked.statusCode).toBe(403);
    expect(revoked.json()).toMatchObject({ error: 'device_revoked' });
  });

  describe('office key', () => {
    const getKey = (device: TestDevice | null) => server.app.inject({ method: 'GET', url: '/sync/office-key', headers: device?.headers ?? {} });

    it('gives a device its own office key pair, the one the office publishes', async () => {
      const res = await getKey(desks.a1);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const key = officeKeyResponseSchema.parse(res.json());
      expect(key.officeId).toBe(desks.office('a1').id);
      const published = (await server.app.inject({ method: 'GET', url: `/offices/${desks.office('a1').id}/public-key` })).json<{ keys: { keyId: string; publicKey: string; retiredAt: string | null }[] }>();
      expect(published.keys.find((k) => k.retiredAt === null)).toMatchObject({ keyId: key.keyId, publicKey: key.publicKeySpki });
      // The pair belongs together: what the private half signs, the published half verifies.
      const privateKey = createPrivateKey({ key: Buffer.from(key.privateKeyPkcs8, 'base64'), format: 'der', type: 'pkcs8' });
      const publicKey = createPublicKey({ key: Buffer.from(key.publicKeySpki, 'base64'), format: 'der', type: 'spki' });
      const signature = sign(null, Buffer.from('XJPM-2026-000001'), privateKey);
      expect(verify(null, Buffer.from('XJPM-2026-000001'), publicKey, signature)).toBe(true);

      const other = officeKeyResponseSchema.parse((await getKey(desks.b)).json());
      expect(other.officeId).toBe(desks.b.officeId);
      expect(other.keyId).not.toBe(key.keyId);
      expect(other.privateKeyPkcs8).not.toBe(key.privateKeyPkcs8);
    });

    it('follows a rotation, and is refused without a valid token', async () => {
      const before = officeKeyResponseSchema.parse((await getKey(desks.a2)).json());
      const rotated = await rotateOfficeKey(server.db, desks.office('a1').id);
      const after = officeKeyResponseSchema.parse((await getKey(desks.a2)).json());
      expect(after.keyId).toBe(rotated);
      expect(after.keyId).not.toBe(before.keyId);
      expect((await getKey(null)).statusCode).toBe(401);
      const doomed = await enrol(server.app, server.db, desks.office('a1'));
      await revokeDevice(server.db, doomed.deviceId);
      expect((await getKey(doomed)).json()).toMatchObject({ error: 'device_revoked' });
    });
  });
});
