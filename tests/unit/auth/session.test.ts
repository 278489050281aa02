/**
 * The app's write context names the signed-in user's role as their stored record has it (a role
 * changed or an account disabled since sign-in, here or by sync, counts at once), and the
 * repository checks every write with it.
 */
import '../intake/env';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, repositories } from '../../../renderer/src/db';
import { AccessDeniedError } from '../../../renderer/src/db/errors';
import { writeContext, NotSignedInError } from '../../../renderer/src/session';
import { allowed, requireAction, sessionActor } from '../../../renderer/src/auth/access';
import { useSession } from '../../../renderer/src/stores/session';

const PERSON = { name: '张三', idNumber: '11010519491231002X' };

async function signInAs(role: 'admin' | 'clerk' | 'reviewer', stored: Partial<{ role: string; disabled: boolean }> = {}) {
  const user = await repositories.users.create({ username: `u-${role}`, displayName: '某人', role, ...stored } as never, { userId: 'setup', deviceId: 'dev-0001' });
  useSession.getState().signIn({ id: user.id, username: user.username, displayName: user.displayName, role });
  return user;
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  useSession.getState().signOut();
});

describe('the write context', () => {
  it('nobody signed in: refused', async () => {
    await expect(writeContext()).rejects.toBeInstanceOf(NotSignedInError);
    expect(allowed('intake.create')).toBe(false);
  });

  it('carries the role; a clerk registers, a reviewer is refused', async () => {
    await signInAs('clerk');
    expect((await writeContext()).role).toBe('clerk');
    await repositories.people.create(PERSON, await writeContext());
    useSession.getState().signOut();
    await signInAs('reviewer');
    const error = await repositories.people.create({ ...PERSON, idNumber: '110105194910010015' }, await writeContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccessDeniedError);
    expect(await db.people.count()).toBe(1);
  });

  it('takes the role from the stored record, not the one remembered at sign-in', async () => {
    // Signed in as a clerk; an administrator has since made them a reviewer (on another desk).
    await signInAs('clerk', { role: 'reviewer' });
    expect((await writeContext()).role).toBe('reviewer');
  });

  it('a disabled account can no longer write', async () => {
    await signInAs('clerk', { disabled: true });
    await expect(writeContext()).rejects.toThrow('该账号已停用或已删除，不能再操作。请联系管理员。');
  });

  it('commands outside the repository ask the same table', async () => {
    const user = await signInAs('clerk');
    expect(allowed('settings.manage')).toBe(false);
    expect(allowed('intake.create')).toBe(true);
    await expect(requireAction(db, sessionActor(), 'backup.restore')).rejects.toThrow('经办人无权从备份恢复数据：只有管理员可以操作。');
    // Made an administrator on another desk: it counts at once.
    await db.users.update(user.id, { role: 'admin' });
    expect(await requireAction(db, sessionActor(), 'backup.restore')).toBe('admin');
  });
});
