/**
 * What never leaves the desk in clear in a backup: the users' password hashes and salts (in the
 * users, their outbox operations, their merge states and set-aside operations), the sync device
 * token and the office's Ed25519 private signing key (the desk's own, and the office key fetched
 * from the server). `splitSecrets` takes them out of each row before the row is written; they go
 * into the backup only sealed with a passphrase an administrator typed, or not at all.
 * `restoreSecrets` puts them back in a restore that has the passphrase.
 *
 * A path names where a secret is in a row; the empty path is the whole row (the token's). A
 * secret that is a field of a merge state's version keeps the version and loses only its value
 * (null: "cleared"), so the merge state stays well-formed without it.
 */

export type SecretPath = readonly string[];

/** One row's secrets: where each was and its value. */
export interface SecretPatch {
  /** The row's primary key, as the backup's rows name it (see `primaryKeyOf`). */
  readonly key: unknown;
  readonly values: readonly (readonly [SecretPath, unknown])[];
}

/** Per table, the secrets taken out of its rows. */
export type SecretBundle = Record<string, SecretPatch[]>;

const PASSWORD_FIELDS = ['passwordHash', 'passwordSalt'] as const;

/** Settings rows holding secrets, and where (the empty path: the whole row). */
export const SECRET_SETTINGS: Readonly<Record<string, SecretPath>> = {
  'sync.token': [],
  'documents.signing': ['value', 'privateKeyPkcs8'],
  'documents.officeKey': ['value', 'privateKeyPkcs8'],
};

/** The secret paths of one row of `table`. */
export function secretPathsOf(table: string, row: Readonly<Record<string, unknown>>): SecretPath[] {
  switch (table) {
    case 'users':
      return PASSWORD_FIELDS.map((f) => [f]);
    case 'outbox':
      return row.table === 'users' ? PASSWORD_FIELDS.flatMap((f) => [['fields', f], ['prev', f]]) : [];
    case 'quarantine': {
      const op = row.operation as Record<string, unknown> | undefined;
      return op?.table === 'users' ? PASSWORD_FIELDS.flatMap((f) => [['operation', 'fields', f], ['operation', 'prev', f]]) : [];
    }
    case 'mergeStates':
      return row.table === 'users' ? PASSWORD_FIELDS.flatMap((f) => [['fields', f, 'value'], ['conflicts', f]]) : [];
    case 'settings': {
      const path = typeof row.key === 'string' ? SECRET_SETTINGS[row.key] : undefined;
      return path === undefined ? [] : [path];
    }
    default:
      return [];
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A deep copy of plain data (rows as stored: objects, arrays, primitives). */
function copyOf<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyOf) as T;
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyOf(v)])) as T;
  return value;
}

function getAt(row: unknown, path: SecretPath): { found: boolean; value: unknown } {
  let node: unknown = row;
  for (const step of path) {
    if (!isObject(node) || !Object.hasOwn(node, step)) return { found: false, value: undefined };
    node = node[step];
  }
  return { found: true, value: node };
}

/** A copy of `row` with the value at `path` removed (or, for a version's value, set to null). */
function withoutAt(row: Record<string, unknown>, path: SecretPath): Record<string, unknown> {
  const copy = copyOf(row);
  let node: Record<string, unknown> = copy;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string, unknown>;
  const last = path[path.length - 1]!;
  if (last === 'value') node[last] = null;
  else delete node[last];
  return copy;
}

function withAt(row: Record<string, unknown>, path: SecretPath, value: unknown): Record<string, unknown> {
  const copy = copyOf(row);
  let node: Record<string, unknown> = copy;
  for (const step of path.slice(0, -1)) {
    if (!isObject(node[step])) node[step] = {};
    node = node[step] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
  return copy;
}

/**
 * The row without its secrets (`null` when the whole row is secret), and the secrets taken out
 * (`null` when it had none).
 */
export function splitSecrets(
  table: string,
  row: Record<string, unknown>,
  key: unknown,
): { row: Record<string, unknown> | null; patch: SecretPatch | null } {
  const values: [SecretPath, unknown][] = [];
  let stripped: Record<string, unknown> | null = row;
  for (const path of secretPathsOf(table, row)) {
    if (stripped === null) break;
    const at = getAt(stripped, path);
    if (!at.found || (path[path.length - 1] === 'value' && at.value === null)) continue;
    values.push([path, at.value]);
    stripped = path.length === 0 ? null : withoutAt(stripped, path);
  }
  return { row: stripped, patch: values.length === 0 ? null : { key, values } };
}

/** The row with its secrets back (`row` undefined: a whole-row secret). */
export function restoreSecrets(row: Record<string, unknown> | undefined, patch: SecretPatch): Record<string, unknown> {
  let out = row ?? {};
  for (const [path, value] of patch.values) {
    if (path.length === 0) out = copyOf(value as Record<string, unknown>);
    else out = withAt(out, path, value);
  }
  return out;
}

/**
 * The primary key of a row as its store declaration names it (`id`, `key`, `[table+recordId]`),
 * JSON-encoded so keys of any shape compare as strings. `undefined` for an outbound-key store.
 */
export function primaryKeyOf(store: string, row: Readonly<Record<string, unknown>>): string | undefined {
  const spec = store.split(',')[0]!.trim().replace(/^(\+\+|&)/, '');
  if (spec === '') return undefined;
  const compound = /^\[(.+)\]$/.exec(spec);
  const key = compound ? compound[1]!.split('+').map((p) => row[p.trim()]) : row[spec];
  return JSON.stringify(key);
}
