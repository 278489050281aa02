/**
 * Document builders: data → bytes. PDFs (pdf-lib, subset Noto fonts) for certificates, the printer
 * calibration page and intake documents; xlsx (exceljs) for rosters and registers. Fonts, the
 * clock ("today" values) and crypto are parameters; nothing here touches files, the DOM or Node.
 */
export { FONT_FILES, FONT_KEYS, type FontBytes, type FontKey } from './fonts';
export { type AbortSignalLike, type ProgressCallback } from './errors';
export { type TextSink } from './pdf/canvas';
export {
  buildCalibrationPdf,
  buildCertificatesPdf,
  calibrationMarks,
  certificateFacts,
  certificateValidity,
  type CalibrationOptions,
  type CertificateBatch,
  type CertificateInput,
  type CertificateSigning,
  type Validity,
} from './certificates';
export { calibrateProfile, checkProfile, IDENTITY_PROFILE, type CalibrationMark, type PrintMode, type PrinterProfile } from './printer';
export {
  base64UrlDecode,
  base64UrlEncode,
  certificateSigningPayload,
  parseVerificationUrl,
  signCertificate,
  verificationUrl,
  verifyCertificateSignature,
  type CertificateFacts,
  type CryptoKeyLike,
  type SubtleCryptoLike,
} from './signature';
export {
  DEFAULT_BLOCK_SIZE,
  EMPTY_LEDGER,
  MAX_SEQUENCE,
  emptyDeviceNumbers,
  formatCertificateNo,
  issueNext,
  needsTopUp,
  parseCertificateNo,
  receiveBlock,
  remainingNumbers,
  reserveBlock,
  seriesKey,
  type DeviceNumbers,
  type NumberBlock,
  type NumberLedger,
  type Series,
} from './numbering';
export { CERTIFICATE_TEMPLATES, certificateTemplate } from './templates';
export { type CertificateTemplate, type TemplateElement, type TemplateField } from './templates/types';
export { buildReceiptPdf, type ReceiptInput, type ReceiptMaterial } from './intake/receipt';
export { buildReturnNoticePdf, type NoticeItem, type ReturnNoticeInput } from './intake/return-notice';
export { buildDecisionNoticePdf, type DecisionNoticeInput } from './intake/decision-notice';
export { buildBindingTocPdf, splitVolume, volumeOneEntries, volumeTwoEntries, type BindingTocInput, type BindingVolume, type TocEntry } from './intake/binding-toc';
export { buildRkApplicationFormPdf, type RkApplicationInput } from './intake/rk-application-form';
export { buildSummarySheetPdf, type SummarySheetInput } from './intake/zj-summary-sheet';
export { ZJ_SERVICE_CUTOFF, ZJ_SUMMARY_WATERMARK, zjServiceYears, type ZjApplicant } from './zj-applicant';
export { buildZjRosterXlsx, type ZjRosterInput } from './xlsx/zj-roster';
export { buildPublicityListXlsx, PUBLICITY_COLUMNS, type PublicityInput } from './xlsx/publicity-list';
export { buildRkTalentRegisterXlsx, type RkRegisterInput, type RkRegisterRow } from './xlsx/rk-talent-register';
export { buildGradeSummaryXlsx, buildGradeSummaryXlsx as buildXjAnnualSummaryXlsx } from './xlsx/grade-summary';
export { buildGradedRegisterXlsx } from './xlsx/graded-register';
export {
  certificateGrading,
  displayValue,
  filingOutcome,
  gradedRegisterData,
  gradeSummaryData,
  OUTCOME_ZH,
  publicityListData,
  type FilingOutcome,
  type GradedRegisterInput,
  type GradedRegisterRow,
  type GradeSummaryInput,
  type GradeSummaryInput as AnnualSummaryInput,
  type OrganisationFiling,
  type PublicityListOptions,
  type SummaryMeasure,
  type SummaryRow,
} from './org-rosters';
export { buildRenewalRemindersXlsx, REMINDER_COLUMNS, type ReminderRow, type RenewalRemindersInput } from './xlsx/renewal-reminders';
export { buildCertificateRegisterXlsx, eventsInRange, type CertificateEvent, type CertificateRegisterInput } from './xlsx/certificate-register';
export { buildScoringSheetPdf, scoringDimensionsOf, type ScoringSheetDimension, type ScoringSheetInput, type ScoringSheetItem } from './review/scoring-sheet';
export {
  buildDefenceNoticePdf,
  buildPanelResultsPdf,
  buildPanelResultsXlsx,
  type DefenceNoticeInput,
  type PanelResultRow,
  type PanelResultsInput,
} from './review/panel-results';
export { buildIetsEvaluationReportPdf, IETS_ASPECTS, type IetsAspect, type IetsReportInput } from './review/iets-report';
export {
  buildIetsRevocationNoticePdf,
  buildRkCancellationNoticePdf,
  RK_CANCELLATION_GROUNDS,
  type IetsRevocationInput,
  type RkCancellation,
  type RkCancellationInput,
} from './review/cancellation-notice';
export { LAYOUT_BUILDERS, type DocumentBuilder } from './layouts';
