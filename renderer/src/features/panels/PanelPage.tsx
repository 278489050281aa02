/**
 * 评审会: the applications waiting for a panel, with the reviews each stage asks for and has;
 * "录入评审" opens the scoring form for one application — the rows from the pack's sheet
 * (shared/engine/review), the live total against the pass line, the opinion and the
 * recommendation. The engine checks the review; a refusal lists every problem in Chinese and
 * writes nothing. Works offline: reviews sync afterwards like any record.
 */
import { Alert, App, Button, Card, Drawer, Form, Input, InputNumber, List, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { REVIEW_OUTCOMES, sheetTotal, type ReviewRow } from '../../../../shared/engine/review';
import type { Review } from '../../../../shared/model/records';
import { programPacks } from '../../../../shared/programs';
import { db } from '../../db';
import { useT } from '../../i18n';
import { loadPanel, ReviewError, saveReview, type PanelRow } from './reviews';
import { useSession } from '../../stores/session';
import { useUi } from '../../stores/ui';

const ALL = '*';

interface ReviewValues {
  reviewer: string;
  opinion: string;
  outcome?: string;
  scores: Record<string, number | null | undefined>;
}

function ReviewForm({ row, onSaved }: { row: PanelRow; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const user = useSession((s) => s.user);
  const [form] = Form.useForm<ReviewValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const scores = Form.useWatch('scores', form) ?? {};
  const { sheet } = row;
  const blank: ReviewValues = { reviewer: user?.role === 'reviewer' ? user.displayName : '', opinion: '', scores: {} };

  const edit = (review: Review) => {
    setError(null);
    form.setFieldsValue({ reviewer: review.reviewer, opinion: review.opinion, outcome: review.outcome, scores: { ...review.scores } });
  };

  const submit = async () => {
    const values = form.getFieldsValue(true) as ReviewValues;
    setBusy(true);
    setError(null);
    try {
      const saved = await saveReview(row.application.id, {
        reviewer: values.reviewer ?? '',
        opinion: values.opinion ?? '',
        outcome: values.outcome,
        scores: values.scores ?? {},
      });
      void message.success(t('panel.saved', { reviewer: saved.reviewer }));
      form.resetFields();
      onSaved();
    } catch (e) {
      if (e instanceof ReviewError) setError(e.message);
      else setError(t('error.unexpected', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const { total = 0, passes } = sheetTotal(sheet, scores);
  const columns: ColumnsType<ReviewRow> = [
    ...(sheet.rows.some((r) => r.group) ? [{ key: 'group', title: t('panel.col.group'), width: 80, render: (_v: unknown, r: ReviewRow) => r.group ?? '' }] : []),
    { key: 'item', title: t('panel.col.item'), render: (_v, r) => r.name },
    { key: 'max', title: t('panel.col.max'), width: 80, align: 'right', render: (_v, r) => (r.maxScore === null ? <Typography.Text type="secondary">{t('panel.noMax')}</Typography.Text> : r.maxScore) },
    {
      key: 'score',
      title: t('panel.col.score'),
      width: 150,
      render: (_v, r) =>
        r.noEvidence ? (
          <Typography.Text type="secondary">{t('panel.noEvidence')}</Typography.Text>
        ) : (
          <Form.Item name={['scores', r.id]} noStyle>
            <InputNumber min={0} max={r.maxScore ?? 1000} step={0.5} style={{ width: 110 }} aria-label={`${t('panel.col.score')} ${r.name}`} data-testid={`score-${r.id}`} />
          </Form.Item>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {row.reviews.length > 0 && (
        <Card size="small" title={t('panel.existing')}>
          <List
            size="small"
            dataSource={[...row.reviews]}
            renderItem={(review) => {
              const sum = sheetTotal(sheet, review.scores).total;
              return (
                <List.Item actions={[<Button key="edit" size="small" onClick={() => edit(review)}>{t('panel.edit')}</Button>]} data-testid="existing-review">
                  <Space wrap>
                    <Typography.Text strong>{review.reviewer}</Typography.Text>
                    <Tag color={review.outcome === '建议通过' ? 'green' : 'red'}>{review.outcome}</Tag>
                    {sum !== undefined && <Typography.Text>{t('panel.total', { total: sum })}</Typography.Text>}
                    <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>{review.opinion}</Typography.Text>
                  </Space>
                </List.Item>
              );
            }}
          />
        </Card>
      )}
      {error !== null && (
        <Alert type="error" showIcon title={t('panel.refused')} description={<div style={{ whiteSpace: 'pre-line' }}>{error}</div>} data-testid="review-error" />
      )}
      <Form<ReviewValues> form={form} layout="vertical" initialValues={blank} onFinish={() => void submit()} disabled={busy} requiredMark={false}>
        <Form.Item name="reviewer" label={t('panel.reviewer')} extra={t('panel.reviewerHint')}>
          <Input maxLength={50} style={{ maxWidth: 280 }} autoComplete="off" />
        </Form.Item>
        {sheet.rows.length > 0 ? (
          <>
            <Typography.Text strong>{t('panel.scores')}</Typography.Text>
            <Table<ReviewRow> size="small" rowKey="id" columns={columns} dataSource={[...sheet.rows]} pagination={false} style={{ margin: '8px 0' }} />
            <Typography.Paragraph data-testid="review-total">
              {t('panel.total', { total })}
              {sheet.passScore !== undefined && t('panel.passLine', { pass: sheet.passScore, verdict: t(passes ? 'panel.passes' : 'panel.fails') })}
            </Typography.Paragraph>
          </>
        ) : (
          <Typography.Paragraph type="secondary">{t('panel.noSheet')}</Typography.Paragraph>
        )}
        <Form.Item name="opinion" label={t('panel.opinion')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} />
        </Form.Item>
        <Form.Item name="outcome" label={t('panel.outcome')}>
          <Radio.Group options={REVIEW_OUTCOMES.map((o) => ({ value: o, label: o }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('panel.save')}
        </Button>
      </Form>
    </Space>
  );
}

export function PanelPage() {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  const [programId, setProgramId] = useState<string>(ALL);
  // ?application=<id> (the 办理 tab's 录入评审) opens that application's scoring drawer.
  const [params, setParams] = useSearchParams();
  const openId = params.get('application');
  const setOpenId = (id: string | null) => setParams(id === null ? {} : { application: id }, { replace: true });
  const rows = useLiveQuery(() => loadPanel(db, programId === ALL ? undefined : programId), [programId]);
  const open = rows?.find((r) => r.application.id === openId);

  const columns: ColumnsType<PanelRow> = [
    { key: 'no', title: t('panel.col.no'), render: (_v, r) => <Link to={`/applications/${r.application.id}`}>{r.application.applicationNo}</Link> },
    { key: 'applicant', title: t('panel.col.applicant'), render: (_v, r) => r.applicant },
    { key: 'program', title: t('panel.col.program'), render: (_v, r) => r.pack.names[lang] },
    { key: 'stage', title: t('panel.col.stage'), render: (_v, r) => r.stageName?.[lang] ?? r.stage },
    {
      key: 'progress',
      title: t('panel.col.progress'),
      render: (_v, r) => {
        const done = r.reviews.length;
        if (r.needed === undefined) return t('panel.progressFree', { done });
        return <Tag color={done >= r.needed ? 'green' : 'orange'}>{t('panel.progress', { done, needed: r.needed })}</Tag>;
      },
    },
    {
      key: 'actions',
      title: '',
      width: 120,
      render: (_v, r) => (
        <Button type="primary" size="small" onClick={() => setOpenId(r.application.id)}>
          {t('panel.enter')}
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('panel.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('panel.help')}
      </Typography.Paragraph>
      <Space>
        <Typography.Text>{t('panel.program')}</Typography.Text>
        <Select
          value={programId}
          onChange={setProgramId}
          style={{ minWidth: 280 }}
          options={[{ value: ALL, label: t('panel.allPrograms') }, ...programPacks.map((p) => ({ value: p.id, label: p.names[lang] }))]}
        />
      </Space>
      <Table<PanelRow>
        rowKey={(r) => r.application.id}
        columns={columns}
        dataSource={rows ?? []}
        loading={rows === undefined}
        locale={{ emptyText: t('panel.empty') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="panel-table"
      />
      <Drawer
        open={open !== undefined}
        onClose={() => setOpenId(null)}
        size={760}
        destroyOnHidden
        title={open ? t('panel.drawerTitle', { no: open.application.applicationNo, applicant: open.applicant }) : ''}
        extra={open && <Link to={`/applications/${open.application.id}`}>{t('panel.open')}</Link>}
      >
        {open && <ReviewForm key={open.application.id} row={open} onSaved={() => undefined} />}
      </Drawer>
    </Space>
  );
}
