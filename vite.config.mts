import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { cspMeta } from './shared/security/csp';
import pkg from './package.json' with { type: 'json' };

/**
 * Puts the browser-mode CSP into the built index.html. Only on build: the dev server needs
 * inline scripts for hot reload, and the desktop shell sends its own stricter header.
 */
function cspMetaTag(): Plugin {
  return {
    name: 'association-desk-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: cspMeta('browser') }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  root: 'renderer',
  base: '/',
  publicDir: 'public',
  plugins: [react(), cspMetaTag()],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    // The e2e build (playwright.config.ts) exposes the app's write path to specs; no other build does.
    __E2E__: JSON.stringify(process.env.DESK_E2E === '1'),
  },
  build: {
    // DESK_OUT_DIR lets parallel work build and preview side by side (default: dist/renderer).
    outDir: process.env.DESK_OUT_DIR ?? '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 4000,
  },
  optimizeDeps: {
    // The documents worker's dependencies (shared/documents), pre-bundled when `vite` starts: the
    // dependency scanner does not follow `new Worker(...)`, and a late discovery reloads the page.
    include: ['@cantoo/pdf-lib', 'exceljs', 'fontkit', 'qrcode/lib/core/qrcode', 'qrcode/lib/core/format-info'],
  },
  preview: {
    host: '127.0.0.1',
  },
  server: {
    host: '127.0.0.1',
  },
});
