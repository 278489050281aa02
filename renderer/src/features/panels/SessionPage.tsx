/**
 * One 评审会: its applications and where each member's sheets stand, the 现场答辩 schedule (P2),
 * recusals (automatic by unit, manual with a reason), attendance and tallies, the aggregation
 * with its flags for the chair to rule on and sign, the printed result list, and the results file.
 * What is shown and allowed is shared/panels' decision; the screen gathers and shows.
 */
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  allowedRulings,
  defenceNotice,
  expertOfActor,
  live,
  mayOpen,
  recusalOf,
  viewerOf,
  type Ruling,
} from '../../../../shared/panels';
import type { DefenceSlot, PanelRecusal } from '../../../../shared/model/records';
import type { SignedOutcome } from '../../../../shared/panels';
import { db } from '../../db';
import { loadOfficeName } from '../../documents/settings';
import { useDocumentJob } from '../../documents/useDocumentJob';
import { useT, useErrorText, useRuleText } from '../../i18n';
import { formatIsoDate } from '../../i18n/format';
import { useSession } from '../../stores/session';
import { useUi } from '../../stores/ui';
import { todayIso } from '../../today';
import { exportSessionFile } from './batch-file';
import { recordAttendance, recordBallot, recordRecusal, saveDefenceSchedule, sessionAggregates, signOffResults, type SessionAggregate } from './commands';
import type { SessionData } from './context';
import { resultListInput, scoreText, stageName, votesText } from './format';
import { ImportResultsButton } from './PanelPage';
import { useSessionData } from './queries';
import { SessionForm } from './SessionForm';
import { langOf, type Lang } from '../../i18n';


function useViewer(data: SessionData) {
  const user = useSession((s) => s.user);
  const actor = { userId: user?.id ?? '', role: user?.role ?? 'reviewer' };
  const viewer = viewerOf(data.ctx, actor);
  const self = expertOfActor(data.ctx, actor);
  const isChair = self !== undefined && self.id === data.ctx.session.chairId;
  return { actor, viewer, self, isChair, office: actor.role === 'clerk' || actor.role === 'admin' };
}

function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---------------------------------------------------------------------------------------------

function ApplicationsTab({ data }: { data: SessionData }) {
  const t = useT();
  const lang: Lang = langOf(useUi((s) => s.locale));
  const { viewer, office } = useViewer(data);
  const sheets = live(data.ctx.sheets, data.ctx.session.id);
  const rows = data.applications;
  const columns: ColumnsType<(typeof rows)[number]> = [
    { key: 'no', title: t('panel.col.application'), render: (_v, r) => r.label },
    ...data.ctx.session.stages.map((stage) => ({
      key: stage,
      title: stageName(data, stage, lang),
      render: (_v: unknown, r: (typeof rows)[number]) => {
        const id = r.application.id;
        if (viewer.kind === 'expert') {
          const recusal = recusalOf(data.ctx, viewer.expertId, id);
          if (recusal) return <Tag color="default">{t('panel.status.recused')}</Tag>;
          const own = sheets.find((s) => s.applicationId === id && s.stage === stage && s.expertId === viewer.expertId);
          if (own === undefined) return <Tag color="orange">{t('panel.status.todo')}</Tag>;
          return own.status === 'submitted' ? <Tag color="green">{t('panel.status.submitted')}</Tag> : <Tag color="gold">{t('panel.status.draft')}</Tag>;
        }
        const done = sheets.filter((s) => s.applicationId === id && s.stage === stage && s.status === 'submitted').length;
        const expected = data.ctx.session.memberIds.filter((m) => recusalOf(data.ctx, m, id) === undefined).length;
        return <Tag color={done >= expected ? 'green' : 'orange'}>{t('panel.status.count', { done, expected })}</Tag>;
      },
    })),
    {
      key: 'open',
      title: '',
      width: 120,
      render: (_v, r) => {
        const blocked = viewer.kind === 'expert' && !mayOpen(data.ctx, viewer.expertId, r.application.id).ok;
        return blocked ? null : (
          <Link to={`/panel/sessions/${data.ctx.session.id}/applications/${r.application.id}`}>
            <Button size="small" type="primary">{t(office ? 'panel.openSheets' : 'panel.score')}</Button>
          </Link>
        );
      },
    },
  ];
  return <Table rowKey={(r) => r.application.id} columns={columns} dataSource={[...rows]} pagination={false} data-testid="session-applications" />;
}

