/**
 * The documents area's per-device settings, kept in `db.settings` (local, not synced): the
 * printer profile for pre-printed stock, the office's certificate signing key and verification
 * host, the office name printed on intake documents, this device's certificate number blocks
 * (shared/documents/numbering.ts) and how many times each certificate was printed (the copy
 * count a reprint shows).
 *
 * The signing key (shared/access): only an administrator sets it (`saveSigning`,
 * `generateAndSaveSigningKey`); once set it is never shown again — screens read
 * `signingKeyStatus` (its source, host and the PUBLIC key's fingerprint) — and the print path
 * (`loadSigning`) gets it only as a non-extractable CryptoKey that can sign and cannot be read.
 *
 * Certificate numbers and the signing key depend on whether the desk is enrolled:
 * - enrolled (renderer/src/sync): numbers come ONLY from blocks the sync server reserved for this
 *   device (`serverNumbers`, topped up by renderer/src/sync/numbers.ts), so two desks of the
 *   office never issue the same number; the signing key is the office's, fetched from the server.
 * - not enrolled (a single desk with no server): numbers come from a ledger kept on this desk and
 *   the key is pasted or generated on the certificates page. Two such desks WOULD issue the same
 *   numbers: several desks must enrol. On enrolment, the highest numbers issued here are reported
 *   to the server (`issuedUpTo`), whose ledger then continues above them.
 */
import {
  EMPTY_LEDGER,
  emptyDeviceNumbers,
  issueNext,
  needsTopUp,
  receiveBlock,
  reserveBlock,
  seriesKey,
  type DeviceNumbers,
  type NumberLedger,
  type Series,
} from '../../../shared/documents/numbering';
import { checkProfile, IDENTITY_PROFILE, type PrinterProfile } from '../../../shared/documents/printer';
import { fail, ok, type Result } from '../../../shared/rules/result';
import { fingerprintOf } from '../../../shared/access/fingerprint';
import type { DeskDatabase } from '../db/database';
import { requireAction, sessionActor, type Actor } from '../auth/access';
import { readConnection } from '../sync/settings';
import type { SigningSettings } from './protocol';

export const DOCUMENT_KEYS = {
  printer: 'documents.printer',
  signing: 'documents.signing',
  office: 'documents.office',
  /** Not enrolled: this desk's blocks from its own ledger. */
  numbers: 'documents.numbers',
  /** Not enrolled: the desk's own ledger. */
  ledger: 'documents.ledger',
  /** Enrolled: `ServerNumbers`, the blocks the sync server reserved for this device. */
  serverNumbers: 'documents.serverNumbers',
  /** Enrolled: `PendingReservations`, requests sent and not yet answered (retried with the same id). */
  pendingReservations: 'documents.pendingReservations',
  /** Enrolled: `OfficeKey`, the office's signing key from the server. */
  officeKey: 'documents.officeKey',
  printCounts: 'documents.printCounts',
} as const;

async function read<T>(db: DeskDatabase, key: string): Promise<T | undefined> {
  return (await db.settings.get(key))?.value as T | undefined;
}

export async function loadPrinterProfile(db: DeskDatabase): Promise<PrinterProfile> {
  const stored = await read<PrinterProfile>(db, DOCUMENT_KEYS.printer);
  return stored && checkProfile(stored).ok ? stored : IDENTITY_PROFILE;
}

/** Calibrating the printer for pre-printed stock: those who print certificates (`certificates.issue`). */
export async function savePrinterProfile(db: DeskDatabase, profile: PrinterProfile, actor: Actor = sessionActor()): Promise<Result<PrinterProfile>> {
  await requireAction(db, actor, 'certificates.issue');
  const checked = checkProfile(profile);
  if (!checked.ok) return checked;
  await db.settings.put({ key: DOCUMENT_KEYS.printer, value: checked.value });
  return checked;
}

/** The office's signing key pair as fetched from the sync server (enrolled desks). */
export interface OfficeKey {
  readonly officeId: string;
  readonly keyId: string;
  readonly privateKeyPkcs8: string;
  readonly publicKeySpki: string;
  /** ISO instant of the last fetch. */
  readonly fetchedAt: string;
}

