/**
 * Offices, their signing keys, enrolment codes and devices: what the admin CLI manages and what
 * enrolment and authentication read. Pure database functions, so the CLI, the HTTP routes and the
 * tests share them.
 */
import { generateKeyPairSync } from 'node:crypto';
import { type Db, type Queryable } from './db';
import { newDeviceToken, newEnrolmentCode, newOfficeCode, sha256Hex, uuidv7 } from './ids';

export interface Office {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

export interface DeviceRow {
  readonly id: string;
  readonly officeId: string;
  readonly name: string;
  readonly appVersion: string;
  readonly enrolledAt: Date;
  readonly lastSeenAt: Date | null;
  readonly revokedAt: Date | null;
}

export class AdminError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminError';
  }
}

const OFFICE_CODE = /^[A-Z0-9-]{2,32}$/;

/** A new Ed25519 key pair for an office; key id = first 16 hex digits of the public key's hash. */
export function newOfficeKey(): { keyId: string; publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return {
    keyId: sha256Hex(spki).slice(0, 16),
    publicKey: spki.toString('base64'),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

export async function createOffice(db: Db, name: string, code?: string): Promise<Office> {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 100) throw new AdminError('办事处名称应为 1–100 个字');
  const officeCode = (code ?? newOfficeCode()).trim().toUpperCase();
  if (!OFFICE_CODE.test(officeCode)) throw new AdminError('办事处代码只能包含字母、数字和“-”，2–32 位');
  const id = uuidv7();
  const key = newOfficeKey();
  return db.transaction(async (tx) => {
    const inserted = await tx.query(
      'INSERT INTO offices (id, code, name) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING RETURNING id',
      [id, officeCode, trimmed],
    );
    if (inserted.rows.length === 0) throw new AdminError(`办事处代码 ${officeCode} 已被使用`);
    await tx.query('INSERT INTO office_keys (key_id, office_id, public_key, private_key) VALUES ($1, $2, $3, $4)', [
      key.keyId,
      id,
      key.publicKey,
      key.privateKey,
    ]);
    return { id, code: officeCode, name: trimmed };
  });
}

/** An office by id or by code (what an administrator types). */
export async function findOffice(db: Queryable, idOrCode: string): Promise<Office | undefined> {
  const { rows } = await db.query<{ id: string; code: string; name: string }>(
    'SELECT id, code, name FROM offices WHERE id = $1 OR code = $2',
    [idOrCode, idOrCode.trim().toUpperCase()],
  );
  return rows[0];
}

export async function requireOffice(db: Queryable, idOrCode: string): Promise<Office> {
  const office = await findOffice(db, idOrCode);
  if (office === undefined) throw new AdminError(`没有这个办事处：${idOrCode}`);
  return office;
}

export async function listOffices(db: Queryable): Promise<Office[]> {
  return (await db.query<{ id: string; code: string; name: string }>('SELECT id, code, name FROM offices ORDER BY created_at, id')).rows;
}

export function enrolmentCodeHash(officeId: string, normalisedCode: string): string {
  return sha256Hex(`${officeId}:${normalisedCode}`);
}

export const DEFAULT_CODE_TTL_HOURS = 72;

/** Issues a one-time enrolment code; returns it (the only time it exists in clear) and its expiry. */
export async function issueEnrolmentCode(
  db: Db,
  office: Office,
  ttlHours: number = DEFAULT_CODE_TTL_HOURS,
): Promise<{ code: string; printed: string; expiresAt: Date }> {
  if (!Number.isFinite(ttlHours) || ttlHours <= 0 || ttlHours > 24 * 30) throw new AdminError('有效期应在 0–720 小时之间');
  const { code, printed } = newEnrolmentCode();
  const expiresAt = new Date(Date.now() + Math.round(ttlHours * 3_600_000));
  await db.query('INSERT INTO enrolment_codes (code_hash, office_id, expires_at) VALUES ($1, $2, $3)', [
    enrolmentCodeHash(office.id, code),
    office.id,
    expiresAt,
  ]);
  return { code, printed, expiresAt };
}

interface DeviceDbRow {
  id: string;
  office_id: string;
  name: string;
  app_version: string;
  enrolled_at: Date;
  last_seen_at: Date | null;
  revoked_at: Date | null;
}

const toDevice = (r: DeviceDbRow): DeviceRow => ({
  id: r.id,
  officeId: r.office_id,
  name: r.name,
  appVersion: r.app_version,
  enrolledAt: r.enrolled_at,
  lastSeenAt: r.last_seen_at,
  revokedAt: r.revoked_at,
});

const DEVICE_COLUMNS = 'id, office_id, name, app_version, enrolled_at, last_seen_at, revoked_at';

export async function listDevices(db: Queryable, officeId: string): Promise<DeviceRow[]> {
  const { rows } = await db.query<DeviceDbRow>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE office_id = $1 ORDER BY enrolled_at, id`, [officeId]);
  return rows.map(toDevice);
}

export async function findDevice(db: Queryable, deviceId: string): Promise<DeviceRow | undefined> {
  const { rows } = await db.query<DeviceDbRow>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = $1`, [deviceId]);
  return rows[0] === undefined ? undefined : toDevice(rows[0]);
}

