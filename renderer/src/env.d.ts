/// <reference types="vite/client" />
import type { DeskBridge } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** Present only inside the Electron shell (exposed by the preload). */
    readonly desk?: DeskBridge;
  }
  const __APP_VERSION__: string;
  /** True only in the end-to-end test build (DESK_E2E=1). */
  const __E2E__: boolean;
}

export {};
