/**
 * 证书: applications ready to issue (their workflow is in the issue queue or granted), issued
 * certificates, and the printing set-up for pre-printed stock. Issuing writes a certificate
 * record numbered from this device's block (validity from the rules) and prints the batch as one
 * PDF, a page per certificate, built in the documents worker with a progress bar and 取消.
 * Printing again marks each page “补打 第N次”.
 */
import { Alert, App, Button, Card, Descriptions, Dropdown, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState, type Key } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { CertificateInput, CertificateTemplate, PrintMode, PrinterProfile } from '../../../../shared/documents';
import { calibrationMarks } from '../../../../shared/documents/certificate-dates';
import { calibrateProfile, IDENTITY_PROFILE } from '../../../../shared/documents/printer';
import { certificateTemplate, CERTIFICATE_TEMPLATES } from '../../../../shared/documents/templates';
import type { Application, Certificate } from '../../../../shared/model/records';
import { getPack } from '../../../../shared/programs';
import { parseDateInput, type IsoDate } from '../../../../shared/rules/civil-date';
import { db, deviceId } from '../../db';
import { ValidationError } from '../../db/errors';
import { applicantName, certificateInputOf } from '../../documents/inputs';
import { fireIssuedTransition, issueCertificate, issueTables, readyToIssue, templateOfPack } from './issue';
import { StatusTag } from './CertificatePage';
import { recordReprints } from './commands';
import { loadIssued, type IssuedRow } from './queries';
import { certificateActions } from '../../../../shared/lifecycle';
import { RemindersTab } from './RemindersTab';
import { certificateColumns } from './columns';
import { currentUser } from '../../stores/session';
import type { Delivery } from '../../documents/output';
import { photoJpegOf } from '../../documents/photos';
import {
  checkSigningKey,
  countPrints,
  generateAndSaveSigningKey,
  loadPrintCounts,
  loadPrinterProfile,
  loadSigning,
  numbersLeft,
  saveOfficeName,
  savePrinterProfile,
  saveSigning,
  signingKeyStatus,
  signingSource,
} from '../../documents/settings';
import { useDocumentJob } from '../../documents/useDocumentJob';
import { useT, useRuleText, useErrorText } from '../../i18n';
import { formatIsoDate } from '../../i18n/format';
import { loadApplicationFile } from '../applications/file';
import { topUpNumbersNow } from '../../sync';
import { DOCUMENTS_SYNC_ERROR_KEY } from '../../sync/numbers';
import type { SyncFailure } from '../../sync/settings';
import { writeContext } from '../../session';
import { SyncError } from '../../../../shared/sync/errors';
import { useUi } from '../../stores/ui';
import { useAllowed } from '../../auth/access';
import { todayIso } from '../../today';
import { langOf } from '../../i18n';

/** Why nothing can be signed: an enrolled desk waits for the office key, another needs its own set up. */
async function noSigningMessage(t: ReturnType<typeof useT>): Promise<string> {
  return (await signingSource(db)) === 'server-missing' ? t('documents.certificates.noOfficeKey') : t('documents.certificates.noSigning');
}


export function CertificatesPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'issue';
  const setTab = (key: string) => setParams({ tab: key }, { replace: true });
  const job = useDocumentJob();
  // The signing key is the office's to guard (administrators only, shared/access).
  const maySeeSigning = useAllowed('signingKey.view');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('documents.certificates.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'issue', label: t('documents.certificates.tabIssue'), children: <IssueTab job={job} /> },
          { key: 'issued', label: t('documents.certificates.tabIssued'), children: <IssuedTab job={job} /> },
          { key: 'reminders', label: t('lifecycle.dashboard.tab'), children: <RemindersTab job={job} /> },
          { key: 'printer', label: t('documents.certificates.tabPrinter'), children: <PrinterTab job={job} /> },
          ...(maySeeSigning ? [{ key: 'signing', label: t('documents.certificates.tabSigning'), children: <SigningTab /> }] : []),
        ]}
        destroyOnHidden
      />
      {job.dialog}
    </Space>
  );
}

