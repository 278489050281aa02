/**
 * A real sync server for end-to-end tests: `node --import tsx server/main.ts` on a free loopback
 * port, PGlite in a temporary folder, an office and one-time enrolment codes made with the
 * administrator's CLI (`npm run server -- office create …`, `… enrol-code …`) before the server
 * starts (PGlite is single-process, so the CLI cannot run beside the server).
 *
 * PGlite's first start (initdb in WebAssembly) takes ~20 s; a migrated, empty data folder is
 * kept in the OS temp folder (keyed by the migrations and PGlite's version) and copied for each
 * run, which takes well under a second.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';

/** Playwright runs from the project root (where its config is). */
const ROOT = process.cwd();

function runCli(dataDir: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`server CLI ${args.join(' ')} failed (${code}): ${err || out}`))));
  });
}

/** A migrated, empty PGlite data folder, made once per migration set and PGlite version. */
async function templateDataDir(): Promise<string> {
  const pglite = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
  const migrations = path.join(ROOT, 'server/migrations');
  const hash = createHash('sha256').update(pglite.version);
  for (const name of readdirSync(migrations).sort()) hash.update(name).update(readFileSync(path.join(migrations, name)));
  const dir = path.join(tmpdir(), `association-desk-e2e-pglite-${hash.digest('hex').slice(0, 16)}`);
  if (!existsSync(dir)) {
    const partial = mkdtempSync(`${dir}.partial-`);
    await runCli(partial, ['offices']);
    renameSync(partial, dir);
  }
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface SyncServer {
  readonly url: string;
  readonly officeCode: string;
  readonly officeName: string;
  /** One-time enrolment codes as the CLI printed them (`XXXX-XXXX-XXXX`). */
  readonly codes: readonly string[];
  stop(): Promise<void>;
}

export async function startSyncServer({ officeName, officeCode, codes }: { officeName: string; officeCode: string; codes: number }): Promise<SyncServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'association-desk-e2e-'));
  cpSync(await templateDataDir(), dataDir, { recursive: true });
  const created = await runCli(dataDir, ['office', 'create', officeName, '--code', officeCode]);
  if (!created.includes(officeCode)) throw new Error(`office create printed: ${created}`);
  const printed: string[] = [];
  for (let i = 0; i < codes; i++) {
    const out = await runCli(dataDir, ['enrol-code', officeCode]);
    const match = /一次性登记码：(\S+)/.exec(out);
    if (match === null) throw new Error(`enrol-code printed: ${out}`);
    printed.push(match[1]!);
  }

  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`sync server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('sync server did not start within 30 s');
    }
    await new Promise((r) => setTimeout(r, 150));
  }

  return {
    url,
    officeCode,
    officeName,
    codes: printed,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The desk page (another origin) calls the server with `fetch`, so the server must answer CORS
 * preflights. If it does not (yet), this stands in for the office's reverse proxy and adds the
 * headers, forwarding each request unchanged; a refused connection stays a refused connection.
 * Returns whether the stand-in was needed.
 */
export async function allowCrossOrigin(context: BrowserContext, serverUrl: string, pageOrigin: string): Promise<boolean> {
  const probe = await fetch(`${serverUrl}/sync/pull`, {
    method: 'OPTIONS',
    headers: { origin: pageOrigin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-desk-protocol' },
  }).catch(() => null);
  if (probe?.ok && probe.headers.get('access-control-allow-origin') !== null) return false;

  const cors = {
    'access-control-allow-origin': pageOrigin,
    'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
    'access-control-allow-headers': 'authorization, content-type, x-desk-protocol',
    'access-control-max-age': '600',
  };
  await context.route(`${serverUrl}/**`, async (route) => {
    if (route.request().method() === 'OPTIONS') {
      await route.fulfill({ status: 204, headers: cors });
      return;
    }
    try {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), ...cors } });
    } catch {
      await route.abort('connectionrefused');
    }
  });
  return true;
}
