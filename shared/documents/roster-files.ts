/**
 * Which files a roster or register lists: the files of every program whose pack declares a
 * document with that layout, minus the states the document leaves off (a P4 花名册 lists those
 * recommended: 002 附件4 一 2; a file returned or withdrawn for fraud is not). Screens ask by
 * layout, never by program.
 */
import type { ProgramPack } from '../programs/schema';

export interface RosterSource {
  readonly pack: ProgramPack;
  /** The document (by its layout) the roster is built for. */
  readonly layout: string;
  readonly excludeStates: ReadonlySet<string>;
}

/** The packs that declare a document with `layout`, with what each leaves off. */
export function rosterSources(packs: readonly ProgramPack[], layout: string): RosterSource[] {
  const out: RosterSource[] = [];
  for (const pack of packs) {
    const doc = pack.documents.find((d) => d.layout === layout);
    if (doc) out.push({ pack, layout, excludeStates: new Set(doc.excludeStates ?? []) });
  }
  return out;
}

/** The applications of `source`'s program the roster lists, by application number. */
export function rosterMembers<A extends { readonly programId: string; readonly status: string; readonly applicationNo: string; readonly deleted?: boolean | undefined }>(
  source: RosterSource,
  applications: readonly A[],
): A[] {
  return applications
    .filter((a) => a.programId === source.pack.id && !a.deleted && !source.excludeStates.has(a.status))
    .sort((a, b) => (a.applicationNo < b.applicationNo ? -1 : a.applicationNo > b.applicationNo ? 1 : 0));
}
