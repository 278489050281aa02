import { isIP } from 'node:net';

/**
 * Which proxies' `X-Forwarded-For` to believe: `false` (none: the socket's address counts), a
 * number of proxy hops in front of the server, or the proxies' own addresses and CIDRs. Never
 * "trust everything": the left-most `X-Forwarded-For` entry is whatever the client wrote, and
 * per-address limits keyed on it would limit nothing.
 */
export type TrustProxy = false | number | string[];

const CIDR = /^(.+)\/(\d{1,3})$/;

/**
 * `TRUST_PROXY`: empty, `0` or `false` — no proxy; `1` or `true` — one proxy hop (the address
 * that proxy saw, the right-most entry it appended); `2`… — that many hops; otherwise a
 * comma-separated list of the proxies' addresses or CIDRs (`127.0.0.1,10.0.0.0/8`), the client
 * address being the right-most entry not from one of them. Anything else stops the start.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim();
  if (text === '' || text === '0' || text.toLowerCase() === 'false') return false;
  if (text.toLowerCase() === 'true') return 1;
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const entries = text.split(',').map((e) => e.trim()).filter((e) => e !== '');
  for (const entry of entries) {
    const m = CIDR.exec(entry);
    const address = m?.[1] ?? entry;
    const version = isIP(address);
    const bits = m === null ? undefined : Number(m[2]);
    if (version === 0 || (bits !== undefined && bits > (version === 4 ? 32 : 128))) {
      throw new Error(`TRUST_PROXY 不正确：“${entry}” 不是地址或网段（例：127.0.0.1,10.0.0.0/8）`);
    }
  }
  return entries;
}

/** Settings from the environment, read once at start-up. */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly logLevel: string;
  /** See `parseTrustProxy`. */
  readonly trustProxy: TrustProxy;
  /** How long SIGTERM waits for in-flight requests before giving up. */
  readonly shutdownTimeoutMs: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT 不正确：${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR || './server-data',
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    shutdownTimeoutMs: Number(env.SHUTDOWN_TIMEOUT_MS ?? 30_000),
  };
}
