/**
 * The session results batch file: how a panel that sat with no network brings its results to the
 * office on a USB stick. The chair's desk exports the session, its members, recusals, sheets,
 * ballots and signed results; the office imports them. The file carries a SHA-256 checksum of its
 * content (canonical JSON) and an Ed25519 signature over that checksum: a file whose content was
 * edited no longer matches its checksum, and one whose checksum was recomputed no longer matches
 * its signature — either is refused whole. Importing is idempotent: records keep their ids, the
 * same content twice changes nothing, and results that also arrived by sync are the same records.
 *
 * shared/ has no crypto: the hash, sign and verify functions are parameters (the renderer passes
 * WebCrypto SHA-256 and Ed25519, as shared/documents/signature.ts does for certificates).
 */
import { z } from 'zod';
import { instantSchema } from '../model/base';
import {
  expertSchema,
  panelBallotSchema,
  panelRecusalSchema,
  panelResultSchema,
  panelSessionSchema,
  scoresheetSchema,
  type Expert,
  type PanelBallot,
  type PanelRecusal,
  type PanelResult,
  type PanelSession,
  type Scoresheet,
} from '../model/records';
import { base64UrlDecode, base64UrlEncode, utf8 } from '../documents/signature';
import { fail, ok, type Result } from '../rules/result';
import { canonicalJson, hex } from './canonical';

export const PANEL_BATCH_FORMAT = 'association-desk-panel-results';
export const PANEL_BATCH_VERSION = 1;

/** Everything a session decided, as records (ids, stamps and all). */
export interface PanelBatchContent {
  readonly session: PanelSession;
  readonly experts: readonly Expert[];
  readonly recusals: readonly PanelRecusal[];
  readonly scoresheets: readonly Scoresheet[];
  readonly ballots: readonly PanelBallot[];
  readonly results: readonly PanelResult[];
}

export const panelBatchContentSchema = z.strictObject({
  session: panelSessionSchema,
  experts: z.array(expertSchema).max(99),
  recusals: z.array(panelRecusalSchema).max(10_000),
  scoresheets: z.array(scoresheetSchema).max(20_000),
  ballots: z.array(panelBallotSchema).max(5_000),
  results: z.array(panelResultSchema).max(5_000),
});

const envelopeSchema = z.strictObject({
  format: z.literal(PANEL_BATCH_FORMAT),
  version: z.literal(PANEL_BATCH_VERSION),
  exportedAt: instantSchema,
  /** Which key signed it (the office knows whose public key that is). */
  keyId: z.string().min(1).max(200),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
  signature: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/),
  content: z.unknown(),
});
export type PanelBatchFile = z.infer<typeof envelopeSchema> & { readonly content: PanelBatchContent };

/** SHA-256 of the bytes (WebCrypto's `subtle.digest('SHA-256', …)`). */
export type Sha256 = (data: Uint8Array<ArrayBuffer>) => Promise<ArrayBuffer | Uint8Array>;
/** Ed25519 signature of the bytes with the exporting desk's private key. */
export type SignBytes = (data: Uint8Array<ArrayBuffer>) => Promise<ArrayBuffer | Uint8Array>;
/** Whether `signature` is the named key's signature of the bytes; false (not a throw) for an unknown key. */
export type VerifyBytes = (keyId: string, data: Uint8Array<ArrayBuffer>, signature: Uint8Array<ArrayBuffer>) => Promise<boolean>;

const asBytes = (b: ArrayBuffer | Uint8Array): Uint8Array => (b instanceof Uint8Array ? b : new Uint8Array(b));

/** The text signed: versioned, so no other payload can be taken for it. */
function signingPayload(checksum: string, keyId: string, exportedAt: string): string {
  return JSON.stringify([`${PANEL_BATCH_FORMAT}/${PANEL_BATCH_VERSION}`, checksum, keyId, exportedAt]);
}

async function checksumOf(sha256: Sha256, content: unknown): Promise<string> {
  return hex(asBytes(await sha256(utf8(canonicalJson(content)))));
}

/** Only the session's own records travel (a stray record of another session is a bug to refuse). */
function contentProblems(content: PanelBatchContent): string[] {
  const problems: string[] = [];
  const sessionId = content.session.id;
  const inSession = (r: { sessionId: string; applicationId: string }) =>
    r.sessionId === sessionId && content.session.applicationIds.includes(r.applicationId);
  if (!content.recusals.every(inSession)) problems.push('回避记录不属于本次评审会。');
  if (!content.scoresheets.every(inSession)) problems.push('评分表不属于本次评审会。');
  if (!content.ballots.every(inSession)) problems.push('计票结果不属于本次评审会。');
  if (!content.results.every(inSession)) problems.push('评审结果不属于本次评审会。');
  const experts = new Set(content.experts.map((e) => e.id));
  if (!content.session.memberIds.every((id) => experts.has(id))) problems.push('缺少评审专家的记录。');
  return problems;
}

