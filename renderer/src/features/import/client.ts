/**
 * Runs a read in the import Worker. A new read while one runs stops the old one (the Worker is
 * terminated and started afresh): the clerk chose another file, sheet or mapping.
 */
import type { ProgressPhase, ReadImportResult } from '../../../../shared/import';
import { fail, type Result } from '../../../../shared/rules/result';
import type { ReadMessage, ReadRequest } from './protocol';

let worker: Worker | undefined;
let running: ((r: Result<ReadImportResult>) => void) | undefined;
let nextId = 1;

export function readInWorker(
  request: Omit<ReadRequest, 'id'>,
  onProgress?: (phase: ProgressPhase, done: number, total: number) => void,
): Promise<Result<ReadImportResult>> {
  if (running !== undefined) {
    worker?.terminate();
    worker = undefined;
    running(fail('import.cancelled', '已取消读取。'));
    running = undefined;
  }
  const w = (worker ??= new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' }));
  const id = nextId++;
  return new Promise((resolve) => {
    const finish = (result: Result<ReadImportResult>) => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      if (running === finish) running = undefined;
      resolve(result);
    };
    const onMessage = (event: MessageEvent<ReadMessage>) => {
      const m = event.data;
      if (m.id !== id) return;
      if (m.type === 'progress') onProgress?.(m.phase, m.done, m.total);
      else finish(m.result);
    };
    const onError = (event: ErrorEvent) => {
      event.preventDefault();
      w.terminate();
      worker = undefined;
      finish(fail('import.worker', `读取程序出错：${event.message || '无法启动'}。请重试。`));
    };
    running = finish;
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    const message: ReadRequest = { ...request, id };
    w.postMessage(message);
  });
}
