/**
 * UI strings of one area (backup: 设置 › 数据备份 and 从备份恢复, the browser-mode reminder).
 * Chinese is the reference; English must have every key (the type says so). Keys start with the
 * area's prefix so areas never collide.
 */
export const zh = {
  'backup.title': '数据备份',
  'backup.help':
    '备份文件包含本机的全部记录、附件（扫描件和照片）、待同步的修改和操作记录。填写备份密码后，证书签名私钥和各用户的密码记录会用该密码加密后一并保存；不填则不包含它们，恢复时需要为一位管理员设置新密码。',
  'backup.never': '本机还没有导出过数据备份。',
  'backup.last': '上次导出备份：{at}',
  'backup.passphrase': '备份密码（可不填）',
  'backup.passphraseHint': '至少 {min} 个字符。请另行妥善保管：忘记后，备份中的密钥和密码无法恢复（其余数据仍可恢复）。',
  'backup.passphraseWeak': '备份密码至少需要 {min} 个字符。',
  'backup.confirmPassphrase': '再次输入备份密码',
  'backup.passphraseMismatch': '两次输入的备份密码不一致。',
  'backup.withoutSecrets': '不填密码：备份中不含签名私钥和密码记录。',
  'backup.withSecrets': '签名私钥和密码记录将加密保存在备份中。',
  'backup.saved': '数据备份已导出（不含密钥和密码）',
  'backup.savedSealed': '数据备份已导出（密钥和密码已加密）',
  'backup.restoreTitle': '从备份恢复',
  'backup.restoreHelp': '用备份文件替换本机的全部数据。恢复前会完整检查文件，检查不通过则不做任何改动。',
  'backup.restoreOpen': '从备份恢复…',
  'backup.reminder.never': '本机的数据只保存在这个浏览器里，还从未备份过。请在“设置”中下载一份数据备份，存放在安全的地方。',
  'backup.reminder.days': '距上次下载数据备份已有 {days} 天。浏览器模式下数据只保存在这个浏览器里，请在“设置”中下载一份新的备份。',
  'backup.reminder.open': '去备份',
  'backup.reminder.later': '稍后提醒',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'backup.title': 'Data backup',
  'backup.help':
    'A backup file holds every record on this desk, the attachments (scans and photos), the changes waiting to sync and the audit trail. With a backup password, the certificate signing key and the users\' password records go in too, encrypted with it; without one they are left out, and a restore asks for a new password for one administrator.',
  'backup.never': 'No backup has been saved on this desk yet.',
  'backup.last': 'Last backup saved: {at}',
  'backup.passphrase': 'Backup password (optional)',
  'backup.passphraseHint': 'At least {min} characters. Keep it safe elsewhere: without it the keys and passwords in the backup cannot be restored (the rest still can).',
  'backup.passphraseWeak': 'The backup password needs at least {min} characters.',
  'backup.confirmPassphrase': 'Backup password again',
  'backup.passphraseMismatch': 'The two backup passwords differ.',
  'backup.withoutSecrets': 'No password: the backup holds no signing key and no password records.',
  'backup.withSecrets': 'The signing key and the password records go into the backup encrypted.',
  'backup.saved': 'Backup saved (without keys and passwords)',
  'backup.savedSealed': 'Backup saved (keys and passwords encrypted)',
  'backup.restoreTitle': 'Restore from a backup',
  'backup.restoreHelp': 'Replaces all data on this desk with a backup file\'s. The file is checked completely first; if it fails, nothing changes.',
  'backup.restoreOpen': 'Restore from a backup…',
  'backup.reminder.never': 'This desk\'s data lives only in this browser and has never been backed up. Download a data backup in Settings and keep it somewhere safe.',
  'backup.reminder.days': 'The last backup was downloaded {days} days ago. In browser mode the data lives only in this browser: download a new backup in Settings.',
  'backup.reminder.open': 'Back up now',
  'backup.reminder.later': 'Remind me later',
};
