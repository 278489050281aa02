import { getPack } from '../../../shared/programs';
import type { ProgramPack } from '../../../shared/programs/schema';

/** The loaded pack with this id; a test that names a pack that is not there fails at once. */
export function packOf(id: string): ProgramPack {
  const pack = getPack(id);
  if (!pack) throw new Error(`no pack ${id}`);
  return pack;
}
