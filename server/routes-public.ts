/** Unauthenticated routes: certificate verification and office public keys. */
import { type FastifyInstance } from 'fastify';
import { SYNC_ERRORS } from '../shared/sync/errors';
import { SYNC_ROUTES } from '../shared/sync/protocol';
import { type AppContext } from './context';
import { sendError } from './http-errors';
import { officePublicKeys } from './offices';
import { isStorableText } from './push';
import { countAttempt } from './rate-limit';
import { messagePage, verificationPage, verifyCertificate, VERIFY_PAGE_CSP } from './verify';

/** The wording for a 429 on the public page: the person scanning a QR code is not a clerk whose desk syncs. */
const VERIFY_RATE_LIMITED = '查询过于频繁，请稍后再试。';

const DAY_SECONDS = 86_400;

function wantsJson(accept: string | undefined): boolean {
  return accept !== undefined && /application\/json/i.test(accept);
}

export function registerPublicRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, limits } = ctx;

  app.get(SYNC_ROUTES.verify, async (request, reply) => {
    const json = wantsJson(request.headers.accept);
    const html = (status: number, body: string) =>
      reply.code(status).header('content-security-policy', VERIFY_PAGE_CSP).header('x-content-type-options', 'nosniff').type('text/html; charset=utf-8').send(body);

    const attempt = await countAttempt(db, `verify-ip:${request.ip}`, limits.verifyWindowSeconds);
    const daily = await countAttempt(db, `verify-ip-day:${request.ip}`, DAY_SECONDS);
    const over = [attempt.hits > limits.verifyPerIp ? attempt : undefined, daily.hits > limits.verifyPerIpPerDay ? daily : undefined];
    if (over.some((a) => a !== undefined)) {
      const retryAfterSeconds = Math.max(...over.map((a) => a?.retryAfterSeconds ?? 0));
      reply.header('retry-after', String(retryAfterSeconds));
      return json
        ? sendError(reply, 'rate_limited', { retryAfterSeconds }, VERIFY_RATE_LIMITED)
        : html(SYNC_ERRORS.rate_limited.status, messagePage('查询过于频繁', VERIFY_RATE_LIMITED));
    }
    const certificateNo = (request.params as { certificateNo: string }).certificateNo;
    // NUL or a lone surrogate can never be a stored number (and PostgreSQL refuses NUL in text).
    const answer =
      certificateNo.length >= 1 && certificateNo.length <= 60 && isStorableText(certificateNo) ? await verifyCertificate(db, certificateNo, ctx.now()) : undefined;
    reply.header('cache-control', 'no-store');
    if (answer === undefined) {
      return json
        ? sendError(reply, 'certificate_not_found')
        : html(SYNC_ERRORS.certificate_not_found.status, messagePage('未查到证书', SYNC_ERRORS.certificate_not_found.message));
    }
    return json ? reply.send(answer) : html(200, verificationPage(answer));
  });

  app.get('/offices/:id/public-key', async (request, reply) => {
    const id = (request.params as { id: string }).id;
    const office = id.length <= 64 && isStorableText(id)
      ? (await db.query<{ id: string; name: string }>('SELECT id, name FROM offices WHERE id = $1', [id])).rows[0]
      : undefined;
    if (office === undefined) return sendError(reply, 'not_found', { office: id.slice(0, 64).replace(/[^\x20-\x7e]/g, '?') });
    const keys = await officePublicKeys(db, office.id);
    return {
      officeId: office.id,
      officeName: office.name,
      keys: keys.map((k) => ({
        keyId: k.keyId,
        algorithm: k.algorithm,
        /** SubjectPublicKeyInfo, DER, base64. */
        publicKey: k.publicKey,
        publicKeyPem: `-----BEGIN PUBLIC KEY-----\n${k.publicKey}\n-----END PUBLIC KEY-----\n`,
        createdAt: k.createdAt.toISOString(),
        retiredAt: k.retiredAt === null ? null : k.retiredAt.toISOString(),
      })),
    };
  });
}
