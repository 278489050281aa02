/**
 * Registering an application from the paper form (收件登记), and later edits of its form.
 *
 * What the clerk typed is checked by the engine (`checkFields`, the same checks as
 * `evaluateApplication(...).fieldErrors`); this module only decides which of the engine's
 * findings stop a registration: a clerk registers what the paper has, so a blank required field
 * (or a table with too few rows, or a missing remark) is registered and shown, while a value that
 * is wrong (a bad 身份证号, an impossible date, an option the form does not have, a number out of
 * range) is refused with the engine's Chinese message and nothing is written.
 */
import type { Application } from '../../../../shared/model/records';
import { submissionChannelSchema } from '../../../../shared/model/records';
import { checkFields, fieldsFor, isBlank, type FieldError } from '../../../../shared/engine/fields';
import { valuesWithKind } from '../../../../shared/programs/condition';
import { getPack, type ProgramPack } from '../../../../shared/programs';
import { ROW_KEY, type ApplicationKind, type ApplicationKindId, type FieldDef } from '../../../../shared/programs/schema';
import { normaliseTable } from '../../../../shared/engine/tables';
import { isCanonicalDate, parseDateInput, type IsoDate } from '../../../../shared/rules/civil-date';
import { CROSS_CHECK_CODE, factsOfFields, RECEIVED_FIELD, SELF_SCORE_FIELD } from '../../../../shared/engine/facts';
import { toHalfWidth } from '../../../../shared/rules/input-text';
import { db as defaultDb, repositories } from '../../db';
import type { DeskDatabase } from '../../db/database';
import { ValidationError } from '../../db/errors';
import type { Repository, WriteContext } from '../../db/repository';
import { writeContext } from '../../session';
import { todayIso } from '../../today';
import { checkApplicationBanFor } from './bans';
import { nextApplicationNo } from './numbers';
import { initialStateIn, workflowOf } from '../../../../shared/workflow/lookup';
import type { StateId } from '../../../../shared/programs/ids';

export type SubmissionChannel = Application['channel'];
export const SUBMISSION_CHANNELS: readonly SubmissionChannel[] = submissionChannelSchema.options;

/** The certificate an application acts on, as typed (dates may still be raw text). */
export interface PreviousCertificateInput {
  readonly certificateNo?: string | undefined;
  readonly issuedOn?: string | undefined;
  readonly validUntil?: string | undefined;
}

/** One row of the 自评分表 as typed: numbers may still be text. */
export interface SelfScoreItemInput {
  readonly id?: string | undefined;
  readonly name?: string | undefined;
  readonly maxScore?: number | string | undefined;
  readonly claimed?: number | string | undefined;
  readonly hasEvidence?: boolean | undefined;
}

export interface SelfScoreInput {
  readonly items: readonly SelfScoreItemInput[];
  /** The 1986 seniority route (职改字〔1986〕78号) with its reason. */
  readonly seniority?: { readonly meets: boolean; readonly reason?: string | undefined } | undefined;
}

export interface NewApplicationInput {
  readonly programId: string;
  /** As chosen; checked against the pack's kinds. */
  readonly kind: string;
  readonly channel: string;
  /** As typed: 20261122, 2026-11-22 or 2026年11月22日. */
  readonly receivedDate: string;
  readonly personId?: string | undefined;
  readonly organisationId?: string | undefined;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly previousCertificate?: PreviousCertificateInput | undefined;
  readonly selfScore?: SelfScoreInput | undefined;
}

// ---------------------------------------------------------------------------------------------
// What the pack says about a kind
// ---------------------------------------------------------------------------------------------

/** The kinds an applicant files (注销, 撤销 and the like are started by the office elsewhere). */
export function applicantKinds(pack: ProgramPack): readonly ApplicationKind[] {
  return pack.applicationKinds.filter((k) => k.initiatedBy === 'applicant');
}

/** The workflow's initial state for this kind, or undefined when the pack has no workflow for it. */
export function initialStateOf(pack: ProgramPack, kind: string): StateId | undefined {
  return initialStateIn(workflowOf(pack, kind))?.id;
}

