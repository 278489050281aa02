/**
 * 收件登记 — for now the first real write path: register an applicant by name and 身份证号.
 * The ID number is checked by the shared rule (the same code the server will run); birth date and
 * sex come from it. The full intake (applications, materials, binding) arrives with its own issue.
 */
import { App as AntApp, Button, Card, Form, Input, Table, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef } from 'react';
import type { InputRef } from 'antd';
import { parseIdNumber } from '../../../shared/rules/id-number';
import type { Person } from '../../../shared/model/records';
import { db, repositories } from '../db';
import { ValidationError } from '../db/errors';
import { useT } from '../i18n';
import { formatInstantDate, formatIsoDate } from '../i18n/format';
import { writeContext } from '../session';
import { useUi } from '../stores/ui';
import { todayIso } from '../today';

interface PersonForm {
  name: string;
  idNumber: string;
}

export function IntakePage() {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PersonForm>();
  const idRef = useRef<InputRef>(null);
  const nameRef = useRef<InputRef>(null);
  const people = useLiveQuery(
    () => db.people.orderBy('updatedAt').reverse().filter((p) => !p.deleted).limit(200).toArray(),
    [],
    [] as Person[],
  );

  const onFinish = async (values: PersonForm) => {
    const parsed = parseIdNumber(values.idNumber, { today: todayIso() });
    if (!parsed.ok) {
      form.setFields([{ name: 'idNumber', errors: [parsed.error.message] }]);
      return;
    }
    const { idNumber, birthDate, sex } = parsed.value;
    const existing = await db.people.where('idNumber').equals(idNumber).filter((p) => !p.deleted).first();
    if (existing) {
      form.setFields([{ name: 'idNumber', errors: [t('intake.duplicate', { idNumber, name: existing.name })] }]);
      return;
    }
    try {
      const person = await repositories.people.create({ name: values.name.trim(), idNumber, birthDate, sex }, await writeContext());
      void message.success(t('intake.saved', { name: person.name }));
      form.resetFields();
      nameRef.current?.focus();
    } catch (error) {
      if (error instanceof ValidationError) {
        form.setFields(error.issues.map((i) => ({ name: i.path as keyof PersonForm, errors: [i.message] })));
      } else {
        void message.error(t('error.unexpected', { message: error instanceof Error ? error.message : String(error) }));
      }
    }
  };

  return (
    <div style={{ display: 'grid', gap: 24 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('intake.title')}
      </Typography.Title>
      <Card title={t('intake.registerPerson')}>
        <Form<PersonForm> form={form} layout="inline" onFinish={onFinish} requiredMark={false} style={{ rowGap: 12 }}>
          <Form.Item
            name="name"
            label={t('intake.name')}
            rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
          >
            <Input
              ref={nameRef}
              autoFocus
              style={{ width: 180 }}
              autoComplete="off"
              onPressEnter={(e) => {
                e.preventDefault();
                idRef.current?.focus();
              }}
            />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label={t('intake.idNumber')}
            tooltip={t('intake.idNumberHint')}
            rules={[{ required: true, whitespace: true, message: '请填写身份证号' }]}
          >
            <Input ref={idRef} style={{ width: 260 }} autoComplete="off" maxLength={40} inputMode="text" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('intake.save')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card title={t('intake.people')}>
        <Table<Person>
          rowKey="id"
          size="middle"
          dataSource={people}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('intake.empty') }}
          columns={[
            { title: t('intake.name'), dataIndex: 'name' },
            { title: t('intake.idNumber'), dataIndex: 'idNumber', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            { title: t('intake.birthDate'), dataIndex: 'birthDate', render: (v?: string) => (v ? formatIsoDate(v, locale) : '') },
            { title: t('intake.sex'), dataIndex: 'sex', render: (v?: Person['sex']) => (v ? t(`intake.sex.${v}`) : '') },
            { title: t('intake.registeredAt'), dataIndex: 'createdAt', render: (v: string) => formatInstantDate(v, locale) },
          ]}
        />
      </Card>
    </div>
  );
}
