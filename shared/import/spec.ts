/**
 * What a kind of file holds, for one program: its columns (what each fills, how it is read, the
 * headers it goes by) and what its rows become. Built from the pack — the form's fields with
 * their labels, types, options, validators and bounds, plus the pack's `imports` entry with the
 * program's own header synonyms and option spellings — so nothing here names a program.
 *
 * `applicants` is offered for every program whose applicant is a person: one column per field of
 * its first applicant-filed kind that a cell can hold. A pack's own `imports` entries (P4 花名册,
 * P3 管理人员证书, P5 人才库) add the rest.
 */
import { IMPORT_KINDS, type ImportKind } from '../model/records';
import type { ValidatorName } from '../programs/rule-refs';
import type { ApplicationKindId, FieldDef, ImportCreates, ImportDef, LocalizedText, ProgramPack, TableColumn } from '../programs/schema';
import { ok, type Result } from '../rules/result';
import type { ProgramId, StateId } from '../programs/ids';
import { importFail } from './errors';
import { normaliseHeader, SHARED_HEADERS } from './synonyms';

export type ValueType =
  /** Read and dropped (序号). */
  | 'ignored'
  | 'text'
  /** Line breaks kept. */
  | 'textarea'
  /** A person's name: no spaces between Chinese characters ("张  三" is 张三). */
  | 'name'
  | 'id-number'
  /** 男/女, checked against the 身份证号. */
  | 'sex'
  | 'year-month'
  | 'date'
  /** A full date or only a month (a register's 取得时间). */
  | 'date-or-month'
  | 'year'
  | 'number'
  | 'money'
  | 'enum'
  | 'boolean'
  /** Text checked by a shared rule (phone, postal code, credit code). */
  | 'validated'
  /** A row of one of the pack's catalogues, by its name. */
  | 'catalogue'
  /** One column per year under a group header, into a table of year and result. */
  | 'per-year';

export interface ImportColumnSpec {
  /** What the column fills: a field id (a table column's id for table rows) or an own target. */
  readonly key: string;
  /** 'field': a field of the form (or table), stored as such; 'own': read for the import itself. */
  readonly stored: 'field' | 'own';
  readonly label: LocalizedText;
  /** Normalised headers it goes by, the field's own label first. */
  readonly headers: readonly string[];
  readonly type: ValueType;
  /** Blank → a row error (the identity columns); other required fields blank → a warning. */
  readonly required: 'always' | 'form' | 'no';
  readonly options?: readonly string[];
  /** Normalised spelling → option. */
  readonly values?: Readonly<Record<string, string>>;
  readonly catalogue?: readonly string[];
  readonly validator?: ValidatorName;
  readonly min?: number;
  readonly max?: number;
  readonly maxLength?: number;
  readonly perYear?: { readonly yearColumn: string; readonly resultColumn: string };
  /** Options that need an explanation in another field (002 附件4 四 3: 其它类企业 → 备注). */
  readonly remarks?: Readonly<Record<string, { readonly field: string; readonly label: string }>>;
}

export interface ImportSpec {
  readonly programId: ProgramId;
  readonly kind: ImportKind;
  readonly names: LocalizedText;
  readonly creates: ImportCreates;
  readonly applicationKind: ApplicationKindId;
  /** For table rows: the table field. */
  readonly table?: string;
  readonly columns: readonly ImportColumnSpec[];
  /** The keys naming the person a row is about (absent when rows are not people). */
  readonly person: { readonly name: string; readonly idNumber: string; readonly phone?: string } | undefined;
  /** Columns whose blankness together marks a row that is not data (a note, a total line). */
  readonly keyColumns: readonly string[];
  /** For applications: the workflow's initial state of `applicationKind`. */
  readonly initialStatus?: StateId;
  /** For certificates: the validity in years, when the pack has one. */
  readonly validityYears?: number;
}

/** A register's 登记类别 (003 47号 三, 四, 八, 十) and what it means for the certificate. */
export const REGISTRATION_KINDS: Readonly<Record<string, 'valid' | 'cancelled'>> = {
  首次登记: 'valid',
  再次登记: 'valid',
  延期登记: 'valid',
  注销登记: 'cancelled',
};

