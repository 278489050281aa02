/**
 * Which builder makes each layout a program pack names (`documents[].layout`), so a screen can
 * offer "print" for exactly the documents that exist. Layouts not listed have no builder yet
 * (e.g. zj-it-senior-certificate, zj-it-senior-material-list). The office-wide certificate
 * register (buildCertificateRegisterXlsx) is a report that no pack names.
 */
export type DocumentBuilder =
  | 'buildCertificatesPdf'
  | 'buildReceiptPdf'
  | 'buildReturnNoticePdf'
  | 'buildBindingTocPdf'
  | 'buildRkApplicationFormPdf'
  | 'buildSummarySheetPdf'
  | 'buildZjRosterXlsx'
  | 'buildPublicityListXlsx'
  | 'buildRkTalentRegisterXlsx'
  | 'buildGradeSummaryXlsx'
  | 'buildGradedRegisterXlsx'
  | 'buildCertificateRegisterXlsx'
  | 'buildScoringSheetPdf'
  | 'buildIetsEvaluationReportPdf'
  | 'buildRkCancellationNoticePdf'
  | 'buildIetsRevocationNoticePdf';

export const LAYOUT_BUILDERS: Readonly<Record<string, DocumentBuilder>> = {
  // Certificates: the template id is the layout id (templates/index.ts).
  'xj-isi-pm-certificate': 'buildCertificatesPdf',
  'xj-isi-spm-certificate': 'buildCertificatesPdf',
  'xj-si-certificate': 'buildCertificatesPdf',
  'rk-registration-page': 'buildCertificatesPdf',
  'iets-certificate': 'buildCertificatesPdf',
  // Intake.
  'return-notice': 'buildReturnNoticePdf',
  'rk-registration-form': 'buildRkApplicationFormPdf',
  'zj-it-senior-summary-form': 'buildSummarySheetPdf',
  'zj-it-senior-volume-contents': 'buildBindingTocPdf',
  // Review and decisions.
  'zj-it-senior-review-form': 'buildScoringSheetPdf',
  'zj-it-senior-score-sheet': 'buildScoringSheetPdf',
  'iets-evaluation-report': 'buildIetsEvaluationReportPdf',
  'rk-cancellation-notice': 'buildRkCancellationNoticePdf',
  'iets-revocation-notice': 'buildIetsRevocationNoticePdf',
  // Rosters and registers.
  'zj-it-senior-roster': 'buildZjRosterXlsx',
  'zj-it-senior-publicity': 'buildPublicityListXlsx',
  'xj-isi-results-list': 'buildPublicityListXlsx',
  'iets-publicity-list': 'buildPublicityListXlsx',
  'rk-talent-register': 'buildRkTalentRegisterXlsx',
  'xj-si-annual-results': 'buildPublicityListXlsx',
  'grade-summary': 'buildGradeSummaryXlsx',
  'graded-certificate-register': 'buildGradedRegisterXlsx',
};
