/**
 * 评价机构 — evaluation agencies (全国性 / 地方性) and their evaluators, for the programs whose pack
 * declares agency thresholds (no program is named here). The 细则's checks (第七、八、十、十二条:
 * registered ≥ 1 year; national ≥ 15 evaluators of whom ≥ 8 full-time, local ≥ 10 / ≥ 5; an
 * evaluator in one agency only; evaluations a year) are decided by shared/engine/agencies
 * `agencyReport` with the pack's numbers and shown here; 第十条 is also refused at save
 * (./commands). The chosen agency is in the URL (?agency=), so a reload keeps it.
 */
import { App as AntApp, Button, Card, Checkbox, Form, Input, InputNumber, Popconfirm, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { agencyReport, evaluationsInYear, evaluatorActive, type AgencyFinding, type AgencyRecords } from '../../../../shared/engine/agencies';
import type { EvaluationAgency, Evaluator } from '../../../../shared/model/records';
import type { ProgramPack } from '../../../../shared/programs/schema';
import { useAllowed } from '../../auth/access';
import { ValidationError } from '../../db/errors';
import { langOf, useT, useRuleText, useErrorText } from '../../i18n';
import { formatIsoDate } from '../../i18n/format';
import { writeContext } from '../../session';
import { useUi } from '../../stores/ui';
import { todayIso } from '../../today';
import { addEvaluator, createAgency, removeEvaluator, updateAgency, updateEvaluator } from './commands';
import { agencyPrograms, useAgencyRecords } from './queries';

interface AgencyForm {
  name: string;
  scope: 'national' | 'local';
  registeredOn: string;
  creditCode?: string;
  region?: string;
}

interface EvaluatorForm {
  name: string;
  idNumber: string;
  fullTime: boolean;
  contract: 'labour' | 'service';
  since?: string;
  until?: string;
}

const AGENCY_FIELDS = ['name', 'scope', 'registeredOn', 'creditCode', 'region'] as const;
const EVALUATOR_FIELDS = ['name', 'idNumber', 'fullTime', 'contract', 'since', 'until'] as const;

const CMP: Readonly<Record<string, string>> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' };

/** A finding in the UI's language: the engine's Chinese message, or the threshold's English label with the numbers. */
function findingText(f: AgencyFinding, pack: ProgramPack, lang: 'zh' | 'en', t: ReturnType<typeof useT>, who = ''): string {
  if (lang === 'zh') return f.message;
  const threshold = pack.thresholds.find((x) => x.id === f.thresholdId);
  const label = threshold?.label.en ?? f.thresholdId;
  const rule = f.required === undefined ? '' : ` ${CMP[threshold?.comparison ?? 'gte'] ?? ''} ${f.required}`;
  return t('agencies.findingEn', { who: who === '' ? '' : `${who}: `, label, actual: f.actual, rule, verdict: f.met ? t('agencies.met') : t('agencies.notMet') });
}

function applyErrors<T extends string>(form: { setFields: (f: { name: T; errors: string[] }[]) => void }, error: ValidationError, fields: readonly T[], fallback: T, rule: (text: string) => string) {
  form.setFields(error.issues.map((i) => ({ name: fields.find((f) => f === i.path) ?? fallback, errors: [rule(i.message)] })));
}

export function AgenciesPage() {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const lang = langOf(locale);
  const programs = agencyPrograms();
  const records = useAgencyRecords();
  const [params, setParams] = useSearchParams();
  const mayManage = useAllowed('agencies.manage');
  const [programId, setProgramId] = useState<string | undefined>(programs[0]?.id);
  const pack = programs.find((p) => p.id === programId);
  const selectedId = params.get('agency') ?? undefined;
  const agencies = (records?.agencies ?? []).filter((a) => a.programId === programId);
  const selected = agencies.find((a) => a.id === selectedId);
  const today = todayIso();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [adding, setAdding] = useState(false);

  // Recomputed on each render (the React compiler memoises it).
  const reports = new Map<string, ReturnType<typeof agencyReport>>();
  if (records !== undefined && pack !== undefined) {
    for (const a of records.agencies) if (a.programId === pack.id) reports.set(a.id, agencyReport(pack, a.id, records, { today, year }));
  }

  const select = (id: string | undefined) => {
    setAdding(false);
    setParams(id === undefined ? {} : { agency: id });
  };

  if (programs.length === 0 || pack === undefined) {
    return (
      <Card>
        <Typography.Text>{t('agencies.noPrograms')}</Typography.Text>
      </Card>
    );
  }

  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('agencies.title')}
      </Typography.Title>
      <Card size="small">
        <Space wrap size="large">
          {programs.length > 1 ? (
            <Space>
              <label htmlFor="agency-program">{t('agencies.program')}</label>
              <Select
                id="agency-program"
                value={programId}
                onChange={(v) => {
                  setProgramId(v);
                  select(undefined);
                }}
                options={programs.map((p) => ({ value: p.id, label: p.names[lang] }))}
                style={{ width: 360 }}
              />
            </Space>
          ) : (
            <Typography.Text>{t('agencies.programIs', { name: pack.names[lang] })}</Typography.Text>
          )}
          <Space>
            <label htmlFor="agency-year">{t('agencies.year')}</label>
            <InputNumber id="agency-year" min={2000} max={2099} value={year} onChange={(v) => setYear(Number(v ?? year))} />
          </Space>
        </Space>
      </Card>
      <Card
        size="small"
        title={t('agencies.list')}
        extra={
          mayManage && (
            <Button onClick={() => { setParams({}); setAdding(true); }} data-testid="agency-new">
              {t('agencies.new')}
            </Button>
          )
        }
      >
        <Table<EvaluationAgency>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={agencies}
          loading={records === undefined}
          locale={{ emptyText: t('agencies.empty') }}
          data-testid="agencies-table"
          rowClassName={(a) => (a.id === selectedId ? 'ant-table-row-selected' : '')}
          columns={[
            {
              title: t('agencies.name'),
              key: 'name',
              render: (_v, a) => (
                <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => select(a.id)}>
                  {a.name}
                </Button>
              ),
            },
            { title: t('agencies.scope'), key: 'scope', width: 140, render: (_v, a) => t(a.scope === 'national' ? 'agencies.scope.national' : 'agencies.scope.local') },
            { title: t('agencies.registeredOn'), key: 'registeredOn', width: 150, render: (_v, a) => formatIsoDate(a.registeredOn, locale) },
            {
              title: t('agencies.staff'),
              key: 'staff',
              width: 170,
              render: (_v, a) => {
                const own = (records?.evaluators ?? []).filter((e) => e.agencyId === a.id && evaluatorActive(e, today));
                return t('agencies.staffCount', { count: own.length, fullTime: own.filter((e) => e.fullTime).length });
              },
            },
            {
              title: t('agencies.checks'),
              key: 'checks',
              width: 120,
              render: (_v, a) => {
                const r = reports.get(a.id);
                if (r === undefined || !r.ok) return '—';
                return <Tag color={r.value.met ? 'green' : 'red'}>{r.value.met ? t('agencies.met') : t('agencies.notMet')}</Tag>;
              },
            },
          ]}
        />
      </Card>
      {adding && mayManage && <AgencyEditor key="new" pack={pack} onSaved={(a) => select(a.id)} onCancel={() => setAdding(false)} />}
      {selected !== undefined && records !== undefined && (
        <AgencyDetail key={selected.id} pack={pack} agency={selected} records={records} report={reports.get(selected.id)} year={year} mayManage={mayManage} />
      )}
    </div>
  );
}

