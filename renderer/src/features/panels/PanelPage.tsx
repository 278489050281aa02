/**
 * 评审会: the sessions this account may see (the office: all; an expert: those they sit on), the
 * office's 新建评审会 and 专家库, and the import of a results file handed in on a USB stick.
 * Works with no network: every record is local and syncs (or travels by file) later.
 */
import { Alert, App, Button, Space, Table, Tabs, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PanelSession } from '../../../../shared/model/records';
import { getPack } from '../../../../shared/programs';
import { useT, useErrorText } from '../../i18n';
import { formatIsoDate } from '../../i18n/format';
import { useAllowed } from '../../auth/access';
import { useUi } from '../../stores/ui';
import { importSessionFile } from './batch-file';
import { ExpertsRoster } from './ExpertsRoster';
import { useExperts, useVisibleSessions } from './queries';
import { SessionForm } from './SessionForm';
import { langOf } from '../../i18n';

/** 导入结果文件: the office (or a chair) reads a results file; a refusal says why, nothing written. */
export function ImportResultsButton({ label }: { label?: string }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<string | null>(null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Upload
        accept=".json,application/json"
        showUploadList={false}
        beforeUpload={(file) => {
          void file.text().then(async (text) => {
            setError(null);
            setSummary(null);
            try {
              const s = await importSessionFile(text);
              const line = t('panel.import.done', { title: s.sessionTitle, created: s.created, updated: s.updated, unchanged: s.unchanged, older: s.older });
              setSummary(line);
              void message.success(line);
            } catch (e) {
              setError(errorText(e));
            }
          });
          return false;
        }}
      >
        <Button data-testid="import-results">{label ?? t('panel.import.button')}</Button>
      </Upload>
      {error !== null && <Alert type="error" showIcon title={t('panel.import.refused')} description={error} data-testid="import-error" />}
      {summary !== null && <Alert type="success" showIcon title={summary} data-testid="import-summary" />}
    </Space>
  );
}

function SessionsList() {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const lang = langOf(locale);
  // The office organises sessions and the roster; an expert sees the sessions they sit on (shared/access).
  const office = useAllowed('panel.manage');
  const sessions = useVisibleSessions();
  const experts = useExperts();
  const [creating, setCreating] = useState(false);
  const name = (id: string) => experts?.find((e) => e.id === id)?.name ?? '—';

  const columns: ColumnsType<PanelSession> = [
    { key: 'title', title: t('panel.col.title'), render: (_v, s) => <Link to={`/panel/sessions/${s.id}`}>{s.title}</Link> },
    { key: 'program', title: t('panel.col.program'), render: (_v, s) => getPack(s.programId)?.names[lang] ?? s.programId },
    { key: 'date', title: t('panel.col.date'), render: (_v, s) => formatIsoDate(s.date, locale) },
    { key: 'venue', title: t('panel.col.venue'), dataIndex: 'venue' },
    { key: 'chair', title: t('panel.col.chair'), render: (_v, s) => name(s.chairId) },
    { key: 'size', title: t('panel.col.size'), render: (_v, s) => t('panel.size', { members: s.memberIds.length, applications: s.applicationIds.length }) },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {office && (
        <Space wrap align="start">
          <Button type="primary" onClick={() => setCreating(true)} data-testid="new-session">
            {t('panel.newSession')}
          </Button>
          <ImportResultsButton />
        </Space>
      )}
      {!office && <Alert type="info" showIcon title={t('panel.reviewerMode')} />}
      <Table<PanelSession>
        rowKey="id"
        columns={columns}
        dataSource={sessions ?? []}
        loading={sessions === undefined}
        locale={{ emptyText: t(office ? 'panel.noSessions' : 'panel.noSessionsReviewer') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="sessions-table"
      />
      {creating && <SessionForm onClose={() => setCreating(false)} />}
    </Space>
  );
}

export function PanelPage() {
  const t = useT();
  // The office organises sessions and the roster; an expert sees the sessions they sit on (shared/access).
  const office = useAllowed('panel.manage');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('panel.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t(office ? 'panel.help' : 'panel.helpReviewer')}
      </Typography.Paragraph>
      {office ? (
        <Tabs
          destroyOnHidden
          items={[
            { key: 'sessions', label: t('panel.tab.sessions'), children: <SessionsList /> },
            { key: 'experts', label: t('panel.tab.experts'), children: <ExpertsRoster /> },
          ]}
        />
      ) : (
        <SessionsList />
      )}
    </Space>
  );
}
