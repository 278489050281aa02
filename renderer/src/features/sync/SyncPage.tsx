/**
 * 同步: what is waiting, when the last sync succeeded, what went wrong and what to do (a clock set
 * wrong included: it retries by itself once the clock is right), progress of a long sync,
 * 立即同步; what happened after the clock was set right (work stamped again); changes the server
 * refused for good, set aside with what to do; the same person or organisation registered on two
 * desks, to merge; conflicts side by side with a button to keep one; and the offline transfer by
 * batch file (export the outbox, import another desk's file).
 */
import { Alert, App as AntApp, Button, Card, Col, Descriptions, Empty, Flex, Progress, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState, type ChangeEvent } from 'react';
import { useNavigate } from 'react-router';
import type { SyncedTable } from '../../../../shared/model/records';
import type { FieldVersion } from '../../../../shared/sync/merge';
import { db, deviceId, repositories } from '../../db';
import type { Repository } from '../../db/repository';
import { useT, type MessageKey, useErrorText, useRuleText } from '../../i18n';
import { messages } from '../../i18n/messages';
import { formatIsoDate } from '../../i18n/format';
import { bridge } from '../../platform/bridge';
import { writeContext } from '../../session';
import { useUi } from '../../stores/ui';
import { dismissRestampNotice, duplicates, mergeDuplicatesNow, quarantined, restampNotice, retryQuarantinedNow, saveQuarantineFile, syncNow, useSyncStatus } from '../../sync';
import type { QuarantineItem } from '../../sync/quarantine';
import type { DuplicateGroup } from '../../sync/duplicates';
import { useAllowed } from '../../auth/access';
import { batchFileBytes, batchFileName, BatchFileRefused, exportOutbox, importBatchFile, MAX_BATCH_FILE_BYTES, parseBatchFile } from '../../sync/batch-file';
import { listConflicts, type ConflictItem } from '../../sync/conflicts';
import type { SyncPhase } from '../../sync/engine';
import { formatDateTime, formatTime, hlcMillis } from '../../sync/format';
import { PULL_PAGE_SIZE } from '../../sync/pull';
import type { SyncProgress } from '../../sync/run';
import { DEVICE_ID_KEY } from '../../db/keys';
import { DOCUMENTS_SYNC_ERROR_KEY } from '../../sync/numbers';
import { SYNC_KEYS, type SyncConnection, type SyncFailure } from '../../sync/settings';

type T = ReturnType<typeof useT>;

/** Written with every change; naming them tells the clerk nothing about which record to correct. */
const BOOKKEEPING_FIELDS: ReadonlySet<string> = new Set(['createdAt', 'createdBy', 'updatedAt', 'updatedBy']);

const hasKey = (key: string): key is MessageKey => Object.hasOwn(messages['zh-CN'], key);

/**
 * A refusal's detail as the clerk reads it: each problem's field by its name on the form and the
 * message in the clerk's language; the wire's paths (operations.0.fields.name) and JSON never.
 */
function readableDetail(t: T, rule: (message: string) => string, table: SyncedTable, detail: string): string {
  let problems: { path: string; message: string }[];
  try {
    const parsed = JSON.parse(detail) as unknown;
    problems = Array.isArray(parsed)
      ? parsed.map((p: { path?: unknown; message?: unknown }) => ({ path: String(p?.path ?? ''), message: String(p?.message ?? '') }))
      : [{ path: '', message: detail }];
  } catch {
    const m = /^([\w.]+): (.*)$/s.exec(detail);
    problems = [m === null ? { path: '', message: detail } : { path: m[1]!, message: m[2]! }];
  }
  return problems
    .map(({ path, message }) => {
      const field = /(?:^|\.)fields\.([A-Za-z][\w.]*)$/.exec(path)?.[1];
      return field === undefined ? rule(message) : `${fieldLabel(t, table, field)}${t('sync.quarantine.fieldSeparator')}${rule(message)}`;
    })
    .join(t('sync.quarantine.separator'));
}

function fieldLabel(t: T, table: SyncedTable, field: string): string {
  for (const key of [`sync.field.${table}.${field}`, `sync.field.${field}`]) if (hasKey(key)) return t(key);
  // Never the field's internal name.
  return t('sync.field.other');
}


