/**
 * The documents area's per-device settings, kept in `db.settings` (local, not synced): the
 * printer profile for pre-printed stock, the office's certificate signing key and verification
 * host, the office name printed on intake documents, this device's certificate number blocks
 * (shared/documents/numbering.ts) and how many times each certificate was printed (the copy
 * count a reprint shows).
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
import type { DeskDatabase } from '../db/database';
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

export async function savePrinterProfile(db: DeskDatabase, profile: PrinterProfile): Promise<Result<PrinterProfile>> {
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

/** The verification host typed on the certificates page (also kept by enrolled desks). */
export async function loadVerifyHost(db: DeskDatabase): Promise<string> {
  return (await read<SigningSettings>(db, DOCUMENT_KEYS.signing))?.verifyHost ?? '';
}

/**
 * What certificates are signed with: an enrolled desk uses the office key from the server (never
 * a key of its own, which verifiers would not know); a desk that is not enrolled uses the key set
 * on this desk. `undefined` until both the key and the verification host are there.
 */
export async function loadSigning(db: DeskDatabase): Promise<SigningSettings | undefined> {
  const stored = await read<SigningSettings>(db, DOCUMENT_KEYS.signing);
  if ((await readConnection(db)) !== undefined) {
    const key = await loadOfficeKey(db);
    return key !== undefined && stored?.verifyHost ? { privateKeyPkcs8: key.privateKeyPkcs8, verifyHost: stored.verifyHost } : undefined;
  }
  return stored?.privateKeyPkcs8 && stored.verifyHost ? stored : undefined;
}

export async function saveSigning(db: DeskDatabase, signing: SigningSettings): Promise<void> {
  await db.settings.put({ key: DOCUMENT_KEYS.signing, value: signing });
}

export async function loadOfficeName(db: DeskDatabase): Promise<string> {
  return (await read<string>(db, DOCUMENT_KEYS.office)) ?? '';
}

export async function saveOfficeName(db: DeskDatabase, name: string): Promise<void> {
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
 */
export async function generateSigningKey(): Promise<{ privateKeyPkcs8: string; publicKeySpki: string }> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const [priv, pub] = await Promise.all([crypto.subtle.exportKey('pkcs8', pair.privateKey), crypto.subtle.exportKey('spki', pair.publicKey)]);
  return { privateKeyPkcs8: toBase64(priv), publicKeySpki: toBase64(pub) };
}

/** The SPKI public key of a stored PKCS#8 Ed25519 private key (the last 32 bytes are the seed). */
export async function checkSigningKey(privateKeyPkcs8: string): Promise<Result<void>> {
  try {
    const binary = atob(privateKeyPkcs8.replace(/\s+/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    await crypto.subtle.importKey('pkcs8', bytes, { name: 'Ed25519' }, false, ['sign']);
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