// ---------------------------------------------------------------------------------------------

function DefenceTab({ data }: { data: SessionData }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const { office } = useViewer(data);
  const job = useDocumentJob();
  const [slots, setSlots] = useState<DefenceSlot[]>(() => [...(data.ctx.session.defence ?? [])]);
  const [error, setError] = useState<string | null>(null);
  const slotOf = (id: string, i: number): DefenceSlot => slots.find((s) => s.applicationId === id) ?? { applicationId: id, order: i + 1, start: '', end: '', room: '' };
  const set = (id: string, i: number, patch: Partial<DefenceSlot>) => setSlots((all) => [...all.filter((s) => s.applicationId !== id), { ...slotOf(id, i), ...patch }]);
  const save = async () => {
    setError(null);
    try {
      await saveDefenceSchedule(data.ctx.session.id, slots.filter((s) => s.start !== '' || s.end !== '' || s.room !== ''));
      void message.success(t('panel.defence.saved'));
    } catch (e) {
      setError(errorText(e));
    }
  };
  const print = async (how: 'print' | 'save') => {
    const office = await loadOfficeName(db);
    const labels = Object.fromEntries(data.applications.map((a) => [a.application.id, a]));
    const rows = defenceNotice(data.ctx.session, {}).map((r) => ({
      order: r.order,
      start: r.start,
      end: r.end,
      room: r.room,
      applicationNo: labels[r.applicationId]?.application.applicationNo ?? '',
      applicant: labels[r.applicationId]?.applicant ?? '',
    }));
    await job.run(
      { kind: 'defence-notice', input: { office, sessionTitle: data.ctx.session.title, programName: data.pack.names.zh, date: data.ctx.session.date, venue: data.ctx.session.venue, issuedOn: todayIso(), rows } },
      `现场答辩安排-${data.ctx.session.title}`,
      how,
    );
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Table
        rowKey={(r) => r.application.id}
        pagination={false}
        dataSource={[...data.applications]}
        data-testid="defence-table"
        columns={[
          { key: 'app', title: t('panel.col.application'), render: (_v, r) => r.label },
          ...(['order', 'start', 'end', 'room'] as const).map((field) => ({
            key: field,
            title: t(`panel.defence.${field}`),
            render: (_v: unknown, r: (typeof data.applications)[number], i: number) => {
              const slot = slotOf(r.application.id, i);
              const label = `${t(`panel.defence.${field}`)} ${r.application.applicationNo}`;
              if (!office) return String(slot[field]);
              return field === 'order' ? (
                <InputNumber min={1} max={999} value={slot.order} aria-label={label} onChange={(v) => set(r.application.id, i, { order: v ?? 1 })} style={{ width: 80 }} />
              ) : (
                <Input value={slot[field]} aria-label={label} placeholder={field === 'room' ? '' : '09:00'} onChange={(e) => set(r.application.id, i, { [field]: e.target.value })} style={{ width: field === 'room' ? 160 : 90 }} />
              );
            },
          })),
        ]}
      />
      <Space>
        {office && (
          <Button type="primary" onClick={() => void save()} data-testid="save-defence">
            {t('panel.defence.save')}
          </Button>
        )}
        <Button onClick={() => void print('print')} disabled={(data.ctx.session.defence ?? []).length === 0}>
          {t('panel.defence.print')}
        </Button>
        <Button onClick={() => void print('save')} disabled={(data.ctx.session.defence ?? []).length === 0} data-testid="defence-pdf">
          {t('panel.defence.savePdf')}
        </Button>
      </Space>
      {error !== null && <Alert type="error" showIcon title={t('panel.refused')} description={<div style={{ whiteSpace: 'pre-line' }}>{error}</div>} data-testid="defence-error" />}
      {job.dialog}
    </Space>
  );
}

