/**
 * 办理: where the application stands and what may be done now. The buttons are exactly the
 * engine's transitions for the signed-in role (`evaluation.transitions`); blocked ones are shown
 * disabled with the engine's reasons. Firing asks exactly what the transition records (reason,
 * opinion, decision, whom it returns to, scores) — a return's reasons pre-filled from what the
 * checklist found — and goes through `fireTransition`. P4's 002 附件3 routing chain, the
 * publicity and its objections are recorded here too, through intake/workflow.ts.
 */
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Radio, Space, Steps, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { hasAgencies } from '../../../../shared/engine/agencies';
import { defaultReturnTo, RETURN_TO_OPTIONS, returnReasons } from '../../../../shared/engine/returns';
import type { Objection } from '../../../../shared/model/records';
import type { WorkflowDefinition, WorkflowGuard } from '../../../../shared/workflow/definition';
import type { TransitionOption } from '../../../../shared/workflow/engine';
import { rolesThatCanAct } from '../../../../shared/workflow/who-can';
import { levelPassed, routingChain, ROUTING_LEVELS, type RoutingLevelId } from '../../../../shared/workflow/routing';
import { publicityShownEnd } from '../../../../shared/workflow/deadlines';
import { formatTenths } from '../../../../shared/panels/tenths';
import { useRuleText, useT, type MessageKey, useErrorText } from '../../i18n';
import { dateInputText, formatIsoDate } from '../../i18n/format';
import { routingStateOf } from '../applications/file';
import { useAllowed } from '../../auth/access';
import { AgencyAuditsCard } from './AgencyAuditsCard';
import { KeyDates } from './KeyDates';
import type { ApplicationKindId } from '../../../../shared/programs/schema';
import { keyDateDeadlines } from '../../../../shared/engine/key-dates';
import { fireTransition } from './fire';
import { recordRoutingOpinion } from './commands';
import { leadsToPublicity, raiseObjection, settleObjection, startPublicity } from '../publicity/commands';
import { useSession } from '../../stores/session';
import { useUi } from '../../stores/ui';
import { todayIso } from '../../today';
import type { TabProps } from '../applications/types';
import { dateRules, isoOf } from '../../components/dates';
import { stateOf, workflowOf } from '../../../../shared/workflow/lookup';
import { deadlineSeverity } from '../../../../shared/workflow/deadlines';
import { langOf, type Lang } from '../../i18n';



function usesRouting(definition: WorkflowDefinition | undefined): boolean {
  const has = (g: WorkflowGuard): boolean => (g.kind === 'all-of' || g.kind === 'any-of' ? g.guards.some(has) : g.kind === 'routing-level-opinion');
  return definition?.transitions.some((t) => t.guards.some(has)) ?? false;
}

// ---------------------------------------------------------------------------------------------
// Firing a transition
// ---------------------------------------------------------------------------------------------

interface FireValues {
  reason?: string;
  opinion?: string;
  decision?: string;
  returnTo?: string;
  scores?: { name?: string; score?: number }[];
  /** Into 公示中: the publicity record is made in the same step (startPublicity). */
  publicityTitle?: string;
  publicityStart?: string;
}

