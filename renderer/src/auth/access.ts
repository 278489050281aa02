/**
 * The permission table (shared/access) applied in the renderer: who is acting and whether they
 * may. Screens ask `allowed(action)` to show a menu entry or a route; commands outside the
 * repository (the signing key, backups, settings, sync actions) call `requireAction`, which
 * throws `AccessDeniedError` with the table's Chinese message. Writes to synced records are
 * checked by the repository itself (renderer/src/db/repository.ts) from the write context.
 */
import { Dexie } from 'dexie';
import { checkPermission, can, type Action, type Role } from '../../../shared/access/permissions';
import type { DeskDatabase } from '../db/database';
import { AccessDeniedError } from '../db/errors';
import { currentUser, useSession } from '../stores/session';

export { AccessDeniedError };

/** Who asks: a role, or null when nobody is signed in. */
export interface Actor {
  readonly userId: string | null;
  readonly role: Role | null;
}

/** The signed-in user as an actor (null role when nobody is signed in). */
export function sessionActor(): Actor {
  const user = currentUser();
  return user === null ? { userId: null, role: null } : { userId: user.id, role: user.role };
}

/** Whether the signed-in user may (for menus and routes; commands check again). */
export function allowed(action: Action, actor: Actor = sessionActor()): boolean {
  return can(actor.role, action);
}

/**
 * `allowed` for a screen: re-renders when who is signed in (or their role) changes, so a menu
 * entry, a route or a button follows a sign-out, a sign-in or a role changed by an administrator.
 */
export function useAllowed(action: Action): boolean {
  return useSession((s) => can(s.user?.role, action));
}

/** Throws `AccessDeniedError` unless the actor's role may. */
export function requireRole(actor: Actor, action: Action): Role {
  const checked = checkPermission(actor.role, action);
  if (!checked.ok) throw new AccessDeniedError(action, actor.role, checked.error.message);
  return checked.value;
}

/**
 * Like `requireRole`, but the role is read from the actor's stored user record (a role changed
 * or an account disabled since sign-in counts at once). An actor with no stored record (tests,
 * the first start before any user exists) keeps the role given.
 */
export async function requireAction(db: DeskDatabase, actor: Actor, action: Action): Promise<Role> {
  if (actor.userId !== null) {
    const tx = Dexie.currentTransaction;
    // Never awaited inside a transaction that does not cover `users` (it would commit early).
    const stored = tx === null || tx.storeNames.includes('users') ? await db.users.get(actor.userId) : undefined;
    if (stored !== undefined) {
      const live = stored.deleted !== true && stored.disabled !== true;
      return requireRole({ userId: actor.userId, role: live ? stored.role : null }, action);
    }
  }
  return requireRole(actor, action);
}
