/**
 * 导入名单: a spreadsheet an office received (a unit's 花名册, a certificate-holder list, a
 * register) read into the desk instead of typed again. The clerk chooses what the file holds
 * (the packs offer it) and the file; the Worker reads it with progress; the columns are matched
 * by their headers (editable, remembered per program and kind); every row is checked, errors
 * first, each naming its row and column; a row is fixed in place or left out; the clerk confirms
 * and everything is written in one transaction, or nothing. 导入记录 lists the imports, each
 * undone as a whole. A file already imported changes nothing the second time.
 */
import { Alert, App, Button, Card, Form, Input, Modal, Progress, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState, type HTMLAttributes } from 'react';
import {
  columnLetter,
  deskKeysOf,
  fixedRow,
  planImport,
  reviewRows,
  rowsAlreadyOnDesk,
  rowsByUrgency,
  savedMappingOf,
  type Cell,
  type ColumnMapping,
  type ImportSpec,
  type ProgressPhase,
  type ReadImportResult,
  type ReviewedRow,
} from '../../../../shared/import';
import type { ImportBatch } from '../../../../shared/model/records';
import { parseDateInput } from '../../../../shared/rules/civil-date';
import { db } from '../../db';
import { useT, useRuleText, useErrorText } from '../../i18n';
import { formatIsoDate } from '../../i18n/format';
import { useUi } from '../../stores/ui';
import { todayIso } from '../../today';
import { readInWorker } from './client';
import { commitImport, ImportError, rememberMapping, undoImport } from './commands';
import { applicationById, deskForFile, importTargets, savedMapping, specFor, tableTargets, type DeskForFile, type ImportTarget } from './queries';

type Filter = 'all' | 'errors' | 'warnings' | 'excluded';
const CHANNELS = ['unit', 'individual', 'counter', 'post', 'email', 'website'] as const;
type Channel = (typeof CHANNELS)[number];

interface Loaded {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Excel's 1900 date system: serial 25569 is 1970-01-01. */
function serialToIso(serial: number, date1904: boolean): string {
  const days = Math.floor(serial) + (date1904 ? 1462 : 0) - 25569;
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/** A cell as the clerk sees it, for the fix form and the mapping's sample. */
function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell.kind === 'date') return serialToIso(cell.serial, cell.date1904);
  if (cell.kind === 'shown') return cell.text;
  return '';
}


