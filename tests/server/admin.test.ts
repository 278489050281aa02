/**
 * Offices, enrolment and device tokens: the admin CLI, one-time codes, rate limits, revocation.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { runCli } from '../../server/cli';
import { type Db } from '../../server/db';
import { sha256Hex, uuidv7 } from '../../server/ids';
import { issueEnrolmentCode } from '../../server/offices';
import { BATCH_FILE_FORMAT, type EnrolmentResponse, type PullResponse } from '../../shared/sync/protocol';
import { SYNC_ERRORS } from '../../shared/sync/errors';
import { BACKENDS, enrol, makeBatch, makeOffice, makeOp, personFields, pull, push, testApp } from './helpers';
import { serverPerSuite } from './suite';

async function cli(db: Db, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(db, args, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe.each(BACKENDS)('offices, enrolment and devices (%s)', (kind) => {
  const server = serverPerSuite(kind);
  const enrolBody = (officeCode: string, enrolmentCode: string, deviceId = uuidv7()) => ({
    officeCode,
    enrolmentCode,
    deviceId,
    deviceName: '评审室笔记本',
    appVersion: '0.1.0',
  });

  it('the CLI creates an office, issues a one-time code that enrols a desk once, lists and revokes devices', async () => {
    const created = await cli(server.db, 'office', 'create', '新疆软件行业协会', '--code', 'xj-sia');
    expect(created.code).toBe(0);
    expect(created.out).toContain('XJ-SIA');
    const officeId = /编号 id:\s+(\S+)/.exec(created.out)![1]!;
    expect((await cli(server.db, 'offices')).out).toContain(officeId);
    expect((await cli(server.db, 'office', 'create', '重复', '--code', 'XJ-SIA')).code).toBe(1);

    const issued = await cli(server.db, 'enrol-code', 'XJ-SIA');
    expect(issued.code).toBe(0);
    const printed = /一次性登记码：(\S+)/.exec(issued.out)![1]!;
    // Typed from paper: lower case and spaces are fine.
    const typed = printed.toLowerCase().replace(/-/g, ' ');
    const deviceId = uuidv7();
    const res = await server.app.inject({ method: 'POST', url: '/enrol', payload: enrolBody('xj-sia', typed, deviceId) });
    expect(res.statusCode).toBe(201);
    const body = res.json<EnrolmentResponse>();
    expect(body).toMatchObject({ officeId, officeName: '新疆软件行业协会', deviceId });
    // Only the token's hash is stored.
    const { rows } = await server.db.query<{ token_hash: string }>('SELECT token_hash FROM devices WHERE id = $1', [deviceId]);
    expect(rows[0]!.token_hash).toBe(sha256Hex(body.deviceToken));
    expect(JSON.stringify(rows)).not.toContain(body.deviceToken);

    // One time only.
    const again = await server.app.inject({ method: 'POST', url: '/enrol', payload: enrolBody('XJ-SIA', printed) });
    expect(again.statusCode).toBe(403);
    expect(again.json()).toMatchObject({ error: 'enrolment_code_invalid' });

    const headers = { authorization: `Bearer ${body.deviceToken}` };
    expect((await server.app.inject({ method: 'GET', url: '/sync/pull', headers })).statusCode).toBe(200);
    const listed = await cli(server.db, 'devices', officeId);
    expect(listed.out).toContain(deviceId);
    expect(listed.out).toContain('正常');
    expect(listed.out).not.toContain('最近同步 —');
    expect((await cli(server.db, 'revoke', deviceId)).out).toContain('已停用');
    const refused = await server.app.inject({ method: 'GET', url: '/sync/pull', headers });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: 'device_revoked' });
    expect((await cli(server.db, 'devices', 'XJ-SIA')).out).toContain('已停用');
    // A revoked desk cannot enrol itself back in.
    const { code } = await issueEnrolmentCode(server.db, { id: officeId, code: 'XJ-SIA', name: '' });
    const back = await server.app.inject({ method: 'POST', url: '/enrol', payload: enrolBody('XJ-SIA', code, deviceId) });
    expect(back.json()).toMatchObject({ error: 'device_revoked' });
  });

  it('the CLI explains mistakes and unknown commands', async () => {
    expect((await cli(server.db, 'enrol-code', 'NO-SUCH-OFFICE')).err).toContain('没有这个办事处');
    expect((await cli(server.db, 'revoke', 'no-such-device')).err).toContain('没有这台设备');
    expect((await cli(server.db, 'frobnicate')).code).toBe(2);
    expect((await cli(server.db, 'help')).out).toContain('enrol-code');
    expect((await cli(server.db, 'office', 'create', '坏代码', '--code', '坏')).code).toBe(1);
  });

  it('the CLI rotates an office key and the public key endpoint lists both', async () => {
    const office = await makeOffice(server.db);
    const rotated = await cli(server.db, 'rotate-key', office.code);
    expect(rotated.code).toBe(0);
    const res = await server.app.inject({ method: 'GET', url: `/offices/${office.id}/public-key` });
    expect(res.statusCode).toBe(200);
    const keys = res.json<{ keys: { retiredAt: string | null; publicKeyPem: string }[] }>().keys;
    expect(keys).toHaveLength(2);
    expect(keys.filter((k) => k.retiredAt === null)).toHaveLength(1);
    expect(keys[0]!.publicKeyPem).toContain('BEGIN PUBLIC KEY');
    const missing = await server.app.inject({ method: 'GET', url: '/offices/no-such-office/public-key' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'not_found' });
  });

  it('refuses wrong, expired and other offices’ codes with enrolment_code_invalid; a malformed request with invalid_request', async () => {
    const office = await makeOffice(server.db);
    const other = await makeOffice(server.db);
    const { code } = await issueEnrolmentCode(server.db, office);
    for (const payload of [enrolBody(office.code, 'WRONGCODE123'), enrolBody(other.code, code), enrolBody('NO-SUCH', code)]) {
      const res = await server.app.inject({ method: 'POST', url: '/enrol', payload });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: 'enrolment_code_invalid' });
    }
    const expired = await issueEnrolmentCode(server.db, office, 1);
    await server.db.query("UPDATE enrolment_codes SET expires_at = now() - interval '1 second' WHERE code_hash = $1", [
      sha256Hex(`${office.id}:${expired.code}`),
    ]);
    expect((await server.app.inject({ method: 'POST', url: '/enrol', payload: enrolBody(office.code, expired.code) })).json()).toMatchObject({
      error: 'enrolment_code_invalid',
    });
    const bad = await server.app.inject({ method: 'POST', url: '/enrol', payload: { officeCode: office.code } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'invalid_request' });
    // The code is still good after all that.
    expect((await server.app.inject({ method: 'POST', url: '/enrol', payload: enrolBody(office.code, code) })).statusCode).toBe(201);
  });

  it('a desk enrolled in one office cannot enrol into another (forbidden_office); re-enrolling needs its token or the administrator’s release', async () => {
    const office = await makeOffice(server.db);
    const other = await makeOffice(server.db);
    const device = await enrol(server.app, server.db, office);
    const { code } = await issueEnrolmentCode(server.db, other);
    const res = await server.app.inject({ method: 'POST', url: '/enrol', payload: enrolBody(other.code, code, device.deviceId) });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: 'forbidden_office' });

    // A fresh code alone never takes over an enrolled device id (W7).
    const takeover = await server.app.inject({ method: 'POST', url: '/enrol', payload: enrolBody(office.code, (await issueEnrolmentCode(server.db, office)).code, device.deviceId) });
    expect(takeover.statusCode).toBe(409);
    expect(takeover.json()).toMatchObject({ error: 'device_already_enrolled' });
    expect((await pull(server.app, device)).statusCode).toBe(200);

    // The desk itself, proving it with its current token, gets a new one.
    const again = await server.app.inject({
      method: 'POST',
      url: '/enrol',
      headers: device.headers,
      payload: enrolBody(office.code, (await issueEnrolmentCode(server.db, office)).code, device.deviceId),
    });
    expect(again.statusCode).toBe(201);
    const renewedToken = again.json<{ deviceToken: string }>().deviceToken;
    expect(renewedToken).not.toBe(device.token);
    expect((await pull(server.app, device)).json()).toMatchObject({ error: 'unauthenticated' });
    expect((await server.app.inject({ method: 'GET', url: '/sync/pull', headers: { authorization: `Bearer ${renewedToken}` } })).statusCode).toBe(200);

    // A desk that lost its token: the administrator releases the id, then a code enrols it once.
    const released = await cli(server.db, 'release', device.deviceId);
    expect(released.code).toBe(0);
    const renewed = await enrol(server.app, server.db, office, device.deviceId);
    expect((await pull(server.app, renewed)).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'GET', url: '/sync/pull', headers: { authorization: `Bearer ${renewedToken}` } })).statusCode).toBe(401);
    const secondTry = await server.app.inject({ method: 'POST', url: '/enrol', payload: enrolBody(office.code, (await issueEnrolmentCode(server.db, office)).code, device.deviceId) });
    expect(secondTry.json()).toMatchObject({ error: 'device_already_enrolled' });
  });

  it('rate-limits enrolment per address and per code (rate_limited, 429 with Retry-After)', async () => {
    const limited = testApp(server.db, { enrolPerIp: 3, enrolPerCode: 2, enrolPerOffice: 1000 });
    const office = await makeOffice(server.db);
    const try_ = (ip: string, code: string) =>
      limited.inject({ method: 'POST', url: '/enrol', remoteAddress: ip, payload: enrolBody(office.code, code) });
    // Per address: the 4th attempt from one address is refused, whatever the code.
    for (let i = 0; i < 3; i++) expect((await try_('10.0.0.1', `GUESS${i}AAAA`)).statusCode).toBe(403);
    const blocked = await try_('10.0.0.1', 'GUESS9AAAA');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ error: 'rate_limited', message: SYNC_ERRORS.rate_limited.message });
    // The wait is what is left of the window (15 minutes by default), in the header and the body.
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(blocked.json<{ details: { retryAfterSeconds: number } }>().details.retryAfterSeconds).toBe(retryAfter);
    // Per code: the same code from many addresses, third attempt refused even if it is right.
    const { code } = await issueEnrolmentCode(server.db, office);
    // One character off — never the code itself (a code may end in Z).
    const wrong = `${code.slice(0, -1)}${code.endsWith('Z') ? 'Y' : 'Z'}`;
    expect((await try_('10.0.1.1', wrong)).statusCode).toBe(403);
    expect((await try_('10.0.1.2', wrong)).statusCode).toBe(403);
    const perCode = await try_('10.0.1.3', wrong);
    expect(perCode.json()).toMatchObject({ error: 'rate_limited' });
    expect(Number(perCode.headers['retry-after'])).toBeGreaterThan(0);
    await limited.close();
  });

  it('refuses a missing or unknown token with unauthenticated', async () => {
    for (const authorization of [undefined, 'Bearer adt_not-a-real-token-at-all', 'Basic abc']) {
      const res = await server.app.inject({ method: 'GET', url: '/sync/pull', headers: authorization === undefined ? {} : { authorization } });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: 'unauthenticated' });
    }
  });

  it('imports a batch file twice (CLI and HTTP): the second import changes nothing', async () => {
    const office = await makeOffice(server.db);
    const carrier = await enrol(server.app, server.db, office);
    const offline = await enrol(server.app, server.db, office);
    const batches = [makeBatch(offline, [makeOp(offline.deviceId, personFields('离线一'))]), makeBatch(offline, [makeOp(offline.deviceId, personFields('离线二'))])];
    const file = { format: BATCH_FILE_FORMAT, version: 1, officeId: office.id, deviceId: offline.deviceId, exportedAt: new Date().toISOString(), batches };
    const dir = mkdtempSync(path.join(tmpdir(), 'desk-import-'));
    const filePath = path.join(dir, 'outbox.json');
    writeFileSync(filePath, JSON.stringify(file));
    const first = await cli(server.db, 'import', filePath);
    expect(first.code).toBe(0);
    expect(first.out).toContain('新增 2 条操作');
    const viaHttp = await server.app.inject({ method: 'POST', url: '/sync/import', headers: carrier.headers, payload: file });
    expect(viaHttp.statusCode).toBe(200);
    expect(viaHttp.json<{ applied: string[] }[]>().map((r) => r.applied)).toEqual(batches.map((b) => b.operations.map((o) => o.id)));
    const pulled = (await pull(server.app, carrier)).json<PullResponse>().operations.map((o) => o.id);
    expect(pulled).toEqual(batches.flatMap((b) => b.operations.map((o) => o.id)));

    // Another office's device cannot import into this office, nor name another office.
    const stranger = await enrol(server.app, server.db, await makeOffice(server.db));
    const refused = await server.app.inject({ method: 'POST', url: '/sync/import', headers: stranger.headers, payload: file });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: 'forbidden_office' });
    const noOffice = { ...file, officeId: undefined };
    expect((await server.app.inject({ method: 'POST', url: '/sync/import', headers: stranger.headers, payload: noOffice })).json()).toMatchObject({
      error: 'forbidden_office',
    });
    expect((await cli(server.db, 'import', path.join(dir, 'missing.json'))).code).toBe(1);
    // A desk that never enrolled (no network at all): the administrator names its office.
    const neverOnline = uuidv7();
    const offlineFile = { ...file, officeId: undefined, deviceId: neverOnline, batches: [makeBatch({ deviceId: neverOnline }, [makeOp(neverOnline, personFields('从未联网'))])] };
    const offlinePath = path.join(dir, 'never-online.json');
    writeFileSync(offlinePath, JSON.stringify(offlineFile));
    expect((await cli(server.db, 'import', offlinePath)).err).toContain('--office');
    expect((await cli(server.db, 'import', offlinePath, '--office', office.code)).out).toContain('新增 1 条操作');
    // …and the wrong office is refused: the device now belongs to the first.
    expect((await cli(server.db, 'import', offlinePath, '--office', (await makeOffice(server.db)).code)).code).toBe(1);
    // Pushing the same batches directly after the import is one clean push too.
    expect((await push(server.app, offline, batches[0])).statusCode).toBe(200);
  });
});
