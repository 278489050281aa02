/**
 * Sealing a backup's secrets with a passphrase an administrator types: PBKDF2-SHA256 turns the
 * passphrase (with a random 16-byte salt) into an AES-256-GCM key, which encrypts the secrets
 * under a random 12-byte nonce. WebCrypto, the same in Chromium and in Node, so the tests run the
 * app's code. AES-GCM authenticates: a wrong passphrase or a changed byte fails to open, clearly.
 */
import { checkIterations, PBKDF2_BOUNDS, type IterationBounds } from '../../../shared/access/password-policy';
import type { SecretsSeal } from '../../../shared/backup/format';
import { fromBase64, PBKDF2_ITERATIONS, toBase64 } from '../auth/password';
import { BackupError } from './errors';

/** The same cost as a password hash (OWASP's 600,000): a stolen backup file is as hard to open. */
export const BACKUP_PBKDF2_ITERATIONS = PBKDF2_ITERATIONS;
const SALT_BYTES = 16;
const IV_BYTES = 12;

export const PASSPHRASE_MIN_LENGTH = 10;

/** The passphrase policy (Chinese message), or null when fine. */
export function passphraseProblem(passphrase: string): string | null {
  if ([...passphrase].length < PASSPHRASE_MIN_LENGTH) return `备份密码至少需要 ${PASSPHRASE_MIN_LENGTH} 个字符。`;
  if (passphrase.trim() === '') return '备份密码不能全是空格。';
  return null;
}

async function keyFrom(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle;
  const material = await subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function sealSecrets(plain: Uint8Array, passphrase: string, iterations: number = BACKUP_PBKDF2_ITERATIONS): Promise<{ seal: SecretsSeal; bytes: Uint8Array }> {
  const problem = passphraseProblem(passphrase);
  if (problem !== null) throw new BackupError('backup.passphrase-weak', problem);
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const key = await keyFrom(passphrase, salt, iterations);
  const bytes = new Uint8Array(await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain as Uint8Array<ArrayBuffer>));
  return { seal: { kdf: 'PBKDF2-SHA256', iterations, salt: toBase64(salt), cipher: 'AES-256-GCM', iv: toBase64(iv) }, bytes };
}

/** Opens sealed secrets; `backup.passphrase` when the passphrase is wrong (or the bytes were changed). */
export async function openSecrets(sealed: Uint8Array, seal: SecretsSeal, passphrase: string, bounds: IterationBounds = PBKDF2_BOUNDS): Promise<Uint8Array> {
  // A file naming a huge count would hang the desk; a tiny one was not made by this app.
  const iterations = checkIterations(seal.iterations, bounds);
  if (!iterations.ok) throw new BackupError('backup.seal', '备份文件的加密参数不正确，无法打开其中的加密内容。');
  const key = await keyFrom(passphrase, fromBase64(seal.salt), seal.iterations);
  try {
    return new Uint8Array(await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(seal.iv) }, key, sealed as Uint8Array<ArrayBuffer>));
  } catch {
    throw new BackupError('backup.passphrase', '备份密码不正确，无法打开备份中加密保存的密钥和密码。请核对后重试。');
  }
}
