/** The applicant's photo (the latest 'photo' attachment) as JPEG bytes, for the documents that print it. */
import { db } from '../db';
import type { ApplicationFile } from '../features/applications/file';

const PHOTO_KIND = 'photo';

export async function photoJpegOf(file: ApplicationFile | undefined): Promise<Uint8Array | undefined> {
  const photo = file?.attachments.filter((a) => a.kind === PHOTO_KIND && /jpe?g/i.test(a.mimeType)).at(-1);
  if (!photo) return undefined;
  const row = await db.blobs.get(photo.sha256);
  if (!row) return undefined;
  const bytes = new Uint8Array(await row.blob.arrayBuffer());
  return bytes[0] === 0xff && bytes[1] === 0xd8 ? bytes : undefined;
}