/** Revokes a device: its token is refused from the next request on. Returns false if already revoked. */
export async function revokeDevice(db: Queryable, deviceId: string): Promise<boolean> {
  const device = await findDevice(db, deviceId);
  if (device === undefined) throw new AdminError(`没有这台设备：${deviceId}`);
  const { affected } = await db.query('UPDATE devices SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [deviceId]);
  return affected > 0;
}

export type EnrolmentOutcome =
  | { readonly ok: true; readonly office: Office; readonly deviceId: string; readonly token: string }
  | { readonly ok: false; readonly reason: 'code_invalid' | 'device_revoked' | 'device_other_office' | 'device_already_enrolled' };

/**
 * Trades a one-time code for a device token, in one transaction: the code is marked used by the
 * same statement that checks it (so two servers cannot both accept it), and the device row is
 * created.
 *
 * An enrolled device id (one with a token) is never taken over by a fresh code: device ids are in
 * every pulled operation, so anyone holding a code could otherwise take a desk's identity and
 * lock the real desk out. The same desk enrols again only when it proves it is that desk (the
 * request carries the device's current token, `proofToken`) or when an administrator released
 * the id (`releaseDevice`, for a lost token). A device row without a token (registered by an
 * offline import) enrols normally.
 */
export async function enrolDevice(
  db: Db,
  request: { officeCode: string; enrolmentCode: string; deviceId: string; deviceName: string; appVersion: string },
  proofToken?: string,
): Promise<EnrolmentOutcome> {
  return db.transaction(async (tx) => {
    const office = (
      await tx.query<{ id: string; code: string; name: string }>('SELECT id, code, name FROM offices WHERE code = $1', [request.officeCode])
    ).rows[0];
    if (office === undefined) return { ok: false, reason: 'code_invalid' };
    const existing = (
      await tx.query<{ office_id: string; token_hash: string | null; revoked_at: Date | null; released: boolean }>(
        'SELECT office_id, token_hash, revoked_at, coalesce(reenrol_until > now(), false) AS released FROM devices WHERE id = $1 FOR UPDATE',
        [request.deviceId],
      )
    ).rows[0];
    if (existing !== undefined && existing.office_id !== office.id) return { ok: false, reason: 'device_other_office' };
    if (existing?.revoked_at) return { ok: false, reason: 'device_revoked' };
    if (existing !== undefined && existing.token_hash !== null && !existing.released) {
      const proven = proofToken !== undefined && sha256Hex(proofToken) === existing.token_hash;
      if (!proven) return { ok: false, reason: 'device_already_enrolled' };
    }
    const used = await tx.query(
      `UPDATE enrolment_codes SET used_at = now(), used_by_device = $3
        WHERE code_hash = $1 AND office_id = $2 AND used_at IS NULL AND expires_at > now()`,
      [enrolmentCodeHash(office.id, request.enrolmentCode), office.id, request.deviceId],
    );
    if (used.affected === 0) return { ok: false, reason: 'code_invalid' };
    const token = newDeviceToken();
    await tx.query(
      `INSERT INTO devices (id, office_id, name, app_version, token_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, app_version = EXCLUDED.app_version,
         token_hash = EXCLUDED.token_hash, enrolled_at = now(), reenrol_until = NULL`,
      [request.deviceId, office.id, request.deviceName, request.appVersion, sha256Hex(token)],
    );
    return { ok: true, office, deviceId: request.deviceId, token };
  });
}

/**
 * Lets an enrolled device enrol again with a new code within `hours` (its token was lost, the
 * desk reinstalled): the administrator vouches for it. Its current token keeps working until then.
 */
export async function releaseDevice(db: Queryable, deviceId: string, hours: number = DEFAULT_CODE_TTL_HOURS): Promise<Date> {
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 30) throw new AdminError('有效期应在 0–720 小时之间');
  const device = await findDevice(db, deviceId);
  if (device === undefined) throw new AdminError(`没有这台设备：${deviceId}`);
  if (device.revokedAt !== null) throw new AdminError(`设备 ${deviceId} 已停用，不能再登记`);
  const until = new Date(Date.now() + Math.round(hours * 3_600_000));
  await db.query('UPDATE devices SET reenrol_until = $2 WHERE id = $1', [deviceId, until]);
  return until;
}