const OWN_TARGETS: Readonly<Record<string, Omit<ImportColumnSpec, 'key' | 'headers' | 'stored'>>> = {
  rowNo: { label: { zh: '序号', en: 'No.' }, type: 'ignored', required: 'no' },
  sex: { label: { zh: '性别', en: 'Sex' }, type: 'sex', required: 'no' },
  registrationKind: { label: { zh: '登记类别', en: 'Registration kind' }, type: 'enum', required: 'no', options: Object.keys(REGISTRATION_KINDS) },
  registeredOn: { label: { zh: '登记日期', en: 'Registered on' }, type: 'date', required: 'no' },
  validUntil: { label: { zh: '有效期至', en: 'Valid until' }, type: 'date', required: 'no' },
  educationHours: { label: { zh: '继续教育学时', en: 'Education hours' }, type: 'number', required: 'no', min: 0, max: 10_000 },
};

/** Field types a cell can hold, and how each is read. */
function valueTypeOf(field: FieldDef | TableColumn): ValueType | undefined {
  switch (field.type) {
    case 'text':
      return field.id === 'name' || field.id === 'personName' ? 'name' : 'text';
    case 'textarea':
      return 'textarea';
    case 'id-number':
      return 'id-number';
    case 'year-month':
      return 'year-month';
    case 'date':
      return 'date';
    case 'year':
      return 'year';
    case 'number':
      return 'number';
    case 'money':
      return 'money';
    case 'enum':
      return field.id === 'sex' ? 'sex' : 'enum';
    case 'boolean':
      return 'boolean';
    case 'phone':
    case 'postal-code':
    case 'credit-code':
      return 'validated';
    case 'catalogue-ref':
      return 'catalogue';
    default:
      // photo, signature, endorsement, table: not a cell.
      return undefined;
  }
}

const appliesTo = (kinds: FieldDef['kinds'], kind: ApplicationKindId): boolean => kinds === 'all' || kinds.includes(kind);

function headersFor(key: string, label: string, extra: readonly string[] | undefined): string[] {
  const all = [label, ...(extra ?? []), ...(SHARED_HEADERS[key] ?? [])].map(normaliseHeader).filter((h) => h !== '');
  return [...new Set(all)];
}

function columnOf(field: FieldDef | TableColumn, pack: ProgramPack, def: ImportDef['columns'][number] | undefined, identity: ReadonlySet<string>): ImportColumnSpec | undefined {
  const type = def?.perYear !== undefined ? 'per-year' : valueTypeOf(field);
  if (type === undefined) return undefined;
  if (field.computed !== undefined) return undefined;
  const values: Record<string, string> = {};
  for (const [written, option] of Object.entries(def?.values ?? {})) values[normaliseValue(written)] = option;
  const remarks: Record<string, { field: string; label: string }> = {};
  for (const o of field.enum ?? []) {
    if (o.requiresRemark === undefined) continue;
    const other = pack.fields.find((f) => f.id === o.requiresRemark);
    remarks[o.value] = { field: o.requiresRemark, label: other?.label.zh ?? o.requiresRemark };
  }
  const catalogue = field.catalogue === undefined ? undefined : pack.catalogues?.find((c) => c.id === field.catalogue)?.rows.map((r) => r.name);
  return {
    key: field.id,
    stored: 'field',
    label: field.label,
    headers: headersFor(field.id, field.label.zh, def?.headers),
    type,
    required: identity.has(field.id) ? 'always' : field.required ? 'form' : 'no',
    ...(field.enum ? { options: field.enum.map((o) => o.value) } : {}),
    ...(Object.keys(values).length > 0 ? { values } : {}),
    ...(catalogue ? { catalogue } : {}),
    ...(field.validator ? { validator: field.validator } : {}),
    ...(field.min !== undefined ? { min: field.min } : {}),
    ...(field.max !== undefined ? { max: field.max } : {}),
    ...(def?.perYear ? { perYear: def.perYear } : {}),
    ...(Object.keys(remarks).length > 0 ? { remarks } : {}),
  };
}