/** Whether the kind acts on a certificate: a window of the pack is filed for it, or it is not 'new'. */
export function actsOnCertificate(pack: ProgramPack, kind: string): boolean {
  return kind !== 'new' || pack.windows.some((w) => (w.kinds as readonly string[]).includes(kind));
}

/** Whether the pack judges eligibility on a 自评分表 (P4, 002 二). */
export function hasSelfScoreSheet(pack: ProgramPack): boolean {
  return pack.scoring?.passScore?.rule !== undefined;
}

/**
 * Whether the form's 自评分 is the 自评分表's total (002 附件4 四 10 with 四(二)): the pack judges on a
 * sheet and its form has the field. Then it is shown, never typed — one fact, one place.
 */
export function selfScoreIsDerived(pack: ProgramPack): boolean {
  return hasSelfScoreSheet(pack) && pack.fields.some((f) => f.id === SELF_SCORE_FIELD);
}

/**
 * A new application's fields as the engine and the form read them: a 自评分 typed on the form
 * (an older draft) is dropped and the 自评分表's total put in its place (none while the sheet is
 * empty).
 */
export function fieldsWithSheetTotal(pack: ProgramPack, fields: Readonly<Record<string, unknown>>, selfScore: SelfScoreInput | undefined): Record<string, unknown> {
  if (!selfScoreIsDerived(pack)) return { ...fields };
  const { [SELF_SCORE_FIELD]: _typed, ...rest } = fields;
  const sheet = selfScore === undefined ? undefined : selfScoreOf(selfScore, []);
  return factsOfFields(pack, rest, { selfScore: sheet });
}

/**
 * Where a previous certificate's parts are usually already on the paper form: when the clerk
 * leaves the certificate box blank, the first of these fields that applies and is filled is
 * used, so nothing is typed twice.
 */
const CERTIFICATE_FIELDS = {
  certificateNo: ['certificateNo', 'heldPmCertificateNo'],
  issuedOn: ['obtainedOn', 'certificateIssuedOn'],
  validUntil: ['certificateExpiresOn', 'heldPmCertificateExpiresOn'],
} as const;

/** The previous certificate with blanks taken from the form's own certificate fields. */
export function previousCertificateWithFields(
  pack: ProgramPack,
  kind: ApplicationKindId,
  typed: PreviousCertificateInput | undefined,
  fields: Readonly<Record<string, unknown>>,
): PreviousCertificateInput {
  const applying = new Set(fieldsFor(pack, kind).map((f) => f.id));
  const from = (ids: readonly string[], date: boolean): string | undefined => {
    for (const id of ids) {
      const v = fields[id];
      if (!applying.has(id) || typeof v !== 'string' || v.trim() === '') continue;
      // A wrong date on the form is reported on its field, not a second time here.
      if (date && !parseDateInput(v).ok) continue;
      return v.trim();
    }
    return undefined;
  };
  const pick = (key: keyof typeof CERTIFICATE_FIELDS): string | undefined => {
    const own = typed?.[key];
    return own !== undefined && own.trim() !== '' ? own : from(CERTIFICATE_FIELDS[key], key !== 'certificateNo');
  };
  return { certificateNo: pick('certificateNo'), issuedOn: pick('issuedOn'), validUntil: pick('validUntil') };
}

// ---------------------------------------------------------------------------------------------
// Preparing the record
// ---------------------------------------------------------------------------------------------

/** Engine findings that mean "not filled in yet": registered and shown, never refused. */
const INCOMPLETE_CODES: ReadonlySet<string> = new Set(['field.required', 'field.remark-required', 'field.min-rows', CROSS_CHECK_CODE]);

/** The engine's field errors that refuse a registration or an edit (wrong values, not blanks). */
export function blockingErrors(errors: readonly FieldError[]): FieldError[] {
  return errors.filter((e) => !INCOMPLETE_CODES.has(e.code));
}

/**
 * A row nobody typed in: only its key, and blanks or the zeros an added row starts with (an
 * amount's blank is stored as 0, 001 （二）3 3)).
 */
