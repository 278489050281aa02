/**
 * 工作队列: one tab per queue (待审核, 退回待补正, 公示中, 待评审, 待决定, 待发证) with its count, a
 * program filter, and the applications in it with the engine's deadline — overdue first, in
 * red. A row opens the application. In 待审核 several applications can be selected and put
 * into publicity (公示) together: the end date is computed from the working-day calendar and
 * shown before confirming; the engine's refusals are listed if any application may not go.
 */
import { Alert, App, Badge, Button, Card, Form, Input, Modal, Select, Space, Table, Tabs, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { programPacks } from '../../../../shared/programs';
import { WORKFLOW_QUEUES, type WorkflowQueue } from '../../../../shared/workflow/definition';
import { dateRules, isoOf } from '../../components/dates';
import { db } from '../../db';
import { useT, type MessageKey, useErrorText, useRuleText } from '../../i18n';
import { dateInputText, formatIsoDate } from '../../i18n/format';
import { loadCalendar, shippedCalendar } from '../calendar/calendar';
import { loadQueue, queueCounts, type QueueRow } from './queues';
import { publicityEndsOn, startPublicity, StartPublicityError } from '../publicity/commands';
import { useSession } from '../../stores/session';
import { useUi } from '../../stores/ui';
import { todayIso } from '../../today';
import { deadlineSeverity } from '../../../../shared/workflow/deadlines';
import { KeyDates } from './KeyDates';
import { langOf, ruleText, type Lang } from '../../i18n';

const ALL = '*';

function isQueue(value: string | null): value is WorkflowQueue {
  return value !== null && (WORKFLOW_QUEUES as readonly string[]).includes(value);
}

/** The publicity transition the selected rows share (allowed for each), if any. */
function sharedPublicityTransition(rows: readonly QueueRow[]): { id: string; label: { zh: string; en: string }; programId: string } | undefined {
  const first = rows[0]?.publicity.find((o) => o.allowed);
  if (first === undefined) return undefined;
  return { id: first.transition.id, label: first.transition.label, programId: rows[0]!.application.programId };
}

function StartPublicityModal({ rows, onClose }: { rows: readonly QueueRow[]; onClose: (started: boolean) => void }) {
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const lang: Lang = langOf(locale);
  const role = useSession((s) => s.user?.role ?? 'clerk');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; startedOn: string }>();
  const startedOn = Form.useWatch('startedOn', form);
  const calendar = useLiveQuery(() => loadCalendar(), [], shippedCalendar());
  const [error, setError] = useState<string | null>(null);
  const [refusals, setRefusals] = useState<StartPublicityError['refusals']>([]);
  const [busy, setBusy] = useState(false);
  const shared = sharedPublicityTransition(rows);
  const first = rows[0];
  const definition = first ? first.pack.workflows[first.application.kind] : undefined;

  let endsOn: string | undefined;
  let provisionalYears: readonly number[] | undefined;
  let endsError: string | undefined;
  const iso = isoOf(startedOn);
  if (definition && iso) {
    try {
      const shown = publicityEndsOn(definition, iso, calendar);
      endsOn = shown.date;
      provisionalYears = shown.provisionalYears;
    } catch (e) {
      endsError = errorText(e);
    }
  }

  const submit = async () => {
    let values: { title: string; startedOn: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (shared === undefined) return;
    setBusy(true);
    setError(null);
    setRefusals([]);
    try {
      const { publicity } = await startPublicity(
        {
          programId: shared.programId,
          title: values.title,
          startedOn: isoOf(values.startedOn)!,
          applicationIds: rows.map((r) => r.application.id),
          transitionId: shared.id,
        },
        { role },
      );
      void message.success(t('workflow.queues.publicityStarted', { count: rows.length, end: formatIsoDate(publicity.endsOn, locale) }));
      onClose(true);
    } catch (e) {
      if (e instanceof StartPublicityError && e.refusals.length > 0) {
        setError(t('workflow.queues.publicityRefused'));
        setRefusals(e.refusals);
      } else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('workflow.queues.startPublicity')}
      okText={t('workflow.fire.confirm')}
      cancelText={t('workflow.cancel')}
      onOk={() => void submit()}
      onCancel={() => onClose(false)}
      confirmLoading={busy}
      okButtonProps={{ disabled: shared === undefined || endsOn === undefined }}
      destroyOnHidden
      width={640}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          {t('workflow.queues.publicityFor', { count: rows.length, action: shared?.label[lang] ?? '—' })}
        </Typography.Text>
        <Typography.Text type="secondary">{rows.map((r) => `${r.application.applicationNo} ${r.applicant}`).join('、')}</Typography.Text>
        <Form form={form} layout="vertical" initialValues={{ startedOn: dateInputText(todayIso(), locale) }}>
          <Form.Item
            name="title"
            label={t('workflow.queues.publicityTitle')}
            rules={[{ required: true, whitespace: true, message: t('workflow.fire.required', { what: t('workflow.queues.publicityTitle') }) }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="startedOn" label={t('workflow.queues.publicityStart')} rules={dateRules()}>
            <Input style={{ width: 180 }} />
          </Form.Item>
        </Form>
        {definition?.publicity && (
          <Alert
            type={endsError ? 'error' : 'info'}
            showIcon
            data-testid="publicity-end"
            title={
              endsError ??
              (endsOn
                ? t('workflow.queues.publicityEnds', {
                    end:
                      formatIsoDate(endsOn, locale) +
                      (provisionalYears ? `（${t('calendar.provisionalNote', { years: provisionalYears.join('、') })}）` : ''),
                    length: definition.publicity.length,
                    unit: t(definition.publicity.unit === 'working-days' ? 'workflow.unit.workingDays' : 'workflow.unit.calendarDays'),
                  })
                : t('workflow.queues.publicityNeedsStart'))
            }
          />
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            title={error}
            data-testid="publicity-error"
            description={
              refusals.length > 0 ? (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {refusals.map((r) => (
                    <li key={r.applicationId}>
                      {r.applicationNo}：{rule(r.message)}
                    </li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
      </Space>
    </Modal>
  );
}

export function QueuesPage() {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const lang: Lang = langOf(locale);
  const role = useSession((s) => s.user?.role ?? 'clerk');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const queue: WorkflowQueue = isQueue(params.get('queue')) ? (params.get('queue') as WorkflowQueue) : 'intake-review';
  const programId = params.get('program') ?? ALL;
  const [selected, setSelected] = useState<string[]>([]);
  const [publicityOpen, setPublicityOpen] = useState(false);
  const today = todayIso();

  const data = useLiveQuery(async () => {
    const calendar = await loadCalendar();
    const program = programId === ALL ? undefined : programId;
    const [rows, counts] = await Promise.all([
      loadQueue(db, queue, { role, today, calendar, ...(program ? { programId: program } : {}) }),
      queueCounts(db, program),
    ]);
    return { rows, counts };
  }, [queue, programId, role, today]);

  const rows = data?.rows;
  const selectedRows = useMemo(() => (rows ?? []).filter((r) => selected.includes(r.application.id)), [rows, selected]);
  const shared = sharedPublicityTransition(selectedRows);
  const canPublicise = rows?.some((r) => r.publicity.length > 0) ?? false;

  const setParam = (key: string, value: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const columns: ColumnsType<QueueRow> = [
    {
      title: t('workflow.queues.no'),
      key: 'no',
      width: 190,
      render: (_, r) => (
        <Link to={`/applications/${r.application.id}`} onClick={(e) => e.stopPropagation()}>
          {r.application.applicationNo}
        </Link>
      ),
    },
    { title: t('workflow.queues.applicant'), key: 'applicant', width: 140, render: (_, r) => r.applicant },
    {
      title: t('workflow.queues.program'),
      key: 'program',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.pack.names[lang]}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.pack.applicationKinds.find((k) => k.id === r.application.kind)?.names[lang] ?? r.application.kind}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('workflow.queues.state'), key: 'state', width: 160, render: (_, r) => r.state?.[lang] ?? r.application.status },
    { title: t('workflow.queues.received'), key: 'received', width: 130, render: (_, r) => formatIsoDate(r.application.receivedDate, locale) },
    {
      title: t('workflow.queues.deadline'),
      key: 'deadline',
      width: 280,
      render: (_, r) => {
        const keys = r.keyDates.length > 0 ? <KeyDates deadlines={r.keyDates} /> : null;
        if (!r.deadline) return r.problems.length > 0 ? <Typography.Text type="warning">{ruleText(r.problems.join(''), locale)}</Typography.Text> : (keys ?? '—');
        const late = deadlineSeverity(r.deadline) === 'late';
        return (
          <Space orientation="vertical" size={0}>
            <Typography.Text type={late ? 'danger' : undefined} strong={late} data-overdue={r.deadline.overdue ? 'true' : 'false'}>
              {ruleText(r.deadline.label, locale)}
            </Typography.Text>
            {keys}
          </Space>
        );
      },
    },
  ];

  const tabs = WORKFLOW_QUEUES.map((q) => ({
    key: q,
    label: (
      <Space size={6}>
        {t(`workflow.queue.${q}` as MessageKey)}
        <Badge count={data?.counts[q] ?? 0} showZero color={q === queue ? '#1d4ed8' : '#94a3b8'} overflowCount={9999} />
      </Space>
    ),
  }));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('workflow.queues.title')}
        </Typography.Title>
        <Space>
          <label htmlFor="queue-program">{t('workflow.queues.programFilter')}</label>
          <Select
            id="queue-program"
            style={{ width: 360 }}
            value={programId}
            onChange={(v) => {
              setSelected([]);
              setParam('program', v);
            }}
            options={[{ value: ALL, label: t('workflow.queues.allPrograms') }, ...programPacks.map((p) => ({ value: p.id, label: p.names[lang] }))]}
          />
        </Space>
      </Space>
      <Tabs
        activeKey={queue}
        onChange={(k) => {
          setSelected([]);
          setParam('queue', k);
        }}
        items={tabs}
      />
      {canPublicise && (
        <Card size="small">
          <Space wrap>
            <Tooltip title={shared === undefined ? t('workflow.queues.publicityPick') : undefined}>
              <Button type="primary" disabled={shared === undefined} onClick={() => setPublicityOpen(true)} data-testid="start-publicity">
                {t('workflow.queues.startPublicity')}
              </Button>
            </Tooltip>
            <Typography.Text type="secondary">{t('workflow.queues.selected', { count: selectedRows.length })}</Typography.Text>
          </Space>
        </Card>
      )}
      <Table<QueueRow>
        size="middle"
        loading={rows === undefined}
        rowKey={(r) => r.application.id}
        columns={columns}
        dataSource={rows ?? []}
        locale={{ emptyText: t('workflow.queues.empty') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        rowClassName={(r) => (r.deadline !== undefined && deadlineSeverity(r.deadline) === 'late' ? 'desk-queue-overdue' : '')}
        onRow={(r) => ({ onClick: () => navigate(`/applications/${r.application.id}`), style: { cursor: 'pointer' } })}
        {...(canPublicise
          ? {
              rowSelection: {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (r: QueueRow) => ({ disabled: !r.publicity.some((o) => o.allowed), 'aria-label': r.application.applicationNo }),
              },
            }
          : {})}
        data-testid="queue-table"
      />
      <style>{'.desk-queue-overdue > td { background: #fff1f0 !important; }'}</style>
      {publicityOpen && selectedRows.length > 0 && (
        <StartPublicityModal
          rows={selectedRows}
          onClose={(started) => {
            setPublicityOpen(false);
            if (started) setSelected([]);
          }}
        />
      )}
      {rows !== undefined && rows.some((r) => r.publicity.length > 0 && !r.publicity.some((o) => o.allowed)) && (
        <Alert type="info" showIcon title={t('workflow.queues.publicityBlockedHint')} />
      )}
    </Space>
  );
}
