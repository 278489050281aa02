/**
 * Who is acting on this device: the signed-in user (stores/session.ts). Every write records
 * them; a write with nobody signed in is refused rather than recorded under a made-up name.
 * The role a write is checked with (shared/access) is the one stored on the user's record, not
 * the one remembered at sign-in: a role changed or an account disabled since (here or on another
 * desk, by sync) counts at once.
 */
import { Dexie } from 'dexie';
import { db, deviceId } from './db';
import type { WriteContext } from './db/repository';
import { AccessDeniedError } from './db/errors';
import { currentUser } from './stores/session';
import type { User } from '../../shared/model/records';

export class NotSignedInError extends Error {
  constructor() {
    super('尚未登录，请先登录后再操作。');
    this.name = 'NotSignedInError';
  }
}

/**
 * The user's stored record. Inside a caller's transaction only if it covers `users` (awaiting
 * anything else there would let IndexedDB commit it early); otherwise the session's copy stands,
 * which the sign-in gate keeps in step with the record.
 */
async function storedUser(id: string): Promise<User | undefined> {
  const tx = Dexie.currentTransaction;
  if (tx === null) return db.users.get(id);
  return tx.storeNames.includes('users') ? db.users.get(id) : undefined;
}

export async function writeContext(reason?: string): Promise<WriteContext> {
  const user = currentUser();
  if (user === null) throw new NotSignedInError();
  const stored = await storedUser(user.id);
  if (stored !== undefined && (stored.deleted === true || stored.disabled === true)) {
    throw new AccessDeniedError('application.edit', user.role, '该账号已停用或已删除，不能再操作。请联系管理员。');
  }
  const role = stored?.role ?? user.role;
  return { userId: user.id, deviceId: await deviceId(), role, ...(reason === undefined ? {} : { reason }) };
}
