import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Badge, Button, Layout, Menu, Space, Tag, Tooltip, Typography, type BadgeProps } from 'antd';
import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { db } from '../db';
import { useT, useRuleText } from '../i18n';
import { useSession } from '../stores/session';
import { startSync, useSyncStatus } from '../sync';
import { useAllowed } from '../auth/access';
import { areasFor } from './nav';
import { BackupBanner } from './BackupBanner';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { CalendarBanner } from '../features/calendar/CalendarBanner';

const { Header, Sider, Content } = Layout;


/**
 * The header's sync state: syncing, an error (a click away from its explanation on 同步),
 * operations waiting (offline or not), or all synced. Before enrolment "all synced" means
 * "nothing waiting"; the 同步 page says the device is not enrolled.
 */
function SyncBadge() {
  const t = useT();
  const rule = useRuleText();
  const navigate = useNavigate();
  const pending = useLiveQuery(() => db.outbox.count(), [], 0);
  const phase = useSyncStatus((s) => s.phase);
  const failure = useSyncStatus((s) => s.failure);
  const mayOpen = useAllowed('sync.view');
  let badge: { status: BadgeProps['status']; text: string };
  if (phase === 'syncing') badge = { status: 'processing', text: t('header.syncing') };
  else if (failure !== null && (phase === 'blocked' || phase === 'waiting')) badge = { status: 'error', text: t('header.syncError') };
  else if (pending > 0 && phase === 'offline') badge = { status: 'default', text: t('header.offline', { count: pending }) };
  else if (pending > 0) badge = { status: 'warning', text: t('header.pending', { count: pending }) };
  else badge = { status: 'success', text: t('header.allSynced') };
  const shown = <Badge status={badge.status} text={badge.text} data-testid="sync-badge" />;
  // A reviewer's work syncs too, but the 同步 page is the office's: the state shows, without a way in.
  if (!mayOpen) return failure !== null && phase !== 'syncing' ? <Tooltip title={rule(failure.message)}>{shown}</Tooltip> : shown;
  return (
    <Tooltip title={failure !== null && phase !== 'syncing' ? failure.message : t('header.openSync')}>
      <Button type="text" size="small" onClick={() => navigate('/sync')}>
        {shown}
      </Button>
    </Tooltip>
  );
}

/** Who is signed in (name and role) and the way out. */
function UserMenu() {
  const t = useT();
  const navigate = useNavigate();
  const user = useSession((s) => s.user);
  const signOut = useSession((s) => s.signOut);
  if (user === null) return null;
  const role = t(`auth.role.${user.role}`);
  return (
    <Space size="small" data-testid="user-menu" aria-label={t('auth.menu.label', { name: user.displayName, role })}>
      <UserOutlined />
      <Typography.Text strong>{user.displayName}</Typography.Text>
      <Tag color={user.role === 'admin' ? 'blue' : 'default'}>{role}</Tag>
      <Button
        size="small"
        icon={<LogoutOutlined />}
        autoInsertSpace={false}
        onClick={() => {
          // The next person starts from the first area, not from where this one left off.
          navigate('/');
          signOut();
        }}
      >
        {t('auth.signOut')}
      </Button>
    </Space>
  );
}

export function AppLayout() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const role = useSession((s) => s.user?.role);
  // The permission table decides the menu (shared/access), as it decides the routes (App.tsx).
  const areas = areasFor(role);
  const selected = areas.find((a) => pathname.startsWith(a.path))?.path ?? '';

  // The sync loop runs as long as the app shell is on screen, whatever the page.
  useEffect(() => startSync(), []);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={208} theme="light" breakpoint="lg" collapsedWidth={64} style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 17, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {t('app.title')}
        </div>
        <nav aria-label={t('auth.layout.nav')}>
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            onClick={({ key }) => navigate(key)}
            items={areas.map((a) => ({ key: a.path, icon: a.icon, label: t(a.label) }))}
            style={{ borderInlineEnd: 'none' }}
          />
        </nav>
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
            <UserMenu />
            <Tag>{__APP_VERSION__}</Tag>
          </Space>
        </Header>
        <CalendarBanner />
        <BackupBanner />
        <Content style={{ padding: 24 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
