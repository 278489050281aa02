/**
 * The one place that decides which bridge the app uses: the Electron preload's `window.desk`
 * when present, otherwise the browser implementation.
 */
import type { DeskBridge } from '../../../shared/ipc/contract';
import { createBrowserBridge } from './browser-bridge';

export const bridge: DeskBridge = window.desk ?? createBrowserBridge();

export const isDesktop = window.desk !== undefined;
