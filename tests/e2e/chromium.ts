import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * Which Chromium to drive: `CHROMIUM_PATH` when set; Playwright's own browser when it is
 * installed (a normal developer machine); otherwise the system's Chromium. `undefined` lets
 * Playwright report its usual "browser not installed" error.
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return undefined;
  } catch {
    // Playwright does not know its browser here; fall through to the system one.
  }
  return SYSTEM_CHROMIUM.find((p) => existsSync(p));
}
