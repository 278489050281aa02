/**
 * Scans and the applicant photo of one application. Files are dropped or chosen, stored on this
 * desk by their SHA-256 (intake/attachments) and listed with kind, name, size, date, a preview
 * for images and a download. Where the program has a photo field (P4: 002 附件2 二) the photo slot
 * shows the photo rule's verdict on the bytes (shared/rules/photo): a photo that fails is refused
 * with the rule's own Chinese message, which stays on screen until the next try.
 */
import { Alert, App, Button, Card, Form, Image, Popconfirm, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { uploadPlans, type UploadPlan } from '../../../../shared/engine/tables';
import type { ApplicationKindId } from '../../../../shared/programs/schema';
import { displayText } from './form/values';
import type { Attachment } from '../../../../shared/model/records';
import type { PhotoInfo } from '../../../../shared/rules/photo';
import type { Result } from '../../../../shared/rules/result';
import { useT, useRuleText, useErrorText } from '../../i18n';
import { formatInstantDate } from '../../i18n/format';
import {
  addAttachment,
  checkPhotoFor,
  currentPhoto,
  getBlob,
  itemOfKind,
  PHOTO_KIND,
  photoFieldOf,
  photoRequirementOf,
  removeAttachment,
  SCAN_KIND,
  scanKindOf,
} from './attachments';
import { useUi } from '../../stores/ui';
import type { TabProps } from './types';
import { useFileAction } from './useFileAction';
import { langOf } from '../../i18n';

/** 12 345 → '12.1 KB'. */
function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** An object URL for stored bytes, revoked when no longer shown; null while loading or absent. */
function useBlobUrl(sha256: string | undefined): { url: string | null; missing: boolean } {
  const [state, setState] = useState<{ url: string | null; missing: boolean }>({ url: null, missing: false });
  useEffect(() => {
    if (sha256 === undefined) return undefined;
    let url: string | null = null;
    let live = true;
    void getBlob(sha256).then((blob) => {
      if (!live) return;
      if (blob === undefined) setState({ url: null, missing: true });
      else {
        url = URL.createObjectURL(blob);
        setState({ url, missing: false });
      }
    });
    return () => {
      live = false;
      if (url !== null) URL.revokeObjectURL(url);
    };
  }, [sha256]);
  return state;
}

function Preview({ attachment, width = 48, plain = false }: { attachment: Attachment; width?: number; plain?: boolean }) {
  const t = useT();
  const { url, missing } = useBlobUrl(attachment.mimeType.startsWith('image/') ? attachment.sha256 : undefined);
  if (!attachment.mimeType.startsWith('image/')) return <Typography.Text type="secondary">—</Typography.Text>;
  if (missing) return <Typography.Text type="warning">{t('file.attachments.notHere')}</Typography.Text>;
  if (url === null) return null;
  if (plain) return <img src={url} width={width} alt={attachment.fileName} style={{ display: 'block', margin: '0 auto' }} />;
  return <Image src={url} width={width} alt={attachment.fileName} />;
}

async function download(attachment: Attachment): Promise<void> {
  const blob = await getBlob(attachment.sha256);
  if (blob === undefined) throw new Error('文件尚未同步到本机，暂时无法下载。');
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = attachment.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The photo rule's verdict on the stored photo's bytes. */
function useStoredPhotoVerdict(photo: Attachment | undefined, check: (bytes: Uint8Array) => Result<PhotoInfo> | undefined) {
  const [state, setState] = useState<{ sha256: string; verdict: Result<PhotoInfo> | undefined } | undefined>(undefined);
  const sha256 = photo?.sha256;
  useEffect(() => {
    if (sha256 === undefined) return undefined;
    let live = true;
    void getBlob(sha256).then(async (blob) => {
      if (!live || blob === undefined) return;
      const bytes = new Uint8Array(await blob.arrayBuffer());
      if (live) setState({ sha256, verdict: check(bytes) });
    });
    return () => {
      live = false;
    };
    // `check` follows the pack, which does not change while the file is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sha256]);
  return state !== undefined && state.sha256 === sha256 ? state.verdict : undefined;
}

export function AttachmentsTab({ file, result }: TabProps) {
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const lang = langOf(locale);
  const run = useFileAction();
  const { message } = App.useApp();
  const { pack } = result;
  const applicationId = file.application.id;
  const photoField = photoFieldOf(pack);
  const requirement = photoRequirementOf(pack);
  const photo = currentPhoto(file.attachments);
  const storedVerdict = useStoredPhotoVerdict(photo, (bytes) => checkPhotoFor(pack, bytes));
  const [refusal, setRefusal] = useState<string | null>(null);
  const [scanKind, setScanKind] = useState<string>(SCAN_KIND);
  const [busy, setBusy] = useState(false);

  const itemName = (itemId: string): string => pack.checklist.find((m) => m.id === itemId)?.name[lang] ?? itemId;
  const kindLabel = (kind: string): string => {
    if (kind === PHOTO_KIND) return t('file.attachments.kindPhoto');
    const item = itemOfKind(kind);
    if (item !== undefined) return t('file.attachments.kindScanOf', { item: itemName(item) });
    return t('file.attachments.kindScan');
  };

  const uploadPhoto = async (f: File) => {
    setBusy(true);
    try {
      await addAttachment(f, { applicationId, kind: PHOTO_KIND });
      setRefusal(null);
    } catch (error) {
      setRefusal(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  // Items asked per table row (001 （二）6: one certificate per innovation, one file per contract).
  const plans = uploadPlans(pack, file.application.kind as ApplicationKindId, file.application.fields).filter((p) => p.rows.length > 0);
  const rowName = (a: Attachment): string => {
    const plan = plans.find((p) => p.item.id === a.itemId);
    const row = plan?.rows.find((r) => r.key === a.rowKey);
    if (plan === undefined || row === undefined) return t('file.attachments.rowGone');
    return t('file.attachments.rowOf', { table: plan.table.label[lang], n: row.index + 1, label: row.label });
  };
  const missingOf = (plan: UploadPlan): number =>
    plan.rows.filter((r) => r.asked && !file.attachments.some((a) => !a.deleted && a.itemId === plan.item.id && a.rowKey === r.key)).length;
  // The column the largest rows are chosen by (合同金额), shown beside each row.
  const amountColumn = (plan: UploadPlan) => {
    const by = plan.item.copies.largestBy;
    return by === undefined ? undefined : (plan.table.columns ?? []).find((c) => c.id === by);
  };
  const uploadRow = async (f: File, plan: UploadPlan, rowKey: string) => {
    setBusy(true);
    const added = await run(() => addAttachment(f, { applicationId, kind: scanKindOf(plan.item.id), rowKey }));
    setBusy(false);
    if (added?.duplicate) void message.info(t('file.attachments.duplicate', { name: f.name }));
  };

  const uploadScan = async (f: File) => {
    setBusy(true);
    const added = await run(() => addAttachment(f, { applicationId, kind: scanKind }));
    setBusy(false);
    if (added?.duplicate) void message.info(t('file.attachments.duplicate', { name: f.name }));
  };

  const columns: ColumnsType<Attachment> = [
    {
      key: 'kind',
      title: t('file.attachments.kind'),
      width: 240,
      render: (_v, a) => (
        <Space orientation="vertical" size={0}>
          <Tag color={a.kind === PHOTO_KIND ? 'blue' : undefined} style={{ whiteSpace: 'normal' }}>{kindLabel(a.kind)}</Tag>
          {a.rowKey !== undefined && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{rowName(a)}</Typography.Text>}
        </Space>
      ),
    },
    { key: 'name', title: t('file.attachments.name'), render: (_v, a) => a.fileName },
    { key: 'size', title: t('file.attachments.size'), width: 90, align: 'right', render: (_v, a) => formatSize(a.size) },
    { key: 'date', title: t('file.attachments.date'), width: 140, render: (_v, a) => formatInstantDate(a.createdAt, locale) },
    { key: 'preview', title: t('file.attachments.preview'), width: 80, render: (_v, a) => <Preview attachment={a} /> },
    {
      key: 'actions',
      title: t('file.attachments.actions'),
      width: 170,
      render: (_v, a) => (
        <Space size={4}>
          <Button size="small" icon={<DownloadOutlined />} onClick={() => void run(() => download(a))} aria-label={t('file.attachments.downloadOf', { name: a.fileName })}>
            {t('file.attachments.download')}
          </Button>
          <Popconfirm
            title={t('file.attachments.deleteConfirm')}
            okText={t('file.attachments.delete')}
            cancelText={t('file.attachments.cancel')}
            onConfirm={() => void run(() => removeAttachment(a.id))}
          >
            <Button size="small" danger aria-label={t('file.attachments.deleteOf', { name: a.fileName })}>
              {t('file.attachments.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const requirementText =
    requirement === undefined
      ? t('file.attachments.photoNoRule')
      : t('file.attachments.photoRule', {
          minWidth: requirement.minWidth,
          maxWidth: requirement.maxWidth,
          minHeight: requirement.minHeight,
          maxHeight: requirement.maxHeight,
          kb: Math.floor(requirement.maxBytes / 1024),
        });

  const scanOptions = [
    { value: SCAN_KIND, label: t('file.attachments.kindScan') },
    ...result.evaluation.checklist.lines.map((l) => ({ value: scanKindOf(l.item.id), label: l.item.name[lang] })),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {photoField && (
        <Card size="small" title={photoField.label[lang]} data-testid="photo-slot">
          <Space align="start" size="large" wrap>
            <div style={{ width: 170 }} data-testid="photo-drop">
              <Upload.Dragger
                accept=".jpg,.jpeg,image/jpeg"
                showUploadList={false}
                beforeUpload={(f) => {
                  void uploadPhoto(f);
                  return false;
                }}
              >
                <div style={{ minHeight: 190, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
                  {photo ? (
                    <Preview attachment={photo} width={140} plain />
                  ) : (
                    <Typography.Text type="secondary">{t('file.attachments.noPhoto')}</Typography.Text>
                  )}
                </div>
              </Upload.Dragger>
            </div>
            <Space orientation="vertical" size="small" style={{ maxWidth: 560 }}>
              <Typography.Text>{requirementText}</Typography.Text>
              {photoField.cite && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('file.attachments.cite', { cite: '' })}
                  <span lang="zh-CN">{photoField.cite}</span>
                </Typography.Text>
              )}
              {photo && storedVerdict?.ok && (
                <Alert
                  type="success"
                  showIcon
                  data-testid="photo-verdict"
                  title={t('file.attachments.photoOk', { width: storedVerdict.value.width, height: storedVerdict.value.height, size: formatSize(storedVerdict.value.bytes) })}
                />
              )}
              {photo && storedVerdict && !storedVerdict.ok && <Alert type="error" showIcon data-testid="photo-verdict" title={rule(storedVerdict.error.message)} />}
              {refusal !== null && (
                <Alert type="error" showIcon data-testid="photo-refusal" title={t('file.attachments.photoRefused')} description={refusal} closable onClose={() => setRefusal(null)} />
              )}
              <Upload
                accept=".jpg,.jpeg,image/jpeg"
                showUploadList={false}
                beforeUpload={(f) => {
                  void uploadPhoto(f);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={busy} data-testid="photo-upload">
                  {photo ? t('file.attachments.replacePhoto') : t('file.attachments.choosePhoto')}
                </Button>
              </Upload>
            </Space>
          </Space>
        </Card>
      )}

      {plans.map((plan) => (
        <Card key={plan.item.id} size="small" title={t('file.attachments.perRow', { item: plan.item.name[lang] })} data-testid={`row-files-${plan.item.id}`}>
          {missingOf(plan) > 0 && (
            <Alert type="warning" showIcon style={{ marginBottom: 8 }} data-testid="row-files-missing" title={t('file.attachments.rowsMissing', { count: missingOf(plan) })} />
          )}
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={plan.rows}
            columns={[
              { key: 'n', title: t('file.attachments.rowNo'), width: 60, render: (_v, r) => r.index + 1 },
              { key: 'label', title: plan.table.label[lang], render: (_v, r) => r.label || '—' },
              ...(amountColumn(plan) === undefined
                ? []
                : [
                    {
                      key: 'amount',
                      title: `${amountColumn(plan)!.label[lang]}（${amountColumn(plan)!.moneyUnit === 'wan-yuan' ? t('form.field.wanYuan') : t('form.field.yuan')}）`,
                      width: 150,
                      align: 'right' as const,
                      render: (_v: unknown, r: UploadPlan['rows'][number]) => (r.amount === undefined ? '—' : displayText(amountColumn(plan)!.type, r.amount, amountColumn(plan)!.moneyUnit)),
                    },
                  ]),
              { key: 'asked', title: t('file.attachments.rowAsked'), width: 100, render: (_v, r) => <Tag color={r.asked ? 'blue' : 'default'}>{r.asked ? t('form.rowUploads.asked') : t('form.rowUploads.notAsked')}</Tag> },
              {
                key: 'files',
                title: t('file.attachments.rowFiles'),
                render: (_v, r) => {
                  const mine = file.attachments.filter((a) => !a.deleted && a.itemId === plan.item.id && a.rowKey === r.key);
                  return mine.length === 0 ? <Typography.Text type={r.asked ? 'danger' : 'secondary'}>{t('file.attachments.rowNone')}</Typography.Text> : mine.map((a) => a.fileName).join('、');
                },
              },
              {
                key: 'upload',
                title: t('file.attachments.actions'),
                width: 120,
                render: (_v, r) => (
                  <Upload
                    showUploadList={false}
                    beforeUpload={(f) => {
                      void uploadRow(f, plan, r.key);
                      return false;
                    }}
                  >
                    <Button size="small" icon={<UploadOutlined />} loading={busy} aria-label={t('file.attachments.rowUploadOf', { n: r.index + 1, item: plan.item.name[lang] })}>
                      {t('file.attachments.rowUpload')}
                    </Button>
                  </Upload>
                ),
              },
            ]}
          />
        </Card>
      ))}

      <Card size="small" title={t('file.attachments.scans')}>
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Form layout="inline" onSubmitCapture={(e) => e.preventDefault()}>
            <Form.Item label={t('file.attachments.scanFor')} htmlFor="scanKind" style={{ marginBottom: 0 }}>
              <Select id="scanKind" value={scanKind} onChange={setScanKind} options={scanOptions} style={{ width: 360 }} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Form>
          <div data-testid="scan-drop">
          <Upload.Dragger
            multiple
            showUploadList={false}
            beforeUpload={(f) => {
              void uploadScan(f);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('file.attachments.drop')}</p>
            <p className="ant-upload-hint">{t('file.attachments.dropHint')}</p>
          </Upload.Dragger>
          </div>
        </Space>
      </Card>

      <Table<Attachment>
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={[...file.attachments].reverse()}
        columns={columns}
        aria-label={t('file.attachments.list')}
        locale={{ emptyText: t('file.attachments.empty') }}
      />
    </Space>
  );
}
