import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect } from 'react';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { IntakePage } from './pages/IntakePage';
import { PlaceholderPage } from './pages/PlaceholderPage';
import { SettingsPage } from './pages/SettingsPage';
import { SyncPage } from './pages/SyncPage';
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
      { path: 'review', element: <PlaceholderPage area="nav.review" /> },
      { path: 'panel', element: <PlaceholderPage area="nav.panel" /> },
      { path: 'certificates', element: <PlaceholderPage area="nav.certificates" /> },
      { path: 'rosters', element: <PlaceholderPage area="nav.rosters" /> },
      { path: 'sync', element: <SyncPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <Navigate to="/intake" replace /> },
    ],
  },
]);

const fontFamily =
  "'Noto Sans SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', system-ui, sans-serif";

export function App() {
  const locale = useUi((s) => s.locale);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translate(locale, 'app.title');
  }, [locale]);

  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={{ token: { fontFamily, colorPrimary: '#1d4ed8' } }}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}
