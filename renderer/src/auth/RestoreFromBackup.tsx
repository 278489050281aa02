/**
 * 从备份恢复, for the first-start screen (nobody signed in, no user yet) and for 设置
 * (administrators): choose a file (or, in the desktop app, an automatic backup from the backup
 * folder), see what it holds — checked completely before anything is shown — type the backup
 * password or, without one, a new password for an administrator, and restore. Another office's
 * backup is confirmed first. After the restore the app reopens on the restored data.
 */
import { Alert, App as AntApp, Button, Checkbox, Form, Input, Select, Space, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { BackupError, inspectBackupFile, listFolderBackups, OtherOfficeError, readFolderBackup, restoreFromBackup, type BackupInspection } from '../backup';
import type { BackupFileInfo } from '../../../shared/ipc/contract';
import { useT, useErrorText, useRuleText } from '../i18n';
import { formatDateTime } from '../sync/format';
import { useUi } from '../stores/ui';
import { passwordProblem } from './password';

interface Values {
  passphrase?: string;
  forgot?: boolean;
  adminId?: string;
  password?: string;
  confirmPassword?: string;
}


export function RestoreFromBackup({ onCancel }: { onCancel?: () => void }) {
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const { modal, message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [bytes, setBytes] = useState<Uint8Array | null>(null);
  const [inspection, setInspection] = useState<BackupInspection | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [folder, setFolder] = useState<readonly BackupFileInfo[]>([]);
  const forgot = Form.useWatch('forgot', form) === true;

  useEffect(() => {
    void listFolderBackups().then((r) => setFolder(r.status === 'listed' ? r.backups : []));
  }, []);

  const choose = async (chosen: Uint8Array) => {
    setFailure(null);
    setInspection(null);
    setBusy(true);
    try {
      const found = await inspectBackupFile(chosen);
      setBytes(chosen);
      setInspection(found);
      form.setFieldsValue({ adminId: found.admins[0]?.id });
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const fromFolder = async (fileName: string) => {
    const read = await readFolderBackup(fileName);
    if (read.status === 'read') await choose(read.bytes);
    else setFailure(rule(read.message));
  };

  const needsPassword = inspection !== null && inspection.needsAdminPasswordWithoutSecrets && (inspection.secrets === 'omitted' || forgot);

  const restore = async (values: Values, confirmOtherOffice = false): Promise<void> => {
    if (bytes === null || inspection === null) return;
    if (needsPassword) {
      const weak = passwordProblem(values.password ?? '');
      if (weak !== null) return void form.setFields([{ name: 'password', errors: [weak] }]);
      if (values.password !== values.confirmPassword) return void form.setFields([{ name: 'confirmPassword', errors: ['两次输入的密码不一致。'] }]);
    }
    setBusy(true);
    setFailure(null);
    try {
      await restoreFromBackup(bytes, {
        ...(inspection.secrets === 'encrypted' && !forgot ? { passphrase: values.passphrase ?? '' } : {}),
        ...(inspection.secrets === 'encrypted' && forgot ? { withoutSecrets: true } : {}),
        ...(needsPassword ? { adminPassword: { password: values.password ?? '', ...(values.adminId ? { userId: values.adminId } : {}) } } : {}),
        confirmOtherOffice,
      });
      void message.success(t('auth.restore.done'));
      window.location.reload();
    } catch (error) {
      setBusy(false);
      if (error instanceof OtherOfficeError) {
        modal.confirm({
          title: t('auth.restore.otherOffice'),
          content: errorText(error),
          okText: t('auth.restore.confirm'),
          okButtonProps: { danger: true },
          cancelText: t('auth.restore.cancel'),
          autoFocusButton: 'cancel',
          onOk: () => restore(values, true),
        });
      } else setFailure(error instanceof BackupError ? errorText(error) : t('auth.unexpected', { message: errorText(error) }));
    }
  };

  const rows = inspection?.rows ?? {};
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="restore-from-backup">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('auth.restore.help')}
      </Typography.Paragraph>
      {failure !== null && <Alert type="error" showIcon title={failure} data-testid="restore-error" />}
      <Upload
        accept=".deskbackup,.json"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(file) => {
          void file.arrayBuffer().then((b) => choose(new Uint8Array(b)));
          return false;
        }}
      >
        <Button loading={busy && inspection === null} data-testid="restore-choose">
          {t('auth.restore.choose')}
        </Button>
      </Upload>
      {folder.length > 0 && (
        <Select
          style={{ width: '100%' }}
          placeholder={t('auth.restore.folder')}
          options={folder.map((f) => ({ value: f.fileName, label: `${f.fileName}（${Math.ceil(f.size / 1024)} KB）` }))}
          onChange={(name: string) => void fromFolder(name)}
        />
      )}
      {inspection !== null && (
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void restore(v)} disabled={busy} requiredMark={false}>
          <Alert
            type="info"
            showIcon
            data-testid="restore-summary"
            title={t('auth.restore.summary', {
              at: formatDateTime(inspection.createdAt, locale),
              office: inspection.office?.officeName || t('auth.restore.noOffice'),
              applications: rows.applications ?? 0,
              people: rows.people ?? 0,
              attachments: inspection.attachments,
              users: inspection.users,
            })}
            description={inspection.warnings.length > 0 ? inspection.warnings.map(rule).join(' ') : undefined}
            style={{ marginBottom: 16 }}
          />
          {inspection.secrets === 'encrypted' && (
            <>
              <Typography.Paragraph>{t('auth.restore.encrypted')}</Typography.Paragraph>
              {!forgot && (
                <Form.Item name="passphrase" label={t('auth.restore.passphrase')}>
                  <Input.Password autoComplete="off" data-testid="restore-passphrase" />
                </Form.Item>
              )}
              <Form.Item name="forgot" valuePropName="checked">
                <Checkbox>{t('auth.restore.forgot')}</Checkbox>
              </Form.Item>
            </>
          )}
          {needsPassword && (
            <>
              <Typography.Paragraph>{t('auth.restore.omitted')}</Typography.Paragraph>
              <Form.Item name="adminId" label={t('auth.restore.admin')}>
                <Select options={inspection.admins.map((a) => ({ value: a.id, label: `${a.displayName}（${a.username}）` }))} />
              </Form.Item>
              <Form.Item name="password" label={t('auth.users.newPassword')} extra={t('auth.passwordHint')}>
                <Input.Password autoComplete="new-password" data-testid="restore-admin-password" />
              </Form.Item>
              <Form.Item name="confirmPassword" label={t('auth.confirmPassword')}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </>
          )}
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} danger={inspection.otherOffice} data-testid="restore-submit">
              {t('auth.restore.submit')}
            </Button>
            {onCancel && <Button onClick={onCancel}>{t('auth.restore.cancel')}</Button>}
          </Space>
        </Form>
      )}
      {inspection === null && onCancel && <Button onClick={onCancel}>{t('auth.restore.cancel')}</Button>}
    </Space>
  );
}
