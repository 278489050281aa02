/**
 * The one way the main process answers the renderer: `handle(method, handler)` registers the
 * channel `desk:<method>`, refuses foreign senders and non-top-level frames, parses the raw
 * arguments with the contract's zod schema, and only then calls the handler.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import {
  channelOf,
  parseBridgeArgs,
  type BridgeMethod,
  type BridgeResults,
  type bridgeContract,
} from '../shared/ipc/contract';
import type { z } from 'zod';
import { isTrustedSender } from './security';

type ParsedArgs<M extends BridgeMethod> = z.output<(typeof bridgeContract)[M]['args']>;

export type Handler<M extends BridgeMethod> = (
  event: IpcMainInvokeEvent,
  ...args: ParsedArgs<M>
) => Promise<BridgeResults[M]> | BridgeResults[M];

export function handle<M extends BridgeMethod>(method: M, handler: Handler<M>): void {
  const channel = channelOf(method);
  ipcMain.handle(channel, async (event, ...raw: unknown[]) => {
    if (!isTrustedSender(event.senderFrame)) {
      console.warn(`[ipc] refused ${channel}: untrusted sender ${event.senderFrame?.url ?? '(gone)'}`);
      throw new Error(`refused: untrusted sender`);
    }
    const parsed = parseBridgeArgs(method, raw);
    if (!parsed.ok) {
      console.warn(`[ipc] refused ${channel}: ${parsed.reason}`);
      throw new Error(`refused: invalid arguments (${parsed.reason})`);
    }
    return handler(event, ...(parsed.args as ParsedArgs<M>));
  });
}
