/**
 * The columns every list of certificates starts with — the number (opening the certificate), the
 * holder and the program — shared by the reprint list and the renewal reminders.
 */
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { Certificate } from '../../../../shared/model/records';
import { getPack } from '../../../../shared/programs';
import type { Lang, useT } from '../../i18n';

export function certificateColumns<R extends { readonly certificate: Certificate; readonly holderName: string }>(
  t: ReturnType<typeof useT>,
  lang: Lang,
): TableColumnsType<R> {
  return [
    { title: t('documents.certificates.number'), render: (_, r) => <Link to={`/certificates/${r.certificate.id}`}>{r.certificate.certificateNo}</Link> },
    { title: t('documents.certificates.holder'), render: (_, r) => r.holderName || '—' },
    { title: t('documents.certificates.program'), render: (_, r) => getPack(r.certificate.programId)?.names[lang] ?? r.certificate.programId },
  ];
}
