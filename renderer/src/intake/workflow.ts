/**
 * The review workflow's writes and the helpers its screens share: the pre-filled reasons of a
 * return (退回补正), whom it goes back to, 002 附件3 routing opinions, objections raised during
 * publicity (公示) and their settlement, starting a publicity for a list of applications, an
 * application's queue, and the audit trail read back for people.
 *
 * Every decision is the engine's (shared/workflow, shared/engine/evaluate): these functions
 * gather input, ask the engine, and write through the repositories (record + outbox + audit in
 * one transaction). A refusal is a `WorkflowError` with a Chinese message and nothing written.
 */
import type {
  Application,
  Objection,
  Publicity,
  RoutingOpinion,
  SyncedTable,
  User,
} from '../../../shared/model/records';
import type { Evaluation } from '../../../shared/engine/evaluate';
import type { AuditEntry } from '../../../shared/sync/operation';
import { getPack, type ProgramPack } from '../../../shared/programs';
import type { ApplicationKindId } from '../../../shared/programs/schema';
import { formatDateZh, isCanonicalDate, type IsoDate } from '../../../shared/rules/civil-date';
import type { WorkCalendar } from '../../../shared/rules/work-calendar';
import { periodEndsShown, type ShownDate } from '../../../shared/workflow/deadlines';
import type {
  WorkflowDefinition,
  WorkflowQueue,
  WorkflowRole,
  WorkflowState,
} from '../../../shared/workflow/definition';
import type { TransitionOption } from '../../../shared/workflow/engine';
import { recordOpinion, ROUTING_LEVELS, type RoutingLevelId, type RoutingOpinion as OpinionKind } from '../../../shared/workflow/routing';
import { db, repositories } from '../db';
import type { DeskDatabase } from '../db/database';
import { ValidationError } from '../db/errors';
import { messages, translate, type Locale, type MessageKey } from '../i18n/messages';
import { formatIsoDate } from '../i18n/format';
import { writeContext } from '../session';
import { todayIso } from '../today';
import { loadCalendar } from './calendar';
import { FIRST_RUN_USER_ID } from '../auth/users';
import { evaluateFile, fireTransition, loadApplicationFile, routingStateOf, workflowTables, WorkflowError } from './file';

// ---------------------------------------------------------------------------------------------
// Definitions, states, queues
// ---------------------------------------------------------------------------------------------

/** The workflow definition an application runs under, if its pack has one for its kind. */
export function definitionOf(application: Pick<Application, 'programId' | 'kind'>): WorkflowDefinition | undefined {
  return getPack(application.programId)?.workflows[application.kind as ApplicationKindId];
}

/** The application's current state in its definition. */
export function stateOf(application: Pick<Application, 'programId' | 'kind' | 'status'>): WorkflowState | undefined {
  return definitionOf(application)?.states.find((s) => s.id === application.status);
}

/** The work queue the application is in now (its state's `queue`), if any. */
export function applicationQueue(application: Pick<Application, 'programId' | 'kind' | 'status'>): WorkflowQueue | undefined {
  return stateOf(application)?.queue;
}

/** Whether a transition leads into a publicity (公示) state of the definition. */
export function leadsToPublicity(definition: WorkflowDefinition, transition: TransitionOption['transition']): boolean {
  return definition.states.some((s) => s.id === transition.to && s.queue === 'publicity');
}

/** The transitions offered now that start a publicity, allowed or not. */
export function publicityTransitions(definition: WorkflowDefinition | undefined, evaluation: Pick<Evaluation, 'transitions'>): TransitionOption[] {
  if (definition === undefined) return [];
  return evaluation.transitions.filter((o) => leadsToPublicity(definition, o.transition));
}

/**
 * Last day of a publicity posted on `startedOn` under `definition`'s period, counted by the
 * working-day calendar (shared/workflow/deadlines periodEnds). A Chinese error when the
 * definition has no publicity or the calendar lacks the year.
 */
export function publicityEndsOn(definition: WorkflowDefinition, startedOn: IsoDate, calendar: WorkCalendar): ShownDate {
  if (!isCanonicalDate(startedOn)) throw new WorkflowError(`公示开始日期“${String(startedOn)}”无效，请按 2026-11-22 的格式填写。`);
  if (definition.publicity === undefined) throw new WorkflowError(`流程“${definition.name.zh}”没有公示期限，不能开始公示。`);
  // Shown (and stored) provisionally when it reaches into a year not entered yet; the guard that
  // ends the publicity recounts with the exact calendar, so nothing is decided on the guess.
  const ends = periodEndsShown(startedOn, definition.publicity, calendar);
  if (!ends.ok) throw new WorkflowError(ends.error.message);
  return ends.value;
}

