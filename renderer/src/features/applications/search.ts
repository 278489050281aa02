/**
 * Finding applications and people as the clerk types: by name (however its separators were typed,
 * by a later part, in any case, by pinyin initials or full pinyin), 身份证号 (any prefix),
 * organisation (any word of its name or 统一社会信用代码 prefix), the employer typed on the form,
 * any part of the application number, with program and status filters. Everything goes through
 * indexes — the `*searchKeys` multi-entry indexes of people, organisations and applications
 * (shared/rules/search-keys.ts writes a query as the keys are written: one prefix read each), the
 * `idNumber` and `creditCode` indexes, then the applications' `personId`, `organisationId` and
 * `[programId+status]` — so a typed query never reads the whole table, with 1,000,000
 * applications on the desk (tests/bench/intake.bench.ts measures it in Chromium).
 *
 * A short prefix ("王", "65") matches thousands of people; they are joined a batch at a time
 * (in index order, at most `MATCH_CAP`) until `limit` applications are found, so such a query
 * shows the newest applications of some of them, and a full page tells the screen to ask for a
 * few more characters. Results are newest first: received date, then registration order (ids
 * are UUIDv7, so they sort by creation).
 */
import type { Application, Organisation, Person } from '../../../../shared/model/records';
import { getPack, PROGRAM_IDS } from '../../../../shared/programs';
import { SPACES, toHalfWidth } from '../../../../shared/rules/input-text';
import { searchQueryKey } from '../../../../shared/rules/search-keys';
import { db } from '../../db';
import type { DeskDatabase } from '../../db/database';
import { stateOf, workflowOf } from '../../../../shared/workflow/lookup';

export type QueryKind = 'empty' | 'id-number' | 'application-no' | 'name';

export interface ClassifiedQuery {
  readonly kind: QueryKind;
  /** 身份证号 prefix (digits, X last at most), when the query can be one. */
  readonly idPrefix?: string;
  /** Application number prefix (upper-case), when the query can be one. */
  readonly applicationNoPrefix?: string;
  /** 统一社会信用代码 prefix (upper-case), when the query can be one. */
  readonly creditCodePrefix?: string;
  /** Name prefix of people and organisations, as typed (trimmed). */
  readonly namePrefix?: string;
}

/**
 * What a query can be. Digits (full-width too, spaces ignored, X last) are a 身份证号 prefix,
 * and also an application-number or credit-code prefix; `P4-2026…` is an application number;
 * anything else is a name prefix (and, if it is letters and digits, also a code prefix).
 */
export function classifyQuery(raw: string): ClassifiedQuery {
  const compact = toHalfWidth(raw).replace(SPACES, '').toUpperCase();
  if (compact === '') return { kind: 'empty' };
  if (/^[0-9]+X?$/.test(compact)) {
    return { kind: 'id-number', idPrefix: compact, applicationNoPrefix: compact, creditCodePrefix: compact };
  }
  const namePrefix = raw.trim();
  if (/^[0-9A-Z-]+$/.test(compact)) {
    return {
      kind: /^P[0-9X]/.test(compact) ? 'application-no' : 'name',
      applicationNoPrefix: compact,
      ...(/^[0-9A-Z]+$/.test(compact) ? { creditCodePrefix: compact } : {}),
      namePrefix,
    };
  }
  return { kind: 'name', namePrefix };
}

export interface SearchOptions {
  readonly programId?: string | undefined;
  readonly status?: string | undefined;
  /** Rows to return (default 50). */
  readonly limit?: number;
  readonly database?: DeskDatabase;
}

export interface SearchRow {
  readonly application: Application;
  readonly person?: Person | undefined;
  readonly organisation?: Organisation | undefined;
}

/** People (or organisations) joined per typed query at most; a broader prefix asks for more typing. */
export const MATCH_CAP = 200;

const alive = <T extends { deleted?: boolean | undefined }>(row: T | undefined): row is T => row !== undefined && !row.deleted;

