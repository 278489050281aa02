/**
 * The material checklist of one application, as the paper checklist: one dense line per item in
 * the pack's order with its tag (必交 / 选交 / 条件), what was recorded (received, missing, returned
 * with the reason), copies received against copies asked, and the original check where the pack
 * asks for it. The summary on top and every line's problems are the engine's
 * (`evaluation.checklist`); this tab only records what the clerk sees on the desk.
 *
 * Keyboard: each line is a stop (Tab or ↑/↓); Space toggles received, Enter toggles and moves
 * down, M marks missing, R opens the return reason, V checks the original, + / − change copies.
 */
import { Alert, Button, Card, Checkbox, Input, InputNumber, Radio, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { InputRef } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useRef, useState, type HTMLAttributes, type KeyboardEvent } from 'react';
import type { ChecklistLine } from '../../../../shared/engine/checklist';
import type { MaterialItem } from '../../../../shared/programs/schema';
import type { Material } from '../../../../shared/model/records';
import { useRuleText, useT, type MessageKey } from '../../i18n';
import { formatIsoDate } from '../../i18n/format';
import { markMaterial, toggleReceivedMark, type MaterialMark } from './materials';
import { useUi } from '../../stores/ui';
import type { TabProps } from './types';
import { latestBy, useFileAction } from './useFileAction';
import { langOf, type Lang } from '../../i18n';

const FOCUS_STYLE = `
.desk-checklist tr[data-item]:focus { outline: 2px solid #1677ff; outline-offset: -2px; }
.desk-checklist tr[data-item]:focus > td { background: #e6f4ff !important; }
.desk-checklist tr.desk-line-rejected > td { background: #fff1f0; }
.desk-checklist tr.desk-line-short > td { background: #fffbe6; }
`;


function ItemName({ item, lang }: { item: MaterialItem; lang: Lang }) {
  const t = useT();
  const tip = (
    <div>
      <div>
        {t('file.checklist.cite', { cite: '' })}
        <span lang="zh-CN">{item.cite}</span>
      </div>
      {item.quote && <div lang="zh-CN">“{item.quote}”</div>}
      {item.accepts && item.accepts.length > 0 && <div>{t('file.checklist.accepts', { list: item.accepts.map((a) => a[lang]).join('；') })}</div>}
      {item.note && <div>{item.note[lang]}</div>}
    </div>
  );
  return (
    <Space orientation="vertical" size={0}>
      <Tooltip title={tip}>
        <span>{item.name[lang]}</span>
      </Tooltip>
      {item.requirement === 'conditional' && item.conditionText && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {item.conditionText[lang]}
        </Typography.Text>
      )}
    </Space>
  );
}

function RequirementTag({ item }: { item: MaterialItem }) {
  const t = useT();
  if (item.requirement === 'required') return <Tag color="blue">{t('file.checklist.required')}</Tag>;
  if (item.requirement === 'optional') return <Tag>{t('file.checklist.optional')}</Tag>;
  return <Tag color="purple">{t('file.checklist.conditional')}</Tag>;
}

/** Copies received: typed freely, written when the box is left or Enter is pressed. */
function CopiesInput({ line, label, onCommit }: { line: ChecklistLine; label: string; onCommit: (n: number) => void }) {
  // What is being typed; undefined shows the recorded count (also after a write from elsewhere).
  const [draft, setDraft] = useState<number | null | undefined>(undefined);
  const value = draft === undefined ? line.copiesReceived : draft;
  const commit = () => {
    if (value !== null && value !== line.copiesReceived) onCommit(value);
    setDraft(undefined);
  };
  const short = line.status === 'received' && line.copiesReceived < line.copiesRequired;
  return (
    <Space size={4}>
      <InputNumber
        size="small"
        min={0}
        max={999}
        precision={0}
        value={value}
        onChange={(v) => setDraft(v)}
        onBlur={commit}
        onPressEnter={commit}
        aria-label={label}
        status={short ? 'warning' : undefined}
        style={{ width: 64 }}
      />
      <Typography.Text type={short ? 'warning' : 'secondary'}>/ {line.copiesRequired}</Typography.Text>
    </Space>
  );
}

function RejectEditor({ initial, label, onSave, onCancel }: { initial: string; label: string; onSave: (reason: string) => void; onCancel: () => void }) {
  const t = useT();
  const [reason, setReason] = useState(initial);
  const ref = useRef<InputRef>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Space.Compact size="small" style={{ width: '100%' }}>
      <Input
        ref={ref}
        size="small"
        value={reason}
        placeholder={t('file.checklist.rejectPlaceholder')}
        aria-label={label}
        onChange={(e) => setReason(e.target.value)}
        onPressEnter={() => onSave(reason)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') onCancel();
        }}
      />
      <Button size="small" type="primary" onClick={() => onSave(reason)}>
        {t('file.checklist.rejectSave')}
      </Button>
      <Button size="small" onClick={onCancel}>
        {t('file.checklist.cancel')}
      </Button>
    </Space.Compact>
  );
}