type Job = ReturnType<typeof useDocumentJob>;

/** Batches of certificates are picked from long lists: big pages, selection kept across them. */
const BATCH_PAGINATION = { defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: [50, 100, 200, 500] };

function batchSelection(selected: string[], setSelected: (keys: string[]) => void) {
  return {
    selectedRowKeys: selected,
    onChange: (keys: Key[]) => setSelected(keys.map(String)),
    preserveSelectedRowKeys: true,
    selections: [Table.SELECTION_ALL, Table.SELECTION_INVERT, Table.SELECTION_NONE],
  };
}

/** Print mode and how to deliver: shared by the issue and the reprint tabs. */
function PrintOptions({ mode, onMode }: { mode: PrintMode; onMode: (m: PrintMode) => void }) {
  const t = useT();
  return (
    <Radio.Group value={mode} onChange={(e) => onMode(e.target.value as PrintMode)} aria-label={t('documents.certificates.mode')}>
      <Radio value="full">{t('documents.certificates.modeFull')}</Radio>
      <Radio value="values-only">{t('documents.certificates.modeValues')}</Radio>
    </Radio.Group>
  );
}

/**
 * Builds the certificates' PDF (one per template) and delivers it; records the prints so the
 * next print of the same certificate is marked as a reprint.
 */
/** The certificates grouped by template, as builder inputs (reprints marked from the print counts). */
async function certificateJobs(certificates: readonly Certificate[], counts: Readonly<Record<string, number>>) {
  const byTemplate = new Map<string, { template: CertificateTemplate; inputs: CertificateInput[]; nos: string[] }>();
  for (const certificate of certificates) {
    const pack = getPack(certificate.programId);
    const template = pack ? templateOfPack(pack) : undefined;
    if (!template) continue;
    const file = certificate.applicationId ? await loadApplicationFile(db, certificate.applicationId) : undefined;
    const holder =
      (file ? applicantName(file) : '') ||
      (certificate.holderPersonId ? (await db.people.get(certificate.holderPersonId))?.name : undefined) ||
      (certificate.holderOrganisationId ? (await db.organisations.get(certificate.holderOrganisationId))?.name : undefined) ||
      '';
    const photo = template.elements.some((e) => e.kind === 'photo') ? await photoJpegOf(file) : undefined;
    const printed = counts[certificate.certificateNo] ?? 0;
    const entry = byTemplate.get(template.id) ?? { template, inputs: [], nos: [] };
    entry.inputs.push(
      certificateInputOf(template, certificate, file, {
        holderName: holder,
        ...(printed > 0 ? { reprint: printed } : {}),
        ...(photo ? { photoJpeg: photo } : {}),
      }),
    );
    entry.nos.push(certificate.certificateNo);
    byTemplate.set(template.id, entry);
  }
  return [...byTemplate.values()];
}

/**
 * Builds the certificates' PDF (one per template) and delivers it; records the prints so the
 * next print of the same certificate is marked as a reprint.
 */
async function printCertificates(
  job: Job,
  certificates: readonly Certificate[],
  how: Delivery,
  mode: PrintMode,
  title: (template: CertificateTemplate, n: number) => string,
): Promise<{ ok: boolean; message?: string }> {
  const signing = await loadSigning(db);
  if (!signing) return { ok: false, message: 'signing' };
  const printer = await loadPrinterProfile(db);
  let all = true;
  for (const { template, inputs, nos } of await certificateJobs(certificates, await loadPrintCounts(db))) {
    const outcome = await job.run({ kind: 'certificates', templateId: template.id, certificates: inputs, signing, mode, printer }, title(template, inputs.length), how);
    if (outcome.ok) await countPrints(db, nos);
    else all = false;
  }
  return { ok: all };
}

/** Pages shown in a preview (a preview is for checking the layout, not for the whole batch). */
const PREVIEW_PAGES = 10;

/**
 * The preview: the first certificates of the selection with the template's background, even
 * when printing values only onto pre-printed stock, at the printer profile's positions. Nothing
 * is counted as printed.
 */
