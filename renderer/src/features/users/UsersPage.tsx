/**
 * 用户: the office administrator manages the desk's users: creates them (user name, name, role,
 * password twice), resets a forgotten password, disables and enables, changes a role. Rules
 * (unique user names, the last active administrator stays) live in auth/users.ts; this page
 * gathers input and shows their Chinese messages. Others see that only administrators may.
 */
import { App as AntApp, Alert, Button, Card, Col, Form, Input, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import type { InputRef } from 'antd';
import type { User } from '../../../../shared/model/records';
import { WORKFLOW_ROLES, type WorkflowRole } from '../../../../shared/workflow/definition';
import { AuthError, changeRole, createUser, resetPassword, setDisabled, userDirectory, type NewUserInput } from '../../auth/users';
import { ValidationError } from '../../db/errors';
import { useT, useErrorText, useRuleText } from '../../i18n';
import { formatInstantDate } from '../../i18n/format';
import { NotSignedInError } from '../../session';
import { useSession } from '../../stores/session';
import { useUi } from '../../stores/ui';

type T = ReturnType<typeof useT>;

function failureText(error: unknown, t: T, errorText: (error: unknown) => string): string {
  if (error instanceof AuthError || error instanceof ValidationError || error instanceof NotSignedInError) return errorText(error);
  return t('auth.unexpected', { message: errorText(error) });
}

function roleOptions(t: T) {
  return WORKFLOW_ROLES.map((role) => ({ value: role, label: t(`auth.role.${role}`) }));
}

interface CreateValues {
  username: string;
  displayName: string;
  role: WorkflowRole;
  password: string;
  confirmPassword: string;
}

function CreateUserCard() {
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<CreateValues>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: CreateValues) => {
    setBusy(true);
    try {
      const input: NewUserInput = {
        username: values.username ?? '',
        displayName: values.displayName ?? '',
        role: values.role,
        password: values.password ?? '',
        confirmPassword: values.confirmPassword ?? '',
      };
      const created = await createUser(input);
      form.resetFields();
      void message.success(t('auth.users.created', { name: `${created.displayName}（${created.username}）` }));
    } catch (error) {
      if (error instanceof ValidationError) form.setFields(error.issues.map((i) => ({ name: i.path as keyof CreateValues, errors: [rule(i.message)] })));
      else if (error instanceof AuthError && error.message.startsWith('用户名')) form.setFields([{ name: 'username', errors: [error.message] }]);
      else void message.error(failureText(error, t, errorText));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('auth.users.createTitle')}>
      <Form<CreateValues> name="create-user" form={form} layout="vertical" onFinish={submit} initialValues={{ role: 'clerk' }} requiredMark={false} disabled={busy}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label={t('auth.username')} name="username">
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('auth.displayName')} name="displayName">
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('auth.role')} name="role">
              <Select options={roleOptions(t)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('auth.password')} name="password" extra={t('auth.passwordHint')}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('auth.confirmPassword')} name="confirmPassword">
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label=" " colon={false}>
              <Button type="primary" htmlType="submit" loading={busy} autoInsertSpace={false}>
                {t('auth.users.createSubmit')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}

interface ResetValues {
  password: string;
  confirmPassword: string;
}

