// Typechecks every part of the project with its own settings, through the solution tsconfig.json
// (`tsc -b`): shared/ without DOM or Node types (so an impure global is a type error), the
// renderer with DOM, electron/ and server/ with Node, and the tests. electron/ is then checked
// once more with the exact settings its build uses (CommonJS for the sandboxed preload).
import { spawnSync } from 'node:child_process';

const runs = [
  ['solution (tsc -b)', ['-b']],
  ['electron build settings', ['-p', 'electron/tsconfig.json', '--noEmit']],
];
let failed = 0;
for (const [name, args] of runs) {
  const started = Date.now();
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', ...args], { stdio: 'inherit' });
  const ok = result.status === 0;
  if (!ok) failed += 1;
  console.log(`typecheck ${name}: ${ok ? 'ok' : 'FAILED'} (${Date.now() - started} ms)`);
}
process.exit(failed === 0 ? 0 : 1);