/** A value as compared with options and catalogue names: half-width, no spaces, no bracketed notes. */
export function normaliseValue(text: string): string {
  return normaliseHeader(text);
}

/** The kinds of file this program can import. */
export function importKindsOf(pack: ProgramPack): ImportKind[] {
  const declared = new Set((pack.imports ?? []).map((d) => d.kind));
  if (pack.applicantKind === 'person') declared.add('applicants');
  return IMPORT_KINDS.filter((k) => declared.has(k));
}

/** The applicants import a person program gets without declaring one. */
function applicantsDef(pack: ProgramPack): ImportDef | undefined {
  const kind = pack.applicationKinds.find((k) => k.initiatedBy === 'applicant');
  if (kind === undefined) return undefined;
  const columns = pack.fields.filter((f) => appliesTo(f.kinds, kind.id) && valueTypeOf(f) !== undefined && f.computed === undefined).map((f) => ({ target: f.id }));
  return {
    kind: 'applicants',
    names: { zh: '申报人员名单', en: 'Applicant list' },
    creates: 'applications',
    applicationKind: kind.id,
    columns: [{ target: 'rowNo' }, ...columns],
    cite: kind.cite,
  };
}

export function importSpecFor(pack: ProgramPack, kind: ImportKind): Result<ImportSpec> {
  const def = pack.imports?.find((d) => d.kind === kind) ?? (kind === 'applicants' && pack.applicantKind === 'person' ? applicantsDef(pack) : undefined);
  if (def === undefined) return importFail('import.kind', `“${pack.names.zh}”没有这种导入。`);
  const candidates: readonly (FieldDef | TableColumn)[] =
    def.creates === 'table-rows' ? (pack.fields.find((f) => f.id === def.table)?.columns ?? []) : pack.fields.filter((f) => appliesTo(f.kinds, def.applicationKind));
  const has = (id: string): boolean => candidates.some((f) => f.id === id);
  const nameKey = has('name') ? 'name' : has('personName') ? 'personName' : undefined;
  const idKey = candidates.find((f) => f.type === 'id-number')?.id;
  const isPeople = nameKey !== undefined && idKey !== undefined;
  const identity = new Set<string>(isPeople ? [nameKey, idKey] : []);
  if (def.creates === 'certificates') identity.add('certificateNo');

  const columns: ImportColumnSpec[] = [];
  for (const c of def.columns) {
    const field = candidates.find((f) => f.id === c.target);
    if (field !== undefined) {
      const column = columnOf(field, pack, c, identity);
      if (column !== undefined) columns.push(column);
      continue;
    }
    const own = OWN_TARGETS[c.target];
    if (own !== undefined) columns.push({ ...own, key: c.target, stored: 'own', headers: headersFor(c.target, own.label.zh, c.headers) });
  }
  // A register's 取得时间 is often a month only; the certificate's start is its registration date.
  const typed = def.creates === 'certificates' ? columns.map((c) => (c.type === 'date' && c.key !== 'registeredOn' && c.key !== 'validUntil' ? { ...c, type: 'date-or-month' as const } : c)) : columns;
  const phone = candidates.find((f) => f.type === 'phone' && typed.some((c) => c.key === f.id))?.id;
  const workflow = pack.workflows[def.applicationKind];
  const initialStatus = workflow?.states.find((s) => s.kind === 'initial')?.id;
  return ok({
    programId: pack.id,
    kind,
    names: def.names,
    creates: def.creates,
    applicationKind: def.applicationKind,
    ...(def.table !== undefined ? { table: def.table } : {}),
    columns: typed,
    person: isPeople ? { name: nameKey, idNumber: idKey, ...(phone !== undefined ? { phone } : {}) } : undefined,
    keyColumns: [...identity],
    ...(def.creates === 'applications' && initialStatus !== undefined ? { initialStatus } : {}),
    ...(def.creates === 'certificates' && pack.validity !== undefined ? { validityYears: pack.validity.years } : {}),
  });
}
