/**
 * The six program packs, each parsed through the pack schema when this module loads: a pack that
 * does not validate is a programming error caught the moment the app (or a test) starts, with
 * the schema's Chinese message, never a screen that half-renders.
 *
 * Cross-pack references (a P2 upgrade window on the P1 certificate) are checked here too, since
 * one pack's schema cannot see the others.
 */
import { ietsPack } from './iets';
import { rkRegistrationPack } from './rk-registration';
import { loadPack, type ProgramPack, type ProgramPackInput } from './schema';
import { xjIsiPmPack } from './xj-isi-pm';
import { xjIsiSpmPack } from './xj-isi-spm';
import { xjSiAnnualPack } from './xj-si-annual';
import { zjItSeniorPack } from './zj-it-senior';

/** The pack sources, in program order P1–P6. */
export const PACK_SOURCES: readonly ProgramPackInput[] = [
  xjIsiPmPack,
  xjIsiSpmPack,
  xjSiAnnualPack,
  zjItSeniorPack,
  rkRegistrationPack,
  ietsPack,
];

export { PROGRAM_IDS, type ProgramId } from './ids';

/** Parses every source; throws with every problem found, because the packs ship with the code. */
function loadAll(sources: readonly ProgramPackInput[]): readonly ProgramPack[] {
  const problems: string[] = [];
  const packs: ProgramPack[] = [];
  for (const source of sources) {
    const loaded = loadPack(source);
    if (loaded.ok) packs.push(loaded.value);
    else problems.push(loaded.error.message);
  }
  const ids = new Set<string>();
  for (const pack of packs) {
    if (ids.has(pack.id)) problems.push(`程序包编号“${pack.id}”重复。`);
    ids.add(pack.id);
  }
  for (const pack of packs) {
    for (const w of pack.windows) {
      if (w.certificateOf !== undefined && !ids.has(w.certificateOf)) {
        problems.push(`程序包“${pack.id}”的期间“${w.names.zh}”引用的程序“${w.certificateOf}”不存在。`);
      }
    }
    for (const k of pack.applicationKinds) {
      if (k.fromProgram !== undefined && !ids.has(k.fromProgram)) {
        problems.push(`程序包“${pack.id}”的办理类型“${k.names.zh}”引用的程序“${k.fromProgram}”不存在。`);
      }
    }
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return packs;
}

/** All six packs, validated. */
export const programPacks: readonly ProgramPack[] = loadAll(PACK_SOURCES);

const byId = new Map<string, ProgramPack>(programPacks.map((p) => [p.id, p]));

/** The pack with this id, or undefined. */
export function getPack(id: string): ProgramPack | undefined {
  return byId.get(id);
}

export { loadPack, programPackSchema } from './schema';
export type { ProgramPack, ProgramPackInput } from './schema';
