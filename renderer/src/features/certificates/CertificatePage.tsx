/**
 * One certificate (#/certificates/<id>): its facts and status today (following the date), its
 * history (issued, renewed, changed, reissued, deferred, suspended, revoked, cancelled, expired …),
 * the actions its pack offers — each starting the matching application with the certificate's
 * facts filled in, or disabled with the rule's reason — the notice and appeal of a cancellation
 * or revocation with the deadline, and P6's annual reviews. Decisions are shared/lifecycle's.
 */
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { CertificateAction, CertificateStatusCode, HistoryEntry } from '../../../../shared/lifecycle';
import { groundName } from '../../../../shared/lifecycle';
import { submissionChannelSchema } from '../../../../shared/model/records';
import { getPack } from '../../../../shared/programs';
import { parseDateInput } from '../../../../shared/rules/civil-date';
import { useAllowed } from '../../auth/access';
import { useT, useRuleText, useErrorText } from '../../i18n';
import { formatIsoDate } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages';
import { useUi } from '../../stores/ui';
import { todayIso } from '../../today';
import { db } from '../../db';
import { loadOfficeName } from '../../documents/settings';
import { useDocumentJob } from '../../documents/useDocumentJob';
import type { DecisionNoticeInput } from '../../../../shared/documents';
import { decideAppeal, lodgeAppeal, recordNotice } from './commands';
import { startFromCertificate } from './lifecycle';
import { useCertificateFile, type CertificateFile } from './queries';
import { applicationStateOf } from '../../../../shared/workflow/lookup';
import { langOf } from '../../i18n';

export const STATUS_TAG: Readonly<Record<CertificateStatusCode, string>> = {
  'not-yet-valid': 'blue',
  valid: 'green',
  'renewal-window': 'gold',
  deferred: 'cyan',
  expired: 'default',
  lapsed: 'default',
  superseded: 'default',
  void: 'red',
  cancelled: 'red',
  revoked: 'red',
  suspended: 'orange',
};

export function StatusTag({ code }: { code: CertificateStatusCode }) {
  const t = useT();
  return (
    <Tag color={STATUS_TAG[code]} data-testid="certificate-status">
      {t(`lifecycle.status.${code}` as MessageKey)}
    </Tag>
  );
}


export function CertificatePage() {
  const t = useT();
  const { id = '' } = useParams();
  const today = todayIso();
  const file = useCertificateFile(id, today);
  const job = useDocumentJob();
  if (file === undefined) return null;
  if (file === null) return <Alert type="warning" showIcon title={t('lifecycle.notFound')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/certificates?tab=issued">{t('lifecycle.back')}</Link>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="certificate-title">
        {t('lifecycle.title', { no: file.certificate.certificateNo })}
      </Typography.Title>
      <Facts file={file} />
      <Actions file={file} />
      {file.appeal && <AppealCard file={file} job={job} />}
      {file.annualReviews.length > 0 && <AnnualReviews file={file} />}
      <History file={file} />
      {file.applications.length > 0 && <Applications file={file} />}
      {job.dialog}
    </Space>
  );
}

