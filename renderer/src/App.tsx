import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect } from 'react';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { SignInGate } from './auth/SignInGate';
import { AppLayout } from './layout/AppLayout';
import { CalendarPage } from './features/calendar/CalendarPage';
import { ApplicationPage } from './pages/ApplicationPage';
import { AuditPage } from './features/audit/AuditPage';
import { CertificatesPage } from './features/certificates/CertificatesPage';
import { IntakePage } from './features/applications/IntakePage';
import { NewApplicationPage } from './features/applications/NewApplicationPage';
import { OrganisationsPage } from './features/organisations/OrganisationsPage';
import { PanelPage } from './features/panels/PanelPage';
import { QueuesPage } from './features/workflow/QueuesPage';
import { RostersPage } from './features/rosters/RostersPage';
import { UsersPage } from './features/users/UsersPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { SyncPage } from './features/sync/SyncPage';
import { useUi } from './stores/ui';
import { translate } from './i18n/messages';

/**
 * Hash routing: the same build works from `app://desk/index.html` in the desktop shell and from
 * any static server in browser mode, with no server-side fallback needed.
 */
const router = createHashRouter([
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/intake" replace /> },
      { path: 'intake', element: <IntakePage /> },
      { path: 'intake/new', element: <NewApplicationPage /> },
      { path: 'organisations', element: <OrganisationsPage /> },
      { path: 'applications/:id', element: <ApplicationPage /> },
      { path: 'review', element: <QueuesPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'panel', element: <PanelPage /> },
      { path: 'certificates', element: <CertificatesPage /> },
      { path: 'rosters', element: <RostersPage /> },
      { path: 'sync', element: <SyncPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'calendar', element: <CalendarPage /> },
      { path: '*', element: <Navigate to="/intake" replace /> },
    ],
  },
]);

/** The system's "reduce motion" setting (accessibility) turns antd's animations off. */
const reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

const fontFamily =
  "'Noto Sans SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', system-ui, sans-serif";

export function App() {
  const locale = useUi((s) => s.locale);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translate(locale, 'app.title');
  }, [locale]);

  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={{ token: { fontFamily, colorPrimary: '#1d4ed8', motion: !reducedMotion } }}>
      <AntApp>
        <SignInGate>
          <RouterProvider router={router} />
        </SignInGate>
      </AntApp>
    </ConfigProvider>
  );
}
