/**
 * 设置 (administrators, shared/access `settings.view`): enrolling the desk with the office's sync
 * server, backups (with an optional backup password) and restoring one, the interface language,
 * and what the app runs as.
 */
import { Alert, App as AntApp, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../../shared/ipc/contract';
import { useT, useErrorText, useRuleText } from '../../i18n';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { bridge, isDesktop } from '../../platform/bridge';
import { requestPersistentStorage } from '../../platform/storage';
import { db, deviceId } from '../../db';
import { BackupError, lastBackupSavedAt, PASSPHRASE_MIN_LENGTH, passphraseProblem, saveBackup } from '../../backup';
import { RestoreFromBackup } from '../../auth/RestoreFromBackup';
import { SyncError } from '../../../../shared/sync/errors';
import { enrol } from '../../sync';
import { EnrolInputError, enrolRefusalMessage, OfficeSwitchError, type EnrolInput } from '../../sync/enrol';
import { formatDateTime } from '../../sync/format';
import { SYNC_KEYS, type SyncConnection } from '../../sync/settings';
import { useUi } from '../../stores/ui';


/**
 * 同步服务器: enrol this device with the office's server (address, office code, one-time code,
 * a name for the device list). Once enrolled it shows the office and server; the token is stored
 * and never shown. "重新登记" opens the form again (a new code, or another server).
 */
function SyncServerCard() {
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm<EnrolInput>();
  const connection = useLiveQuery(async () => (await db.settings.get(SYNC_KEYS.connection))?.value as SyncConnection | undefined, [], null);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  // Left blank, the device is listed under a name administrators can still tell apart.
  const [defaultName, setDefaultName] = useState('');
  useEffect(() => {
    void deviceId().then((id) => setDefaultName(t('settings.sync.defaultDeviceName', { code: id.slice(-4).toUpperCase() })));
  }, [t]);

  const submit = async (values: EnrolInput, leaveOffice = false) => {
    setBusy(true);
    setRefusal(null);
    try {
      const enrolled = await enrol({ ...values, deviceName: values.deviceName?.trim() || defaultName }, { leaveOffice });
      setEditing(false);
      void message.success(t('settings.sync.enrolled', { office: enrolled.officeName }));
    } catch (error) {
      if (error instanceof EnrolInputError) form.setFields([{ name: error.field, errors: [errorText(error)] }]);
      else if (error instanceof OfficeSwitchError) {
        // Another office while this desk holds the current one's work: nothing was sent; the clerk decides.
        // Chinese: the refusal's own words (OfficeSwitchError, renderer/src/sync/enrol.ts).
        const office = { office: error.currentOffice.name, code: error.currentOffice.code };
        const body =
          locale === 'en'
            ? (error.pending > 0 ? t('settings.sync.switch.body', { count: error.pending, ...office }) : t('settings.sync.switch.enrolled', office)) +
              ' ' +
              t('settings.sync.switch.clear', { records: error.records })
            : error.message;
        setRefusal(body);
        modal.confirm({
          title: t(error.pending > 0 ? 'settings.sync.switch.title' : 'settings.sync.switch.titleClear'),
          content: body,
          okText: t(error.pending > 0 ? 'settings.sync.switch.discard' : 'settings.sync.switch.clearAndEnrol'),
          okButtonProps: { danger: true },
          cancelText: t('settings.sync.switch.keep'),
          autoFocusButton: 'cancel',
          onOk: () => submit(values, true),
        });
      } else if (error instanceof SyncError) setRefusal(rule(enrolRefusalMessage(error)));
      else setRefusal(t('error.unexpected', { message: errorText(error) }));
    } finally {
      setBusy(false);
    }
  };

  if (connection === null) return <Card title={t('settings.sync')} loading />;

  if (connection !== undefined && !editing) {
    return (
      <Card
        title={t('settings.sync')}
        extra={
          <Button onClick={() => setEditing(true)}>
            {t('settings.sync.reenrol')}
          </Button>
        }
      >
        <Alert type="success" showIcon title={t('settings.sync.enrolled', { office: connection.officeName })} style={{ marginBottom: 16 }} data-testid="enrolled-office" />
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('sync.office')}>
            {t('sync.officeWithCode', { name: connection.officeName, code: connection.officeCode })}
          </Descriptions.Item>
          <Descriptions.Item label={t('sync.server')}>
            <Typography.Text code>{connection.baseUrl}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('sync.deviceName')}>{connection.deviceName}</Descriptions.Item>
          <Descriptions.Item label={t('settings.sync.enrolledAt')}>{formatDateTime(connection.enrolledAt, locale)}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('settings.sync.tokenNote')}
        </Typography.Paragraph>
      </Card>
    );
  }

  const required = (label: string) => ({ required: true, whitespace: true, message: t('settings.sync.required', { field: label }) });
  const label = {
    serverUrl: t('settings.sync.serverUrl'),
    officeCode: t('settings.sync.officeCode'),
    enrolmentCode: t('settings.sync.enrolmentCode'),
    deviceName: t('settings.sync.deviceName'),
  };
  return (
    <Card title={t('settings.sync')}>
      <Typography.Paragraph type="secondary">{t('settings.sync.help')}</Typography.Paragraph>
      {refusal !== null && <Alert type="error" showIcon title={t('settings.sync.failed')} description={refusal} style={{ marginBottom: 16 }} data-testid="enrol-error" />}
      <Form<EnrolInput>
        form={form}
        layout="horizontal"
        labelCol={{ flex: '7em' }}
        wrapperCol={{ flex: '1 1 0%', style: { minWidth: 0 } }}
        style={{ maxWidth: 640 }}
        requiredMark={false}
        initialValues={
          connection === undefined
            ? { serverUrl: '', officeCode: '', enrolmentCode: '', deviceName: '' }
            : { serverUrl: connection.baseUrl, officeCode: connection.officeCode, enrolmentCode: '', deviceName: connection.deviceName }
        }
        onFinish={(values) => void submit(values)}
        disabled={busy}
      >
        <Form.Item name="serverUrl" label={label.serverUrl} extra={t('settings.sync.serverUrlHint')} rules={[required(label.serverUrl)]}>
          <Input autoFocus style={{ maxWidth: 480 }} placeholder="https://sync.example.org" autoComplete="off" spellCheck={false} inputMode="url" />
        </Form.Item>
        <Form.Item name="officeCode" label={label.officeCode} rules={[required(label.officeCode)]}>
          <Input style={{ maxWidth: 240 }} autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item name="enrolmentCode" label={label.enrolmentCode} extra={t('settings.sync.enrolmentCodeHint')} rules={[required(label.enrolmentCode)]}>
          <Input style={{ maxWidth: 240 }} autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item name="deviceName" label={label.deviceName} extra={t('settings.sync.deviceNameHint')}>
          <Input style={{ maxWidth: 320 }} autoComplete="off" maxLength={50} placeholder={defaultName} />
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('settings.sync.enrol')}
            </Button>
            {connection !== undefined && <Button onClick={() => setEditing(false)}>{t('settings.sync.cancel')}</Button>}
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}