// ---------------------------------------------------------------------------------------------
// Returns (退回补正)
// ---------------------------------------------------------------------------------------------

// Whom a return goes to and its pre-filled reasons are the engine's: shared/engine/returns.

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

function wrap(error: unknown): never {
  if (error instanceof ValidationError) throw new WorkflowError(error.message);
  throw error;
}

function checkDate(value: unknown, what: string): IsoDate {
  if (!isCanonicalDate(value)) throw new WorkflowError(`${what}“${String(value ?? '')}”无效，请按 2026-11-22 的格式填写。`);
  return value;
}

/** The tables the routing / objection writes touch, for one transaction (repository writes nest). */
function writeTables(database: DeskDatabase) {
  return [
    database.applications,
    database.routingOpinions,
    database.objections,
    database.outbox,
    database.auditLog,
    database.mergeStates,
    database.settings,
  ];
}

/**
 * Records one level's opinion on a P4 file (002 附件3), as the clerk transcribes it from the
 * paper. The chain is replayed from the opinions already recorded and the new one is checked
 * with the shared `recordOpinion` first (only the level holding the file may sign; a return needs
 * a note), inside the transaction, so two desks cannot both sign for the same level here.
 */
export async function recordRoutingOpinion(
  applicationId: string,
  level: RoutingLevelId,
  opinion: OpinionKind,
  note: string,
  on: IsoDate,
  options: { today?: IsoDate } = {},
): Promise<RoutingOpinion> {
  checkDate(on, '意见日期');
  const today = options.today ?? todayIso();
  if (on > today) throw new WorkflowError(`意见日期${formatDateZh(on)}晚于今天，请核对纸质材料上的日期。`);
  if (!Object.hasOwn(ROUTING_LEVELS, level)) throw new WorkflowError(`未知的报送层级“${String(level)}”。`);
  const ctx = await writeContext(note.trim() === '' ? undefined : note.trim());
  return db.transaction('rw', writeTables(db), async () => {
    const application = await db.applications.get(applicationId);
    if (application === undefined || application.deleted) throw new WorkflowError('找不到这份申请，可能已被删除。');
    const opinions = (await db.routingOpinions.where('applicationId').equals(applicationId).toArray())
      .filter((o) => !o.deleted)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const { state } = routingStateOf(application.fields['routingVariant'], opinions);
    if (state === undefined) throw new WorkflowError('这份申请尚未选择报送途径（单位隶属关系），请先在申请表中填写。');
    const next = recordOpinion(state, level, opinion, note, on);
    if (!next.ok) throw new WorkflowError(next.error.message);
    try {
      return await repositories.routingOpinions.create({ applicationId, level, opinion, note: note.trim(), on }, ctx);
    } catch (error) {
      return wrap(error);
    }
  });
}

export interface RaiseObjectionInput {
  readonly applicationId: string;
  readonly raisedOn: IsoDate;
  readonly raisedBy?: string;
  readonly content: string;
}

/** Records an objection (异议) raised about an application; it stays open until settled. */
export async function raiseObjection(input: RaiseObjectionInput, options: { today?: IsoDate } = {}): Promise<Objection> {
  checkDate(input.raisedOn, '异议日期');
  const today = options.today ?? todayIso();
  if (input.raisedOn > today) throw new WorkflowError(`异议日期${formatDateZh(input.raisedOn)}晚于今天，请核对。`);
  const content = typeof input.content === 'string' ? input.content.trim() : '';
  if (content === '') throw new WorkflowError('请填写异议内容。');
  const raisedBy = input.raisedBy?.trim();
  const ctx = await writeContext('登记异议');
  return db.transaction('rw', writeTables(db), async () => {
    const application = await db.applications.get(input.applicationId);
    if (application === undefined || application.deleted) throw new WorkflowError('找不到这份申请，可能已被删除。');
    try {
      return await repositories.objections.create(
        {
          applicationId: input.applicationId,
          raisedOn: input.raisedOn,
          ...(raisedBy ? { raisedBy } : {}),
          content,
          status: 'open',
        },
        ctx,
      );
    } catch (error) {
      return wrap(error);
    }
  });
}

export interface SettleObjectionInput {
  /** Whether the objection was found to hold (异议成立). */
  readonly upheld: boolean;
  /** How it was settled (处理结果), kept as the audit reason as well. */
  readonly settlement: string;
  readonly settledOn: IsoDate;
}

