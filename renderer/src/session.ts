/**
 * Who is acting on this device. Sign-in with local users and roles arrives with the intake
 * issue; until then every write is recorded as the device's built-in administrator, so the
 * audit trail already names an actor for each change.
 */
import { deviceId } from './db';
import type { WriteContext } from './db/repository';

export const BUILT_IN_ADMIN = 'local-admin';

export async function writeContext(reason?: string): Promise<WriteContext> {
  return { userId: BUILT_IN_ADMIN, deviceId: await deviceId(), ...(reason === undefined ? {} : { reason }) };
}
