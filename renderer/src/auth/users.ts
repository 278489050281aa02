/**
 * The desk's local users: office administrators (管理员), clerks (经办人) and reviewers (评审人员).
 * Users are ordinary synced records (`users` in shared/model/records.ts), written only through the
 * users repository, so every change is in the outbox and the audit log with who made it. The
 * password itself is never stored: only its PBKDF2 hash and salt (password.ts).
 *
 * Rules enforced here, with Chinese messages (AuthError):
 * - only an active administrator creates users, resets passwords, disables and changes roles
 *   (checked against the actor's stored record, not only the session);
 * - user names are unique among live users, ignoring case and full-/half-width forms;
 * - the last active administrator can be neither disabled nor given another role;
 * - sign-in answers the same for an unknown user name and a wrong password (and takes the same
 *   time); a disabled user is refused even with the right password;
 * - sign-in failures slow down (shared/access/sign-in.ts): after 5 in a row for one user name,
 *   each further attempt must wait, 30 s doubling up to 15 min; the count is kept on this desk
 *   (settings `auth.signInFailures`, never synced) so a reload does not reset it;
 * - a stored hash naming an iteration count outside the bounds (shared/access/password-policy)
 *   is never run: the sign-in is refused saying the administrator must reset the password.
 *
 * The first administrator: on a device with no users nobody is signed in, so no write context
 * exists, and `Repository.create` assigns the record's id itself (the new admin's id is not known
 * before the write). `createFirstAdmin` therefore writes as the pseudo-user `first-run-setup`
 * with the reason "首次设置管理员" (so the audit shows plainly how the record came to be), only
 * while the device has no live user (checked in the same transaction as the write), and then
 * returns the new admin to sign in as. Every later write names the signed-in user.
 */
import { db as appDb, deviceId, repositories } from '../db';
import type { DeskDatabase } from '../db/database';
import { Repository, type WriteContext } from '../db/repository';
import { ValidationError } from '../db/errors';
import type { User } from '../../../shared/model/records';
import { WORKFLOW_ROLES, type WorkflowRole } from '../../../shared/workflow/definition';
import { writeContext } from '../session';
import type { SignedInUser } from '../stores/session';
import {
  checkSignInAllowed,
  recordSignInFailure,
  signInWaitMs,
  waitText,
  type SignInFailures,
} from '../../../shared/access/sign-in';
import { burnVerification, hashPassword, passwordProblem, storedHashProblem, verifyPassword, PBKDF2_BOUNDS, PBKDF2_ITERATIONS, type IterationBounds } from './password';

