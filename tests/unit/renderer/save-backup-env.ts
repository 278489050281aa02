/**
 * Imported first by save-backup.test.ts: the renderer modules it loads read `window.desk` (the
 * desktop bridge) and `__APP_VERSION__` when imported, so both exist before them. The bridge's
 * save dialog is stubbed: it keeps the bytes it was given.
 */
import '../intake/env';
import type { SaveFileResult } from '../../../shared/ipc/contract';

export const saved: { suggestedName: string; bytes: Uint8Array }[] = [];

const desk = {
  saveFile: async (request: { suggestedName: string; bytes: Uint8Array }): Promise<SaveFileResult> => {
    saved.push(request);
    return { status: 'saved', path: `/backups/${request.suggestedName}` };
  },
};

Object.defineProperty(globalThis, 'window', { value: { desk }, configurable: true });
Object.defineProperty(globalThis, '__APP_VERSION__', { value: '0.0.0-test', configurable: true });
