/**
 * Runs document jobs in the documents worker. One worker serves the jobs one at a time and keeps
 * the fonts it fetched; cancelling a job terminates the worker at once (a new one starts for the
 * next job), so even a build between two progress points stops immediately.
 */
import { fail, ok, type Result } from '../../../shared/rules/result';
import { FONT_URLS } from './fonts';
import type { DocumentJob, JobMessage, JobRequest } from './protocol';

export interface RunOptions {
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

export const CANCELLED = 'documents.aborted';

let worker: Worker | undefined;
let nextId = 1;
/** Jobs run one after another: each waits for the previous one to settle. */
let queue: Promise<unknown> = Promise.resolve();

function absoluteUrls(): Record<string, string> {
  return Object.fromEntries(Object.entries(FONT_URLS).map(([k, url]) => [k, new URL(url, document.baseURI).href]));
}

function getWorker(): Worker {
  worker ??= new Worker(new URL('./documents.worker.ts', import.meta.url), { type: 'module', name: 'documents' });
  return worker;
}

function stopWorker(): void {
  worker?.terminate();
  worker = undefined;
}

function runNow(job: DocumentJob, options: RunOptions): Promise<Result<Uint8Array>> {
  if (options.signal?.aborted) return Promise.resolve(fail(CANCELLED, '已取消生成。'));
  return new Promise((resolve) => {
    const id = nextId++;
    const w = getWorker();
    const finish = (result: Result<Uint8Array>) => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onMessage = (event: MessageEvent<JobMessage>) => {
      const m = event.data;
      if (m.id !== id) return;
      if (m.type === 'progress') options.onProgress?.(m.done, m.total);
      else if (m.type === 'done') finish(ok(m.bytes));
      else finish(fail(m.code, m.message));
    };
    const onError = (event: ErrorEvent) => {
      event.preventDefault();
      stopWorker();
      finish(fail('documents.worker', `文书生成程序出错：${event.message || '无法启动'}。请重试。`));
    };
    const onAbort = () => {
      stopWorker();
      finish(fail(CANCELLED, '已取消生成。'));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const request: JobRequest = { id, job, fontUrls: absoluteUrls() };
    w.postMessage(request);
  });
}

/** Builds one document in the worker. Never rejects: failures (and cancel) come back as a Result. */
export function runDocumentJob(job: DocumentJob, options: RunOptions = {}): Promise<Result<Uint8Array>> {
  const result = queue.then(() => runNow(job, options));
  queue = result.catch(() => undefined);
  return result;
}