function isBlankRow(row: unknown): boolean {
  if (typeof row !== 'object' || row === null) return isBlank(row);
  return Object.entries(row).every(([k, v]) => k === ROW_KEY || isBlank(v) || v === false || v === 0);
}

/** A stored value for one field: blanks dropped, table rows that are entirely blank dropped. */
function cleanValue(def: FieldDef, value: unknown): unknown {
  if (def.type === 'table') {
    if (!Array.isArray(value)) return isBlank(value) ? undefined : value;
    const rows = value.filter((row) => !isBlankRow(row)).map((row) => {
      if (typeof row !== 'object' || row === null) return row as unknown;
      return Object.fromEntries(Object.entries(row as Record<string, unknown>).filter(([, v]) => !isBlank(v)));
    });
    // Blank amounts are stored as 0, never blank (blankMeans); computed columns are never stored.
    return rows.length === 0 ? undefined : normaliseTable(def, rows);
  }
  if (def.type === 'endorsement' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const e = value as { text?: unknown; date?: unknown; sealed?: unknown };
    if (isBlank(e.text) && isBlank(e.date) && e.sealed !== true) return undefined;
    return Object.fromEntries(Object.entries(e).filter(([, v]) => !isBlank(v)));
  }
  if (typeof value === 'string') return isBlank(value) ? undefined : value.trim();
  return isBlank(value) ? undefined : value;
}

/**
 * The fields to store: only the fields of this kind (a kind changed half-way leaves values for
 * fields the new kind does not have; they are not registered), never computed ones, no blanks.
 */
export function cleanFields(pack: ProgramPack, kind: ApplicationKindId, values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const def of fieldsFor(pack, kind)) {
    if (def.computed) continue;
    const v = cleanValue(def, values[def.id]);
    if (v !== undefined) out[def.id] = v;
    // 001 （二）1 1): 不包含的人员分类…填“0” — a blank that means 0 is stored as 0.
    else if (def.type !== 'table' && def.blankMeans !== undefined) out[def.id] = def.blankMeans;
  }
  return out;
}

/** The engine's field errors for these values (blanks included). */
export function fieldErrorsOf(pack: ProgramPack, kind: ApplicationKindId, fields: Readonly<Record<string, unknown>>, today: IsoDate): FieldError[] {
  return checkFields(pack, kind, valuesWithKind(fields, kind), today);
}

function parseDate(raw: string | undefined, label: string, problems: string[]): IsoDate | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const parsed = parseDateInput(raw);
  if (parsed.ok) return parsed.value;
  problems.push(`${label}：${parsed.error.message}`);
  return undefined;
}

/** The previous certificate to store, or the problems that refuse it. */
export function previousCertificateOf(
  input: PreviousCertificateInput,
  problems: string[],
): Application['previousCertificate'] {
  const certificateNo = input.certificateNo?.trim() ?? '';
  const issuedOn = parseDate(input.issuedOn, '原证书发证日期', problems);
  const validUntil = parseDate(input.validUntil, '原证书有效期至', problems);
  const typedAnything = certificateNo !== '' || (input.issuedOn ?? '').trim() !== '' || (input.validUntil ?? '').trim() !== '';
  if (!typedAnything) return undefined;
  if (validUntil === undefined) {
    if ((input.validUntil ?? '').trim() === '') problems.push('已填写原证书信息，请同时填写原证书“有效期至”。');
    return undefined;
  }
  if (certificateNo.length > 60) problems.push('原证书编号过长（最多60个字符）。');
  if (issuedOn !== undefined && issuedOn > validUntil) problems.push('原证书发证日期不能晚于有效期至。');
  return {
    ...(certificateNo === '' ? {} : { certificateNo }),
    ...(issuedOn === undefined ? {} : { issuedOn }),
    validUntil,
  };
}

/** A score as typed (`85`, `７.5`) → a number, or null when it is not one. */
export function scoreOf(raw: number | string | undefined): number | null | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  const text = toHalfWidth(raw).trim();
  if (text === '') return undefined;
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : null;
}

