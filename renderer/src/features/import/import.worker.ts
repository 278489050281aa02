/**
 * Reads a spreadsheet off the window's thread: open, choose the sheet, find the header, parse
 * every row (shared/import). The screen stays responsive on a 100,000-row file and shows the
 * progress this reports.
 */
import { importSpecFor, readImport } from '../../../../shared/import';
import { getPack } from '../../../../shared/programs';
import { fail } from '../../../../shared/rules/result';
import type { ReadMessage, ReadRequest } from './protocol';
import { errorMessage } from '../../../../shared/rules/error-message';

const post = (m: ReadMessage) => postMessage(m);

addEventListener('message', (event: MessageEvent<ReadRequest>) => {
  const r = event.data;
  const pack = getPack(r.programId);
  if (pack === undefined) {
    post({ id: r.id, type: 'done', result: fail('import.spec', '找不到这项业务。') });
    return;
  }
  const spec = importSpecFor(pack, r.kind);
  if (!spec.ok) {
    post({ id: r.id, type: 'done', result: spec });
    return;
  }
  let last = 0;
  try {
    const result = readImport({
      bytes: r.bytes,
      spec: spec.value,
      today: r.today,
      ...(r.sheet !== undefined ? { sheet: r.sheet } : {}),
      ...(r.mapping !== undefined ? { mapping: r.mapping } : {}),
      ...(r.saved !== undefined ? { saved: r.saved } : {}),
      onProgress: (phase, done, total) => {
        const now = Date.now();
        if (now - last < 100 && done < total) return;
        last = now;
        post({ id: r.id, type: 'progress', phase, done, total });
      },
    });
    post({ id: r.id, type: 'done', result });
  } catch (e) {
    post({ id: r.id, type: 'done', result: fail('import.unreadable', `无法读取这个文件：${errorMessage(e)}`) });
  }
});
