// `npm test`: everything CI and a developer run, in order — typecheck, lint, unit tests
// (vitest, fake-indexeddb), the renderer build, end-to-end tests (Playwright in Chromium against
// the built renderer) and Electronegativity on electron/. Every step runs even after a failure so
// one run shows all problems; the last line sums the tests: "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
mkdirSync('test-results', { recursive: true });
for (const f of ['test-results/vitest.json', 'test-results/playwright.json']) rmSync(f, { force: true });

// Typecheck and lint are each one thread: they run side by side (their output printed whole, in
// order, once both are done), which saves their shorter one's time on a two-core machine.
const sideBySide = [
  ['typecheck', process.execPath, ['scripts/typecheck.mjs']],
  ['lint', bin('eslint'), ['--max-warnings', '0', '.']],
];

const steps = [
  ['unit', bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']],
  ['build', process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']],
  ['e2e', bin('playwright'), ['test']],
  ['electronegativity', process.execPath, ['scripts/electronegativity.mjs']],
];

const env = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };

function runCaptured(name, command, args) {
  const started = Date.now();
  return new Promise((resolve) => {
    const chunks = [];
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('error', (e) => chunks.push(Buffer.from(String(e))));
    child.on('close', (code) => resolve({ name, ok: code === 0, seconds: ((Date.now() - started) / 1000).toFixed(1), output: Buffer.concat(chunks).toString() }));
  });
}

const results = [];
for (const r of await Promise.all(sideBySide.map(([name, command, args]) => runCaptured(name, command, args)))) {
  console.log(`\n=== ${r.name} ===`);
  process.stdout.write(r.output);
  results.push({ name: r.name, ok: r.ok, seconds: r.seconds });
}
for (const [name, command, args] of steps) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const run = spawnSync(command, args, { stdio: 'inherit', env });
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