function FireModal({
  option,
  props,
  onClose,
}: {
  option: TransitionOption;
  props: TabProps;
  onClose: () => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const lang: Lang = langOf(locale);
  const role = useSession((s) => s.user?.role ?? 'clerk');
  const { message } = App.useApp();
  const [form] = Form.useForm<FireValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { file, result } = props;
  const transition = option.transition;
  const definition = result.pack.workflows[file.application.kind];
  const target = stateOf(definition, transition.to);
  const isReturn = target?.queue === 'returned';
  const intoPublicity = definition !== undefined && leadsToPublicity(definition, transition);
  const records = new Set(transition.records);
  const initial: FireValues = {
    ...(intoPublicity ? { publicityTitle: t('workflow.fire.publicityDefaultTitle', { program: result.pack.names[lang] }), publicityStart: locale === 'zh-CN' ? formatIsoDate(todayIso(), locale) : todayIso() } : {}),
    ...(records.has('reason') && isReturn ? { reason: returnReasons(result.evaluation) } : {}),
    ...(records.has('returnTo') ? { returnTo: defaultReturnTo(file.application) } : {}),
    ...(records.has('scores') ? { scores: [{ name: t('workflow.fire.scoreTotal') }] } : {}),
  };

  const submit = async () => {
    let values: FireValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const scores: Record<string, number> = {};
    for (const row of values.scores ?? []) {
      if (row?.name && typeof row.score === 'number') scores[row.name.trim()] = row.score;
    }
    setBusy(true);
    setError(null);
    if (intoPublicity) {
      try {
        await startPublicity(
          {
            programId: file.application.programId,
            title: values.publicityTitle ?? '',
            startedOn: isoOf(values.publicityStart ?? '') ?? '',
            applicationIds: [file.application.id],
            transitionId: transition.id,
          },
          { role },
        );
        void message.success(t('workflow.fire.done', { action: transition.label[lang] }));
        onClose();
      } catch (e) {
        setError(errorText(e));
      } finally {
        setBusy(false);
      }
      return;
    }
    try {
      await fireTransition(
        file.application.id,
        transition.id,
        {
          ...(values.reason === undefined ? {} : { reason: values.reason }),
          ...(values.opinion === undefined ? {} : { opinion: values.opinion }),
          ...(values.decision === undefined ? {} : { decision: values.decision }),
          ...(values.returnTo === undefined ? {} : { returnTo: values.returnTo }),
          ...(Object.keys(scores).length === 0 ? {} : { scores }),
        },
        { role },
      );
      void message.success(t('workflow.fire.done', { action: transition.label[lang] }));
      onClose();
    } catch (e) {
      // The form stays as typed; the engine's (or the record's) Chinese reason is shown.
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const required = (key: MessageKey): Rule[] => [{ required: true, whitespace: true, message: t('workflow.fire.required', { what: t(key) }) }];

  return (
    <Modal
      open
      title={transition.label[lang]}
      okText={t('workflow.fire.confirm')}
      cancelText={t('workflow.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      width={640}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {t('workflow.fire.moves', {
            from: stateOf(definition, file.application.status)?.name[lang] ?? file.application.status,
            to: target?.name[lang] ?? transition.to,
          })}
        </Typography.Text>
        {error && <Alert type="error" showIcon title={error} style={{ whiteSpace: 'pre-line' }} data-testid="fire-error" />}
        <Form form={form} layout="vertical" initialValues={initial} preserve>
          {intoPublicity && (
            <>
              <Form.Item name="publicityTitle" label={t('workflow.queues.publicityTitle')} rules={required('workflow.queues.publicityTitle')}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="publicityStart" label={t('workflow.queues.publicityStart')} required rules={dateRules(true)} extra={t('workflow.fire.publicityHint')}>
                <Input placeholder="2026-11-22" autoComplete="off" />
              </Form.Item>
            </>
          )}
          {records.has('returnTo') && (
            <Form.Item name="returnTo" label={t('workflow.fire.returnTo')} rules={required('workflow.fire.returnTo')}>
              <Radio.Group options={RETURN_TO_OPTIONS.map((v) => ({ value: v, label: t(`workflow.returnTo.${v}`) }))} />
            </Form.Item>
          )}
          {records.has('reason') && (
            <Form.Item
              name="reason"
              label={t(isReturn ? 'workflow.fire.returnReason' : 'workflow.fire.reason')}
              rules={required('workflow.fire.reason')}
              extra={isReturn ? t('workflow.fire.returnReasonHint') : undefined}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} />
            </Form.Item>
          )}
          {records.has('opinion') && (
            <Form.Item name="opinion" label={t('workflow.fire.opinion')} rules={required('workflow.fire.opinion')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
            </Form.Item>
          )}
          {records.has('decision') && (
            <Form.Item name="decision" label={t('workflow.fire.decision')} rules={required('workflow.fire.decision')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
            </Form.Item>
          )}
          {records.has('scores') && (
            <Form.List name="scores">
              {(fields, { add, remove }) => (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Typography.Text strong>{t('workflow.fire.scores')}</Typography.Text>
                  {fields.map((field, i) => (
                    <Space key={field.key} align="baseline">
                      <Form.Item name={[field.name, 'name']} label={t('workflow.fire.scoreItem', { n: i + 1 })} rules={required('workflow.fire.scoreItemName')}>
                        <Input maxLength={40} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'score']}
                        label={t('workflow.fire.score', { n: i + 1 })}
                        rules={[{ required: true, message: t('workflow.fire.required', { what: t('workflow.fire.scores') }) }]}
                      >
                        <InputNumber min={0} max={1000} step={0.5} />
                      </Form.Item>
                      {fields.length > 1 && <Button onClick={() => remove(field.name)}>{t('workflow.remove')}</Button>}
                    </Space>
                  ))}
                  <Button onClick={() => add({})}>{t('workflow.fire.addScore')}</Button>
                </Space>
              )}
            </Form.List>
          )}
          {transition.records.length === 0 && !intoPublicity && <Typography.Paragraph>{t('workflow.fire.noRecords')}</Typography.Paragraph>}
        </Form>
      </Space>
    </Modal>
  );
}

function TransitionButtons({ props }: { props: TabProps }) {
  const t = useT();
  const rule = useRuleText();
  const locale = useUi((s) => s.locale);
  const lang: Lang = langOf(locale);
  const [firing, setFiring] = useState<TransitionOption | null>(null);
  const options = props.result.evaluation.transitions;
  const blocked = options.filter((o) => !o.allowed);
  // Nothing for this user: say which role can act (shared/workflow/who-can).
  const definition = workflowOf(props.result.pack, props.file.application.kind);
  const whoCan = options.length === 0 && definition ? rolesThatCanAct(definition, props.file.application.status) : [];
  return (
    <Card size="small" title={t('workflow.actions')}>
      {options.length === 0 ? (
        <Typography.Text type="secondary" data-testid="no-transitions">
          {whoCan.length > 0 ? t('workflow.noActionsWho', { roles: whoCan.map((r) => t(`workflow.role.${r}`)).join(t('workflow.roleSeparator')) }) : t('workflow.noActions')}
        </Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap data-testid="transitions">
            {options.map((o) => {
              const reasons = o.blockedBy.map((b) => rule(b.message));
              const button = (
                <Button
                  key={o.transition.id}
                  type={o.allowed ? 'primary' : 'default'}
                  disabled={!o.allowed}
                  onClick={() => setFiring(o)}
                  data-transition={o.transition.id}
                >
                  {o.transition.label[lang]}
                </Button>
              );
              return o.allowed ? (
                button
              ) : (
                <Tooltip key={o.transition.id} title={<div>{reasons.map((r) => <div key={r}>{r}</div>)}</div>}>
                  <span>{button}</span>
                </Tooltip>
              );
            })}
          </Space>
          {blocked.length > 0 && (
            <Alert
              type="info"
              showIcon
              data-testid="blocked-reasons"
              title={t('workflow.blockedTitle')}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {blocked.map((o) => (
                    <li key={o.transition.id}>
                      <Typography.Text strong>{o.transition.label[lang]}</Typography.Text>
                      {o.blockedBy.map((b, i) => (
                        <div key={i}>{rule(b.message)}</div>
                      ))}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
        </Space>
      )}
      {firing && <FireModal option={firing} props={props} onClose={() => setFiring(null)} />}
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------
// History of steps
// ---------------------------------------------------------------------------------------------

function StepsHistory({ props }: { props: TabProps }) {
  const t = useT();
  const rule = useRuleText();
  const locale = useUi((s) => s.locale);
  const lang: Lang = langOf(locale);
  const definition = props.result.pack.workflows[props.file.application.kind];
  const events = props.file.events;
  if (events.length === 0) return null;
  const stateName = (id: string) => stateOf(definition, id)?.name[lang] ?? id;
  return (
    <Card size="small" title={t('workflow.steps')}>
      <Timeline
        items={events.map((e) => ({
          key: e.id,
          content: (
            <Space orientation="vertical" size={0}>
              <span>
                {formatIsoDate(e.on, locale)} · <strong>{definition?.transitions.find((x) => x.id === e.transitionId)?.label[lang] ?? e.transitionId}</strong>（
                {stateName(e.from)} → {stateName(e.to)}）
              </span>
              {e.returnTo && <Typography.Text type="secondary">{t('workflow.fire.returnTo')}：{t(`workflow.returnTo.${e.returnTo}`)}</Typography.Text>}
              {e.reason && <Typography.Text type="secondary" style={{ whiteSpace: 'pre-line' }}>{t('workflow.fire.reason')}：{rule(e.reason)}</Typography.Text>}
              {e.opinion && <Typography.Text type="secondary">{t('workflow.fire.opinion')}：{e.opinion}</Typography.Text>}
              {e.decision && <Typography.Text type="secondary">{t('workflow.fire.decision')}：{e.decision}</Typography.Text>}
              {e.scores && (
                <Typography.Text type="secondary">
                  {t('workflow.fire.scores')}：{Object.entries(e.scores).map(([k, v]) => `${k} ${v}`).join('；')}
                </Typography.Text>
              )}
            </Space>
          ),
        }))}
      />
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------
// 002 附件3 routing chain
// ---------------------------------------------------------------------------------------------

function RoutingCard({ props }: { props: TabProps }) {
  const t = useT();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const lang: Lang = langOf(locale);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ opinion: 'pass' | 'return'; note?: string; on: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { file } = props;
  const { state, skipped } = useMemo(
    () => routingStateOf(file.application.fields['routingVariant'], file.routingOpinions, file.events),
    [file.application.fields, file.routingOpinions, file.events],
  );
  if (state === undefined) {
    return (
      <Card size="small" title={t('workflow.routing.title')}>
        <Alert type="warning" showIcon title={t('workflow.routing.noVariant')} />
      </Card>
    );
  }
  const chain = routingChain(state.variant);
  const holderIndex = state.holder === 'done' ? chain.length : chain.findIndex((l) => l.id === state.holder);
  const holder = state.holder === 'done' ? undefined : state.holder;

  const submit = async () => {
    let values: { opinion: 'pass' | 'return'; note?: string; on: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (holder === undefined) return;
    setBusy(true);
    setError(null);
    try {
      await recordRoutingOpinion(file.application.id, holder, values.opinion, values.note ?? '', isoOf(values.on)!);
      void message.success(t('workflow.routing.recorded'));
      form.resetFields(['note']);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('workflow.routing.title')} data-testid="routing">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Steps
          size="small"
          current={Math.min(holderIndex, chain.length - 1)}
          status={state.holder === 'done' ? 'finish' : 'process'}
          items={chain.map((l) => ({
            key: l.id,
            title: l.name[lang],
            status: levelPassed(state, l.id) ? 'finish' : l.id === state.holder ? 'process' : 'wait',
          }))}
        />
        <Typography.Text data-testid="routing-holder">
          {state.holder === 'done' ? t('workflow.routing.done') : t('workflow.routing.holder', { level: ROUTING_LEVELS[state.holder][lang] })}
        </Typography.Text>
        {skipped.length > 0 && <Alert type="warning" showIcon title={t('workflow.routing.skipped', { count: skipped.length })} />}
        {file.routingOpinions.length > 0 && (
          <Table
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={[...file.routingOpinions]}
            columns={[
              { title: t('workflow.routing.level'), dataIndex: 'level', render: (v: string) => ROUTING_LEVELS[v as RoutingLevelId]?.[lang] ?? v },
              {
                title: t('workflow.routing.opinion'),
                dataIndex: 'opinion',
                render: (v: string) => <Tag color={v === 'pass' ? 'green' : 'orange'}>{t(v === 'pass' ? 'workflow.routing.pass' : 'workflow.routing.return')}</Tag>,
              },
              { title: t('workflow.routing.note'), dataIndex: 'note' },
              { title: t('workflow.routing.on'), dataIndex: 'on', render: (v: string) => formatIsoDate(v, locale) },
            ]}
          />
        )}
        {holder !== undefined && (
          <Form
            form={form}
            layout="inline"
            initialValues={{ opinion: 'pass', on: dateInputText(todayIso(), locale) }}
            onFinish={() => void submit()}
            aria-label={t('workflow.routing.form')}
          >
            <Form.Item label={t('workflow.routing.level')}>
              <Typography.Text strong>{ROUTING_LEVELS[holder][lang]}</Typography.Text>
            </Form.Item>
            <Form.Item name="opinion" label={t('workflow.routing.opinion')}>
              <Radio.Group
                options={[
                  { value: 'pass', label: t('workflow.routing.pass') },
                  ...(holderIndex > 0 ? [{ value: 'return', label: t('workflow.routing.returnBelow') }] : []),
                ]}
              />
            </Form.Item>
            <Form.Item name="note" label={t('workflow.routing.note')}>
              <Input style={{ width: 260 }} maxLength={2000} />
            </Form.Item>
            <Form.Item name="on" label={t('workflow.routing.on')} rules={dateRules()}>
              <Input style={{ width: 140 }} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>
                {t('workflow.routing.record')}
              </Button>
            </Form.Item>
          </Form>
        )}
        {error && <Alert type="error" showIcon title={error} data-testid="routing-error" />}
      </Space>
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------
// Publicity and objections
// ---------------------------------------------------------------------------------------------

function SettleModal({ objection, onClose }: { objection: Objection; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ upheld: boolean; settlement: string; settledOn: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    let values: { upheld: boolean; settlement: string; settledOn: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await settleObjection(objection.id, { upheld: values.upheld, settlement: values.settlement, settledOn: isoOf(values.settledOn)! });
      void message.success(t('workflow.objection.settledDone'));
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('workflow.objection.settle')}
      okText={t('workflow.fire.confirm')}
      cancelText={t('workflow.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{objection.content}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      <Form form={form} layout="vertical" initialValues={{ settledOn: dateInputText(todayIso(), locale) }}>
        <Form.Item name="upheld" label={t('workflow.objection.upheld')} rules={[{ required: true, message: t('workflow.objection.upheldRequired') }]}>
          <Radio.Group
            options={[
              { value: true, label: t('workflow.objection.upheldYes') },
              { value: false, label: t('workflow.objection.upheldNo') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="settlement"
          label={t('workflow.objection.settlement')}
          rules={[{ required: true, whitespace: true, message: t('workflow.fire.required', { what: t('workflow.objection.settlement') }) }]}
          extra={t('workflow.objection.upheldHint')}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
        </Form.Item>
        <Form.Item name="settledOn" label={t('workflow.objection.settledOn')} rules={dateRules()}>
          <Input style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PublicityCard({ props }: { props: TabProps }) {
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ raisedOn: string; raisedBy?: string; content: string }>();
  const [error, setError] = useState<string | null>(null);
  const [settling, setSettling] = useState<Objection | null>(null);
  const { file, result, calendar } = props;
  const deadline = result.evaluation.deadline;

  const raise = async () => {
    let values: { raisedOn: string; raisedBy?: string; content: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    try {
      await raiseObjection({
        applicationId: file.application.id,
        raisedOn: isoOf(values.raisedOn)!,
        ...(values.raisedBy ? { raisedBy: values.raisedBy } : {}),
        content: values.content,
      });
      void message.success(t('workflow.objection.raised'));
      form.resetFields(['content', 'raisedBy']);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Card size="small" title={t('workflow.publicity.title')} data-testid="publicity">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {file.publicities.length === 0 ? (
          <Typography.Text type="secondary">{t('workflow.publicity.none')}</Typography.Text>
        ) : (
          <Descriptions
            size="small"
            column={1}
            items={file.publicities.map((p) => ({
              key: p.id,
              label: p.title,
              children: (() => {
                const end = publicityShownEnd(p, calendar);
                const note = end.provisionalYears ? `（${t('calendar.provisionalNote', { years: end.provisionalYears.join('、') })}）` : '';
                return t('workflow.publicity.range', { from: formatIsoDate(p.startedOn, locale), to: formatIsoDate(end.date, locale) + note });
              })(),
            }))}
          />
        )}
        {deadline?.kind === 'publicity' && (
          <Tag color={deadline.overdue ? 'green' : 'gold'} data-testid="publicity-deadline">
            {rule(deadline.label)}
          </Tag>
        )}
        <Typography.Text strong>{t('workflow.objection.list')}</Typography.Text>
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={[...file.objections]}
          locale={{ emptyText: t('workflow.objection.none') }}
          columns={[
            { title: t('workflow.objection.raisedOn'), dataIndex: 'raisedOn', width: 130, render: (v: string) => formatIsoDate(v, locale) },
            { title: t('workflow.objection.raisedBy'), dataIndex: 'raisedBy', width: 120 },
            { title: t('workflow.objection.content'), dataIndex: 'content' },
            {
              title: t('workflow.objection.status'),
              key: 'status',
              width: 260,
              render: (_: unknown, o: Objection) =>
                o.status === 'open' ? (
                  <Space>
                    <Tag color="red">{t('workflow.objection.open')}</Tag>
                    <Button size="small" onClick={() => setSettling(o)}>
                      {t('workflow.objection.settle')}
                    </Button>
                  </Space>
                ) : (
                  <Space orientation="vertical" size={0}>
                    <Tag color={o.upheld ? 'orange' : 'green'}>{t(o.upheld ? 'workflow.objection.upheldYes' : 'workflow.objection.upheldNo')}</Tag>
                    <Typography.Text type="secondary">
                      {o.settledOn ? formatIsoDate(o.settledOn, locale) : ''} {o.settlement}
                    </Typography.Text>
                  </Space>
                ),
            },
          ]}
        />
        <Form form={form} layout="inline" initialValues={{ raisedOn: dateInputText(todayIso(), locale) }} onFinish={() => void raise()} aria-label={t('workflow.objection.raise')}>
          <Form.Item name="raisedOn" label={t('workflow.objection.raisedOn')} rules={dateRules()}>
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="raisedBy" label={t('workflow.objection.raisedBy')}>
            <Input style={{ width: 140 }} maxLength={100} />
          </Form.Item>
          <Form.Item
            name="content"
            label={t('workflow.objection.content')}
            rules={[{ required: true, whitespace: true, message: t('workflow.fire.required', { what: t('workflow.objection.content') }) }]}
          >
            <Input style={{ width: 280 }} maxLength={4000} />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit">{t('workflow.objection.raise')}</Button>
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon title={error} />}
      </Space>
      {settling && <SettleModal objection={settling} onClose={() => setSettling(null)} />}
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------
// The tab
// ---------------------------------------------------------------------------------------------

/**
 * The panel sessions' signed results for this file (shared/panels): the panel's step is allowed
 * only on one of them, and carries it — nobody retypes a score here. Scoring happens in 评审会.
 */
function PanelResultsCard({ props }: { props: TabProps }) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const lang: Lang = langOf(locale);
  const { result } = props;
  const facts = result.evaluation.facts.panelResults ?? {};
  const stageName = (id: string) => result.pack.panel?.stages.find((s) => s.stage === id)?.names[lang] ?? id;
  const entries = Object.values(facts);
  return (
    <Card
      size="small"
      title={t('panel.results.card')}
      data-testid="panel-results-card"
      extra={
        <Link to="/panel">
          <Button size="small">{t('panel.results.toPanel')}</Button>
        </Link>
      }
    >
      {entries.length === 0 ? (
        <Typography.Text type="secondary">{t('panel.results.none')}</Typography.Text>
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
          {entries.map((r) => (
            <li key={r.resultId} style={{ marginBottom: 4 }}>
              <Tag>{stageName(r.stage)}</Tag>
              <Tag color={r.outcome === 'pass' ? 'green' : r.outcome === 'fail' ? 'red' : 'gold'}>{t(`panel.outcome.${r.outcome}`)}</Tag>
              {r.scoreTenths !== undefined && <Typography.Text>{t('panel.results.score', { score: formatTenths(r.scoreTenths) })} </Typography.Text>}
              <Typography.Text type="secondary">{t('panel.results.signedOn', { date: formatIsoDate(r.signedOffOn, locale) })}</Typography.Text>
              {r.stale && <Tag color="red">{t('panel.results.stale')}</Tag>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function WorkflowTab(props: TabProps) {
  const t = useT();
  const rule = useRuleText();
  const locale = useUi((s) => s.locale);
  const lang: Lang = langOf(locale);
  const { file, result } = props;
  const definition = result.pack.workflows[file.application.kind];
  const state = stateOf(definition, file.application.status);
  const deadline = result.evaluation.deadline;
  // The round's dates that bind this state (001 温馨提示 11 换证截止), pack data.
  const keyDates = keyDateDeadlines(result.pack, file.application.kind as ApplicationKindId, file.application.status, todayIso());
  const mayRecordAudits = useAllowed('workflow.fire');
  const showPublicity = definition?.publicity !== undefined || file.publicities.length > 0 || file.objections.length > 0;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('workflow.current')}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'state', label: t('workflow.state'), children: <Tag color="blue" data-testid="workflow-state">{state?.name[lang] ?? file.application.status}</Tag> },
            {
              key: 'queue',
              label: t('workflow.queue'),
              children: state?.queue ? t(`workflow.queue.${state.queue}` as MessageKey) : '—',
            },
            {
              key: 'deadline',
              label: t('workflow.deadline'),
              children: deadline ? (
                <Typography.Text type={deadlineSeverity(deadline) === 'late' ? 'danger' : undefined} strong data-testid="workflow-deadline">
                  {rule(deadline.label)}
                </Typography.Text>
              ) : (
                '—'
              ),
            },
            ...(keyDates.ok && keyDates.value.length > 0
              ? [{ key: 'key-dates', label: t('workflow.keyDates'), children: <KeyDates deadlines={keyDates.value} /> }]
              : []),
          ]}
        />
        {result.evaluation.problems.length > 0 && (
          <Alert type="warning" showIcon title={result.evaluation.problems.map(rule).join(' ')} style={{ marginTop: 8 }} />
        )}
      </Card>
      {result.evaluation.eligibility.findings.length > 0 && (
        <Card size="small" title={t('workflow.findings')} data-testid="findings">
          <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
            {result.evaluation.eligibility.findings.map((f) => (
              <li key={f.code + f.message} style={{ marginBottom: 4 }}>
                <Tag color={f.met ? 'green' : f.binding === 'reference' ? 'default' : 'red'}>
                  {t(f.met ? 'workflow.findings.met' : f.binding === 'reference' ? 'workflow.findings.reference' : 'workflow.findings.notMet')}
                </Tag>
                {rule(f.message)}
              </li>
            ))}
          </ul>
        </Card>
      )}
      <TransitionButtons props={props} />
      {(state?.queue === 'panel' || file.panelResults.length > 0) && <PanelResultsCard props={props} />}
      {usesRouting(definition) && <RoutingCard props={props} />}
      {showPublicity && <PublicityCard props={props} />}
      {hasAgencies(result.pack) && (state?.queue === 'panel' || (file.audits ?? []).length > 0) && (
        <AgencyAuditsCard props={props} mayRecord={mayRecordAudits} />
      )}
      <StepsHistory props={props} />
    </Space>
  );
}