export class AuthError extends Error {
  constructor(
    message: string,
    /** For a refused or throttled sign-in: how long before the next attempt is accepted. */
    readonly retryAfterMs: number = 0,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

/** Settings row (local, never synced) with the consecutive sign-in failures per user name key. */
export const SIGN_IN_FAILURES_KEY = 'auth.signInFailures';
/** User names remembered at most (the oldest failures are forgotten first). */
const MAX_REMEMBERED_FAILURES = 200;

export const FIRST_RUN_USER_ID = 'first-run-setup';
export const FIRST_RUN_REASON = '首次设置管理员';

export const MESSAGES = {
  signInFailed: '用户名或密码不正确。',
  disabled: '该账号已停用，请联系管理员。',
  adminOnly: '只有管理员可以管理用户。',
  alreadySetUp: '本机已有用户，不能再创建首位管理员，请登录。',
  usernameTaken: '用户名“{username}”已被使用，请换一个。',
  usernameRequired: '请输入用户名。',
  usernameTooLong: '用户名不能超过 40 个字符。',
  usernameSpaces: '用户名不能包含空格。',
  displayNameRequired: '请输入姓名。',
  displayNameTooLong: '姓名不能超过 50 个字符。',
  roleInvalid: '请选择角色：管理员、经办人或评审人员。',
  passwordMismatch: '两次输入的密码不一致。',
  userNotFound: '找不到该用户。',
  lastAdminDisable: '不能停用最后一位在用的管理员：本机至少要保留一位可以管理用户的管理员。',
  lastAdminDemote: '不能更改最后一位在用的管理员的角色：本机至少要保留一位可以管理用户的管理员。',
} as const;

const USERNAME_MAX = 40;
const DISPLAY_NAME_MAX = 50;

/** How a user name is stored: trimmed, full-width letters and digits made half-width (NFKC). */
export function normaliseUsername(username: string): string {
  return username.normalize('NFKC').trim();
}

/** The form two user names are compared in: normalised and case-folded. */
export function usernameKey(username: string): string {
  return normaliseUsername(username).toLowerCase();
}

export interface NewUserInput {
  readonly username: string;
  readonly displayName: string;
  readonly role: WorkflowRole;
  readonly password: string;
  /** When given, it must equal `password`. */
  readonly confirmPassword?: string;
}

/** Problems with a new user's input, per field, in Chinese (empty when fine). Pure, for forms too. */
export function newUserProblems(input: NewUserInput): { path: keyof NewUserInput; message: string }[] {
  const problems: { path: keyof NewUserInput; message: string }[] = [];
  const username = normaliseUsername(input.username);
  if (username === '') problems.push({ path: 'username', message: MESSAGES.usernameRequired });
  else if (/\s/.test(username)) problems.push({ path: 'username', message: MESSAGES.usernameSpaces });
  else if ([...username].length > USERNAME_MAX) problems.push({ path: 'username', message: MESSAGES.usernameTooLong });
  const displayName = input.displayName.trim();
  if (displayName === '') problems.push({ path: 'displayName', message: MESSAGES.displayNameRequired });
  else if (displayName.length > DISPLAY_NAME_MAX) problems.push({ path: 'displayName', message: MESSAGES.displayNameTooLong });
  if (!(WORKFLOW_ROLES as readonly string[]).includes(input.role)) problems.push({ path: 'role', message: MESSAGES.roleInvalid });
  const weak = passwordProblem(input.password);
  if (weak !== null) problems.push({ path: 'password', message: weak });
  else if (input.confirmPassword !== undefined && input.confirmPassword !== input.password)
    problems.push({ path: 'confirmPassword', message: MESSAGES.passwordMismatch });
  return problems;
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

export function toSignedIn(user: User): SignedInUser {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
}

const isLive = (u: User): boolean => u.deleted !== true;
const isActiveAdmin = (u: User): boolean => isLive(u) && u.role === 'admin' && u.disabled !== true;

export interface UserDirectoryOptions {
  /** PBKDF2 iterations for new hashes; tests pass fewer. Defaults to `PBKDF2_ITERATIONS`. */
  readonly iterations?: number;
  /** Iteration counts a stored hash may name; tests widen them. Defaults to `PBKDF2_BOUNDS`. */
  readonly iterationBounds?: IterationBounds;
  /** Injected in tests; defaults to `Date.now`. */
  readonly now?: () => number;
}

/** User management over one database. The app's instance is `userDirectory()`. */
export class UserDirectory {
  private readonly iterations: number;
  private readonly bounds: IterationBounds;
  private readonly now: () => number;

  constructor(
    readonly db: DeskDatabase,
    readonly repo: Repository<'users'> = new Repository(db, 'users'),
    options: UserDirectoryOptions = {},
  ) {
    this.iterations = options.iterations ?? PBKDF2_ITERATIONS;
    this.bounds = options.iterationBounds ?? PBKDF2_BOUNDS;
    this.now = options.now ?? Date.now;
  }

  /** Users that are not deleted (disabled ones included), oldest first. */
  async liveUsers(): Promise<User[]> {
    const all = await this.db.users.toArray();
    return all.filter(isLive).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  /** Whether the device has any live user; without one, the first-run admin form shows. */
  async hasUsers(): Promise<boolean> {
    return (await this.db.users.filter(isLive).count()) > 0;
  }

  /** The tables a user write touches; an outer transaction over them lets a check and its write commit together. */
  private writeTables() {
    const { db } = this;
    return [db.users, db.outbox, db.auditLog, db.mergeStates, db.settings];
  }

  private async requireAdmin(ctx: WriteContext): Promise<User> {
    const actor = await this.db.users.get(ctx.userId);
    if (actor === undefined || !isActiveAdmin(actor)) throw new AuthError(MESSAGES.adminOnly);
    return actor;
  }

  private async requireUser(userId: string): Promise<User> {
    const user = await this.db.users.get(userId);
    if (user === undefined || !isLive(user)) throw new AuthError(MESSAGES.userNotFound);
    return user;
  }

  private async requireFreeUsername(username: string): Promise<void> {
    const key = usernameKey(username);
    const taken = await this.db.users.filter((u) => isLive(u) && usernameKey(u.username) === key).count();
    if (taken > 0) throw new AuthError(fill(MESSAGES.usernameTaken, { username: normaliseUsername(username) }));
  }

  private static check(input: NewUserInput): void {
    const problems = newUserProblems(input);
    if (problems.length > 0) throw new ValidationError(problems);
  }

  private record(input: NewUserInput, hash: { passwordHash: string; passwordSalt: string }) {
    return {
      username: normaliseUsername(input.username),
      displayName: input.displayName.trim(),
      role: input.role,
      passwordHash: hash.passwordHash,
      passwordSalt: hash.passwordSalt,
    };
  }

  /**
   * Creates the device's first administrator (see the file comment). Refused once any live
   * user exists. Returns the new admin, to be signed in.
   */
  async createFirstAdmin(input: Omit<NewUserInput, 'role'>, deviceId: string, now?: () => Date): Promise<SignedInUser> {
    const full: NewUserInput = { ...input, role: 'admin' };
    UserDirectory.check(full);
    if (await this.hasUsers()) throw new AuthError(MESSAGES.alreadySetUp);
    // Hashing awaits WebCrypto, which would end an open IndexedDB transaction: hash first.
    const hash = await hashPassword(input.password, this.iterations, this.bounds);
    const ctx: WriteContext = { userId: FIRST_RUN_USER_ID, deviceId, reason: FIRST_RUN_REASON, ...(now ? { now } : {}) };
    const created = await this.db.transaction('rw', this.writeTables(), async () => {
      if (await this.hasUsers()) throw new AuthError(MESSAGES.alreadySetUp);
      return this.repo.create(this.record(full, hash), ctx);
    });
    return toSignedIn(created);
  }

  /** An administrator creates a user. */
  async createUser(input: NewUserInput, ctx: WriteContext): Promise<User> {
    UserDirectory.check(input);
    await this.requireAdmin(ctx);
    await this.requireFreeUsername(input.username);
    const hash = await hashPassword(input.password, this.iterations, this.bounds);
    return this.db.transaction('rw', this.writeTables(), async () => {
      await this.requireAdmin(ctx);
      await this.requireFreeUsername(input.username);
      return this.repo.create(this.record(input, hash), ctx);
    });
  }

  private async failures(): Promise<Record<string, SignInFailures>> {
    const row = await this.db.settings.get(SIGN_IN_FAILURES_KEY);
    return typeof row?.value === 'object' && row.value !== null ? { ...(row.value as Record<string, SignInFailures>) } : {};
  }

  /** The consecutive failures recorded for a user name (0 when none), and the wait before the next attempt. */
  async signInState(username: string): Promise<{ failures: number; waitMs: number }> {
    const state = (await this.failures())[usernameKey(username)];
    return { failures: state?.count ?? 0, waitMs: signInWaitMs(state, this.now()) };
  }

  private async rememberFailure(key: string, nowMs: number): Promise<SignInFailures> {
    return this.db.transaction('rw', this.db.settings, async () => {
      const all = await this.failures();
      const next = recordSignInFailure(all[key], nowMs);
      all[key] = next;
      const kept = Object.entries(all)
        .sort((a, b) => b[1].lastFailureAt - a[1].lastFailureAt)
        .slice(0, MAX_REMEMBERED_FAILURES);
      await this.db.settings.put({ key: SIGN_IN_FAILURES_KEY, value: Object.fromEntries(kept) });
      return next;
    });
  }

  private async forgetFailures(key: string): Promise<void> {
    await this.db.transaction('rw', this.db.settings, async () => {
      const all = await this.failures();
      if (!Object.hasOwn(all, key)) return;
      delete all[key];
      await this.db.settings.put({ key: SIGN_IN_FAILURES_KEY, value: all });
    });
  }

  private async failed(key: string, nowMs: number): Promise<never> {
    const state = await this.rememberFailure(key, nowMs);
    const wait = signInWaitMs(state, nowMs);
    if (wait === 0) throw new AuthError(MESSAGES.signInFailed);
    throw new AuthError(`${MESSAGES.signInFailed}已连续失败 ${state.count} 次，请在 ${waitText(wait)}后再试。`, wait);
  }

  /**
   * Checks a user name and password. The same message for an unknown name and a wrong password;
   * a disabled user is told so only once the password is right. After 5 failures in a row for a
   * name, attempts wait (`AuthError.retryAfterMs`), and one made too early is refused unchecked.
   */
  async verifySignIn(username: string, password: string): Promise<SignedInUser> {
    const key = usernameKey(username);
    const nowMs = this.now();
    const failures = await this.failures();
    const allowed = checkSignInAllowed(failures[key], nowMs);
    if (!allowed.ok) throw new AuthError(allowed.error.message, signInWaitMs(failures[key], nowMs));
    const candidates = key === '' ? [] : await this.db.users.filter((u) => isLive(u) && usernameKey(u.username) === key).toArray();
    if (candidates.length === 0) {
      await burnVerification(password, this.iterations);
      return this.failed(key, nowMs);
    }
    // Two desks may each have made the same user name before they first synced: try each.
    let unusable: string | undefined;
    for (const user of candidates) {
      const problem = storedHashProblem(user, this.bounds);
      if (problem !== null) {
        unusable ??= problem.message;
        continue;
      }
      if (await verifyPassword(password, user, this.bounds)) {
        if (user.disabled === true) throw new AuthError(MESSAGES.disabled);
        await this.forgetFailures(key);
        return toSignedIn(user);
      }
    }
    if (unusable !== undefined) throw new AuthError(unusable);
    return this.failed(key, nowMs);
  }

  /** An administrator sets a new password for a user (who forgot theirs). */
  async resetPassword(userId: string, password: string, ctx: WriteContext, confirmPassword?: string): Promise<User> {
    const weak = passwordProblem(password);
    if (weak !== null) throw new ValidationError([{ path: 'password', message: weak }]);
    if (confirmPassword !== undefined && confirmPassword !== password) throw new ValidationError([{ path: 'confirmPassword', message: MESSAGES.passwordMismatch }]);
    await this.requireAdmin(ctx);
    await this.requireUser(userId);
    const hash = await hashPassword(password, this.iterations, this.bounds);
    return this.db.transaction('rw', this.writeTables(), async () => {
      await this.requireAdmin(ctx);
      await this.requireUser(userId);
      return this.repo.update(userId, hash, { ...ctx, reason: ctx.reason ?? '管理员重置密码' });
    });
  }

  private async activeAdminsOtherThan(userId: string): Promise<number> {
    return this.db.users.filter((u) => isActiveAdmin(u) && u.id !== userId).count();
  }

  /** An administrator disables (or enables again) a user. Disabled users cannot sign in. */
  async setDisabled(userId: string, disabled: boolean, ctx: WriteContext): Promise<User> {
    return this.db.transaction('rw', this.writeTables(), async () => {
      await this.requireAdmin(ctx);
      const target = await this.requireUser(userId);
      if (disabled && isActiveAdmin(target) && (await this.activeAdminsOtherThan(userId)) === 0) throw new AuthError(MESSAGES.lastAdminDisable);
      return this.repo.update(userId, { disabled }, { ...ctx, reason: ctx.reason ?? (disabled ? '停用用户' : '启用用户') });
    });
  }

  /** An administrator gives a user another role. */
  async changeRole(userId: string, role: WorkflowRole, ctx: WriteContext): Promise<User> {
    if (!(WORKFLOW_ROLES as readonly string[]).includes(role)) throw new ValidationError([{ path: 'role', message: MESSAGES.roleInvalid }]);
    return this.db.transaction('rw', this.writeTables(), async () => {
      await this.requireAdmin(ctx);
      const target = await this.requireUser(userId);
      if (role !== 'admin' && isActiveAdmin(target) && (await this.activeAdminsOtherThan(userId)) === 0) throw new AuthError(MESSAGES.lastAdminDemote);
      return this.repo.update(userId, { role }, { ...ctx, reason: ctx.reason ?? '更改用户角色' });
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The app's users: the app's database, the signed-in user's write context.
// ---------------------------------------------------------------------------------------------

let appDirectory: UserDirectory | undefined;

/** The user directory over the app's database. */
export function userDirectory(): UserDirectory {
  appDirectory ??= new UserDirectory(appDb, repositories.users);
  return appDirectory;
}

export async function createFirstAdmin(input: Omit<NewUserInput, 'role'>): Promise<SignedInUser> {
  return userDirectory().createFirstAdmin(input, await deviceId());
}

export function verifySignIn(username: string, password: string): Promise<SignedInUser> {
  return userDirectory().verifySignIn(username, password);
}

/** Failures so far and the wait before the next attempt, for the sign-in form. */
export function signInState(username: string): Promise<{ failures: number; waitMs: number }> {
  return userDirectory().signInState(username);
}

export async function createUser(input: NewUserInput): Promise<User> {
  return userDirectory().createUser(input, await writeContext());
}

export async function resetPassword(userId: string, password: string, confirmPassword?: string): Promise<User> {
  return userDirectory().resetPassword(userId, password, await writeContext(), confirmPassword);
}

export async function setDisabled(userId: string, disabled: boolean): Promise<User> {
  return userDirectory().setDisabled(userId, disabled, await writeContext());
}

export async function changeRole(userId: string, role: WorkflowRole): Promise<User> {
  return userDirectory().changeRole(userId, role, await writeContext());
}
