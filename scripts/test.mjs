// `npm test`: everything CI and a developer run, in order — typecheck, lint, unit tests
// (vitest, fake-indexeddb), the renderer build, end-to-end tests (Playwright in Chromium against
// the built renderer) and Electronegativity on electron/. Every step runs even after a failure so
// one run shows all problems; the last line sums the tests: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
mkdirSync('test-results', { recursive: true });
for (const f of ['test-results/vitest.json', 'test-results/playwright.json']) rmSync(f, { force: true });

const steps = [
  ['typecheck', process.execPath, ['scripts/typecheck.mjs']],
  ['lint', bin('eslint'), ['--max-warnings', '0', '.']],
  ['unit', bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']],
  ['build', process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']],
  ['e2e', bin('playwright'), ['test']],
  ['electronegativity', process.execPath, ['scripts/electronegativity.mjs']],
];

const results = [];
for (const [name, command, args] of steps) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
  results.push({ name, ok: run.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) });
}

function readJson(file) {
  try {
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
const vitest = readJson('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
}
const playwright = readJson('test-results/playwright.json');
if (playwright?.stats) {
  passed += (playwright.stats.expected ?? 0) + (playwright.stats.flaky ?? 0);
  failed += playwright.stats.unexpected ?? 0;
}
// A step that failed outside any test (typecheck, lint, build, electronegativity) counts as one.
for (const r of results) if (!r.ok && !['unit', 'e2e'].includes(r.name)) failed += 1;
for (const r of results) if (!r.ok && r.name === 'unit' && !vitest?.numFailedTests) failed += 1;
for (const r of results) if (!r.ok && r.name === 'e2e' && !playwright?.stats?.unexpected) failed += 1;

console.log('\n=== summary ===');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds} s)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
