/**
 * The light part of certificates.ts (no pdf-lib, no fonts), so a screen can compute validity
 * and calibration marks without loading the PDF engine: the validity a certificate carries and
 * where the calibration page's crosshairs are.
 */
import { fail, ok, type Result } from '../rules/result';
import { type IsoDate } from '../rules/civil-date';
import { expiryDate } from '../rules/validity';
import { pageSizeMm, type CertificateTemplate, type PageSpec } from './templates/types';

/** A certificate's validity as printed and signed. */
export interface Validity {
  readonly validFrom: IsoDate;
  readonly validUntil: IsoDate;
}

/** Validity from the input, else from the template's rule (validity.ts expiryDate). */
export function certificateValidity(template: CertificateTemplate, input: { readonly issuedOn: IsoDate; readonly validFrom?: IsoDate; readonly validUntil?: IsoDate }): Result<Validity> {
  const validFrom = input.validFrom ?? input.issuedOn;
  if (input.validUntil !== undefined) {
    if (input.validUntil < validFrom) return fail('documents.validity', '有效期截止日期早于起始日期，请核对。');
    return ok({ validFrom, validUntil: input.validUntil });
  }
  if (!template.validity) {
    return fail('documents.validity', `${template.title}的有效期须由办理人员填写（依据中未规定有效年限）。`);
  }
  const until = expiryDate(validFrom, template.validity.years);
  return until.ok ? ok({ validFrom, validUntil: until.value }) : until;
}

/** Crosshair positions on the calibration page, 30 mm in from each corner and at the centre. */
export function calibrationMarks(page: PageSpec): { xMm: number; yMm: number }[] {
  const { widthMm: w, heightMm: h } = pageSizeMm(page);
  return [
    { xMm: 30, yMm: 30 },
    { xMm: w - 30, yMm: 30 },
    { xMm: w / 2, yMm: h / 2 },
    { xMm: 30, yMm: h - 30 },
    { xMm: w - 30, yMm: h - 30 },
  ];
}
