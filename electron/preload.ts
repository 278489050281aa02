/**
 * The preload bridge: exposes `window.desk`, one method per contract channel, and nothing else
 * (no `ipcRenderer`, no Node). Sandboxed preloads may only require `electron`, so this file
 * imports the contract for its types alone; `satisfies DeskBridge` makes the compiler check that
 * every channel is here, with the contract's argument and result types, and nothing more.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { BridgeArgs, BridgeMethod, BridgeResults, DeskBridge } from '../shared/ipc/contract';

const call =
  <M extends BridgeMethod>(method: M) =>
  (...args: BridgeArgs<M>): Promise<BridgeResults[M]> =>
    ipcRenderer.invoke(`desk:${method}`, ...args) as Promise<BridgeResults[M]>;

const desk = {
  appInfo: call('appInfo'),
  saveFile: call('saveFile'),
  printPdf: call('printPdf'),
  openFolder: call('openFolder'),
  writeBackup: call('writeBackup'),
  listBackups: call('listBackups'),
  readBackup: call('readBackup'),
} satisfies DeskBridge;

contextBridge.exposeInMainWorld('desk', desk);
