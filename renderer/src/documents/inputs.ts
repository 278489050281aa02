/**
 * From an application's file (intake/file.ts) and the engine's evaluation to the inputs of the
 * document builders. Pure: no database, no DOM, so unit tests build files by hand. Nothing here
 * decides a rule: the checklist, the binding plan and the validity come from the engine and the
 * pack; this only copies values into the shape each builder takes.
 */
import type {
  BindingTocInput,
  CertificateInput,
  CertificateTemplate,
  NoticeItem,
  ReceiptInput,
  ReturnNoticeInput,
  RkApplicationInput,
  ScoringSheetInput,
  SummarySheetInput,
  ZjApplicant,
} from '../../../shared/documents';
import type { OfficeInfo } from '../../../shared/documents/intake/common';
import type { RkEducationRow } from '../../../shared/documents/intake/rk-application-form';
import { ZJ_SPECIALTIES, ZJ_UNIT_NATURES, type ZjSpecialty, type ZjUnitNature } from '../../../shared/documents/zj-applicant';
import { displayValue } from '../../../shared/documents/org-rosters';
import type { Application } from '../../../shared/model/records';
import { getPack } from '../../../shared/programs';
import { factsOfFields } from '../../../shared/engine/facts';
import { returnAddressee, returnToCode } from '../../../shared/engine/returns';
import type { ProgramPack } from '../../../shared/programs/schema';
import { isCanonicalDate, type IsoDate } from '../../../shared/rules/civil-date';
import { fail, ok, type Result } from '../../../shared/rules/result';
import type { ApplicationFile, FileEvaluation } from '../features/applications/file';

// ---------------------------------------------------------------------------------------------
// Reading `fields` (typed by the pack, stored as unknown)
// ---------------------------------------------------------------------------------------------

