/** Every certificate template, by the layout id program packs name. */
import { ietsCertificate } from './iets-certificate';
import { rkRegistrationPage } from './rk-registration-page';
import type { CertificateTemplate } from './types';
import { xjIsiPmCertificate, xjIsiSpmCertificate } from './xj-isi-certificate';
import { xjSiAnnualCertificate } from './xj-si-annual-certificate';

export const CERTIFICATE_TEMPLATES: readonly CertificateTemplate[] = [
  xjIsiPmCertificate,
  xjIsiSpmCertificate,
  xjSiAnnualCertificate,
  rkRegistrationPage,
  ietsCertificate,
];

export function certificateTemplate(layoutId: string): CertificateTemplate | undefined {
  return CERTIFICATE_TEMPLATES.find((t) => t.id === layoutId);
}

export { ietsCertificate, rkRegistrationPage, xjIsiPmCertificate, xjIsiSpmCertificate, xjSiAnnualCertificate };