/** The 自评分表 to store, or the problems that refuse it. Rows left entirely blank are skipped. */
export function selfScoreOf(input: SelfScoreInput, problems: string[]): Application['selfScore'] {
  const items: NonNullable<Application['selfScore']>['items'][number][] = [];
  input.items.forEach((row, index) => {
    const name = row.name?.trim() ?? '';
    const maxScore = scoreOf(row.maxScore);
    const claimed = scoreOf(row.claimed);
    if (name === '' && maxScore === undefined && claimed === undefined) return;
    const where = `自评分表第${index + 1}行`;
    if (name === '') problems.push(`${where}：请填写评分项名称。`);
    if (name.length > 200) problems.push(`${where}：评分项名称过长（最多200个字）。`);
    if (maxScore === null || (maxScore !== undefined && (maxScore <= 0 || maxScore > 1000))) {
      problems.push(`${where}：满分应为大于0、不超过1000的数字。`);
    }
    if (maxScore === undefined) problems.push(`${where}：请填写满分。`);
    if (claimed === null || (claimed !== undefined && claimed > 1000)) problems.push(`${where}：自评分应为0到1000之间的数字。`);
    if (typeof maxScore !== 'number' || maxScore <= 0 || maxScore > 1000 || name === '' || name.length > 200 || claimed === null) return;
    items.push({
      id: (row.id ?? '').trim() === '' ? `item-${index + 1}` : row.id!.trim().slice(0, 40),
      name,
      maxScore,
      claimed: claimed ?? 0,
      hasEvidence: row.hasEvidence === true,
    });
  });
  const seniority = input.seniority;
  const reason = seniority?.reason?.trim() ?? '';
  if (seniority?.meets === true && reason === '') problems.push('选择符合学历资历条件时，请写明依据（学历和任职年限）。');
  if (reason.length > 500) problems.push('学历资历依据过长（最多500个字）。');
  if (items.length === 0 && seniority === undefined) return undefined;
  return { items, ...(seniority === undefined ? {} : { seniority: { meets: seniority.meets, reason } }) };
}

export interface PreparedApplication {
  /** The record to create, without its number. */
  readonly record: Omit<Application, 'id' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy' | 'deleted' | 'applicationNo'>;
  /** Every field error the engine reports (blanks included), in form order. */
  readonly fieldErrors: readonly FieldError[];
}

/**
 * Checks a new application and builds its record; throws `ValidationError` (Chinese messages)
 * when it must be refused. Pure apart from the pack lookup: tests call it directly.
 */
