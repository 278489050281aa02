// Compiles the Electron main process and preload (CommonJS, as sandboxed preloads require) into
// dist/electron. The renderer is built separately by Vite into dist/renderer.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

rmSync('dist/electron', { recursive: true, force: true });
const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'electron/tsconfig.json'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
