/** When automatic backups are made and which are kept; browser mode's weekly reminder. */
import { describe, expect, it } from 'vitest';
import { autoBackupFileName, backupReminder, dailyBackupDue, manualBackupFileName, parseAutoBackupName, planRotation, snoozeUntil, upgradeBackupDue } from '../../../shared/backup/schedule';

const daily = (stamp: string) => autoBackupFileName('daily', stamp);

describe('automatic backups', () => {
  it.each([
    [undefined, '2026-11-22', true],
    ['2026-11-21', '2026-11-22', true],
    ['2026-11-22', '2026-11-22', false],
    ['2026-11-23', '2026-11-22', false],
  ] as const)('last daily on %s, today %s: due %s', (last, today, due) => {
    expect(dailyBackupDue(last, today)).toBe(due);
  });

  it.each([
    [undefined, 6, false],
    [3, 6, true],
    [6, 6, false],
    [7, 6, false],
  ] as const)('stored version %s, app version %s: backup before upgrade %s', (stored, app, due) => {
    expect(upgradeBackupDue(stored, app)).toBe(due);
  });

  it('names sort as time does and say what they are', () => {
    expect(daily('20261122-140501')).toBe('协会办事台自动备份-20261122-140501-daily.deskbackup');
    expect(autoBackupFileName('upgrade', '20261122-140501', 3)).toBe('协会办事台自动备份-20261122-140501-upgrade-v3.deskbackup');
    expect(manualBackupFileName('20261122-140501')).toBe('协会办事台备份-20261122-140501.deskbackup');
    expect(parseAutoBackupName('协会办事台自动备份-20261122-140501-upgrade-v3.deskbackup')).toEqual({ reason: 'upgrade', stamp: '20261122-140501' });
    expect(parseAutoBackupName('协会办事台备份-20261122-140501.deskbackup')).toBeNull();
    expect(() => autoBackupFileName('daily', '2026-11-22')).toThrow(RangeError);
  });

  it('keeps the newest 14 daily and 5 upgrade backups; never touches other files', () => {
    const days = Array.from({ length: 20 }, (_, i) => daily(`202611${String(i + 1).padStart(2, '0')}-090000`));
    const upgrades = Array.from({ length: 7 }, (_, i) => autoBackupFileName('upgrade', `2026110${i + 1}-080000`, i + 1));
    const others = ['协会办事台备份-20261101-090000.deskbackup', 'notes.txt', `${daily('20261101-090000')}.partial`];
    const doomed = planRotation([...others, ...upgrades, ...days].reverse());
    expect(doomed.sort()).toEqual([...days.slice(0, 6), ...upgrades.slice(0, 2)].sort());
    expect(planRotation(days, { daily: 3, upgrade: 1 })).toHaveLength(17);
  });
});

describe('browser mode reminds weekly', () => {
  const now = Date.parse('2026-11-22T02:00:00.000Z');
  const at = (days: number) => new Date(now - days * 24 * 3600_000).toISOString();

  it.each([
    ['never backed up, with data', undefined, undefined, true, true, null],
    ['never backed up, nothing on the desk', undefined, undefined, false, false, null],
    ['6 days ago', at(6), undefined, true, false, 6],
    ['7 days ago', at(7), undefined, true, true, 7],
    ['30 days ago but snoozed', at(30), new Date(now + 3600_000).toISOString(), true, false, 30],
    ['30 days ago, snooze over', at(30), new Date(now - 1).toISOString(), true, true, 30],
  ] as const)('%s', (_label, lastBackupAt, snoozedUntil, hasData, due, daysSince) => {
    const reminder = backupReminder({ lastBackupAt, snoozedUntil, hasData, nowMs: now });
    expect(reminder).toMatchObject({ due, daysSince });
  });

  it('says what to do, in Chinese', () => {
    expect(backupReminder({ lastBackupAt: at(9), snoozedUntil: undefined, hasData: true, nowMs: now }).message).toBe(
      '距上次下载数据备份已有 9 天。浏览器模式下数据只保存在这个浏览器里，请在“设置”中下载一份新的备份。',
    );
    expect(snoozeUntil(now)).toBe('2026-11-23T02:00:00.000Z');
  });
});
