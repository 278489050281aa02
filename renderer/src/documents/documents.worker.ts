/**
 * The documents worker: runs the pure builders of shared/documents off the window's thread, so a
 * 1,000-page batch never freezes the screen. Fonts are fetched once per worker and kept; the
 * renderer cancels a job by terminating the worker (documents/client.ts).
 */
import {
  buildBindingTocPdf,
  buildCalibrationPdf,
  buildCertificateRegisterXlsx,
  buildGradedRegisterXlsx,
  buildRenewalRemindersXlsx,
  buildDecisionNoticePdf,
  buildCertificatesPdf,
  buildDefenceNoticePdf,
  buildPanelResultsPdf,
  buildPanelResultsXlsx,
  buildPublicityListXlsx,
  buildReceiptPdf,
  buildReturnNoticePdf,
  buildRkApplicationFormPdf,
  buildRkTalentRegisterXlsx,
  buildScoringSheetPdf,
  buildSummarySheetPdf,
  buildXjAnnualSummaryXlsx,
  buildZjRosterXlsx,
  certificateTemplate,
  FONT_KEYS,
  type FontBytes,
  type FontKey,
} from '../../../shared/documents';
import { fail, type Result } from '../../../shared/rules/result';
import type { DocumentJob, JobMessage, JobRequest } from './protocol';
import { errorMessage } from '../../../shared/rules/error-message';

interface WorkerScope {
  postMessage(message: JobMessage, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<JobRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;

const fontCache = new Map<FontKey, Promise<Uint8Array>>();

function fontBytes(key: FontKey, url: string): Promise<Uint8Array> {
  let pending = fontCache.get(key);
  if (!pending) {
    pending = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`字体文件 ${url} 无法读取（${response.status}）。`);
      return new Uint8Array(await response.arrayBuffer());
    });
    pending.catch(() => fontCache.delete(key));
    fontCache.set(key, pending);
  }
  return pending;
}

async function loadFonts(urls: Readonly<Record<string, string>>, keys: readonly FontKey[]): Promise<FontBytes> {
  const fonts: Partial<Record<FontKey, Uint8Array>> = {};
  await Promise.all(
    keys.map(async (key) => {
      const url = urls[key];
      if (url) fonts[key] = await fontBytes(key, url);
    }),
  );
  return fonts;
}

/** Pages between yields, so the progress reaches the window while a batch runs. */
const PAUSE_EVERY = 10;
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function run(request: JobRequest, progress: (done: number, total: number) => void): Promise<Result<Uint8Array>> {
  const job: DocumentJob = request.job;
  const fonts = (keys: readonly FontKey[] = FONT_KEYS) => loadFonts(request.fontUrls, keys);
  switch (job.kind) {
    case 'certificates': {
      const template = certificateTemplate(job.templateId);
      if (!template) return fail('documents.template', `没有“${job.templateId}”的证书版式。`);
      const privateKey = job.signing.privateKey;
      if (typeof CryptoKey !== 'undefined' && !(privateKey instanceof CryptoKey)) {
        return fail('documents.signing-key', '证书签名密钥无效，请管理员在“证书”页的签名设置中重新导入。');
      }
      return buildCertificatesPdf({
        template,
        certificates: job.certificates,
        fonts: await fonts(),
        signing: { subtle: crypto.subtle, privateKey, verifyHost: job.signing.verifyHost },
        mode: job.mode,
        printer: job.printer,
        onProgress: progress,
        pause,
        pauseEvery: PAUSE_EVERY,
      });
    }
    case 'calibration': {
      const template = certificateTemplate(job.templateId);
      if (!template) return fail('documents.template', `没有“${job.templateId}”的证书版式。`);
      return buildCalibrationPdf({ page: template.page, fonts: await fonts(['sans-regular', 'sans-bold']), printer: job.printer });
    }
    case 'receipt':
      return buildReceiptPdf(job.input, await fonts(['serif-regular', 'sans-regular', 'sans-bold']));
    case 'decision-notice':
      return buildDecisionNoticePdf(job.input, await fonts(['serif-regular', 'sans-regular', 'sans-bold']));
    case 'return-notice':
      return buildReturnNoticePdf(job.input, await fonts(['serif-regular', 'sans-regular', 'sans-bold']));
    case 'binding-toc':
      return buildBindingTocPdf(job.input, await fonts(['serif-regular', 'sans-regular', 'sans-bold']));
    case 'rk-application-form':
      return buildRkApplicationFormPdf(job.input, await fonts());
    case 'summary-sheet':
      return buildSummarySheetPdf(job.input, await fonts());
    case 'scoring-sheet':
      return buildScoringSheetPdf(job.input, await fonts(['serif-regular', 'sans-regular', 'sans-bold']));
    case 'zj-roster':
      return buildZjRosterXlsx({ ...job.input, onProgress: progress });
    case 'publicity-list':
      return buildPublicityListXlsx(job.input);
    case 'rk-talent-register':
      return buildRkTalentRegisterXlsx(job.input);
    case 'xj-annual-summary':
      return buildXjAnnualSummaryXlsx(job.input);
    case 'certificate-register':
      return buildCertificateRegisterXlsx(job.input);
    case 'graded-register':
      return buildGradedRegisterXlsx(job.input);
    case 'renewal-reminders':
      return buildRenewalRemindersXlsx(job.input);
    case 'panel-results':
      return buildPanelResultsPdf(job.input, await fonts());
    case 'panel-results-xlsx':
      return buildPanelResultsXlsx(job.input);
    case 'defence-notice':
      return buildDefenceNoticePdf(job.input, await fonts());
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  let lastSent = 0;
  const progress = (done: number, total: number) => {
    // At most ~100 messages per job: enough for a smooth bar, cheap for the window.
    if (done === total || done - lastSent >= Math.max(1, Math.floor(total / 100))) {
      lastSent = done;
      scope.postMessage({ id: request.id, type: 'progress', done, total });
    }
  };
  run(request, progress).then(
    (result) => {
      if (result.ok) scope.postMessage({ id: request.id, type: 'done', bytes: result.value }, [result.value.buffer as ArrayBuffer]);
      else scope.postMessage({ id: request.id, type: 'failed', code: result.error.code, message: result.error.message });
    },
    (error: unknown) => {
      const message = errorMessage(error);
      scope.postMessage({ id: request.id, type: 'failed', code: 'documents.internal', message: `生成文书时出错：${message}` });
    },
  );
};
