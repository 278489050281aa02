/**
 * The evaluation agency's reviews of an application (004 办法 第十四条（二）: 文件资料审核 and
 * 现场审核; 第二十四条: 对评价过程进行记录): each a record of its date, the evaluators who took
 * part, what they found and whether it passed, appended (a second visit is a second record). The
 * `all-reviews-done` guard counts the kinds passed at the stage (shared/engine/agencies).
 */
import type { AgencyAudit, AgencyAuditKind } from '../../../../shared/model/records';
import { formatDateZh, type IsoDate } from '../../../../shared/rules/civil-date';
import { db, repositories } from '../../db';
import { writeContext } from '../../session';
import { todayIso } from '../../today';
import { checkDate, wrap } from './commands';
import { WorkflowError } from './fire';

export interface AgencyAuditInput {
  readonly applicationId: string;
  readonly agencyId: string | undefined;
  readonly kind: AgencyAuditKind;
  readonly on: string;
  readonly evaluatorIds: readonly string[];
  readonly findings: string;
  readonly passed: boolean;
}

/** Records one review at the application's current stage; refused (nothing written) with a Chinese reason. */
export async function recordAgencyAudit(input: AgencyAuditInput, options: { today?: IsoDate } = {}): Promise<AgencyAudit> {
  const on = checkDate(input.on, '审核日期');
  const today = options.today ?? todayIso();
  if (on > today) throw new WorkflowError(`审核日期${formatDateZh(on)}晚于今天，请核对审核记录上的日期。`);
  if (input.evaluatorIds.length === 0) throw new WorkflowError('请选择参加审核的评价人员。');
  if (input.findings.trim() === '') throw new WorkflowError('请填写审核发现。');
  const ctx = await writeContext();
  return db.transaction('rw', [db.applications, db.evaluators, db.agencyAudits, db.outbox, db.auditLog, db.mergeStates, db.settings], async () => {
    const application = await db.applications.get(input.applicationId);
    if (application === undefined || application.deleted) throw new WorkflowError('找不到这份申请，可能已被删除。');
    const evaluators = await db.evaluators.bulkGet([...input.evaluatorIds]);
    const missing = evaluators.findIndex((e) => e === undefined || e.deleted || (input.agencyId !== undefined && e.agencyId !== input.agencyId));
    if (missing >= 0) throw new WorkflowError('所选评价人员不属于该评价机构，请重新选择。');
    try {
      return await repositories.agencyAudits.create(
        {
          applicationId: input.applicationId,
          stage: application.status,
          ...(input.agencyId === undefined ? {} : { agencyId: input.agencyId }),
          kind: input.kind,
          on,
          evaluatorIds: [...input.evaluatorIds],
          findings: input.findings.trim(),
          passed: input.passed,
        },
        ctx,
      );
    } catch (error) {
      return wrap(error);
    }
  });
}
