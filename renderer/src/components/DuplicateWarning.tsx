/**
 * Before a second record of one person or organisation: the same key (身份证号, 统一社会信用代码 —
 * refused: use the existing record) or a similar one (a warning: use an existing record, or
 * register anyway). DuplicateOrganisationWarning and PersonPicker's DuplicateWarning word it.
 */
import { Alert, Button, Space } from 'antd';

export interface DuplicateRecordsWarningProps<R extends { readonly id: string }> {
  /** The same key is on file (an error), rather than a similar record (a warning). */
  readonly sameKey: boolean;
  readonly testId: string;
  readonly title: string;
  /** Said above a similar record's list. */
  readonly similarBody: string;
  readonly records: readonly R[];
  readonly describe: (record: R) => string;
  readonly useExistingLabel: string;
  readonly onUseExisting: (record: R) => void;
  readonly createAnywayLabel: string;
  /** Offered for similar records only. */
  readonly onCreateAnyway?: (() => void) | undefined;
}

export function DuplicateRecordsWarning<R extends { readonly id: string }>(props: DuplicateRecordsWarningProps<R>) {
  const { onCreateAnyway } = props;
  return (
    <Alert
      type={props.sameKey ? 'error' : 'warning'}
      showIcon
      data-testid={props.testId}
      title={props.title}
      description={
        <div style={{ display: 'grid', gap: 6 }}>
          {!props.sameKey && <span>{props.similarBody}</span>}
          {props.records.map((r) => (
            <Space key={r.id} wrap>
              <span>{props.describe(r)}</span>
              <Button size="small" type="primary" onClick={() => props.onUseExisting(r)}>
                {props.useExistingLabel}
              </Button>
            </Space>
          ))}
          {!props.sameKey && onCreateAnyway !== undefined && (
            <div>
              <Button size="small" onClick={onCreateAnyway}>
                {props.createAnywayLabel}
              </Button>
            </div>
          )}
        </div>
      }
    />
  );
}
