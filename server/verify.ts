/**
 * Public certificate verification: what anyone holding a paper certificate may learn from its
 * number, and nothing more: status, the holder's name masked, the program, the issuer and the
 * validity dates, signed with the issuing office's key so a copy of the answer can be checked.
 */
import { createPrivateKey, sign } from 'node:crypto';
import { CERTIFICATE_STATUS_ZH } from '../shared/model/records';
import { certificateStatusSchema, maskName, verificationSigningPayload, type VerificationAnswer } from '../shared/sync/protocol';
import { visibleValues } from '../shared/sync/merge';
import { type Queryable } from './db';
import { decodeRecordState } from './record-state';
import { officeSigningKey } from './offices';

type Status = VerificationAnswer['status'];
const STATUSES: readonly Status[] = certificateStatusSchema.options;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date in China (the certificates' dates are Beijing calendar dates). */
export function chinaToday(nowMs: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(nowMs);
}

let programNames: ((id: string) => string | undefined) | undefined;

/**
 * A program's Chinese name from its pack; loaded once, lazily, and never fatal (a pack that fails
 * to load must not take verification down: the program id is shown instead).
 */
async function programName(programId: string): Promise<string | undefined> {
  if (programNames === undefined) {
    try {
      const { getPack } = await import('../shared/programs/index');
      programNames = (id) => getPack(id)?.names.zh;
    } catch {
      programNames = () => undefined;
    }
  }
  return programNames(programId);
}

/** A stored record's visible values (top-level fields: all verification reads). */
const storedValues = (state: string): Record<string, unknown> => visibleValues(decodeRecordState(state));

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The signed answer for a certificate number, or undefined when there is none to show. */
export async function verifyCertificate(db: Queryable, certificateNo: string, nowMs: number): Promise<VerificationAnswer | undefined> {
  const { rows } = await db.query<{ office_id: string; office_name: string; state: string }>(
    `SELECT c.office_id, o.name AS office_name, r.state
       FROM certificate_numbers c
       JOIN offices o ON o.id = c.office_id
       JOIN records r ON r.office_id = c.office_id AND r.table_name = 'certificates' AND r.record_id = c.record_id
      WHERE c.certificate_no = $1 AND NOT r.deleted`,
    [certificateNo],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  const data = storedValues(row.state);
  const programId = str(data.programId);
  const issuedOn = str(data.issuedOn);
  const storedStatus = str(data.status) as Status | undefined;
  const validUntil = str(data.validUntil);
  // A record still missing what the answer needs (its first operations not all synced) is not shown.
  if (data.certificateNo !== certificateNo || programId === undefined || issuedOn === undefined || !ISO_DATE.test(issuedOn)) return undefined;
  if (storedStatus === undefined || !STATUSES.includes(storedStatus)) return undefined;
  const today = chinaToday(nowMs);
  const status: Status = storedStatus === 'valid' && validUntil !== undefined && validUntil < today ? 'expired' : storedStatus;

  // The holder's name comes from the same office's person or organisation record.
  const holderTable = str(data.holderPersonId) !== undefined ? 'people' : 'organisations';
  const holderId = str(data.holderPersonId) ?? str(data.holderOrganisationId);
  let holderName = '';
  if (holderId !== undefined) {
    const holder = await db.query<{ state: string }>('SELECT state FROM records WHERE office_id = $1 AND table_name = $2 AND record_id = $3 AND NOT deleted', [
      row.office_id,
      holderTable,
      holderId,
    ]);
    const name = holder.rows[0] === undefined ? undefined : storedValues(holder.rows[0].state).name;
    if (typeof name === 'string') holderName = maskName(name).slice(0, 100);
  }

  const name = await programName(programId);
  const unsigned: Omit<VerificationAnswer, 'signature'> = {
    certificateNo,
    status,
    holderName,
    programId: programId.slice(0, 40),
    programName: (name ?? programId).slice(0, 100),
    // The office whose key signs the answer (the pack's issuer text describes the program's
    // sponsors, not the body that issued this certificate).
    issuer: row.office_name.slice(0, 100),
    issuedOn,
    validUntil: validUntil !== undefined && ISO_DATE.test(validUntil) ? validUntil : null,
    checkedAt: new Date(nowMs).toISOString(),
  };
  const key = await officeSigningKey(db, row.office_id);
  if (key === undefined) return undefined;
  const privateKey = createPrivateKey({ key: Buffer.from(key.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  const value = sign(null, Buffer.from(verificationSigningPayload(unsigned), 'utf8'), privateKey).toString('base64');
  return { ...unsigned, signature: { algorithm: 'Ed25519', keyId: key.keyId, value } };
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** The page's only style is inline; the response's CSP forbids everything else. */
export const VERIFY_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1f1f1f}
h1{font-size:1.3rem}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ddd}
th{width:7rem;color:#555;font-weight:normal}.valid{color:#1a7f37}.bad{color:#b42318}footer{margin-top:1.5rem;font-size:.8rem;color:#777;word-break:break-all}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

export function verificationPage(answer: VerificationAnswer): string {
  const rows: [string, string][] = [
    ['证书编号', answer.certificateNo],
    ['持证人', answer.holderName || '—'],
    ['项目', answer.programName],
    ['发证单位', answer.issuer],
    ['发证日期', answer.issuedOn],
    ['有效期至', answer.validUntil ?? '长期'],
  ];
  const statusClass = answer.status === 'valid' ? 'valid' : 'bad';
  return page(
    `证书查验：${answer.certificateNo}`,
    `<h1>证书查验结果</h1>
<p>状态：<strong class="${statusClass}">${escapeHtml(CERTIFICATE_STATUS_ZH[answer.status])}</strong></p>
<table>
${rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('\n')}
</table>
<footer>查验时间：${escapeHtml(answer.checkedAt)}<br>签名（Ed25519，密钥 ${escapeHtml(answer.signature.keyId)}）：${escapeHtml(answer.signature.value)}</footer>`,
  );
}

export function messagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}