/**
 * Settles an open objection. An upheld objection does not by itself change the application: the
 * definition's transition for it (e.g. 公示异议成立) is fired separately, by whoever may.
 */
export async function settleObjection(objectionId: string, input: SettleObjectionInput, options: { today?: IsoDate } = {}): Promise<Objection> {
  checkDate(input.settledOn, '处理日期');
  const today = options.today ?? todayIso();
  if (input.settledOn > today) throw new WorkflowError(`处理日期${formatDateZh(input.settledOn)}晚于今天，请核对。`);
  const settlement = typeof input.settlement === 'string' ? input.settlement.trim() : '';
  if (settlement === '') throw new WorkflowError('请填写异议的处理结果。');
  if (typeof input.upheld !== 'boolean') throw new WorkflowError('请选择异议是否成立。');
  const ctx = await writeContext(settlement);
  return db.transaction('rw', writeTables(db), async () => {
    const objection = await db.objections.get(objectionId);
    if (objection === undefined || objection.deleted) throw new WorkflowError('找不到这条异议，可能已被删除。');
    if (objection.status !== 'open') throw new WorkflowError('这条异议已经处理过了，不能重复处理。');
    if (input.settledOn < objection.raisedOn) {
      throw new WorkflowError(`处理日期${formatDateZh(input.settledOn)}早于异议提出日期${formatDateZh(objection.raisedOn)}，请核对。`);
    }
    try {
      return await repositories.objections.update(
        objectionId,
        { status: 'settled', settledOn: input.settledOn, settlement, upheld: input.upheld },
        ctx,
      );
    } catch (error) {
      return wrap(error);
    }
  });
}

export interface StartPublicityInput {
  readonly programId: string;
  readonly title: string;
  readonly startedOn: IsoDate;
  readonly applicationIds: readonly string[];
  /** The transition into the publicity state (e.g. P4 `pass-check`). */
  readonly transitionId: string;
}

export interface PublicityRefusal {
  readonly applicationId: string;
  readonly applicationNo: string;
  readonly message: string;
}

/** A publicity that could not start: which applications were refused and why. Nothing was written. */
export class StartPublicityError extends WorkflowError {
  constructor(
    message: string,
    readonly refusals: readonly PublicityRefusal[] = [],
  ) {
    super(message);
    this.name = 'StartPublicityError';
  }
}

function refusalMessage(refusals: readonly PublicityRefusal[]): string {
  return `不能开始公示，以下${refusals.length}份申请未能进入公示（均未作任何更改）：\n${refusals
    .map((r) => `${r.applicationNo}：${r.message}`)
    .join('\n')}`;
}


/**
 * Starts a publicity (公示) for a list of applications: computes its last day with the
 * definition's publicity period on the working-day calendar, creates the `publicities` record,
 * then fires `transitionId` (into the publicity state) for each application.
 *
 * All or nothing: the posted list must be exactly the applications in publicity. Every
 * application is first judged by the engine; if any may not enter publicity, nothing is
 * written and the error lists each one with the engine's reasons, so the clerk can take them
 * off the list and start again. The writes then run in ONE transaction (fireTransition nests in
 * it); should a transition still be refused there (a change made a moment ago on this desk),
 * the whole publicity is rolled back and that application is named.
 */
