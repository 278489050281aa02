/**
 * 专家库: the office's roster of experts (name, unit, specialties, contact) and, for an expert who
 * signs in themself, the 评审人员 account they use. The account is chosen from the accounts, never
 * typed: scores are attributed to the account, not to a name.
 */
import { Alert, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { Expert } from '../../../../shared/model/records';
import { useT, useErrorText } from '../../i18n';
import { saveExpert } from './commands';
import { useExperts, useReviewerAccounts } from './queries';

interface Values {
  name: string;
  unit: string;
  specialties: string[];
  phone?: string;
  email?: string;
  userId?: string;
  note?: string;
}

function ExpertForm({ expert, onClose }: { expert: Expert | null; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const accounts = useReviewerAccounts();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const initial: Values = expert
    ? { name: expert.name, unit: expert.unit, specialties: [...expert.specialties], ...(expert.phone ? { phone: expert.phone } : {}), ...(expert.email ? { email: expert.email } : {}), ...(expert.userId ? { userId: expert.userId } : {}), ...(expert.note ? { note: expert.note } : {}) }
    : { name: '', unit: '', specialties: [] };

  const save = async () => {
    const v = form.getFieldsValue(true) as Values;
    setBusy(true);
    setError(null);
    try {
      await saveExpert(
        {
          name: v.name ?? '',
          unit: v.unit ?? '',
          specialties: v.specialties ?? [],
          ...(v.phone ? { phone: v.phone } : {}),
          ...(v.email ? { email: v.email } : {}),
          ...(v.userId ? { userId: v.userId } : {}),
          ...(v.note ? { note: v.note } : {}),
        },
        expert?.id,
      );
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t(expert ? 'panel.expert.edit' : 'panel.expert.add')} onCancel={onClose} onOk={() => void save()} okText={t('panel.save')} confirmLoading={busy} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={initial} requiredMark={false}>
        <Form.Item name="name" label={t('panel.expert.name')}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item name="unit" label={t('panel.expert.unit')} extra={t('panel.expert.unitHint')}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="specialties" label={t('panel.expert.specialties')}>
          <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="phone" label={t('panel.expert.phone')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="email" label={t('panel.expert.email')}>
            <Input maxLength={100} />
          </Form.Item>
        </Space>
        <Form.Item name="userId" label={t('panel.expert.account')} extra={t('panel.expert.accountHint')}>
          <Select allowClear options={(accounts ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))} />
        </Form.Item>
        <Form.Item name="note" label={t('panel.expert.note')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
      </Form>
      {error !== null && <Alert type="error" showIcon title={error} data-testid="expert-error" />}
    </Modal>
  );
}

export function ExpertsRoster() {
  const t = useT();
  const experts = useExperts();
  const accounts = useReviewerAccounts();
  const [editing, setEditing] = useState<Expert | null | 'new'>(null);
  const columns: ColumnsType<Expert> = [
    { key: 'name', title: t('panel.expert.name'), dataIndex: 'name' },
    { key: 'unit', title: t('panel.expert.unit'), dataIndex: 'unit' },
    { key: 'specialties', title: t('panel.expert.specialties'), render: (_v, e) => e.specialties.map((s) => <Tag key={s}>{s}</Tag>) },
    { key: 'contact', title: t('panel.expert.contact'), render: (_v, e) => [e.phone, e.email].filter(Boolean).join(' / ') },
    {
      key: 'account',
      title: t('panel.expert.account'),
      render: (_v, e) => {
        const u = accounts?.find((a) => a.id === e.userId);
        return u ? `${u.displayName}（${u.username}）` : <Tag>{t('panel.expert.paperOnly')}</Tag>;
      },
    },
    { key: 'actions', title: '', width: 90, render: (_v, e) => <Button size="small" onClick={() => setEditing(e)}>{t('panel.edit')}</Button> },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setEditing('new')} data-testid="add-expert">
        {t('panel.expert.add')}
      </Button>
      <Table<Expert> rowKey="id" columns={columns} dataSource={experts ?? []} loading={experts === undefined} pagination={{ pageSize: 50, hideOnSinglePage: true }} data-testid="experts-table" />
      {editing !== null && <ExpertForm expert={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}
