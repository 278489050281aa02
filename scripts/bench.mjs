// Runs the benchmarks in tests/bench/: all of them, or those whose file name contains the
// argument (`npm run bench rules`). Each prints one JSON line per figure. Speed never fails CI.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const filter = process.argv[2] ?? '';
const files = readdirSync('tests/bench')
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
if (files.length === 0) {
  console.error(`no benchmark matches "${filter}" in tests/bench/`);
  process.exit(1);
}
let failed = 0;
for (const file of files) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join('tests/bench', file)], { stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