const PHASE_COLOR: Record<SyncPhase, string> = {
  unenrolled: 'default',
  idle: 'success',
  syncing: 'processing',
  waiting: 'warning',
  blocked: 'error',
  offline: 'default',
};

function ProgressLine({ progress }: { progress: SyncProgress | null }) {
  const t = useT();
  let percent: number;
  let text: string;
  if (progress === null) {
    percent = 0;
    text = t('sync.progress.start');
  } else if (progress.phase === 'push') {
    percent = progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 100;
    text = t('sync.progress.push', { done: progress.done, total: progress.total });
  } else if (progress.phase === 'pull' && progress.pages === 0) {
    percent = 0;
    text = t('sync.progress.pullStart');
  } else if (progress.phase === 'pull') {
    // The server does not say how much is left, only whether more follows: at least one page.
    percent = progress.more ? Math.floor((progress.received / (progress.received + PULL_PAGE_SIZE)) * 100) : 100;
    text = t(progress.more ? 'sync.progress.pullMore' : 'sync.progress.pull', { count: progress.received });
  } else {
    percent = 100;
    text = t('sync.progress.blobs');
  }
  return (
    <div data-testid="sync-progress">
      <Progress percent={percent} status="active" />
      <Typography.Text type="secondary">{text}</Typography.Text>
    </div>
  );
}

function FailureAlert({ failure, phase, nextRetryAt }: { failure: SyncFailure; phase: SyncPhase; nextRetryAt: number | null }) {
  const t = useT();
  const rule = useRuleText();
  const locale = useUi((s) => s.locale);
  const next =
    phase === 'blocked' || !failure.retry
      ? t('sync.error.blocked')
      : nextRetryAt !== null
        ? t('sync.error.retryAt', { time: formatTime(nextRetryAt) })
        : t('sync.error.offline');
  return (
    <Alert
      type={failure.retry ? 'warning' : 'error'}
      showIcon
      title={t('sync.error.title')}
      data-testid="sync-error"
      description={
        <Space orientation="vertical" size={4}>
          <Typography.Text strong>{rule(failure.message)}</Typography.Text>
          <Typography.Text>{next}</Typography.Text>
          {/* The closed code is for support (data-code), not for the clerk: the sentence above says what happened. */}
          <Typography.Text type="secondary" data-code={failure.code}>
            {t('sync.error.at', { time: formatDateTime(failure.at, locale) })}
          </Typography.Text>
        </Space>
      }
    />
  );
}