/** The stored office key when it belongs to the office this desk is enrolled in. */
export async function loadOfficeKey(db: DeskDatabase): Promise<OfficeKey | undefined> {
  const [connection, key] = await Promise.all([readConnection(db), read<OfficeKey>(db, DOCUMENT_KEYS.officeKey)]);
  return connection !== undefined && key !== undefined && key.officeId === connection.officeId ? key : undefined;
}

export async function saveOfficeKey(db: DeskDatabase, key: OfficeKey): Promise<void> {
  await db.settings.put({ key: DOCUMENT_KEYS.officeKey, value: key });
}

/** Where this desk's signing key comes from, for the certificates page. */
export type SigningSource =
  /** Enrolled and the office key was fetched. */
  | 'server'
  /** Enrolled, the office key not fetched yet (sync first). */
  | 'server-missing'
  /** Not enrolled: a key pasted or generated on this desk. */
  | 'local';

export async function signingSource(db: DeskDatabase): Promise<SigningSource> {
  if ((await readConnection(db)) === undefined) return 'local';
  return (await loadOfficeKey(db)) === undefined ? 'server-missing' : 'server';
}

/** The desk's own signing settings as stored (`documents.signing`); the private key never leaves this module but as a CryptoKey. */
interface StoredSigning {
  readonly privateKeyPkcs8?: string;
  readonly verifyHost?: string;
  /** The public key of `privateKeyPkcs8` (SPKI, base64), kept for its fingerprint. */
  readonly publicKeySpki?: string;
}

/** The verification host typed on the certificates page (also kept by enrolled desks). */
export async function loadVerifyHost(db: DeskDatabase): Promise<string> {
  return (await read<StoredSigning>(db, DOCUMENT_KEYS.signing))?.verifyHost ?? '';
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A stored PKCS#8 key as a key that signs and cannot be exported. */
async function signingKeyOf(privateKeyPkcs8: string): Promise<CryptoKey | undefined> {
  try {
    return await crypto.subtle.importKey('pkcs8', bytesOf(privateKeyPkcs8), { name: 'Ed25519' }, false, ['sign']);
  } catch {
    return undefined;
  }
}

/**
 * What certificates are signed with: an enrolled desk uses the office key from the server (never
 * a key of its own, which verifiers would not know); a desk that is not enrolled uses the key set
 * on this desk. The key comes as a non-extractable CryptoKey: this is the only path a clerk's
 * printing takes to the key, and it cannot read it. `undefined` until both the key and the
 * verification host are there.
 */
export async function loadSigning(db: DeskDatabase): Promise<SigningSettings | undefined> {
  const stored = await read<StoredSigning>(db, DOCUMENT_KEYS.signing);
  const pkcs8 = (await readConnection(db)) !== undefined ? (await loadOfficeKey(db))?.privateKeyPkcs8 : stored?.privateKeyPkcs8;
  if (!pkcs8 || !stored?.verifyHost) return undefined;
  const privateKey = await signingKeyOf(pkcs8);
  return privateKey === undefined ? undefined : { privateKey, verifyHost: stored.verifyHost };
}

/**
 * The office's key as a panel's results file is signed and checked with (features/panels): the
 * same key as certificates — the office key on an enrolled desk, the key set on this desk
 * otherwise — so a file signed on any of the office's desks is verified on every other with the
 * office's public key, and nobody outside the office can make one. No verification host needed.
 * The private key comes only as a non-extractable CryptoKey; `keyId` is the public key's fingerprint.
 */
export interface PanelKey {
  readonly keyId: string;
  readonly privateKey: CryptoKey;
  readonly publicKeySpki: string;
}

export async function loadPanelKey(db: DeskDatabase): Promise<PanelKey | undefined> {
  const enrolled = (await readConnection(db)) !== undefined;
  const stored = await read<StoredSigning>(db, DOCUMENT_KEYS.signing);
  const office = enrolled ? await loadOfficeKey(db) : undefined;
  const pkcs8 = enrolled ? office?.privateKeyPkcs8 : stored?.privateKeyPkcs8;
  if (!pkcs8) return undefined;
  const publicKeySpki = enrolled ? office?.publicKeySpki : (stored?.publicKeySpki ?? (await publicKeyOf(pkcs8)));
  const fingerprint = publicKeySpki === undefined ? undefined : fingerprintOf(publicKeySpki);
  const privateKey = await signingKeyOf(pkcs8);
  if (publicKeySpki === undefined || !fingerprint?.ok || privateKey === undefined) return undefined;
  return { keyId: fingerprint.value, privateKey, publicKeySpki };
}

/** The public key (SPKI, base64) of an Ed25519 private key (WebCrypto exports it as the JWK `x`). */
export async function publicKeyOf(privateKeyPkcs8: string): Promise<string | undefined> {
  try {
    const key = await crypto.subtle.importKey('pkcs8', bytesOf(privateKeyPkcs8), { name: 'Ed25519' }, true, ['sign']);
    const jwk = await crypto.subtle.exportKey('jwk', key);
    if (typeof jwk.x !== 'string') return undefined;
    const raw = bytesOf(jwk.x.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(jwk.x.length / 4) * 4, '='));
    const spki = new Uint8Array([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00, ...raw]);
    return toBase64(spki.buffer);
  } catch {
    return undefined;
  }
}

