/**
 * Before a second record of one organisation: the same 统一社会信用代码 (refused: use the existing
 * one) or a similar name (a warning: use an existing one, or register anyway). Shown wherever an
 * organisation is registered — the 单位 page and the picker of 新建申请.
 */
import { Alert, Button, Space } from 'antd';
import type { Organisation } from '../../../shared/model/records';
import { useT } from '../i18n';

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
    <Alert
      type={warning.kind === 'same-code' ? 'error' : 'warning'}
      showIcon
      data-testid="duplicate-organisation-warning"
      title={t(warning.kind === 'same-code' ? 'people.org.duplicate.sameCode' : 'people.org.duplicate.similar')}
      description={
        <div style={{ display: 'grid', gap: 6 }}>
          {warning.kind === 'similar' && <span>{t('people.org.duplicate.similarBody')}</span>}
          {warning.organisations.map((o) => (
            <Space key={o.id} wrap>
              <span>{t('people.org.duplicate.item', { name: o.name, creditCode: o.creditCode })}</span>
              <Button size="small" type="primary" onClick={() => props.onUseExisting(o)}>
                {t('people.org.useExisting')}
              </Button>
            </Space>
          ))}
          {warning.kind === 'similar' && (
            <div>
              <Button size="small" onClick={props.onCreateAnyway}>
                {t('people.org.createAnyway')}
              </Button>
            </div>
          )}
        </div>
      }
    />
  );
}
