/**
 * Cross-origin access for the desks. The desktop app runs from `app://desk` and browser mode from
 * whatever address the office serves it on, so the API must answer CORS. Any origin may call it:
 * every device route is authenticated by a bearer token in the `Authorization` header, which a
 * browser never attaches on its own (no cookies are used), so a foreign page gains nothing.
 */
import type { FastifyInstance } from 'fastify';
import { PROTOCOL_HEADER } from '../shared/sync/protocol';

const ALLOWED_HEADERS = ['authorization', 'content-type', PROTOCOL_HEADER].join(', ');
const EXPOSED_HEADERS = ['retry-after', 'x-content-sha256'].join(', ');

export function installCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('access-control-allow-origin', '*');
    // Not CORS-safelisted: without this a desk in another origin could not read how long a 429 asks it to wait.
    reply.header('access-control-expose-headers', EXPOSED_HEADERS);
    if (request.method === 'OPTIONS') {
      await reply
        .code(204)
        .header('access-control-allow-methods', 'GET, POST, PUT, OPTIONS')
        .header('access-control-allow-headers', ALLOWED_HEADERS)
        .header('access-control-max-age', '600')
        .send();
    }
  });
}