/** What any screen may show of the signing key: where it comes from, the host, and a fingerprint. */
export interface SigningKeyStatus {
  readonly source: SigningSource;
  readonly verifyHost: string;
  readonly office: string;
  /** Whether a key is there to sign with. */
  readonly hasKey: boolean;
  /** `SHA256:xxxx-…` of the public key, or null when there is no key (or its public key is unknown). */
  readonly fingerprint: string | null;
  /** Enrolled desks: the office key's id and when it was fetched. */
  readonly officeKey?: { readonly keyId: string; readonly fetchedAt: string };
}

/** The signing key's status for the 证书 › 签名与单位 tab — never the private key. */
export async function signingKeyStatus(db: DeskDatabase): Promise<SigningKeyStatus> {
  const [source, stored, office, officeKey] = await Promise.all([signingSource(db), read<StoredSigning>(db, DOCUMENT_KEYS.signing), loadOfficeName(db), loadOfficeKey(db)]);
  const publicKey = source === 'local' ? (stored?.publicKeySpki ?? (stored?.privateKeyPkcs8 ? await publicKeyOf(stored.privateKeyPkcs8) : undefined)) : officeKey?.publicKeySpki;
  const fingerprint = publicKey === undefined ? null : fingerprintOf(publicKey);
  return {
    source,
    verifyHost: stored?.verifyHost ?? '',
    office,
    hasKey: source === 'local' ? Boolean(stored?.privateKeyPkcs8) : officeKey !== undefined,
    fingerprint: fingerprint?.ok ? fingerprint.value : null,
    ...(officeKey === undefined ? {} : { officeKey: { keyId: officeKey.keyId, fetchedAt: officeKey.fetchedAt } }),
  };
}

/**
 * Sets the desk's signing settings (administrators only, `signingKey.set`). The key field is
 * write-only: an empty `privateKeyPkcs8` keeps the key already set; a new one is checked and
 * stored with its public key. Returns the fingerprint of the key now set (null: none).
 */
export async function saveSigning(
  db: DeskDatabase,
  signing: { readonly verifyHost: string; readonly privateKeyPkcs8?: string },
  actor: Actor = sessionActor(),
): Promise<string | null> {
  await requireAction(db, actor, 'signingKey.set');
  const current = await read<StoredSigning>(db, DOCUMENT_KEYS.signing);
  const typed = (signing.privateKeyPkcs8 ?? '').replace(/\s+/g, '');
  let next: StoredSigning = { ...current, verifyHost: signing.verifyHost.trim() };
  if (typed !== '') {
    const checked = await checkSigningKey(typed);
    if (!checked.ok) throw new SigningKeyError(checked.error.message);
    const publicKeySpki = await publicKeyOf(typed);
    next = { ...next, privateKeyPkcs8: typed, ...(publicKeySpki === undefined ? {} : { publicKeySpki }) };
  }
  await db.settings.put({ key: DOCUMENT_KEYS.signing, value: next });
  const fingerprint = next.publicKeySpki === undefined ? null : fingerprintOf(next.publicKeySpki);
  return fingerprint?.ok ? fingerprint.value : null;
}

