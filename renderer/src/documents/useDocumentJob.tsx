/**
 * Runs a document job in the worker with a progress dialog (a bar and 取消) and hands the bytes
 * to the bridge: print or save. The window stays responsive throughout: the work is in the
 * worker, the dialog only shows its progress messages.
 */
import { App, Button, Modal, Progress, Space, Typography } from 'antd';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { Result } from '../../../shared/rules/result';
import { useT, useErrorText, useRuleText } from '../i18n';
import { CANCELLED, runDocumentJob } from './client';
import { deliverPdf, deliverXlsx, type Delivery } from './output';
import { jobOutput, type DocumentJob } from './protocol';

interface Running {
  readonly title: string;
  readonly done: number;
  readonly total: number;
}

export interface JobOutcome {
  readonly ok: boolean;
  readonly bytes?: Uint8Array;
}

export function useDocumentJob(): {
  run: (job: DocumentJob, title: string, how: Delivery) => Promise<JobOutcome>;
  build: (job: DocumentJob, title: string) => Promise<Result<Uint8Array>>;
  busy: boolean;
  dialog: ReactNode;
} {
  const t = useT();
  const errorText = useErrorText();
  const rule = useRuleText();
  const { message } = App.useApp();
  const [running, setRunning] = useState<Running | null>(null);
  const abort = useRef<AbortController | null>(null);

  const build = useCallback(async (job: DocumentJob, title: string): Promise<Result<Uint8Array>> => {
    const controller = new AbortController();
    abort.current = controller;
    setRunning({ title, done: 0, total: 0 });
    try {
      return await runDocumentJob(job, {
        signal: controller.signal,
        onProgress: (done, total) => setRunning({ title, done, total }),
      });
    } finally {
      abort.current = null;
      setRunning(null);
    }
  }, []);

  const run = useCallback(
    async (job: DocumentJob, title: string, how: Delivery): Promise<JobOutcome> => {
      const result = await build(job, title);
      if (!result.ok) {
        if (result.error.code === CANCELLED) void message.info(t('documents.cancelled'));
        else void message.error(rule(result.error.message));
        return { ok: false };
      }
      try {
        const problem = jobOutput(job.kind) === 'xlsx' ? await deliverXlsx(result.value, title) : await deliverPdf(result.value, title, how);
        if (problem === 'cancelled') return { ok: false };
        if (problem) {
          void message.error(problem);
          return { ok: false };
        }
        void message.success(how === 'print' && jobOutput(job.kind) === 'pdf' ? t('documents.printed', { title }) : t('documents.saved', { title }));
        return { ok: true, bytes: result.value };
      } catch (error) {
        void message.error(errorText(error));
        return { ok: false };
      }
    },
    [build, errorText, message, rule, t],
  );

  const percent = running && running.total > 0 ? Math.floor((running.done / running.total) * 100) : 0;
  const dialog = (
    <Modal
      open={running !== null}
      title={running?.title}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button onClick={() => abort.current?.abort()} data-testid="documents-cancel" autoFocus>
          {t('documents.cancel')}
        </Button>
      }
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="documents-progress">
        <Progress percent={percent} status="active" aria-label={t('documents.progress')} />
        <Typography.Text type="secondary">
          {running && running.total > 0 ? t('documents.progressCount', { done: running.done, total: running.total }) : t('documents.preparing')}
        </Typography.Text>
      </Space>
    </Modal>
  );

  return { run, build, busy: running !== null, dialog };
}
