/**
 * 新建评审会 / 修改评审会: the program (those whose pack has a panel), the stages it decides, date,
 * venue, members from the roster (the chair among them) and applications waiting at those stages
 * (待评审). shared/panels checkSession decides; the experts of an applicant's unit are recused
 * automatically when it is saved, and the screen says who.
 */
import { Alert, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import type { PanelSession } from '../../../../shared/model/records';
import { programPacks } from '../../../../shared/programs';
import { formatDateZh } from '../../../../shared/rules/civil-date';
import { dateRules, isoOf } from '../../components/dates';
import { MultiSelect } from '../../components/MultiSelect';
import { useT, useErrorText, useRuleText } from '../../i18n';
import { useUi } from '../../stores/ui';
import { saveSession } from './commands';
import { useCandidates, useExperts } from './queries';
import { langOf } from '../../i18n';

interface Values {
  programId?: string;
  title: string;
  stages: string[];
  date?: string;
  venue: string;
  memberIds: string[];
  chairId?: string;
  applicationIds: string[];
}

export function SessionForm({ session, onClose }: { session?: PanelSession; onClose: () => void }) {
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const lang = langOf(locale);
  const [form] = Form.useForm<Values>();
  const experts = useExperts();
  const [error, setError] = useState<string | null>(null);
  const [recused, setRecused] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const programId = Form.useWatch('programId', form) ?? session?.programId;
  const stages = Form.useWatch('stages', form) ?? session?.stages ?? [];
  const memberIds = Form.useWatch('memberIds', form) ?? session?.memberIds ?? [];
  const candidates = useCandidates(programId, stages);
  const pack = programPacks.find((p) => p.id === programId);
  const withPanel = programPacks.filter((p) => p.panel !== undefined);
  const initial: Values = session
    ? { programId: session.programId, title: session.title, stages: [...session.stages], date: formatDateZh(session.date), venue: session.venue, memberIds: [...session.memberIds], chairId: session.chairId, applicationIds: [...session.applicationIds] }
    : { title: '', stages: [], venue: '', memberIds: [], applicationIds: [] };
  // Applications already in the session stay choosable after they moved on a step.
  const known = new Map((candidates ?? []).map((c) => [c.application.id, c.label]));
  const applicationOptions = [
    ...(candidates ?? []).map((c) => ({ value: c.application.id, label: c.label })),
    ...(session?.applicationIds ?? []).filter((id) => !known.has(id)).map((id) => ({ value: id, label: id })),
  ];

  const save = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const v = form.getFieldsValue(true) as Values;
    setBusy(true);
    setError(null);
    try {
      const saved = await saveSession(
        {
          programId: v.programId ?? '',
          title: v.title ?? '',
          stages: v.stages ?? [],
          date: isoOf(v.date) ?? '',
          venue: v.venue ?? '',
          chairId: v.chairId ?? '',
          memberIds: v.memberIds ?? [],
          applicationIds: v.applicationIds ?? [],
        },
        session?.id,
      );
      if (saved.recusals.length > 0) {
        const name = (id: string) => experts?.find((e) => e.id === id)?.name ?? '';
        setRecused(saved.recusals.map((r) => rule(`${name(r.expertId)}：${r.reason}`)).join('\n'));
      } else onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={760}
      title={t(session ? 'panel.session.edit' : 'panel.newSession')}
      onCancel={onClose}
      onOk={() => (recused !== null ? onClose() : void save())}
      okText={recused !== null ? t('panel.close') : t('panel.save')}
      confirmLoading={busy}
      destroyOnHidden
    >
      {recused !== null ? (
        <Alert type="warning" showIcon title={t('panel.session.recusedTitle')} description={<div style={{ whiteSpace: 'pre-line' }}>{recused}</div>} data-testid="auto-recusals" />
      ) : (
        <Form<Values> form={form} layout="vertical" initialValues={initial} requiredMark={false}>
          <Form.Item name="programId" label={t('panel.col.program')}>
            <Select
              disabled={session !== undefined}
              options={withPanel.map((p) => ({ value: p.id, label: p.names[lang] }))}
              onChange={() => form.setFieldsValue({ stages: [], applicationIds: [] })}
            />
          </Form.Item>
          {pack?.panel && (
            <Form.Item name="stages" label={t('panel.session.stages')}>
              <Checkbox.Group options={pack.panel.stages.map((s) => ({ value: s.stage, label: s.names[lang] }))} />
            </Form.Item>
          )}
          <Form.Item name="title" label={t('panel.col.title')}>
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
          <Form.Item name="date" label={t('panel.col.date')} rules={dateRules()}>
            <Input placeholder="2026-12-08" style={{ maxWidth: 200 }} autoComplete="off" />
          </Form.Item>
          <Form.Item name="venue" label={t('panel.col.venue')}>
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
          <Form.Item name="memberIds" label={t('panel.session.members')}>
            <MultiSelect optionFilterProp="label" options={(experts ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.unit}）` }))} />
          </Form.Item>
          <Form.Item name="chairId" label={t('panel.col.chair')}>
            <Select options={(experts ?? []).filter((e) => memberIds.includes(e.id)).map((e) => ({ value: e.id, label: e.name }))} />
          </Form.Item>
          <Form.Item name="applicationIds" label={t('panel.session.applications')} extra={t('panel.session.applicationsHint')}>
            <MultiSelect optionFilterProp="label" options={applicationOptions} />
          </Form.Item>
        </Form>
      )}
      {error !== null && <Alert type="error" showIcon title={t('panel.refused')} description={<div style={{ whiteSpace: 'pre-line' }}>{error}</div>} data-testid="session-error" />}
    </Modal>
  );
}
