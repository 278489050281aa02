/**
 * The application page's "打印" menu: the intake documents of this file — 收件回执, 退回/补正通知
 * (the engine's checklist problems), 装订目录 (the engine's binding plan), and where the program
 * has them the P5 证书登记申请表 and the P4 综合表. Each is built in the documents worker and
 * printed (or saved as PDF).
 */
import { App, Button, Dropdown, Form, Input, Modal, Space, type MenuProps } from 'antd';
import { DownOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useRef, useState } from 'react';
import type { InputRef } from 'antd';
import { parseDateInput, type IsoDate } from '../../../../shared/rules/civil-date';
import type { Result } from '../../../../shared/rules/result';
import { db } from '../../db';
import { bindingTocInput, noticeItems, receiptInput, returnNoticeInput, rkApplicationInput, scoringSheetInput, summarySheetInput } from '../../documents/inputs';
import type { Delivery } from '../../documents/output';
import { photoJpegOf } from '../../documents/photos';
import type { DocumentJob } from '../../documents/protocol';
import { loadOfficeName } from '../../documents/settings';
import { useDocumentJob } from '../../documents/useDocumentJob';
import { useT, useRuleText } from '../../i18n';
import { useSession } from '../../stores/session';
import { todayIso } from '../../today';
import type { TabProps } from './types';

type DocKey = 'receipt' | 'return' | 'supplement' | 'binding' | 'rk-form' | 'summary-sheet' | 'scoring-sheet';

/** The pack document layout each per-file form is built for (shared/programs `documents[].layout`). */
const FORM_LAYOUTS = { 'rk-form': 'rk-registration-form', 'summary-sheet': 'zj-it-senior-summary-form' } as const;

export function DocumentsMenu({ file, result }: TabProps) {
  const t = useT();
  const rule = useRuleText();
  const { message } = App.useApp();
  const clerk = useSession((s) => s.user?.displayName ?? '');
  const { run, busy, dialog } = useDocumentJob();
  const [asking, setAsking] = useState<Delivery | null>(null);
  const deadlineRef = useRef<InputRef>(null);
  const [form] = Form.useForm<{ deadline: string }>();
  const no = file.application.applicationNo;
  // The forms a file offers are the pack's: a document whose layout the documents worker builds.
  const layouts = new Set(result.pack.documents.map((d) => d.layout));
  const hasProblems = noticeItems(result).length > 0;

  const keys: DocKey[] = [
    'receipt',
    ...(hasProblems ? (['supplement', 'return'] as const) : []),
    ...(result.evaluation.binding ? (['binding'] as const) : []),
    ...(layouts.has(FORM_LAYOUTS['rk-form']) ? (['rk-form'] as const) : []),
    ...(layouts.has(FORM_LAYOUTS['summary-sheet']) ? (['summary-sheet'] as const) : []),
    ...(result.pack.scoring ? (['scoring-sheet'] as const) : []),
  ];

  const titles: Record<DocKey, string> = {
    receipt: t('documents.receipt'),
    return: t('documents.returnNotice'),
    supplement: t('documents.supplementNotice'),
    binding: t('documents.bindingToc'),
    'rk-form': t('documents.rkForm'),
    'summary-sheet': t('documents.summarySheet'),
    'scoring-sheet': t('documents.scoringSheet'),
  };

  async function jobFor(key: DocKey, deadline?: IsoDate): Promise<Result<DocumentJob>> {
    const officeName = await loadOfficeName(db);
    switch (key) {
      case 'receipt':
        return { ok: true, value: { kind: 'receipt', input: receiptInput(file, result, { clerk, officeName }) } };
      case 'return':
      case 'supplement':
        return {
          ok: true,
          value: {
            kind: 'return-notice',
            input: returnNoticeInput(file, result, { kind: key, clerk, issuedOn: todayIso(), officeName, ...(deadline ? { deadline } : {}) }),
          },
        };
      case 'binding': {
        const input = bindingTocInput(file, result);
        return input.ok ? { ok: true, value: { kind: 'binding-toc', input: input.value } } : input;
      }
      case 'rk-form': {
        const input = rkApplicationInput(file, await photoJpegOf(file));
        return input.ok ? { ok: true, value: { kind: 'rk-application-form', input: input.value } } : input;
      }
      case 'scoring-sheet': {
        const input = scoringSheetInput(file, result, { officeName, printedOn: todayIso() });
        return input.ok ? { ok: true, value: { kind: 'scoring-sheet', input: input.value } } : input;
      }
      case 'summary-sheet': {
        const input = summarySheetInput(file, await photoJpegOf(file));
        return input.ok ? { ok: true, value: { kind: 'summary-sheet', input: input.value } } : input;
      }
    }
  }

  async function produce(key: DocKey, how: Delivery, deadline?: IsoDate) {
    const job = await jobFor(key, deadline);
    if (!job.ok) {
      void message.error(rule(job.error.message));
      return;
    }
    await run(job.value, `${titles[key]} ${no}`, how);
  }

  function onPick(how: Delivery): MenuProps['onClick'] {
    return ({ key }) => {
      if (key === 'supplement') {
        form.resetFields();
        setAsking(how);
        return;
      }
      void produce(key as DocKey, how);
    };
  }

  async function onDeadline() {
    const { deadline } = await form.validateFields();
    const parsed = parseDateInput(deadline);
    if (!parsed.ok) return;
    const how = asking ?? 'print';
    setAsking(null);
    await produce('supplement', how, parsed.value);
  }

  const items: MenuProps['items'] = keys.map((key) => ({ key, label: titles[key], 'data-testid': `documents-item-${key}` }));

  return (
    <>
      <Space size={4}>
        <Dropdown menu={{ items, onClick: onPick('print') }} trigger={['click']} disabled={busy}>
          <Button icon={<PrinterOutlined />} data-testid="documents-print-menu">
            {t('documents.print')} <DownOutlined />
          </Button>
        </Dropdown>
        <Dropdown menu={{ items, onClick: onPick('save') }} trigger={['click']} disabled={busy}>
          <Button icon={<FilePdfOutlined />} data-testid="documents-save-menu">
            {t('documents.savePdf')} <DownOutlined />
          </Button>
        </Dropdown>
      </Space>
      <Modal
        open={asking !== null}
        title={t('documents.supplementNotice')}
        okText={t('documents.make')}
        onOk={() => void onDeadline()}
        onCancel={() => setAsking(null)}
        // Focus once the dialog is open (an input's autoFocus can lose to the dialog's own focus).
        afterOpenChange={(open) => open && deadlineRef.current?.focus()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={() => void onDeadline()}>
          <Form.Item
            name="deadline"
            label={t('documents.deadline')}
            extra={t('documents.dateHint')}
            rules={[
              {
                validator: async (_rule, value: string | undefined) => {
                  const parsed = parseDateInput(value ?? '');
                  if (!parsed.ok) throw new Error(parsed.error.message);
                },
              },
            ]}
          >
            <Input ref={deadlineRef} />
          </Form.Item>
        </Form>
      </Modal>
      {dialog}
    </>
  );
}
