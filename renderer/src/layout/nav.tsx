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
import type { MessageKey } from '../i18n';

export interface NavArea {
  readonly path: string;
  readonly label: MessageKey;
  readonly icon: ReactNode;
  /** Shown only to office administrators. */
  readonly adminOnly?: boolean;
}

/** The app's areas, in the order a clerk meets them in a day's work. */
export const navAreas: readonly NavArea[] = [
  { path: '/intake', label: 'nav.intake', icon: <InboxOutlined /> },
  { path: '/organisations', label: 'nav.organisations', icon: <BankOutlined /> },
  { path: '/review', label: 'nav.review', icon: <AuditOutlined /> },
  { path: '/panel', label: 'nav.panel', icon: <FileDoneOutlined /> },
  { path: '/certificates', label: 'nav.certificates', icon: <SafetyCertificateOutlined /> },
  { path: '/rosters', label: 'nav.rosters', icon: <TableOutlined /> },
  { path: '/audit', label: 'nav.audit', icon: <HistoryOutlined /> },
  { path: '/sync', label: 'nav.sync', icon: <CloudSyncOutlined /> },
  { path: '/users', label: 'nav.users', icon: <TeamOutlined />, adminOnly: true },
  { path: '/calendar', label: 'nav.calendar', icon: <CalendarOutlined /> },
  { path: '/settings', label: 'nav.settings', icon: <SettingOutlined /> },
];
