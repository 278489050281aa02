/**
 * The session results batch file (shared/panels/batch): the chair's desk exports the session's
 * records, checksummed (SHA-256 of canonical JSON) and signed (Ed25519); the office imports it.
 * Importing twice changes nothing; a file with one edited score is refused because it no longer
 * matches its checksum, and one whose checksum was recomputed because it no longer matches its
 * signature. Crypto is Node's WebCrypto, passed in as the renderer will pass the browser's.
 */
import { webcrypto } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PanelRecusal, PanelResult, Scoresheet } from '../../../shared/model/records';
import {
  aggregateStage,
  canonicalJson,
  exportPanelBatch,
  panelBatchText,
  panelSheet,
  planPanelImport,
  readPanelBatch,
  signOff,
  type PanelBatchContent,
  type PanelBatchRecord,
  type PanelBatchTable,
  type Sha256,
  type VerifyBytes,
} from '../../../shared/panels';
import { expectFail, expectOk } from '../rules/expect-result';
import { actorOf, APP, at, context, EXPERTS, id, QIAN, reviewSheet, SESSION, SUN, ZHAO } from './fixtures';

const subtle = webcrypto.subtle;
const sha256: Sha256 = (data) => subtle.digest('SHA-256', data);
let chairKeys: CryptoKeyPair;
let otherKeys: CryptoKeyPair;
const trusted = (keys: () => CryptoKeyPair): VerifyBytes => async (keyId, data, signature) =>
  keyId === 'chair-desk-1' && subtle.verify({ name: 'Ed25519' }, keys().publicKey, signature, data);

const sheets: Scoresheet[] = [reviewSheet(APP[0]!, ZHAO, 88, 'recommend'), reviewSheet(APP[0]!, QIAN, 76, 'recommend'), reviewSheet(APP[0]!, SUN, 80.5, 'recommend')];
const recusals: PanelRecusal[] = [
  { id: id('eeee', 1), sessionId: SESSION.id, applicationId: APP[3]!, expertId: SUN, kind: 'automatic', basis: 'same-unit', reason: '专家所在单位与申报人单位相同。', createdAt: at(1), createdBy: 'u-clerk', updatedAt: at(1), updatedBy: 'u-clerk' },
];
let content: PanelBatchContent;

