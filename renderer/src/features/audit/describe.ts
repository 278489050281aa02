/**
 * The audit trail read back for people: each entry as who did what to which record, when and why,
 * with secrets never shown and values in the clerk's words (state names, material names, users).
 */
import type { SyncedTable, User } from '../../../../shared/model/records';
import type { AuditEntry } from '../../../../shared/sync/operation';
import { getPack, type ProgramPack } from '../../../../shared/programs';
import { isCanonicalDate, type IsoDate } from '../../../../shared/rules/civil-date';
import type { WorkflowDefinition } from '../../../../shared/workflow/definition';
import { ROUTING_LEVELS, type RoutingLevelId } from '../../../../shared/workflow/routing';
import type { DeskDatabase } from '../../db/database';
import { messages, translate, type Locale, type MessageKey } from '../../i18n/messages';
import { formatIsoDate } from '../../i18n/format';
import { FIRST_RUN_USER_ID } from '../../auth/users';
import { stateOf, workflowOf } from '../../../../shared/workflow/lookup';
import { langOf } from '../../i18n';
import { ruleText } from '../../i18n/rule-text';

// ---------------------------------------------------------------------------------------------
// Audit trail, read back for people
// ---------------------------------------------------------------------------------------------

/** Fields never shown: secrets, and bookkeeping the entry itself already says (who, when). */
const HIDDEN_FIELDS: ReadonlySet<string> = new Set([
  'passwordHash',
  'passwordSalt',
  'id',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
]);

/** Fields that name the application a related record belongs to: the view is already about it. */
const LINK_FIELDS: ReadonlySet<string> = new Set(['applicationId']);

export interface AuditLookup {
  /** Records by `${table}:${id}` (deleted ones too: their history stays readable). */
  readonly records: ReadonlyMap<string, Record<string, unknown>>;
  /** Users by id, for display names. */
  readonly users: ReadonlyMap<string, User>;
}

export interface AuditChange {
  readonly field: string;
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

export interface AuditRow {
  readonly entry: AuditEntry;
  /** The user's display name, or their id when the user record is not on this desk. */
  readonly user: string;
  /** e.g. 新建, 修改, 删除, 处理冲突. */
  readonly action: string;
  /** What record, e.g. 材料“身份证明”. */
  readonly target: string;
  /** The application the record belongs to, for a link. */
  readonly applicationId?: string;
  readonly changes: readonly AuditChange[];
}

const key = (table: string, id: string): string => `${table}:${id}`;

type T = (k: MessageKey, vars?: Record<string, string | number>) => string;

/** A key built at run time (a field or value name): its text, or `fallback` when there is none. */
function dynamic(locale: Locale, k: string, fallback: string): string {
  const text = (messages[locale] as Record<string, string | undefined>)[k];
  return text === undefined ? fallback : text;
}

function packOfRecord(table: SyncedTable, record: Record<string, unknown> | undefined, lookup: AuditLookup): { pack?: ProgramPack; application?: Record<string, unknown> } {
  if (record === undefined) return {};
  let application: Record<string, unknown> | undefined;
  if (table === 'applications') application = record;
  else if (typeof record['applicationId'] === 'string') application = lookup.records.get(key('applications', record['applicationId']));
  const programId = typeof application?.['programId'] === 'string' ? application['programId'] : typeof record['programId'] === 'string' ? record['programId'] : undefined;
  const pack = programId === undefined ? undefined : getPack(programId);
  return { ...(pack ? { pack } : {}), ...(application ? { application } : {}) };
}

function definitionFor(pack: ProgramPack | undefined, application: Record<string, unknown> | undefined): WorkflowDefinition | undefined {
  const kind = application?.['kind'];
  return typeof kind === 'string' ? workflowOf(pack, kind) : undefined;
}

function stateName(definition: WorkflowDefinition | undefined, id: unknown, lang: 'zh' | 'en'): string | undefined {
  if (typeof id !== 'string') return undefined;
  return stateOf(definition, id)?.name[lang];
}

/**
 * A scoring item's name for its id (`basic-knowledge` → 基础知识), from the pack's self-score
 * sheet and its panel's sheets: every `{ id, name: { zh, en } }` there.
 */
function itemNames(pack: ProgramPack | undefined, lang: 'zh' | 'en'): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    const name = o['name'] as Record<string, unknown> | undefined;
    if (typeof o['id'] === 'string' && typeof name?.[lang] === 'string' && !names.has(o['id'])) names.set(o['id'], name[lang]);
    Object.values(o).forEach(walk);
  };
  walk(pack?.scoring);
  walk(pack?.panel);
  return names;
}

