/**
 * The app opens behind this gate. A device with no user shows the first-run form that creates
 * the office administrator (用户名 / 姓名 / 密码 / 确认密码 → 创建管理员); otherwise, until
 * someone signs in, the sign-in form (用户名 / 密码 → 登录). Enter submits either form.
 *
 * While a user is signed in the gate keeps watching their record: if an administrator (here or,
 * after a sync, on another desk) disables them, or they are gone, they are signed out; a changed
 * role or name is taken over at once.
 */
import { Alert, Button, Card, Form, Input, Space, Spin, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { InputRef } from 'antd';
import { db } from '../db';
import { ValidationError } from '../db/errors';
import { useT, useErrorText, useRuleText } from '../i18n';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useSession } from '../stores/session';
import { AuthError, createFirstAdmin, toSignedIn, verifySignIn } from './users';
import { RestoreFromBackup } from './RestoreFromBackup';

/** A refusal as it is (in the UI's language); anything else as an unexpected failure. */
function failureText(error: unknown, t: ReturnType<typeof useT>, errorText: (error: unknown) => string): string {
  if (error instanceof AuthError || error instanceof ValidationError) return errorText(error);
  return t('auth.unexpected', { message: errorText(error) });
}

function GateCard({ title, help, children }: { title: string; help: string; children: ReactNode }) {
  const t = useT();
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f5f7fb', padding: 24 }}>
      <Card style={{ width: 420, maxWidth: '100%' }}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12 }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.title')}
            </Typography.Title>
            <LanguageSwitch />
          </div>
          <div>
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              {title}
            </Typography.Title>
            {help !== '' && (
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                {help}
              </Typography.Paragraph>
            )}
          </div>
          {children}
        </Space>
      </Card>
    </div>
  );
}

interface SetupValues {
  username: string;
  displayName: string;
  password: string;
  confirmPassword: string;
}

function FirstRunForm() {
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const signIn = useSession((s) => s.signIn);
  const [form] = Form.useForm<SetupValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);

  const submit = async (values: SetupValues) => {
    setBusy(true);
    setFailure(null);
    try {
      signIn(
        await createFirstAdmin({
          username: values.username ?? '',
          displayName: values.displayName ?? '',
          password: values.password ?? '',
          confirmPassword: values.confirmPassword ?? '',
        }),
      );
    } catch (error) {
      if (error instanceof ValidationError) form.setFields(error.issues.map((i) => ({ name: i.path as keyof SetupValues, errors: [rule(i.message)] })));
      else setFailure(failureText(error, t, errorText));
      setBusy(false);
    }
  };

  if (restoring) {
    return (
      <GateCard title={t('auth.restore.title')} help="">
        <RestoreFromBackup onCancel={() => setRestoring(false)} />
      </GateCard>
    );
  }

  return (
    <GateCard title={t('auth.setup.title')} help={t('auth.setup.help')}>
      {failure !== null && <Alert type="error" showIcon title={failure} />}
      <Form<SetupValues> name="first-admin" form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
        <Form.Item label={t('auth.username')} name="username">
          <Input autoFocus autoComplete="username" />
        </Form.Item>
        <Form.Item label={t('auth.displayName')} name="displayName">
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item label={t('auth.password')} name="password" extra={t('auth.passwordHint')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label={t('auth.confirmPassword')} name="confirmPassword">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} autoInsertSpace={false}>
          {t('auth.setup.submit')}
        </Button>
      </Form>
      <Button type="link" block onClick={() => setRestoring(true)} data-testid="restore-open">
        {t('auth.restore.open')}
      </Button>
    </GateCard>
  );
}

interface SignInValues {
  username: string;
  password: string;
}

function SignInForm() {
  const t = useT();
  const errorText = useErrorText();
  const signIn = useSession((s) => s.signIn);
  const [form] = Form.useForm<SignInValues>();
  const passwordRef = useRef<InputRef>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // After repeated failures the desk makes the next attempt wait (shared/access/sign-in.ts).
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [waitSeconds, setWaitSeconds] = useState(0);

  useEffect(() => {
    if (retryAt === null) return;
    const tick = () => {
      const left = Math.max(0, Math.ceil((retryAt - Date.now()) / 1000));
      setWaitSeconds(left);
      if (left === 0) setRetryAt(null);
    };
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [retryAt]);

  // After a refusal, back to the (emptied) password, ready for another try.
  useEffect(() => {
    if (failure !== null && !busy) passwordRef.current?.focus();
  }, [failure, busy]);

  const submit = async (values: SignInValues) => {
    setBusy(true);
    setFailure(null);
    try {
      signIn(await verifySignIn(values.username ?? '', values.password ?? ''));
    } catch (error) {
      setFailure(failureText(error, t, errorText));
      if (error instanceof AuthError && error.retryAfterMs > 0) setRetryAt(Date.now() + error.retryAfterMs);
      form.setFieldValue('password', '');
      setBusy(false);
    }
  };
  const waiting = retryAt !== null && waitSeconds > 0;

  return (
    <GateCard title={t('auth.signIn.title')} help={t('auth.signIn.help')}>
      {failure !== null && <Alert type="error" showIcon title={failure} data-testid="sign-in-error" />}
      <Form<SignInValues> name="sign-in" form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
        <Form.Item label={t('auth.username')} name="username" rules={[{ required: true, whitespace: true, message: t('auth.required.username') }]}>
          <Input autoFocus autoComplete="username" />
        </Form.Item>
        <Form.Item label={t('auth.password')} name="password" rules={[{ required: true, message: t('auth.required.password') }]}>
          <Input.Password ref={passwordRef} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} disabled={waiting} autoInsertSpace={false} data-testid="sign-in-submit">
          {waiting ? t('auth.signIn.wait', { seconds: waitSeconds }) : t('auth.signIn.submit')}
        </Button>
      </Form>
    </GateCard>
  );
}

/** Keeps the session in step with the signed-in user's record. */
function useSessionFollowsRecord(): void {
  const user = useSession((s) => s.user);
  const signIn = useSession((s) => s.signIn);
  const signOut = useSession((s) => s.signOut);
  const userId = user?.id;
  // The answer names the user it is about: until the query for a newly signed-in user has run,
  // useLiveQuery still returns the previous user's answer.
  const answer = useLiveQuery(async () => ({ userId, record: userId === undefined ? undefined : await db.users.get(userId) }), [userId]);

  useEffect(() => {
    if (user === null || answer === undefined || answer.userId !== user.id) return;
    const { record } = answer;
    if (record === undefined || record.deleted === true || record.disabled === true) {
      signOut();
      return;
    }
    const fresh = toSignedIn(record);
    if (fresh.role !== user.role || fresh.displayName !== user.displayName || fresh.username !== user.username) signIn(fresh);
  }, [answer, user, signIn, signOut]);
}

export function SignInGate({ children }: { children: ReactNode }) {
  const user = useSession((s) => s.user);
  const liveUsers = useLiveQuery(() => db.users.filter((u) => u.deleted !== true).count(), [], null);
  useSessionFollowsRecord();

  if (user !== null) return <>{children}</>;
  if (liveUsers === null) {
    return (
      <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        <Spin />
      </div>
    );
  }
  return liveUsers === 0 ? <FirstRunForm /> : <SignInForm />;
}