function PreviewButton({ job, certificates }: { job: Job; certificates: readonly Certificate[] }) {
  const t = useT();
  const rule = useRuleText();
  const { message } = App.useApp();
  const [url, setUrl] = useState<string | null>(null);
  async function preview() {
    const signing = await loadSigning(db);
    if (!signing) return void message.error(await noSigningMessage(t));
    const [first] = await certificateJobs(certificates.slice(0, PREVIEW_PAGES), await loadPrintCounts(db));
    if (!first) return;
    const built = await job.build(
      { kind: 'certificates', templateId: first.template.id, certificates: first.inputs, signing, mode: 'full', printer: await loadPrinterProfile(db) },
      t('documents.certificates.preview'),
    );
    if (!built.ok) return void message.error(rule(built.error.message));
    setUrl(URL.createObjectURL(new Blob([built.value as Uint8Array<ArrayBuffer>], { type: 'application/pdf' })));
  }
  function close() {
    if (url) URL.revokeObjectURL(url);
    setUrl(null);
  }
  return (
    <>
      <Button disabled={certificates.length === 0 || job.busy} onClick={() => void preview()} data-testid="certificates-preview">
        {t('documents.certificates.preview')}
      </Button>
      <Modal open={url !== null} onCancel={close} footer={null} width={1000} title={t('documents.certificates.previewTitle', { count: Math.min(PREVIEW_PAGES, certificates.length) })} destroyOnHidden>
        {url && <iframe src={url} title={t('documents.certificates.preview')} style={{ width: '100%', height: '70vh', border: 0 }} />}
      </Modal>
    </>
  );
}