function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ResetValues>();
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<InputRef>(null);

  const submit = async (values: ResetValues) => {
    setBusy(true);
    try {
      await resetPassword(user.id, values.password ?? '', values.confirmPassword ?? '');
      void message.success(t('auth.users.resetDone', { name: user.displayName }));
      onClose();
    } catch (error) {
      if (error instanceof ValidationError) form.setFields(error.issues.map((i) => ({ name: i.path as keyof ResetValues, errors: [rule(i.message)] })));
      else void message.error(failureText(error, t, errorText));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('auth.users.resetTitle', { name: `${user.displayName}（${user.username}）` })}
      onCancel={onClose}
      footer={null}
      // Focus once the dialog is open (an input's autoFocus can lose to the dialog's own focus).
      afterOpenChange={(open) => open && passwordRef.current?.focus()}
      destroyOnHidden
    >
      <Form<ResetValues> name="reset-password" form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
        <Form.Item label={t('auth.users.newPassword')} name="password" extra={t('auth.passwordHint')}>
          <Input.Password ref={passwordRef} autoFocus autoComplete="new-password" />
        </Form.Item>
        <Form.Item label={t('auth.confirmPassword')} name="confirmPassword">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} autoInsertSpace={false}>
            {t('auth.users.resetSubmit')}
          </Button>
          <Button onClick={onClose} autoInsertSpace={false}>
            {t('auth.users.cancel')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

function UsersTable() {
  const t = useT();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const me = useSession((s) => s.user);
  const { message, modal } = AntApp.useApp();
  const users = useLiveQuery(() => userDirectory().liveUsers(), [], undefined);
  const [resetting, setResetting] = useState<User | null>(null);

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      void message.success(done);
    } catch (error) {
      void message.error(failureText(error, t, errorText));
    }
  };

  const toggle = (user: User) => {
    if (user.disabled === true) {
      void run(() => setDisabled(user.id, false), t('auth.users.enabledDone', { name: user.displayName }));
      return;
    }
    modal.confirm({
      title: t('auth.users.disableConfirm', { name: `${user.displayName}（${user.username}）` }),
      okText: t('auth.users.disable'),
      okButtonProps: { danger: true, autoInsertSpace: false },
      cancelButtonProps: { autoInsertSpace: false },
      cancelText: t('auth.users.cancel'),
      onOk: () => run(() => setDisabled(user.id, true), t('auth.users.disabledDone', { name: user.displayName })),
    });
  };

  return (
    <Card title={t('auth.users.list')}>
      <Table<User>
        rowKey="id"
        loading={users === undefined}
        dataSource={users ?? []}
        pagination={false}
        size="middle"
        columns={[
          { title: t('auth.username'), dataIndex: 'username', render: (v: string, u) => (u.id === me?.id ? `${v}${t('auth.users.you')}` : v) },
          { title: t('auth.displayName'), dataIndex: 'displayName' },
          {
            title: t('auth.role'),
            dataIndex: 'role',
            width: 180,
            render: (role: WorkflowRole, u) => (
              <Select<WorkflowRole>
                aria-label={t('auth.users.changeRole', { name: u.displayName })}
                value={role}
                options={roleOptions(t)}
                style={{ width: 150 }}
                onChange={(next) => void run(() => changeRole(u.id, next), t('auth.users.roleChanged', { name: u.displayName, role: t(`auth.role.${next}`) }))}
              />
            ),
          },
          {
            title: t('auth.users.status'),
            key: 'status',
            render: (_, u) => (u.disabled === true ? <Tag color="red">{t('auth.users.disabled')}</Tag> : <Tag color="green">{t('auth.users.active')}</Tag>),
          },
          { title: t('auth.users.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatInstantDate(v, locale) },
          {
            title: t('auth.users.actions'),
            key: 'actions',
            render: (_, u) => (
              <Space>
                <Button size="small" onClick={() => setResetting(u)} autoInsertSpace={false}>
                  {t('auth.users.resetPassword')}
                </Button>
                <Button size="small" danger={u.disabled !== true} onClick={() => toggle(u)} autoInsertSpace={false}>
                  {u.disabled === true ? t('auth.users.enable') : t('auth.users.disable')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {resetting !== null && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </Card>
  );
}

export function UsersPage() {
  const t = useT();
  const role = useSession((s) => s.user?.role);
  // The session's role follows the stored record (SignInGate); the rules check it again on write.
  const isAdmin = role === 'admin';

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('auth.users.title')}
      </Typography.Title>
      {isAdmin ? (
        <>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('auth.users.help')}
          </Typography.Paragraph>
          <CreateUserCard />
          <UsersTable />
        </>
      ) : (
        <Alert type="warning" showIcon title={t('auth.users.adminOnly')} description={t('auth.users.adminOnlyHelp')} />
      )}
    </Space>
  );
}
