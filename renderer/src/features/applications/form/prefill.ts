/**
 * Filling blank form fields from what the clerk already entered elsewhere on the screen: the
 * chosen applicant (姓名, 身份证号, 性别, 出生年月, 联系电话; for an organisation 单位名称 and its
 * 统一社会信用代码) and the intake details (提交方式,
 * 收件日期), so the paper form's top lines are not typed twice. Only blank fields of the kind are
 * filled, only with a value of the field's type (an enum only with one of its options); the
 * clerk can still change them. Nothing here decides anything: the engine checks the result.
 */
import type { Organisation, Person } from '../../../../../shared/model/records';
import { fieldsFor, isBlank } from '../../../../../shared/engine/fields';
import { parseIdNumber } from '../../../../../shared/rules/id-number';
import { todayIso } from '../../../today';
import type { ApplicationKindId, FieldDef, ProgramPack } from '../../../../../shared/programs/schema';

type Values = Readonly<Record<string, unknown>>;

function put(out: Record<string, unknown>, def: FieldDef | undefined, value: unknown): void {
  if (def === undefined || value === undefined || !isBlank(out[def.id])) return;
  if (def.type === 'enum' && !(def.enum ?? []).some((o) => o.value === value)) return;
  out[def.id] = value;
}

function byId(pack: ProgramPack, kind: ApplicationKindId): Map<string, FieldDef> {
  return new Map(fieldsFor(pack, kind).filter((f) => !f.computed).map((f) => [f.id, f]));
}

const SEX_ZH = { male: '男', female: '女' } as const;

/** Blank fields filled from the applicant's record. */
export function prefillFromPerson(pack: ProgramPack, kind: ApplicationKindId, values: Values, person: Person): Record<string, unknown> {
  const out = { ...values };
  const defs = byId(pack, kind);
  const typed = (id: string, type: FieldDef['type']) => (defs.get(id)?.type === type ? defs.get(id) : undefined);
  put(out, typed('name', 'text'), person.name);
  put(out, typed('idNumber', 'id-number'), person.idNumber);
  // 性别 and 出生年月 from the record, else from the 身份证号码 itself (GB 11643: birth date and sex inside).
  const fromId = parseIdNumber(person.idNumber, { today: todayIso() });
  const sex = person.sex ?? (fromId.ok ? fromId.value.sex : undefined);
  const birthDate = person.birthDate ?? (fromId.ok ? fromId.value.birthDate : undefined);
  if (sex) put(out, typed('sex', 'enum'), SEX_ZH[sex]);
  if (birthDate) put(out, typed('birthMonth', 'year-month'), birthDate.slice(0, 7));
  if (person.phone) put(out, typed('phone', 'phone'), person.phone);
  return out;
}

/**
 * Blank 性别 and 出生年月 filled from the 身份证号码 typed on the form itself (GB 11643: the birth
 * date and the sex are inside it); a value already there is left for the cross-check to judge.
 */
export function prefillFromIdNumber(pack: ProgramPack, kind: ApplicationKindId, values: Values): Record<string, unknown> {
  const out = { ...values };
  const defs = byId(pack, kind);
  if (defs.get('idNumber')?.type !== 'id-number') return out;
  const fromId = parseIdNumber(values['idNumber'], { today: todayIso() });
  if (!fromId.ok) return out;
  const typed = (id: string, type: FieldDef['type']) => (defs.get(id)?.type === type ? defs.get(id) : undefined);
  put(out, typed('sex', 'enum'), SEX_ZH[fromId.value.sex]);
  put(out, typed('birthMonth', 'year-month'), fromId.value.birthDate.slice(0, 7));
  return out;
}

/** The field ids an organisation's name is filed under in the packs' forms (单位名称). */
const ORGANISATION_NAME_FIELDS = ['organisationName', 'enterpriseName'] as const;

/** Blank fields filled from the applicant organisation's record: 单位名称, 统一社会信用代码, 联系人, 电话. */
export function prefillFromOrganisation(pack: ProgramPack, kind: ApplicationKindId, values: Values, organisation: Organisation): Record<string, unknown> {
  const out = { ...values };
  const defs = byId(pack, kind);
  for (const id of ORGANISATION_NAME_FIELDS) if (defs.get(id)?.type === 'text') put(out, defs.get(id), organisation.name);
  const code = [...defs.values()].find((d) => d.type === 'credit-code');
  put(out, code, organisation.creditCode);
  if (organisation.contact) put(out, defs.get('contactPerson')?.type === 'text' ? defs.get('contactPerson') : undefined, organisation.contact);
  if (organisation.phone) put(out, defs.get('contactPhone')?.type === 'phone' ? defs.get('contactPhone') : undefined, organisation.phone);
  return out;
}

/** 提交方式 as the intake records it, in the words a pack's option may use. */
const CHANNEL_WORDS: Readonly<Record<string, readonly string[]>> = {
  unit: ['单位提出'],
  individual: ['个人提出'],
  website: ['网站'],
  email: ['电子邮件', '邮件'],
  counter: ['窗口', '现场'],
  post: ['邮寄'],
};

/** Blank fields filled from the intake: the channel (where a field's option says the same) and the received date. */
export function prefillFromIntake(
  pack: ProgramPack,
  kind: ApplicationKindId,
  values: Values,
  intake: { readonly channel?: string | undefined; readonly receivedDate?: string | undefined },
): Record<string, unknown> {
  const out = { ...values };
  const defs = byId(pack, kind);
  const words = intake.channel === undefined ? [] : (CHANNEL_WORDS[intake.channel] ?? []);
  if (words.length > 0) {
    for (const def of defs.values()) {
      if (def.type !== 'enum' || !isBlank(out[def.id])) continue;
      const option = (def.enum ?? []).find((o) => words.some((w) => o.value.includes(w)));
      if (option) out[def.id] = option.value;
    }
  }
  const received = defs.get('receivedOn');
  if (received?.type === 'date' && intake.receivedDate !== undefined) put(out, received, intake.receivedDate);
  return out;
}
