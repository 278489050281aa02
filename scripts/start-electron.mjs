// Starts the desktop app. Electron downloads its binary on first use; where that is impossible
// (no network, or ELECTRON_SKIP_BINARY_DOWNLOAD), say so plainly and point to browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));

function binaryPath() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

let binary = binaryPath();
if (binary === null && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('首次启动：正在下载 Electron 运行时… / First start: downloading the Electron runtime…');
  // The installer's own failure is a raw stack (`TypeError: fetch failed` …): keep it off the
  // screen and say below, in plain words, what to do instead.
  spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: ['ignore', 'inherit', 'ignore'], timeout: 300_000 });
  binary = binaryPath();
}

if (binary === null) {
  console.error(
    [
      '',
      '无法启动桌面应用：本机没有 Electron 运行时（可能无法联网下载）。',
      '可以改用浏览器模式：  npm run web   然后在 Chromium/Chrome/Edge 中打开显示的地址。',
      '',
      'Cannot start the desktop app: the Electron binary is missing (it could not be downloaded).',
      'Use browser mode instead:  npm run web  and open the address it prints in Chromium/Chrome/Edge.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

const child = spawn(binary, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
