/** Device authentication: a bearer token whose hash belongs to an unrevoked device. */
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { SyncError } from '../shared/sync/errors';
import { type Db } from './db';
import { sendError } from './http-errors';
import { checkDeviceToken, type AuthenticatedDevice } from './offices';

declare module 'fastify' {
  interface FastifyRequest {
    device: AuthenticatedDevice | null;
  }
}

/** onRequest hook for device routes (before the body is read): a valid, unrevoked bearer token, or 401/403. */
export function deviceAuth(db: Db) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_-]{16,512})$/.exec(header) : null;
    if (match === null) {
      await sendError(reply, 'unauthenticated');
      return;
    }
    const check = await checkDeviceToken(db, match[1]!);
    if (!check.ok) {
      await sendError(reply, check.reason === 'revoked' ? 'device_revoked' : 'unauthenticated');
      return;
    }
    request.device = check.device;
  };
}

/**
 * Records that a device synced (shown by `devices` in the CLI). Called after a successful push or
 * pull, not on every request, and written at most once a minute per device.
 */
export async function touchDevice(db: Db, device: AuthenticatedDevice): Promise<void> {
  // Authentication read when it was last recorded: within the minute, no round trip at all.
  if (device.seenRecently === true) return;
  await db.query("UPDATE devices SET last_seen_at = now() WHERE id = $1 AND (last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute')", [
    device.deviceId,
  ]);
}

/** The authenticated device of a route behind `deviceAuth`. */
export function deviceOf(request: FastifyRequest): AuthenticatedDevice {
  if (request.device === null) throw new SyncError('unauthenticated');
  return request.device;
}