function plain(value: unknown, locale: Locale, t: T, names: ReadonlyMap<string, string> = new Map()): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('workflow.value.yes') : t('workflow.value.no');
  if (typeof value === 'number') return String(value);
  // A stored enum value (the seed's word) reads as its label in English.
  if (typeof value === 'string') return isCanonicalDate(value) ? formatIsoDate(value, locale) : ruleText(value, locale);
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) return value.map((v) => plain(v, locale, t)).join(locale === 'zh-CN' ? '、' : ', ');
    return t('workflow.value.rows', { count: value.length });
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !HIDDEN_FIELDS.has(k))
      // Scores are keyed by item id: shown by the item's name, never the id.
      .map(([k, v]) => `${names.get(k) ?? k}${locale === 'zh-CN' ? '：' : ': '}${plain(v, locale, t, names)}`)
      .join(locale === 'zh-CN' ? '；' : '; ');
  }
  return String(value);
}

function valueText(
  table: SyncedTable,
  field: string,
  value: unknown,
  ctx: { definition: WorkflowDefinition | undefined; pack: ProgramPack | undefined; locale: Locale; t: T; lookup: AuditLookup },
): string {
  const lang = langOf(ctx.locale);
  const { t } = ctx;
  if (value === undefined || value === null || value === '') return '—';
  if (table === 'applications' && field === 'status') return stateName(ctx.definition, value, lang) ?? String(value);
  if (table === 'workflowEvents' && (field === 'from' || field === 'to')) return stateName(ctx.definition, value, lang) ?? String(value);
  // A panel record's stage is the workflow state the panel sits in (待现场答辩, never awaiting-defense).
  if (field === 'stage' && typeof value === 'string') {
    const named = stateName(ctx.definition, value, lang) ?? Object.values(ctx.pack?.workflows ?? {}).map((w) => stateName(w, value, lang)).find((n) => n !== undefined);
    if (named !== undefined) return named;
  }
  if (table === 'workflowEvents' && field === 'transitionId') {
    return ctx.definition?.transitions.find((x) => x.id === value)?.label[lang] ?? String(value);
  }
  if (field === 'role' && typeof value === 'string') return dynamic(ctx.locale, `workflow.role.${value}`, value);
  if (table === 'applications' && field === 'channel' && typeof value === 'string') return dynamic(ctx.locale, `workflow.channel.${value}`, value);
  if (table === 'applications' && field === 'programId' && typeof value === 'string') return getPack(value)?.names[lang] ?? value;
  if (table === 'applications' && field === 'kind' && typeof value === 'string') {
    return ctx.pack?.applicationKinds.find((k) => k.id === value)?.names[lang] ?? value;
  }
  if (table === 'materials' && field === 'status' && typeof value === 'string') return dynamic(ctx.locale, `workflow.material.${value}`, value);
  if (table === 'materials' && field === 'itemId' && typeof value === 'string') {
    return ctx.pack?.checklist.find((i) => i.id === value)?.name[lang] ?? value;
  }
  if (table === 'routingOpinions' && field === 'level' && typeof value === 'string') {
    return ROUTING_LEVELS[value as RoutingLevelId]?.[lang] ?? value;
  }
  if (table === 'routingOpinions' && field === 'opinion' && typeof value === 'string') return dynamic(ctx.locale, `workflow.routing.${value}`, value);
  if (table === 'objections' && field === 'status' && typeof value === 'string') return dynamic(ctx.locale, `workflow.objection.${value}`, value);
  if (table === 'educationRecords' && field === 'hoursTenths' && typeof value === 'number') return String(value / 10);
  if ((field === 'personId' || field === 'holderPersonId') && typeof value === 'string') {
    const person = ctx.lookup.records.get(key('people', value));
    if (typeof person?.['name'] === 'string') return person['name'];
  }
  if ((field === 'organisationId' || field === 'holderOrganisationId') && typeof value === 'string') {
    const org = ctx.lookup.records.get(key('organisations', value));
    if (typeof org?.['name'] === 'string') return org['name'];
  }
  return plain(value, ctx.locale, t, itemNames(ctx.pack, lang));
}

function fieldLabel(table: SyncedTable, field: string, pack: ProgramPack | undefined, locale: Locale): string {
  const lang = langOf(locale);
  if (field.startsWith('fields.')) {
    const id = field.slice('fields.'.length);
    return pack?.fields.find((f) => f.id === id)?.label[lang] ?? id;
  }
  return dynamic(locale, `workflow.field.${table}.${field}`, dynamic(locale, `workflow.field.${field}`, field));
}

