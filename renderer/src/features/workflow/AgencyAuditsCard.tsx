/**
 * 评价机构审核 on an application of a program that works through evaluation agencies (004 办法
 * 第十四条（二）): the 文件资料审核 and 现场审核 records (date, evaluators, findings, passed or
 * not), what is still outstanding at this stage, and a form to record one more. Only shown for a
 * pack with agencies (shared/engine/agencies hasAgencies); the guard that counts them is the
 * engine's.
 */
import { Alert, App, Button, Card, Form, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { auditsOutstanding, evaluatorActive } from '../../../../shared/engine/agencies';
import { AGENCY_AUDIT_KINDS, type AgencyAudit, type AgencyAuditKind } from '../../../../shared/model/records';
import { db } from '../../db';
import { useT, useRuleText, useErrorText } from '../../i18n';
import { formatIsoDate } from '../../i18n/format';
import { useUi } from '../../stores/ui';
import { todayIso } from '../../today';
import { parseDateInput } from '../../../../shared/rules/civil-date';
import type { TabProps } from '../applications/types';
import { recordAgencyAudit } from './audits';

interface Draft {
  kind?: AgencyAuditKind;
  on?: string;
  agencyId?: string;
  evaluatorIds: string[];
  findings: string;
  passed?: boolean;
}

export function AgencyAuditsCard({ props, mayRecord }: { props: TabProps; mayRecord: boolean }) {
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const { message } = App.useApp();
  const { file } = props;
  const audits = file.audits ?? [];
  const stage = file.application.status;
  const outstanding = auditsOutstanding(audits, stage);
  const people = useLiveQuery(async () => {
    const agencies = (await db.evaluationAgencies.where('programId').equals(file.application.programId).toArray()).filter((a) => !a.deleted);
    const evaluators = (await db.evaluators.toArray()).filter((e) => evaluatorActive(e, todayIso()));
    return { agencies, evaluators };
  }, [file.application.programId]);
  const [draft, setDraft] = useState<Draft>({ evaluatorIds: [], findings: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const names = new Map((people?.evaluators ?? []).map((e) => [e.id, e.name]));
  const agencyName = new Map((people?.agencies ?? []).map((a) => [a.id, a.name]));
  const agencyEvaluators = (people?.evaluators ?? []).filter((e) => e.agencyId === draft.agencyId);

  const save = async () => {
    if (draft.kind === undefined || draft.passed === undefined) {
      setError(t('workflow.agencyAudit.incomplete'));
      return;
    }
    // 20261122, 2026-11-22 or 2026年11月22日, as everywhere a date is typed.
    const on = parseDateInput(draft.on ?? '');
    if (!on.ok) {
      setError(`${t('workflow.agencyAudit.on')}：${rule(on.error.message)}`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await recordAgencyAudit({
        applicationId: file.application.id,
        agencyId: draft.agencyId,
        kind: draft.kind,
        on: on.value,
        evaluatorIds: draft.evaluatorIds,
        findings: draft.findings,
        passed: draft.passed,
      });
      void message.success(t('workflow.agencyAudit.saved'));
      // The agency stays chosen; the next review names its own evaluators, date and findings.
      setDraft((d) => ({ evaluatorIds: [], findings: '', ...(d.agencyId === undefined ? {} : { agencyId: d.agencyId }) }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('workflow.agencyAudit.title')} data-testid="agency-audits">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {outstanding.length > 0 ? (
          <Typography.Text type="warning" data-testid="audits-outstanding">
            {t('workflow.agencyAudit.outstanding', { kinds: outstanding.map((k) => t(`workflow.agencyAudit.kind.${k}`)).join('、') })}
          </Typography.Text>
        ) : (
          <Typography.Text type="success">{t('workflow.agencyAudit.allPassed')}</Typography.Text>
        )}
        <Table<AgencyAudit>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={[...audits]}
          locale={{ emptyText: t('workflow.agencyAudit.none') }}
          columns={[
            { title: t('workflow.agencyAudit.kind'), dataIndex: 'kind', render: (k: AgencyAuditKind) => t(`workflow.agencyAudit.kind.${k}`) },
            { title: t('workflow.agencyAudit.on'), dataIndex: 'on', render: (v: string) => formatIsoDate(v, locale) },
            { title: t('workflow.agencyAudit.agency'), dataIndex: 'agencyId', render: (v: string | undefined) => (v ? (agencyName.get(v) ?? '—') : '—') },
            { title: t('workflow.agencyAudit.evaluators'), dataIndex: 'evaluatorIds', render: (ids: string[]) => ids.map((id) => names.get(id) ?? id).join('、') },
            { title: t('workflow.agencyAudit.findings'), dataIndex: 'findings' },
            {
              title: t('workflow.agencyAudit.result'),
              dataIndex: 'passed',
              render: (p: boolean) => <Tag color={p ? 'green' : 'red'}>{p ? t('workflow.agencyAudit.passed') : t('workflow.agencyAudit.failed')}</Tag>,
            },
          ]}
        />
        {mayRecord && (
          <Form layout="vertical" component="div">
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', columnGap: 16 }}>
              <Form.Item label={t('workflow.agencyAudit.kind')} htmlFor="audit-kind" required>
                <Select
                  id="audit-kind"
                  showSearch={{ optionFilterProp: 'label' }}
                  value={draft.kind}
                  placeholder={t('form.field.choose')}
                  options={AGENCY_AUDIT_KINDS.map((k) => ({ value: k, label: t(`workflow.agencyAudit.kind.${k}`) }))}
                  onChange={(v) => setDraft((d) => ({ ...d, kind: v }))}
                />
              </Form.Item>
              <Form.Item label={t('workflow.agencyAudit.on')} htmlFor="audit-on" required>
                <Input id="audit-on" value={draft.on} placeholder={t('form.field.datePlaceholder')} autoComplete="off" onChange={(e) => setDraft((d) => ({ ...d, on: e.target.value }))} />
              </Form.Item>
              <Form.Item label={t('workflow.agencyAudit.agency')} htmlFor="audit-agency" required>
                <Select
                  id="audit-agency"
                  showSearch={{ optionFilterProp: 'label' }}
                  value={draft.agencyId}
                  placeholder={t('form.field.choose')}
                  options={(people?.agencies ?? []).map((a) => ({ value: a.id, label: a.name }))}
                  onChange={(v) => setDraft((d) => ({ ...d, agencyId: v, evaluatorIds: [] }))}
                />
              </Form.Item>
              <Form.Item label={t('workflow.agencyAudit.evaluators')} htmlFor="audit-evaluators" required>
                <Select
                  id="audit-evaluators"
                  mode="multiple"
                  value={draft.evaluatorIds}
                  placeholder={t('form.field.choose')}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={agencyEvaluators.map((e) => ({ value: e.id, label: e.name }))}
                  onChange={(v) => setDraft((d) => ({ ...d, evaluatorIds: v }))}
                />
              </Form.Item>
            </div>
            <Form.Item label={t('workflow.agencyAudit.findings')} htmlFor="audit-findings" required>
              <Input.TextArea id="audit-findings" autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} value={draft.findings} onChange={(e) => setDraft((d) => ({ ...d, findings: e.target.value }))} />
            </Form.Item>
            <Form.Item label={t('workflow.agencyAudit.result')} required>
              <Radio.Group
                value={draft.passed}
                onChange={(e) => setDraft((d) => ({ ...d, passed: e.target.value as boolean }))}
                options={[
                  { value: true, label: t('workflow.agencyAudit.passed') },
                  { value: false, label: t('workflow.agencyAudit.failed') },
                ]}
              />
            </Form.Item>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="audit-error" />}
            <Button type="primary" loading={busy} onClick={() => void save()} data-testid="audit-save">
              {t('workflow.agencyAudit.record')}
            </Button>
          </Form>
        )}
      </Space>
    </Card>
  );
}
