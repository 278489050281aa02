/**
 * 004 第十五条: the centre reviews each certified organisation every year; 第十七条: a review
 * missed or failed means the certificate is revoked — here, proposed for revocation, which the
 * centre decides on (第十九条, the revocation workflow). The pack states which years are
 * reviewed: each certificate year before the last, the last ending in re-evaluation or lapse.
 */
import type { CertificateEvent } from '../model/records';
import type { ProgramPack } from '../programs/schema';
import { addDays, addYears, type IsoDate } from '../rules/civil-date';

export type AnnualReviewState = 'passed' | 'failed' | 'missed' | 'due' | 'upcoming';

export interface AnnualReviewYear {
  /** Certificate year, 1 = from the issue day to the day before the first anniversary. */
  readonly year: number;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly state: AnnualReviewState;
  /** The review recorded for the year (the latest, when reviewed again). */
  readonly review?: Pick<CertificateEvent, 'id' | 'on' | 'outcome'>;
}

export interface ReviewedCertificate {
  readonly issuedOn: IsoDate;
  readonly validFrom?: IsoDate | undefined;
  readonly validUntil?: IsoDate | undefined;
}

type Event = Pick<CertificateEvent, 'id' | 'kind' | 'on' | 'outcome' | 'year'>;

/**
 * The certificate's review years and where each stands on `today`: passed or failed as recorded;
 * missed once the year has ended without a review; due during the year; upcoming before it.
 * Empty when the pack has no annual review or the certificate no expiry.
 */
export function annualReviews(pack: ProgramPack, certificate: ReviewedCertificate, events: readonly Event[], today: IsoDate): AnnualReviewYear[] {
  if (pack.lifecycle?.annualReview === undefined || certificate.validUntil === undefined) return [];
  const start = certificate.validFrom ?? certificate.issuedOn;
  const rows: AnnualReviewYear[] = [];
  for (let year = 1; year <= 100; year++) {
    const from = addYears(start, year - 1);
    const next = addYears(start, year);
    if (!from.ok || !next.ok) break;
    const to = addDays(next.value, -1);
    // The year that ends on the expiry day is the last: re-evaluated (第十六条) or lapsed (第十七条).
    if (!to.ok || to.value >= certificate.validUntil) break;
    let review: Event | undefined;
    for (const e of events) if (e.kind === 'annual-review' && e.year === year && (review === undefined || e.id > review.id)) review = e;
    const state: AnnualReviewState =
      review?.outcome === 'passed' ? 'passed' : review?.outcome === 'failed' ? 'failed' : today > to.value ? 'missed' : today >= from.value ? 'due' : 'upcoming';
    rows.push({ year, from: from.value, to: to.value, state, ...(review ? { review: { id: review.id, on: review.on, ...(review.outcome ? { outcome: review.outcome } : {}) } } : {}) });
  }
  return rows;
}

export interface RevocationProposal {
  readonly year: number;
  /** The pack's revocation ground for it (004: 'annual-review'). */
  readonly ground: string;
  readonly reason: string;
  readonly cite: string;
}

/**
 * The years missed or failed that no revocation has been proposed for yet (004 第十七条): each
 * one a revocation the office should start, with the ground filled in.
 */
export function revocationProposals(pack: ProgramPack, certificate: ReviewedCertificate, events: readonly Event[], today: IsoDate): RevocationProposal[] {
  const rule = pack.lifecycle?.annualReview?.missedOrFailed;
  if (rule === undefined) return [];
  const proposed = new Set(events.filter((e) => e.kind === 'revocation-proposed' && e.year !== undefined).map((e) => e.year));
  if (events.some((e) => e.kind === 'revoked')) return [];
  return annualReviews(pack, certificate, events, today)
    .filter((y) => (y.state === 'missed' || y.state === 'failed') && !proposed.has(y.year))
    .map((y) => ({
      year: y.year,
      ground: rule.ground,
      reason: y.state === 'missed' ? `第${y.year}年度（${y.from}至${y.to}）未进行年度审查。` : `第${y.year}年度审查不合格。`,
      cite: rule.cite,
    }));
}
