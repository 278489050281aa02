/**
 * Before a second record of one organisation: the same 统一社会信用代码 (refused: use the existing
 * one) or a similar name (a warning: use an existing one, or register anyway). Shown wherever an
 * organisation is registered — the 单位 page and the picker of 新建申请.
 */
import type { Organisation } from '../../../shared/model/records';
import { useT } from '../i18n';
import { DuplicateRecordsWarning } from './DuplicateWarning';

export interface OrganisationDuplicate {
  readonly kind: 'same-code' | 'similar';
  readonly organisations: readonly Organisation[];
}

export function DuplicateOrganisationWarning(props: {
  readonly warning: OrganisationDuplicate;
  readonly onUseExisting: (organisation: Organisation) => void;
  readonly onCreateAnyway: () => void;
}) {
  const t = useT();
  const { warning } = props;
  return (
    <DuplicateRecordsWarning
      sameKey={warning.kind === 'same-code'}
      testId="duplicate-organisation-warning"
      title={t(warning.kind === 'same-code' ? 'people.org.duplicate.sameCode' : 'people.org.duplicate.similar')}
      similarBody={t('people.org.duplicate.similarBody')}
      records={warning.organisations}
      describe={(o) => t('people.org.duplicate.item', { name: o.name, creditCode: o.creditCode })}
      useExistingLabel={t('people.org.useExisting')}
      onUseExisting={props.onUseExisting}
      createAnywayLabel={t('people.org.createAnyway')}
      onCreateAnyway={props.onCreateAnyway}
    />
  );
}
