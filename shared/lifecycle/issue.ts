/**
 * Issuing a certificate, decided before anything is written: whether it can be printed (a
 * number is taken only then), the validity the rulebook gives this kind of application (a
 * renewal runs on from the old expiry, a reissue keeps the old validity), and what becomes of
 * the certificate it replaces (a reissued or exchanged number is void). The issuing path
 * (renderer documents/issue.ts) asks `planIssue`, takes a number, then writes what the plan says.
 */
import { certificateValidity } from '../documents/certificate-dates';
import type { CertificateTemplate } from '../documents/templates/types';
import { isBlank } from '../engine/fields';
import type { RecordBase } from '../model/base';
import type { Certificate, CertificateEvent } from '../model/records';
import { valuesWithKind, type FieldValues } from '../programs/condition';
import type { ApplicationKindId, HolderField, Lifecycle, PrefillSource, ProgramPack, ValidityBasis } from '../programs/schema';
import { addDays, isCanonicalDate, type IsoDate } from '../rules/civil-date';
import { fail, ok, type Result } from '../rules/result';
import { expiryDate, extendedExpiry } from '../rules/validity';
import type { WorkflowRole } from '../workflow/definition';
import type { HolderFacts } from './actions';
import { holderChanges } from './change';

/** A record as the repository creates it: everything but the system fields. */
export type Draft<T extends RecordBase> = Omit<T, keyof RecordBase>;
export type CertificateDraft = Draft<Certificate>;
export type CertificateEventDraft = Draft<CertificateEvent>;

// ---------------------------------------------------------------------------------------------
// Can it be printed?
// ---------------------------------------------------------------------------------------------

/**
 * Labels of what the certificate of this kind of application still lacks (the pack's
 * `lifecycle.print` fields, 003 附件: 资格名称, 专业类别, 照片); empty when nothing is missing or
 * the pack asks nothing of this kind. A field hidden by its `visibleWhen` (P6 等级 for the
 * evaluation without levels) is not asked for. A photo counts when `hasPhoto` or its value is set.
 */
export interface PrintOptions {
  readonly hasPhoto?: boolean;
  /** The holder's record: a field the pack fills from it (`lifecycle.prefill`) counts when the record has it. */
  readonly holder?: HolderFacts;
}

/** What the holder's record supplies for each prefill source, when it does. */
function fromHolder(source: PrefillSource, holder: HolderFacts | undefined): string | undefined {
  const v = source === 'holderName' ? holder?.name : source === 'idNumber' ? holder?.idNumber : source === 'creditCode' ? holder?.creditCode : undefined;
  return v === undefined || v.trim() === '' ? undefined : v;
}

export function printMissing(pack: ProgramPack, kind: ApplicationKindId, fields: FieldValues, options: PrintOptions = {}): string[] {
  const print = pack.lifecycle?.print;
  if (print === undefined || !print.kinds.includes(kind)) return [];
  const prefill = pack.lifecycle?.prefill ?? [];
  // Read as the engine reads a form: `{ ...fields, applicationKind: kind }`, without the copy.
  const values = valuesWithKind(fields, kind);
  const missing: string[] = [];
  for (const id of print.fields) {
    const field = pack.fields.find((f) => f.id === id);
    if (field === undefined) continue;
    if (field.visibleWhen && !values.holds(field.visibleWhen)) continue;
    if (field.type === 'photo' && options.hasPhoto) continue;
    if (!isBlank(values.own(id))) continue;
    if (prefill.some((p) => p.field === id && (p.kinds === undefined || p.kinds.includes(kind)) && fromHolder(p.from, options.holder) !== undefined)) continue;
    missing.push(field.label.zh);
  }
  return missing;
}

/** `printMissing` as a decision: refused with the labels, so no number is taken for a page that cannot be printed. */
export function canPrintCertificate(pack: ProgramPack, kind: ApplicationKindId, fields: FieldValues, options: PrintOptions = {}): Result<true> {
  const missing = printMissing(pack, kind, fields, options);
  if (missing.length === 0) return ok(true);
  const cite = pack.lifecycle?.print?.cite;
  return fail('certificate.not-printable', `证书无法打印，缺少${missing.join('、')}${cite ? `（${cite}）` : ''}，请先在申请表中补全，再发证。`);
}

// ---------------------------------------------------------------------------------------------
// Validity
// ---------------------------------------------------------------------------------------------

/** What is known of the certificate an application acts on: its record, or the paper's dates. */
export interface PreviousCertificate {
  readonly id?: string;
  readonly certificateNo?: string;
  readonly issuedOn?: IsoDate;
  readonly validFrom?: IsoDate;
  readonly validUntil?: IsoDate;
  readonly level?: string;
  readonly status?: Certificate['status'];
  readonly replacedBy?: string;
}

export interface IssuedValidity {
  readonly validFrom: IsoDate;
  readonly validUntil: IsoDate;
  readonly basis: ValidityBasis | 'template';
  /** The article the validity comes from, and the pack's reading where the seed is open. */
  readonly cite?: string;
  readonly reading?: string;
}

