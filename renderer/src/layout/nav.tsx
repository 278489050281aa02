import {
  AuditOutlined,
  BankOutlined,
  ClusterOutlined,
  HistoryOutlined,
  ImportOutlined,
  TeamOutlined,
  CalendarOutlined,
  CloudSyncOutlined,
  FileDoneOutlined,
  InboxOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TableOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Action, Role } from '../../../shared/access/permissions';
import { can } from '../../../shared/access/permissions';
import type { MessageKey } from '../i18n';

export interface NavArea {
  readonly path: string;
  readonly label: MessageKey;
  readonly icon: ReactNode;
  /** Who sees the entry, and may open the area (its route asks the same, shared/access). */
  readonly view: Action;
}

/** The app's areas, in the order a clerk meets them in a day's work. */
export const navAreas: readonly NavArea[] = [
  { path: '/intake', label: 'nav.intake', icon: <InboxOutlined />, view: 'intake.view' },
  { path: '/organisations', label: 'nav.organisations', icon: <BankOutlined />, view: 'organisations.view' },
  { path: '/agencies', label: 'nav.agencies', icon: <ClusterOutlined />, view: 'agencies.view' },
  { path: '/review', label: 'nav.review', icon: <AuditOutlined />, view: 'queues.view' },
  { path: '/panel', label: 'nav.panel', icon: <FileDoneOutlined />, view: 'panel.view' },
  { path: '/certificates', label: 'nav.certificates', icon: <SafetyCertificateOutlined />, view: 'certificates.view' },
  { path: '/rosters', label: 'nav.rosters', icon: <TableOutlined />, view: 'rosters.view' },
  { path: '/import', label: 'nav.import', icon: <ImportOutlined />, view: 'import.run' },
  { path: '/audit', label: 'nav.audit', icon: <HistoryOutlined />, view: 'audit.view' },
  { path: '/sync', label: 'nav.sync', icon: <CloudSyncOutlined />, view: 'sync.view' },
  { path: '/users', label: 'nav.users', icon: <TeamOutlined />, view: 'users.view' },
  { path: '/calendar', label: 'nav.calendar', icon: <CalendarOutlined />, view: 'calendar.view' },
  { path: '/settings', label: 'nav.settings', icon: <SettingOutlined />, view: 'settings.view' },
];

/** The areas a role may open, in menu order. */
export function areasFor(role: Role | null | undefined): readonly NavArea[] {
  return navAreas.filter((a) => can(role, a.view));
}

/** Where a role starts (and lands after a URL it may not open): its first area. */
export function homeFor(role: Role | null | undefined): string {
  return areasFor(role)[0]?.path ?? '/panel';
}
