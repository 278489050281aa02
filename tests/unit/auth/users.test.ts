import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { useFreshDb } from '../db/fresh-db';
import { Repository, type WriteContext } from '../../../renderer/src/db/repository';
import { ValidationError } from '../../../renderer/src/db/errors';
import { AuthError, FIRST_RUN_REASON, FIRST_RUN_USER_ID, MESSAGES, UserDirectory } from '../../../renderer/src/auth/users';
import type { SignedInUser } from '../../../renderer/src/stores/session';

const DEVICE = 'device-a';
const ADMIN = { username: 'admin', displayName: '王管理', password: 'Desk-2026-admin' };
const CLERK = { username: 'Clerk1', displayName: '李经办', role: 'clerk' as const, password: 'clerk-pass-1', confirmPassword: 'clerk-pass-1' };

let db: DeskDatabase;
let users: UserDirectory;
let admin: SignedInUser;

const as = (user: { id: string }): WriteContext => ({ userId: user.id, deviceId: DEVICE });

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

useFreshDb('auth-test', async (opened) => {
  db = opened;
  users = new UserDirectory(db, new Repository(db, 'users'), { iterations: 1_000, iterationBounds: { min: 1_000, max: 5_000_000 } });
  admin = await users.createFirstAdmin({ ...ADMIN, confirmPassword: ADMIN.password }, DEVICE);
});

describe('first run', () => {
  it('creates the first admin as "first-run-setup" with the reason, and signs in as it', async () => {
    expect(admin).toMatchObject({ username: 'admin', displayName: '王管理', role: 'admin' });
    const stored = (await db.users.get(admin.id))!;
    expect(stored.createdBy).toBe(FIRST_RUN_USER_ID);
    const audit = await db.auditLog.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', userId: FIRST_RUN_USER_ID, reason: FIRST_RUN_REASON, recordId: admin.id });
    expect(await users.verifySignIn('admin', ADMIN.password)).toEqual(admin);
  });

  it('is refused once any user exists', async () => {
    const error = await rejection(users.createFirstAdmin({ username: 'second', displayName: '第二', password: 'second-pass' }, DEVICE));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe(MESSAGES.alreadySetUp);
    expect(await db.users.count()).toBe(1);
  });

  it('refuses a short password or a mismatched confirmation, writing nothing', async () => {
    const fresh = new DeskDatabase('auth-test-fresh');
    const dir = new UserDirectory(fresh, new Repository(fresh, 'users'), { iterations: 1_000, iterationBounds: { min: 1_000, max: 5_000_000 } });
    try {
      const short = await rejection(dir.createFirstAdmin({ ...ADMIN, password: 'short' }, DEVICE));
      expect(short).toBeInstanceOf(ValidationError);
      expect(short.message).toBe('密码至少需要 8 个字符。');
      const mismatch = await rejection(dir.createFirstAdmin({ ...ADMIN, confirmPassword: 'Desk-2026-admiN' }, DEVICE));
      expect(mismatch.message).toBe(MESSAGES.passwordMismatch);
      expect(await fresh.users.count()).toBe(0);
      expect(await fresh.outbox.count()).toBe(0);
      expect(await dir.hasUsers()).toBe(false);
    } finally {
      fresh.close();
      await fresh.delete();
    }
  });
});

describe('no plain password anywhere', () => {
  it('keeps neither password in users, outbox, audit or merge states after creating users', async () => {
    const clerk = await users.createUser(CLERK, as(admin));
    await users.resetPassword(clerk.id, 'new-clerk-pass-2', as(admin));
    const dump = JSON.stringify({
      users: await db.users.toArray(),
      outbox: await db.outbox.toArray(),
      audit: await db.auditLog.toArray(),
      mergeStates: await db.mergeStates.toArray(),
      settings: await db.settings.toArray(),
    });
    for (const secret of [ADMIN.password, CLERK.password, 'new-clerk-pass-2']) expect(dump).not.toContain(secret);
    const stored = (await db.users.get(clerk.id))!;
    expect(stored.passwordHash).toMatch(/^pbkdf2-sha256\$1000\$/);
  });

  it('gives every user their own salt', async () => {
    const a = await users.createUser({ ...CLERK, username: 'a', password: 'same-password', confirmPassword: 'same-password' }, as(admin));
    const b = await users.createUser({ ...CLERK, username: 'b', password: 'same-password', confirmPassword: 'same-password' }, as(admin));
    expect(a.passwordSalt).not.toBe(b.passwordSalt);
    expect(a.passwordHash).not.toBe(b.passwordHash);
  });
});

