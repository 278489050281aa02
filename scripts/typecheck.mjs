// Typechecks every part of the project with its own settings: shared/ without DOM or Node
// types (so an impure global is a type error), the renderer with DOM, electron/ and server/ with
// Node, and the tests.
import { spawnSync } from 'node:child_process';

const projects = ['shared', 'renderer', 'electron', 'server', 'tests'];
let failed = 0;
for (const project of projects) {
  const started = Date.now();
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', `${project}/tsconfig.json`, '--noEmit'], {
    stdio: 'inherit',
  });
  const ok = result.status === 0;
  if (!ok) failed += 1;
  console.log(`typecheck ${project}: ${ok ? 'ok' : 'FAILED'} (${Date.now() - started} ms)`);
}
process.exit(failed === 0 ? 0 : 1);
