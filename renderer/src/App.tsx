import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, type ReactNode } from 'react';
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
import { SessionPage } from './features/panels/SessionPage';
import { PanelApplicationPage } from './pages/PanelApplicationPage';
import { can, type Action } from '../../shared/access/permissions';
import { navAreas } from './layout/nav';
import { useSession } from './stores/session';
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
function Home() {
  const role = useSession((s) => s.user?.role ?? null);
  const first = navAreas.find((a) => can(role, a.action));
  return first === undefined ? null : <Navigate to={first.path} replace />;
}

/** A route opens only for a role the permission table lets in (shared/access); others go home. */
function Gate({ action, children }: { action: Action; children: ReactNode }) {
  const role = useSession((s) => s.user?.role ?? null);
  return can(role, action) ? children : <Home />;
}

const gated = (path: string, action: Action, element: ReactNode) => ({ path, element: <Gate action={action}>{element}</Gate> });

const router = createHashRouter([
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Home /> },
      gated('intake', 'intake.view', <IntakePage />),
      gated('intake/new', 'intake.create', <NewApplicationPage />),
      gated('organisations', 'organisations.view', <OrganisationsPage />),
      gated('applications/:id', 'application.view', <ApplicationPage />),
      gated('review', 'queues.view', <QueuesPage />),
      gated('audit', 'audit.view', <AuditPage />),
      gated('users', 'users.view', <UsersPage />),
      gated('panel', 'panel.view', <PanelPage />),
      gated('panel/sessions/:sessionId', 'panel.view', <SessionPage />),
      gated('panel/sessions/:sessionId/applications/:applicationId', 'panel.view', <PanelApplicationPage />),
      gated('certificates', 'certificates.view', <CertificatesPage />),
      gated('rosters', 'rosters.view', <RostersPage />),
      gated('sync', 'sync.view', <SyncPage />),
      gated('settings', 'settings.view', <SettingsPage />),
      gated('calendar', 'queues.view', <CalendarPage />),
      { path: '*', element: <Home /> },
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
