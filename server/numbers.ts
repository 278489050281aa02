/**
 * The office's certificate number ledger and the office signing key for its desks:
 *
 * - `POST /sync/numbers/reserve`: the next block of a series (program prefix + year) for the
 *   calling device, allocated in one transaction that locks the series row, so two concurrent
 *   requests (two desks, two server processes) are served one after the other and never
 *   overlap. Idempotent on the desk's `requestId`: a retry after a lost answer returns the block
 *   the first attempt reserved. `issuedUpTo` (numbers a desk printed on its own before it was
 *   enrolled) moves the ledger above them.
 * - `GET /sync/office-key`: the office's current Ed25519 key pair, private half included, to
 *   enrolled devices of that office only (see README: why, and what it costs).
 */
import { type FastifyInstance } from 'fastify';
import { MAX_SEQUENCE, seriesKey, type NumberBlock } from '../shared/documents/numbering';
import { SyncError } from '../shared/sync/errors';
import {
  NUMBER_ROUTES,
  numberReserveRequestSchema,
  type NumberReserveResponse,
  type OfficeKeyResponse,
} from '../shared/sync/numbers';
import { deviceAuth, deviceOf, touchDevice } from './auth';
import { type AppContext } from './context';
import { type Db, type Queryable } from './db';
import { type AuthenticatedDevice } from './offices';
import { issueDetails } from './push';

export interface ReserveInput {
  readonly requestId: string;
  readonly series: { readonly prefix: string; readonly year: number };
  readonly size: number;
  readonly issuedUpTo?: number | undefined;
}

export interface Reserved {
  readonly block: NumberBlock;
  readonly requestId: string;
  readonly reservedAt: Date;
  /** False when this answers an earlier attempt with the same request id. */
  readonly created: boolean;
}

interface BlockRow {
  series: string;
  start_no: number;
  end_no: number;
  device_id: string;
  request_id: string;
  reserved_at: Date;
}

async function blockOfRequest(db: Queryable, device: AuthenticatedDevice, requestId: string): Promise<BlockRow | undefined> {
  const { rows } = await db.query<BlockRow>(
    `SELECT series, start_no, end_no, device_id, request_id, reserved_at FROM number_blocks
      WHERE office_id = $1 AND device_id = $2 AND request_id = $3`,
    [device.officeId, device.deviceId, requestId],
  );
  return rows[0];
}

function answerOf(row: BlockRow, series: string, created: boolean): Reserved {
  if (row.series !== series) {
    // The same request id for another series: a client bug, never a retry.
    throw new SyncError('invalid_request', [{ path: 'requestId', message: '请求编号已用于另一个编号序列' }]);
  }
  return {
    block: { series: row.series, deviceId: row.device_id, start: Number(row.start_no), end: Number(row.end_no) },
    requestId: row.request_id,
    reservedAt: new Date(row.reserved_at),
    created,
  };
}

const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/**
 * Reserves the next block of `input.series` for `device` (shorter than asked when fewer numbers
 * are left below 999999); throws `numbers_exhausted` when none are.
 *
 * The ledger of a series is one for the whole server (`number_ledger`), so blocks of two offices
 * never overlap and a certificate number names one office: the public index gives a number only
 * to the office whose block holds it (push.ts). `issuedUpTo` counts on a device's first
 * reservation in a series only (the numbers it printed before it was enrolled): the part above
 * the ledger becomes a block of the device's office, so those certificates can be verified too.
 */
