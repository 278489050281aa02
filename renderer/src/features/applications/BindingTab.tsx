/**
 * The binding plan of one application (002 附件4 三), as the engine makes it
 * (`evaluation.binding`): per volume — 第一册, 第二册 or 第二册（一）/（二）… when the clerk marks
 * volume 2 thick — the items in the pack's order with their place, copies and whether they are
 * in; what each volume still lacks, highlighted; and apart, the items never bound with the
 * reason. Printing the tables of contents is another screen's; this shows the plan.
 */
import { Alert, Card, Form, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { BindingEntry, BindingVolume } from '../../../../shared/engine/checklist';
import { useT } from '../../i18n';
import { setVolume2Parts } from './materials';
import { useUi } from '../../stores/ui';
import type { TabProps } from './types';
import { useFileAction } from './useFileAction';
import { langOf } from '../../i18n';

const STYLE = `.desk-binding tr.desk-binding-missing > td { background: #fff1f0; }`;

export function BindingTab({ file, result }: TabProps) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const lang = langOf(locale);
  const run = useFileAction();
  const { binding } = result.evaluation;
  const rules = result.pack.binding;
  if (binding === null || rules === undefined) return <Alert type="info" showIcon title={t('file.binding.none')} />;

  const splittable = rules.volumes.some((v) => v.split !== undefined);
  const parts = file.application.volume2Parts ?? 1;
  const optional = new Set(result.evaluation.checklist.lines.filter((l) => !l.required).map((l) => l.item.id));

  const columns: ColumnsType<BindingEntry> = [
    { key: 'order', title: t('file.binding.order'), width: 52, render: (_v, _e, index) => index + 1 },
    {
      key: 'position',
      title: t('file.binding.position'),
      width: 200,
      render: (_v, e) => (
        <Space size={4}>
          {t('file.binding.positionText', { position: e.position })}
          {e.bySequence === 'score-sheet' && <Tag color="geekblue">{t('file.binding.bySheet')}</Tag>}
        </Space>
      ),
    },
    { key: 'item', title: t('file.binding.item'), render: (_v, e) => e.item.name[lang] },
    { key: 'copies', title: t('file.binding.copies'), width: 64, render: (_v, e) => e.copies },
    {
      key: 'status',
      title: t('file.binding.status'),
      width: 110,
      render: (_v, e) =>
        e.present ? (
          <Tag color="green">{t('file.binding.in')}</Tag>
        ) : optional.has(e.item.id) ? (
          <Tag>{t('file.binding.optionalOut')}</Tag>
        ) : (
          <Tag color="red">{t('file.binding.missing')}</Tag>
        ),
    },
  ];

  const volumeCard = (v: BindingVolume, index: number) => {
    const missing = new Set(v.missing.map((m) => m.id));
    return (
      <Card
        key={`${v.volume}-${index}`}
        size="small"
        data-testid={`binding-volume-${index}`}
        title={
          <Space>
            <span>{v.title[lang]}</span>
            {v.tableOfContents && <Tag>{t('file.binding.toc')}</Tag>}
            {v.missing.length === 0 ? (
              <Tag color="green">{t('file.binding.volumeComplete')}</Tag>
            ) : (
              <Tag color="red">{t('file.binding.volumeMissing', { count: v.missing.length })}</Tag>
            )}
          </Space>
        }
      >
        {v.missing.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 8 }}
            title={t('file.binding.missingFrom', { volume: v.title[lang], list: v.missing.map((m) => m.name[lang]).join(t('file.listSeparator')) })}
          />
        )}
        <Table<BindingEntry>
          size="small"
          pagination={false}
          rowKey={(e) => `${e.item.id}-${e.position}`}
          dataSource={[...v.entries]}
          columns={columns}
          aria-label={v.title[lang]}
          rowClassName={(e) => (missing.has(e.item.id) ? 'desk-binding-missing' : '')}
        />
      </Card>
    );
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} className="desk-binding">
      <style>{STYLE}</style>
      <Typography.Text type="secondary">
        {t('file.binding.rules', { paper: rules.paper.size, container: rules.container.name[lang], cite: rules.cite })}
      </Typography.Text>
      {splittable && (
        <Form layout="inline" onSubmitCapture={(e) => e.preventDefault()}>
          <Form.Item label={t('file.binding.split')} htmlFor="volume2Parts" style={{ marginBottom: 0 }}>
            <Select
              id="volume2Parts"
              value={parts}
              style={{ width: 140 }}
              aria-label={t('file.binding.split')}
              options={Array.from({ length: 9 }, (_x, i) => ({
                value: i + 1,
                label: i === 0 ? t('file.binding.notSplit') : t('file.binding.parts', { count: i + 1 }),
              }))}
              onChange={(value: number) => void run(() => setVolume2Parts(file.application.id, value))}
            />
          </Form.Item>
        </Form>
      )}
      {binding.volumes.map(volumeCard)}
      <Card size="small" title={t('file.binding.neverBound')} data-testid="binding-never-bound">
        {binding.neverBound.length === 0 ? (
          <Typography.Text type="secondary">{t('file.binding.neverBoundNone')}</Typography.Text>
        ) : (
          <Table
            size="small"
            pagination={false}
            rowKey={(n) => `${n.item.id}-${n.reason.zh}`}
            dataSource={[...binding.neverBound]}
            aria-label={t('file.binding.neverBound')}
            columns={[
              { key: 'item', title: t('file.binding.item'), render: (_v, n) => n.item.name[lang] },
              { key: 'reason', title: t('file.binding.reason'), render: (_v, n) => n.reason[lang] },
            ]}
          />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
          {t('file.binding.exclusions', { list: rules.exclusions.map((x) => x.text[lang]).join(t('file.listSeparator')) })}
        </Typography.Paragraph>
      </Card>
    </Space>
  );
}