export async function startPublicity(
  input: StartPublicityInput,
  options: { role: WorkflowRole; today?: IsoDate },
): Promise<{ publicity: Publicity; applications: Application[] }> {
  const title = typeof input.title === 'string' ? input.title.trim() : '';
  if (title === '') throw new StartPublicityError('请填写公示标题。');
  checkDate(input.startedOn, '公示开始日期');
  const ids = [...new Set(input.applicationIds)];
  if (ids.length === 0) throw new StartPublicityError('请至少选择一份申请。');
  const today = options.today ?? todayIso();
  const calendar = await loadCalendar();

  // Judge every application first, so the clerk hears about all refusals at once.
  const refusals: PublicityRefusal[] = [];
  let period: { definition: WorkflowDefinition; key: string } | undefined;
  for (const id of ids) {
    const file = await loadApplicationFile(db, id);
    if (file === undefined) {
      refusals.push({ applicationId: id, applicationNo: id, message: '找不到这份申请，可能已被删除。' });
      continue;
    }
    const app = file.application;
    const refuse = (message: string): void => {
      refusals.push({ applicationId: id, applicationNo: app.applicationNo, message });
    };
    if (app.programId !== input.programId) {
      refuse(`不属于本次公示的业务（${getPack(input.programId)?.names.zh ?? input.programId}）。`);
      continue;
    }
    const evaluated = evaluateFile(file, { today, calendar, role: options.role });
    const definition = evaluated?.pack.workflows[app.kind as ApplicationKindId];
    if (evaluated === undefined || definition === undefined) {
      refuse('此类申请没有办理流程。');
      continue;
    }
    const option = evaluated.evaluation.transitions.find((o) => o.transition.id === input.transitionId);
    if (option === undefined) {
      const state = definition.states.find((s) => s.id === app.status)?.name.zh ?? app.status;
      refuse(`当前为“${state}”，不能执行此操作或无权执行。`);
      continue;
    }
    if (!leadsToPublicity(definition, option.transition)) {
      refuse(`“${option.transition.label.zh}”不是进入公示的操作。`);
      continue;
    }
    if (!option.allowed) {
      refuse(option.blockedBy.map((b) => b.message).join(''));
      continue;
    }
    if (definition.publicity === undefined) {
      refuse(`流程“${definition.name.zh}”没有公示期限。`);
      continue;
    }
    const key = `${definition.publicity.length}:${definition.publicity.unit}`;
    if (period === undefined) period = { definition, key };
    else if (period.key !== key) refuse('公示期限与所选的其他申请不同，请分开公示。');
  }
  if (refusals.length > 0) throw new StartPublicityError(refusalMessage(refusals), refusals);
  const endsOn = publicityEndsOn(period!.definition, input.startedOn, calendar).date;
  const { length, unit } = period!.definition.publicity!;

  const ctx = await writeContext(`开始公示：${title}`);
  try {
    return await db.transaction('rw', workflowTables(db), async () => {
      const publicity = await repositories.publicities.create(
        { programId: input.programId, title, startedOn: input.startedOn, endsOn, period: { length, unit }, applicationIds: ids },
        ctx,
      );
      const applications: Application[] = [];
      for (const id of ids) {
        try {
          applications.push(await fireTransition(id, input.transitionId, { reason: `开始公示：${title}` }, { role: options.role, today }));
        } catch (error) {
          const no = (await db.applications.get(id))?.applicationNo ?? id;
          const message = error instanceof Error ? error.message : String(error);
          const refusal = { applicationId: id, applicationNo: no, message };
          throw new StartPublicityError(refusalMessage([refusal]), [refusal]);
        }
      }
      return { publicity, applications };
    });
  } catch (error) {
    if (error instanceof WorkflowError) throw error;
    return wrap(error);
  }
}

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
  return pack !== undefined && typeof kind === 'string' ? pack.workflows[kind as ApplicationKindId] : undefined;
}

function stateName(definition: WorkflowDefinition | undefined, id: unknown, lang: 'zh' | 'en'): string | undefined {
  if (typeof id !== 'string') return undefined;
  return definition?.states.find((s) => s.id === id)?.name[lang];
}

function plain(value: unknown, locale: Locale, t: T): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('workflow.value.yes') : t('workflow.value.no');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return isCanonicalDate(value) ? formatIsoDate(value, locale) : value;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) return value.map((v) => plain(v, locale, t)).join('、');
    return t('workflow.value.rows', { count: value.length });
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !HIDDEN_FIELDS.has(k))
      .map(([k, v]) => `${k}: ${plain(v, locale, t)}`)
      .join('；');
  }
  return String(value);
}

function valueText(
  table: SyncedTable,
  field: string,
  value: unknown,
  ctx: { definition: WorkflowDefinition | undefined; pack: ProgramPack | undefined; locale: Locale; t: T; lookup: AuditLookup },
): string {
  const lang = ctx.locale === 'zh-CN' ? 'zh' : 'en';
  const { t } = ctx;
  if (value === undefined || value === null || value === '') return '—';
  if (table === 'applications' && field === 'status') return stateName(ctx.definition, value, lang) ?? String(value);
  if (table === 'workflowEvents' && (field === 'from' || field === 'to')) return stateName(ctx.definition, value, lang) ?? String(value);
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
  return plain(value, ctx.locale, t);
}

function fieldLabel(table: SyncedTable, field: string, pack: ProgramPack | undefined, locale: Locale): string {
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  if (field.startsWith('fields.')) {
    const id = field.slice('fields.'.length);
    return pack?.fields.find((f) => f.id === id)?.label[lang] ?? id;
  }
  return dynamic(locale, `workflow.field.${table}.${field}`, dynamic(locale, `workflow.field.${field}`, field));
}

function targetText(table: SyncedTable, recordId: string, record: Record<string, unknown> | undefined, pack: ProgramPack | undefined, locale: Locale, t: T, definition: WorkflowDefinition | undefined): string {
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
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