function IssueTab({ job }: { job: Job }) {
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const { message } = App.useApp();
  const data = useLiveQuery(async () => {
    const [applications, certificates, people, organisations] = await Promise.all([
      db.applications.toArray(),
      db.certificates.toArray(),
      db.people.toArray(),
      db.organisations.toArray(),
    ]);
    return { applications, certificates, names: new Map([...people, ...organisations].map((r) => [r.id, r.name])) };
  }, []);
  const ready = useMemo(() => (data ? readyToIssue(data.applications, data.certificates) : []), [data]);
  const [selected, setSelected] = useState<string[]>([]);
  const [mode, setMode] = useState<PrintMode>('full');
  const [issuedOn, setIssuedOn] = useState(todayIso());
  const [validUntil, setValidUntil] = useState('');
  const [working, setWorking] = useState(false);
  const needsUntil = ready.some((r) => selected.includes(r.application.id) && r.template.validity === null);

  const nameOf = (a: Application) =>
    (a.personId && data?.names.get(a.personId)) || (a.organisationId && data?.names.get(a.organisationId)) || String(a.fields['name'] ?? a.fields['organisationName'] ?? a.fields['enterpriseName'] ?? '');

  async function issue(how: Delivery) {
    const day = parseDateInput(issuedOn);
    if (!day.ok) return void message.error(`${t('documents.certificates.issuedOn')}：${rule(day.error.message)}`);
    let until: IsoDate | undefined;
    if (needsUntil) {
      const parsed = parseDateInput(validUntil);
      if (!parsed.ok) return void message.error(`${t('documents.certificates.validUntil')}：${rule(parsed.error.message)}`);
      until = parsed.value;
    }
    if (!(await loadSigning(db))) return void message.error(await noSigningMessage(t));
    setWorking(true);
    try {
      const ctx = await writeContext(t('documents.certificates.issueReason'));
      const device = await deviceId();
      const made: Certificate[] = [];
      const chosen = ready.filter((x) => selected.includes(x.application.id));
      // Enrolled desks: numbers come only from blocks the server reserved; top up first while
      // online (a Dexie transaction cannot wait for the network). Offline, the blocks on hand serve.
      const year = Number(day.value.slice(0, 4));
      const needs = new Map<string, { series: { prefix: string; year: number }; count: number }>();
      for (const r of chosen) {
        const need = needs.get(r.template.numberPrefix) ?? { series: { prefix: r.template.numberPrefix, year }, count: 0 };
        needs.set(r.template.numberPrefix, { ...need, count: need.count + 1 });
      }
      const topped = await topUpNumbersNow([...needs.values()]);
      if (topped.failure instanceof SyncError && topped.failure.code !== 'network') {
        void message.warning(t('documents.certificates.numbersServerFailed', { message: topped.failure.message }));
      }
      // One transaction for the batch: the list re-reads once, not once per certificate.
      await db.transaction('rw', issueTables(), async () => {
        for (const r of chosen) {
          try {
            const created = await issueCertificate(r.application, r.template, {
              issuedOn: day.value,
              ...(r.template.validity === null && until ? { validUntil: until } : {}),
              deviceId: device,
              ctx,
            });
            if (!created.ok) {
              void message.error(`${r.application.applicationNo}：${rule(created.error.message)}`);
              continue;
            }
            made.push(created.value);
          } catch (error) {
            if (error instanceof ValidationError) void message.error(`${r.application.applicationNo}：${errorText(error)}`);
            else throw error;
          }
        }
      });
      setSelected([]);
      if (made.length === 0) return;
      void message.success(t('documents.certificates.issued', { count: made.length }));
      // Each issued application leaves 待发证 (the workflow's 发证 step), as this user.
      const role = currentUser()?.role;
      for (const certificate of made) {
        const r = chosen.find((c) => c.application.id === certificate.applicationId);
        if (r === undefined || role === undefined) continue;
        try {
          await fireIssuedTransition(r.application, role, day.value);
        } catch (error) {
          void message.warning(`${r.application.applicationNo}：${errorText(error)}`);
        }
      }
      await printCertificates(job, made, how, mode, (template, n) => t('documents.certificates.batchTitle', { title: template.title.replace(/[《》]/g, ''), count: n }));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setWorking(false);
    }
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Form layout="inline">
          <Form.Item label={t('documents.certificates.issuedOn')} htmlFor="cert-issued-on">
            <Input id="cert-issued-on" value={issuedOn} onChange={(e) => setIssuedOn(e.target.value)} style={{ width: 160 }} />
          </Form.Item>
          {needsUntil && (
            <Form.Item label={t('documents.certificates.validUntil')} htmlFor="cert-valid-until" extra={t('documents.certificates.validUntilHint')}>
              <Input id="cert-valid-until" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} style={{ width: 160 }} />
            </Form.Item>
          )}
          <Form.Item>
            <PrintOptions mode={mode} onMode={setMode} />
          </Form.Item>
        </Form>
      </Card>
      <NumbersLine />
      <Space>
        <Button type="primary" disabled={selected.length === 0 || working || job.busy} onClick={() => void issue('print')} data-testid="issue-print">
          {t('documents.certificates.issuePrint', { count: selected.length })}
        </Button>
        <Button disabled={selected.length === 0 || working || job.busy} onClick={() => void issue('save')} data-testid="issue-save">
          {t('documents.certificates.issueSave')}
        </Button>
      </Space>
      <Table
        size="small"
        rowKey={(r) => r.application.id}
        loading={data === undefined}
        dataSource={ready}
        pagination={BATCH_PAGINATION}
        rowSelection={batchSelection(selected, setSelected)}
        locale={{ emptyText: t('documents.certificates.noneReady') }}
        columns={[
          { title: t('documents.certificates.applicationNo'), render: (_, r) => <Link to={`/applications/${r.application.id}`}>{r.application.applicationNo}</Link> },
          { title: t('documents.certificates.holder'), render: (_, r) => nameOf(r.application) },
          { title: t('documents.certificates.program'), render: (_, r) => r.pack.names[langOf(locale)] },
          { title: t('documents.certificates.template'), render: (_, r) => r.template.title },
          { title: t('documents.certificates.validity'), render: (_, r) => (r.template.validity ? t('documents.certificates.years', { years: r.template.validity.years }) : t('documents.certificates.validityManual')) },
        ]}
      />
    </Space>
  );
}

