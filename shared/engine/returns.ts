/**
 * Returns (退回补正) as the seeds put them: 000 第十一条 — the materials are checked for
 * completeness and authenticity (完整性、真实性审核); when they do not pass, the application is
 * returned to the unit or the individual who submitted it (退回提交单位或个人). These pure
 * functions give whom a return goes back to and its reasons, one line per shortfall the engine
 * found; the clerk may edit both before the return is fired.
 */
import type { Application } from '../model/records';
import type { Evaluation } from './evaluate';

export { RETURN_TO_LABELS, RETURN_TO_OPTIONS, returnToCode, type ReturnTo } from '../model/codes';
import type { ReturnTo } from '../model/codes';

/**
 * A return goes back the way the file came: handed in by the unit → the unit, by the person → the individual.
 * For other channels (counter, post, e-mail, website) it goes to the applicant: the unit when the
 * application is an organisation's, the person otherwise.
 */
export function defaultReturnTo(application: Pick<Application, 'channel' | 'personId' | 'organisationId'>): ReturnTo {
  if (application.channel === 'unit') return 'unit';
  if (application.channel === 'individual') return 'individual';
  return application.personId === undefined && application.organisationId !== undefined ? 'unit' : 'individual';
}

/**
 * The reasons of a return, one line per shortfall the engine found (000 第十一条: a return lists
 * its reasons), e.g. `缺少：参加继续教育的有关证明`. The clerk may edit them before firing.
 * Rejected materials come from the checklist and from `facts.rejectedMaterials` (the same list the
 * guards judge), each once.
 */
export function returnReasons(evaluation: Pick<Evaluation, 'checklist' | 'facts'>): string {
  const lines: string[] = [];
  const seen = new Set<string>();
  const add = (line: string): void => {
    if (seen.has(line)) return;
    seen.add(line);
    lines.push(line);
  };
  const { checklist, facts } = evaluation;
  for (const item of checklist.missing) add(`缺少：${item.name.zh}`);
  const rejected = new Map<string, string>();
  for (const r of checklist.rejected) rejected.set(r.item.name.zh, r.reason);
  for (const r of facts.rejectedMaterials ?? []) if (!rejected.has(r.name)) rejected.set(r.name, r.reason);
  for (const [name, reason] of rejected) add(reason.trim() === '' ? `未通过审核：${name}` : `未通过审核：${name}（${reason.trim()}）`);
  for (const item of checklist.unverified) add(`未核对原件：${item.name.zh}`);
  for (const c of checklist.copiesShort) add(`份数不足：${c.item.name.zh}（应交${c.required}份，已收${c.received}份）`);
  return lines.join('\n');
}

/**
 * Whom a return notice is addressed to: the 退回对象 recorded on the latest return (000 第十一条:
 * 退回提交单位或个人), else the way the file came. Returned to the unit → the unit's name (or the
 * employer typed on the form when the desk has no unit record); to the individual → the person.
 */
export function returnAddressee(
  application: Pick<Application, 'channel' | 'personId' | 'organisationId'>,
  lastReturnTo: ReturnTo | undefined,
  names: { readonly applicant: string; readonly unit: string },
): string {
  const to = lastReturnTo ?? defaultReturnTo(application);
  return to === 'unit' && names.unit.trim() !== '' ? names.unit.trim() : names.applicant;
}
