/**
 * 审计记录: the audit log read back, per user (pick a user and a date range) or everyone's most
 * recent entries — when, who, which record, what changed (old → new) and why. Read-only: the
 * log is append-only and nothing here edits or deletes an entry.
 */
import { Alert, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { dateRules, isoOf } from '../../components/dates';
import { db } from '../../db';
import { useRuleText, useT } from '../../i18n';
import type { Locale } from '../../i18n/messages';
import { describeAudit, loadUserAudit, type AuditRow } from './describe';
import { useUi } from '../../stores/ui';

const pad = (n: number): string => String(n).padStart(2, '0');

/** A stored instant as local date and time: 2026年11月22日 10:15:26. */
export function formatInstant(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  if (locale === 'zh-CN') return `${d.getFullYear()}年${pad(d.getMonth() + 1)}月${pad(d.getDate())}日 ${time}`;
  return `${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })} ${time}`;
}

/** The entries as a table; shared by this page and the application's 历史记录 tab. */
export function AuditTable({
  rows,
  linkApplications,
  showUser = true,
  newestFirst,
  testId,
}: {
  rows: readonly AuditRow[];
  /** Link each record to its application (not on the application's own page). */
  linkApplications: boolean;
  showUser?: boolean;
  newestFirst: boolean;
  testId?: string;
}) {
  const t = useT();
  const rule = useRuleText();
  const locale = useUi((s) => s.locale);
  const columns: ColumnsType<AuditRow> = [
    { title: t('workflow.audit.at'), key: 'at', width: 190, render: (_, r) => formatInstant(r.entry.at, locale) },
    ...(showUser ? [{ title: t('workflow.audit.user'), key: 'user', width: 110, render: (_: unknown, r: AuditRow) => r.user }] : []),
    {
      title: t('workflow.audit.action'),
      key: 'action',
      width: 240,
      render: (_, r) => (
        <span>
          {r.action}{' '}
          {linkApplications && r.applicationId ? <Link to={`/applications/${r.applicationId}`}>{r.target}</Link> : r.target}
        </span>
      ),
    },
    {
      title: t('workflow.audit.changes'),
      key: 'changes',
      render: (_, r) =>
        r.changes.length === 0 ? (
          '—'
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: 16 }}>
            {r.changes.map((c) => (
              <li key={c.field}>
                <Typography.Text type="secondary">{t('workflow.audit.fieldLabel', { label: c.label })}</Typography.Text>
                {r.entry.action === 'create' ? (
                  <span style={{ whiteSpace: 'pre-line' }}>{c.to}</span>
                ) : (
                  <span style={{ whiteSpace: 'pre-line' }}>
                    {c.from} → {c.to}
                  </span>
                )}
              </li>
            ))}
          </ul>
        ),
    },
    {
      title: t('workflow.audit.reason'),
      key: 'reason',
      width: 220,
      render: (_, r) => <span style={{ whiteSpace: 'pre-line' }}>{r.entry.reason === undefined ? '—' : rule(r.entry.reason)}</span>,
    },
  ];
  const data = newestFirst ? [...rows].reverse() : [...rows];
  return (
    <Table<AuditRow>
      size="small"
      rowKey={(r) => r.entry.id}
      columns={columns}
      dataSource={data}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      data-testid={testId}
    />
  );
}

interface Filter {
  userId: string;
  from?: string;
  to?: string;
}

const ALL = '*';

export function AuditPage() {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const [form] = Form.useForm<{ userId: string; from?: string; to?: string }>();
  const [filter, setFilter] = useState<Filter>({ userId: ALL });
  const users = useLiveQuery(() => db.users.toArray(), [], []);
  const rows = useLiveQuery(async () => {
    const entries = await loadUserAudit(db, {
      ...(filter.userId === ALL ? {} : { userId: filter.userId }),
      ...(filter.from ? { from: filter.from } : {}),
      ...(filter.to ? { to: filter.to } : {}),
      limit: filter.userId === ALL && !filter.from && !filter.to ? 200 : 2000,
    });
    // Oldest first for describing; the table shows newest first.
    return describeAudit(db, [...entries].reverse(), locale);
  }, [filter, locale]);

  const apply = async () => {
    let values: { userId: string; from?: string; to?: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const from = isoOf(values.from);
    const to = isoOf(values.to);
    setFilter({ userId: values.userId, ...(from ? { from } : {}), ...(to ? { to } : {}) });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('workflow.audit.title')}
      </Typography.Title>
      <Card size="small">
        <Form form={form} layout="inline" initialValues={{ userId: ALL }} onFinish={() => void apply()}>
          <Form.Item name="userId" label={t('workflow.audit.pickUser')}>
            <Select
              style={{ width: 220 }}
              showSearch={{ optionFilterProp: 'label' }}
              options={[
                { value: ALL, label: t('workflow.audit.allUsers') },
                ...users.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` })),
              ]}
            />
          </Form.Item>
          <Form.Item name="from" label={t('workflow.audit.from')} rules={dateRules(false)}>
            <Input style={{ width: 140 }} placeholder="2026-11-01" />
          </Form.Item>
          <Form.Item name="to" label={t('workflow.audit.to')} rules={dateRules(false)}>
            <Input style={{ width: 140 }} placeholder="2026-11-30" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('workflow.audit.show')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Alert type="info" showIcon title={filter.userId === ALL && !filter.from && !filter.to ? t('workflow.audit.recentHint') : t('workflow.audit.readOnly')} />
      <AuditTable rows={rows ?? []} linkApplications showUser={filter.userId === ALL} newestFirst testId="audit-table" />
    </Space>
  );
}
