/**
 * A certificate's whole life after issue (issue 13), decided here and nowhere else: validity on
 * issue, statuses that follow the date, the reminder dashboard, the rules of renewal, change,
 * reissue, deferral, cancellation, appeal, suspension, revocation and annual review, the fraud
 * ban, the register's data and reprints. Screens gather records, call these, and write what the
 * plans say through the repositories.
 */
export { certificateActions, applicationFromCertificate, type ApplicationStart, type CertificateAction, type HolderFacts } from './actions';
export { annualReviews, revocationProposals, type AnnualReviewState, type AnnualReviewYear, type RevocationProposal } from './annual-review';
export { checkFraudBans, fraudBanOf, type FraudBan } from './bans';
export { changeFiling, holderChanges, organisationPatch, personPatch, type ChangeFiling } from './change';
export {
  certificateStatusZh,
  certificateYearOf,
  effectOf,
  groundName,
  lifecycleFindings,
  originalExpiry,
  planEffect,
  type ActedOnCertificate,
  type EffectCertificate,
  type EffectPlan,
  type EffectRequest,
  type LifecycleFinding,
} from './decisions';
export { certificateHistory, type HistoryEntry } from './history';
export {
  canPrintCertificate,
  issueWrites,
  planIssue,
  printMissing,
  validityOnIssue,
  validityRuleOf,
  type CertificateDraft,
  type CertificateEventDraft,
  type IssuedValidity,
  type IssuePlan,
  type IssueRequest,
  type PreviousCertificate,
  type PrintOptions,
} from './issue';
export { appealWindow, planAppeal, planAppealDecision, planNotice, type AppealState, type AppealWindow } from './notices';
export { planReprint, registerEntries, reprintCount, type RegisterNames } from './register';
export {
  CERTIFICATE_STATUS_CODES,
  DASHBOARD_HORIZONS,
  ENDED_STATUSES,
  PLAIN_RULES,
  certificateStatus,
  lifecycleRulesOf,
  renewalDashboard,
  statusFactsOf,
  type CertificateStatus,
  type CertificateStatusCode,
  type DashboardRow,
  type LifecycleRules,
  type RenewalDashboard,
  type StatusCertificate,
  type StatusFacts,
} from './status';
