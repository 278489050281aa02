/**
 * Messages between the renderer and the documents worker (documents.worker.ts). One request per
 * document; the worker answers with progress messages (long jobs) and exactly one result. Inputs
 * are plain data (structured clone); the result's bytes are transferred, not copied.
 */
import type {
  AnnualSummaryInput,
  BindingTocInput,
  CertificateInput,
  CertificateRegisterInput,
  RenewalRemindersInput,
  DecisionNoticeInput,
  DefenceNoticeInput,
  GradedRegisterInput,
  PanelResultsInput,
  PrintMode,
  PrinterProfile,
  PublicityInput,
  ReceiptInput,
  ReturnNoticeInput,
  RkApplicationInput,
  RkRegisterInput,
  ScoringSheetInput,
  SummarySheetInput,
  ZjRosterInput,
} from '../../../shared/documents';

/**
 * What certificates are signed with: the office's key as a NON-extractable CryptoKey (it can sign,
 * and structured clone carries it to the worker, but no code can read the key's bytes out of it)
 * and the verification host. Made by `loadSigning` (./settings).
 */
export interface SigningSettings {
  readonly privateKey: CryptoKey;
  readonly verifyHost: string;
}

export type DocumentJob =
  | {
      readonly kind: 'certificates';
      readonly templateId: string;
      readonly certificates: readonly CertificateInput[];
      readonly signing: SigningSettings;
      readonly mode: PrintMode;
      readonly printer: PrinterProfile;
    }
  | { readonly kind: 'calibration'; readonly templateId: string; readonly printer: PrinterProfile }
  | { readonly kind: 'receipt'; readonly input: ReceiptInput }
  | { readonly kind: 'return-notice'; readonly input: ReturnNoticeInput }
  | { readonly kind: 'decision-notice'; readonly input: DecisionNoticeInput }
  | { readonly kind: 'binding-toc'; readonly input: BindingTocInput }
  | { readonly kind: 'rk-application-form'; readonly input: RkApplicationInput }
  | { readonly kind: 'summary-sheet'; readonly input: SummarySheetInput }
  | { readonly kind: 'scoring-sheet'; readonly input: ScoringSheetInput }
  | { readonly kind: 'zj-roster'; readonly input: Omit<ZjRosterInput, 'onProgress'> }
  | { readonly kind: 'publicity-list'; readonly input: PublicityInput }
  | { readonly kind: 'rk-talent-register'; readonly input: RkRegisterInput }
  | { readonly kind: 'xj-annual-summary'; readonly input: AnnualSummaryInput }
  | { readonly kind: 'certificate-register'; readonly input: CertificateRegisterInput }
  | { readonly kind: 'graded-register'; readonly input: GradedRegisterInput }
  | { readonly kind: 'renewal-reminders'; readonly input: RenewalRemindersInput }
  | { readonly kind: 'panel-results'; readonly input: PanelResultsInput }
  | { readonly kind: 'panel-results-xlsx'; readonly input: PanelResultsInput }
  | { readonly kind: 'defence-notice'; readonly input: DefenceNoticeInput };

export type DocumentJobKind = DocumentJob['kind'];

export interface JobRequest {
  readonly id: number;
  readonly job: DocumentJob;
  /** Font file URLs by face (same origin); the worker fetches each once and keeps the bytes. */
  readonly fontUrls: Readonly<Record<string, string>>;
}

export type JobMessage =
  | { readonly id: number; readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly id: number; readonly type: 'done'; readonly bytes: Uint8Array }
  | { readonly id: number; readonly type: 'failed'; readonly code: string; readonly message: string };

/** Whether the job makes a PDF (printable) or an xlsx workbook (save only). */
export function jobOutput(kind: DocumentJobKind): 'pdf' | 'xlsx' {
  return kind === 'zj-roster' || kind === 'publicity-list' || kind === 'rk-talent-register' || kind === 'xj-annual-summary' || kind === 'certificate-register' || kind === 'graded-register' || kind === 'renewal-reminders' || kind === 'panel-results-xlsx'
    ? 'xlsx'
    : 'pdf';
}
