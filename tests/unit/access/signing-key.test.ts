/**
 * The office's signing key: only an administrator sets it; once set it is never handed to a
 * screen again — the status shows the PUBLIC key's fingerprint — and the print path gets a key
 * that signs but cannot be read.
 */
import 'fake-indexeddb/auto';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../../../renderer/src/db/database';
import { useFreshDb } from '../db/fresh-db';
import { AccessDeniedError } from '../../../renderer/src/db/errors';
import { generateAndSaveSigningKey, loadSigning, saveOfficeName, savePrinterProfile, saveSigning, signingKeyStatus, SigningKeyError } from '../../../renderer/src/documents/settings';
import { fingerprintOf } from '../../../shared/access/fingerprint';

const ADMIN = { userId: null, role: 'admin' as const };
const CLERK = { userId: null, role: 'clerk' as const };
const REVIEWER = { userId: null, role: 'reviewer' as const };
let db: DeskDatabase;
useFreshDb('signing', (opened) => {
  db = opened;
});

function pastedKey() {
  const pair = generateKeyPairSync('ed25519');
  return {
    privateKeyPkcs8: pair.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    publicKeySpki: pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  };
}

describe('the signing key', () => {
  it('a clerk or a reviewer cannot set it, nor the office name; nothing is stored', async () => {
    const key = pastedKey();
    for (const actor of [CLERK, REVIEWER]) {
      await expect(saveSigning(db, { verifyHost: 'verify.example.org.cn', privateKeyPkcs8: key.privateKeyPkcs8 }, actor)).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(generateAndSaveSigningKey(db, 'verify.example.org.cn', actor)).rejects.toThrow(/无权设置证书签名密钥：只有管理员可以操作/);
      await expect(saveOfficeName(db, '某协会', actor)).rejects.toBeInstanceOf(AccessDeniedError);
    }
    await expect(savePrinterProfile(db, { offsetXmm: 0, offsetYmm: 0, scale: 1 }, REVIEWER)).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await db.settings.count()).toBe(0);
  });

  it('set by an administrator, only its public fingerprint is shown afterwards', async () => {
    const key = pastedKey();
    const fingerprint = await saveSigning(db, { verifyHost: 'verify.example.org.cn', privateKeyPkcs8: key.privateKeyPkcs8 }, ADMIN);
    const expected = fingerprintOf(key.publicKeySpki);
    expect(expected.ok && fingerprint).toBe(expected.ok ? expected.value : '');
    const status = await signingKeyStatus(db);
    expect(status).toEqual({ source: 'local', verifyHost: 'verify.example.org.cn', office: '', hasKey: true, fingerprint });
    expect(JSON.stringify(status)).not.toContain(key.privateKeyPkcs8.slice(20, 40));
  });

  it('the key field is write-only: saving the host with an empty key keeps the key', async () => {
    const key = pastedKey();
    const first = await saveSigning(db, { verifyHost: 'a.example.org', privateKeyPkcs8: key.privateKeyPkcs8 }, ADMIN);
    const second = await saveSigning(db, { verifyHost: 'b.example.org', privateKeyPkcs8: '' }, ADMIN);
    expect(second).toBe(first);
    expect((await signingKeyStatus(db)).verifyHost).toBe('b.example.org');
    expect(await loadSigning(db)).toMatchObject({ verifyHost: 'b.example.org' });
  });

  it('a pasted value that is not an Ed25519 private key is refused in Chinese', async () => {
    await expect(saveSigning(db, { verifyHost: 'a.example.org', privateKeyPkcs8: pastedKey().publicKeySpki }, ADMIN)).rejects.toThrow(SigningKeyError);
    await expect(saveSigning(db, { verifyHost: 'a.example.org', privateKeyPkcs8: 'not a key' }, ADMIN)).rejects.toThrow('签名密钥无效：应为 Ed25519 私钥（PKCS#8，Base64）。');
  });

  it('generated on the desk: stored at once, only the public key and fingerprint come back', async () => {
    const made = await generateAndSaveSigningKey(db, 'verify.example.org.cn', ADMIN);
    expect(Object.keys(made).sort()).toEqual(['fingerprint', 'publicKeySpki']);
    expect(made.fingerprint).toMatch(/^SHA256:([0-9a-f]{4}-){7}[0-9a-f]{4}$/);
    expect((await signingKeyStatus(db)).fingerprint).toBe(made.fingerprint);
  });

  it('the print path signs with a key that cannot be exported; signatures verify with the public key', async () => {
    const key = pastedKey();
    await saveSigning(db, { verifyHost: 'verify.example.org.cn', privateKeyPkcs8: key.privateKeyPkcs8 }, ADMIN);
    const signing = (await loadSigning(db))!;
    expect(signing.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', signing.privateKey)).rejects.toThrow();
    const data = new TextEncoder().encode('XJPM-2026-000001');
    const signature = await crypto.subtle.sign({ name: 'Ed25519' }, signing.privateKey, data);
    const publicKey = await crypto.subtle.importKey('spki', Buffer.from(key.publicKeySpki, 'base64'), { name: 'Ed25519' }, false, ['verify']);
    expect(await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, signature, data)).toBe(true);
  });
});
