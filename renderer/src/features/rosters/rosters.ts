/**
 * Inputs of the rosters and registers (xlsx) from stored records. Pure: the page gathers the
 * records, these functions shape them; the builders in shared/documents/xlsx lay them out.
 */
import {
  gradeSummaryData,
  LAYOUT_BUILDERS,
  publicityListData,
  type CertificateEvent,
  type GradeSummaryInput,
  type PublicityInput,
  type SummaryRow,
  type RkRegisterRow,
  type ZjApplicant,
} from '../../../../shared/documents';
import { PUBLICITY_COLUMNS } from '../../../../shared/documents/xlsx/publicity-list';
import { registerEntries } from '../../../../shared/lifecycle';
import type { Application, Certificate, CertificateEvent as CertificateEventRecord, Publicity } from '../../../../shared/model/records';
import { getPack } from '../../../../shared/programs';
import type { IsoDate } from '../../../../shared/rules/civil-date';
import type { ApplicationFile } from '../applications/file';
import { applicantName, applicantUnit, sexOf, text, zjApplicantOf } from '../../documents/inputs';
import { applicationStateOf } from '../../../../shared/workflow/lookup';

/** P4 花名册: every applicant that can be listed, and a message per one that cannot. */
export function zjRosterApplicants(files: readonly ApplicationFile[]): { applicants: ZjApplicant[]; problems: string[] } {
  const applicants: ZjApplicant[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const a = zjApplicantOf(file);
    if (a.ok) applicants.push(a.value);
    else problems.push(`${file.application.applicationNo}：${a.error.message}`);
  }
  return { applicants, problems };
}

function stateName(application: Application): string {
  const pack = getPack(application.programId);
  const state = applicationStateOf(pack, application);
  return state?.name.zh ?? application.status;
}

/** One 公示名单 row per application of the publicity, with every key any program's columns use. */
export function publicityRows(files: readonly ApplicationFile[]): Record<string, string | number | undefined>[] {
  return files.map((file) => {
    const f = file.application.fields;
    const selfScore = typeof f['selfScore'] === 'number' ? f['selfScore'] : undefined;
    return {
      name: applicantName(file),
      unit: applicantUnit(file) || text(f, 'employer'),
      result: stateName(file.application),
      creditCode: file.organisation?.creditCode ?? text(f, 'creditCode'),
      grade: text(f, 'grade'),
      specialty: text(f, 'specialty'),
      currentTitle: text(f, 'currentTitle'),
      applyingFor: '高级工程师',
      selfScore,
      qualification: text(f, 'qualificationName'),
      certificateNo: text(f, 'certificateNo'),
      category: text(f, 'evaluationCategory'),
      level: text(f, 'level'),
      agency: text(f, 'agencyName'),
    };
  });
}

export function publicityInput(publicity: Publicity, files: readonly ApplicationFile[], publisher: string): PublicityInput {
  // A pack whose 公示名单 lists its columns (004) is laid out from them.
  const pack = getPack(publicity.programId);
  const listed = pack?.documents.find((d) => d.kind === 'roster' && d.columns !== undefined && LAYOUT_BUILDERS[d.layout] === 'buildPublicityListXlsx');
  if (pack !== undefined && listed !== undefined) {
    const options = { title: publicity.title, period: { from: publicity.startedOn, to: publicity.endsOn }, publisher };
    const data = publicityListData(pack, listed.id, files, options);
    if (data.ok) return data.value;
  }
  // Otherwise the preset columns of the pack's publicity document (shared/documents/xlsx/publicity-list).
  const preset = pack?.documents.find((d) => PUBLICITY_COLUMNS[d.layout] !== undefined);
  return {
    layout: preset?.layout ?? '',
    title: publicity.title,
    period: { from: publicity.startedOn, to: publicity.endsOn },
    publisher,
    rows: publicityRows(files),
  };
}

const RK_KIND: Readonly<Record<string, RkRegisterRow['kind']>> = {
  new: 'first',
  renewal: 'renewal',
  deferral: 'deferral',
  'education-deferral': 'deferral',
  cancellation: 'cancellation',
};