function Facts({ file }: { file: CertificateFile }) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const c = file.certificate;
  const date = (d: string | undefined) => (d ? formatIsoDate(d, locale) : '—');
  const lang = langOf(locale);
  const linked = (otherId: string | undefined) => {
    const other = otherId ? file.related.get(otherId) : undefined;
    return other ? <Link to={`/certificates/${other.id}`}>{other.certificateNo}</Link> : '—';
  };
  return (
    <Descriptions bordered size="small" column={2} data-testid="certificate-facts">
      <Descriptions.Item label={t('lifecycle.facts.number')}>{c.certificateNo}</Descriptions.Item>
      <Descriptions.Item label={t('lifecycle.facts.status')}>
        <StatusTag code={file.status.code} />
      </Descriptions.Item>
      <Descriptions.Item label={t('lifecycle.facts.holder')}>{file.holderName || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('lifecycle.facts.holderId')}>{file.holderId || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('lifecycle.facts.program')}>{file.pack?.names[lang] ?? c.programId}</Descriptions.Item>
      <Descriptions.Item label={t('lifecycle.facts.issuedOn')}>{date(c.issuedOn)}</Descriptions.Item>
      <Descriptions.Item label={t('lifecycle.facts.validity')}>
        <span data-testid="certificate-validity">{c.validUntil ? t('lifecycle.facts.validityRange', { from: date(c.validFrom ?? c.issuedOn), to: date(c.validUntil) }) : '—'}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('lifecycle.facts.window')}>
        {file.status.window ? t('lifecycle.facts.validityRange', { from: date(file.status.window.from), to: date(file.status.window.to) }) : '—'}
      </Descriptions.Item>
      {c.level && <Descriptions.Item label={t('lifecycle.facts.level')}>{c.level}</Descriptions.Item>}
      {c.replaces && <Descriptions.Item label={t('lifecycle.facts.replaces')}>{linked(c.replaces)}</Descriptions.Item>}
      {c.replacedBy && <Descriptions.Item label={t('lifecycle.facts.replacedBy')}>{linked(c.replacedBy)}</Descriptions.Item>}
      <Descriptions.Item label={t('lifecycle.facts.reprints')}>{file.reprints}</Descriptions.Item>
    </Descriptions>
  );
}

function Actions({ file }: { file: CertificateFile }) {
  const t = useT();
  const rule = useRuleText();
  const locale = useUi((s) => s.locale);
  const mayStart = useAllowed('intake.create');
  // A row action of 已发证书 arrives as ?start=<program>/<kind>: its dialog opens at once.
  const [params, setParams] = useSearchParams();
  const asked = params.get('start');
  const [starting, setStarting] = useState<CertificateAction | null>(() => file.actions.find((a) => a.allowed && `${a.programId}/${a.kind}` === asked) ?? null);
  const close = () => {
    setStarting(null);
    if (asked !== null) setParams({}, { replace: true });
  };
  const lang = langOf(locale);
  return (
    <Card size="small" title={t('lifecycle.actions.title')} data-testid="certificate-actions">
      <Typography.Paragraph type="secondary">{t('lifecycle.actions.help')}</Typography.Paragraph>
      {file.actions.length === 0 && <Typography.Text type="secondary">{t('lifecycle.actions.none')}</Typography.Text>}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {file.actions.map((a) => {
          const other = a.programId !== file.certificate.programId ? getPack(a.programId) : undefined;
          const name = other ? `${other.names[lang]} · ${a.names[lang]}` : a.names[lang];
          return (
            <Space key={`${a.programId}/${a.kind}`} wrap data-action={a.kind}>
              <Button type={a.allowed ? 'primary' : 'default'} disabled={!a.allowed || !mayStart} onClick={() => setStarting(a)} data-testid={`action-${a.kind}`}>
                {name}
              </Button>
              <Typography.Text type="secondary">{a.cite}</Typography.Text>
              {a.initiatedBy === 'office' && <Tag>{t('lifecycle.actions.byOffice')}</Tag>}
              {!a.allowed && a.reason && (
                <Typography.Text type="warning" data-testid={`action-reason-${a.kind}`}>
                  {rule(a.reason)}
                </Typography.Text>
              )}
            </Space>
          );
        })}
      </Space>
      {starting && <StartDialog file={file} action={starting} onClose={close} />}
    </Card>
  );
}