export function ImportPage() {
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const { message, modal } = App.useApp();
  const text = (l: { zh: string; en: string }) => (locale === 'en' ? l.en : l.zh);
  const targets = useMemo(() => importTargets(), []);
  const [targetKey, setTargetKey] = useState<string>();
  const target: ImportTarget | undefined = targets.find((x) => x.key === targetKey);
  const spec: ImportSpec | undefined = useMemo(() => (target ? specFor(target.programId, target.kind) : undefined), [target]);

  const [file, setFile] = useState<Loaded>();
  const [progress, setProgress] = useState<{ phase: ProgressPhase; done: number; total: number }>();
  const [fileError, setFileError] = useState<string>();
  const [read, setRead] = useState<ReadImportResult>();
  /** The file's worksheets and the one read (kept when a sheet chosen cannot be read). */
  const [sheets, setSheets] = useState<{ list: readonly { index: number; name: string }[]; index: number }>();
  const [excluded, setExcluded] = useState<readonly number[]>([]);
  const [fixes, setFixes] = useState<Record<number, Record<number, string>>>({});
  const [filter, setFilter] = useState<Filter>('all');
  const [fixing, setFixing] = useState<ReviewedRow>();
  const [fixDraft, setFixDraft] = useState<Record<number, string>>({});
  const [receivedText, setReceivedText] = useState(() => formatIsoDate(todayIso(), 'zh-CN'));
  const [channel, setChannel] = useState<Channel>('unit');
  /** For rows added to a table: the application whose table gets them. */
  const [tableTarget, setTableTarget] = useState<string>();
  const tableOptions = useLiveQuery(() => (spec === undefined ? [] : tableTargets(spec)), [spec]);
  const [planError, setPlanError] = useState<string>();
  const [writing, setWriting] = useState(false);
  const [written, setWritten] = useState<{ done: number; total: number }>();
  const [done, setDone] = useState<{ file: string; rows: number }>();
  const inputRef = useRef<HTMLInputElement>(null);
  const today = todayIso();

  // Leaving while the records are written: the browser asks first (were it closed, nothing is kept).
  useEffect(() => {
    if (!writing) return undefined;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    addEventListener('beforeunload', ask);
    return () => removeEventListener('beforeunload', ask);
  }, [writing]);

  const batches = useLiveQuery(async () => (await db.importBatches.toArray()).filter((b) => b.deleted !== true).sort((a, b) => b.createdAt.localeCompare(a.createdAt)), []);

  function resetFile() {
    setRead(undefined);
    setExcluded([]);
    setFixes({});
    setFilter('all');
    setPlanError(undefined);
    setFileError(undefined);
  }

  async function readFile(loaded: Loaded, s: ImportSpec, options: { sheet?: number; mapping?: ColumnMapping } = {}) {
    if (target === undefined) return;
    setProgress({ phase: 'reading', done: 0, total: 1 });
    setPlanError(undefined);
    setFileError(undefined);
    const saved = await savedMapping(target.programId, target.kind);
    const result = await readInWorker(
      {
        bytes: loaded.bytes,
        programId: target.programId,
        kind: target.kind,
        today,
        ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
        ...(options.mapping !== undefined ? { mapping: options.mapping } : {}),
        ...(saved !== undefined ? { saved } : {}),
      },
      (phase, d, total) => setProgress({ phase, done: d, total }),
    );
    setProgress(undefined);
    if (!result.ok) {
      if (result.error.code === 'import.cancelled') return;
      resetFile();
      setFileError(rule(result.error.message));
      // Another sheet of the same file: the chooser stays, so the clerk can pick another.
      const chosen = options.sheet;
      if (chosen !== undefined) setSheets((list) => (list === undefined ? list : { ...list, index: chosen }));
      else setSheets(undefined);
      return;
    }
    setRead(result.value);
    setSheets({ list: result.value.sheets.filter((x) => x.isWorksheet).map((x) => ({ index: x.index, name: x.name })), index: result.value.sheetIndex });
    setExcluded([]);
    setFixes({});
  }

  async function onChooseFile(chosen: File | undefined) {
    if (chosen === undefined) return;
    if (spec === undefined) {
      setFileError(t('import.chooseTargetFirst'));
      return;
    }
    resetFile();
    setDone(undefined);
    const loaded = { name: chosen.name, bytes: new Uint8Array(await chosen.arrayBuffer()) };
    setFile(loaded);
    await readFile(loaded, spec);
  }

  const parsed = read?.parsed.ok ? read.parsed.value : undefined;
  // The rows as the clerk fixed them: their people and certificates are looked up on the desk
  // (again whenever the desk changes), so a corrected 身份证号 links to the person it names.
  const effectiveRows = useMemo(
    () =>
      parsed === undefined || spec === undefined
        ? undefined
        : parsed.rows.map((r) => {
            const edits = fixes[r.row];
            return edits !== undefined && Object.keys(edits).length > 0 ? fixedRow(parsed, r, edits, spec, { today }) : r;
          }),
    [parsed, spec, fixes, today],
  );
  const deskKey = effectiveRows === undefined || spec === undefined ? '' : JSON.stringify(deskKeysOf(effectiveRows, spec));
  const desk: DeskForFile | undefined = useLiveQuery(
    () => (effectiveRows === undefined || spec === undefined ? undefined : deskForFile(effectiveRows, spec, tableTarget)),
    [deskKey, spec, tableTarget],
  );
  // Rows already on the desk with the same content are not imported again.
  const unchanged = useMemo(
    () => (effectiveRows === undefined || spec === undefined || desk === undefined ? [] : rowsAlreadyOnDesk(effectiveRows, spec, desk.records)),
    [effectiveRows, spec, desk],
  );
  const report = useMemo(() => {
    if (parsed === undefined || spec === undefined) return undefined;
    return reviewRows(parsed, spec, { today }, { excluded: [...excluded, ...unchanged], fixes }, desk?.lookup ?? {});
  }, [parsed, spec, today, excluded, unchanged, fixes, desk]);
  const unchangedSet = useMemo(() => new Set(unchanged), [unchanged]);
  const ordered = useMemo(() => (report ? rowsByUrgency(report) : []), [report]);
  const shown = ordered.filter((r) =>
    filter === 'all' ? true : filter === 'errors' ? !r.excluded && r.errors.length > 0 : filter === 'warnings' ? !r.excluded && r.warnings.length > 0 : r.excluded && !unchangedSet.has(r.row),
  );
  const toImport = report ? report.rows.filter((r) => !r.excluded).length : 0;

  function changeTarget(columnIndex: number, value: string) {
    if (read === undefined || file === undefined || spec === undefined) return;
    const mapping: ColumnMapping = {
      headerRows: read.mapping.headerRows,
      columns: read.mapping.columns.map((c) => (c.index === columnIndex ? { ...c, target: value === '' ? null : value } : c)),
    };
    void readFile(file, spec, { sheet: read.sheetIndex, mapping });
  }

  function toggleExcluded(row: number) {
    setExcluded((list) => (list.includes(row) ? list.filter((r) => r !== row) : [...list, row]));
  }

  function openFix(row: ReviewedRow) {
    const draft: Record<number, string> = {};
    for (const c of read?.mapping.columns ?? []) if (c.target !== null) draft[c.index] = fixes[row.row]?.[c.index] ?? cellText(row.cells[c.index]);
    setFixDraft(draft);
    setFixing(row);
  }

  function saveFix() {
    if (fixing === undefined) return;
    const original = parsed?.rows.find((r) => r.row === fixing.row);
    const edits: Record<number, string> = {};
    for (const [index, value] of Object.entries(fixDraft)) {
      if (value !== cellText(original?.cells[Number(index)])) edits[Number(index)] = value;
    }
    setFixes((all) => ({ ...all, [fixing.row]: edits }));
    setFixing(undefined);
  }

  async function confirm() {
    if (report === undefined || spec === undefined || file === undefined || target === undefined || read === undefined) return;
    const received = parseDateInput(receivedText);
    if (spec.creates === 'applications' && !received.ok) {
      setPlanError(`${t('import.receivedDate')}：${rule(received.error.message)}`);
      return;
    }
    const targetApplication = spec.creates === 'table-rows' && tableTarget !== undefined ? await applicationById(tableTarget) : undefined;
    const plan = planImport(report, spec, {
      fileName: file.name,
      today,
      ...(spec.creates === 'applications' && received.ok ? { receivedDate: received.value, channel } : {}),
      ...(targetApplication !== undefined ? { targetApplication } : {}),
    });
    if (!plan.ok) {
      setPlanError(rule(plan.error.message));
      return;
    }
    setPlanError(undefined);
    const p = plan.value;
    const ok = await modal.confirm({
      title: t('import.confirmTitle', { count: p.batch.rowsImported }),
      content:
        p.table !== undefined
          ? t('import.confirmTable', { rows: p.table.added.length, target: tableOptions?.find((o) => o.id === p.table?.applicationId)?.label ?? '' })
          : t('import.confirmBody', {
              people: p.people.length,
              linked: p.batch.peopleLinked,
              applications: p.applications.length,
              certificates: p.certificates.length,
            }),
      okText: t('import.confirmOk'),
      okButtonProps: { autoInsertSpace: false },
      cancelText: t('import.cancel'),
    });
    if (!ok) return;
    setWriting(true);
    setWritten({ done: 0, total: p.people.length + p.applications.length + p.certificates.length });
    try {
      const result = await commitImport(p, (d, total) => setWritten({ done: d, total }));
      await rememberMapping(target.programId, target.kind, savedMappingOf(read.mapping));
      setDone({ file: file.name, rows: result.rows });
      message.success(t('import.done', { file: file.name, rows: result.rows }));
      resetFile();
      setFile(undefined);
    } catch (e) {
      setPlanError(t('import.failed', { message: errorText(e) }));
    } finally {
      setWriting(false);
      setWritten(undefined);
    }
  }

  async function undo(batch: ImportBatch) {
    const s = specFor(batch.programId, batch.kind);
    if (s === undefined) return;
    const ok = await modal.confirm({
      title: t('import.undoTitle', { file: batch.fileName }),
      content: t('import.undoBody'),
      okText: t('import.undoOk'),
      okButtonProps: { danger: true },
      cancelText: t('import.cancel'),
    });
    if (!ok) return;
    try {
      const result = await undoImport(batch.id, s);
      const kept = result.keptPeople.length > 0 ? ` ${t('import.undoKept', { names: result.keptPeople.join('、') })}` : '';
      message.success(`${t('import.undone', { file: batch.fileName, removed: result.removed })}${kept}`);
    } catch (e) {
      modal.error({ title: t('import.undo'), content: e instanceof ImportError ? errorText(e) : errorText(e) });
    }
  }

  const targetOptions = targets.map((x) => ({ value: x.key, label: t('import.targetOption', { program: text(x.program), kind: text(x.names) }) }));
  const columnOptions = [{ value: '', label: t('import.notImported') }, ...(spec?.columns ?? []).map((c) => ({ value: c.key, label: text(c.label) }))];
  const firstData = parsed?.rows[0];
  const personName = spec?.person?.name;
  const personId = spec?.person?.idNumber;

  return (
    <div data-testid="import-page" style={{ padding: 24, maxWidth: 1280 }}>
      <Typography.Title level={3}>{t('import.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('import.help')}</Typography.Paragraph>

      <Card title={t('import.step.file')} size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical">
          <Form.Item label={t('import.target')} htmlFor="import-target">
            <Select
              id="import-target"
              aria-label={t('import.target')}
              placeholder={t('import.targetPlaceholder')}
              value={targetKey}
              options={targetOptions}
              onChange={(v: string) => {
                setTargetKey(v);
                setTableTarget(undefined);
                setFile(undefined);
                setDone(undefined);
                resetFile();
                if (inputRef.current) inputRef.current.value = '';
              }}
              style={{ width: '100%', maxWidth: 900 }}
            />
          </Form.Item>
          <Form.Item label={t('import.file')} htmlFor="import-file" extra={t('import.fileHelp')}>
            <Space>
              <Button onClick={() => inputRef.current?.click()} disabled={target === undefined || writing}>
                {t('import.choose')}
              </Button>
              {file && <Typography.Text data-testid="import-file-name">{file.name}</Typography.Text>}
            </Space>
            <input
              id="import-file"
              ref={inputRef}
              type="file"
              aria-label={t('import.file')}
              accept=".xlsx,.xls,.csv"
              style={{ display: 'none' }}
              onChange={(e) => void onChooseFile(e.target.files?.[0])}
            />
          </Form.Item>
        </Form>
        {file && spec && sheets !== undefined && sheets.list.length > 1 && (
          <Form.Item label={t('import.sheet')} htmlFor="import-sheet" style={{ marginBottom: 8 }}>
            <Select
              id="import-sheet"
              aria-label={t('import.sheet')}
              value={sheets.index}
              options={sheets.list.map((x) => ({ value: x.index, label: x.name }))}
              onChange={(v: number) => void readFile(file, spec, { sheet: v })}
              disabled={progress !== undefined || writing}
              style={{ maxWidth: 320 }}
            />
          </Form.Item>
        )}
        {progress && (
          <div data-testid="import-progress">
            <Typography.Text>{t(progress.phase === 'reading' ? 'import.progress.reading' : 'import.progress.checking')}</Typography.Text>
            <Progress percent={progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0} />
          </div>
        )}
        {fileError && (
          <Alert
            type="error"
            showIcon
            data-testid="import-file-error"
            message={t('import.fileError')}
            description={
              <>
                <div>{fileError}</div>
                <div>{t('import.nothingChanged')}</div>
              </>
            }
          />
        )}
        {done && <Alert type="success" showIcon data-testid="import-done" message={t('import.done', { file: done.file, rows: done.rows })} />}
      </Card>

      {read && spec && (
        <Card title={t('import.step.mapping')} size="small" style={{ marginBottom: 16 }} data-testid="import-mapping">
          <Typography.Paragraph data-testid="import-sheet-note">
            {read.sheetNote}
            {read.encoding && ` ${t(read.encoding === 'utf-8' ? 'import.encoding.utf-8' : 'import.encoding.gb18030')}`}
            {read.mapping.headerRows.length > 0 &&
              ` ${t('import.headerRows', { rows: read.mapping.headerRows.join('、'), first: Math.max(...read.mapping.headerRows) + 1 })}`}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('import.mappingHelp')}</Typography.Paragraph>
          {!read.parsed.ok && <Alert type="error" showIcon data-testid="import-mapping-error" message={rule(read.parsed.error.message)} style={{ marginBottom: 8 }} />}
          <Table
            size="small"
            rowKey="index"
            pagination={false}
            scroll={{ y: 320 }}
            dataSource={[...read.mapping.columns]}
            columns={[
              { title: t('import.col.letter'), dataIndex: 'letter', width: 60 },
              { title: t('import.col.header'), dataIndex: 'header', width: 260 },
              {
                title: t('import.col.target'),
                key: 'target',
                width: 280,
                render: (_: unknown, c: ColumnMapping['columns'][number]) => (
                  <Select
                    aria-label={`${t('import.col.target')} ${c.letter}`}
                    value={c.target ?? ''}
                    options={columnOptions}
                    showSearch={{ optionFilterProp: 'label' }}
                    onChange={(v: string) => changeTarget(c.index, v)}
                    style={{ width: 240 }}
                    disabled={progress !== undefined}
                  />
                ),
              },
              { title: t('import.col.sample'), key: 'sample', render: (_: unknown, c: ColumnMapping['columns'][number]) => cellText(firstData?.cells[c.index]) },
            ]}
          />
        </Card>
      )}

      {report && spec && (
        <Card title={t('import.step.report')} size="small" style={{ marginBottom: 16 }} data-testid="import-report">
          <Typography.Paragraph data-testid="import-counts">
            {t('import.counts', {
              rows: report.counts.rows,
              ready: report.counts.ready,
              errors: report.counts.withErrors,
              warnings: report.counts.withWarnings,
              excluded: report.counts.excluded - unchanged.length,
              linked: report.counts.linked,
            })}
            {unchanged.length > 0 && ` ${t('import.unchangedCount', { count: unchanged.length })}`}
          </Typography.Paragraph>
          {unchanged.length > 0 && unchanged.length === report.counts.rows && (
            <Alert type="info" showIcon data-testid="import-all-unchanged" message={t('import.allUnchanged')} style={{ marginBottom: 8 }} />
          )}
          {report.skipped.length > 0 && (
            <Typography.Paragraph type="secondary">
              {t('import.skippedRows', { rows: report.skipped.map((s) => `${s.row}（${s.text}）`).join('；') })}
            </Typography.Paragraph>
          )}
          <Radio.Group value={filter} onChange={(e) => setFilter(e.target.value as Filter)} style={{ marginBottom: 8 }}>
            <Radio.Button value="all">{t('import.filter.all')}</Radio.Button>
            <Radio.Button value="errors">{t('import.filter.errors')}</Radio.Button>
            <Radio.Button value="warnings">{t('import.filter.warnings')}</Radio.Button>
            <Radio.Button value="excluded">{t('import.filter.excluded')}</Radio.Button>
          </Radio.Group>
          <Table
            size="small"
            rowKey="row"
            dataSource={shown}
            pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
            onRow={(r) => ({ 'data-testid': `import-row-${r.row}` }) as HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('import.col.row'), dataIndex: 'row', width: 70 },
              { title: t('import.col.name'), key: 'name', width: 110, render: (_: unknown, r: ReviewedRow) => (personName ? String(r.values[personName] ?? '') : '') },
              { title: t('import.col.idNumber'), key: 'id', width: 190, render: (_: unknown, r: ReviewedRow) => (personId ? String(r.values[personId] ?? '') : '') },
              {
                title: t('import.col.problems'),
                key: 'problems',
                render: (_: unknown, r: ReviewedRow) => (
                  <Space direction="vertical" size={2}>
                    <Space size={4} wrap>
                      {unchangedSet.has(r.row) ? (
                        <Tag color="default">{t('import.unchanged')}</Tag>
                      ) : r.excluded ? (
                        <Tag color="default">{t('import.excludedTag')}</Tag>
                      ) : r.errors.length === 0 ? (
                        <Tag color="green">{t('import.ok')}</Tag>
                      ) : null}
                      {r.fixed && <Tag color="blue">{t('import.fixedTag')}</Tag>}
                      {r.link && !r.excluded && <Tag color="cyan">{t('import.linked', { name: r.link.name })}</Tag>}
                    </Space>
                    {!r.excluded &&
                      r.errors.map((e) => (
                        <Typography.Text key={`e${e.code}${e.column ?? ''}${e.message}`} type="danger">
                          {rule(e.message)}
                        </Typography.Text>
                      ))}
                    {!r.excluded &&
                      r.warnings.map((w) => (
                        <Typography.Text key={`w${w.code}${w.column ?? ''}${w.message}`} type="warning">
                          {rule(w.message)}
                        </Typography.Text>
                      ))}
                  </Space>
                ),
              },
              {
                title: t('import.col.actions'),
                key: 'actions',
                width: 170,
                render: (_: unknown, r: ReviewedRow) =>
                  unchangedSet.has(r.row) ? null : (
                    <Space size={4}>
                      {!r.excluded && (
                        <Button size="small" autoInsertSpace={false} onClick={() => openFix(r)}>
                          {t('import.fix')}
                        </Button>
                      )}
                      <Button size="small" onClick={() => toggleExcluded(r.row)}>
                        {r.excluded ? t('import.include') : t('import.exclude')}
                      </Button>
                    </Space>
                  ),
              },
            ]}
          />
        </Card>
      )}

      {report && spec && (
        <Card title={t('import.step.confirm')} size="small" style={{ marginBottom: 16 }}>
          {spec.creates === 'applications' && (
            <Space wrap style={{ marginBottom: 8 }}>
              <Form.Item label={t('import.receivedDate')} htmlFor="import-received" style={{ marginBottom: 0 }}>
                <Input id="import-received" value={receivedText} onChange={(e) => setReceivedText(e.target.value)} style={{ width: 180 }} />
              </Form.Item>
              <Form.Item label={t('import.channel')} htmlFor="import-channel" style={{ marginBottom: 0 }}>
                <Select
                  id="import-channel"
                  aria-label={t('import.channel')}
                  value={channel}
                  onChange={(v: Channel) => setChannel(v)}
                  options={CHANNELS.map((c) => ({ value: c, label: t(`workflow.channel.${c}`) }))}
                  style={{ width: 160 }}
                />
              </Form.Item>
            </Space>
          )}
          {writing && written && (
            <div data-testid="import-write-progress">
              <Typography.Text>{t('import.writingProgress', { done: written.done, total: written.total })}</Typography.Text>
              <Progress percent={written.total > 0 ? Math.round((written.done / written.total) * 100) : 0} />
            </div>
          )}
          {spec.creates === 'table-rows' && (
            <Form.Item label={t('import.tableTarget')} htmlFor="import-table-target" style={{ marginBottom: 8 }}>
              <Select
                id="import-table-target"
                aria-label={t('import.tableTarget')}
                placeholder={t('import.tableTargetPlaceholder')}
                notFoundContent={t('import.tableTargetNone')}
                value={tableTarget}
                onChange={(v: string) => setTableTarget(v)}
                options={(tableOptions ?? []).map((o) => ({ value: o.id, label: o.label }))}
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: '100%', maxWidth: 560 }}
              />
            </Form.Item>
          )}
          {planError && <Alert type="error" showIcon data-testid="import-plan-error" message={planError} style={{ marginBottom: 8 }} />}
          <Button type="primary" onClick={() => void confirm()} loading={writing} disabled={toImport === 0 || progress !== undefined || desk === undefined}>
            {writing ? t('import.writing') : t('import.confirm', { count: toImport })}
          </Button>
        </Card>
      )}

      <Card title={t('import.history')} size="small" data-testid="import-history">
        <Table
          size="small"
          rowKey="id"
          dataSource={batches ?? []}
          locale={{ emptyText: t('import.historyEmpty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('import.col.importedOn'), key: 'on', width: 150, render: (_: unknown, b: ImportBatch) => formatIsoDate(b.importedOn, locale) },
            { title: t('import.col.file'), dataIndex: 'fileName', width: 220 },
            {
              title: t('import.col.kind'),
              key: 'kind',
              render: (_: unknown, b: ImportBatch) => {
                const x = targets.find((tg) => tg.programId === b.programId && tg.kind === b.kind);
                return x ? t('import.targetOption', { program: text(x.program), kind: text(x.names) }) : b.kind;
              },
            },
            {
              title: t('import.col.result'),
              key: 'result',
              render: (_: unknown, b: ImportBatch) =>
                b.tableField !== undefined
                  ? t('import.resultTable', { rows: b.rowsImported })
                  : t('import.result', {
                  rows: b.rowsImported,
                  people: b.peopleCreated,
                  linked: b.peopleLinked,
                  applications: b.applicationsCreated,
                  certificates: b.certificatesCreated,
                }),
            },
            {
              title: t('import.col.status'),
              key: 'status',
              width: 240,
              render: (_: unknown, b: ImportBatch) =>
                b.status === 'undone' ? (
                  <Tag>{t('import.status.undone', { date: b.undoneOn ? formatIsoDate(b.undoneOn, locale) : '' })}</Tag>
                ) : (
                  <Space>
                    <Tag color="green">{t('import.status.imported')}</Tag>
                    <Button size="small" danger onClick={() => void undo(b)}>
                      {t('import.undo')}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      </Card>

      <Modal
        open={fixing !== undefined}
        title={fixing ? t('import.fixTitle', { row: fixing.row }) : ''}
        okText={t('import.fixSave')}
        cancelText={t('import.fixCancel')}
        onOk={saveFix}
        onCancel={() => setFixing(undefined)}
        width={640}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('import.fixHelp')}</Typography.Paragraph>
        {fixing?.errors.map((e) => (
          <Typography.Paragraph key={`fe${e.message}`} type="danger" style={{ marginBottom: 4 }}>
            {rule(e.message)}
          </Typography.Paragraph>
        ))}
        <Form layout="horizontal" labelCol={{ span: 9 }} wrapperCol={{ span: 15 }} style={{ maxHeight: 420, overflow: 'auto', marginTop: 8 }}>
          {(read?.mapping.columns ?? [])
            .filter((c) => c.target !== null)
            .map((c) => (
              <Form.Item key={c.index} label={`${c.header || columnLetter(c.index)}（${c.letter}）`} htmlFor={`import-fix-${c.index}`} style={{ marginBottom: 6 }}>
                <Input
                  id={`import-fix-${c.index}`}
                  value={fixDraft[c.index] ?? ''}
                  status={fixing?.errors.some((e) => e.column === c.index) ? 'error' : undefined}
                  onChange={(e) => setFixDraft((d) => ({ ...d, [c.index]: e.target.value }))}
                />
              </Form.Item>
            ))}
        </Form>
      </Modal>
    </div>
  );
}
