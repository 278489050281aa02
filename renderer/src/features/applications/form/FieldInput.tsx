/**
 * One input per field type of a program pack (shared/programs/schema FIELD_TYPES). The input only
 * turns keystrokes into the stored value (components/fields/values.ts); whether the value is
 * right is the engine's to say, shown by the caller under the field.
 *
 * `onChange` runs on every keystroke (the caller saves its draft); `onCommit` when the field is
 * left (blur — Enter moves focus, so it commits too) or a choice is made.
 */
import { Checkbox, Input, Radio, Select, Space, Typography } from 'antd';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { FieldDef, TableColumn } from '../../../../../shared/programs/schema';
import { useT } from '../../../i18n';
import type { MoneyUnit } from '../../../../../shared/rules/money';
import { displayText, isTextBox, parseTyped } from './values';
import { TableInput } from './TableInput';
import { focusNextField } from '../../../components/useEnterToNext';

export type FieldLike = FieldDef | TableColumn;
type Lang = 'zh' | 'en';

export interface FieldInputProps {
  readonly def: FieldLike;
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
  readonly onCommit?: () => void;
  /** The DOM id the label points at. */
  readonly id: string;
  readonly lang: Lang;
  readonly invalid?: boolean;
  readonly disabled?: boolean;
  /** For cells of a table, which have no visible label of their own. */
  readonly ariaLabel?: string;
  /** Errors of a table's cells: `field[row].column` → messages. */
  readonly cellErrors?: ReadonlyMap<string, readonly string[]>;
  readonly autoFocus?: boolean;
  /** A cell of a table: the unit of an amount is in the column's header, not in the box. */
  readonly inTable?: boolean;
}

// ---------------------------------------------------------------------------------------------
// A text box that shows the stored value formatted and keeps what is typed while typing
// ---------------------------------------------------------------------------------------------

interface TextBoxProps {
  readonly type: FieldLike['type'];
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
  readonly onCommit?: (() => void) | undefined;
  readonly id: string;
  readonly placeholder?: string | undefined;
  readonly invalid?: boolean | undefined;
  readonly disabled?: boolean | undefined;
  readonly ariaLabel?: string | undefined;
  readonly suffix?: ReactNode;
  readonly autoFocus?: boolean | undefined;
  readonly inputMode?: 'text' | 'numeric' | 'decimal' | 'tel' | undefined;
  readonly maxLength?: number | undefined;
  /** For an amount: the unit a bare number is read in and shown in (default 元). */
  readonly moneyUnit?: MoneyUnit | undefined;
}

export function TextBox(props: TextBoxProps) {
  const { type, value, onChange, onCommit } = props;
  // null: not being typed in, so the stored value is shown formatted.
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? displayText(type, value, props.moneyUnit);
  return (
    <Input
      id={props.id}
      value={shown}
      autoComplete="off"
      spellCheck={false}
      placeholder={props.placeholder}
      status={props.invalid ? 'error' : undefined}
      disabled={props.disabled}
      aria-label={props.ariaLabel}
      aria-invalid={props.invalid || undefined}
      suffix={props.suffix}
      autoFocus={props.autoFocus}
      inputMode={props.inputMode}
      maxLength={props.maxLength}
      onFocus={() => setText(displayText(type, value, props.moneyUnit))}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseTyped(type, e.target.value, props.moneyUnit));
      }}
      onBlur={() => {
        setText(null);
        onCommit?.();
      }}
    />
  );
}

// ---------------------------------------------------------------------------------------------
// Choices
// ---------------------------------------------------------------------------------------------

interface EnumSelectProps {
  readonly id: string;
  readonly value: unknown;
  readonly options: readonly { value: string; label: string }[];
  readonly onChange: (value: unknown) => void;
  readonly onCommit?: (() => void) | undefined;
  readonly placeholder: string;
  readonly invalid?: boolean | undefined;
  readonly disabled?: boolean | undefined;
  readonly ariaLabel?: string | undefined;
  readonly autoFocus?: boolean | undefined;
}

/**
 * A drop-down that types to filter. Enter on an open list picks the option and moves on; Enter
 * on a closed list with a value moves on; Enter on an empty closed list opens it.
 */
