/**
 * The previous certificate (原证书: 编号, 发证日期, 有效期至) for kinds that act on one. Left blank,
 * a part is taken from the form's own certificate fields (shown as the placeholder), so the
 * clerk never types it twice. The window finding of the engine (在登记期内 / 尚未到 / 已过) is
 * shown under it by the caller.
 */
import { Form } from 'antd';
import type { PreviousCertificateInput } from '../create';
import { useT } from '../../../i18n';
import { TextBox } from './FieldInput';
import { displayText } from './values';

export interface CertificateBoxProps {
  readonly value: PreviousCertificateInput;
  /** What the form's fields would give for blank parts. */
  readonly fromForm: PreviousCertificateInput;
  readonly onChange: (value: PreviousCertificateInput) => void;
  readonly onCommit?: () => void;
  readonly idPrefix: string;
  readonly disabled?: boolean;
}

export function CertificateBox(props: CertificateBoxProps) {
  const t = useT();
  const set = (key: keyof PreviousCertificateInput, v: unknown) => {
    const next: Record<string, string> = {};
    for (const [k, val] of Object.entries({ ...props.value, [key]: v })) if (typeof val === 'string' && val !== '') next[k] = val;
    props.onChange(next);
  };
  const hint = (key: keyof PreviousCertificateInput, type: 'text' | 'date') => {
    const own = props.value[key];
    const derived = props.fromForm[key];
    if ((own !== undefined && own !== '') || derived === undefined) return type === 'date' ? t('form.field.datePlaceholder') : undefined;
    return t('form.cert.fromForm', { value: displayText(type, derived) });
  };
  const item = (key: keyof PreviousCertificateInput, label: string, type: 'text' | 'date') => (
    <Form.Item label={label} htmlFor={`${props.idPrefix}-cert-${key}`} style={{ marginBottom: 12 }}>
      <TextBox
        type={type}
        id={`${props.idPrefix}-cert-${key}`}
        value={props.value[key]}
        placeholder={hint(key, type)}
        disabled={props.disabled}
        onChange={(v) => set(key, v)}
        onCommit={props.onCommit}
      />
    </Form.Item>
  );
  return (
    <Form layout="vertical" component="div">
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', columnGap: 16 }}>
        {item('certificateNo', t('form.cert.no'), 'text')}
        {item('issuedOn', t('form.cert.issuedOn'), 'date')}
        {item('validUntil', t('form.cert.validUntil'), 'date')}
      </div>
    </Form>
  );
}