describe('creating users', () => {
  it('an admin creates a clerk; the write names the admin', async () => {
    const clerk = await users.createUser(CLERK, as(admin));
    expect(clerk).toMatchObject({ username: 'Clerk1', displayName: '李经办', role: 'clerk', createdBy: admin.id });
    const audit = await db.auditLog.where({ table: 'users', recordId: clerk.id }).toArray();
    expect(audit).toEqual([expect.objectContaining({ action: 'create', userId: admin.id })]);
    const ops = await db.outbox.where({ table: 'users', recordId: clerk.id }).toArray();
    expect(ops).toEqual([expect.objectContaining({ userId: admin.id })]);
  });

  it('user names are unique ignoring case and full-width forms', async () => {
    await users.createUser(CLERK, as(admin));
    for (const username of ['clerk1', ' CLERK1 ', 'ｃｌｅｒｋ１', 'ADMIN']) {
      const error = await rejection(users.createUser({ ...CLERK, username }, as(admin)));
      expect(error).toBeInstanceOf(AuthError);
      expect(error.message).toMatch(/^用户名“.+”已被使用，请换一个。$/);
    }
    expect(await db.users.count()).toBe(2);
  });

  it('only an active admin creates users', async () => {
    const clerk = await users.createUser(CLERK, as(admin));
    const byClerk = await rejection(users.createUser({ ...CLERK, username: 'other' }, as(clerk)));
    expect(byClerk.message).toBe(MESSAGES.adminOnly);
    const byNobody = await rejection(users.createUser({ ...CLERK, username: 'other' }, { userId: 'someone', deviceId: DEVICE }));
    expect(byNobody.message).toBe(MESSAGES.adminOnly);
    expect(await db.users.count()).toBe(2);
  });

  it('refuses bad input with Chinese messages', async () => {
    const cases: [Partial<typeof CLERK>, string][] = [
      [{ username: '  ' }, MESSAGES.usernameRequired],
      [{ username: 'li si' }, MESSAGES.usernameSpaces],
      [{ username: 'x'.repeat(41) }, MESSAGES.usernameTooLong],
      [{ displayName: ' ' }, MESSAGES.displayNameRequired],
      [{ password: '1234567', confirmPassword: '1234567' }, '密码至少需要 8 个字符。'],
      [{ confirmPassword: 'different-1' }, MESSAGES.passwordMismatch],
    ];
    for (const [patch, message] of cases) {
      const error = await rejection(users.createUser({ ...CLERK, ...patch }, as(admin)));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.message).toBe(message);
    }
    expect(await db.users.count()).toBe(1);
  });
});

describe('signing in', () => {
  it('the same message for an unknown user and a wrong password; the user name ignores case', async () => {
    await users.createUser(CLERK, as(admin));
    expect((await users.verifySignIn('clerk1', CLERK.password)).role).toBe('clerk');
    expect((await rejection(users.verifySignIn('clerk1', 'wrong-password'))).message).toBe('用户名或密码不正确。');
    expect((await rejection(users.verifySignIn('nobody', CLERK.password))).message).toBe('用户名或密码不正确。');
    expect((await rejection(users.verifySignIn('', ''))).message).toBe('用户名或密码不正确。');
  });

  it('refuses a disabled user, and lets them in again once enabled', async () => {
    const clerk = await users.createUser(CLERK, as(admin));
    await users.setDisabled(clerk.id, true, as(admin));
    expect((await rejection(users.verifySignIn('Clerk1', CLERK.password))).message).toBe(MESSAGES.disabled);
    // A wrong password does not reveal that the account exists and is disabled.
    expect((await rejection(users.verifySignIn('Clerk1', 'wrong-password'))).message).toBe(MESSAGES.signInFailed);
    await users.setDisabled(clerk.id, false, as(admin));
    expect((await users.verifySignIn('Clerk1', CLERK.password)).id).toBe(clerk.id);
  });

  it('a reset password replaces the old one', async () => {
    const clerk = await users.createUser(CLERK, as(admin));
    const before = (await db.users.get(clerk.id))!;
    await users.resetPassword(clerk.id, 'fresh-password-9', as(admin));
    const after = (await db.users.get(clerk.id))!;
    expect(after.passwordSalt).not.toBe(before.passwordSalt);
    expect((await rejection(users.verifySignIn('Clerk1', CLERK.password))).message).toBe(MESSAGES.signInFailed);
    expect((await users.verifySignIn('Clerk1', 'fresh-password-9')).id).toBe(clerk.id);
    const audit = await db.auditLog.where({ table: 'users', recordId: clerk.id }).toArray();
    expect(audit.at(-1)).toMatchObject({ action: 'update', userId: admin.id, reason: '管理员重置密码' });
    expect((await rejection(users.resetPassword(clerk.id, 'short', as(admin)))).message).toBe('密码至少需要 8 个字符。');
    expect((await rejection(users.resetPassword(admin.id, 'by-a-clerk-1', as(clerk)))).message).toBe(MESSAGES.adminOnly);
  });
});