export class SigningKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningKeyError';
  }
}

/**
 * 在本机生成新密钥 (administrators only): makes a key pair on this desk and stores it at once;
 * only the PUBLIC key (to publish on the verification server) and its fingerprint come back —
 * the private key is never shown.
 */
export async function generateAndSaveSigningKey(db: DeskDatabase, verifyHost: string, actor: Actor = sessionActor()): Promise<{ publicKeySpki: string; fingerprint: string }> {
  await requireAction(db, actor, 'signingKey.set');
  const pair = await generateSigningKey();
  await saveSigning(db, { verifyHost, privateKeyPkcs8: pair.privateKeyPkcs8 }, actor);
  const fingerprint = fingerprintOf(pair.publicKeySpki);
  return { publicKeySpki: pair.publicKeySpki, fingerprint: fingerprint.ok ? fingerprint.value : '' };
}

export async function loadOfficeName(db: DeskDatabase): Promise<string> {
  return (await read<string>(db, DOCUMENT_KEYS.office)) ?? '';
}

/** The office name printed on documents: an office setting (`settings.manage`). */
export async function saveOfficeName(db: DeskDatabase, name: string, actor: Actor = sessionActor()): Promise<void> {
  await requireAction(db, actor, 'settings.manage');
  await db.settings.put({ key: DOCUMENT_KEYS.office, value: name.trim() });
}

function toBase64(bytes: ArrayBuffer): string {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s);
}

/**
 * A new Ed25519 key pair made on this device (WebCrypto): the private key as PKCS#8 base64 to
 * store, the public key (SPKI base64) to publish so verifiers can check the QR signatures.
 * Screens call `generateAndSaveSigningKey`, which never hands the private key out.
 */
export async function generateSigningKey(): Promise<{ privateKeyPkcs8: string; publicKeySpki: string }> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const [priv, pub] = await Promise.all([crypto.subtle.exportKey('pkcs8', pair.privateKey), crypto.subtle.exportKey('spki', pair.publicKey)]);
  return { privateKeyPkcs8: toBase64(priv), publicKeySpki: toBase64(pub) };
}

/** Whether a pasted key is an Ed25519 private key (PKCS#8, base64). */
export async function checkSigningKey(privateKeyPkcs8: string): Promise<Result<void>> {
  try {
    await crypto.subtle.importKey('pkcs8', bytesOf(privateKeyPkcs8), { name: 'Ed25519' }, false, ['sign']);
    return ok(undefined);
  } catch {
    return fail('documents.signing-key', '签名密钥无效：应为 Ed25519 私钥（PKCS#8，Base64）。');
  }
}

// ---------------------------------------------------------------------------------------------
// Certificate numbers
// ---------------------------------------------------------------------------------------------

/** Blocks reserved by the sync server for this device, for the office they were reserved in. */
export interface ServerNumbers {
  readonly officeId: string;
  readonly state: DeviceNumbers;
}

/** Reservations sent and not answered yet, by series key: a retry sends the same request id. */
export type PendingReservations = Readonly<
  Record<string, { readonly requestId: string; readonly officeId: string; readonly size: number; readonly issuedUpTo?: number }>
>;

/** The message when an enrolled desk has no number left and could not reach the server. */
export const NO_NUMBER_MESSAGE = '本机没有可用的证书编号，请联网同步后再发证。';

/** This device's server blocks for `officeId` (empty when there are none, or they are another office's). */
export async function loadServerNumbers(db: DeskDatabase, officeId: string, deviceId: string): Promise<DeviceNumbers> {
  const stored = await read<ServerNumbers>(db, DOCUMENT_KEYS.serverNumbers);
  return stored !== undefined && stored.officeId === officeId && stored.state.deviceId === deviceId ? stored.state : emptyDeviceNumbers(deviceId);
}

export async function saveServerNumbers(db: DeskDatabase, officeId: string, state: DeviceNumbers): Promise<void> {
  const value: ServerNumbers = { officeId, state };
  await db.settings.put({ key: DOCUMENT_KEYS.serverNumbers, value });
}

