/**
 * 工作日历: the years the desk counts working days with (built in, or entered by the office), and
 * for an administrator the editor: paste the State Council's notice (or read a file), check the
 * holidays it read, correct them row by row, save — the year then syncs to every desk.
 * Decisions (reading the notice, validating a year) are shared/rules'; this screen gathers input.
 */
import { App as AntApp, Alert, Button, Card, Drawer, Flex, Input, InputNumber, Space, Table, Tag, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { formatDateZh, parseDateInput, type IsoDate } from '../../../../shared/rules/civil-date';
import { calendarWarning, calendarYearFromPeriods, holidayPeriods, type PeriodInput } from '../../../../shared/rules/holiday-notice';
import type { WorkCalendarYear } from '../../../../shared/rules/work-calendar';
import { ValidationError } from '../../db/errors';
import { bridge } from '../../platform/bridge';
import { useT, useRuleText, useErrorText } from '../../i18n';
import { formatIsoDate } from '../../i18n/format';
import { useAllowed } from '../../auth/access';
import { useUi } from '../../stores/ui';
import { todayIso } from '../../today';
import type { CalendarYearEntry } from './calendar';
import { CalendarError, readCalendarText, saveCalendarYear } from './commands';
import { useCalendarYears, useWorkCalendar } from './queries';

interface Row {
  key: number;
  name: string;
  from: string;
  to: string;
  workdays: string;
}

let nextKey = 1;

/** The statutory holidays' English names; a name the office typed otherwise shows as typed. */
const HOLIDAYS_EN: Readonly<Record<string, string>> = {
  元旦: "New Year's Day",
  春节: 'Spring Festival',
  清明节: 'Qingming Festival',
  劳动节: 'Labour Day',
  端午节: 'Dragon Boat Festival',
  中秋节: 'Mid-Autumn Festival',
  国庆节: 'National Day',
  '国庆节、中秋节': 'National Day and Mid-Autumn Festival',
};

function holidayName(name: string, locale: string): string {
  return locale === 'zh-CN' ? name : (HOLIDAYS_EN[name] ?? name);
}

function rowsOf(year: WorkCalendarYear): Row[] {
  return holidayPeriods(year).map((p) => ({
    key: nextKey++,
    name: p.name,
    from: formatDateZh(p.from),
    to: formatDateZh(p.to),
    workdays: p.workdays.map(formatDateZh).join('、'),
  }));
}

/** The rows as the shared rule takes them, or the first row problem in Chinese. */
function periodsOf(rows: readonly Row[]): { periods: PeriodInput[] } | { error: string } {
  const periods: PeriodInput[] = [];
  for (const [i, row] of rows.entries()) {
    const label = row.name.trim() === '' ? `第${i + 1}项` : `第${i + 1}项“${row.name.trim()}”`;
    const from = parseDateInput(row.from);
    if (!from.ok) return { error: `${label}的放假起始日期：${from.error.message}` };
    const to = row.to.trim() === '' ? from : parseDateInput(row.to);
    if (!to.ok) return { error: `${label}的放假截止日期：${to.error.message}` };
    const workdays: IsoDate[] = [];
    for (const part of row.workdays.split(/[、，,;；\s]+/).filter((p) => p !== '')) {
      const day = parseDateInput(part);
      if (!day.ok) return { error: `${label}的调休上班日“${part}”：${day.error.message}` };
      workdays.push(day.value);
    }
    periods.push({ name: row.name, from: from.value, to: to.value, workdays });
  }
  return { periods };
}

function YearEditor({ entry, year: initialYear, onClose }: { entry: CalendarYearEntry | undefined; year: number; onClose: () => void }) {
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const mayManage = useAllowed('calendar.manage');
  const [year, setYear] = useState<number>(entry?.data.year ?? initialYear);
  const [source, setSource] = useState(entry?.data.source ?? '');
  const [rows, setRows] = useState<Row[]>(() => (entry ? rowsOf(entry.data) : []));
  const [notice, setNotice] = useState('');
  const [readError, setReadError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const checked = useMemo(() => {
    const read = periodsOf(rows);
    if ('error' in read) return { error: read.error };
    if (read.periods.length === 0) return { error: t('calendar.editor.empty') };
    const result = calendarYearFromPeriods(year, read.periods, source);
    return result.ok ? { value: result.value } : { error: result.error.message };
  }, [rows, year, source, t]);

  const load = (text: string) => {
    const result = readCalendarText(year, text, source);
    if (!result.ok) {
      setReadError(result.error.message);
      return;
    }
    setReadError(null);
    setYear(result.value.year);
    if (result.value.source) setSource(result.value.source);
    setRows(rowsOf(result.value));
  };

  const update = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const save = async () => {
    if (!('value' in checked) || checked.value === undefined) return;
    setBusy(true);
    setSaveError(null);
    try {
      await saveCalendarYear(checked.value);
      void message.success(t('calendar.editor.saved', { year }));
      onClose();
    } catch (error) {
      setSaveError(error instanceof CalendarError || error instanceof ValidationError ? errorText(error) : String(error));
    } finally {
      setBusy(false);
    }
  };

  const readOnly = !mayManage;
  return (
    <Drawer
      open
      width={920}
      title={t('calendar.editor.title', { year })}
      onClose={onClose}
      destroyOnHidden
      extra={
        readOnly ? undefined : (
          <Space>
            <Button autoInsertSpace={false} onClick={onClose}>{t('calendar.editor.cancel')}</Button>
            <Button autoInsertSpace={false} type="primary" loading={busy} disabled={!('value' in checked)} onClick={() => void save()}>
              {t('calendar.editor.save')}
            </Button>
          </Space>
        )
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Flex gap={16} wrap>
          <label>
            <Typography.Text>{t('calendar.editor.year')}</Typography.Text>
            <br />
            <InputNumber
              aria-label={t('calendar.editor.year')}
              min={2000}
              max={2100}
              value={year}
              disabled={readOnly || entry !== undefined}
              onChange={(v) => typeof v === 'number' && setYear(v)}
            />
          </label>
          <label style={{ flex: 1, minWidth: 320 }}>
            <Typography.Text>{t('calendar.editor.source')}</Typography.Text>
            <Input
              aria-label={t('calendar.editor.source')}
              value={source}
              maxLength={200}
              disabled={readOnly}
              placeholder={t('calendar.editor.sourcePlaceholder')}
              onChange={(e) => setSource(e.target.value)}
            />
          </label>
        </Flex>
        {entry?.origin === 'shipped' && !readOnly && <Alert type="info" showIcon title={t('calendar.editor.replacesShipped', { year })} />}
        {!readOnly && (
          <Card size="small" title={t('calendar.editor.paste')}>
            <Typography.Paragraph type="secondary">{t('calendar.editor.pasteHelp')}</Typography.Paragraph>
            <Input.TextArea aria-label={t('calendar.editor.paste')} rows={6} value={notice} onChange={(e) => setNotice(e.target.value)} />
            <Space style={{ marginTop: 8 }}>
              <Button autoInsertSpace={false} onClick={() => load(notice)} disabled={notice.trim() === ''}>
                {t('calendar.editor.read')}
              </Button>
              <Upload
                accept=".json,.txt,application/json,text/plain"
                showUploadList={false}
                beforeUpload={(file) => {
                  void file.text().then(load);
                  return false;
                }}
              >
                <Button>{t('calendar.editor.file')}</Button>
              </Upload>
              <Typography.Text type="secondary">{t('calendar.editor.fileHelp')}</Typography.Text>
            </Space>
            {readError && <Alert style={{ marginTop: 8 }} type="error" showIcon title={rule(readError)} data-testid="calendar-read-error" />}
          </Card>
        )}
        <Table<Row>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          title={() => <Typography.Text strong>{t('calendar.editor.periods')}</Typography.Text>}
          columns={[
            {
              title: t('calendar.editor.name'),
              dataIndex: 'name',
              width: 170,
              render: (v: string, r) => <Input aria-label={t('calendar.editor.name')} value={v} disabled={readOnly} onChange={(e) => update(r.key, { name: e.target.value })} />,
            },
            {
              title: t('calendar.editor.from'),
              dataIndex: 'from',
              width: 160,
              render: (v: string, r) => <Input aria-label={t('calendar.editor.from')} value={v} disabled={readOnly} onChange={(e) => update(r.key, { from: e.target.value })} />,
            },
            {
              title: t('calendar.editor.to'),
              dataIndex: 'to',
              width: 160,
              render: (v: string, r) => <Input aria-label={t('calendar.editor.to')} value={v} disabled={readOnly} onChange={(e) => update(r.key, { to: e.target.value })} />,
            },
            {
              title: t('calendar.editor.workdays'),
              dataIndex: 'workdays',
              render: (v: string, r) => (
                <Input aria-label={t('calendar.editor.workdays')} value={v} disabled={readOnly} onChange={(e) => update(r.key, { workdays: e.target.value })} />
              ),
            },
            ...(readOnly
              ? []
              : [
                  {
                    title: '',
                    key: 'remove',
                    width: 70,
                    render: (_: unknown, r: Row) => (
                      <Button autoInsertSpace={false} size="small" danger onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                        {t('calendar.editor.remove')}
                      </Button>
                    ),
                  },
                ]),
          ]}
        />
        {!readOnly && (
          <Button autoInsertSpace={false} onClick={() => setRows((rs) => [...rs, { key: nextKey++, name: '', from: '', to: '', workdays: '' }])}>
            {t('calendar.editor.addPeriod')}
          </Button>
        )}
        {'value' in checked && checked.value ? (
          <Alert
            type="success"
            showIcon
            data-testid="calendar-summary"
            title={t('calendar.editor.summary', { holidays: checked.value.holidays.length, workdays: checked.value.adjustedWorkdays.length })}
          />
        ) : (
          <Alert type={rows.length === 0 ? 'info' : 'error'} showIcon data-testid="calendar-error" title={rule(checked.error)} />
        )}
        {saveError && <Alert type="error" showIcon title={rule(saveError)} />}
      </Space>
    </Drawer>
  );
}

export function CalendarPage() {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const mayManage = useAllowed('calendar.manage');
  const years = useCalendarYears();
  // The banner above every page says what is missing; this page offers the year it names.
  const warning = calendarWarning(todayIso(), useWorkCalendar());
  const [editing, setEditing] = useState<{ entry: CalendarYearEntry | undefined; year: number } | null>(null);
  const nextYear = Number(todayIso().slice(0, 4)) + 1;

  const exportYear = (data: WorkCalendarYear) => {
    const bytes = new TextEncoder().encode(JSON.stringify(data, null, 2));
    void bridge.saveFile({ suggestedName: `工作日历-${data.year}.json`, bytes, filterName: 'JSON' });
  };

  return (
    <Card title={t('calendar.title')} data-testid="calendar-page">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('calendar.help')}</Typography.Paragraph>
        {mayManage ? (
          <Button autoInsertSpace={false} type="primary" onClick={() => setEditing({ entry: undefined, year: warning?.year ?? nextYear })}>
            {t('calendar.add')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('calendar.adminOnly')}</Typography.Text>
        )}
        <Table<CalendarYearEntry>
          rowKey={(e) => e.data.year}
          loading={years === undefined}
          dataSource={years ?? []}
          pagination={false}
          columns={[
            { title: t('calendar.col.year'), render: (_, e) => e.data.year, width: 80 },
            {
              title: t('calendar.col.origin'),
              width: 300,
              render: (_, e) => (
                <Space orientation="vertical" size={0}>
                  <Tag color={e.origin === 'office' ? 'blue' : 'default'}>{t(`calendar.origin.${e.origin}`)}</Tag>
                  {/* The State Council notice's own title: Chinese in either language. */}
                  {e.data.source && <Typography.Text type="secondary" lang="zh-CN">{e.data.source}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: t('calendar.col.periods'),
              render: (_, e) =>
                holidayPeriods(e.data)
                  .map((p) => `${holidayName(p.name, locale)} ${formatIsoDate(p.from, locale)}${p.days > 1 ? `—${formatIsoDate(p.to, locale)}` : ''}`)
                  .join(locale === 'zh-CN' ? '；' : '; '),
            },
            { title: t('calendar.col.holidays'), width: 90, render: (_, e) => t('calendar.days', { count: e.data.holidays.length }) },
            { title: t('calendar.col.workdays'), width: 100, render: (_, e) => t('calendar.days', { count: e.data.adjustedWorkdays.length }) },
            {
              title: '',
              width: 150,
              render: (_, e) => (
                <Space>
                  <Button autoInsertSpace={false} size="small" onClick={() => setEditing({ entry: e, year: e.data.year })}>
                    {mayManage ? t('calendar.edit') : t('calendar.view')}
                  </Button>
                  <Button autoInsertSpace={false} size="small" onClick={() => exportYear(e.data)}>
                    {t('calendar.export')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Space>
      {editing && <YearEditor entry={editing.entry} year={editing.year} onClose={() => setEditing(null)} />}
    </Card>
  );
}
