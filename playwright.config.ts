import { defineConfig } from '@playwright/test';
import { chromiumExecutable } from './tests/e2e/chromium';

/**
 * End-to-end tests drive the built renderer in browser mode (Electron binaries are not always
 * available; the renderer is the same). The browser is Playwright's own where one is installed,
 * otherwise the system Chromium (Debian's `chromium`), see `tests/e2e/chromium.ts`.
 */
const PORT = Number(process.env.E2E_PORT ?? 4319);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1360, height: 860 },
    acceptDownloads: true,
    // The app honours "reduce motion" (no dialog zoom, no dropdown slide): clicks never land mid-animation.
    contextOptions: { reducedMotion: 'reduce' },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  // The e2e build: the same renderer with the app's write path exposed to specs for seeding
  // (renderer/src/testing/e2e-hook.ts), built apart from the shipped one in dist/e2e.
  webServer: {
    command:
      `node node_modules/vite/bin/vite.js build --logLevel warn --outDir ../dist/e2e && ` +
      `node node_modules/vite/bin/vite.js preview --outDir ../dist/e2e --port ${PORT} --strictPort`,
    env: { DESK_E2E: '1', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 240_000,
  },
});
