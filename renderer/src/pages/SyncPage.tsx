import { Card, Descriptions, Statistic, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db';
import { useT } from '../i18n';

export function SyncPage() {
  const t = useT();
  const pending = useLiveQuery(() => db.outbox.count(), [], 0);
  const device = useLiveQuery(() => db.settings.get('deviceId'), []);
  return (
    <div style={{ display: 'grid', gap: 24 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('sync.title')}
      </Typography.Title>
      <Card>
        <Statistic title={t('sync.pending')} value={pending} data-testid="pending-count" />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('sync.pendingHelp')}
        </Typography.Paragraph>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('sync.device')}>{typeof device?.value === 'string' ? device.value : '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
    </div>
  );
}