function StartDialog({ file, action, onClose }: { file: CertificateFile; action: CertificateAction; onClose: () => void }) {
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [channel, setChannel] = useState<string>(action.initiatedBy === 'office' ? 'counter' : 'individual');
  const [received, setReceived] = useState(todayIso());
  const [busy, setBusy] = useState(false);
  const lang = langOf(locale);

  async function start() {
    const day = parseDateInput(received);
    if (!day.ok) return void message.error(t('lifecycle.actions.badDate', { message: rule(day.error.message) }));
    setBusy(true);
    try {
      const made = await startFromCertificate({ certificateId: file.certificate.id, programId: action.programId, kind: action.kind, channel, receivedDate: day.value });
      void message.success(t('lifecycle.actions.started', { no: made.applicationNo }));
      onClose();
      void navigate(`/applications/${made.id}`);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t('lifecycle.actions.startTitle', { name: action.names[lang] })}
      onCancel={onClose}
      onOk={() => void start()}
      okText={t('lifecycle.actions.confirm')}
      okButtonProps={{ loading: busy, 'data-testid': 'start-confirm' }}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('lifecycle.actions.channel')} htmlFor="start-channel">
          <Select
            id="start-channel"
            value={channel}
            onChange={setChannel}
            options={submissionChannelSchema.options.map((value) => ({ value, label: t(`form.channel.${value}` as MessageKey) }))}
          />
        </Form.Item>
        <Form.Item label={t('lifecycle.actions.receivedDate')} htmlFor="start-received">
          <Input id="start-received" value={received} onChange={(e) => setReceived(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function eventDetail(file: CertificateFile, entry: HistoryEntry, t: ReturnType<typeof useT>, date: (d: string) => string, lang: 'zh' | 'en'): string {
  const e = entry.event;
  if (e === undefined) return t('lifecycle.history.byDate');
  const parts: string[] = [];
  if (e.ground) parts.push(t('lifecycle.detail.ground', { ground: groundName(file.pack, e.kind, e.ground)?.[lang] ?? e.ground }));
  if (e.outcome) parts.push(t(`lifecycle.outcome.${e.outcome}` as MessageKey));
  if (e.year !== undefined) parts.push(t('lifecycle.detail.year', { year: e.year }));
  if (e.validUntilBefore && e.validUntil && e.validUntilBefore !== e.validUntil) parts.push(t('lifecycle.detail.validUntilChange', { before: date(e.validUntilBefore), after: date(e.validUntil) }));
  else if (e.validUntil) parts.push(t('lifecycle.detail.validUntil', { date: date(e.validUntil) }));
  const other = e.otherCertificateId ? file.related.get(e.otherCertificateId) : undefined;
  if (other) parts.push(t('lifecycle.detail.other', { no: other.certificateNo }));
  if (e.via) parts.push(t('lifecycle.detail.via', { via: e.via }));
  if (e.reason) parts.push(e.reason);
  if (e.evidence) parts.push(e.evidence);
  return parts.join('；');
}

function History({ file }: { file: CertificateFile }) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const date = (d: string) => formatIsoDate(d, locale);
  const lang = langOf(locale);
  return (
    <Card size="small" title={t('lifecycle.history.title')}>
      <Table
        size="small"
        pagination={false}
        data-testid="certificate-history"
        rowKey={(e) => e.event?.id ?? `${e.kind}/${e.on}`}
        dataSource={file.history as HistoryEntry[]}
        locale={{ emptyText: t('lifecycle.history.empty') }}
        columns={[
          { title: t('lifecycle.history.date'), width: 150, render: (_, e) => date(e.on) },
          { title: t('lifecycle.history.event'), width: 160, render: (_, e) => t(`lifecycle.event.${e.kind}` as MessageKey) },
          { title: t('lifecycle.history.detail'), render: (_, e) => eventDetail(file, e, t, date, lang) },
        ]}
      />
    </Card>
  );
}

function Applications({ file }: { file: CertificateFile }) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const lang = langOf(locale);
  return (
    <Card size="small" title={t('lifecycle.applications.title')}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={file.applications as CertificateFile['applications'][number][]}
        columns={[
          { title: t('lifecycle.applications.no'), render: (_, a) => <Link to={`/applications/${a.id}`}>{a.applicationNo}</Link> },
          { title: t('lifecycle.applications.kind'), render: (_, a) => getPack(a.programId)?.applicationKinds.find((k) => k.id === a.kind)?.names[lang] ?? a.kind },
          { title: t('lifecycle.applications.received'), render: (_, a) => formatIsoDate(a.receivedDate, locale) },
          {
            title: t('lifecycle.applications.status'),
            render: (_, a) => applicationStateOf(getPack(a.programId), a)?.name[lang] ?? a.status,
          },
        ]}
      />
    </Card>
  );
}

/** The notice's facts (003 十一 注销登记公告, 004 第二十条 通知) from the decision and the pack. */
async function decisionNoticeInput(file: CertificateFile): Promise<DecisionNoticeInput | undefined> {
  const appeal = file.appeal;
  const decision = appeal ? file.events.find((e) => e.id === appeal.decision.id) : undefined;
  if (appeal === undefined || decision === undefined || appeal.noticeOn === undefined) return undefined;
  if (decision.kind !== 'cancelled' && decision.kind !== 'revoked' && decision.kind !== 'suspended') return undefined;
  const life = file.pack?.lifecycle;
  const list = decision.kind === 'cancelled' ? life?.cancellation : life?.revocation;
  const ground = decision.ground ? list?.grounds.find((g) => g.code === decision.ground) : undefined;
  const notice = file.events.find((e) => e.kind === 'notice' && e.answers === decision.id);
  const days = decision.kind === 'cancelled' ? life?.cancellation?.appealDays.value : undefined;
  return {
    decision: decision.kind,
    office: { name: await loadOfficeName(db) },
    certificateNo: file.certificate.certificateNo,
    holderName: file.holderName,
    programName: file.pack?.names.zh ?? file.certificate.programId,
    decidedOn: decision.on,
    ground: ground?.names.zh ?? decision.ground ?? '',
    ...(ground ? { groundCite: ground.cite } : {}),
    ...(decision.reason ? { reason: decision.reason } : {}),
    noticeOn: appeal.noticeOn,
    ...(appeal.deadline ? { appealDeadline: appeal.deadline } : {}),
    ...(days ? { appealDays: days } : {}),
    ...(appeal.cite ? { appealCite: appeal.cite } : {}),
    ...(notice?.via ? { via: notice.via } : {}),
  };
}

function AppealCard({ file, job }: { file: CertificateFile; job: ReturnType<typeof useDocumentJob> }) {
  const t = useT();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const { message } = App.useApp();
  const mayRecord = useAllowed('certificates.issue');
  const appeal = file.appeal!;
  const [noticeOn, setNoticeOn] = useState(todayIso());
  const [via, setVia] = useState('');
  const [lodgeOn, setLodgeOn] = useState(todayIso());
  const [reason, setReason] = useState('');
  const [decideOn, setDecideOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const date = (d: string) => formatIsoDate(d, locale);
  const isCancellation = appeal.decision.kind === 'cancelled';

  async function printNotice() {
    const input = await decisionNoticeInput(file);
    if (input === undefined) return;
    await job.run({ kind: 'decision-notice', input }, t(isCancellation ? 'lifecycle.appeal.noticeCancelled' : 'lifecycle.appeal.noticeRevoked', { no: file.certificate.certificateNo }), 'save');
  }

  async function run(what: () => Promise<void>, done: MessageKey) {
    try {
      await what();
      void message.success(t(done));
    } catch (error) {
      void message.error(errorText(error));
    }
  }
  const parsed = (text: string) => {
    const d = parseDateInput(text);
    if (!d.ok) throw new Error(d.error.message);
    return d.value;
  };

  return (
    <Card size="small" title={t('lifecycle.appeal.title')} data-testid="appeal-card">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('lifecycle.appeal.decision')}>
          {t(`lifecycle.event.${appeal.decision.kind}` as MessageKey)} · {date(appeal.decision.on)}
        </Descriptions.Item>
        <Descriptions.Item label={t('lifecycle.appeal.noticeOn')}>{appeal.noticeOn ? date(appeal.noticeOn) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('lifecycle.appeal.deadline')}>
          <span data-testid="appeal-deadline">
            {appeal.deadline
              ? [
                  t('lifecycle.appeal.deadlineText', { date: date(appeal.deadline), cite: appeal.cite ?? '' }),
                  file.appealProvisional ? t('lifecycle.appeal.provisional') : '',
                  appeal.daysLeft === undefined ? '' : appeal.daysLeft === 0 ? t('lifecycle.appeal.lastDay') : t('lifecycle.appeal.daysLeft', { days: appeal.daysLeft }),
                ].join('')
              : appeal.cite
                ? '—'
                : t('lifecycle.appeal.noLimit')}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('lifecycle.appeal.state')}>
          <span data-testid="appeal-state">{t(`lifecycle.appeal.state.${appeal.state}` as MessageKey)}</span>
        </Descriptions.Item>
      </Descriptions>
      {appeal.noticeOn && (
        <Button style={{ marginTop: 12 }} onClick={() => void printNotice()} disabled={job.busy} data-testid="print-decision-notice">
          {t(isCancellation ? 'lifecycle.appeal.printCancelled' : 'lifecycle.appeal.printRevoked')}
        </Button>
      )}
      {mayRecord && appeal.state === 'awaiting-notice' && (
        <Form layout="inline" style={{ marginTop: 12 }}>
          <Form.Item label={t('lifecycle.appeal.noticeOn')} htmlFor="notice-on">
            <Input id="notice-on" value={noticeOn} onChange={(e) => setNoticeOn(e.target.value)} style={{ width: 150 }} />
          </Form.Item>
          {!isCancellation && (
            <Form.Item label={t('lifecycle.appeal.via')} htmlFor="notice-via">
              <Input id="notice-via" value={via} onChange={(e) => setVia(e.target.value)} style={{ width: 220 }} />
            </Form.Item>
          )}
          <Button onClick={() => void run(() => recordNotice(file.certificate.id, { on: parsed(noticeOn), ...(via.trim() ? { via: via.trim() } : {}) }), 'lifecycle.appeal.noticeSaved')}>
            {t('lifecycle.appeal.recordNotice')}
          </Button>
        </Form>
      )}
      {mayRecord && (appeal.state === 'open' || appeal.state === 'closed') && (
        <Form layout="inline" style={{ marginTop: 12 }}>
          <Form.Item label={t('lifecycle.appeal.lodgeOn')} htmlFor="appeal-on">
            <Input id="appeal-on" value={lodgeOn} onChange={(e) => setLodgeOn(e.target.value)} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item label={t('lifecycle.appeal.lodgeReason')} htmlFor="appeal-reason">
            <Input id="appeal-reason" value={reason} onChange={(e) => setReason(e.target.value)} style={{ width: 320 }} />
          </Form.Item>
          <Button onClick={() => void run(() => lodgeAppeal(file.certificate.id, { on: parsed(lodgeOn), reason }), 'lifecycle.appeal.lodged')}>{t('lifecycle.appeal.lodge')}</Button>
        </Form>
      )}
      {mayRecord && appeal.state === 'lodged' && (
        <Form layout="inline" style={{ marginTop: 12 }}>
          <Form.Item label={t('lifecycle.appeal.decideOn')} htmlFor="decide-on">
            <Input id="decide-on" value={decideOn} onChange={(e) => setDecideOn(e.target.value)} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item label={t('lifecycle.appeal.decideReason')} htmlFor="decide-note">
            <Input id="decide-note" value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 260 }} />
          </Form.Item>
          <Button onClick={() => void run(() => decideAppeal(file.certificate.id, { on: parsed(decideOn), outcome: 'upheld', reason: note }), 'lifecycle.appeal.decided')}>
            {t('lifecycle.appeal.uphold')}
          </Button>
          <Button onClick={() => void run(() => decideAppeal(file.certificate.id, { on: parsed(decideOn), outcome: 'dismissed', reason: note }), 'lifecycle.appeal.decided')}>
            {t('lifecycle.appeal.dismiss')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

function AnnualReviews({ file }: { file: CertificateFile }) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const date = (d: string) => formatIsoDate(d, locale);
  return (
    <Card size="small" title={t('lifecycle.annual.title')} data-testid="annual-reviews">
      {file.proposals.map((p) => (
        <Alert
          key={p.year}
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('lifecycle.annual.proposal', { year: p.year, state: t(`lifecycle.annual.state.${file.annualReviews.find((y) => y.year === p.year)?.state ?? 'missed'}` as MessageKey), cite: p.cite })}
        />
      ))}
      <Table
        size="small"
        pagination={false}
        rowKey="year"
        dataSource={file.annualReviews as CertificateFile['annualReviews'][number][]}
        columns={[
          { title: t('lifecycle.annual.year'), render: (_, y) => t('lifecycle.detail.year', { year: y.year }) },
          { title: t('lifecycle.annual.period'), render: (_, y) => t('lifecycle.facts.validityRange', { from: date(y.from), to: date(y.to) }) },
          { title: t('lifecycle.annual.state'), render: (_, y) => t(`lifecycle.annual.state.${y.state}` as MessageKey) },
        ]}
      />
    </Card>
  );
}
