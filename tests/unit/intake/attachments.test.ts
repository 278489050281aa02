/**
 * intake/attachments: bytes in `db.blobs` by SHA-256 (once), the record through the repository,
 * one transaction; the P4 photo checked on its bytes by the pack's photo rule before anything is
 * stored.
 */
import './env';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/src/db';
import { addAttachment, currentPhoto, getBlob, PHOTO_KIND, removeAttachment, scanKindOf, sha256Hex } from '../../../renderer/src/features/applications/attachments';
import { checkPhoto } from '../../../shared/rules/photo';
import { evaluateFile } from '../../../renderer/src/features/applications/file';
import { shippedCalendar } from '../../../renderer/src/features/calendar/calendar';
import { emptyDatabase, greyJpeg, loadFile, newApplication, P4_FIELDS, PNG_BYTES, signIn } from './file-fixtures';

beforeEach(async () => {
  signIn();
  await emptyDatabase();
});

const KB = 1024;

describe('the P4 photo', () => {
  it('a generated 240×320 JPEG under 50 KB is accepted and stored with its hash', async () => {
    const bytes = greyJpeg(240, 320);
    expect(bytes.length).toBeLessThan(50 * KB);
    const app = await newApplication('zj-it-senior', 'new', P4_FIELDS);
    const added = await addAttachment(new File([bytes], '照片.jpg', { type: 'image/jpeg' }), { applicationId: app.id, kind: PHOTO_KIND });
    expect(added.duplicate).toBe(false);
    expect(added.photo).toEqual({ width: 240, height: 320, bytes: bytes.length });
    expect(added.attachment).toMatchObject({
      applicationId: app.id,
      personId: app.personId,
      kind: 'photo',
      fileName: '照片.jpg',
      mimeType: 'image/jpeg',
      size: bytes.length,
      sha256: await sha256Hex(bytes),
    });
    const blob = await getBlob(added.attachment.sha256);
    expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(bytes);
    const file = await loadFile(app.id);
    expect(currentPhoto(file.attachments)?.id).toBe(added.attachment.id);
    // The engine reads the stored bytes for the pack's photo field: no "请填写个人免冠照片" any more.
    expect(file.photoBytes).toEqual(bytes);
    const verdict = evaluateFile(file, { today: '2026-11-22', calendar: shippedCalendar(), role: 'clerk' })!;
    expect(verdict.evaluation.fieldErrors.filter((e) => e.field === 'photo')).toEqual([]);
  });

  it('without a photo the engine asks for one', async () => {
    const app = await newApplication('zj-it-senior', 'new', P4_FIELDS);
    const verdict = evaluateFile(await loadFile(app.id), { today: '2026-11-22', calendar: shippedCalendar(), role: 'clerk' })!;
    expect(verdict.evaluation.fieldErrors.some((e) => e.field === 'photo')).toBe(true);
  });

  it.each<[string, Uint8Array, string]>([
    ['300×421 (one pixel too tall)', greyJpeg(300, 421), '照片尺寸为 300×421 像素'],
    ['a PNG', PNG_BYTES, '照片必须是JPG格式'],
    ['a JPEG over 50 KB', greyJpeg(240, 320, 51 * KB), '不能超过 50 KB'],
  ])('%s is refused with the rule\'s message and nothing is stored', async (_name, bytes, message) => {
    const app = await newApplication('zj-it-senior', 'new', P4_FIELDS);
    const outbox = await db.outbox.count();
    await expect(addAttachment(bytes, { applicationId: app.id, kind: PHOTO_KIND, fileName: 'photo.jpg' })).rejects.toThrow(message);
    expect(await db.blobs.count()).toBe(0);
    expect(await db.attachments.count()).toBe(0);
    expect(await db.outbox.count()).toBe(outbox);
  });

  it('the generated JPEG is what the photo rule reads (SOF), padded or not', () => {
    expect(checkPhoto(greyJpeg(200, 280))).toMatchObject({ ok: true, value: { width: 200, height: 280 } });
    expect(checkPhoto(greyJpeg(300, 420, 50 * KB))).toMatchObject({ ok: true, value: { bytes: 50 * KB } });
  });

  it('P5 has no photo rule (the photo is pasted on the paper form): any image is kept', async () => {
    const app = await newApplication('rk-registration', 'new', {});
    const added = await addAttachment(PNG_BYTES, { applicationId: app.id, kind: PHOTO_KIND, fileName: 'photo.png' });
    expect(added.attachment.mimeType).toBe('image/png');
    expect(added.photo).toBeUndefined();
  });
});

describe('blobs are stored once', () => {
  it('the same bytes twice → one blob; the same file on the same slot is not recorded twice', async () => {
    const app = await newApplication('zj-it-senior', 'new', P4_FIELDS);
    const bytes = new TextEncoder().encode('%PDF-1.4 身份证扫描件');
    const first = await addAttachment(bytes, { applicationId: app.id, kind: scanKindOf('id-card'), fileName: '身份证.pdf' });
    const again = await addAttachment(bytes, { applicationId: app.id, kind: scanKindOf('id-card'), fileName: '身份证.pdf' });
    expect(again).toMatchObject({ duplicate: true, attachment: { id: first.attachment.id } });
    const other = await addAttachment(bytes, { applicationId: app.id, kind: scanKindOf('diploma'), fileName: '复印件.pdf' });
    expect(other.attachment.id).not.toBe(first.attachment.id);
    expect(first.attachment.mimeType).toBe('application/pdf');
    expect(await db.blobs.count()).toBe(1);
    expect(await db.attachments.count()).toBe(2);
  });

  it('removing a record leaves the bytes for the other records', async () => {
    const app = await newApplication('zj-it-senior', 'new', P4_FIELDS);
    const bytes = greyJpeg(240, 320);
    const a = await addAttachment(bytes, { applicationId: app.id, kind: 'scan', fileName: 'a.jpg' });
    await addAttachment(bytes, { applicationId: app.id, kind: PHOTO_KIND, fileName: 'b.jpg' });
    await removeAttachment(a.attachment.id);
    const file = await loadFile(app.id);
    expect(file.attachments.map((x) => x.kind)).toEqual(['photo']);
    expect(await getBlob(a.attachment.sha256)).toBeDefined();
  });

  it('refuses an empty file and a missing name', async () => {
    const app = await newApplication('zj-it-senior', 'new', P4_FIELDS);
    await expect(addAttachment(new Uint8Array(), { applicationId: app.id, kind: 'scan', fileName: 'x.pdf' })).rejects.toThrow('是空的');
    await expect(addAttachment(PNG_BYTES, { applicationId: app.id, kind: 'scan' })).rejects.toThrow('文件名');
  });
});