type ValidityRule = NonNullable<Lifecycle['validity']>[number];

/** The pack's validity rule for certificates issued on this kind of application. */
export function validityRuleOf(pack: ProgramPack, kind: ApplicationKindId): ValidityRule | undefined {
  return pack.lifecycle?.validity?.find((v) => v.kinds.includes(kind));
}

function previousExpiry(previous: PreviousCertificate | undefined, what: string): Result<IsoDate> {
  const until = previous?.validUntil;
  if (!isCanonicalDate(until)) return fail('certificate.previous-validity', `${what}须知道原证书的有效期截止日期，请先核对原证书。`);
  return ok(until);
}

/**
 * The validity of a certificate issued on `issuedOn` for this kind of application, as the pack
 * reads its rulebook:
 * - issued-on: N years from the issue (registration) day, 003 三 自批准或登记之日起算;
 * - after-previous: N years from the day after the old expiry, 000 第十五条一 (expiring
 *   2027-03-31, renewed on 2026-12-06 → 2027-04-01 to 2031-03-31);
 * - same-as-previous: the replaced certificate's dates, 000 第十八条 / 004 第二十二条.
 * Without a rule for the kind, the template's years from the issue day (or the typed date where
 * the rulebook gives none, P3).
 */
export function validityOnIssue(
  pack: ProgramPack,
  kind: ApplicationKindId,
  issuedOn: IsoDate,
  previous: PreviousCertificate | undefined,
  fallback: { readonly template?: CertificateTemplate; readonly validUntil?: IsoDate } = {},
): Result<IssuedValidity> {
  if (!isCanonicalDate(issuedOn)) return fail('certificate.issued-on', `发证日期“${String(issuedOn)}”无效。`);
  const rule = validityRuleOf(pack, kind);
  if (rule === undefined) {
    if (fallback.template === undefined) {
      if (fallback.validUntil === undefined) return fail('certificate.validity', `${pack.names.zh}未规定此类办理的证书有效期，请填写有效期截止日期。`);
      if (fallback.validUntil < issuedOn) return fail('certificate.validity', '有效期截止日期早于发证日期，请核对。');
      return ok({ validFrom: issuedOn, validUntil: fallback.validUntil, basis: 'template' });
    }
    const v = certificateValidity(fallback.template, { issuedOn, ...(fallback.validUntil ? { validUntil: fallback.validUntil } : {}) });
    return v.ok ? ok({ ...v.value, basis: 'template' }) : v;
  }
  const about = { cite: rule.cite, ...(rule.reading ? { reading: rule.reading.zh } : {}) };
  switch (rule.from) {
    case 'issued-on': {
      const until = expiryDate(issuedOn, rule.years ?? 0);
      return until.ok ? ok({ validFrom: issuedOn, validUntil: until.value, basis: rule.from, ...about }) : until;
    }
    case 'after-previous': {
      const old = previousExpiry(previous, '延续');
      if (!old.ok) return old;
      const from = addDays(old.value, 1);
      const until = extendedExpiry(old.value, rule.years ?? 0);
      if (!from.ok) return from;
      return until.ok ? ok({ validFrom: from.value, validUntil: until.value, basis: rule.from, ...about }) : until;
    }
    case 'same-as-previous': {
      const old = previousExpiry(previous, '补发或换发');
      if (!old.ok) return old;
      const from = previous?.validFrom ?? previous?.issuedOn ?? issuedOn;
      return ok({ validFrom: from, validUntil: old.value, basis: rule.from, ...about });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------------------------

export interface IssueRequest {
  readonly pack: ProgramPack;
  readonly application: {
    readonly id: string;
    readonly programId: string;
    readonly kind: string;
    readonly personId?: string | undefined;
    readonly organisationId?: string | undefined;
    readonly fields: FieldValues;
  };
  readonly issuedOn: IsoDate;
  /** The certificate acted on: its record when on this desk, else the paper's dates. */
  readonly previous?: PreviousCertificate;
  readonly hasPhoto: boolean;
  /** The holder's record (name, 身份证号, 信用代码) where the form leaves them to it. */
  readonly holder?: HolderFacts;
  readonly role: WorkflowRole;
  /** For packs without a validity rule for the kind. */
  readonly template?: CertificateTemplate;
  readonly validUntil?: IsoDate;
}

export interface IssuePlan {
  /** The new certificate, all but its number (taken from the device's block by the caller). */
  readonly certificate: Omit<CertificateDraft, 'certificateNo'>;
  /** How it enters the history and the register (its certificateId is the new record's). */
  readonly event: Omit<CertificateEventDraft, 'certificateId'>;
  /** The certificate it replaces: made void where the pack says, linked to the new one. */
  readonly previous?: {
    readonly id: string;
    readonly patch: Partial<CertificateDraft>;
    readonly event?: Omit<CertificateEventDraft, 'certificateId' | 'otherCertificateId'>;
  };
  /** 004 第二十一条 换发: the holder's record takes the new values too (change.ts personPatch / organisationPatch). */
  readonly holderPatch?: Partial<Record<HolderField, string>>;
  readonly validity: IssuedValidity;
}

const isKind = (pack: ProgramPack, kind: string): kind is ApplicationKindId => pack.applicationKinds.some((k) => k.id === kind);

const ENDED_PREVIOUS: Readonly<Partial<Record<Certificate['status'], string>>> = {
  void: '已作废',
  cancelled: '已注销',
  revoked: '已撤销',
  suspended: '已暂停',
};

/**
 * Everything the issuing path writes, decided at once; refused (nothing is written, no number
 * is taken) when the certificate cannot be printed, the certificate it replaces has ended, or
 * its validity cannot be worked out.
 */
export function planIssue(req: IssueRequest): Result<IssuePlan> {
  const { pack, application, previous } = req;
  const kind = application.kind;
  if (!isKind(pack, kind)) return fail('certificate.kind', `${pack.names.zh}没有“${kind}”这类办理。`);
  const printable = canPrintCertificate(pack, kind, application.fields, { hasPhoto: req.hasPhoto, ...(req.holder ? { holder: req.holder } : {}) });
  if (!printable.ok) return printable;
  const replacement = pack.lifecycle?.replacements?.find((r) => r.kinds.includes(kind));
  if (previous?.id !== undefined) {
    const ended = ENDED_PREVIOUS[previous.status ?? 'valid'];
    if (ended !== undefined) return fail('certificate.previous-ended', `原证书${previous.certificateNo ?? ''}${ended}，不能据此发证。`);
    if (replacement !== undefined && previous.replacedBy !== undefined) {
      return fail('certificate.previous-replaced', `原证书${previous.certificateNo ?? ''}已由另一份证书接替，请从最新的证书办理。`);
    }
  }
  const validity = validityOnIssue(pack, kind, req.issuedOn, previous, {
    ...(req.template ? { template: req.template } : {}),
    ...(req.validUntil ? { validUntil: req.validUntil } : {}),
  });
  if (!validity.ok) return validity;
  const v = validity.value;

  const levelField = pack.lifecycle?.levelField;
  const levelValue = levelField === undefined ? undefined : valuesWithKind(application.fields, kind).own(levelField);
  const typedLevel = typeof levelValue === 'string' ? levelValue.trim() : '';
  const level = typedLevel !== '' ? typedLevel : replacement !== undefined ? previous?.level : undefined;
  const certificate: Omit<CertificateDraft, 'certificateNo'> = {
    programId: pack.id,
    applicationId: application.id,
    applicationKind: kind,
    ...(application.personId ? { holderPersonId: application.personId } : {}),
    ...(application.organisationId ? { holderOrganisationId: application.organisationId } : {}),
    issuedOn: req.issuedOn,
    ...(v.validFrom !== req.issuedOn ? { validFrom: v.validFrom } : {}),
    validUntil: v.validUntil,
    status: 'valid',
    ...(level ? { level } : {}),
    ...(replacement !== undefined && previous?.id !== undefined ? { replaces: previous.id } : {}),
  };
  const eventKind = replacement?.event ?? 'issued';
  const event: Omit<CertificateEventDraft, 'certificateId'> = {
    kind: eventKind,
    on: req.issuedOn,
    applicationId: application.id,
    role: req.role,
    validUntil: v.validUntil,
    ...(previous?.validUntil !== undefined && replacement !== undefined ? { validUntilBefore: previous.validUntil } : {}),
    ...(previous?.id !== undefined && replacement !== undefined ? { otherCertificateId: previous.id } : {}),
    ...(v.reading ? { reason: `${v.cite ?? ''}：${v.reading}` } : {}),
  };
  const holder = pack.lifecycle?.change?.kinds.includes(kind) ? holderChanges(pack, kind, application.fields) : {};
  const plan: IssuePlan = {
    certificate,
    event,
    validity: v,
    ...(Object.keys(holder).length > 0 ? { holderPatch: holder } : {}),
    ...(replacement !== undefined && previous?.id !== undefined
      ? {
          previous: {
            id: previous.id,
            patch: replacement.previous === 'void' ? { status: 'void' } : {},
            ...(replacement.previous === 'void'
              ? {
                  event: {
                    kind: 'voided',
                    on: req.issuedOn,
                    applicationId: application.id,
                    role: req.role,
                    reason: `${eventKind === 'exchanged' ? '换发' : '补发'}新证书，原证书编号作废（${replacement.cite}）。`,
                  },
                }
              : {}),
          },
        }
      : {}),
  };
  return ok(plan);
}

/** The plan's writes once the new certificate has its id: the previous one's patch and every event. */
export function issueWrites(plan: IssuePlan, newCertificateId: string): {
  readonly previous?: { readonly id: string; readonly patch: Partial<CertificateDraft> };
  readonly events: readonly CertificateEventDraft[];
} {
  const events: CertificateEventDraft[] = [{ ...plan.event, certificateId: newCertificateId }];
  const p = plan.previous;
  if (p === undefined) return { events };
  if (p.event) events.push({ ...p.event, certificateId: p.id, otherCertificateId: newCertificateId });
  return { previous: { id: p.id, patch: { ...p.patch, replacedBy: newCertificateId } }, events };
}