/** What this desk can still number offline, or that it numbers on its own (not enrolled). */
function NumbersLine() {
  const t = useT();
  // deviceId() may write (first use), which a live query must not: read it once, outside.
  const [device, setDevice] = useState<string>();
  useEffect(() => {
    void deviceId().then(setDevice);
  }, []);
  const data = useLiveQuery(async () => {
    if (device === undefined) return undefined;
    const [left, failure] = await Promise.all([numbersLeft(db, device), db.settings.get(DOCUMENTS_SYNC_ERROR_KEY)]);
    return { ...left, failure: failure?.value as SyncFailure | undefined };
  }, [device]);
  if (data === undefined) return null;
  if (!data.enrolled) {
    return (
      <Typography.Text type="secondary" data-testid="numbers-line">
        {t('documents.certificates.numbersLocal')}
      </Typography.Text>
    );
  }
  const items = Object.entries(data.left)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([series, count]) => t('documents.certificates.numbersLeftItem', { series, count }));
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text type="secondary" data-testid="numbers-line">
        {items.length > 0 ? t('documents.certificates.numbersLeft', { list: items.join('，') }) : t('documents.certificates.numbersNone')}
      </Typography.Text>
      {data.failure && (
        <Typography.Text type="warning" data-testid="numbers-failure">
          {t('documents.certificates.numbersSyncFailed', { message: data.failure.message })}
        </Typography.Text>
      )}
    </Space>
  );
}

