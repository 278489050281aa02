/**
 * Reads of the 评价机构 page, as live queries: the agencies of a program, and every agency,
 * evaluator and agency audit (细则 第十条 is a check across agencies, 第十二条 counts audits),
 * so a record synced from another desk shows at once.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { AgencyRecords } from '../../../../shared/engine/agencies';
import { hasAgencies } from '../../../../shared/engine/agencies';
import { programPacks } from '../../../../shared/programs';
import type { ProgramPack } from '../../../../shared/programs/schema';
import { db } from '../../db';

/** The programs whose pack declares agency thresholds (the page offers only these). */
export function agencyPrograms(): readonly ProgramPack[] {
  return programPacks.filter(hasAgencies);
}

export function useAgencyRecords(): AgencyRecords | undefined {
  return useLiveQuery(async () => {
    const [agencies, evaluators, audits] = await Promise.all([db.evaluationAgencies.toArray(), db.evaluators.toArray(), db.agencyAudits.toArray()]);
    return {
      agencies: agencies.filter((a) => !a.deleted).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true })),
      evaluators: evaluators.filter((e) => !e.deleted),
      audits: audits.filter((a) => !a.deleted),
    };
  }, []);
}