/** Final states of P5 that change the register (registered, deferred, cancelled). */
const RK_REGISTERED = new Set(['registered', 'deferred', 'cancelled']);

/**
 * P5 人才库: the registrations decided in [from, to] (the day of the deciding workflow event),
 * with the validity of the certificate issued for the application where there is one.
 */
export function rkRegisterRows(
  files: readonly ApplicationFile[],
  certificates: readonly Certificate[],
  from: IsoDate,
  to: IsoDate,
): { rows: RkRegisterRow[]; problems: string[] } {
  const rows: RkRegisterRow[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const app = file.application;
    if (!RK_REGISTERED.has(app.status)) continue;
    const decided = [...file.events].reverse().find((e) => e.to === app.status);
    const on = decided?.on ?? app.receivedDate;
    if (on < from || on > to) continue;
    const f = app.fields;
    const sex = sexOf(file);
    const birth = (text(f, 'birthMonth') || file.person?.birthDate || '').slice(0, 7);
    if (!sex || !/^\d{4}-\d{2}$/.test(birth)) {
      problems.push(`${app.applicationNo}：缺少性别或出生年月。`);
      continue;
    }
    const kind = RK_KIND[app.kind] ?? 'first';
    const certificate = certificates.find((c) => c.applicationId === app.id && !c.deleted);
    const hours = file.education.reduce((n, e) => n + e.hoursTenths, 0);
    const remarks = text(f, 'remarks');
    rows.push({
      name: applicantName(file),
      sex,
      birthMonth: birth,
      idNumber: file.person?.idNumber ?? text(f, 'idNumber'),
      category: text(f, 'specialtyCategory'),
      qualification: text(f, 'qualificationName'),
      certificateNo: text(f, 'certificateNo'),
      obtainedOn: text(f, 'obtainedOn').slice(0, 7),
      formNo: text(f, 'formNo'),
      kind,
      registeredOn: on,
      ...(kind !== 'cancellation' && certificate?.validUntil ? { validUntil: certificate.validUntil } : {}),
      unit: text(f, 'employer'),
      educationHoursTenths: hours,
      ...(remarks ? { remarks } : {}),
    });
  }
  return { rows, problems };
}

/**
 * 年检汇总 by level: the filings of one program received in `year`, summarised from its pack
 * (shared/documents gradeSummaryData). `enterprises` repeats the rows for the page's emptiness check.
 */
export function annualSummaryInput(
  files: readonly ApplicationFile[],
  year: number,
  generatedOn: IsoDate,
): { input: GradeSummaryInput & { readonly enterprises: readonly SummaryRow[] }; problems: string[] } {
  const inYear = files.filter((f) => f.application.receivedDate.startsWith(String(year)));
  const pack = inYear.map((f) => getPack(f.application.programId)).find((p) => p !== undefined);
  const empty = { title: '', generatedOn, levels: [], measures: [], rows: [], note: '', enterprises: [] };
  if (pack === undefined) return { input: empty, problems: [] };
  const data = gradeSummaryData(
    pack,
    inYear.map((f) => ({ application: f.application, organisation: f.organisation, history: f.events })),
    { generatedOn },
  );
  if (!data.ok) return { input: empty, problems: [data.error.message] };
  return { input: { ...data.value.input, enterprises: data.value.input.rows }, problems: [...data.value.problems] };
}

/**
 * 证书登记簿: each certificate by how it was issued (发证, 延续, 补发, 换发 as 变更) and each of its
 * later events (变更, 延期, 暂停, 撤销, 注销), as shared/lifecycle registerEntries decides; older
 * records without events by their application kind and stored status.
 */
export function certificateEvents(
  certificates: readonly Certificate[],
  holderName: (c: Certificate) => string,
  clerkName: (userId: string) => string | undefined,
  events: readonly CertificateEventRecord[] = [],
): CertificateEvent[] {
  return registerEntries(certificates, events, { holderName, clerkName, programName: (id) => getPack(id)?.names.zh ?? id, packOf: getPack });
}