function IssuedTab({ job }: { job: Job }) {
  const t = useT();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const { message } = App.useApp();
  const today = todayIso();
  const data = useLiveQuery(async () => {
    const [rows, counts] = await Promise.all([loadIssued(today), loadPrintCounts(db)]);
    return { rows, counts };
  }, [today]);
  const [selected, setSelected] = useState<string[]>([]);
  const [mode, setMode] = useState<PrintMode>('full');
  const [filter, setFilter] = useState('');
  const [asking, setAsking] = useState<Delivery | null>(null);
  const [reason, setReason] = useState('');
  const rows = (data?.rows ?? []).filter((r) => {
    const q = filter.trim();
    return q === '' || r.certificate.certificateNo.includes(q) || r.holderName.includes(q);
  });
  const chosen = (data?.rows ?? []).filter((r) => selected.includes(r.certificate.id)).map((r) => r.certificate);

  async function reprint(how: Delivery) {
    // A certificate printed before is a reprint (补打): it needs its reason, recorded in its history.
    const again = chosen.filter((c) => (data?.counts[c.certificateNo] ?? 0) > 0);
    if (again.length > 0) {
      if (reason.trim() === '') return void message.error(t('lifecycle.reprint.reasonRequired'));
      try {
        await recordReprints(
          again.map((c) => c.id),
          { on: today, reason },
        );
      } catch (error) {
        return void message.error(errorText(error));
      }
    }
    setAsking(null);
    setReason('');
    const done = await printCertificates(job, chosen, how, mode, (template, n) => t('documents.certificates.reprintTitle', { title: template.title.replace(/[《》]/g, ''), count: n }));
    if (done.message === 'signing') void message.error(await noSigningMessage(t));
  }

  function start(how: Delivery) {
    if (chosen.some((c) => (data?.counts[c.certificateNo] ?? 0) > 0)) setAsking(how);
    else void reprint(how);
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search placeholder={t('documents.certificates.search')} aria-label={t('documents.certificates.search')} allowClear onChange={(e) => setFilter(e.target.value)} style={{ width: 260 }} />
        <PrintOptions mode={mode} onMode={setMode} />
        <Button type="primary" disabled={selected.length === 0 || job.busy} onClick={() => start('print')} data-testid="reprint-print">
          {t('documents.certificates.printSelected', { count: selected.length })}
        </Button>
        <Button disabled={selected.length === 0 || job.busy} onClick={() => start('save')} data-testid="reprint-save">
          {t('documents.certificates.saveSelected')}
        </Button>
        <PreviewButton job={job} certificates={chosen} />
      </Space>
      <Table
        size="small"
        rowKey={(r) => r.certificate.id}
        loading={data === undefined}
        dataSource={rows}
        pagination={BATCH_PAGINATION}
        rowSelection={batchSelection(selected, setSelected)}
        locale={{ emptyText: t('documents.certificates.noneIssued') }}
        columns={[
          ...certificateColumns<IssuedRow>(t, langOf(locale)),
          { title: t('documents.certificates.issuedOn'), render: (_, r) => formatIsoDate(r.certificate.issuedOn, locale) },
          { title: t('documents.certificates.validUntil'), render: (_, r) => (r.certificate.validUntil ? formatIsoDate(r.certificate.validUntil, locale) : '—') },
          { title: t('documents.certificates.status'), render: (_, r) => <StatusTag code={r.status.code} /> },
          { title: t('documents.certificates.prints'), render: (_, r) => data?.counts[r.certificate.certificateNo] ?? 0 },
          { title: t('lifecycle.actions.title'), render: (_, r) => <RowActions row={r} today={today} /> },
        ]}
      />
      <Modal
        open={asking !== null}
        title={t('lifecycle.reprint.title')}
        onCancel={() => setAsking(null)}
        onOk={() => asking && void reprint(asking)}
        okText={t('lifecycle.reprint.confirm')}
        okButtonProps={{ 'data-testid': 'reprint-confirm' }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('lifecycle.reprint.help')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('lifecycle.reprint.reason')} htmlFor="reprint-reason" required>
            <Input id="reprint-reason" value={reason} placeholder={t('lifecycle.reprint.placeholder')} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/**
 * A row's actions (shared/lifecycle certificateActions, those allowed today): each opens the
 * certificate's page with the start dialog of that action, so the facts are checked there.
 */
function RowActions({ row, today }: { row: IssuedRow; today: IsoDate }) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const navigate = useNavigate();
  const pack = getPack(row.certificate.programId);
  const actions = pack ? certificateActions(pack, row.certificate, row.status, today, getPack).filter((a) => a.allowed) : [];
  if (actions.length === 0) return null;
  const lang = langOf(locale);
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: actions.map((a) => ({ key: `${a.programId}/${a.kind}`, label: a.programId === row.certificate.programId ? a.names[lang] : `${getPack(a.programId)?.names[lang] ?? a.programId} · ${a.names[lang]}` })),
        onClick: ({ key }) => void navigate(`/certificates/${row.certificate.id}?start=${encodeURIComponent(key)}`),
      }}
    >
      <Button size="small" data-testid={`row-actions-${row.certificate.certificateNo}`}>
        {t('lifecycle.actions.start')}
      </Button>
    </Dropdown>
  );
}

