import { Card, Empty, Typography } from 'antd';
import { useT, type MessageKey } from '../i18n';

export function PlaceholderPage({ area }: { area: MessageKey }) {
  const t = useT();
  return (
    <Card>
      <Typography.Title level={3}>{t('placeholder.title', { area: t(area) })}</Typography.Title>
      <Empty description={t('placeholder.body')} />
    </Card>
  );
}
