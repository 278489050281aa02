/**
 * Attachment bytes, content-addressed: `PUT /blobs/:sha256` checks the bytes against the name,
 * stores them once however many offices upload them, and links them to the uploader's office;
 * `GET` serves them only to devices of an office that has uploaded them.
 */
import { createHash } from 'node:crypto';
import { type FastifyInstance } from 'fastify';
import { SyncError } from '../shared/sync/errors';
import { sha256HexSchema, type BlobUploadResponse } from '../shared/sync/protocol';
import { deviceAuth, deviceOf } from './auth';
import { type AppContext } from './context';
import { toBuffer, toNumber } from './db';

const MIME = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}$/;

function mimeOf(header: string | undefined): string {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  return MIME.test(type) ? type : 'application/octet-stream';
}

function shaParam(params: unknown): string {
  const parsed = sha256HexSchema.safeParse((params as { sha256?: unknown }).sha256);
  if (!parsed.success) throw new SyncError('invalid_request', [{ path: 'sha256', message: '校验值应为64位小写十六进制' }]);
  return parsed.data;
}

/** Registered in its own plugin scope: the raw-bytes body parser applies to these routes only. */
export function registerBlobRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, limits } = ctx;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limits.blobBytes }, (_request, body, done) => done(null, body));
  const auth = deviceAuth(db);

  app.put('/blobs/:sha256', { onRequest: auth, bodyLimit: limits.blobBytes }, async (request, reply) => {
    const device = deviceOf(request);
    const sha256 = shaParam(request.params);
    const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    if (bytes.length > limits.blobBytes) throw new SyncError('blob_too_large');
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha256) throw new SyncError('blob_hash_mismatch', { expected: sha256, actual });
    const created = await db.transaction(async (tx) => {
      await tx.query('INSERT INTO blobs (sha256, size, data) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [sha256, bytes.length, bytes]);
      const link = await tx.query(
        'INSERT INTO office_blobs (office_id, sha256, mime_type, device_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING sha256',
        [device.officeId, sha256, mimeOf(request.headers['content-type']), device.deviceId],
      );
      // "Created" is about this office: whether another office had the bytes is not its business.
      return link.rows.length > 0;
    });
    request.log.info({ officeId: device.officeId, sha256, size: bytes.length, created }, 'blob stored');
    const answer: BlobUploadResponse = { sha256, size: bytes.length, created };
    return reply.code(created ? 201 : 200).send(answer);
  });

  app.get('/blobs/:sha256', { onRequest: auth }, async (request, reply) => {
    const device = deviceOf(request);
    const sha256 = shaParam(request.params);
    const { rows } = await db.query<{ data: unknown; size: unknown; mime_type: string }>(
      'SELECT b.data, b.size, ob.mime_type FROM office_blobs ob JOIN blobs b ON b.sha256 = ob.sha256 WHERE ob.office_id = $1 AND ob.sha256 = $2',
      [device.officeId, sha256],
    );
    const row = rows[0];
    if (row === undefined) throw new SyncError('blob_not_found');
    return reply
      .header('content-type', row.mime_type)
      .header('content-length', String(toNumber(row.size)))
      .header('x-content-sha256', sha256)
      .header('content-disposition', 'attachment')
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, max-age=31536000, immutable')
      .send(toBuffer(row.data));
  });
}