export function EnumSelect(props: EnumSelectProps) {
  const open = useRef(false);
  const wasOpen = useRef(false);
  const hasValue = props.value !== undefined && props.value !== null && props.value !== '';
  const onKeyDownCapture = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    wasOpen.current = open.current;
    if (!open.current && hasValue) {
      // Chosen already: move on without the list opening (stopped before the drop-down sees it).
      e.preventDefault();
      e.stopPropagation();
      focusNextField(e.target as HTMLElement);
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    const from = e.target as HTMLElement;
    // The list picks the option in this keystroke; move on once it has.
    if (wasOpen.current) setTimeout(() => focusNextField(from), 0);
  };
  // An unknown stored value (from an older pack or a bad import) is shown as it is.
  const known = props.options.some((o) => o.value === props.value);
  const options = known || !hasValue ? props.options : [...props.options, { value: String(props.value), label: String(props.value) }];
  return (
    <span data-enter="self" onKeyDownCapture={onKeyDownCapture} onKeyDown={onKeyDown} style={{ display: 'block' }}>
      <Select
        id={props.id}
        showSearch={{ optionFilterProp: 'label' }}
        allowClear
        style={{ width: '100%' }}
        value={hasValue ? (props.value as string) : undefined}
        options={[...options]}
        placeholder={props.placeholder}
        status={props.invalid ? 'error' : undefined}
        disabled={props.disabled}
        aria-label={props.ariaLabel}
        autoFocus={props.autoFocus}
        onOpenChange={(o) => {
          open.current = o;
        }}
        onChange={(v) => {
          props.onChange(v ?? undefined);
          // Commit after the caller has the new value.
          setTimeout(() => props.onCommit?.(), 0);
        }}
        onBlur={() => props.onCommit?.()}
      />
    </span>
  );
}

function YesNo(props: { id: string; value: unknown; onChange: (v: unknown) => void; onCommit?: (() => void) | undefined; disabled?: boolean | undefined; ariaLabel?: string | undefined }) {
  const t = useT();
  const set = (v: boolean) => {
    props.onChange(v);
    setTimeout(() => props.onCommit?.(), 0);
  };
  return (
    <span
      onKeyDown={(e) => {
        // 1/Y = 是, 0/N = 否, as on a number pad.
        const k = e.key.toLowerCase();
        if (k === '1' || k === 'y') set(true);
        else if (k === '0' || k === 'n') set(false);
      }}
    >
      <Radio.Group
        id={props.id}
        name={props.id}
        aria-label={props.ariaLabel}
        disabled={props.disabled}
        value={typeof props.value === 'boolean' ? props.value : undefined}
        onChange={(e) => set(e.target.value as boolean)}
      >
        <Radio value={true}>{t('form.field.yes')}</Radio>
        <Radio value={false}>{t('form.field.no')}</Radio>
      </Radio.Group>
    </span>
  );
}

// ---------------------------------------------------------------------------------------------
// Composite fields
// ---------------------------------------------------------------------------------------------

interface Endorsement {
  text?: string;
  date?: string;
  sealed?: boolean;
}

function EndorsementInput(props: FieldInputProps) {
  const t = useT();
  const value = (typeof props.value === 'object' && props.value !== null ? props.value : {}) as Endorsement;
  const set = (patch: Partial<Endorsement>) => {
    const next: Endorsement = { ...value, ...patch };
    for (const k of Object.keys(next) as (keyof Endorsement)[]) if (next[k] === undefined || next[k] === '') delete next[k];
    props.onChange(Object.keys(next).length === 0 ? undefined : next);
  };
  return (
    <Space wrap style={{ width: '100%' }} align="center">
      <Input
        id={props.id}
        style={{ width: 260 }}
        value={value.text ?? ''}
        placeholder={t('form.field.endorsementText')}
        status={props.invalid ? 'error' : undefined}
        disabled={props.disabled}
        onChange={(e) => set({ text: e.target.value })}
        onBlur={props.onCommit}
      />
      <span style={{ width: 170, display: 'inline-block' }}>
        <TextBox
          type="date"
          id={`${props.id}-date`}
          value={value.date}
          ariaLabel={`${props.def.label[props.lang]} ${t('form.field.endorsementDate')}`}
          placeholder={t('form.field.datePlaceholder')}
          disabled={props.disabled}
          onChange={(v) => set({ date: v as string | undefined })}
          onCommit={props.onCommit}
        />
      </span>
      <Checkbox
        checked={value.sealed === true}
        disabled={props.disabled}
        onChange={(e) => {
          set({ sealed: e.target.checked ? true : undefined });
          setTimeout(() => props.onCommit?.(), 0);
        }}
      >
        {t('form.field.sealed')}
      </Checkbox>
    </Space>
  );
}