function targetText(table: SyncedTable, recordId: string, record: Record<string, unknown> | undefined, pack: ProgramPack | undefined, locale: Locale, t: T, definition: WorkflowDefinition | undefined): string {
  const lang = langOf(locale);
  const tableName = dynamic(locale, `workflow.table.${table}`, table);
  if (record === undefined) return `${tableName}（${recordId.slice(-8)}）`;
  const str = (k: string): string | undefined => (typeof record[k] === 'string' && record[k] !== '' ? (record[k] as string) : undefined);
  let name: string | undefined;
  switch (table) {
    case 'applications':
      name = str('applicationNo');
      break;
    case 'materials': {
      const itemId = str('itemId');
      name = itemId === undefined ? undefined : (pack?.checklist.find((i) => i.id === itemId)?.name[lang] ?? itemId);
      break;
    }
    case 'workflowEvents': {
      const id = str('transitionId');
      name = id === undefined ? undefined : (definition?.transitions.find((x) => x.id === id)?.label[lang] ?? id);
      break;
    }
    case 'routingOpinions': {
      const level = str('level');
      name = level === undefined ? undefined : (ROUTING_LEVELS[level as RoutingLevelId]?.[lang] ?? level);
      break;
    }
    case 'objections':
      name = str('raisedOn') === undefined ? undefined : formatIsoDate(str('raisedOn')!, locale);
      break;
    case 'attachments':
      name = str('fileName');
      break;
    case 'educationRecords':
      name = [str('date') && formatIsoDate(str('date')!, locale), str('content')].filter(Boolean).join(' ');
      break;
    case 'publicities':
      name = str('title');
      break;
    case 'people':
    case 'organisations':
      name = str('name');
      break;
    case 'users':
      name = str('displayName');
      break;
    case 'certificates':
      name = str('certificateNo');
      break;
    case 'reviews':
      name = str('reviewer');
      break;
  }
  return name === undefined || name === '' ? tableName : t('workflow.target', { table: tableName, name });
}

/**
 * Turns an audit entry into what a person reads: who, what action on which record, and each
 * changed field as old → new with labels and formatted values. The entry is never changed.
 * A change of the application's `fields` is shown per form field.
 */
export function describeAuditEntry(entry: AuditEntry, lookup: AuditLookup, locale: Locale): AuditRow {
  const t: T = (k, vars) => translate(locale, k, vars);
  const record = lookup.records.get(key(entry.table, entry.recordId));
  const { pack, application } = packOfRecord(entry.table, record, lookup);
  const definition = definitionFor(pack, application);
  const ctx = { definition, pack, locale, t, lookup };
  const changes: AuditChange[] = [];
  for (const [field, pair] of Object.entries(entry.changes)) {
    if (HIDDEN_FIELDS.has(field) || (entry.table !== 'applications' && LINK_FIELDS.has(field))) continue;
    const [before, after] = pair;
    if (entry.table === 'applications' && field === 'fields') {
      const b = (before ?? {}) as Record<string, unknown>;
      const a = (after ?? {}) as Record<string, unknown>;
      for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
        if (HIDDEN_FIELDS.has(k) || JSON.stringify(b[k]) === JSON.stringify(a[k])) continue;
        const f = `fields.${k}`;
        changes.push({ field: f, label: fieldLabel(entry.table, f, pack, locale), from: valueText(entry.table, f, b[k], ctx), to: valueText(entry.table, f, a[k], ctx) });
      }
      continue;
    }
    if (entry.action === 'delete' && field === 'deleted') continue;
    changes.push({ field, label: fieldLabel(entry.table, field, pack, locale), from: valueText(entry.table, field, before, ctx), to: valueText(entry.table, field, after, ctx) });
  }
  const user = lookup.users.get(entry.userId);
  const applicationId =
    entry.table === 'applications' ? entry.recordId : typeof record?.['applicationId'] === 'string' ? (record['applicationId'] as string) : undefined;
  return {
    entry,
    // The first administrator is created before anyone can sign in (auth/users.ts).
    user: user?.displayName ?? (entry.userId === FIRST_RUN_USER_ID ? (locale === 'en' ? 'First-run setup' : '首次设置') : entry.userId),
    action: dynamic(locale, `workflow.action.${entry.action}`, entry.action),
    target: targetText(entry.table, entry.recordId, record, pack, locale, t, definition),
    ...(applicationId === undefined ? {} : { applicationId }),
    changes,
  };
}

const byTime = (a: AuditEntry, b: AuditEntry): number => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

async function usersById(database: DeskDatabase): Promise<Map<string, User>> {
  return new Map((await database.users.toArray()).map((u) => [u.id, u]));
}

