/**
 * Browser mode keeps the office's data in this browser only, and nothing backs it up by itself:
 * once a week (or when no backup was ever downloaded) the administrator is reminded, above every
 * page, to download one from 设置; "稍后提醒" hides it for a day. The desktop app backs up daily
 * into its folder and shows nothing here.
 */
import { Alert, Button, Space } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useNavigate } from 'react-router';
import { useAllowed } from '../auth/access';
import { backupReminder, remindLater } from '../backup';
import { useT } from '../i18n';
import { isDesktop } from '../platform/bridge';
import { useUi } from '../stores/ui';

export function BackupBanner() {
  const mayBackUp = useAllowed('backup.create');
  return !isDesktop && mayBackUp ? <Reminder /> : null;
}

function Reminder() {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const navigate = useNavigate();
  const reminder = useLiveQuery(() => backupReminder(), []);
  if (reminder === undefined || !reminder.due) return null;
  // Chinese: the rule's own words (shared/backup/schedule); English from the messages.
  const text =
    locale === 'zh-CN' ? reminder.message : reminder.daysSince === null ? t('backup.reminder.never') : t('backup.reminder.days', { days: reminder.daysSince });
  return (
    <Alert
      banner
      type="warning"
      data-testid="backup-reminder"
      title={text}
      action={
        <Space>
          <Button size="small" type="primary" onClick={() => navigate('/settings')}>
            {t('backup.reminder.open')}
          </Button>
          <Button size="small" onClick={() => void remindLater()}>
            {t('backup.reminder.later')}
          </Button>
        </Space>
      }
    />
  );
}