describe('the last active admin', () => {
  it('cannot be disabled or demoted, by themself or anyone', async () => {
    const disable = await rejection(users.setDisabled(admin.id, true, as(admin)));
    expect(disable).toBeInstanceOf(AuthError);
    expect(disable.message).toBe(MESSAGES.lastAdminDisable);
    const demote = await rejection(users.changeRole(admin.id, 'clerk', as(admin)));
    expect(demote.message).toBe(MESSAGES.lastAdminDemote);
    expect((await db.users.get(admin.id))).toMatchObject({ role: 'admin' });
    expect((await db.users.get(admin.id))!.disabled).toBeUndefined();
    expect(await db.auditLog.count()).toBe(1);
  });

  it('can step down once another admin is active; a disabled admin does not count', async () => {
    const second = await users.createUser({ ...CLERK, username: 'admin2', role: 'admin' }, as(admin));
    await users.setDisabled(second.id, true, as(admin));
    expect((await rejection(users.changeRole(admin.id, 'reviewer', as(admin)))).message).toBe(MESSAGES.lastAdminDemote);
    await users.setDisabled(second.id, false, as(admin));
    const demoted = await users.changeRole(admin.id, 'reviewer', as(admin));
    expect(demoted.role).toBe('reviewer');
    // The demoted admin can no longer manage users; the other admin can.
    expect((await rejection(users.changeRole(second.id, 'clerk', as(admin)))).message).toBe(MESSAGES.adminOnly);
    expect((await rejection(users.changeRole(second.id, 'clerk', as(second)))).message).toBe(MESSAGES.lastAdminDemote);
    await users.setDisabled(admin.id, true, as(second));
    expect((await rejection(users.verifySignIn('admin', ADMIN.password))).message).toBe(MESSAGES.disabled);
  });

  it('role changes are audited with the acting admin', async () => {
    const clerk = await users.createUser(CLERK, as(admin));
    await users.changeRole(clerk.id, 'reviewer', as(admin));
    const audit = await db.auditLog.where({ table: 'users', recordId: clerk.id }).toArray();
    expect(audit.at(-1)).toMatchObject({ action: 'update', userId: admin.id, reason: '更改用户角色', changes: { role: ['clerk', 'reviewer'] } });
    expect((await rejection(users.changeRole('no-such-user', 'clerk', as(admin)))).message).toBe(MESSAGES.userNotFound);
  });
});

describe('sign-in failures slow down', () => {
  it('after 5 failures the next attempt waits 30 s, then 1 min; the wait is shown; a success clears it', async () => {
    let now = Date.parse('2026-11-22T02:00:00.000Z');
    const slow = new UserDirectory(db, new Repository(db, 'users'), { iterations: 1_000, iterationBounds: { min: 1_000, max: 5_000_000 }, now: () => now });
    for (let i = 1; i <= 4; i++) {
      const error = await rejection(slow.verifySignIn('admin', `wrong-${i}`));
      expect(error).toMatchObject({ message: MESSAGES.signInFailed, retryAfterMs: 0 });
    }
    const fifth = await rejection(slow.verifySignIn('ADMIN', 'wrong-5'));
    expect(fifth).toMatchObject({ message: '用户名或密码不正确。已连续失败 5 次，请在 30 秒后再试。', retryAfterMs: 30_000 });

    // Too early: refused without checking, even with the right password.
    now += 10_000;
    const early = await rejection(slow.verifySignIn('admin', ADMIN.password));
    expect(early).toMatchObject({ message: '登录失败次数过多（已连续 5 次），请在 20 秒后再试。', retryAfterMs: 20_000 });
    expect(await slow.signInState('admin')).toEqual({ failures: 5, waitMs: 20_000 });

    // A reload does not reset it: the count is kept in the desk's settings.
    const reloaded = new UserDirectory(db, new Repository(db, 'users'), { iterations: 1_000, iterationBounds: { min: 1_000, max: 5_000_000 }, now: () => now });
    expect((await reloaded.signInState('admin')).failures).toBe(5);

    now += 20_000;
    const sixth = await rejection(reloaded.verifySignIn('admin', 'wrong-6'));
    expect(sixth).toMatchObject({ message: '用户名或密码不正确。已连续失败 6 次，请在 1 分钟后再试。', retryAfterMs: 60_000 });
    now += 60_000;
    expect(await reloaded.verifySignIn('admin', ADMIN.password)).toEqual(admin);
    expect(await reloaded.signInState('admin')).toEqual({ failures: 0, waitMs: 0 });
  });

  it('an unknown user name is slowed down the same way (nothing tells which names exist)', async () => {
    const now = Date.parse('2026-11-22T02:00:00.000Z');
    const slow = new UserDirectory(db, new Repository(db, 'users'), { iterations: 1_000, iterationBounds: { min: 1_000, max: 5_000_000 }, now: () => now });
    for (let i = 0; i < 4; i++) await rejection(slow.verifySignIn('nobody', 'x'));
    expect(await rejection(slow.verifySignIn('nobody', 'x'))).toMatchObject({ retryAfterMs: 30_000 });
    // Other names are not affected.
    expect(await slow.verifySignIn('admin', ADMIN.password)).toEqual(admin);
  });
});

describe('a stored hash with an absurd iteration count', () => {
  it.each([1, 999_999_999])('%i iterations: refused clearly, never run', async (iterations) => {
    const stored = (await db.users.get(admin.id))!;
    await db.users.put({ ...stored, passwordHash: stored.passwordHash!.replace(/\$\d+\$/, `$${iterations}$`) });
    const started = Date.now();
    const error = await rejection(users.verifySignIn('admin', ADMIN.password));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe(`该账号的密码记录不可用（迭代次数 ${iterations} 不在允许的 1000–5000000 之间），无法登录。请管理员为该账号重置密码。`);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
