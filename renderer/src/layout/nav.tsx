import {
  AuditOutlined,
  BankOutlined,
  HistoryOutlined,
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
import type { Action } from '../../../shared/access/permissions';
import type { MessageKey } from '../i18n';

export interface NavArea {
  readonly path: string;
  readonly label: MessageKey;
  readonly icon: ReactNode;
  /** Who may open it (shared/access): the menu shows it, and its route opens, only for them. */
  readonly action: Action;
}

/** The app's areas, in the order a clerk meets them in a day's work. */
export const navAreas: readonly NavArea[] = [
  { path: '/intake', label: 'nav.intake', icon: <InboxOutlined />, action: 'intake.view' },
  { path: '/organisations', label: 'nav.organisations', icon: <BankOutlined />, action: 'organisations.view' },
  { path: '/review', label: 'nav.review', icon: <AuditOutlined />, action: 'queues.view' },
  { path: '/panel', label: 'nav.panel', icon: <FileDoneOutlined />, action: 'panel.view' },
  { path: '/certificates', label: 'nav.certificates', icon: <SafetyCertificateOutlined />, action: 'certificates.view' },
  { path: '/rosters', label: 'nav.rosters', icon: <TableOutlined />, action: 'rosters.view' },
  { path: '/audit', label: 'nav.audit', icon: <HistoryOutlined />, action: 'audit.view' },
  { path: '/sync', label: 'nav.sync', icon: <CloudSyncOutlined />, action: 'sync.view' },
  { path: '/users', label: 'nav.users', icon: <TeamOutlined />, action: 'users.view' },
  // The working calendar is the office's (its deadlines count with it).
  { path: '/calendar', label: 'nav.calendar', icon: <CalendarOutlined />, action: 'queues.view' },
  { path: '/settings', label: 'nav.settings', icon: <SettingOutlined />, action: 'settings.view' },
];
