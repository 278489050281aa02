/**
 * Building blocks for the packs' workflows (shared/workflow/definition). They only assemble
 * data — states and transitions — so each pack file still reads as its seed's procedure, without
 * repeating the intake/return/resubmit loop every program shares.
 */
import type {
  WorkflowDefinitionInput,
  WorkflowGuard,
  WorkflowState,
  WorkflowStateInput,
  WorkflowTransition,
  WorkflowTransitionInput,
} from '../workflow/definition';

type StateKind = NonNullable<WorkflowState['kind']>;
type Queue = NonNullable<WorkflowState['queue']>;

export function state(id: string, zh: string, en: string, kind?: StateKind, queue?: Queue): WorkflowStateInput {
  return { id, name: { zh, en }, ...(kind ? { kind } : {}), ...(queue ? { queue } : {}) };
}

/** A final state reached with a certificate (or registration page) in hand. */
export function grantingState(id: string, zh: string, en: string): WorkflowStateInput {
  return { ...state(id, zh, en, 'final'), grantsCertificate: true };
}

export function transition(
  id: string,
  from: string | string[],
  to: string,
  label: [zh: string, en: string],
  roles: WorkflowTransition['roles'],
  guards: WorkflowGuard[] = [],
  records: WorkflowTransition['records'] = [],
): WorkflowTransitionInput {
  return { id, from, to, label: { zh: label[0], en: label[1] }, roles, guards, records };
}

export const CLERK: WorkflowTransition['roles'] = ['clerk', 'admin'];
export const REVIEWER: WorkflowTransition['roles'] = ['reviewer', 'admin'];
export const ADMIN: WorkflowTransition['roles'] = ['admin'];
/**
 * A panel's step fires on the result the chair signed (the `panel-result` guard carries it), so
 * who records it changes nothing: the chair or an office clerk, whoever has the file at hand.
 */
export const PANEL_STEP: WorkflowTransition['roles'] = ['reviewer', 'clerk', 'admin'];

/**
 * The panel's signed result for `stage` (shared/panels), with this outcome when given: the step
 * fires on it and carries it, so nobody retypes scores or an opinion the experts already gave.
 */
export function panelResult(stage: string, outcome?: 'pass' | 'fail'): WorkflowGuard {
  return outcome === undefined ? { kind: 'panel-result', stage } : { kind: 'panel-result', stage, outcome };
}
/** The certificate can be printed: on every step into 待发证 or a granting state (a number is taken only then). */
export const PRINTABLE: WorkflowGuard[] = [{ kind: 'printable' }];

/**
 * 000 第十五条、第十六条 say when a holder may apply (期满前 6 个月) but not that a late
 * application must be refused, unlike 003 三 (逾期…不再有效): an administrator may accept one
 * outside the window, giving the reason.
 */
export const LATE_RENEWAL_DISCRETION: NonNullable<WorkflowTransition['overridable']> = {
  guards: ['within-window'],
  roles: ['admin'],
  basis: { zh: '000 未规定逾期申请延续的后果', en: '000 sets no consequence for a late renewal' },
};

/**
 * How an evaluation ends (004 第十四条, 000 第十四条): the certificate to issue and issued, or not
 * passed — the same three states for every evaluation program.
 */
export function evaluationEnd(): WorkflowStateInput[] {
  return [
    state('issue', '待发证', 'Certificate to issue', 'active', 'issue'),
    grantingState('certified', '已发证', 'Certified'),
    state('not-passed', '未通过评价', 'Not passed', 'final'),
  ];
}

/** Materials complete and none rejected: the intake check every seed has in some form. */
export const MATERIALS_OK: WorkflowGuard[] = [{ kind: 'checklist-complete' }, { kind: 'no-rejected-materials' }];

/**
 * The shared intake loop: `received` (initial), `returned` (waiting for the applicant), a
 * return that records why and to whom, and a resubmission.
 */
export function intakeLoop(receivedName: [string, string] = ['已收件，待审核', 'Received']): {
  states: WorkflowStateInput[];
  transitions: WorkflowTransitionInput[];
} {
  return {
    states: [
      state('received', receivedName[0], receivedName[1], 'initial', 'intake-review'),
      state('returned', '已退回，待补正', 'Returned for correction', 'waiting', 'returned'),
    ],
    transitions: [
      transition('return', 'received', 'returned', ['退回补正', 'Return for correction'], CLERK, [], ['reason', 'returnTo']),
      transition('resubmit', 'returned', 'received', ['补正后重新提交', 'Resubmitted after correction'], CLERK),
    ],
  };
}

export interface ReviewWorkflowOptions {
  readonly id: string;
  readonly name: [zh: string, en: string];
  /** Extra guards on acceptance, e.g. the renewal window. */
  readonly acceptGuards?: WorkflowGuard[];
  /** Where the rulebook leaves discretion over an acceptance guard (definition `overridable`). */
  readonly acceptOverridable?: WorkflowTransition['overridable'];
  /**
   * Guards on the decision itself, e.g. 003 48号 四 education hours, 003 八 deferral dates, or
   * that the certificate can be printed before it waits for a number.
   */
  readonly approveGuards?: WorkflowGuard[];
  /** The final state reached on approval. */
  readonly done: [id: string, zh: string, en: string];
  /** Whether approval leads to (re)issuing a certificate first. */
  readonly issuesCertificate: boolean;
  /**
   * Whether the final state holds a certificate or registration page: by default exactly when a
   * certificate is issued first; P5's registration prints its page on the decision itself.
   */
  readonly grantsCertificate?: boolean;
  readonly decisionDeadline?: WorkflowDefinitionInput['decisionDeadline'];
}

/**
 * received → under review → (certificate to issue →) done, or refused: the shape of a renewal,
 * change, reissue or registration, where the office checks and decides without a panel.
 */
export function reviewWorkflow(o: ReviewWorkflowOptions): WorkflowDefinitionInput {
  const intake = intakeLoop();
  const [doneId, doneZh, doneEn] = o.done;
  const approveTo = o.issuesCertificate ? 'issue' : doneId;
  return {
    id: o.id,
    name: { zh: o.name[0], en: o.name[1] },
    states: [
      ...intake.states,
      state('under-review', '已受理，审核中', 'Accepted, under review', 'active', 'decision'),
      ...(o.issuesCertificate ? [state('issue', '待发证', 'Certificate to issue', 'active', 'issue')] : []),
      (o.grantsCertificate ?? o.issuesCertificate) ? grantingState(doneId, doneZh, doneEn) : state(doneId, doneZh, doneEn, 'final'),
      state('refused', '审核未通过', 'Refused', 'final'),
    ],
    transitions: [
      ...intake.transitions,
      {
        ...transition('accept', 'received', 'under-review', ['受理', 'Accept'], CLERK, [...MATERIALS_OK, ...(o.acceptGuards ?? [])]),
        ...(o.acceptOverridable ? { overridable: o.acceptOverridable } : {}),
      },
      transition('approve', 'under-review', approveTo, ['审核通过', 'Approve'], REVIEWER, o.approveGuards ?? [], ['opinion', 'decision']),
      transition('refuse', 'under-review', 'refused', ['审核不通过', 'Refuse'], REVIEWER, [], ['opinion', 'reason']),
      ...(o.issuesCertificate
        ? [transition('issue-certificate', 'issue', doneId, ['发证', 'Issue certificate'], CLERK)]
        : []),
    ],
    ...(o.decisionDeadline ? { decisionDeadline: o.decisionDeadline } : {}),
  };
}
