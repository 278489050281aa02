/**
 * The HTTP application: one fastify instance over one `Db`. Nothing is kept in the process
 * between requests (rate limits and state live in the database), so several instances can serve
 * one database behind a load balancer.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { installCors } from './cors';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../shared/sync/protocol';
import { type AppContext, type AppOptions, DEFAULT_LIMITS, type Limits } from './context';
import { installErrorHandling, sendError } from './http-errors';
import { registerNumberRoutes } from './numbers';
import { registerBlobRoutes } from './routes-blobs';
import { registerPublicRoutes } from './routes-public';
import { registerSyncRoutes } from './routes-sync';

export { type AppOptions, type Limits, DEFAULT_LIMITS } from './context';

/** How recent a running transaction's last statement must be to count as the database answering. */
const HEALTH_PROGRESS_MS = 5_000;

export function buildApp(options: AppOptions): FastifyInstance {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const ctx: AppContext = { db: options.db, limits, now: options.now ?? Date.now };
  const trust = options.trustProxy ?? false;
  const app = Fastify({
    logger: options.logger ?? false,
    // A hop count trusts that many proxies in front (the address the nearest one saw, and so on).
    trustProxy: typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust,
    bodyLimit: limits.bodyBytes,
    // Idle keep-alive connections close at once on shutdown; busy ones finish their request.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });
  app.decorateRequest('device', null);
  installErrorHandling(app);
  installCors(app);

  app.addHook('onRequest', async (request, reply) => {
    const version = request.headers[PROTOCOL_HEADER];
    if (version !== undefined && version !== String(PROTOCOL_VERSION)) {
      await sendError(reply, 'protocol_unsupported', { supported: PROTOCOL_VERSION });
    }
  });

  app.get('/health', async (_request, reply) => {
    try {
      // On PGlite a long push holds the one connection: a transaction that finished a statement
      // within the last seconds is the database answering, and SELECT 1 would queue behind it.
      if (ctx.db.workingWithin?.(HEALTH_PROGRESS_MS) !== true) await ctx.db.query('SELECT 1');
    } catch {
      return sendError(reply, 'unavailable');
    }
    return { status: 'ok', service: 'association-desk-server', db: ctx.db.kind, protocol: PROTOCOL_VERSION };
  });

  registerSyncRoutes(app, ctx);
  registerNumberRoutes(app, ctx);
  void app.register(async (scope) => registerBlobRoutes(scope, ctx));
  registerPublicRoutes(app, ctx);

  // While shutting down, answers in flight ask the client to close its connection, so a
  // keep-alive socket does not hold the server open after its last answer.
  let draining = false;
  app.addHook('preClose', async () => {
    draining = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (draining) reply.header('connection', 'close');
    return payload;
  });

  if (options.closeDbOnClose) app.addHook('onClose', async () => ctx.db.close());
  return app;
}
