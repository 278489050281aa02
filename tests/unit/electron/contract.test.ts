import { describe, expect, it } from 'vitest';
import { bridgeMethods, channelOf, parseBridgeArgs } from '../../../shared/ipc/contract';

const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

describe('bridge contract: arguments are parsed before any handler runs', () => {
  it('lists exactly its channels: the four first, and the backup folder’s three', () => {
    expect(bridgeMethods).toEqual(['appInfo', 'saveFile', 'printPdf', 'openFolder', 'writeBackup', 'listBackups', 'readBackup']);
    expect(channelOf('saveFile')).toBe('desk:saveFile');
  });

  it.each([
    ['appInfo', []],
    ['saveFile', [{ suggestedName: '推荐人员花名册.xlsx', bytes: pdf }]],
    ['saveFile', [{ suggestedName: 'roster 2026.xlsx', bytes: pdf, filterName: 'Excel 工作簿' }]],
    ['printPdf', [{ bytes: pdf }]],
    ['printPdf', [{ bytes: pdf, title: '证书打印' }]],
    ['openFolder', ['data']],
    ['openFolder', ['backup']],
    ['writeBackup', [{ fileName: '协会办事台自动备份-20261122-140501-daily.deskbackup', bytes: pdf }]],
    ['writeBackup', [{ fileName: '协会办事台自动备份-20261122-140501-upgrade-v3.deskbackup', bytes: pdf, keep: { daily: 14, upgrade: 5 } }]],
    ['listBackups', []],
    ['readBackup', ['协会办事台自动备份-20261122-140501-daily.deskbackup']],
  ] as const)('%s accepts %j', (method, args) => {
    expect(parseBridgeArgs(method, args).ok).toBe(true);
  });

  it.each([
    ['appInfo with an argument', 'appInfo', ['x']],
    ['saveFile with no argument', 'saveFile', []],
    ['saveFile with a path', 'saveFile', [{ suggestedName: '../../.bashrc', bytes: pdf }]],
    ['saveFile with an absolute path', 'saveFile', [{ suggestedName: '/etc/passwd', bytes: pdf }]],
    ['saveFile with a Windows path', 'saveFile', [{ suggestedName: 'C:\\Windows\\x.dll', bytes: pdf }]],
    ['saveFile with a drive-relative name', 'saveFile', [{ suggestedName: 'C:x.dll', bytes: pdf }]],
    ['saveFile with a reserved name', 'saveFile', [{ suggestedName: 'CON.txt', bytes: pdf }]],
    ['saveFile with a control character', 'saveFile', [{ suggestedName: 'a\u0000b.pdf', bytes: pdf }]],
    ['saveFile with a trailing dot', 'saveFile', [{ suggestedName: 'report.', bytes: pdf }]],
    ['saveFile with ..', 'saveFile', [{ suggestedName: '..', bytes: pdf }]],
    ['saveFile with an empty name', 'saveFile', [{ suggestedName: '', bytes: pdf }]],
    ['saveFile with a huge name', 'saveFile', [{ suggestedName: `${'名'.repeat(200)}.pdf`, bytes: pdf }]],
    ['saveFile with bytes as a string', 'saveFile', [{ suggestedName: 'a.pdf', bytes: '%PDF' }]],
    ['saveFile with bytes as a plain array', 'saveFile', [{ suggestedName: 'a.pdf', bytes: [1, 2, 3] }]],
    ['saveFile with empty bytes', 'saveFile', [{ suggestedName: 'a.pdf', bytes: new Uint8Array() }]],
    ['saveFile with an extra field', 'saveFile', [{ suggestedName: 'a.pdf', bytes: pdf, path: '/tmp/x' }]],
    ['saveFile with a prototype-polluting key', 'saveFile', [JSON.parse('{"suggestedName":"a.pdf","__proto__":{"x":1}}')]],
    ['printPdf with null', 'printPdf', [null]],
    ['openFolder outside the enum', 'openFolder', ['../../']],
    ['openFolder with a path', 'openFolder', ['/home']],
    ['openFolder with two arguments', 'openFolder', ['data', 'backup']],
    ['writeBackup with any other file name', 'writeBackup', [{ fileName: 'evil.exe', bytes: pdf }]],
    ['writeBackup with a path', 'writeBackup', [{ fileName: '../协会办事台自动备份-20261122-140501-daily.deskbackup', bytes: pdf }]],
    ['writeBackup keeping none', 'writeBackup', [{ fileName: '协会办事台自动备份-20261122-140501-daily.deskbackup', bytes: pdf, keep: { daily: 0, upgrade: 1 } }]],
    ['readBackup with a path', 'readBackup', ['../../etc/passwd']],
  ] as const)('refuses %s', (_label, method, args) => {
    const result = parseBridgeArgs(method, args as readonly unknown[]);
    expect(result.ok).toBe(false);
  });
});
