/**
 * A route's door: the screen opens only for a role the permission table lets see it
 * (shared/access). A URL typed, bookmarked or left open by the previous user is checked like a
 * menu entry; the screen itself is never rendered (so none of its queries run), and the person is
 * told why and offered their own first area instead.
 */
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { PERMISSIONS, type Action } from '../../../shared/access/permissions';
import { useT } from '../i18n';
import { homeFor, navAreas } from './nav';
import { useSession } from '../stores/session';
import { useAllowed } from '../auth/access';

export function RequireAccess({ action, children }: { action: Action; children: ReactNode }) {
  const may = useAllowed(action);
  const t = useT();
  const navigate = useNavigate();
  const role = useSession((s) => s.user?.role);
  if (may) return children;
  const home = homeFor(role);
  const area = navAreas.find((a) => a.path === home);
  return (
    <Result
      status="403"
      data-testid="access-denied"
      title={t('access.denied.title')}
      subTitle={t('access.denied.body', {
        role: role === undefined ? t('access.denied.nobody') : t(`auth.role.${role}`),
        // Who may (shared/access), so the clerk knows whom to ask.
        who: PERMISSIONS[action].map((r) => t(`auth.role.${r}`)).join(t('workflow.roleSeparator')),
      })}
      extra={
        <Button type="primary" onClick={() => navigate(home, { replace: true })}>
          {t('access.denied.back', { area: area === undefined ? home : t(area.label) })}
        </Button>
      }
    />
  );
}

/** The index route and unknown paths: the signed-in role's first area. */
export function HomeRedirect() {
  const role = useSession((s) => s.user?.role);
  return <Navigate to={homeFor(role)} replace />;
}