function VersionBox({ item, version, index, ownDevice, onKeep, busy }: { item: ConflictItem; version: FieldVersion; index: number; ownDevice: string | undefined; onKeep: () => void; busy: boolean }) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const millis = hlcMillis(version.hlc);
  const value = displayValue(t, locale, item.field, version.value);
  return (
    <Card
      size="small"
      style={{ flex: '1 1 260px', maxWidth: 420 }}
      styles={{ body: { display: 'grid', gap: 8 } }}
      data-testid="conflict-version"
      title={index === 0 ? <Tag color="blue">{t('sync.conflict.shown')}</Tag> : <Tag>{t('sync.conflict.other')}</Tag>}
    >
      <Typography.Text style={{ fontSize: 18, wordBreak: 'break-all' }} data-testid="conflict-value">
        {value}
      </Typography.Text>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('sync.conflict.device')}>
          {version.device === ownDevice ? t('sync.conflict.thisDevice') : t('sync.conflict.otherDevice', { id: version.device.slice(-6) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.conflict.time')}>{millis === undefined ? '—' : formatDateTime(millis, locale)}</Descriptions.Item>
      </Descriptions>
      <Button onClick={onKeep} loading={busy} aria-label={`${t('sync.conflict.keep')}：${value}`}>
        {t('sync.conflict.keep')}
      </Button>
    </Card>
  );
}

function displayValue(t: T, locale: 'zh-CN' | 'en', field: string, value: FieldVersion['value']): string {
  if (value === null || value === '') return t('sync.conflict.empty');
  if (field === 'sex' && (value === 'male' || value === 'female')) return t(`intake.sex.${value}`);
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatIsoDate(value, locale) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const json = JSON.stringify(value);
  return json.length > 300 ? `${json.slice(0, 300)}…` : json;
}

function Conflicts({ ownDevice }: { ownDevice: string | undefined }) {
  const t = useT();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const { message } = AntApp.useApp();
  const items = useLiveQuery(() => listConflicts(db), [], [] as ConflictItem[]);
  const [busy, setBusy] = useState<string | null>(null);

  const keep = async (item: ConflictItem, version: FieldVersion) => {
    setBusy(`${item.key}/${version.hlc}`);
    try {
      const repository = repositories[item.table] as unknown as Repository<SyncedTable>;
      await repository.resolveConflict(item.recordId, item.field as never, (version.value ?? undefined) as never, await writeContext());
      void message.success(t('sync.conflict.kept', { value: displayValue(t, locale, item.field, version.value) }));
    } catch (error) {
      void message.error(t('error.unexpected', { message: errorText(error) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={t('sync.conflicts')} extra={items.length > 0 ? <Tag color="red">{items.length}</Tag> : null} data-testid="conflicts">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sync.noConflicts')} />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('sync.conflictsHelp')}</Typography.Text>
          {items.map((item) => (
            <Card key={item.key} type="inner" size="small" data-testid="conflict" title={`${t(`sync.table.${item.table}`)} · ${item.recordLabel ?? t('sync.record.unnamed')}`}>
              <Typography.Paragraph strong>{t('sync.conflict.field', { field: item.fieldLabel ?? fieldLabel(t, item.table, item.field) })}</Typography.Paragraph>
              <Flex gap={16} wrap>
                {item.versions.map((version, i) => (
                  <VersionBox
                    key={version.hlc}
                    item={item}
                    version={version}
                    index={i}
                    ownDevice={ownDevice}
                    busy={busy === `${item.key}/${version.hlc}`}
                    onKeep={() => void keep(item, version)}
                  />
                ))}
              </Flex>
            </Card>
          ))}
        </Space>
      )}
    </Card>
  );
}

/**
 * 时间校正后重新标记: after the computer's clock was set back, the work stamped in the future was
 * stamped again and synced; the clerk reads what happened (nothing lost) and dismisses it.
 */
function RestampAlert() {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const notice = useLiveQuery(() => restampNotice(), [], null);
  if (notice === null) return null;
  const aheadDays = Math.max(1, Math.round(notice.notice.aheadMs / 86_400_000));
  return (
    <Alert
      type="info"
      showIcon
      data-testid="restamp-notice"
      title={t('sync.restamp.title')}
      description={locale === 'zh-CN' ? notice.message : t('sync.restamp.body', { count: notice.notice.count, days: aheadDays })}
      action={
        <Button size="small" onClick={() => void dismissRestampNotice()}>
          {t('sync.restamp.dismiss')}
        </Button>
      }
    />
  );
}

/**
 * 未能同步的修改: operations the server refused for good, set aside so the rest keeps syncing —
 * each with why and what to do; 重新发送 after an upgrade, or a file for the administrator.
 */
function Quarantine() {
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const { message } = AntApp.useApp();
  const items = useLiveQuery(() => quarantined(), [], [] as QuarantineItem[]);
  const mayResolve = useAllowed('sync.resolve');
  const [busy, setBusy] = useState(false);
  if (items.length === 0) return null;

  const retry = async (ids: readonly string[]) => {
    setBusy(true);
    try {
      const result = await retryQuarantinedNow(ids);
      if (result.stillRefused > 0) void message.warning(t('sync.quarantine.stillRefused', { requeued: result.requeued, refused: result.stillRefused }));
      else void message.success(t('sync.quarantine.requeued', { count: result.requeued }));
    } catch (error) {
      void message.error(t('error.unexpected', { message: errorText(error) }));
    } finally {
      setBusy(false);
    }
  };

  const saveFile = async () => {
    setBusy(true);
    try {
      const result = await saveQuarantineFile();
      if (result.status !== 'cancelled') void message.success(t('sync.quarantine.saved'));
    } catch (error) {
      void message.error(t('error.unexpected', { message: errorText(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={t('sync.quarantine.title')}
      extra={<Tag color="red">{items.length}</Tag>}
      data-testid="quarantine"
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('sync.quarantine.help')}</Typography.Text>
        {mayResolve && (
          <Space wrap>
            <Button onClick={() => void retry(items.map((i) => i.id))} loading={busy}>
              {t('sync.quarantine.retryAll')}
            </Button>
            <Button onClick={() => void saveFile()} disabled={busy}>
              {t('sync.quarantine.export')}
            </Button>
          </Space>
        )}
        {items.map((item) => (
          <Card key={item.id} type="inner" size="small" data-testid="quarantine-item" title={`${t(`sync.table.${item.table}`)} · ${item.recordLabel ?? t('sync.record.unnamed')}`}>
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Typography.Text strong>{locale === 'zh-CN' ? item.message : item.refusal.en}</Typography.Text>
              <Typography.Text>{locale === 'zh-CN' ? item.advice.zh : item.advice.en}</Typography.Text>
              {item.detail !== undefined && (
                <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
                  {t('sync.quarantine.detail', { detail: readableDetail(t, rule, item.table, item.detail) })}
                </Typography.Text>
              )}
              <Typography.Text type="secondary">
                {t('sync.quarantine.meta', {
                  fields: [...new Set(item.fields.filter((f) => !BOOKKEEPING_FIELDS.has(f)).map((f) => fieldLabel(t, item.table, f)))].join(
                    t('sync.quarantine.separator'),
                  ),
                  at: formatDateTime(item.quarantinedAt, locale),
                })}
              </Typography.Text>
              {mayResolve && (
                <Button size="small" onClick={() => void retry([item.id])} disabled={busy} style={{ alignSelf: 'flex-start' }}>
                  {t('sync.quarantine.retry')}
                </Button>
              )}
            </Space>
          </Card>
        ))}
      </Space>
    </Card>
  );
}

/**
 * 重复登记: the same 身份证号 (or credit code) registered on two desks offline is two records after
 * sync; each group is shown with what a merge keeps, and merged with one click (it syncs).
 */
function Duplicates() {
  const t = useT();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const { message, modal } = AntApp.useApp();
  const groups = useLiveQuery(() => duplicates(), [], [] as DuplicateGroup[]);
  const mayMerge = useAllowed('records.merge');
  const [busy, setBusy] = useState<string | null>(null);
  if (groups.length === 0) return null;

  const merge = (group: DuplicateGroup) =>
    modal.confirm({
      title: t('sync.duplicates.confirmTitle'),
      content: locale === 'zh-CN' ? group.message : t(`sync.duplicates.body.${group.table}`, { key: group.key, count: group.records.length }),
      okText: t('sync.duplicates.merge'),
      cancelText: t('sync.duplicates.cancel'),
      onOk: async () => {
        setBusy(`${group.table}/${group.key}`);
        try {
          const result = await mergeDuplicatesNow(group.table, group.key);
          const moved = Object.values(result.moved).reduce((a, b) => a + b, 0);
          void message.success(t('sync.duplicates.merged', { removed: result.removed.length, moved }));
        } catch (error) {
          void message.error(errorText(error));
        } finally {
          setBusy(null);
        }
      },
    });

  return (
    <Card title={t('sync.duplicates.title')} extra={<Tag color="orange">{groups.length}</Tag>} data-testid="duplicates">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('sync.duplicates.help')}</Typography.Text>
        {groups.map((group) => (
          <Card
            key={`${group.table}/${group.key}`}
            type="inner"
            size="small"
            data-testid="duplicate-group"
            title={t(`sync.duplicates.group.${group.table}`, { key: group.key })}
            extra={
              mayMerge && (
                <Button type="primary" size="small" loading={busy === `${group.table}/${group.key}`} onClick={() => merge(group)}>
                  {t('sync.duplicates.merge')}
                </Button>
              )
            }
          >
            <Typography.Paragraph>{locale === 'zh-CN' ? group.message : t(`sync.duplicates.body.${group.table}`, { key: group.key, count: group.records.length })}</Typography.Paragraph>
            <Descriptions column={1} size="small" bordered>
              {group.records.map((r) => (
                <Descriptions.Item key={r.id} label={r.id === group.keepId ? <Tag color="blue">{t('sync.duplicates.kept')}</Tag> : <Tag>{t('sync.duplicates.mergedInto')}</Tag>}>
                  {t('sync.duplicates.record', { name: r.name, at: formatDateTime(r.createdAt, locale), applications: r.applications, certificates: r.certificates })}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
        ))}
      </Space>
    </Card>
  );
}

function Transfer({ pending, connection }: { pending: number; connection: SyncConnection | undefined }) {
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const exportFile = async () => {
    setBusy(true);
    try {
      const device = await deviceId();
      const exported = await exportOutbox(db, device, connection?.officeId);
      if (exported === null) {
        void message.info(t('sync.exportNothing'));
        return;
      }
      const result = await bridge.saveFile({ suggestedName: batchFileName(connection?.officeCode, device), bytes: batchFileBytes(exported.file), filterName: 'JSON' });
      if (result.status === 'cancelled') return;
      if (exported.leftOut > 0) void message.warning(t('sync.exportedPartial', { count: exported.operations, left: exported.leftOut }));
      else void message.success(t('sync.exported', { count: exported.operations }));
    } catch (error) {
      void message.error(t('error.unexpected', { message: errorText(error) }));
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file === undefined) return;
    setBusy(true);
    try {
      if (file.size > MAX_BATCH_FILE_BYTES) {
        void message.error(t('sync.importTooLarge'));
        return;
      }
      const parsed = parseBatchFile(await file.text());
      if (!parsed.ok) {
        void message.error(rule(parsed.message));
        return;
      }
      const result = await importBatchFile(db, parsed.file, await deviceId(), connection?.officeId, Date.now());
      void message.success(t('sync.imported', { operations: result.operations, records: result.records }));
    } catch (error) {
      void message.error(error instanceof BatchFileRefused ? errorText(error) : t('error.unexpected', { message: errorText(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('sync.transfer')}>
      <Typography.Paragraph type="secondary">{t('sync.transferHelp')}</Typography.Paragraph>
      <Space wrap>
        <Button onClick={() => void exportFile()} disabled={pending === 0} loading={busy}>
          {t('sync.export')}
        </Button>
        <Button onClick={() => input.current?.click()} disabled={busy}>
          {t('sync.import')}
        </Button>
        <input ref={input} type="file" accept=".json,application/json" hidden onChange={(e) => void importFile(e)} data-testid="batch-file-input" />
      </Space>
    </Card>
  );
}

export function SyncPage() {
  const t = useT();
  const rule = useRuleText();
  const locale = useUi((s) => s.locale);
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const pending = useLiveQuery(() => db.outbox.count(), [], 0);
  const settings = useLiveQuery(
    async () => {
      const rows = await db.settings.bulkGet([SYNC_KEYS.connection, SYNC_KEYS.lastSuccessAt, SYNC_KEYS.lastError, DEVICE_ID_KEY, DOCUMENTS_SYNC_ERROR_KEY]);
      return {
        connection: rows[0]?.value as SyncConnection | undefined,
        lastSuccessAt: rows[1]?.value as string | undefined,
        lastError: rows[2]?.value as SyncFailure | undefined,
        deviceId: typeof rows[3]?.value === 'string' ? rows[3].value : undefined,
        // Certificate numbers and the office key are fetched after a sync; their failure does not fail it.
        documentsError: rows[4]?.value as SyncFailure | undefined,
      };
    },
    [],
    null,
  );
  const status = useSyncStatus();
  const connection = settings?.connection;
  const failure = status.failure ?? settings?.lastError ?? null;
  const phase: SyncPhase = settings !== null && connection === undefined ? 'unenrolled' : status.phase;
  const syncing = phase === 'syncing';
  // Enrolment is the administrator's (设置); a clerk is told to ask them.
  const maySetUp = useAllowed('settings.view');

  // What the last 立即同步 on this page did, kept on the page (the toast goes after a few seconds).
  const [lastPass, setLastPass] = useState<{ text: string; warning: boolean } | null>(null);

  const runNow = async () => {
    setLastPass(null);
    const result = await syncNow();
    if (result.ok !== true) return;
    // What the pass set aside, stamped again or found twice is on this page below; the toast points at it.
    const extra = [
      result.restamped > 0 ? t('sync.done.restamped', { count: result.restamped }) : '',
      result.quarantined > 0 ? t('sync.done.quarantined', { count: result.quarantined }) : '',
      result.duplicates > 0 ? t('sync.done.duplicates', { count: result.duplicates }) : '',
    ].filter((x) => x !== '');
    const done = t('sync.done', { pushed: result.pushed, pulled: result.pulled });
    const text = extra.length === 0 ? done : `${done}${t('sync.done.separator')}${extra.join(t('sync.done.separator'))}`;
    setLastPass({ text, warning: extra.length > 0 });
    if (extra.length === 0) void message.success(done);
    else void message.warning(text);
  };

  return (
    <div style={{ display: 'grid', gap: 24 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('sync.title')}
      </Typography.Title>
      {phase === 'unenrolled' && (
        <Alert
          type="info"
          showIcon
          title={t('sync.unenrolled')}
          description={t(maySetUp ? 'sync.unenrolledHelp' : 'sync.unenrolledAskAdmin')}
          action={maySetUp ? <Button onClick={() => navigate('/settings')}>{t('sync.goSettings')}</Button> : undefined}
        />
      )}
      <Card
        title={t('sync.status')}
        extra={
          <Button type="primary" onClick={() => void runNow()} loading={syncing} disabled={connection === undefined}>
            {t('sync.syncNow')}
          </Button>
        }
      >
        <Row gutter={[24, 16]}>
          <Col xs={24} md={8}>
            <Statistic title={t('sync.pending')} value={pending} data-testid="pending-count" />
          </Col>
          <Col xs={24} md={8}>
            <Statistic
              title={t('sync.lastSuccess')}
              value={settings?.lastSuccessAt === undefined ? t('sync.never') : formatDateTime(settings.lastSuccessAt, locale)}
              styles={{ content: { fontSize: 20 } }}
              data-testid="last-success"
            />
          </Col>
          <Col xs={24} md={8}>
            <Statistic title={t('sync.state')} valueRender={() => <Tag color={PHASE_COLOR[phase]} style={{ fontSize: 14, padding: '2px 10px' }}>{t(`sync.phase.${phase}`)}</Tag>} data-testid="sync-phase" />
          </Col>
          {lastPass !== null && (
            <Col xs={24}>
              <Typography.Text type={lastPass.warning ? 'warning' : 'success'} data-testid="last-pass">
                {lastPass.text}
              </Typography.Text>
            </Col>
          )}
        </Row>
        {syncing && (
          <div style={{ marginTop: 16 }}>
            <ProgressLine progress={status.progress} />
          </div>
        )}
        {failure !== null && !syncing && (
          <div style={{ marginTop: 16 }}>
            <FailureAlert failure={failure} phase={phase} nextRetryAt={status.nextRetryAt} />
          </div>
        )}
        {settings?.documentsError !== undefined && !syncing && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 16 }}
            title={t('documents.certificates.numbersSyncFailed', { message: rule(settings.documentsError.message) })}
            data-testid="documents-sync-failure"
          />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          {t('sync.pendingHelp')}
        </Typography.Paragraph>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          {connection !== undefined && (
            <>
              <Descriptions.Item label={t('sync.office')}>
                {t('sync.officeWithCode', { name: connection.officeName, code: connection.officeCode })}
              </Descriptions.Item>
              <Descriptions.Item label={t('sync.server')}>{connection.baseUrl}</Descriptions.Item>
              <Descriptions.Item label={t('sync.deviceName')}>{connection.deviceName}</Descriptions.Item>
            </>
          )}
          <Descriptions.Item label={t('sync.device')}>{settings?.deviceId ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <RestampAlert />
      <Quarantine />
      <Duplicates />
      <Conflicts ownDevice={settings?.deviceId} />
      <Transfer pending={pending} connection={connection} />
    </div>
  );
}