export function ChecklistTab({ file, result }: TabProps) {
  const t = useT();
  const rule = useRuleText();
  const locale = useUi((s) => s.locale);
  const lang: Lang = langOf(locale);
  const run = useFileAction();
  const { checklist } = result.evaluation;
  const applicationId = file.application.id;
  const records = useMemo(() => latestBy<Material>(file.materials, (m) => m.itemId), [file.materials]);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const tableRef = useRef<HTMLDivElement>(null);

  const mark = (itemId: string, m: MaterialMark) => run(() => markMaterial(applicationId, itemId, m));
  const focusRow = (itemId: string) => {
    tableRef.current?.querySelector<HTMLElement>(`tr[data-item="${itemId}"]`)?.focus();
  };
  const saveReject = async (itemId: string, reason: string) => {
    const saved = await mark(itemId, { status: 'rejected', rejectReason: reason });
    if (saved !== undefined) {
      setRejecting(null);
      focusRow(itemId);
    }
  };

  const onRowKey = (line: ChecklistLine, event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget) return;
    const row = event.currentTarget;
    const move = (to: Element | null) => {
      if (to instanceof HTMLElement && to.dataset.item !== undefined) to.focus();
    };
    const id = line.item.id;
    switch (event.key) {
      case ' ':
      case 'Enter':
        event.preventDefault();
        void mark(id, toggleReceivedMark(line));
        if (event.key === 'Enter') move(row.nextElementSibling);
        break;
      case 'ArrowDown':
      case 'j':
        event.preventDefault();
        move(row.nextElementSibling);
        break;
      case 'ArrowUp':
      case 'k':
        event.preventDefault();
        move(row.previousElementSibling);
        break;
      case 'r':
      case 'R':
        event.preventDefault();
        setRejecting(id);
        break;
      case 'm':
      case 'M':
        event.preventDefault();
        void mark(id, { status: 'missing' });
        break;
      case 'v':
      case 'V':
        if (line.originalRequired) {
          event.preventDefault();
          void mark(id, { originalVerified: !line.originalVerified });
        }
        break;
      case '+':
      case '=':
        event.preventDefault();
        void mark(id, { copiesReceived: Math.min(999, line.copiesReceived + 1) });
        break;
      case '-':
        event.preventDefault();
        if (line.copiesReceived > 0) void mark(id, { copiesReceived: line.copiesReceived - 1 });
        break;
      default:
    }
  };

  const name = (item: MaterialItem) => item.name[lang];
  const columns: ColumnsType<ChecklistLine> = [
    { key: 'no', title: t('file.checklist.no'), width: 44, render: (_v, _l, index) => index + 1 },
    {
      key: 'item',
      title: t('file.checklist.item'),
      render: (_v, line) => <ItemName item={line.item} lang={lang} />,
    },
    { key: 'tag', title: t('file.checklist.requirement'), width: 72, render: (_v, line) => <RequirementTag item={line.item} /> },
    {
      key: 'status',
      title: t('file.checklist.status'),
      width: 300,
      render: (_v, line) => {
        const id = line.item.id;
        if (rejecting === id) {
          return (
            <RejectEditor
              initial={line.rejectReason ?? ''}
              label={t('file.checklist.rejectReasonOf', { item: name(line.item) })}
              onSave={(reason) => void saveReject(id, reason)}
              onCancel={() => {
                setRejecting(null);
                focusRow(id);
              }}
            />
          );
        }
        return (
          <Space orientation="vertical" size={2}>
            <Radio.Group
              size="small"
              optionType="button"
              buttonStyle="solid"
              aria-label={t('file.checklist.statusOf', { item: name(line.item) })}
              value={line.status === 'pending' ? undefined : line.status}
              options={[
                { value: 'received', label: t('file.checklist.received') },
                { value: 'missing', label: t('file.checklist.missing') },
                { value: 'rejected', label: t('file.checklist.rejected') },
              ]}
              onChange={(e) => {
                const value = e.target.value as string;
                if (value === 'rejected') setRejecting(id);
                else if (value === 'received') void mark(id, line.copiesReceived > 0 ? { status: 'received' } : { status: 'received', copiesReceived: line.copiesRequired });
                else void mark(id, { status: 'missing' });
              }}
            />
            {line.status === 'rejected' && (
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {t('file.checklist.rejectReason', { reason: line.rejectReason ?? '' })}
              </Typography.Text>
            )}
          </Space>
        );
      },
    },
    {
      key: 'copies',
      title: t('file.checklist.copies'),
      width: 130,
      render: (_v, line) => (
        <CopiesInput
          line={line}
          label={t('file.checklist.copiesOf', { item: name(line.item) })}
          onCommit={(n) => void mark(line.item.id, { copiesReceived: n })}
        />
      ),
    },
    {
      key: 'original',
      title: t('file.checklist.original'),
      width: 190,
      render: (_v, line) => {
        if (!line.originalRequired) return <Typography.Text type="secondary">—</Typography.Text>;
        const record = records.get(line.item.id);
        return (
          <Checkbox
            checked={line.originalVerified}
            aria-label={t('file.checklist.originalOf', { item: name(line.item) })}
            onChange={(e) => void mark(line.item.id, { originalVerified: e.target.checked })}
          >
            {line.originalVerified && record?.originalVerifiedBy
              ? t('file.checklist.verifiedBy', {
                  name: record.originalVerifiedBy,
                  date: record.originalVerifiedOn ? formatIsoDate(record.originalVerifiedOn, locale) : '',
                })
              : t('file.checklist.verify')}
          </Checkbox>
        );
      },
    },
    {
      key: 'problems',
      title: t('file.checklist.problems'),
      render: (_v, line) =>
        line.problems.length === 0 ? (
          line.status === 'received' ? <Tag color="green">{t('file.checklist.ok')}</Tag> : null
        ) : (
          <Typography.Text type={line.status === 'rejected' ? 'danger' : 'warning'}>{rule(line.problems.join('；'))}</Typography.Text>
        ),
    },
  ];

  const receivedCount = checklist.lines.filter((l) => l.status === 'received').length;
  const summaryRows: { key: string; label: string; text: string }[] = [];
  if (checklist.missing.length > 0) summaryRows.push({ key: 'missing', label: t('file.checklist.summaryMissing'), text: checklist.missing.map(name).join(t('file.listSeparator')) });
  if (checklist.rejected.length > 0)
    summaryRows.push({
      key: 'rejected',
      label: t('file.checklist.summaryRejected'),
      text: checklist.rejected.map((r) => t('file.checklist.rejectedOne', { item: name(r.item), reason: r.reason })).join(t('file.listSeparator')),
    });
  if (checklist.unverified.length > 0) summaryRows.push({ key: 'unverified', label: t('file.checklist.summaryUnverified'), text: checklist.unverified.map(name).join(t('file.listSeparator')) });
  if (checklist.copiesShort.length > 0)
    summaryRows.push({
      key: 'copies',
      label: t('file.checklist.summaryCopies'),
      text: checklist.copiesShort.map((c) => t('file.checklist.copiesShortOne', { item: name(c.item), required: c.required, received: c.received })).join(t('file.listSeparator')),
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} className="desk-checklist" ref={tableRef}>
      <style>{FOCUS_STYLE}</style>
      {result.evaluation.missingRowUploads.length > 0 && (
        // 001 （二）6: one certificate per innovation, one file per (asked) contract — attached on 附件.
        <Alert
          type="warning"
          showIcon
          title={t('file.checklist.rowUploadsMissing', { count: result.evaluation.missingRowUploads.length })}
          description={lang === 'zh' ? result.evaluation.missingRowUploads.map((m) => <div key={m}>{m}</div>) : undefined}
          data-testid="checklist-row-uploads"
        />
      )}
      {checklist.complete ? (
        <Alert
          type="success"
          showIcon
          title={t('file.checklistComplete')}
          description={t('file.checklist.receivedCount', { received: receivedCount, total: checklist.lines.length })}
          data-testid="checklist-summary"
        />
      ) : (
        <Alert
          type="warning"
          showIcon
          title={t('file.checklist.incomplete', { received: receivedCount, total: checklist.lines.length })}
          data-testid="checklist-summary"
          description={
            <div>
              {summaryRows.map((r) => (
                <div key={r.key}>
                  <Typography.Text strong>{r.label}</Typography.Text>
                  {r.text}
                </div>
              ))}
            </div>
          }
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('file.checklist.keys')}
      </Typography.Text>
      <Table<ChecklistLine>
        size="small"
        pagination={false}
        rowKey={(line) => line.item.id}
        dataSource={[...checklist.lines]}
        columns={columns}
        aria-label={t('file.tab.checklist')}
        rowClassName={(line) =>
          line.status === 'rejected' ? 'desk-line-rejected' : line.problems.length > 0 && line.status === 'received' ? 'desk-line-short' : ''
        }
        onRow={(line) =>
          ({
            tabIndex: 0,
            'data-item': line.item.id,
            'data-status': line.status,
            'aria-label': t('file.checklist.lineLabel', { name: name(line.item), status: line.problems.length === 0 ? t(`file.checklist.status.${line.status}` as MessageKey) : rule(line.problems.join('；')) }),
            onKeyDown: (e: KeyboardEvent<HTMLElement>) => onRowKey(line, e),
          }) as HTMLAttributes<HTMLElement>
        }
      />
      {checklist.later.length > 0 && (
        <Card size="small" title={t('file.checklist.later')} data-testid="checklist-later">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('file.checklist.laterHint')}
          </Typography.Paragraph>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {checklist.later.map((item) => (
              <li key={item.id}>
                <ItemName item={item} lang={lang} /> <RequirementTag item={item} />
              </li>
            ))}
          </ul>
        </Card>
      )}
    </Space>
  );
}