function PrinterTab({ job }: { job: Job }) {
  const t = useT();
  const rule = useRuleText();
  const { message } = App.useApp();
  const stored = useLiveQuery(() => loadPrinterProfile(db), []);
  const [templateId, setTemplateId] = useState(CERTIFICATE_TEMPLATES[0]?.id ?? '');
  const [form] = Form.useForm<PrinterProfile>();
  const [measure] = Form.useForm<{ ax: number; ay: number; bx: number; by: number }>();

  async function save(values: PrinterProfile) {
    const saved = await savePrinterProfile(db, { offsetXmm: Number(values.offsetXmm), offsetYmm: Number(values.offsetYmm), scale: Number(values.scale) });
    if (saved.ok) void message.success(t('documents.printer.saved'));
    else void message.error(rule(saved.error.message));
  }

  async function calibrate(values: { ax: number; ay: number; bx: number; by: number }) {
    const current = stored ?? IDENTITY_PROFILE;
    const template = certificateTemplate(templateId);
    if (!template) return;
    const marks = calibrationMarks(template.page);
    const [a, b] = [marks[0], marks[1]];
    if (!a || !b) return;
    const next = calibrateProfile(current, { expected: a, measured: { xMm: values.ax, yMm: values.ay } }, { expected: b, measured: { xMm: values.bx, yMm: values.by } });
    if (!next.ok) return void message.error(rule(next.error.message));
    form.setFieldsValue(next.value);
    await save(next.value);
  }

  async function printCalibration() {
    await job.run({ kind: 'calibration', templateId, printer: stored ?? IDENTITY_PROFILE }, t('documents.printer.calibrationTitle'), 'print');
  }

  if (stored === undefined) return null;
  const template = certificateTemplate(templateId);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }}>
      <Typography.Paragraph type="secondary">{t('documents.printer.help')}</Typography.Paragraph>
      <Card size="small" title={t('documents.printer.profile')}>
        <Form form={form} layout="inline" initialValues={stored} onFinish={(v) => void save(v)}>
          <Form.Item name="offsetXmm" label={t('documents.printer.offsetX')} rules={[{ required: true, message: t('documents.printer.number') }]}>
            <InputNumber step={0.1} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="offsetYmm" label={t('documents.printer.offsetY')} rules={[{ required: true, message: t('documents.printer.number') }]}>
            <InputNumber step={0.1} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="scale" label={t('documents.printer.scale')} rules={[{ required: true, message: t('documents.printer.number') }]}>
            <InputNumber step={0.001} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit" type="primary">
              {t('documents.save')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card size="small" title={t('documents.printer.calibration')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <label htmlFor="calibration-template">{t('documents.printer.stock')}</label>
            <Select id="calibration-template" value={templateId} onChange={setTemplateId} style={{ width: 320 }} options={CERTIFICATE_TEMPLATES.map((x) => ({ value: x.id, label: x.title }))} />
            <Button onClick={() => void printCalibration()} disabled={job.busy} data-testid="print-calibration">
              {t('documents.printer.printCalibration')}
            </Button>
          </Space>
          {template && (
            <Descriptions size="small" column={1} items={[{ key: 'marks', label: t('documents.printer.marks'), children: t('documents.printer.marksText') }]} />
          )}
          <Form form={measure} layout="inline" onFinish={(v) => void calibrate(v)}>
            {(['ax', 'ay', 'bx', 'by'] as const).map((k) => (
              <Form.Item key={k} name={k} label={t(`documents.printer.measure.${k}`)} rules={[{ required: true, message: t('documents.printer.number') }]}>
                <InputNumber step={0.1} style={{ width: 90 }} />
              </Form.Item>
            ))}
            <Form.Item>
              <Button htmlType="submit">{t('documents.printer.compute')}</Button>
            </Form.Item>
          </Form>
        </Space>
      </Card>
    </Space>
  );
}

/**
 * 签名与单位 (administrators only, `signingKey.view`): the office name, the verification host and
 * the signing key's state — where it comes from and its public fingerprint, never the private
 * key. The key box starts empty and is write-only: a key pasted there replaces the current one
 * on 保存, left empty it keeps it. 在本机生成新密钥 makes and stores a key at once and shows only
 * its public half, to publish on the verification server.
 */
