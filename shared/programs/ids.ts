/**
 * The closed lists a stored record's program and kind are parsed against (shared/model/records):
 * the typed ids every screen and rule works with, so nobody casts `application.kind`.
 * Kept apart from the packs so the record schemas can use them without loading a pack.
 */
import { z } from 'zod';

/** The six programs, in order P1–P6 (PROGRAMS.md). */
export const PROGRAM_IDS = ['xj-isi-pm', 'xj-isi-spm', 'xj-si-annual', 'zj-it-senior', 'rk-registration', 'iets'] as const;
/** One of the six shipped programs (a pack added later, or a test's toy pack, is still a ProgramId). */
export type KnownProgramId = (typeof PROGRAM_IDS)[number];

/** A pack's and a workflow state's id: lower-case words joined by hyphens (`zj-it-senior`, `awaiting-defense`). */
const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A program's id as a record stores it, parsed at the record and pack boundary (Excalidraw brands
 * remote elements the same way): a plain string is not a ProgramId until a schema has checked it,
 * so an application's `programId` can never be a state, a kind or a typo passed along by hand.
 */
export const programIdSchema = z.string({ error: '缺少业务类别' }).regex(KEBAB_ID, { error: '未知的业务类别' }).brand<'ProgramId'>();
export type ProgramId = z.infer<typeof programIdSchema>;

/** A workflow state's id (an application's `status`), parsed like a ProgramId. */
export const stateIdSchema = z.string({ error: '缺少办理状态' }).regex(KEBAB_ID, { error: '未知的办理状态' }).brand<'StateId'>();
export type StateId = z.infer<typeof stateIdSchema>;

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

/** One of the six shipped programs. */
export function isProgramId(value: unknown): value is KnownProgramId {
  return typeof value === 'string' && (PROGRAM_IDS as readonly string[]).includes(value);
}

export function isApplicationKindId(value: unknown): value is ApplicationKindId {
  return typeof value === 'string' && (APPLICATION_KIND_IDS as readonly string[]).includes(value);
}