// ---------------------------------------------------------------------------------------------
// The dispatcher
// ---------------------------------------------------------------------------------------------

export function FieldInput(props: FieldInputProps) {
  const t = useT();
  const { def, value, lang } = props;
  const label = def.label[lang];

  if (def.computed) {
    return (
      <Input
        id={props.id}
        readOnly
        tabIndex={-1}
        aria-label={props.ariaLabel}
        value={value === undefined ? '' : displayText(def.type, value, def.moneyUnit)}
        placeholder={t('form.field.computed')}
        suffix={def.type === 'money' && !props.inTable ? (def.moneyUnit === 'wan-yuan' ? t('form.field.wanYuan') : t('form.field.yuan')) : undefined}
        style={{ background: '#f5f5f5', color: '#595959' }}
      />
    );
  }

  if (isTextBox(def.type)) {
    const placeholder =
      def.type === 'date' ? t('form.field.datePlaceholder') : def.type === 'year-month' ? t('form.field.yearMonthPlaceholder') : undefined;
    const inputMode =
      def.type === 'number' || def.type === 'money'
        ? 'decimal'
        : def.type === 'year'
          ? 'numeric'
          : def.type === 'phone'
            ? 'tel'
            : undefined;
    return (
      <TextBox
        type={def.type}
        id={props.id}
        value={value}
        onChange={props.onChange}
        onCommit={props.onCommit}
        placeholder={placeholder}
        invalid={props.invalid}
        disabled={props.disabled}
        ariaLabel={props.ariaLabel}
        autoFocus={props.autoFocus}
        inputMode={inputMode}
        maxLength={def.type === 'id-number' ? 24 : undefined}
        moneyUnit={def.moneyUnit}
        suffix={def.type === 'money' && !props.inTable ? (def.moneyUnit === 'wan-yuan' ? t('form.field.wanYuan') : t('form.field.yuan')) : undefined}
      />
    );
  }

  switch (def.type) {
    case 'textarea':
      return (
        <Input.TextArea
          id={props.id}
          value={typeof value === 'string' ? value : ''}
          autoSize={{ minRows: 2, maxRows: 8 }}
          status={props.invalid ? 'error' : undefined}
          disabled={props.disabled}
          aria-label={props.ariaLabel}
          onChange={(e) => props.onChange(e.target.value === '' ? undefined : e.target.value)}
          onBlur={props.onCommit}
        />
      );
    case 'enum':
      return (
        <EnumSelect
          id={props.id}
          value={value}
          options={(def.enum ?? []).map((o) => ({ value: o.value, label: o.label ? o.label[lang] : o.value }))}
          onChange={props.onChange}
          onCommit={props.onCommit}
          placeholder={t('form.field.choose')}
          invalid={props.invalid}
          disabled={props.disabled}
          ariaLabel={props.ariaLabel}
          autoFocus={props.autoFocus}
        />
      );
    case 'boolean':
      return <YesNo id={props.id} value={value} onChange={props.onChange} onCommit={props.onCommit} disabled={props.disabled} ariaLabel={props.ariaLabel ?? label} />;
    case 'signature':
      return (
        <Checkbox
          id={props.id}
          checked={value === true}
          disabled={props.disabled}
          aria-label={props.ariaLabel}
          onChange={(e) => {
            props.onChange(e.target.checked ? true : undefined);
            setTimeout(() => props.onCommit?.(), 0);
          }}
        >
          {t('form.field.signed')}
        </Checkbox>
      );
    case 'endorsement':
      return <EndorsementInput {...props} />;
    case 'photo':
      return (
        <Typography.Text id={props.id} type={value === undefined ? 'secondary' : 'success'}>
          {value === undefined ? t('form.field.photo') : t('form.field.photoPresent')}
        </Typography.Text>
      );
    case 'table':
      return <TableInput {...props} />;
    default:
      return <Input id={props.id} value={typeof value === 'string' ? value : ''} onChange={(e) => props.onChange(e.target.value)} onBlur={props.onCommit} />;
  }
}