export function text(fields: Readonly<Record<string, unknown>>, key: string): string {
  const v = fields[key];
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

function num(fields: Readonly<Record<string, unknown>>, key: string): number | undefined {
  const v = fields[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

function rows(fields: Readonly<Record<string, unknown>>, key: string): Record<string, unknown>[] {
  const v = fields[key];
  return Array.isArray(v) ? v.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null) : [];
}

/** An endorsement field (text + date + seal) as stored: a string, or { text | result | opinion, date }. */
function endorsement(fields: Readonly<Record<string, unknown>>, key: string): { text: string; date?: IsoDate } | undefined {
  const v = fields[key];
  if (typeof v === 'string') return v.trim() ? { text: v.trim() } : undefined;
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  const body = [o['text'], o['result'], o['opinion']].find((x): x is string => typeof x === 'string' && x.trim() !== '');
  if (!body) return undefined;
  const date = o['date'];
  return { text: body.trim(), ...(isCanonicalDate(date) ? { date } : {}) };
}

/** The sex as the builders take it, from the person record, a 男/女 field, or the ID number. */
export function sexOf(file: ApplicationFile): 'male' | 'female' | undefined {
  if (file.person?.sex) return file.person.sex;
  const v = text(file.application.fields, 'sex');
  if (v === '男' || v === 'male') return 'male';
  if (v === '女' || v === 'female') return 'female';
  const id = file.person?.idNumber ?? text(file.application.fields, 'idNumber');
  if (/^\d{17}[\dX]$/.test(id)) return Number(id[16]) % 2 === 1 ? 'male' : 'female';
  return undefined;
}

export function applicantName(file: ApplicationFile): string {
  const f = file.application.fields;
  // The application's own 姓名 first: a correction typed on the form reaches every document.
  const typed = file.person ? text(f, 'name') : text(f, 'organisationName') || text(f, 'enterpriseName');
  return typed || (file.person?.name ?? file.organisation?.name ?? text(f, 'name'));
}

export function applicantUnit(file: ApplicationFile): string {
  return text(file.application.fields, 'employer') || (file.person ? (file.organisation?.name ?? '') : '');
}

/** The issuing office as its seal reads: the pack's issuer without the bracketed remark. */
export function officeOf(pack: ProgramPack, name?: string): OfficeInfo {
  return { name: name?.trim() || (pack.issuer.names.zh.split('（')[0] ?? pack.issuer.names.zh) };
}

function programName(pack: ProgramPack, application: Application): string {
  const kind = pack.applicationKinds.find((k) => k.id === application.kind);
  return kind ? `${pack.names.zh}（${kind.names.zh}）` : pack.names.zh;
}

// ---------------------------------------------------------------------------------------------
// Intake documents
// ---------------------------------------------------------------------------------------------

export function receiptInput(file: ApplicationFile, result: FileEvaluation, ctx: { clerk: string; officeName?: string }): ReceiptInput {
  const { pack, evaluation } = result;
  const app = file.application;
  const unit = applicantUnit(file);
  return {
    office: officeOf(pack, ctx.officeName),
    applicationNo: app.applicationNo,
    programName: programName(pack, app),
    applicantName: applicantName(file),
    ...(unit ? { applicantUnit: unit } : {}),
    channel: app.channel,
    receivedOn: app.receivedDate,
    clerk: ctx.clerk,
    materials: evaluation.checklist.lines.map((line) => ({
      name: line.item.name.zh,
      copies: line.copiesReceived,
      originalVerified: line.originalVerified,
      status: line.status === 'rejected' ? 'rejected' : line.status === 'received' ? 'received' : 'missing',
      ...(line.status === 'rejected' && line.rejectReason ? { note: line.rejectReason } : {}),
    })),
  };
}

/**
 * The items of a return / supplement notice: every checklist line the engine found a problem
 * with, in the checklist's order, with the engine's own words as the reason.
 */
export function noticeItems(result: FileEvaluation): NoticeItem[] {
  return result.evaluation.checklist.lines
    .filter((line) => line.problems.length > 0)
    .map((line) => ({
      material: line.item.name.zh,
      problem: line.status === 'received' || line.status === 'rejected' ? 'rejected' : 'missing',
      reason:
        line.rejectReason && line.status === 'rejected'
          ? line.rejectReason
          : `${line.problems.join('；')}${line.status === 'received' || line.status === 'rejected' ? '' : '，请补交'}`,
    }));
}

export function returnNoticeInput(
  file: ApplicationFile,
  result: FileEvaluation,
  ctx: { kind: 'return' | 'supplement'; clerk: string; issuedOn: IsoDate; deadline?: IsoDate; officeName?: string },
): ReturnNoticeInput {
  const app = file.application;
  const name = applicantName(file);
  // The notice goes to whom the return went (退回对象), as recorded on the latest return.
  const lastReturn = [...file.events].reverse().find((e) => e.returnTo !== undefined)?.returnTo;
  const unit = file.organisation?.name ?? applicantUnit(file);
  const code = returnToCode(lastReturn);
  const addressee = returnAddressee(app, code === 'unit' || code === 'individual' ? code : undefined, { applicant: name, unit });
  return {
    kind: ctx.kind,
    office: officeOf(result.pack, ctx.officeName),
    applicationNo: app.applicationNo,
    programName: programName(result.pack, app),
    addressee,
    applicantName: name,
    receivedOn: app.receivedDate,
    issuedOn: ctx.issuedOn,
    clerk: ctx.clerk,
    items: noticeItems(result),
    ...(ctx.deadline ? { deadline: ctx.deadline } : {}),
  };
}

/** The binding tables of contents: each volume of the engine's plan that has one, in its order. */
export function bindingTocInput(file: ApplicationFile, result: FileEvaluation): Result<BindingTocInput> {
  const plan = result.evaluation.binding;
  if (!plan) return fail('documents.binding', '此类申请没有装订要求。');
  const volumes = plan.volumes
    .filter((v) => v.tableOfContents)
    .map((v) => ({ name: v.title.zh, entries: v.entries.map((e) => ({ title: e.item.name.zh })) }));
  if (volumes.length === 0) return fail('documents.binding', '装订方案中没有需要目录的分册。');
  const f = file.application.fields;
  return ok({
    heading: `${result.pack.names.zh.replace(/（.*?）$/, '')}材料`,
    applicantName: applicantName(file),
    unit: applicantUnit(file),
    specialty: text(f, 'specialty'),
    volumes,
  });
}

/**
 * The 评审表 / 评分表: the pack's scoring dimensions (P1/P2 000 第九条); for P4 the items of the
 * applicant's self-score sheet (the imported standard) with the points claimed.
 */
export function scoringSheetInput(file: ApplicationFile, result: FileEvaluation, ctx: { officeName?: string; printedOn?: IsoDate }): Result<ScoringSheetInput> {
  const sheet = result.pack.scoring;
  if (!sheet) return fail('documents.scoring', '此业务没有评分表。');
  const own = file.application.selfScore?.items ?? [];
  const dimensions =
    own.length > 0
      ? [{ name: '量化评价', items: own.map((i) => ({ name: i.name, maxScore: i.maxScore, claimed: i.claimed })) }]
      : sheet.dimensions.map((d) => ({ name: d.name.zh, items: d.items.map((i) => ({ name: i.name.zh, maxScore: i.maxScore })) }));
  if (dimensions.length === 0) return fail('documents.scoring', '评分项尚未导入，无法生成评分表。');
  const unit = applicantUnit(file);
  return ok({
    title: sheet.names.zh.replace(/[《》]/g, '').replace(/（.*?）$/, ''),
    office: officeOf(result.pack, ctx.officeName),
    programName: result.pack.names.zh,
    applicationNo: file.application.applicationNo,
    applicantName: applicantName(file),
    ...(unit ? { applicantUnit: unit } : {}),
    dimensions,
    ...(sheet.bases && sheet.bases.length > 0 ? { bases: sheet.bases.map((b) => b.text.zh) } : {}),
    ...(sheet.itemsFrom && own.length === 0 ? { itemsNote: sheet.itemsFrom.source.zh } : {}),
    ...(sheet.passScore ? { passScore: sheet.passScore.value } : {}),
    ...(own.length > 0 ? { claimedLabel: '自评分' } : {}),
    ...(ctx.printedOn ? { printedOn: ctx.printedOn } : {}),
  });
}

// ---------------------------------------------------------------------------------------------
// P5 registration form
// ---------------------------------------------------------------------------------------------

function yearMonthOf(value: string): string {
  return /^\d{4}-\d{2}/.test(value) ? value.slice(0, 7) : value;
}

export function rkApplicationInput(file: ApplicationFile, photoJpeg?: Uint8Array): Result<RkApplicationInput> {
  const f = file.application.fields;
  const sex = sexOf(file);
  if (!sex) return fail('documents.fields', '缺少性别，无法填写证书登记申请表。');
  const birth = text(f, 'birthMonth') || (file.person?.birthDate ?? '');
  const education: RkEducationRow[] =
    file.education.length > 0
      ? file.education.map((e) => ({ date: e.date, mode: e.mode, content: e.content, hoursTenths: e.hoursTenths }))
      : rows(f, 'continuingEducation').flatMap((r) => {
          const date = r['date'];
          if (!isCanonicalDate(date)) return [];
          const hours = typeof r['approvedHours'] === 'number' ? r['approvedHours'] : Number(r['approvedHours'] ?? 0);
          return [{ date, mode: String(r['mode'] ?? ''), content: String(r['content'] ?? ''), hoursTenths: Math.round((Number.isFinite(hours) ? hours : 0) * 10) }];
        });
  const unitAssessment = endorsement(f, 'unitAssessment');
  const officeOpinion = endorsement(f, 'registrationOpinion');
  const appliedOn = f['appliedOn'];
  const remarks = text(f, 'remarks');
  return ok({
    category: text(f, 'specialtyCategory'),
    qualification: text(f, 'qualificationName'),
    formNo: text(f, 'formNo'),
    name: applicantName(file),
    sex,
    birthMonth: yearMonthOf(birth),
    health: text(f, 'health'),
    idNumber: file.person?.idNumber ?? text(f, 'idNumber'),
    certificateNo: text(f, 'certificateNo'),
    obtainedOn: text(f, 'obtainedOn'),
    address: text(f, 'address'),
    postcode: text(f, 'postalCode'),
    unit: text(f, 'employer'),
    phone: text(f, 'phone') || (file.person?.phone ?? ''),
    education,
    ...(unitAssessment ? { unitAssessment: { result: unitAssessment.text, ...(unitAssessment.date ? { date: unitAssessment.date } : {}) } } : {}),
    ...(officeOpinion ? { officeOpinion } : {}),
    ...(remarks ? { remarks } : {}),
    ...(isCanonicalDate(appliedOn) ? { appliedOn } : {}),
    ...(photoJpeg ? { photoJpeg } : {}),
  });
}

// ---------------------------------------------------------------------------------------------
// P4 applicant (roster and summary sheet)
// ---------------------------------------------------------------------------------------------

/**
 * The P4 applicant facts from the record. 专业工作年限 is typed on the form as a number of years
 * to the cutoff; the builders take a start date, so the start is placed that many full years
 * before the cutoff (2019-12-31 − N years), which gives back exactly N.
 */
export function zjApplicantOf(file: ApplicationFile, cutoffYear = 2019): Result<ZjApplicant> {
  const pack = getPack(file.application.programId);
  // The facts as every reader sees them: the 自评分 is the 自评分表's total (shared/engine/facts).
  const f = pack ? factsOfFields(pack, file.application.fields, { receivedDate: file.application.receivedDate, selfScore: file.application.selfScore }) : file.application.fields;
  const name = applicantName(file);
  const missing: string[] = [];
  const sex = sexOf(file);
  if (!sex) missing.push('性别');
  const unitNature = text(f, 'unitNature');
  if (!(ZJ_UNIT_NATURES as readonly string[]).includes(unitNature)) missing.push('单位性质');
  const specialty = text(f, 'specialty');
  if (!(ZJ_SPECIALTIES as readonly string[]).includes(specialty)) missing.push('从事专业');
  const years = num(f, 'engineeringWorkYears');
  if (years === undefined || years < 0 || years > 80) missing.push('专业工作年限');
  const birthMonth = yearMonthOf(text(f, 'birthMonth') || (file.person?.birthDate ?? ''));
  if (!/^\d{4}-\d{2}$/.test(birthMonth)) missing.push('出生年月');
  if (missing.length > 0) return fail('documents.fields', `${name || '申请人'}：缺少或无效的${missing.join('、')}，请先在申请表中补全。`);
  const assessments = rows(f, 'annualAssessments')
    .map((r) => ({ year: Number(r['year']), result: String(r['result'] ?? '').trim() }))
    .filter((a) => Number.isInteger(a.year) && a.result !== '')
    .sort((a, b) => a.year - b.year);
  const selfScore = num(f, 'selfScore') ?? 0;
  const school = text(f, 'graduatedFrom');
  const isEngineering = f['highestEducationIsEngineering'] !== false;
  const engineering = text(f, 'engineeringEducation');
  const graduatedOn = yearMonthOf(text(f, 'educationObtainedOn'));
  const remarks = text(f, 'remarks');
  const degree = text(f, 'degree');
  return ok({
    name,
    sex: sex ?? 'male',
    birthMonth,
    idNumber: file.person?.idNumber ?? text(f, 'idNumber'),
    unit: text(f, 'employer'),
    unitNature: unitNature as ZjUnitNature,
    supervisor: text(f, 'supervisingDepartment'),
    specialty: specialty as ZjSpecialty,
    education: { level: text(f, 'highestEducation'), school, major: '', graduatedOn },
    ...(!isEngineering && engineering ? { engineeringEducation: { level: engineering, school: '', major: '', graduatedOn } } : {}),
    ...(degree ? { degree } : {}),
    currentTitle: text(f, 'currentTitle'),
    titleObtainedOn: yearMonthOf(text(f, 'currentTitleObtainedOn')),
    appointedOn: yearMonthOf(text(f, 'appointedOn')),
    engineeringWorkSince: `${cutoffYear - Math.floor(years ?? 0)}-12-31`,
    assessments,
    selfScore,
    ...(remarks ? { remarks } : {}),
  });
}

/** The last three assessment years the applicant's record has (or the three years before the cutoff). */
export function assessmentYearsOf(applicants: readonly ZjApplicant[], cutoffYear = 2019): number[] {
  const years = new Set<number>();
  for (const a of applicants) for (const x of a.assessments) years.add(x.year);
  const sorted = [...years].sort((a, b) => a - b).slice(-3);
  if (sorted.length >= 3) return sorted;
  return [cutoffYear - 2, cutoffYear - 1, cutoffYear];
}

export function summarySheetInput(file: ApplicationFile, photoJpeg?: Uint8Array): Result<SummarySheetInput> {
  const applicant = zjApplicantOf(file);
  if (!applicant.ok) return applicant;
  return ok({ applicant: applicant.value, assessmentYears: assessmentYearsOf([applicant.value]), ...(photoJpeg ? { photoJpeg } : {}) });
}

// ---------------------------------------------------------------------------------------------
// Certificates
// ---------------------------------------------------------------------------------------------

/** The certificate layout a pack names, when a template exists for it. */
export function certificateLayoutOf(pack: ProgramPack): string | undefined {
  return pack.documents.find((d) => d.kind === 'certificate')?.layout;
}

/** A field as the pack's lists show it: an option's label rather than its stored code. */
function shownAsListed(application: Application, fieldId: string): string {
  const field = getPack(application.programId)?.fields.find((x) => x.id === fieldId);
  return field === undefined ? text(application.fields, fieldId) : displayValue(field, application.fields[fieldId]);
}

/** Template fields from the application, by the template's field keys (P1/P2, P3, P5, P6). */
export function certificateFields(template: CertificateTemplate, file: ApplicationFile, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const f = file.application.fields;
  const candidates: Record<string, string> = {
    sex: sexOf(file) ?? '',
    idNumber: file.person?.idNumber ?? text(f, 'idNumber'),
    creditCode: file.organisation?.creditCode ?? text(f, 'creditCode'),
    grade: text(f, 'grade'),
    inspection: '年检合格',
    qualification: text(f, 'qualificationName'),
    qualificationCertificateNo: text(f, 'certificateNo'),
    registrationIndex: '1',
    registrar: '',
    category: shownAsListed(file.application, 'evaluationCategory'),
    level: text(f, 'level'),
  };
  const out: Record<string, string> = {};
  for (const field of template.fields) {
    const v = extra[field.key] ?? candidates[field.key] ?? text(f, field.key);
    if (v !== '') out[field.key] = v;
  }
  return out;
}

/** One certificate to print from its record and application (reprint = the copy count, ≥ 1). */
export function certificateInputOf(
  template: CertificateTemplate,
  record: { certificateNo: string; programId: string; issuedOn: IsoDate; validFrom?: IsoDate | undefined; validUntil?: IsoDate | undefined },
  file: ApplicationFile | undefined,
  options: { holderName: string; reprint?: number; extra?: Readonly<Record<string, string>>; photoJpeg?: Uint8Array },
): CertificateInput {
  return {
    certificateNo: record.certificateNo,
    // The issuing application's program (signed into the QR code); the pack's id, never written here.
    programId: record.programId,
    holderName: options.holderName,
    issuedOn: record.issuedOn,
    // A renewal runs from the day after the old expiry (000 第十五条一), not from its issue day.
    ...(record.validFrom ? { validFrom: record.validFrom } : {}),
    ...(record.validUntil ? { validUntil: record.validUntil } : {}),
    fields: file ? certificateFields(template, file, options.extra) : { ...options.extra },
    ...(options.photoJpeg ? { photoJpeg: options.photoJpeg } : {}),
    ...(options.reprint && options.reprint >= 1 ? { reprint: options.reprint } : {}),
  };
}
