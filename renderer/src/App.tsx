import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import { SignInGate } from './auth/SignInGate';
import { HomeRedirect, RequireAccess } from './layout/RequireAccess';
import { AppLayout } from './layout/AppLayout';
import { CalendarPage } from './features/calendar/CalendarPage';
import { ApplicationPage } from './pages/ApplicationPage';
import { AuditPage } from './features/audit/AuditPage';
import { CertificatePage } from './features/certificates/CertificatePage';
import { CertificatesPage } from './features/certificates/CertificatesPage';
import { ImportPage } from './features/import/ImportPage';
import { IntakePage } from './features/applications/IntakePage';
import { NewApplicationPage } from './features/applications/NewApplicationPage';
import { AgenciesPage } from './features/agencies/AgenciesPage';
import { OrganisationsPage } from './features/organisations/OrganisationsPage';
import { PanelPage } from './features/panels/PanelPage';
import { SessionPage } from './features/panels/SessionPage';
import { PanelApplicationPage } from './pages/PanelApplicationPage';
import { QueuesPage } from './features/workflow/QueuesPage';
import { RostersPage } from './features/rosters/RostersPage';
import { UsersPage } from './features/users/UsersPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { SyncPage } from './features/sync/SyncPage';
import { useUi } from './stores/ui';
import { translate } from './i18n/messages';

/**
 * Every route opens through `RequireAccess` with the action its menu entry asks (layout/nav), so
 * a typed URL reaches no more than the menu shows; `/` and unknown paths lead to the role's first
 * area. Hash routing: the same build works from `app://desk/index.html` in the desktop shell and
 * from any static server in browser mode, with no server-side fallback needed.
 */
const router = createHashRouter([
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'intake', element: <RequireAccess action="intake.view"><IntakePage /></RequireAccess> },
      { path: 'intake/new', element: <RequireAccess action="intake.create"><NewApplicationPage /></RequireAccess> },
      { path: 'import', element: <RequireAccess action="import.run"><ImportPage /></RequireAccess> },
      { path: 'organisations', element: <RequireAccess action="organisations.view"><OrganisationsPage /></RequireAccess> },
      { path: 'agencies', element: <RequireAccess action="agencies.view"><AgenciesPage /></RequireAccess> },
      { path: 'applications/:id', element: <RequireAccess action="application.view"><ApplicationPage /></RequireAccess> },
      { path: 'review', element: <RequireAccess action="queues.view"><QueuesPage /></RequireAccess> },
      { path: 'audit', element: <RequireAccess action="audit.view"><AuditPage /></RequireAccess> },
      { path: 'users', element: <RequireAccess action="users.view"><UsersPage /></RequireAccess> },
      { path: 'panel', element: <RequireAccess action="panel.view"><PanelPage /></RequireAccess> },
      { path: 'panel/sessions/:sessionId', element: <RequireAccess action="panel.view"><SessionPage /></RequireAccess> },
      { path: 'panel/sessions/:sessionId/applications/:applicationId', element: <RequireAccess action="panel.view"><PanelApplicationPage /></RequireAccess> },
      { path: 'certificates', element: <RequireAccess action="certificates.view"><CertificatesPage /></RequireAccess> },
      { path: 'certificates/:id', element: <RequireAccess action="certificates.view"><CertificatePage /></RequireAccess> },
      { path: 'rosters', element: <RequireAccess action="rosters.view"><RostersPage /></RequireAccess> },
      { path: 'sync', element: <RequireAccess action="sync.view"><SyncPage /></RequireAccess> },
      { path: 'settings', element: <RequireAccess action="settings.view"><SettingsPage /></RequireAccess> },
      { path: 'calendar', element: <RequireAccess action="calendar.view"><CalendarPage /></RequireAccess> },
      { path: '*', element: <HomeRedirect /> },
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
