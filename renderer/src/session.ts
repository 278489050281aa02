/**
 * Who is acting on this device: the signed-in user (stores/session.ts). Every write records
 * them; a write with nobody signed in is refused rather than recorded under a made-up name.
 */
import { deviceId } from './db';
import type { WriteContext } from './db/repository';
import { currentUser } from './stores/session';

export class NotSignedInError extends Error {
  constructor() {
    super('尚未登录，请先登录后再操作。');
    this.name = 'NotSignedInError';
  }
}

export async function writeContext(reason?: string): Promise<WriteContext> {
  const user = currentUser();
  if (user === null) throw new NotSignedInError();
  return { userId: user.id, deviceId: await deviceId(), ...(reason === undefined ? {} : { reason }) };
}
