/**
 * Inputs of the rosters and registers (xlsx) from stored records. Pure: the page gathers the
 * records, these functions shape them; the builders in shared/documents/xlsx lay them out.
 */
import type {
  AnnualSummaryInput,
  CertificateEvent,
  InspectedEnterprise,
  PublicityInput,
  RkRegisterRow,
  ZjApplicant,
} from '../../../shared/documents';
import { ENTERPRISE_GRADES, type EnterpriseGrade } from '../../../shared/rules/enterprise';
import { registerEntries } from '../../../shared/lifecycle';
import type { Application, Certificate, CertificateEvent as CertificateEventRecord, Publicity } from '../../../shared/model/records';
import { getPack } from '../../../shared/programs';
import type { ApplicationKindId } from '../../../shared/programs/schema';
import { parseYuan, type Fen } from '../../../shared/rules/money';
import type { IsoDate } from '../../../shared/rules/civil-date';
import type { ApplicationFile } from '../intake/file';
import { applicantName, applicantUnit, sexOf, text, zjApplicantOf } from './inputs';

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
  const state = pack?.workflows[application.kind as ApplicationKindId]?.states.find((s) => s.id === application.status);
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
  return {
    programId: publicity.programId,
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

function fenOf(value: unknown): Fen | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value as Fen;
  if (typeof value === 'string') {
    const parsed = parseYuan(value);
    return parsed.ok ? parsed.value : undefined;
  }
  return undefined;
}

/** P3 年检汇总: each enterprise's annual review filed for `year` (received that year). */
export function annualSummaryInput(files: readonly ApplicationFile[], year: number, generatedOn: IsoDate): { input: AnnualSummaryInput; problems: string[] } {
  const enterprises: InspectedEnterprise[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const app = file.application;
    if (app.programId !== 'xj-si-annual' || !app.receivedDate.startsWith(String(year))) continue;
    const f = app.fields;
    const grade = text(f, 'grade').replace(/级$/, '');
    if (!(ENTERPRISE_GRADES as readonly string[]).includes(grade)) {
      problems.push(`${app.applicationNo}：资质等级“${text(f, 'grade')}”无效。`);
      continue;
    }
    const projectTotalByYear: Partial<Record<number, Fen>> = {};
    const completion = Array.isArray(f['projectCompletion']) ? (f['projectCompletion'] as Record<string, unknown>[]) : [];
    for (const row of completion) {
      const y = Number(row['year']);
      const total = fenOf(row['total']);
      if (Number.isInteger(y) && total !== undefined) projectTotalByYear[y] = total;
    }
    const outcome = app.status === 'rejected' ? 'rejected' : app.status === 'completed' || app.status === 'awaiting-stamped' ? 'passed' : 'pending';
    const reason = [...file.events].reverse().find((e) => e.to === 'rejected')?.reason;
    enterprises.push({
      name: applicantName(file),
      creditCode: file.organisation?.creditCode ?? text(f, 'creditCode'),
      grade: grade as EnterpriseGrade,
      figures: {
        technicalStaff: Number(f['technicalStaffTotal'] ?? 0) || 0,
        certifiedStaff: Number(f['certifiedStaffTotal'] ?? 0) || 0,
        projectTotalByYear,
      },
      outcome,
      ...(outcome === 'rejected' && reason ? { reason } : {}),
    });
  }
  return { input: { year, generatedOn, enterprises }, problems };
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
