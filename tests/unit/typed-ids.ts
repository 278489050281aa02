/**
 * Fixtures that build whole records by hand (rather than through a repository, which parses)
 * brand their ids the way the record schema does: a typo in a fixture's program or state is then
 * the schema's error, not a silently unknown program.
 */
import { programIdSchema, stateIdSchema, type ProgramId, type StateId } from '../../shared/programs/ids';

export const programId = (id: string): ProgramId => programIdSchema.parse(id);
export const stateId = (id: string): StateId => stateIdSchema.parse(id);
