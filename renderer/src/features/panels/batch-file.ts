/**
 * The session's results file (shared/panels batch.ts) on this desk: exported by the chair (the
 * whole session) or a member (their own sheets, for the chair), imported by the office or the
 * chair. Signed with the office's Ed25519 key (documents/settings `loadPanelKey`, the key
 * certificates are signed with) and checked against the office's public key: a file from a desk
 * outside the office, or whose content was edited after signing, is refused whole.
 *
 * Importing writes the file's records under their own ids and stamps (repository `adopt`), in one
 * transaction: a result's basis (its sheets as they were signed) stays current, the same file twice
 * changes nothing, and records that also came by sync are the same records.
 */
import {
  batchContentFor,
  exportPanelBatch,
  mayImportBatch,
  panelBatchText,
  planPanelImport,
  readPanelBatch,
  type ImportStep,
  type PanelBatchRecord,
  type PanelBatchTable,
} from '../../../../shared/panels';
import { decodeBase64 } from '../../../../shared/access/fingerprint';
import { db, repositories } from '../../db';
import { loadPanelKey } from '../../documents/settings';
import { writeContext } from '../../session';
import { loadSessionData, PanelError, panelActor, panelReadTables } from './context';

const subtle = () => globalThis.crypto.subtle;
const sha256 = (data: Uint8Array<ArrayBuffer>) => subtle().digest('SHA-256', data);

export interface ExportedPanelFile {
  readonly text: string;
  readonly fileName: string;
  readonly sheets: number;
  readonly results: number;
}

const NO_KEY = '本办事台尚未设置单位的签名密钥，不能签署或核验评审会文件。请管理员在“证书 › 签名与单位”中设置（与打印证书所用的密钥相同）。';

/** The file of the session as this account's desk exports it (the whole session, or a member's own sheets). */
export async function exportSessionFile(sessionId: string, now: Date = new Date()): Promise<ExportedPanelFile> {
  const actor = panelActor();
  const data = await loadSessionData(db, sessionId);
  if (data === undefined) throw new PanelError('找不到这次评审会，可能已被删除。');
  const content = batchContentFor(data.ctx, actor);
  if (!content.ok) throw new PanelError(content.error.message);
  const key = await loadPanelKey(db);
  if (key === undefined) throw new PanelError(NO_KEY);
  const file = await exportPanelBatch(content.value, {
    sha256,
    sign: (bytes) => subtle().sign({ name: 'Ed25519' }, key.privateKey, bytes),
    keyId: key.keyId,
    exportedAt: now.toISOString(),
  });
  if (!file.ok) throw new PanelError(file.error.message);
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
  const self = data.ctx.experts.find((e) => e.userId === actor.userId);
  const whose = self !== undefined && self.id !== data.ctx.session.chairId ? `-${self.name}` : '';
  return {
    text: panelBatchText(file.value),
    fileName: `评审会结果-${data.ctx.session.title}${whose}-${stamp}.json`.replace(/[\\/:*?"<>|\s]+/g, '_'),
    sheets: content.value.scoresheets.length,
    results: content.value.results.length,
  };
}

export interface ImportSummary {
  readonly sessionTitle: string;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Records this desk has in a newer version (kept). */
  readonly older: number;
}

/** Verifies a signature with the office's public key on this desk; an unknown key is never trusted. */
async function verifier(): Promise<(keyId: string, data: Uint8Array<ArrayBuffer>, signature: Uint8Array<ArrayBuffer>) => Promise<boolean>> {
  const key = await loadPanelKey(db);
  if (key === undefined) throw new PanelError(NO_KEY);
  const spki = decodeBase64(key.publicKeySpki);
  if (spki === null) throw new PanelError(NO_KEY);
  const publicKey = await subtle().importKey('spki', new Uint8Array(spki), { name: 'Ed25519' }, false, ['verify']);
  return async (keyId, data, signature) => keyId === key.keyId && subtle().verify({ name: 'Ed25519' }, publicKey, signature, data);
}

function repositoryOf(table: PanelBatchTable) {
  return repositories[table] as unknown as { adopt(record: PanelBatchRecord, ctx: Awaited<ReturnType<typeof writeContext>>): Promise<unknown> };
}

/**
 * Imports a results file: refused whole (PanelError, nothing written) when it is not such a file,
 * was edited (checksum), was not signed with the office's key (signature), or this account may
 * not import it; otherwise every record the file has newer is written, in one transaction.
 */
export async function importSessionFile(text: string): Promise<ImportSummary> {
  const actor = panelActor();
  const verify = await verifier();
  const read = await readPanelBatch(text, { sha256, verify });
  if (!read.ok) throw new PanelError(read.error.message);
  const content = read.value.content;
  const deskExperts = await db.experts.toArray();
  const experts = [...content.experts, ...deskExperts.filter((e) => !content.experts.some((x) => x.id === e.id))];
  const may = mayImportBatch({ experts }, content.session, actor);
  if (!may.ok) throw new PanelError(may.error.message);
  const ctx = await writeContext(`导入评审会文件（${content.session.title}）`);
  return db.transaction('rw', [...panelReadTables(db), db.users, db.outbox, db.auditLog, db.mergeStates, db.settings], async () => {
    const existing = new Map<string, PanelBatchRecord>();
    const tables: Record<PanelBatchTable, { bulkGet(ids: string[]): Promise<(PanelBatchRecord | undefined)[]> }> = {
      experts: db.experts,
      panelSessions: db.panelSessions,
      panelRecusals: db.panelRecusals,
      scoresheets: db.scoresheets,
      panelBallots: db.panelBallots,
      panelResults: db.panelResults,
    };
    const ids: Record<PanelBatchTable, string[]> = {
      experts: content.experts.map((e) => e.id),
      panelSessions: [content.session.id],
      panelRecusals: content.recusals.map((r) => r.id),
      scoresheets: content.scoresheets.map((s) => s.id),
      panelBallots: content.ballots.map((b) => b.id),
      panelResults: content.results.map((r) => r.id),
    };
    for (const table of Object.keys(tables) as PanelBatchTable[]) {
      const found = await tables[table].bulkGet(ids[table]);
      for (const record of found) if (record !== undefined) existing.set(`${table}:${record.id}`, record);
    }
    const steps: ImportStep[] = planPanelImport(content, (table, id) => existing.get(`${table}:${id}`));
    const count = { created: 0, updated: 0, unchanged: 0, older: 0 };
    for (const step of steps) {
      if (step.action === 'create' || step.action === 'update') await repositoryOf(step.table).adopt(step.record, ctx);
      count[step.action === 'create' ? 'created' : step.action === 'update' ? 'updated' : step.action] += 1;
    }
    return { sessionTitle: content.session.title, ...count };
  });
}