function SigningTab() {
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const { message, modal } = App.useApp();
  const status = useLiveQuery(() => signingKeyStatus(db), []);
  const [form] = Form.useForm<SigningValues>();
  const [publicKey, setPublicKey] = useState('');
  const [busy, setBusy] = useState(false);

  async function save(values: SigningValues) {
    if (!status) return;
    setBusy(true);
    try {
      // An enrolled desk signs with the office key from the server; only the host and name are its own.
      const typed = status.source === 'local' ? (values.privateKeyPkcs8 ?? '').replace(/\s+/g, '') : '';
      if (typed !== '') {
        const key = await checkSigningKey(typed);
        if (!key.ok) return void form.setFields([{ name: 'privateKeyPkcs8', errors: [rule(key.error.message)] }]);
      }
      await saveSigning(db, { verifyHost: values.verifyHost.trim(), privateKeyPkcs8: typed });
      await saveOfficeName(db, values.office ?? '');
      form.setFieldValue('privateKeyPkcs8', '');
      void message.success(t('documents.signing.saved'));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  async function generate() {
    if (!status) return;
    const { verifyHost } = await form.validateFields(['verifyHost']).catch(() => ({ verifyHost: undefined }));
    if (verifyHost === undefined) return;
    const run = async () => {
      setBusy(true);
      try {
        const made = await generateAndSaveSigningKey(db, verifyHost.trim());
        form.setFieldValue('privateKeyPkcs8', '');
        setPublicKey(made.publicKeySpki);
      } catch (error) {
        void message.error(errorText(error));
      } finally {
        setBusy(false);
      }
    };
    // Certificates already printed keep verifying only while the old public key stays published.
    if (status.hasKey) {
      modal.confirm({
        title: t('documents.signing.replaceTitle'),
        content: t('documents.signing.replaceBody'),
        okText: t('documents.signing.replace'),
        okButtonProps: { danger: true },
        cancelText: t('documents.signing.keep'),
        autoFocusButton: 'cancel',
        onOk: run,
      });
    } else await run();
  }

  if (status === undefined) return null;
  const local = status.source === 'local';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }}>
      <Typography.Paragraph type="secondary">{t('documents.signing.help')}</Typography.Paragraph>
      {status.source === 'server' && status.officeKey && (
        <Alert
          type="success"
          showIcon
          data-testid="signing-source"
          title={t('documents.signing.serverKey')}
          description={t('documents.signing.serverKeyDetail', { keyId: status.officeKey.keyId, at: formatIsoDate(todayIso(new Date(status.officeKey.fetchedAt)), locale) })}
        />
      )}
      {status.source === 'server-missing' && (
        <Alert type="warning" showIcon data-testid="signing-source" title={t('documents.signing.serverKeyMissing')} description={t('documents.signing.serverKeyMissingDetail')} />
      )}
      {local && <Alert type="info" showIcon data-testid="signing-source" title={t('documents.signing.localOnly')} description={t('documents.signing.localOnlyDetail')} />}
      <Descriptions column={1} size="small" bordered data-testid="signing-status">
        <Descriptions.Item label={t('documents.signing.state')}>
          {status.hasKey ? <Tag color="green">{t('documents.signing.hasKey')}</Tag> : <Tag color="orange">{t('documents.signing.noKey')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('documents.signing.fingerprint')}>
          <Typography.Text code data-testid="signing-fingerprint">
            {status.fingerprint ?? '—'}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Form<SigningValues>
        form={form}
        layout="vertical"
        initialValues={{ verifyHost: status.verifyHost, privateKeyPkcs8: '', office: status.office }}
        onFinish={(v) => void save(v)}
        disabled={busy}
      >
        <Form.Item name="office" label={t('documents.signing.office')} extra={t('documents.signing.officeHint')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="verifyHost"
          label={t('documents.signing.host')}
          extra={t('documents.signing.hostHint')}
          rules={[{ required: true, pattern: /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/i, message: t('documents.signing.hostInvalid') }]}
        >
          <Input placeholder="verify.example.org.cn" />
        </Form.Item>
        {local && (
          <Form.Item name="privateKeyPkcs8" label={t('documents.signing.key')} extra={t(status.hasKey ? 'documents.signing.keyKeep' : 'documents.signing.keyNone')}>
            {/* Write-only: the stored key is never put back into the page. */}
            <Input.TextArea rows={3} style={{ fontFamily: 'monospace' }} autoComplete="off" spellCheck={false} data-testid="signing-key" />
          </Form.Item>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="signing-save">
            {t('documents.save')}
          </Button>
          {local && (
            <Button onClick={() => void generate()} disabled={busy} data-testid="signing-generate">
              {t('documents.signing.generate')}
            </Button>
          )}
        </Space>
      </Form>
      {publicKey && local && (
        <Card size="small" title={t('documents.signing.publicKey')}>
          <Typography.Paragraph copyable style={{ fontFamily: 'monospace', wordBreak: 'break-all' }} data-testid="signing-public-key">
            {publicKey}
          </Typography.Paragraph>
        </Card>
      )}
    </Space>
  );
}

interface SigningValues {
  verifyHost: string;
  privateKeyPkcs8?: string;
  office: string;
}
