/**
 * Scoring one application in a session: per stage, the pack's sheet with every row's maximum.
 * An expert fills in their OWN sheet (draft, then 提交评分表 — final) and sees the other members'
 * sheets only as the pack allows (after submitting); the office types a member's paper sheet,
 * choosing the member from the session (never typing a name), and sees every sheet with who
 * typed it. A refusal lists every problem in Chinese, naming the row; nothing is written then.
 */
import { Alert, Button, Card, Form, Input, InputNumber, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import {
  expertName,
  formatTenths,
  live,
  maySaveSheet,
  recusalOf,
  sheetTotalTenths,
  toTenths,
  viewerOf,
  visibleSheets,
  type PanelSheet,
  type PanelSheetRow,
} from '../../../../shared/panels';
import type { Scoresheet } from '../../../../shared/model/records';
import { useT, useRuleText, useErrorText } from '../../i18n';
import { useSession } from '../../stores/session';
import { useUi } from '../../stores/ui';
import { saveSheet } from './commands';
import type { SessionData } from './context';
import { stageName } from './format';
import { langOf } from '../../i18n';

interface Values {
  scores: Record<string, number | null | undefined>;
  opinion: string;
  recommendation?: string;
}

function typedTotal(sheet: PanelSheet, scores: Values['scores']): number {
  const tenths: Record<string, number> = {};
  for (const [k, v] of Object.entries(scores ?? {})) {
    const t = typeof v === 'number' ? toTenths(v) : null;
    if (t !== null) tenths[k] = t;
  }
  return sheetTotalTenths(sheet, tenths);
}

function SheetForm({ data, applicationId, sheet, expertId, existing }: { data: SessionData; applicationId: string; sheet: PanelSheet; expertId: string; existing?: Scoresheet }) {
  const t = useT();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const scores = Form.useWatch('scores', form) ?? {};
  const initial: Values = existing
    ? {
        scores: Object.fromEntries(Object.entries(existing.scoresTenths).map(([k, v]) => [k, v / 10])),
        opinion: existing.opinion,
        ...(existing.recommendation ? { recommendation: existing.recommendation } : {}),
      }
    : { scores: {}, opinion: '' };

  const save = async (submit: boolean) => {
    const v = form.getFieldsValue(true) as Values;
    setBusy(true);
    setError(null);
    try {
      await saveSheet({
        sessionId: data.ctx.session.id,
        applicationId,
        stage: sheet.stage,
        expertId,
        input: { scores: v.scores ?? {}, opinion: v.opinion ?? '', recommendation: v.recommendation },
        submit,
      });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<PanelSheetRow> = [
    ...(sheet.rows.some((r) => r.group) ? [{ key: 'group', title: t('panel.col.group'), width: 80, render: (_v: unknown, r: PanelSheetRow) => r.group ?? '' }] : []),
    { key: 'item', title: t('panel.col.item'), render: (_v, r) => r.name },
    { key: 'max', title: t('panel.col.max'), width: 80, align: 'right', render: (_v, r) => formatTenths(r.maxTenths) },
    ...(sheet.rows.some((r) => r.claimedTenths !== undefined)
      ? [{ key: 'claimed', title: t('panel.col.claimed'), width: 80, align: 'right' as const, render: (_v: unknown, r: PanelSheetRow) => (r.claimedTenths === undefined ? '' : formatTenths(r.claimedTenths)) }]
      : []),
    {
      key: 'score',
      title: t('panel.col.score'),
      width: 150,
      render: (_v, r) =>
        r.noEvidence ? (
          <Typography.Text type="secondary">{t('panel.noEvidence')}</Typography.Text>
        ) : (
          <Form.Item name={['scores', r.id]} noStyle>
            <InputNumber min={0} step={0.5} style={{ width: 110 }} aria-label={`${t('panel.col.score')} ${r.name}`} />
          </Form.Item>
        ),
    },
  ];

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} disabled={busy} requiredMark={false}>
      <Table<PanelSheetRow> size="small" rowKey="id" columns={columns} dataSource={[...sheet.rows]} pagination={false} style={{ marginBottom: 8 }} />
      <Typography.Paragraph data-testid={`sheet-total-${sheet.stage}`}>{t('panel.total', { total: formatTenths(typedTotal(sheet, scores)), max: formatTenths(sheet.maxTotalTenths) })}</Typography.Paragraph>
      <Form.Item name="opinion" label={t('panel.opinion')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
      </Form.Item>
      {sheet.asksRecommendation && (
        <Form.Item name="recommendation" label={t('panel.recommendation')}>
          <Radio.Group
            options={[
              { value: 'recommend', label: t('panel.recommend') },
              { value: 'not-recommend', label: t('panel.notRecommend') },
            ]}
          />
        </Form.Item>
      )}
      {error !== null && (
        <Alert type="error" showIcon title={t('panel.refused')} description={<div style={{ whiteSpace: 'pre-line' }}>{error}</div>} style={{ marginBottom: 8 }} data-testid="sheet-error" />
      )}
      <Space>
        <Button onClick={() => void save(false)} loading={busy}>
          {t('panel.saveDraft')}
        </Button>
        <Button type="primary" onClick={() => void save(true)} loading={busy} data-testid={`submit-${sheet.stage}`}>
          {t('panel.submitSheet')}
        </Button>
      </Space>
    </Form>
  );
}

function SheetsList({ data, sheet, sheets, hidden }: { data: SessionData; sheet: PanelSheet; sheets: readonly Scoresheet[]; hidden: number }) {
  const t = useT();
  const columns: ColumnsType<Scoresheet> = [
    { key: 'expert', title: t('panel.recusal.expert'), render: (_v, s) => expertName(data.ctx, s.expertId) },
    { key: 'total', title: t('panel.col.total'), render: (_v, s) => formatTenths(sheetTotalTenths(sheet, s.scoresTenths)) },
    ...(sheet.asksRecommendation ? [{ key: 'rec', title: t('panel.recommendation'), render: (_v: unknown, s: Scoresheet) => (s.recommendation ? t(s.recommendation === 'recommend' ? 'panel.recommend' : 'panel.notRecommend') : '') }] : []),
    { key: 'status', title: t('panel.col.status'), render: (_v, s) => <Tag color={s.status === 'submitted' ? 'green' : 'gold'}>{t(s.status === 'submitted' ? 'panel.status.submitted' : 'panel.status.draft')}</Tag> },
    { key: 'by', title: t('panel.col.enteredBy'), render: (_v, s) => (s.enteredBy ? t('panel.paperBy') : t('panel.ownAccount')) },
    { key: 'opinion', title: t('panel.opinion'), render: (_v, s) => <Typography.Text ellipsis style={{ maxWidth: 280 }}>{s.opinion}</Typography.Text> },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table<Scoresheet> size="small" rowKey="id" columns={columns} dataSource={[...sheets]} pagination={false} locale={{ emptyText: t('panel.noSheets') }} data-testid={`sheets-${sheet.stage}`} />
      {hidden > 0 && <Typography.Text type="secondary" data-testid={`hidden-${sheet.stage}`}>{t('panel.hidden', { count: hidden })}</Typography.Text>}
    </Space>
  );
}

function StageCard({ data, applicationId, stage }: { data: SessionData; applicationId: string; stage: string }) {
  const t = useT();
  const rule = useRuleText();
  const lang = langOf(useUi((s) => s.locale));
  const user = useSession((s) => s.user);
  const actor = { userId: user?.id ?? '', role: user?.role ?? 'reviewer' };
  const viewer = viewerOf(data.ctx, actor);
  const row = data.applications.find((a) => a.application.id === applicationId);
  const sheet = row?.sheets[stage];
  const [member, setMember] = useState<string | undefined>(undefined);
  if (row === undefined || sheet === undefined) return null;
  const title = t('panel.sheetTitle', { stage: stageName(data, stage, lang) });
  if (typeof sheet === 'string') return <Card size="small" title={title}><Alert type="warning" showIcon title={rule(sheet)} /></Card>;
  const visible = visibleSheets(data.ctx, viewer, applicationId, stage);

  if (viewer.kind === 'expert') {
    const recusal = recusalOf(data.ctx, viewer.expertId, applicationId);
    if (recusal) return <Card size="small" title={title}><Alert type="warning" showIcon title={t('panel.youRecused', { reason: recusal.reason })} /></Card>;
    const may = maySaveSheet(data.ctx, actor, applicationId, stage, viewer.expertId);
    const own = visible.sheets.find((s) => s.expertId === viewer.expertId);
    return (
      <Card size="small" title={title} data-testid={`stage-${stage}`}>
        {may.ok ? (
          <SheetForm key={own?.updatedAt ?? 'new'} data={data} applicationId={applicationId} sheet={sheet} expertId={viewer.expertId} {...(may.value.existing ? { existing: may.value.existing } : {})} />
        ) : (
          <Alert type={own?.status === 'submitted' ? 'success' : 'info'} showIcon title={rule(may.error.message)} style={{ marginBottom: 8 }} data-testid={`sheet-state-${stage}`} />
        )}
        <Typography.Title level={5}>{t('panel.sheetsSeen')}</Typography.Title>
        <SheetsList data={data} sheet={sheet} sheets={visible.sheets} hidden={visible.hidden} />
      </Card>
    );
  }

  // The office: a paper sheet on behalf of a member chosen from the session.
  const sheets = live(data.ctx.sheets, data.ctx.session.id).filter((s) => s.applicationId === applicationId && s.stage === stage);
  const chosen = member === undefined ? undefined : maySaveSheet(data.ctx, actor, applicationId, stage, member);
  return (
    <Card size="small" title={title} data-testid={`stage-${stage}`}>
      <SheetsList data={data} sheet={sheet} sheets={sheets} hidden={0} />
      <Card size="small" type="inner" title={t('panel.paper.title')} style={{ marginTop: 12 }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('panel.paper.help')}</Typography.Text>
          <Select
            style={{ width: 260 }}
            placeholder={t('panel.paper.member')}
            aria-label={`${t('panel.paper.member')} ${stageName(data, stage, lang)}`}
            value={member}
            onChange={setMember}
            options={data.ctx.session.memberIds.map((id) => ({ value: id, label: expertName(data.ctx, id) }))}
          />
          {chosen !== undefined &&
            (chosen.ok ? (
              <SheetForm key={`${member}-${chosen.value.existing?.updatedAt ?? 'new'}`} data={data} applicationId={applicationId} sheet={sheet} expertId={member!} {...(chosen.value.existing ? { existing: chosen.value.existing } : {})} />
            ) : (
              <Alert type="warning" showIcon title={rule(chosen.error.message)} data-testid="paper-refused" />
            ))}
        </Space>
      </Card>
    </Card>
  );
}

/** Every stage of the session for one application. */
export function ScoringPanel({ data, applicationId }: { data: SessionData; applicationId: string }) {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {data.ctx.session.stages.map((stage) => (
        <StageCard key={stage} data={data} applicationId={applicationId} stage={stage} />
      ))}
    </Space>
  );
}
