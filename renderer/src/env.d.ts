/// <reference types="vite/client" />
import type { DeskBridge } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** Present only inside the Electron shell (exposed by the preload). */
    readonly desk?: DeskBridge;
  }
  const __APP_VERSION__: string;
}

export {};