beforeAll(async () => {
  chairKeys = (await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  otherKeys = (await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const ctx = context({ sheets, recusals });
  const aggregate = aggregateStage(ctx, APP[0]!, expectOk(panelSheet(ctx.pack, 'expert-review', {})));
  const [draft] = expectOk(signOff(ctx, { actor: actorOf('u-zhao'), aggregates: [aggregate], at: at(55), on: '2026-11-25' }));
  const result: PanelResult = { ...draft!, id: id('9999', 1), createdAt: at(55), createdBy: 'u-zhao', updatedAt: at(55), updatedBy: 'u-zhao' };
  content = { session: SESSION, experts: EXPERTS, recusals, scoresheets: sheets, ballots: [], results: [result] };
});

async function exported(keys: () => CryptoKeyPair = () => chairKeys): Promise<string> {
  const file = expectOk(
    await exportPanelBatch(content, {
      sha256,
      sign: (data) => subtle.sign({ name: 'Ed25519' }, keys().privateKey, data),
      keyId: 'chair-desk-1',
      exportedAt: at(58),
    }),
  );
  return panelBatchText(file);
}

const read = (text: string) => readPanelBatch(text, { sha256, verify: trusted(() => chairKeys) });

describe('export and read', () => {
  it('reads back exactly what was exported, checksum and signature verified', async () => {
    const text = await exported();
    const file = expectOk(await read(text));
    expect(file).toMatchObject({ format: 'association-desk-panel-results', version: 1, keyId: 'chair-desk-1', exportedAt: at(58) });
    expect(file.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(file.content.scoresheets.map((s) => s.scoresTenths['basic-knowledge'])).toEqual([100, 100, 100]);
    expect(file.content.results[0]).toMatchObject({ outcome: 'pass', scoreTenths: 805 });
  });

  it('layout and key order do not matter: the checksum is over canonical JSON', async () => {
    const compact = JSON.stringify(JSON.parse(await exported()));
    expectOk(await read(compact));
    expect(canonicalJson({ b: 1, a: [2, { d: 'x', c: undefined }] })).toBe('{"a":[2,{"d":"x"}],"b":1}');
  });

  it('one edited score: refused, the content no longer matches its checksum', async () => {
    const raw = JSON.parse(await exported());
    raw.content.scoresheets[1].scoresTenths['soft-skills'] = 100;
    expect(expectFail(await read(JSON.stringify(raw)), 'panel-batch.checksum')).toBe('文件内容与校验值不符，可能已被修改，已拒绝导入。');
  });

  it('an edited outcome with the checksum recomputed: refused, the signature no longer matches', async () => {
    const raw = JSON.parse(await exported());
    raw.content.results[0].outcome = 'fail';
    raw.checksum = Buffer.from(await subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(raw.content)))).toString('hex');
    expect(expectFail(await read(JSON.stringify(raw)), 'panel-batch.signature')).toBe('文件签名无法验证（签名不符或签署者不受信任），已拒绝导入。');
  });

  it('signed by a key the office does not trust: refused', async () => {
    expectFail(await read(await exported(() => otherKeys)), 'panel-batch.signature');
  });

  it('not a results file: refused, saying so', async () => {
    expect(expectFail(await read('PK\u0003\u0004'), 'panel-batch.format')).toBe('这不是评审会结果文件（无法读取）。');
    expectFail(await read(JSON.stringify({ format: 'association-desk-batch', version: 1 })), 'panel-batch.format');
  });

  it('a record of another session is not exported', async () => {
    const stray = { ...content, scoresheets: [...sheets, { ...sheets[0]!, id: id('dddd', 999), sessionId: id('cccc', 2) }] };
    const refused = await exportPanelBatch(stray, { sha256, sign: (d) => subtle.sign({ name: 'Ed25519' }, chairKeys.privateKey, d), keyId: 'chair-desk-1', exportedAt: at(58) });
    expect(expectFail(refused, 'panel-batch.invalid')).toBe('评分表不属于本次评审会。');
  });
});

describe('import is idempotent', () => {
  it('the first import creates every record; the same file again changes nothing', async () => {
    const file = expectOk(await read(await exported()));
    const store = new Map<string, PanelBatchRecord>();
    const lookup = (table: PanelBatchTable, recordId: string) => store.get(`${table}/${recordId}`);
    const first = planPanelImport(file.content, lookup);
    expect(first.map((s) => [s.table, s.action])).toEqual([
      ['experts', 'create'],
      ['experts', 'create'],
      ['experts', 'create'],
      ['panelSessions', 'create'],
      ['panelRecusals', 'create'],
      ['scoresheets', 'create'],
      ['scoresheets', 'create'],
      ['scoresheets', 'create'],
      ['panelResults', 'create'],
    ]);
    // The office's repository stamps its own write (who, when): the content is what counts.
    for (const step of first) store.set(`${step.table}/${step.record.id}`, { ...step.record, createdBy: 'u-office', updatedBy: 'u-office', updatedAt: '2026-11-26T01:00:00.000Z' });
    const second = planPanelImport(expectOk(await read(await exported())).content, lookup);
    expect(second.every((s) => s.action === 'unchanged')).toBe(true);
  });

  it('a record changed since on the chair’s desk is taken; one older than the office’s copy is kept out', () => {
    const sheet = sheets[0]!;
    const newer = { ...content, scoresheets: [{ ...sheet, opinion: '更正：专业基础扎实。', updatedAt: at(59) }] };
    const steps = planPanelImport(newer, (table, recordId) => (table === 'scoresheets' && recordId === sheet.id ? sheet : undefined));
    expect(steps.find((s) => s.table === 'scoresheets')?.action).toBe('update');
    const older = planPanelImport(content, (table, recordId) => (table === 'scoresheets' && recordId === sheet.id ? { ...sheet, opinion: '办公室已更正', updatedAt: at(59) } : undefined));
    expect(older.find((s) => s.table === 'scoresheets' && s.record.id === sheet.id)?.action).toBe('older');
  });
});