/** Newest first: received date, then registration order. */
export function newestFirst(a: Application, b: Application): number {
  if (a.receivedDate !== b.receivedDate) return a.receivedDate < b.receivedDate ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function matchesFilters(app: Application, options: SearchOptions): boolean {
  if (app.deleted) return false;
  if (options.programId !== undefined && app.programId !== options.programId) return false;
  if (options.status !== undefined && app.status !== options.status) return false;
  return true;
}

/** No query: the newest applications, through the filter's index. */
async function browse(database: DeskDatabase, options: SearchOptions, limit: number): Promise<Application[]> {
  const { programId, status } = options;
  const apps = database.applications;
  const collection =
    programId !== undefined && status !== undefined
      ? apps.where('[programId+status]').equals([programId, status]).reverse()
      : programId !== undefined
        ? apps.where('programId').equals(programId).reverse()
        : status !== undefined
          ? apps.where('status').equals(status).reverse()
          : apps.orderBy('receivedDate').reverse();
  return collection
    .filter((a) => !a.deleted)
    .limit(limit)
    .toArray();
}

async function attachParties(
  database: DeskDatabase,
  applications: readonly Application[],
  people: Map<string, Person>,
  organisations: Map<string, Organisation>,
): Promise<SearchRow[]> {
  const missingPeople = [...new Set(applications.map((a) => a.personId).filter((id): id is string => id !== undefined && !people.has(id)))];
  const missingOrgs = [
    ...new Set(applications.map((a) => a.organisationId).filter((id): id is string => id !== undefined && !organisations.has(id))),
  ];
  const [morePeople, moreOrgs] = await Promise.all([
    missingPeople.length > 0 ? database.people.bulkGet(missingPeople) : [],
    missingOrgs.length > 0 ? database.organisations.bulkGet(missingOrgs) : [],
  ]);
  for (const p of morePeople) if (alive(p)) people.set(p.id, p);
  for (const o of moreOrgs) if (alive(o)) organisations.set(o.id, o);
  return applications.map((application) => ({
    application,
    person: application.personId === undefined ? undefined : people.get(application.personId),
    organisation: application.organisationId === undefined ? undefined : organisations.get(application.organisationId),
  }));
}

/** Reads parties (people or organisations) matching the query, `count` of them from `offset`, in index order. */
type PartyReader<T> = (offset: number, count: number) => Promise<T[]>;

/**
 * The applications of the parties a prefix matches, through the `personId` (or
 * `organisationId`) index: one request per party, all in flight at once (far cheaper in
 * IndexedDB than a cursor hopping over the keys, which is what `anyOf` does). Parties are read
 * and joined a batch at a time, in index order, until `limit` applications pass the filters (or
 * `MATCH_CAP` parties were tried): a broad prefix costs about `limit` requests, not one per match.
 * Each batch is sized from the applications per party seen so far.
 */
async function joinParties<T extends { id: string; deleted?: boolean | undefined }>(
  database: DeskDatabase,
  index: 'personId' | 'organisationId',
  read: PartyReader<T>,
  parties: Map<string, T>,
  options: SearchOptions,
  limit: number,
  firstBatch: number,
): Promise<Application[]> {
  const found: Application[] = [];
  const seen = new Set<string>();
  let offset = 0;
  let batch = Math.max(1, firstBatch);
  while (found.length < limit && offset < MATCH_CAP) {
    const wanted = Math.min(batch, MATCH_CAP - offset);
    const chunk = await read(offset, wanted);
    offset += chunk.length;
    // A multi-entry index lists a party once per matching key (zw and zhangwei for "z").
    const live = chunk.filter((party) => alive(party) && !seen.has(party.id));
    for (const party of live) seen.add(party.id);
    for (const party of live) parties.set(party.id, party);
    const lists = await Promise.all(live.map((party) => database.applications.where(index).equals(party.id).toArray()));
    for (const list of lists) for (const app of list) if (matchesFilters(app, options)) found.push(app);
    if (chunk.length < wanted) break;
    // Parties without (matching) applications are common; a rare filter needs more per batch.
    const perParty = Math.max(found.length / offset, 0.1);
    batch = Math.ceil((limit - found.length) / perParty) + 2;
  }
  return found;
}

/**
 * Applications matching what was typed, newest first, with their applicant. An empty query lists
 * the newest applications (within the program/status filter).
 */
export async function searchApplications(query: string, options: SearchOptions = {}): Promise<SearchRow[]> {
  const database = options.database ?? db;
  const limit = options.limit ?? 50;
  const q = classifyQuery(query);
  return database.transaction('r', [database.applications, database.people, database.organisations], async () => {
    if (q.kind === 'empty') {
      const apps = await browse(database, options, limit);
      return attachParties(database, apps.sort(newestFirst), new Map(), new Map());
    }
    const { idPrefix, namePrefix, creditCodePrefix } = q;
    const people = new Map<string, Person>();
    const organisations = new Map<string, Organisation>();
    const orgBatch = Math.ceil(limit / 5);
    // A new collection per read: Dexie's offset() and limit() change the collection they are called on.
    const page =
      <T>(collection: () => { offset: (n: number) => { limit: (n: number) => { toArray: () => Promise<T[]> } } }) =>
      (offset: number, count: number) =>
        collection().offset(offset).limit(count).toArray();
    const joins: Promise<Application[]>[] = [];
    if (idPrefix !== undefined) {
      joins.push(joinParties(database, 'personId', page(() => database.people.where('idNumber').startsWith(idPrefix)), people, options, limit, limit));
    }
    // One read of each `*searchKeys` index (shared/rules/search-keys.ts): names however the
    // separators were typed, a later part of a name, pinyin initials, organisation names; on the
    // applications, the employer typed on the form and any part of the number (3896-0003, 0001).
    const key = searchQueryKey(query);
    if (key !== '') {
      if (namePrefix !== undefined || idPrefix === undefined) {
        joins.push(joinParties(database, 'personId', page(() => database.people.where('searchKeys').startsWith(key)), people, options, limit, limit));
        joins.push(
          joinParties(database, 'organisationId', page(() => database.organisations.where('searchKeys').startsWith(key)), organisations, options, limit, orgBatch),
        );
      }
      joins.push(
        database.applications
          .where('searchKeys')
          .startsWith(key)
          .reverse()
          .filter((app) => matchesFilters(app, options))
          .limit(limit)
          .toArray(),
      );
    }
    if (creditCodePrefix !== undefined && creditCodePrefix.length >= 2) {
      joins.push(
        joinParties(
          database,
          'organisationId',
          page(() => database.organisations.where('creditCode').startsWith(creditCodePrefix)),
          organisations,
          options,
          limit,
          orgBatch,
        ),
      );
    }
    const found = new Map<string, Application>();
    for (const list of await Promise.all(joins)) for (const app of list) if (matchesFilters(app, options)) found.set(app.id, app);
    const apps = [...found.values()].sort(newestFirst).slice(0, limit);
    return attachParties(database, apps, people, organisations);
  });
}

/**
 * People by 身份证号 prefix (digits) or name prefix, at most `limit`; an exact ID number first.
 * For the person picker and the intake page's register.
 */
export async function searchPeople(query: string, options: { limit?: number; database?: DeskDatabase } = {}): Promise<Person[]> {
  const database = options.database ?? db;
  const limit = options.limit ?? 20;
  const q = classifyQuery(query);
  if (q.kind === 'empty') return [];
  const key = searchQueryKey(query);
  const [byId, byName] = await Promise.all([
    q.idPrefix === undefined ? [] : database.people.where('idNumber').startsWith(q.idPrefix).limit(limit).toArray(),
    q.namePrefix === undefined || key === '' ? [] : database.people.where('searchKeys').startsWith(key).distinct().limit(limit).toArray(),
  ]);
  const seen = new Set<string>();
  const rows: Person[] = [];
  for (const p of [...byId, ...byName]) {
    if (p.deleted || seen.has(p.id)) continue;
    seen.add(p.id);
    rows.push(p);
  }
  return rows.slice(0, limit);
}

// ---------------------------------------------------------------------------------------------
// Names for the result table, from the program packs
// ---------------------------------------------------------------------------------------------

export type NameLocale = 'zh' | 'en';

export function programName(programId: string, locale: NameLocale = 'zh'): string {
  return getPack(programId)?.names[locale] ?? programId;
}

export function kindName(programId: string, kind: string, locale: NameLocale = 'zh'): string {
  return getPack(programId)?.applicationKinds.find((k) => k.id === kind)?.names[locale] ?? kind;
}

/** The state's name in the workflow of the application's program and kind. */
export function stateName(programId: string, kind: string, status: string, locale: NameLocale = 'zh'): string {
  const pack = getPack(programId);
  const own = stateOf(workflowOf(pack, kind), status);
  if (own !== undefined) return own.name[locale];
  for (const workflow of Object.values(pack?.workflows ?? {})) {
    const state = stateOf(workflow, status);
    if (state !== undefined) return state.name[locale];
  }
  return status;
}

export interface StatusOption {
  readonly value: string;
  readonly label: string;
}

/** The states an application of this program (or any program) can be in, for the status filter. */
export function statusOptions(programId: string | undefined, locale: NameLocale = 'zh'): StatusOption[] {
  const ids = programId === undefined ? PROGRAM_IDS : [programId];
  const options = new Map<string, string>();
  for (const id of ids) {
    for (const workflow of Object.values(getPack(id)?.workflows ?? {})) {
      for (const state of workflow?.states ?? []) if (!options.has(state.id)) options.set(state.id, state.name[locale]);
    }
  }
  return [...options].map(([value, label]) => ({ value, label }));
}