function AgencyEditor({ pack, agency, onSaved, onCancel }: { pack: ProgramPack; agency?: EvaluationAgency; onSaved?: (a: EvaluationAgency) => void; onCancel?: () => void }) {
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<AgencyForm>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const v = form.getFieldsValue();
    setSaving(true);
    try {
      const input = { programId: pack.id, name: v.name ?? '', scope: v.scope, registeredOn: v.registeredOn ?? '', creditCode: v.creditCode, region: v.region };
      const saved = agency === undefined ? await createAgency(input, await writeContext()) : await updateAgency(agency.id, input, await writeContext());
      void message.success(t('agencies.saved', { name: saved.name }));
      onSaved?.(saved);
    } catch (error) {
      if (error instanceof ValidationError) applyErrors(form, error, AGENCY_FIELDS, 'name', rule);
      else void message.error(t('error.unexpected', { message: errorText(error) }));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title={agency === undefined ? t('agencies.new') : t('agencies.edit')} data-testid="agency-form">
      <Form<AgencyForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={agency === undefined ? { scope: 'local' } : { name: agency.name, scope: agency.scope, registeredOn: agency.registeredOn, creditCode: agency.creditCode, region: agency.region }}
        onFinish={() => void save()}
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', columnGap: 16 }}
      >
        <Form.Item name="name" label={t('agencies.name')} rules={[{ required: true, whitespace: true, message: t('agencies.nameRequired') }]}>
          <Input id="agency-name" autoFocus={agency === undefined} autoComplete="off" maxLength={100} />
        </Form.Item>
        <Form.Item name="scope" label={t('agencies.scope')}>
          <Radio.Group
            options={[
              { value: 'national', label: t('agencies.scope.national') },
              { value: 'local', label: t('agencies.scope.local') },
            ]}
          />
        </Form.Item>
        <Form.Item name="registeredOn" label={t('agencies.registeredOn')} tooltip={t('agencies.dateHint')}>
          <Input id="agency-registered" autoComplete="off" maxLength={20} placeholder="2024-01-10" />
        </Form.Item>
        <Form.Item name="creditCode" label={t('agencies.creditCode')}>
          <Input id="agency-credit-code" autoComplete="off" maxLength={40} />
        </Form.Item>
        <Form.Item name="region" label={t('agencies.region')}>
          <Input id="agency-region" autoComplete="off" maxLength={50} />
        </Form.Item>
        <Form.Item label=" ">
          <Space>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="agency-save">
              {t('agencies.save')}
            </Button>
            {onCancel && <Button onClick={onCancel}>{t('agencies.cancel')}</Button>}
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}

function AgencyDetail(props: {
  pack: ProgramPack;
  agency: EvaluationAgency;
  records: AgencyRecords;
  report: ReturnType<typeof agencyReport> | undefined;
  year: number;
  mayManage: boolean;
}) {
  const { pack, agency, records, report, year, mayManage } = props;
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const lang = langOf(locale);
  const { message } = AntApp.useApp();
  const [editing, setEditing] = useState(false);
  const [editingEvaluator, setEditingEvaluator] = useState<Evaluator | undefined>(undefined);
  const counts = evaluationsInYear(records.audits, year);
  const evaluators = records.evaluators.filter((e) => e.agencyId === agency.id).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }));
  const perEvaluator = new Map((report?.ok ? report.value.evaluators : []).map((r) => [r.evaluator.id, r]));

  return (
    <>
      {editing ? (
        <AgencyEditor pack={pack} agency={agency} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
      ) : (
        <Card
          size="small"
          title={agency.name}
          extra={mayManage && <Button onClick={() => setEditing(true)}>{t('agencies.edit')}</Button>}
          data-testid="agency-detail"
        >
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            {t(agency.scope === 'national' ? 'agencies.scope.national' : 'agencies.scope.local')}
            {agency.region ? `（${agency.region}）` : ''} · {t('agencies.registeredOn')} {formatIsoDate(agency.registeredOn, locale)}
            {agency.creditCode ? ` · ${t('agencies.creditCode')} ${agency.creditCode}` : ''}
          </Typography.Paragraph>
        </Card>
      )}
      <Card size="small" title={t('agencies.checksTitle')} data-testid="agency-checks">
        {report === undefined || !report.ok ? (
          <Typography.Text type="danger">{report && !report.ok ? rule(report.error.message) : '—'}</Typography.Text>
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none', display: 'grid', gap: 6 }}>
            {report.value.findings.map((f) => (
              <li key={f.thresholdId} data-met={f.met ? 'yes' : 'no'}>
                <Tag color={f.met ? 'green' : 'red'}>{f.met ? t('agencies.met') : t('agencies.notMet')}</Tag>
                {findingText(f, pack, lang, t)}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {' '}
                  （{f.cite}）
                </Typography.Text>
              </li>
            ))}
            {report.value.evaluators.flatMap((e) =>
              e.findings
                .filter((f) => !f.met)
                .map((f) => (
                  <li key={`${e.evaluator.id}-${f.thresholdId}`} data-met="no">
                    <Tag color="red">{t('agencies.notMet')}</Tag>
                    {findingText(f, pack, lang, t, e.evaluator.name)}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {' '}
                      （{f.cite}）
                    </Typography.Text>
                  </li>
                )),
            )}
          </ul>
        )}
      </Card>
      <Card size="small" title={t('agencies.evaluators')} data-testid="evaluators">
        <Table<Evaluator>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={evaluators}
          locale={{ emptyText: t('agencies.noEvaluators') }}
          data-testid="evaluators-table"
          columns={[
            { title: t('agencies.evaluator.name'), dataIndex: 'name', width: 110 },
            {
              title: t('agencies.evaluator.idNumber'),
              dataIndex: 'idNumber',
              width: 200,
              render: (v: string) => <Typography.Text style={{ whiteSpace: 'nowrap', fontFamily: 'monospace' }}>{v}</Typography.Text>,
            },
            { title: t('agencies.evaluator.fullTime'), key: 'fullTime', width: 80, render: (_v, e) => (e.fullTime ? t('agencies.yes') : t('agencies.no')) },
            { title: t('agencies.evaluator.contract'), key: 'contract', width: 100, render: (_v, e) => t(e.contract === 'labour' ? 'agencies.contract.labour' : 'agencies.contract.service') },
            {
              title: t('agencies.evaluator.period'),
              key: 'period',
              width: 250,
              render: (_v, e) => `${e.since ? formatIsoDate(e.since, locale) : '—'} ~ ${e.until ? formatIsoDate(e.until, locale) : t('agencies.evaluator.open')}`,
            },
            { title: t('agencies.evaluator.evaluations', { year }), key: 'count', width: 130, align: 'right', render: (_v, e) => counts.get(e.id) ?? 0 },
            {
              title: t('agencies.checks'),
              key: 'checks',
              render: (_v, e) => {
                const r = perEvaluator.get(e.id);
                if (r === undefined) return <Tag>{t('agencies.evaluator.inactive')}</Tag>;
                return <Tag color={r.met ? 'green' : 'red'}>{r.met ? t('agencies.met') : t('agencies.notMet')}</Tag>;
              },
            },
            ...(mayManage
              ? [
                  {
                    title: t('agencies.actions'),
                    key: 'actions',
                    width: 150,
                    render: (_v: unknown, e: Evaluator) => (
                      <Space size={4}>
                        <Button size="small" onClick={() => setEditingEvaluator(e)} aria-label={t('agencies.evaluator.editOf', { name: e.name })}>
                          {t('agencies.edit')}
                        </Button>
                        <Popconfirm
                          title={t('agencies.evaluator.removeConfirm', { name: e.name })}
                          okText={t('agencies.remove')}
                          cancelText={t('agencies.cancel')}
                          onConfirm={() =>
                            void writeContext()
                              .then((ctx) => removeEvaluator(e.id, ctx))
                              .catch((error: unknown) => void message.error(t('error.unexpected', { message: errorText(error) })))
                          }
                        >
                          <Button size="small" danger>
                            {t('agencies.remove')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {mayManage && (
          <EvaluatorEditor
            key={editingEvaluator?.id ?? 'new'}
            agencyId={agency.id}
            evaluator={editingEvaluator}
            onDone={() => setEditingEvaluator(undefined)}
          />
        )}
      </Card>
    </>
  );
}

function EvaluatorEditor({ agencyId, evaluator, onDone }: { agencyId: string; evaluator: Evaluator | undefined; onDone: () => void }) {
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<EvaluatorForm>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const v = form.getFieldsValue();
    setSaving(true);
    try {
      const input = { agencyId, name: v.name ?? '', idNumber: v.idNumber ?? '', fullTime: v.fullTime === true, contract: v.contract, since: v.since, until: v.until };
      const saved = evaluator === undefined ? await addEvaluator(input, await writeContext()) : await updateEvaluator(evaluator.id, input, await writeContext());
      void message.success(t('agencies.evaluator.saved', { name: saved.name }));
      form.resetFields();
      onDone();
      document.getElementById('evaluator-name')?.focus();
    } catch (error) {
      if (error instanceof ValidationError) applyErrors(form, error, EVALUATOR_FIELDS, 'name', rule);
      else void message.error(t('error.unexpected', { message: errorText(error) }));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form<EvaluatorForm>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={
        evaluator === undefined
          ? { fullTime: true, contract: 'labour' }
          : { name: evaluator.name, idNumber: evaluator.idNumber, fullTime: evaluator.fullTime, contract: evaluator.contract, since: evaluator.since, until: evaluator.until }
      }
      onFinish={() => void save()}
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', columnGap: 12, marginTop: 12 }}
      data-testid="evaluator-form"
    >
      <Form.Item name="name" label={t('agencies.evaluator.name')} rules={[{ required: true, whitespace: true, message: t('agencies.evaluator.nameRequired') }]}>
        <Input id="evaluator-name" autoComplete="off" maxLength={50} />
      </Form.Item>
      <Form.Item name="idNumber" label={t('agencies.evaluator.idNumber')}>
        <Input id="evaluator-id" autoComplete="off" maxLength={25} />
      </Form.Item>
      <Form.Item name="fullTime" label={t('agencies.evaluator.fullTime')} valuePropName="checked">
        <Checkbox id="evaluator-full-time">{t('agencies.evaluator.fullTimeBox')}</Checkbox>
      </Form.Item>
      <Form.Item name="contract" label={t('agencies.evaluator.contract')}>
        <Select
          id="evaluator-contract"
          options={[
            { value: 'labour', label: t('agencies.contract.labour') },
            { value: 'service', label: t('agencies.contract.service') },
          ]}
        />
      </Form.Item>
      <Form.Item name="since" label={t('agencies.evaluator.since')}>
        <Input id="evaluator-since" autoComplete="off" maxLength={20} />
      </Form.Item>
      <Form.Item name="until" label={t('agencies.evaluator.until')}>
        <Input id="evaluator-until" autoComplete="off" maxLength={20} />
      </Form.Item>
      <Form.Item label=" ">
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="evaluator-save">
            {evaluator === undefined ? t('agencies.evaluator.add') : t('agencies.save')}
          </Button>
          {evaluator !== undefined && <Button onClick={onDone}>{t('agencies.cancel')}</Button>}
        </Space>
      </Form.Item>
    </Form>
  );
}
