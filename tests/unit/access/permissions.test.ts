/**
 * The permission table: role × action, as the issue states it — reviewers see only panel work;
 * only administrators see or change users, settings and the signing key, restore backups and
 * enrol the desk; clerks do the office's daily work. Every write to a synced record maps to an
 * action, and a refusal says, in Chinese, who may.
 */
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  actionsOf,
  ALL_ACTIONS,
  can,
  checkPermission,
  deniedMessage,
  PERMISSIONS,
  TABLES_WITH_WRITE_ACTIONS,
  writeAction,
  type Action,
} from '../../../shared/access/permissions';
import { syncedRecordSchemas } from '../../../shared/model/records';

// role → may it?   admin  clerk  reviewer
const TABLE: readonly [Action, boolean, boolean, boolean][] = [
  ['intake.view', true, true, false],
  ['organisations.view', true, true, false],
  ['agencies.view', true, true, false],
  ['queues.view', true, true, false],
  ['application.view', true, true, false],
  ['panel.view', true, true, true],
  ['certificates.view', true, true, false],
  ['rosters.view', true, true, false],
  ['audit.view', true, true, false],
  ['calendar.view', true, true, false],
  ['sync.view', true, true, false],
  ['users.view', true, false, false],
  ['settings.view', true, false, false],
  ['intake.create', true, true, false],
  ['application.edit', true, true, false],
  ['workflow.fire', true, true, true],
  ['panel.score', true, true, true],
  ['panel.manage', true, true, false],
  ['calendar.manage', true, false, false],
  ['agencies.manage', true, true, false],
  ['certificates.issue', true, true, false],
  ['documents.print', true, true, false],
  ['records.merge', true, true, false],
  ['import.run', true, true, false],
  ['signingKey.view', true, false, false],
  ['signingKey.set', true, false, false],
  ['users.manage', true, false, false],
  ['settings.manage', true, false, false],
  ['backup.create', true, false, false],
  ['backup.restore', true, false, false],
  ['sync.run', true, true, false],
  ['sync.enrol', true, false, false],
  ['sync.resolve', true, true, false],
];

describe('role × action', () => {
  it.each(TABLE)('%s: admin %s, clerk %s, reviewer %s', (action, admin, clerk, reviewer) => {
    expect([can('admin', action), can('clerk', action), can('reviewer', action)]).toEqual([admin, clerk, reviewer]);
  });

  it('the table above lists every action, each once', () => {
    expect(TABLE.map(([a]) => a).sort()).toEqual([...ALL_ACTIONS].sort());
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(ACTIONS).sort());
  });

  it('a reviewer has panel work only', () => {
    expect(actionsOf('reviewer')).toEqual(['panel.view', 'workflow.fire', 'panel.score']);
  });

  it('nobody signed in, or an unknown role, may do nothing', () => {
    for (const action of ALL_ACTIONS) {
      expect(can(null, action)).toBe(false);
      expect(can(undefined, action)).toBe(false);
      expect(can('superuser' as never, action)).toBe(false);
    }
  });

  it('a refusal says who may, in Chinese', () => {
    expect(checkPermission('reviewer', 'intake.create')).toEqual({
      ok: false,
      error: { code: 'access.denied', message: '评审人员无权登记申请、人员和单位：只有管理员或经办人可以操作。' },
    });
    expect(deniedMessage('clerk', 'signingKey.view')).toBe('经办人无权查看证书签名设置：只有管理员可以操作。');
    expect(deniedMessage(null, 'backup.restore')).toBe('请先登录后再从备份恢复数据。');
    expect(checkPermission('admin', 'backup.restore')).toEqual({ ok: true, value: 'admin' });
  });
});

describe('writes to synced records', () => {
  it('every synced table has its actions', () => {
    expect([...TABLES_WITH_WRITE_ACTIONS].sort()).toEqual(Object.keys(syncedRecordSchemas).sort());
  });

  it.each([
    ['people', 'create', [], 'intake.create'],
    ['people', 'update', ['phone'], 'application.edit'],
    ['organisations', 'create', [], 'intake.create'],
    ['applications', 'create', [], 'intake.create'],
    ['applications', 'update', ['fields', 'updatedAt', 'updatedBy'], 'application.edit'],
    ['applications', 'update', ['status', 'updatedAt', 'updatedBy'], 'workflow.fire'],
    ['applications', 'update', ['status', 'personId'], 'application.edit'],
    ['applications', 'delete', ['deleted'], 'application.edit'],
    ['materials', 'update', ['status'], 'application.edit'],
    ['attachments', 'create', [], 'application.edit'],
    ['educationRecords', 'create', [], 'application.edit'],
    ['workflowEvents', 'create', [], 'workflow.fire'],
    ['routingOpinions', 'create', [], 'workflow.fire'],
    ['objections', 'update', ['status'], 'workflow.fire'],
    ['publicities', 'create', [], 'workflow.fire'],
    ['reviews', 'create', [], 'panel.score'],
    ['certificates', 'create', [], 'certificates.issue'],
    ['users', 'update', ['role'], 'users.manage'],
    ['people', 'resolve', ['name'], 'sync.resolve'],
  ] as const)('%s %s %j is %s', (table, kind, changed, action) => {
    expect(writeAction(table, kind, changed)).toBe(action);
  });

  it('a table it does not know has no action (the repository then refuses)', () => {
    expect(writeAction('secrets', 'create')).toBeUndefined();
  });
});
