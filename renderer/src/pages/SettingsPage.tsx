import { App as AntApp, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/ipc/contract';
import { useT } from '../i18n';
import { LanguageSwitch } from '../layout/AppLayout';
import { bridge } from '../platform/bridge';
import { requestPersistentStorage } from '../platform/storage';
import { db } from '../db';
import { backupBytes, exportBackup } from '../db/backup';
import { todayIso } from '../today';

export function SettingsPage() {
  const t = useT();
  const { message } = AntApp.useApp();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [storage, setStorage] = useState<Awaited<ReturnType<typeof requestPersistentStorage>> | null>(null);

  useEffect(() => {
    void bridge.appInfo().then(setInfo);
    void requestPersistentStorage().then(setStorage);
  }, []);

  const open = async (which: 'data' | 'backup') => {
    const result = await bridge.openFolder(which);
    if (result.status === 'unavailable') void message.info(result.message);
  };

  const backup = async () => {
    try {
      const bytes = backupBytes(await exportBackup(db));
      const result = await bridge.saveFile({ suggestedName: `协会办事台备份-${todayIso()}.json`, bytes, filterName: 'JSON' });
      if (result.status !== 'cancelled') void message.success(t('settings.backupDone'));
    } catch (error) {
      void message.error(t('error.unexpected', { message: error instanceof Error ? error.message : String(error) }));
    }
  };

  return (
    <div style={{ display: 'grid', gap: 24 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <Card title={t('settings.language')}>
        <LanguageSwitch />
      </Card>
      <Card title={t('settings.about')}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('settings.version')}>{info?.version ?? '…'}</Descriptions.Item>
          <Descriptions.Item label={t('settings.shell')}>
            {info ? t(info.shell === 'electron' ? 'settings.shell.electron' : 'settings.shell.browser') : '…'}
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.storage')}>{storage ? t(`settings.storage.${storage}`) : '…'}</Descriptions.Item>
        </Descriptions>
        <Space style={{ marginTop: 16 }}>
          <Button onClick={() => void open('data')}>{t('settings.dataFolder')}</Button>
          <Button onClick={() => void open('backup')}>{t('settings.backupFolder')}</Button>
          <Button type="primary" onClick={() => void backup()}>
            {t('settings.exportBackup')}
          </Button>
        </Space>
      </Card>
    </div>
  );
}
