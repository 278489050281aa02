/**
 * Desks call the server from another origin (`app://desk`, or wherever browser mode is served),
 * so preflights are answered and every answer allows the caller to read it.
 */
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Db } from '../../server/db';

const healthyDb = { kind: 'pglite', query: async () => ({ rows: [] }) } as unknown as Db;

describe('CORS', () => {
  it.each(['app://desk', 'http://127.0.0.1:5173', 'https://desk.example-association.cn'])(
    'answers a preflight from %s with the headers a desk sends',
    async (origin) => {
      const app = buildApp({ db: healthyDb });
      const res = await app.inject({
        method: 'OPTIONS',
        url: '/sync/push',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-desk-protocol' },
      });
      expect(res.statusCode).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(String(res.headers['access-control-allow-headers'])).toMatch(/authorization.*content-type.*x-desk-protocol/);
      expect(String(res.headers['access-control-allow-methods'])).toContain('POST');
      await app.close();
    },
  );

  it('lets a page read ordinary answers, errors included', async () => {
    const app = buildApp({ db: healthyDb });
    const ok = await app.inject({ method: 'GET', url: '/health', headers: { origin: 'app://desk' } });
    expect(ok.headers['access-control-allow-origin']).toBe('*');
    const refused = await app.inject({ method: 'GET', url: '/sync/pull', headers: { origin: 'app://desk' } });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['access-control-allow-origin']).toBe('*');
    // A 429's wait must be readable from another origin (Retry-After is not CORS-safelisted).
    expect(String(refused.headers['access-control-expose-headers'])).toContain('retry-after');
    await app.close();
  });
});