// ---------------------------------------------------------------------------------------------

function RecusalsTab({ data }: { data: SessionData }) {
  const t = useT();
  const errorText = useErrorText();
  const { viewer, office, isChair } = useViewer(data);
  const [form] = Form.useForm<{ expertId?: string; applicationId?: string; reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const name = (id: string) => data.ctx.experts.find((e) => e.id === id)?.name ?? '—';
  const recusals = live(data.ctx.recusals, data.ctx.session.id);
  const canRecord = office || viewer.kind === 'expert';
  const experts = office || isChair ? data.ctx.session.memberIds : viewer.kind === 'expert' ? [viewer.expertId] : [];
  const submit = async () => {
    const v = form.getFieldsValue(true) as { expertId?: string; applicationId?: string; reason?: string };
    setError(null);
    try {
      await recordRecusal(data.ctx.session.id, v.expertId ?? (viewer.kind === 'expert' ? viewer.expertId : ''), v.applicationId ?? '', v.reason ?? '');
      form.resetFields();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const columns: ColumnsType<PanelRecusal> = [
    { key: 'expert', title: t('panel.recusal.expert'), render: (_v, r) => name(r.expertId) },
    { key: 'app', title: t('panel.col.application'), render: (_v, r) => data.labels[r.applicationId] ?? '—' },
    { key: 'kind', title: t('panel.recusal.kind'), render: (_v, r) => <Tag color={r.kind === 'automatic' ? 'blue' : 'purple'}>{t(`panel.recusal.${r.kind}`)}</Tag> },
    { key: 'reason', title: t('panel.recusal.reason'), dataIndex: 'reason' },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Table rowKey="id" columns={columns} dataSource={recusals} pagination={false} locale={{ emptyText: t('panel.recusal.none') }} data-testid="recusals-table" />
      {canRecord && (
        <Card size="small" title={t('panel.recusal.add')}>
          <Form form={form} layout="inline" onFinish={() => void submit()}>
            {experts.length > 1 && (
              <Form.Item name="expertId" label={t('panel.recusal.expert')}>
                <Select style={{ width: 140 }} options={experts.map((id) => ({ value: id, label: name(id) }))} />
              </Form.Item>
            )}
            <Form.Item name="applicationId" label={t('panel.col.application')}>
              <Select style={{ width: 240 }} options={data.applications.map((a) => ({ value: a.application.id, label: a.label }))} />
            </Form.Item>
            <Form.Item name="reason" label={t('panel.recusal.reason')}>
              <Input style={{ width: 260 }} maxLength={500} />
            </Form.Item>
            <Button htmlType="submit">{t('panel.recusal.record')}</Button>
          </Form>
          {error !== null && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} data-testid="recusal-error" />}
        </Card>
      )}
    </Space>
  );
}

// ---------------------------------------------------------------------------------------------

function TallyModal({ data, row, onClose }: { data: SessionData; row: SessionAggregate; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const existing = live(data.ctx.ballots, data.ctx.session.id).find((b) => b.applicationId === row.applicationId && b.stage === row.stage);
  const [values, setValues] = useState({ issued: existing?.issued ?? row.aggregate?.ballot?.eligible ?? 0, agree: existing?.agree ?? 0, disagree: existing?.disagree ?? 0, abstain: existing?.abstain ?? 0 });
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      await recordBallot(data.ctx.session.id, row.applicationId, row.stage, values);
      onClose();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Modal open title={t('panel.tally.title', { label: row.label })} onCancel={onClose} onOk={() => void save()} okText={t('panel.save')}>
      <Space wrap>
        {(['issued', 'agree', 'disagree', 'abstain'] as const).map((k) => (
          <label key={k}>
            {t(`panel.tally.${k}`)}{' '}
            <InputNumber min={0} max={999} value={values[k]} aria-label={t(`panel.tally.${k}`)} onChange={(v) => setValues((x) => ({ ...x, [k]: v ?? 0 }))} style={{ width: 80 }} />
          </label>
        ))}
      </Space>
      {error !== null && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
    </Modal>
  );
}

function ResultsTab({ data }: { data: SessionData }) {
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const lang: Lang = langOf(useUi((s) => s.locale));
  const { office, isChair } = useViewer(data);
  const job = useDocumentJob();
  const aggregates = sessionAggregates(data);
  const unsigned = aggregates.filter((a) => a.result === undefined && a.aggregate !== undefined);
  const [selected, setSelected] = useState<string[]>([]);
  const [rulings, setRulings] = useState<Record<string, Partial<Ruling>>>({});
  const [error, setError] = useState<string | null>(null);
  const [tally, setTally] = useState<SessionAggregate | null>(null);
  const hasBallot = data.pack.panel?.stages.some((s) => s.ballot !== undefined && data.ctx.session.stages.includes(s.stage)) ?? false;

  const sign = async () => {
    setError(null);
    const complete: Record<string, Ruling> = {};
    for (const [k, r] of Object.entries(rulings)) if (r.outcome !== undefined) complete[k] = { outcome: r.outcome, reason: r.reason ?? '' };
    try {
      await signOffResults(data.ctx.session.id, { keys: selected, rulings: complete });
      setSelected([]);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const print = async (how: 'print' | 'save' | 'xlsx') => {
    const input = resultListInput(data, await loadOfficeName(db));
    const title = `评审结果清单-${data.ctx.session.title}`;
    await job.run(how === 'xlsx' ? { kind: 'panel-results-xlsx', input } : { kind: 'panel-results', input }, title, how === 'xlsx' ? 'save' : how);
  };

  const outcomeTag = (a: SessionAggregate) => {
    if (a.result) return <Tag color={a.result.outcome === 'pass' ? 'green' : a.result.outcome === 'fail' ? 'red' : 'gold'}>{t(`panel.outcome.${a.result.outcome}`)}{t('panel.inParens', { text: t('panel.signed') })}</Tag>;
    const c = a.aggregate?.computed;
    return c ? <Tag color={c === 'pass' ? 'green' : c === 'fail' ? 'red' : 'default'}>{t(`panel.computed.${c}`)}</Tag> : <Tag>{a.problem}</Tag>;
  };

  const columns: ColumnsType<SessionAggregate> = [
    // The number and the stage's name read on one line (a wrapped 申请编号 is misread).
    { key: 'app', title: t('panel.col.application'), render: (_v, a) => <span style={{ whiteSpace: 'nowrap' }}>{a.label}</span> },
    { key: 'stage', title: <span style={{ whiteSpace: 'nowrap' }}>{t('panel.col.stage')}</span>, render: (_v, a) => <span style={{ whiteSpace: 'nowrap' }}>{stageName(data, a.stage, lang)}</span> },
    { key: 'score', title: t('panel.col.score'), width: 220, render: (_v, a) => scoreText(a.aggregate?.score, t) },
    { key: 'votes', title: t('panel.col.votes'), width: 150, render: (_v, a) => (a.aggregate ? votesText(a.aggregate, t) : '') },
    {
      key: 'flags',
      title: t('panel.col.flags'),
      render: (_v, a) => (
        <Space orientation="vertical" size={2}>
          {a.aggregate?.flags.map((f) => (
            <Tag key={f.code} color="red" style={{ whiteSpace: 'normal' }} data-flag={f.code}>
              {rule(f.message)}
            </Tag>
          ))}
          {a.aggregate?.notes.map((n) => (
            <Typography.Text key={n} type="secondary" style={{ fontSize: 12 }}>
              {n}
            </Typography.Text>
          ))}
          {a.result?.ruling && <Typography.Text>{t('panel.ruled', { reason: a.result.ruling.reason })}</Typography.Text>}
        </Space>
      ),
    },
    { key: 'outcome', title: t('panel.col.outcome'), render: (_v, a) => outcomeTag(a) },
    ...(isChair
      ? [
          {
            key: 'ruling',
            title: t('panel.col.ruling'),
            render: (_v: unknown, a: SessionAggregate) => {
              if (a.result || !a.aggregate) return null;
              const allowed = allowedRulings(a.aggregate);
              if (allowed.length === 0) return null;
              const r = rulings[a.key] ?? {};
              return (
                <Space orientation="vertical" size={4}>
                  <Select<SignedOutcome>
                    style={{ width: 180 }}
                    placeholder={t('panel.ruling.choose')}
                    value={r.outcome}
                    aria-label={`${t('panel.col.ruling')} ${a.label} ${stageName(data, a.stage, lang)}`}
                    options={allowed.map((o) => ({ value: o, label: t(`panel.outcome.${o}`) }))}
                    onChange={(outcome) => setRulings((x) => ({ ...x, [a.key]: { ...x[a.key], outcome } }))}
                  />
                  <Input
                    placeholder={t('panel.ruling.reason')}
                    aria-label={`${t('panel.ruling.reason')} ${a.label} ${stageName(data, a.stage, lang)}`}
                    value={r.reason ?? ''}
                    onChange={(e) => setRulings((x) => ({ ...x, [a.key]: { ...x[a.key], reason: e.target.value } }))}
                  />
                </Space>
              );
            },
          },
        ]
      : []),
    ...(hasBallot && (office || isChair)
      ? [
          {
            key: 'tally',
            title: '',
            render: (_v: unknown, a: SessionAggregate) =>
              a.result === undefined && a.aggregate?.ballot !== undefined ? (
                <Button size="small" onClick={() => setTally(a)}>
                  {t('panel.tally.record')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  const signedCount = aggregates.filter((a) => a.result !== undefined).length;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {isChair ? <Alert type="info" showIcon title={t('panel.signHelp')} /> : <Alert type="info" showIcon title={t('panel.signChairOnly')} />}
      <Table<SessionAggregate>
        rowKey="key"
        columns={columns}
        dataSource={aggregates}
        pagination={false}
        data-testid="aggregates"
        {...(isChair
          ? {
              rowSelection: {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (a: SessionAggregate) => ({ disabled: a.result !== undefined || a.aggregate === undefined, 'aria-label': `${a.label} ${stageName(data, a.stage, lang)}` }),
              },
            }
          : {})}
      />
      <Space wrap>
        {isChair && (
          <>
            <Button onClick={() => setSelected(unsigned.map((a) => a.key))}>{t('panel.selectAll')}</Button>
            <Button type="primary" disabled={selected.length === 0} onClick={() => void sign()} data-testid="sign-off">
              {t('panel.signOff', { count: selected.length })}
            </Button>
          </>
        )}
        <Button onClick={() => void print('print')} disabled={signedCount === 0}>
          {t('panel.results.print')}
        </Button>
        <Button onClick={() => void print('save')} disabled={signedCount === 0} data-testid="results-pdf">
          {t('panel.results.pdf')}
        </Button>
        <Button onClick={() => void print('xlsx')} disabled={signedCount === 0} data-testid="results-xlsx">
          {t('panel.results.xlsx')}
        </Button>
      </Space>
      {error !== null && <Alert type="error" showIcon title={t('panel.refused')} description={<div style={{ whiteSpace: 'pre-line' }}>{error}</div>} data-testid="sign-error" />}
      {tally && <TallyModal data={data} row={tally} onClose={() => setTally(null)} />}
      {job.dialog}
    </Space>
  );
}

// ---------------------------------------------------------------------------------------------

function FileCard({ data }: { data: SessionData }) {
  const t = useT();
  const errorText = useErrorText();
  const { office, isChair, viewer } = useViewer(data);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const exportFile = async () => {
    setError(null);
    try {
      const file = await exportSessionFile(data.ctx.session.id);
      download(file.text, file.fileName);
      setDone(t('panel.file.exported', { sheets: file.sheets, results: file.results }));
    } catch (e) {
      setError(errorText(e));
    }
  };
  if (!office && viewer.kind !== 'expert') return null;
  return (
    <Card size="small" title={t('panel.file.title')}>
      <Typography.Paragraph type="secondary">{t(office || isChair ? 'panel.file.helpChair' : 'panel.file.helpMember')}</Typography.Paragraph>
      <Space wrap align="start">
        <Button onClick={() => void exportFile()} data-testid="export-results">
          {t(office || isChair ? 'panel.file.export' : 'panel.file.exportMine')}
        </Button>
        {(office || isChair) && <ImportResultsButton label={t('panel.file.import')} />}
      </Space>
      {error !== null && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} data-testid="export-error" />}
      {done !== null && <Alert type="success" showIcon title={done} style={{ marginTop: 8 }} />}
    </Card>
  );
}

function Overview({ data }: { data: SessionData }) {
  const t = useT();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const lang: Lang = langOf(locale);
  const { office, self, isChair } = useViewer(data);
  const [editing, setEditing] = useState(false);
  const { session, experts } = data.ctx;
  const name = (id: string) => experts.find((e) => e.id === id)?.name ?? '—';
  // The ticks start from the stored attendance; until changed, they follow it (another desk's sync).
  const [ticked, setPresent] = useState<string[] | null>(null);
  const present = ticked ?? session.presentIds ?? [];
  const [error, setError] = useState<string | null>(null);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {self && <Alert type="info" showIcon title={t(isChair ? 'panel.youChair' : 'panel.youMember', { name: self.name })} data-testid="you-are" />}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'program', label: t('panel.col.program'), children: data.pack.names[lang] },
          { key: 'stages', label: t('panel.session.stages'), children: session.stages.map((s) => stageName(data, s, lang)).join('、') },
          { key: 'date', label: t('panel.col.date'), children: formatIsoDate(session.date, locale) },
          { key: 'venue', label: t('panel.col.venue'), children: session.venue },
          { key: 'chair', label: t('panel.col.chair'), children: name(session.chairId) },
          { key: 'members', label: t('panel.session.members'), children: session.memberIds.map(name).join('、') },
          { key: 'present', label: t('panel.session.present'), children: session.presentIds === undefined ? t('panel.session.notTaken') : session.presentIds.map(name).join('、') || '—' },
        ]}
      />
      {office && (
        <Space wrap>
          <Button onClick={() => setEditing(true)} data-testid="edit-session">
            {t('panel.session.edit')}
          </Button>
          <Checkbox.Group value={present} onChange={(v) => setPresent(v.map(String))} options={session.memberIds.map((id) => ({ value: id, label: name(id) }))} />
          <Button
            onClick={() =>
              void recordAttendance(session.id, present).then(
                () => setError(null),
                (e: unknown) => setError(errorText(e)),
              )
            }
          >
            {t('panel.session.recordPresent')}
          </Button>
        </Space>
      )}
      {error !== null && <Alert type="error" showIcon title={error} />}
      <FileCard data={data} />
      {editing && <SessionForm session={session} onClose={() => setEditing(false)} />}
    </Space>
  );
}

export function SessionPage() {
  const t = useT();
  const { sessionId } = useParams();
  const navigate = useNavigate();
  const data = useSessionData(sessionId);
  const user = useSession((s) => s.user);
  if (data === undefined) return null;
  if (data === null) return <Alert type="warning" showIcon title={t('panel.sessionNotFound')} />;
  const viewer = viewerOf(data.ctx, { userId: user?.id ?? '', role: user?.role ?? 'reviewer' });
  if (viewer.kind === 'outsider') return <Alert type="warning" showIcon title={t('panel.notYourSession')} />;
  const defence = data.pack.panel?.defence;
  const hasDefence = defence !== undefined && data.ctx.session.stages.includes(defence.stage);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/panel')} aria-label={t('panel.back')} />
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="session-title">
          {data.ctx.session.title}
        </Typography.Title>
      </Space>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'overview', label: t('panel.tab.overview'), children: <Overview data={data} /> },
          { key: 'applications', label: t('panel.tab.applications'), children: <ApplicationsTab data={data} /> },
          ...(hasDefence ? [{ key: 'defence', label: t('panel.tab.defence'), children: <DefenceTab data={data} /> }] : []),
          { key: 'recusals', label: t('panel.tab.recusals'), children: <RecusalsTab data={data} /> },
          { key: 'results', label: t('panel.tab.results'), children: <ResultsTab data={data} /> },
        ]}
      />
    </Space>
  );
}
