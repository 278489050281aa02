import { Badge, Layout, Menu, Segmented, Space, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { db } from '../db';
import { useT } from '../i18n';
import type { Locale } from '../i18n/messages';
import { useUi } from '../stores/ui';
import { navAreas } from './nav';

const { Header, Sider, Content } = Layout;

export function LanguageSwitch() {
  const locale = useUi((s) => s.locale);
  const setLocale = useUi((s) => s.setLocale);
  const t = useT();
  return (
    <Segmented<Locale>
      aria-label={t('header.language')}
      value={locale}
      onChange={setLocale}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en' },
      ]}
    />
  );
}

function SyncBadge() {
  const t = useT();
  const pending = useLiveQuery(() => db.outbox.count(), [], 0);
  return pending > 0 ? (
    <Badge status="processing" text={t('header.pending', { count: pending })} data-testid="sync-badge" />
  ) : (
    <Badge status="success" text={t('header.allSynced')} data-testid="sync-badge" />
  );
}

export function AppLayout() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const selected = navAreas.find((a) => pathname.startsWith(a.path))?.path ?? navAreas[0]!.path;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={208} theme="light" breakpoint="lg" collapsedWidth={64} style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 17, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {t('app.title')}
        </div>
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          onClick={({ key }) => navigate(key)}
          items={navAreas.map((a) => ({ key: a.path, icon: a.icon, label: t(a.label) }))}
          style={{ borderInlineEnd: 'none' }}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
          <Space size="large">
            <SyncBadge />
            <LanguageSwitch />
            <Tag>{__APP_VERSION__}</Tag>
          </Space>
        </Header>
        <Content style={{ padding: 24 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