/** The file for the session, checksummed and signed. */
export async function exportPanelBatch(
  content: PanelBatchContent,
  crypto: { readonly sha256: Sha256; readonly sign: SignBytes; readonly keyId: string; readonly exportedAt: string },
): Promise<Result<PanelBatchFile>> {
  const parsed = panelBatchContentSchema.safeParse(content);
  if (!parsed.success) return fail('panel-batch.invalid', '评审会记录不完整或有误，不能导出。');
  const problems = contentProblems(content);
  if (problems.length > 0) return fail('panel-batch.invalid', problems.join(''));
  const checksum = await checksumOf(crypto.sha256, content);
  const signature = base64UrlEncode(asBytes(await crypto.sign(utf8(signingPayload(checksum, crypto.keyId, crypto.exportedAt)))));
  return ok({
    format: PANEL_BATCH_FORMAT,
    version: PANEL_BATCH_VERSION,
    exportedAt: crypto.exportedAt,
    keyId: crypto.keyId,
    checksum,
    signature,
    content,
  });
}

/** The file as written to disk. */
export function panelBatchText(file: PanelBatchFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Reads a file the office was handed: refused (nothing imported) when it is not such a file, its
 * content does not match its checksum, the checksum does not match the signature, or the records
 * are not one session's.
 */
export async function readPanelBatch(
  text: string,
  crypto: { readonly sha256: Sha256; readonly verify: VerifyBytes },
): Promise<Result<PanelBatchFile>> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('panel-batch.format', '这不是评审会结果文件（无法读取）。');
  }
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return fail('panel-batch.format', '这不是评审会结果文件，或版本不受支持。');
  const file = envelope.data;
  let checksum: string;
  try {
    checksum = await checksumOf(crypto.sha256, file.content);
  } catch {
    return fail('panel-batch.format', '评审会结果文件内容无法读取。');
  }
  if (checksum !== file.checksum) return fail('panel-batch.checksum', '文件内容与校验值不符，可能已被修改，已拒绝导入。');
  const signature = base64UrlDecode(file.signature);
  const signed = signature !== null && (await crypto.verify(file.keyId, utf8(signingPayload(file.checksum, file.keyId, file.exportedAt)), signature).catch(() => false));
  if (!signed) return fail('panel-batch.signature', '文件签名无法验证（签名不符或签署者不受信任），已拒绝导入。');
  const content = panelBatchContentSchema.safeParse(file.content);
  if (!content.success) return fail('panel-batch.invalid', '评审会结果文件中的记录有误，已拒绝导入。');
  const problems = contentProblems(content.data);
  if (problems.length > 0) return fail('panel-batch.invalid', `评审会结果文件有误：${problems.join('')}`);
  return ok({ ...file, content: content.data });
}

/** The tables a batch writes, in the order to write them (a result after the sheets it names). */
export const PANEL_BATCH_TABLES = ['experts', 'panelSessions', 'panelRecusals', 'scoresheets', 'panelBallots', 'panelResults'] as const;
export type PanelBatchTable = (typeof PANEL_BATCH_TABLES)[number];

/** Any record a batch carries. */
export type PanelBatchRecord = Expert | PanelSession | PanelRecusal | Scoresheet | PanelBallot | PanelResult;

export interface ImportStep {
  readonly table: PanelBatchTable;
  readonly record: PanelBatchRecord;
  /** create: new here; update: the file's is newer; unchanged: the same content; older: this desk's is newer (kept). */
  readonly action: 'create' | 'update' | 'unchanged' | 'older';
}

const STAMPS = new Set(['createdAt', 'createdBy', 'updatedAt', 'updatedBy']);
const contentOf = (r: object) => canonicalJson(Object.fromEntries(Object.entries(r).filter(([k]) => !STAMPS.has(k))));

/**
 * What importing the file would do against the records this desk has (looked up by table and
 * id). Same content (stamps aside) → unchanged; so importing twice, or after the same records
 * came by sync, changes nothing. A differing record is taken only if the file's is newer.
 */
export function planPanelImport(
  content: PanelBatchContent,
  existing: (table: PanelBatchTable, id: string) => PanelBatchRecord | undefined,
): ImportStep[] {
  const byTable: Record<PanelBatchTable, readonly PanelBatchRecord[]> = {
    experts: content.experts,
    panelSessions: [content.session],
    panelRecusals: content.recusals,
    scoresheets: content.scoresheets,
    panelBallots: content.ballots,
    panelResults: content.results,
  };
  const steps: ImportStep[] = [];
  for (const table of PANEL_BATCH_TABLES) {
    for (const record of byTable[table]) {
      const here = existing(table, record.id);
      let action: ImportStep['action'];
      if (here === undefined) action = 'create';
      else if (contentOf(here) === contentOf(record)) action = 'unchanged';
      else action = record.updatedAt > here.updatedAt ? 'update' : 'older';
      steps.push({ table, record, action });
    }
  }
  return steps;
}