export interface AuthenticatedDevice {
  readonly deviceId: string;
  readonly officeId: string;
  /** Whether its last sync was recorded less than a minute ago (then `touchDevice` writes nothing). */
  readonly seenRecently?: boolean;
}

export type TokenCheck = { readonly ok: true; readonly device: AuthenticatedDevice } | { readonly ok: false; readonly reason: 'unknown' | 'revoked' };

export async function checkDeviceToken(db: Queryable, token: string): Promise<TokenCheck> {
  const { rows } = await db.query<{ id: string; office_id: string; revoked_at: Date | null; seen_recently: boolean | null }>(
    "SELECT id, office_id, revoked_at, last_seen_at >= now() - interval '1 minute' AS seen_recently FROM devices WHERE token_hash = $1",
    [sha256Hex(token)],
  );
  const row = rows[0];
  if (row === undefined) return { ok: false, reason: 'unknown' };
  if (row.revoked_at !== null) return { ok: false, reason: 'revoked' };
  return { ok: true, device: { deviceId: row.id, officeId: row.office_id, seenRecently: row.seen_recently === true } };
}

export interface OfficeKey {
  readonly keyId: string;
  readonly algorithm: 'Ed25519';
  readonly publicKey: string;
  readonly createdAt: Date;
  readonly retiredAt: Date | null;
}

export async function officePublicKeys(db: Queryable, officeId: string): Promise<OfficeKey[]> {
  const { rows } = await db.query<{ key_id: string; public_key: string; created_at: Date; retired_at: Date | null }>(
    'SELECT key_id, public_key, created_at, retired_at FROM office_keys WHERE office_id = $1 ORDER BY created_at, key_id',
    [officeId],
  );
  return rows.map((r) => ({ keyId: r.key_id, algorithm: 'Ed25519', publicKey: r.public_key, createdAt: r.created_at, retiredAt: r.retired_at }));
}

/** The office's current signing key (newest not retired). */
export async function officeSigningKey(db: Queryable, officeId: string): Promise<{ keyId: string; privateKey: string } | undefined> {
  const { rows } = await db.query<{ key_id: string; private_key: string }>(
    'SELECT key_id, private_key FROM office_keys WHERE office_id = $1 AND retired_at IS NULL ORDER BY created_at DESC, key_id LIMIT 1',
    [officeId],
  );
  return rows[0] === undefined ? undefined : { keyId: rows[0].key_id, privateKey: rows[0].private_key };
}

/** Retires the office's keys and makes a new one (answers signed earlier still verify). */
export async function rotateOfficeKey(db: Db, officeId: string): Promise<string> {
  const key = newOfficeKey();
  await db.transaction(async (tx) => {
    await tx.query('UPDATE office_keys SET retired_at = now() WHERE office_id = $1 AND retired_at IS NULL', [officeId]);
    await tx.query('INSERT INTO office_keys (key_id, office_id, public_key, private_key) VALUES ($1, $2, $3, $4)', [
      key.keyId,
      officeId,
      key.publicKey,
      key.privateKey,
    ]);
  });
  return key.keyId;
}
