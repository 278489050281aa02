/**
 * The closed lists a stored record's program and kind are parsed against (shared/model/records):
 * the typed ids every screen and rule works with, so nobody casts `application.kind`.
 * Kept apart from the packs so the record schemas can use them without loading a pack.
 */

/** The six programs, in order P1–P6 (PROGRAMS.md). */
export const PROGRAM_IDS = ['xj-isi-pm', 'xj-isi-spm', 'xj-si-annual', 'zj-it-senior', 'rk-registration', 'iets'] as const;
export type ProgramId = (typeof PROGRAM_IDS)[number];

/** Application kinds across the six programs; a pack declares the ones its seed has. */
export const APPLICATION_KIND_IDS = [
  'new',
  'renewal',
  'upgrade',
  'change',
  'major-change',
  'reissue',
  'deferral',
  'education-deferral',
  're-evaluation',
  'annual-review',
  'cancellation',
  'revocation',
  'appeal',
] as const;
export type ApplicationKindId = (typeof APPLICATION_KIND_IDS)[number];

export function isProgramId(value: unknown): value is ProgramId {
  return typeof value === 'string' && (PROGRAM_IDS as readonly string[]).includes(value);
}

export function isApplicationKindId(value: unknown): value is ApplicationKindId {
  return typeof value === 'string' && (APPLICATION_KIND_IDS as readonly string[]).includes(value);
}
