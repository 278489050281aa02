/**
 * Attachment bytes travel beside the operations, content-addressed by SHA-256, so both
 * directions are idempotent: uploading bytes the server has is a no-op, and a device downloads
 * only the hashes it lacks.
 *
 * - Before a batch is pushed, the bytes of every attachment it creates or changes are uploaded,
 *   so another desk that pulls the record can fetch them.
 * - After a pull, every attachment whose bytes this desk lacks is fetched. `blob_not_found`
 *   (the uploading desk has not synced yet) is skipped quietly; the next sync asks again.
 * - On demand: a screen that needs bytes this desk lacks (the pass has not reached them yet, or
 *   they were not on the server then) asks `ensureBlob`, which fetches, checks and keeps them.
 */
import type { DeskDatabase } from '../db/database';
import { SyncError } from '../../../shared/sync/errors';
import type { PushRequest } from '../../../shared/sync/protocol';
import type { SyncTransport } from './transport';

function shaOf(fields: Record<string, unknown>): string | undefined {
  const sha = fields.sha256;
  return typeof sha === 'string' && /^[0-9a-f]{64}$/.test(sha) ? sha : undefined;
}

export async function uploadBlobsOf(db: DeskDatabase, transport: SyncTransport, batch: PushRequest): Promise<number> {
  const wanted = new Map<string, string>();
  for (const op of batch.operations) {
    if (op.table !== 'attachments') continue;
    const sha = shaOf(op.fields);
    if (sha === undefined) continue;
    const mime = typeof op.fields.mimeType === 'string' ? op.fields.mimeType : '';
    wanted.set(sha, mime || wanted.get(sha) || 'application/octet-stream');
  }
  let uploaded = 0;
  for (const [sha, mime] of wanted) {
    const row = await db.blobs.get(sha);
    // Metadata without bytes on this desk (imported, or bytes not yet fetched): nothing to send.
    if (row === undefined) continue;
    await transport.uploadBlob(sha, row.blob, mime);
    uploaded += 1;
  }
  return uploaded;
}

export async function downloadMissingBlobs(db: DeskDatabase, transport: SyncTransport): Promise<number> {
  const referenced = (await db.attachments.orderBy('sha256').uniqueKeys()) as string[];
  if (referenced.length === 0) return 0;
  const present = new Set((await db.blobs.toCollection().primaryKeys()) as string[]);
  let fetched = 0;
  for (const sha of referenced) {
    if (present.has(sha) || !/^[0-9a-f]{64}$/.test(sha)) continue;
    try {
      const blob = await transport.downloadBlob(sha);
      await db.blobs.put({ sha256: sha, blob });
      fetched += 1;
    } catch (error) {
      if (error instanceof SyncError && error.code === 'blob_not_found') continue;
      throw error;
    }
  }
  return fetched;
}

/**
 * The bytes of `sha256`: from this desk if it has them, else downloaded (checked against the hash
 * by the transport) and kept in `db.blobs`. `undefined` when the server does not have them
 * either (`blob_not_found`); other failures (network, not enrolled) are thrown for the caller
 * to show. Concurrent requests for one hash share one download.
 */
export async function ensureBlob(db: DeskDatabase, transport: SyncTransport, sha256: string): Promise<Blob | undefined> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return undefined;
  const local = await db.blobs.get(sha256);
  if (local !== undefined) return local.blob;
  let download = inflightDownloads.get(sha256);
  if (download === undefined) {
    download = (async () => {
      try {
        const blob = await transport.downloadBlob(sha256);
        await db.blobs.put({ sha256, blob });
        return blob;
      } catch (error) {
        if (error instanceof SyncError && error.code === 'blob_not_found') return undefined;
        throw error;
      } finally {
        inflightDownloads.delete(sha256);
      }
    })();
    inflightDownloads.set(sha256, download);
  }
  return download;
}

const inflightDownloads = new Map<string, Promise<Blob | undefined>>();