/** Loads the records the entries name (and the applications they belong to), deleted ones included. */
export async function lookupFor(database: DeskDatabase, entries: readonly AuditEntry[]): Promise<AuditLookup> {
  const records = new Map<string, Record<string, unknown>>();
  const byTable = new Map<SyncedTable, Set<string>>();
  const want = (table: SyncedTable, id: string): void => {
    if (records.has(key(table, id))) return;
    let set = byTable.get(table);
    if (set === undefined) byTable.set(table, (set = new Set()));
    set.add(id);
  };
  const fetch = async (): Promise<void> => {
    const pending = [...byTable.entries()];
    byTable.clear();
    await Promise.all(
      pending.map(async ([table, ids]) => {
        const rows = await database.table(table).bulkGet([...ids]);
        rows.forEach((row, i) => {
          if (row) records.set(key(table, [...ids][i]!), row as Record<string, unknown>);
        });
      }),
    );
  };
  for (const e of entries) want(e.table, e.recordId);
  await fetch();
  // Second round: the applications related records belong to, and the people/organisations they name.
  for (const record of [...records.values()]) {
    if (typeof record['applicationId'] === 'string') want('applications', record['applicationId']);
    if (typeof record['personId'] === 'string') want('people', record['personId']);
    if (typeof record['organisationId'] === 'string') want('organisations', record['organisationId']);
  }
  for (const e of entries) {
    for (const f of ['personId', 'organisationId'] as const) {
      const v = e.changes[f]?.[1] ?? e.changes[f]?.[0];
      if (typeof v === 'string') want(f === 'personId' ? 'people' : 'organisations', v);
    }
  }
  await fetch();
  return { records, users: await usersById(database) };
}

/**
 * The audit entries of an application and of every record about it — materials, workflow
 * events, routing opinions, objections, attachments, reviews, its education rows and the
 * publicities that listed it — deleted records included, oldest first.
 */
export async function loadApplicationAudit(database: DeskDatabase, applicationId: string): Promise<AuditEntry[]> {
  const [materials, events, opinions, objections, attachments, reviews, education, publicities] = await Promise.all([
    database.materials.where('applicationId').equals(applicationId).primaryKeys(),
    database.workflowEvents.where('applicationId').equals(applicationId).primaryKeys(),
    database.routingOpinions.where('applicationId').equals(applicationId).primaryKeys(),
    database.objections.where('applicationId').equals(applicationId).primaryKeys(),
    database.attachments.where('applicationId').equals(applicationId).primaryKeys(),
    database.reviews.where('applicationId').equals(applicationId).primaryKeys(),
    database.educationRecords.where('applicationId').equals(applicationId).primaryKeys(),
    database.publicities.where('applicationIds').equals(applicationId).primaryKeys(),
  ]);
  const keys: [SyncedTable, string][] = [
    ['applications', applicationId],
    ...materials.map((id): [SyncedTable, string] => ['materials', id]),
    ...events.map((id): [SyncedTable, string] => ['workflowEvents', id]),
    ...opinions.map((id): [SyncedTable, string] => ['routingOpinions', id]),
    ...objections.map((id): [SyncedTable, string] => ['objections', id]),
    ...attachments.map((id): [SyncedTable, string] => ['attachments', id]),
    ...reviews.map((id): [SyncedTable, string] => ['reviews', id]),
    ...education.map((id): [SyncedTable, string] => ['educationRecords', id]),
    ...publicities.map((id): [SyncedTable, string] => ['publicities', id]),
  ];
  const entries = await database.auditLog.where('[table+recordId]').anyOf(keys).toArray();
  return entries.sort(byTime);
}

/**
 * One user's audit entries between two local calendar dates (both inclusive; either may be left
 * open), newest first, at most `limit`. Without a user: everyone's most recent entries.
 */
export async function loadUserAudit(
  database: DeskDatabase,
  options: { userId?: string; from?: IsoDate; to?: IsoDate; limit?: number },
): Promise<AuditEntry[]> {
  const limit = options.limit ?? 500;
  // Local calendar days → the instants stored (ISO, UTC): from local midnight to the next one.
  const lower = options.from ? new Date(`${options.from}T00:00:00`).toISOString() : '';
  const upper = options.to ? new Date(new Date(`${options.to}T00:00:00`).getTime() + 86_400_000).toISOString() : '\uffff';
  if (options.userId !== undefined) {
    return database.auditLog
      .where('[userId+at]')
      .between([options.userId, lower], [options.userId, upper], true, false)
      .reverse()
      .limit(limit)
      .toArray();
  }
  return database.auditLog.where('at').between(lower, upper, true, false).reverse().limit(limit).toArray();
}

/** Describes entries for display with one lookup. */
export async function describeAudit(database: DeskDatabase, entries: readonly AuditEntry[], locale: Locale): Promise<AuditRow[]> {
  const lookup = await lookupFor(database, entries);
  return entries.map((e) => describeAuditEntry(e, lookup, locale));
}