interface BackupValues {
  passphrase?: string;
  confirmPassphrase?: string;
}

/**
 * 数据备份: one file with every record, the attachments' bytes (scans, photos), what waits to
 * sync and the audit trail. With a backup password the signing key and the users' password
 * records go in sealed with it; without one they stay out (a restore then asks for a new
 * administrator password). The desktop app also backs up by itself into its backup folder.
 */
function BackupCard() {
  const t = useT();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<BackupValues>();
  const [busy, setBusy] = useState(false);
  const last = useLiveQuery(() => lastBackupSavedAt(), [], null);
  const passphrase = Form.useWatch('passphrase', form) ?? '';

  const save = async (values: BackupValues) => {
    setBusy(true);
    try {
      const typed = values.passphrase ?? '';
      const result = await saveBackup(typed === '' ? {} : { passphrase: typed });
      if (result.status === 'cancelled') return;
      form.resetFields();
      void message.success(t(typed === '' ? 'backup.saved' : 'backup.savedSealed'));
    } catch (error) {
      void message.error(error instanceof BackupError ? errorText(error) : t('error.unexpected', { message: errorText(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('backup.title')} data-testid="backup-card">
      <Typography.Paragraph type="secondary">{t('backup.help')}</Typography.Paragraph>
      <Typography.Paragraph data-testid="backup-last">
        {last === null ? '…' : last === undefined ? t('backup.never') : t('backup.last', { at: formatDateTime(last, locale) })}
      </Typography.Paragraph>
      <Form<BackupValues>
        form={form}
        layout="vertical"
        style={{ maxWidth: 640 }}
        requiredMark={false}
        onFinish={(v) => void save(v)}
        disabled={busy}
      >
        <Form.Item
          name="passphrase"
          label={t('backup.passphrase')}
          extra={t('backup.passphraseHint', { min: PASSPHRASE_MIN_LENGTH })}
          rules={[
            {
              validator: async (_rule, value: string | undefined) => {
                const problem = value === undefined || value === '' ? null : passphraseProblem(value);
                if (problem !== null) throw new Error(locale === 'zh-CN' ? problem : t('backup.passphraseWeak', { min: PASSPHRASE_MIN_LENGTH }));
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" style={{ maxWidth: 320 }} data-testid="backup-passphrase" />
        </Form.Item>
        {passphrase !== '' && (
          <Form.Item
            name="confirmPassphrase"
            label={t('backup.confirmPassphrase')}
            dependencies={['passphrase']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_rule, value: string | undefined) => {
                  if ((value ?? '') !== getFieldValue('passphrase')) throw new Error(t('backup.passphraseMismatch'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" style={{ maxWidth: 320 }} data-testid="backup-confirm-passphrase" />
          </Form.Item>
        )}
        <Form.Item extra={passphrase === '' ? t('backup.withoutSecrets') : t('backup.withSecrets')}>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('settings.exportBackup')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

/** 从备份恢复 (administrators): replaces everything on this desk, so it opens only when asked for. */
function RestoreCard() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <Card title={t('backup.restoreTitle')} data-testid="restore-card">
      {open ? (
        <RestoreFromBackup onCancel={() => setOpen(false)} />
      ) : (
        <Space orientation="vertical">
          <Typography.Text type="secondary">{t('backup.restoreHelp')}</Typography.Text>
          <Button danger onClick={() => setOpen(true)} data-testid="settings-restore-open">
            {t('backup.restoreOpen')}
          </Button>
        </Space>
      )}
    </Card>
  );
}

export function SettingsPage() {
  const t = useT();
  const rule = useRuleText();
  const { message } = AntApp.useApp();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [storage, setStorage] = useState<Awaited<ReturnType<typeof requestPersistentStorage>> | null>(null);

  useEffect(() => {
    void bridge.appInfo().then(setInfo);
    void requestPersistentStorage().then(setStorage);
  }, []);

  const open = async (which: 'data' | 'backup') => {
    const result = await bridge.openFolder(which);
    if (result.status === 'unavailable') void message.info(rule(result.message));
  };

  return (
    <div style={{ display: 'grid', gap: 24 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <SyncServerCard />
      <BackupCard />
      <RestoreCard />
      <Card title={t('settings.language')}>
        <LanguageSwitch />
      </Card>
      <Card title={t('settings.about')}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('settings.version')}>{info?.version ?? '…'}</Descriptions.Item>
          <Descriptions.Item label={t('settings.shell')}>
            {info ? t(info.shell === 'electron' ? 'settings.shell.electron' : 'settings.shell.browser') : '…'}
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.storage')}>{storage ? t(`settings.storage.${storage}`) : '…'}</Descriptions.Item>
        </Descriptions>
        <Space style={{ marginTop: 16 }}>
          <Button onClick={() => void open('data')}>{t('settings.dataFolder')}</Button>
          {/* Browser mode has no backup folder: its backups are the files downloaded above. */}
          {isDesktop && <Button onClick={() => void open('backup')}>{t('settings.backupFolder')}</Button>}
        </Space>
      </Card>
    </div>
  );
}