export async function reserveNumbers(db: Db, device: AuthenticatedDevice, input: ReserveInput): Promise<Reserved> {
  const series = seriesKey(input.series);
  const known = await blockOfRequest(db, device, input.requestId);
  if (known !== undefined) return answerOf(known, series, false);
  try {
    return await db.transaction(async (tx) => {
      await tx.query('INSERT INTO number_series (office_id, series) VALUES ($1, $2) ON CONFLICT (office_id, series) DO NOTHING', [device.officeId, series]);
      await tx.query('INSERT INTO number_ledger (series) VALUES ($1) ON CONFLICT (series) DO NOTHING', [series]);
      const { rows } = await tx.query<{ last_no: number }>('SELECT last_no FROM number_ledger WHERE series = $1 FOR UPDATE', [series]);
      // Under the lock: an attempt with the same id that committed meanwhile is seen now.
      const again = await blockOfRequest(tx, device, input.requestId);
      if (again !== undefined) return answerOf(again, series, false);
      let highest = Number(rows[0]?.last_no ?? 0);
      const issued = input.issuedUpTo ?? 0;
      if (issued > highest) {
        const before = await tx.query('SELECT 1 FROM number_blocks WHERE office_id = $1 AND series = $2 AND device_id = $3 LIMIT 1', [
          device.officeId,
          series,
          device.deviceId,
        ]);
        if (before.rows.length === 0) {
          await tx.query(
            `INSERT INTO number_blocks (office_id, series, start_no, end_no, device_id, request_id) VALUES ($1, $2, $3, $4, $5, $6)`,
            [device.officeId, series, highest + 1, issued, device.deviceId, `${input.requestId}:issued-before-enrolment`],
          );
          highest = issued;
        }
      }
      // Near the end of a year's numbers, what is left (a shorter block); none left is an error.
      if (highest >= MAX_SEQUENCE) {
        // The numbers printed before enrolment are recorded even so.
        await tx.query('UPDATE number_ledger SET last_no = $2 WHERE series = $1', [series, highest]);
        return { exhausted: true as const };
      }
      const start = highest + 1;
      const end = Math.min(MAX_SEQUENCE, highest + input.size);
      await tx.query('UPDATE number_ledger SET last_no = $2 WHERE series = $1', [series, end]);
      await tx.query('UPDATE number_series SET last_no = greatest(last_no, $3) WHERE office_id = $1 AND series = $2', [device.officeId, series, end]);
      const inserted = await tx.query<BlockRow>(
        `INSERT INTO number_blocks (office_id, series, start_no, end_no, device_id, request_id)
         VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING series, start_no, end_no, device_id, request_id, reserved_at`,
        [device.officeId, series, start, end, device.deviceId, input.requestId],
      );
      return answerOf(inserted.rows[0]!, series, true);
    }).then((outcome) => {
      if ('exhausted' in outcome) throw new SyncError('numbers_exhausted', { series });
      return outcome;
    });
  } catch (error) {
    // Two attempts with one id raced in different series rows: the loser reads the winner's block.
    if (isUniqueViolation(error)) {
      const winner = await blockOfRequest(db, device, input.requestId);
      if (winner !== undefined) return answerOf(winner, series, false);
    }
    throw error;
  }
}

/** The office's current signing key pair (newest not retired). */
export async function officeKeyPair(db: Queryable, officeId: string): Promise<OfficeKeyResponse | undefined> {
  const { rows } = await db.query<{ key_id: string; public_key: string; private_key: string }>(
    `SELECT key_id, public_key, private_key FROM office_keys
      WHERE office_id = $1 AND retired_at IS NULL ORDER BY created_at DESC, key_id LIMIT 1`,
    [officeId],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  return { officeId, keyId: row.key_id, algorithm: 'Ed25519', privateKeyPkcs8: row.private_key, publicKeySpki: row.public_key };
}

export function registerNumberRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const auth = deviceAuth(db);

  app.post(NUMBER_ROUTES.reserve, { onRequest: auth }, async (request, reply) => {
    const device = deviceOf(request);
    const parsed = numberReserveRequestSchema.safeParse(request.body);
    if (!parsed.success) throw new SyncError('invalid_request', issueDetails(parsed.error.issues));
    const reserved = await reserveNumbers(db, device, parsed.data);
    request.log.info(
      { officeId: device.officeId, deviceId: device.deviceId, series: reserved.block.series, start: reserved.block.start, end: reserved.block.end, created: reserved.created },
      'numbers reserved',
    );
    await touchDevice(db, device);
    const answer: NumberReserveResponse = { block: reserved.block, requestId: reserved.requestId, reservedAt: reserved.reservedAt.toISOString() };
    return reply.code(reserved.created ? 201 : 200).send(answer);
  });

  app.get(NUMBER_ROUTES.officeKey, { onRequest: auth }, async (request, reply) => {
    const device = deviceOf(request);
    const key = await officeKeyPair(db, device.officeId);
    if (key === undefined) throw new SyncError('not_found', { reason: 'office has no signing key' });
    // Never logged: the answer carries the private key.
    request.log.info({ officeId: device.officeId, deviceId: device.deviceId, keyId: key.keyId }, 'office key sent');
    return reply.header('cache-control', 'no-store').send(key);
  });
}
