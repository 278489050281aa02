/**
 * The main-side wrapper and the preload, with `electron` replaced by recording fakes: the
 * wrapper refuses untrusted frames and bad arguments before the handler runs; the preload exposes
 * exactly the contract's methods, each invoking its own channel.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const registered = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
const exposed: Record<string, unknown> = {};
const invoked: unknown[][] = [];

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) => registered.set(channel, fn) },
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve('answer')) },
}));

const appFrame = { url: 'app://desk/index.html#/intake', parent: null };

describe('handle(): the one IPC wrapper', () => {
  beforeEach(() => registered.clear());

  it('passes parsed arguments to the handler for the app frame', async () => {
    const { handle } = await import('../../../electron/ipc');
    const seen: unknown[] = [];
    handle('openFolder', (_event, which) => {
      seen.push(which);
      return { status: 'opened', path: '/data' };
    });
    const fn = registered.get('desk:openFolder')!;
    await expect(fn({ senderFrame: appFrame }, 'backup')).resolves.toEqual({ status: 'opened', path: '/data' });
    expect(seen).toEqual(['backup']);
  });

  it.each([
    ['an iframe', { url: 'app://desk/index.html', parent: {} }],
    ['a foreign page', { url: 'https://evil.example/', parent: null }],
    ['a destroyed frame', null],
  ])('refuses %s before the handler runs', async (_label, senderFrame) => {
    const { handle } = await import('../../../electron/ipc');
    const handler = vi.fn();
    handle('openFolder', handler);
    await expect(registered.get('desk:openFolder')!({ senderFrame }, 'data')).rejects.toThrow('untrusted sender');
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses arguments that do not parse', async () => {
    const { handle } = await import('../../../electron/ipc');
    const handler = vi.fn();
    handle('saveFile', handler);
    await expect(
      registered.get('desk:saveFile')!({ senderFrame: appFrame }, { suggestedName: '../x', bytes: new Uint8Array([1]) }),
    ).rejects.toThrow('invalid arguments');
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('preload', () => {
  it('exposes exactly the contract methods on window.desk, each on its own channel', async () => {
    const { bridgeMethods } = await import('../../../shared/ipc/contract');
    await import('../../../electron/preload');
    const desk = exposed.desk as Record<string, (...args: unknown[]) => Promise<unknown>>;
    expect(Object.keys(desk).sort()).toEqual([...bridgeMethods].sort());
    await desk.openFolder!('data');
    await desk.appInfo!();
    expect(invoked).toEqual([['desk:openFolder', 'data'], ['desk:appInfo']]);
    expect(exposed).not.toHaveProperty('ipcRenderer');
  });
});
