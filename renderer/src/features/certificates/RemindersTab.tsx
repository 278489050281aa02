/**
 * 续期提醒: statuses follow the date, so nobody clicks "expired"; this tab lists the certificates
 * entering their renewal window within 30 / 90 / 180 days and those in it now (shared/lifecycle
 * renewalDashboard), and exports the chosen list as xlsx for reminder letters.
 */
import { App, Button, Card, Radio, Space, Statistic, Table, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { DASHBOARD_HORIZONS } from '../../../../shared/lifecycle';
import { getPack } from '../../../../shared/programs';
import { db } from '../../db';
import { loadOfficeName } from '../../documents/settings';
import type { useDocumentJob } from '../../documents/useDocumentJob';
import { useT } from '../../i18n';
import { formatIsoDate } from '../../i18n/format';
import { useUi } from '../../stores/ui';
import { todayIso } from '../../today';
import { StatusTag } from './CertificatePage';
import { loadReminders, type ReminderEntry } from './queries';
import { certificateColumns } from './columns';
import { langOf } from '../../i18n';

type Horizon = (typeof DASHBOARD_HORIZONS)[number];

export function RemindersTab({ job }: { job: ReturnType<typeof useDocumentJob> }) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const { message } = App.useApp();
  const today = todayIso();
  const data = useLiveQuery(() => loadReminders(today), [today]);
  const [horizon, setHorizon] = useState<Horizon>(90);
  const lang = langOf(locale);
  const horizonEnd = (() => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + horizon);
    return d.toISOString().slice(0, 10);
  })();
  const rows: ReminderEntry[] = data ? [...data.inWindow, ...data.upcoming.filter((r) => r.windowOpensOn <= horizonEnd)] : [];

  async function exportList() {
    if (rows.length === 0) return void message.warning(t('lifecycle.dashboard.empty'));
    await job.run(
      {
        kind: 'renewal-reminders',
        input: {
          office: await loadOfficeName(db),
          asOf: today,
          horizonDays: horizon,
          rows: rows.map((r) => ({
            certificateNo: r.certificate.certificateNo,
            holderName: r.holderName,
            holderId: r.holderId,
            programName: getPack(r.certificate.programId)?.names.zh ?? r.certificate.programId,
            windowOpensOn: r.windowOpensOn,
            expiry: r.expiry,
            daysUntilOpen: r.daysUntilOpen,
          })),
        },
      },
      t('lifecycle.dashboard.exportTitle'),
      'save',
    );
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('lifecycle.dashboard.help')}</Typography.Paragraph>
      <Space size="large" wrap data-testid="reminder-counts">
        <Card size="small">
          <Statistic title={t('lifecycle.dashboard.inWindow')} value={data?.inWindow.length ?? 0} />
        </Card>
        {DASHBOARD_HORIZONS.map((days) => (
          <Card size="small" key={days}>
            <Statistic title={t('lifecycle.dashboard.horizon', { days })} value={data?.counts[days] ?? 0} />
          </Card>
        ))}
      </Space>
      <Space wrap>
        <Radio.Group value={horizon} onChange={(e) => setHorizon(e.target.value as Horizon)}>
          {DASHBOARD_HORIZONS.map((days) => (
            <Radio.Button key={days} value={days}>
              {t('lifecycle.dashboard.horizon', { days })}
            </Radio.Button>
          ))}
        </Radio.Group>
        <Button onClick={() => void exportList()} disabled={job.busy} data-testid="reminders-export">
          {t('lifecycle.dashboard.export')}
        </Button>
      </Space>
      <Table
        size="small"
        rowKey={(r) => r.certificate.id}
        loading={data === undefined}
        dataSource={rows}
        data-testid="reminders-table"
        locale={{ emptyText: t('lifecycle.dashboard.empty') }}
        columns={[
          ...certificateColumns<ReminderEntry>(t, lang),
          { title: t('lifecycle.dashboard.opens'), render: (_, r) => formatIsoDate(r.windowOpensOn, locale) },
          { title: t('documents.certificates.validUntil'), render: (_, r) => formatIsoDate(r.expiry, locale) },
          { title: t('lifecycle.dashboard.daysUntil'), render: (_, r) => (r.daysUntilOpen === 0 ? <StatusTag code="renewal-window" /> : r.daysUntilOpen) },
        ]}
      />
    </Space>
  );
}