/**
 * The highest number this desk issued in the series, from its own ledger or from any server
 * blocks it holds (0: none): what enrolment reports so the server continues above it.
 */
export async function highestIssued(db: DeskDatabase, series: Series): Promise<number> {
  const key = seriesKey(series);
  const [local, server] = await Promise.all([read<DeviceNumbers>(db, DOCUMENT_KEYS.numbers), read<ServerNumbers>(db, DOCUMENT_KEYS.serverNumbers)]);
  let highest = 0;
  for (const block of [...(local?.blocks ?? []), ...(server?.state.blocks ?? [])]) {
    if (block.series === key && block.next > block.start) highest = Math.max(highest, block.next - 1);
  }
  return highest;
}

/**
 * The next certificate number for this device, inside the caller's transaction (which must
 * include db.settings). Enrolled: from the blocks the server reserved for this device only; with
 * none left the issue is refused (`NO_NUMBER_MESSAGE`) and nothing is written — the caller tops
 * up from the server before issuing (renderer/src/sync `topUpNumbersNow`). Not enrolled: from
 * this desk's own ledger, reserving a new block from it when the last one runs out.
 */
export async function nextCertificateNo(db: DeskDatabase, deviceId: string, series: Series): Promise<Result<string>> {
  const connection = await readConnection(db);
  if (connection !== undefined) {
    const state = await loadServerNumbers(db, connection.officeId, deviceId);
    const issued = issueNext(state, series);
    if (!issued.ok) return issued.error.code === 'numbering.no-block' ? fail('numbering.no-block', NO_NUMBER_MESSAGE) : issued;
    await saveServerNumbers(db, connection.officeId, issued.value.state);
    return ok(issued.value.certificateNo);
  }
  let state = (await read<DeviceNumbers>(db, DOCUMENT_KEYS.numbers)) ?? emptyDeviceNumbers(deviceId);
  if (state.deviceId !== deviceId) state = emptyDeviceNumbers(deviceId);
  if (needsTopUp(state, series, 1)) {
    const ledger = (await read<NumberLedger>(db, DOCUMENT_KEYS.ledger)) ?? EMPTY_LEDGER;
    const reserved = reserveBlock(ledger, { ...series, deviceId });
    if (!reserved.ok) return reserved;
    const received = receiveBlock(state, reserved.value.block);
    if (!received.ok) return received;
    state = received.value;
    await db.settings.put({ key: DOCUMENT_KEYS.ledger, value: reserved.value.ledger });
  }
  const issued = issueNext(state, series);
  if (!issued.ok) return issued;
  await db.settings.put({ key: DOCUMENT_KEYS.numbers, value: issued.value.state });
  return ok(issued.value.certificateNo);
}

/** Numbers this desk can still issue per series, for the certificates page ('XJPM-2026' → 87). */
export async function numbersLeft(db: DeskDatabase, deviceId: string): Promise<{ enrolled: boolean; left: Record<string, number> }> {
  const connection = await readConnection(db);
  const state = connection !== undefined ? await loadServerNumbers(db, connection.officeId, deviceId) : await read<DeviceNumbers>(db, DOCUMENT_KEYS.numbers);
  const left: Record<string, number> = {};
  for (const b of state?.blocks ?? []) left[b.series] = (left[b.series] ?? 0) + Math.max(0, b.end - b.next + 1);
  return { enrolled: connection !== undefined, left };
}

/** How many times each certificate was printed on this device. */
export async function loadPrintCounts(db: DeskDatabase): Promise<Record<string, number>> {
  return (await read<Record<string, number>>(db, DOCUMENT_KEYS.printCounts)) ?? {};
}

/** Records one more print of each certificate; returns the counts before this print. */
export async function countPrints(db: DeskDatabase, certificateNos: readonly string[]): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const counts = await loadPrintCounts(db);
    for (const no of certificateNos) counts[no] = (counts[no] ?? 0) + 1;
    await db.settings.put({ key: DOCUMENT_KEYS.printCounts, value: counts });
  });
}