export function prepareApplication(input: NewApplicationInput, today: IsoDate): PreparedApplication {
  const problems: { path: string; message: string }[] = [];
  const refuse = (): never => {
    throw new ValidationError(problems);
  };
  const pack = getPack(input.programId);
  if (pack === undefined) {
    problems.push({ path: 'programId', message: `未知的业务类型“${input.programId}”，请重新选择业务。` });
    refuse();
  }
  const p = pack!;
  const kind = p.applicationKinds.find((k) => k.id === input.kind);
  if (kind === undefined) problems.push({ path: 'kind', message: `“${p.names.zh}”没有这种办理类型，请重新选择。` });
  else if (kind.initiatedBy !== 'applicant') {
    problems.push({ path: 'kind', message: `“${kind.names.zh}”由协会发起，不能作为申请登记。` });
  }
  const status = initialStateOf(p, input.kind);
  if (kind !== undefined && status === undefined) problems.push({ path: 'kind', message: `“${kind.names.zh}”没有办理流程，无法登记。` });
  const channel = submissionChannelSchema.safeParse(input.channel);
  if (!channel.success) problems.push({ path: 'channel', message: '请选择提交方式（单位提出、个人提出、网站、电子邮件、窗口或邮寄）。' });
  let receivedDate: IsoDate | undefined;
  if (input.receivedDate.trim() === '') problems.push({ path: 'receivedDate', message: '请填写收件日期。' });
  else {
    const parsed = parseDateInput(input.receivedDate);
    if (!parsed.ok) problems.push({ path: 'receivedDate', message: `收件日期：${parsed.error.message}` });
    else if (parsed.value > today) problems.push({ path: 'receivedDate', message: '收件日期不能晚于今天。' });
    else receivedDate = parsed.value;
  }
  if (p.applicantKind === 'person' && (input.personId === undefined || input.personId === '')) {
    problems.push({ path: 'personId', message: '请先选择或登记申请人。' });
  }
  if (p.applicantKind === 'organisation' && (input.organisationId === undefined || input.organisationId === '')) {
    problems.push({ path: 'organisationId', message: '请先选择申请单位。' });
  }
  if (problems.length > 0) refuse();
  // A kind the pack does not have was refused above.
  const kindId = kind!.id;

  // The 自评分 is the sheet's: never stored from the form, checked as the sheet's total.
  const typedFields = cleanFields(p, kindId, input.fields);
  const fields = selfScoreIsDerived(p) ? fieldsWithSheetTotal(p, typedFields, undefined) : typedFields;
  const fieldErrors = fieldErrorsOf(p, kindId, fieldsWithSheetTotal(p, typedFields, input.selfScore), today);
  for (const e of blockingErrors(fieldErrors)) problems.push({ path: `fields.${e.field}`, message: e.message });

  const certificateProblems: string[] = [];
  let previousCertificate: Application['previousCertificate'];
  if (actsOnCertificate(p, kindId)) {
    const merged = previousCertificateWithFields(p, kindId, input.previousCertificate, input.fields);
    // What the clerk typed in the certificate box is checked strictly; what comes from the
    // form's own fields is used when complete (its errors are the fields' own).
    const typed = Object.values(input.previousCertificate ?? {}).some((v) => typeof v === 'string' && v.trim() !== '');
    previousCertificate = previousCertificateOf(merged, typed ? certificateProblems : []);
  }
  for (const message of certificateProblems) problems.push({ path: 'previousCertificate', message });

  const scoreProblems: string[] = [];
  const selfScore = hasSelfScoreSheet(p) && input.selfScore !== undefined ? selfScoreOf(input.selfScore, scoreProblems) : undefined;
  for (const message of scoreProblems) problems.push({ path: 'selfScore', message });
  if (problems.length > 0) refuse();

  return {
    record: {
      programId: p.id,
      kind: kindId,
      status: status!,
      channel: channel.data!,
      receivedDate: receivedDate!,
      fields,
      ...(input.personId ? { personId: input.personId } : {}),
      ...(input.organisationId ? { organisationId: input.organisationId } : {}),
      ...(previousCertificate === undefined ? {} : { previousCertificate }),
      ...(selfScore === undefined ? {} : { selfScore }),
    },
    fieldErrors,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

export interface CreateDeps {
  readonly db: DeskDatabase;
  readonly applications: Repository<'applications'>;
  readonly context: () => Promise<WriteContext>;
  readonly today: () => IsoDate;
}

const defaultDeps = (): CreateDeps => ({
  db: defaultDb,
  applications: repositories.applications,
  context: () => writeContext(),
  today: () => todayIso(),
});

/**
 * Registers the application in ONE transaction: the next number for this program, year and
 * desk, then the record (with its outbox operation and audit entry). Refused → `ValidationError`
 * with Chinese messages, nothing written (not even a number taken).
 */
export async function createApplication(input: NewApplicationInput, deps: CreateDeps = defaultDeps()): Promise<Application> {
  const today = deps.today();
  const { record } = prepareApplication(input, today);
  const ctx = await deps.context();
  const { db } = deps;
  if (record.organisationId !== undefined) {
    const organisation = await db.organisations.get(record.organisationId);
    if (organisation === undefined || organisation.deleted) {
      throw new ValidationError([{ path: 'organisationId', message: '所选申请单位不存在，请重新选择。' }]);
    }
  }
  if (record.personId !== undefined) {
    const person = await db.people.get(record.personId);
    if (person === undefined || person.deleted) throw new ValidationError([{ path: 'personId', message: '所选申请人不存在，请重新选择。' }]);
    // 002 五: a finding of fraud bars the same 身份证号 for three years.
    const pack = getPack(record.programId);
    const barred = pack ? await checkApplicationBanFor(db, pack, person.idNumber, record) : undefined;
    if (barred !== undefined) throw new ValidationError([{ path: 'personId', message: barred }]);
  }
  return db.transaction('rw', [db.applications, db.outbox, db.auditLog, db.mergeStates, db.settings], async () => {
    const year = Number(record.receivedDate.slice(0, 4));
    const applicationNo = await nextApplicationNo(db, record.programId, year, ctx.deviceId);
    return deps.applications.create({ ...record, applicationNo }, ctx);
  });
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Commits edits of an existing application's form fields (one field, usually: the one just
 * left). Blank values remove the field. Refused → `ValidationError` with the engine's message for
 * the edited fields; nothing written. Returns the application as stored (unchanged when the
 * patch changes nothing).
 */
export async function updateApplicationFields(
  id: string,
  patch: Readonly<Record<string, unknown>>,
  deps: CreateDeps = defaultDeps(),
): Promise<Application> {
  const ctx = await deps.context();
  const { db } = deps;
  return db.transaction('rw', [db.applications, db.outbox, db.auditLog, db.mergeStates, db.settings], async () => {
    const app = await db.applications.get(id);
    if (app === undefined || app.deleted) throw new ValidationError([{ path: 'id', message: '找不到这份申请，可能已被删除。' }]);
    const pack = getPack(app.programId);
    if (pack === undefined) throw new ValidationError([{ path: 'programId', message: `未知的业务类型“${app.programId}”。` }]);
    const cleaned = cleanFields(pack, app.kind, { ...app.fields, ...patch });
    // Values for fields this kind does not have stay as they were (e.g. synced from elsewhere).
    const kindFields = new Set(fieldsFor(pack, app.kind).map((f) => f.id));
    const fields: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(app.fields)) if (!kindFields.has(k)) fields[k] = v;
    Object.assign(fields, cleaned);
    const touched = Object.keys(patch);
    const errors = blockingErrors(fieldErrorsOf(pack, app.kind, fields, deps.today())).filter((e) =>
      touched.some((k) => e.field === k || e.field.startsWith(`${k}[`)),
    );
    if (errors.length > 0) throw new ValidationError(errors.map((e) => ({ path: `fields.${e.field}`, message: e.message })));
    // The form's 收到日期 is the application's 收件日期 (one fact: shared/engine/facts).
    const received = fields[RECEIVED_FIELD];
    const receivedDate = Object.hasOwn(patch, RECEIVED_FIELD) && isCanonicalDate(received) && received !== app.receivedDate ? received : undefined;
    if (sameValue(fields, app.fields) && receivedDate === undefined) return app;
    return deps.applications.update(id, { fields, ...(receivedDate === undefined ? {} : { receivedDate }) }, ctx);
  });
}

/** Commits the previous certificate and/or the 自评分表 of an existing application. */
export async function updateApplicationDetails(
  id: string,
  patch: { readonly previousCertificate?: PreviousCertificateInput; readonly selfScore?: SelfScoreInput },
  deps: CreateDeps = defaultDeps(),
): Promise<Application> {
  const ctx = await deps.context();
  const problems: string[] = [];
  const next: Partial<Pick<Application, 'previousCertificate' | 'selfScore'>> = {};
  if (patch.previousCertificate !== undefined) next.previousCertificate = previousCertificateOf(patch.previousCertificate, problems);
  if (patch.selfScore !== undefined) next.selfScore = selfScoreOf(patch.selfScore, problems);
  if (problems.length > 0) throw new ValidationError(problems.map((message) => ({ path: 'details', message })));
  const { db } = deps;
  return db.transaction('rw', [db.applications, db.outbox, db.auditLog, db.mergeStates, db.settings], async () => {
    const app = await db.applications.get(id);
    if (app === undefined || app.deleted) throw new ValidationError([{ path: 'id', message: '找不到这份申请，可能已被删除。' }]);
    const changed = Object.entries(next).some(([k, v]) => !sameValue(v, app[k as keyof Application]));
    if (!changed) return app;
    return deps.applications.update(id, next, ctx);
  });
}
