// Runs Electronegativity on electron/ and fails on any finding. The tool cannot read the
// Electron version from a folder without package.json, so it is given the project's own
// (otherwise it assumes 0.1.0 and reports defaults that changed years ago).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const version = (pkg.devDependencies?.electron ?? pkg.dependencies?.electron ?? '').replace(/^[^\d]*/, '');
if (!version) {
  console.error('electronegativity: electron is not a dependency');
  process.exit(1);
}

const dir = mkdtempSync(path.join(tmpdir(), 'electronegativity-'));
const out = path.join(dir, 'result.csv');
const run = spawnSync(
  process.execPath,
  ['node_modules/@doyensec/electronegativity/dist/index.js', '-i', 'electron', '-e', version, '-o', out, '-r'],
  { encoding: 'utf8' },
);
let csv = '';
try {
  csv = readFileSync(out, 'utf8');
} catch {
  console.error(run.stdout, run.stderr);
  console.error('electronegativity: the tool produced no report');
  process.exit(1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const findings = csv.split('\n').slice(1).filter((line) => line.trim() !== '');
if (findings.length > 0) {
  console.error(`electronegativity: ${findings.length} finding(s) in electron/ (Electron ${version}):`);
  for (const f of findings) console.error(`  ${f}`);
  process.exit(1);
}
console.log(`electronegativity: 0 findings in electron/ (Electron ${version})`);
