/**
 * The steps both applicant pickers share (PersonPicker, OrganisationPicker): the clerk types a
 * key (身份证号 or 统一社会信用代码) and presses Enter. A record on file is shown and chosen; a new
 * key opens a small form (the name) with the duplicate warning, which offers the existing record;
 * typing a name instead lists records on file to choose from. What differs — how a key is read,
 * how a record is created and shown, which duplicate warning — comes from the caller.
 *
 * Built without a <form> of its own, so it can sit inside the new-application form; Enter is
 * kept from submitting that form.
 */
import { App as AntApp, Alert, Button, Card, Input, Space, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState, type ComponentType, type KeyboardEvent, type ReactNode } from 'react';
import { ValidationError } from '../db/errors';
import { useErrorText, useRuleText, useT } from '../i18n';

interface PickedRecord {
  readonly id: string;
  readonly name: string;
  readonly deleted?: boolean | undefined;
}

/** What the typed text found: a record on file, a new key to register, names on file, or why neither. */
export type PickerLookup<R, K> =
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'found'; readonly record: R }
  | { readonly kind: 'new'; readonly key: K }
  | { readonly kind: 'matches'; readonly records: readonly R[] };

/** Texts the caller words (already translated). */
export interface PickerTexts<K> {
  readonly keyLabel: string;
  readonly hint: string;
  readonly keyRequired: string;
  readonly selected: string;
  readonly change: string;
  readonly matches: string;
  readonly noMatch: (query: string) => string;
  readonly notFound: (key: K) => string;
  readonly name: string;
  readonly nameRequired: string;
  readonly saved: (name: string) => string;
}

export interface RecordPickerProps<R extends PickedRecord, K, W> {
  /** The chosen record's id. */
  readonly value?: string | undefined;
  readonly onChange?: ((id: string | undefined) => void) | undefined;
  /** Focus the key box on mount (the first thing a clerk types). */
  readonly autoFocus?: boolean | undefined;
  /** `person-picker`, `organisation-picker`: the chosen record's card is `<testId>-selected`. */
  readonly testId: string;
  readonly texts: PickerTexts<K>;
  readonly keyWidth: number;
  readonly nameWidth: number;
  readonly nameMaxLength: number;
  /** The record by id (tombstones are treated as gone here). */
  readonly load: (id: string) => Promise<R | undefined>;
  /** The trimmed, non-empty text typed in the key box. */
  readonly lookUp: (text: string) => Promise<PickerLookup<R, K>>;
  /** Registers a new record; throws the duplicate errors `duplicateOf` knows, or a ValidationError. */
  readonly create: (name: string, key: K, allowSimilar: boolean) => Promise<R>;
  /** The duplicate warning an error from `create` stands for, if it is one. */
  readonly duplicateOf: (error: unknown) => W | undefined;
  /** What the chosen card and a listed match show after the name. */
  readonly details: (record: R, where: 'selected' | 'match') => ReactNode;
  /** Shown under the name box of a new record (what was read from the key). */
  readonly newNote?: ((key: K) => ReactNode) | undefined;
  /** The duplicate warning, offering the record on file and (where it may) registering anyway. */
  readonly Warning: ComponentType<{ readonly warning: W; readonly onUseExisting: (record: R) => void; readonly onCreateAnyway: () => void }>;
}

type Step<R, K> =
  | { kind: 'idle' }
  | { kind: 'error'; message: string }
  | { kind: 'create'; key: K }
  | { kind: 'matches'; query: string; records: readonly R[] };

/** A plain Enter (not one confirming an input-method composition), kept from submitting a form the picker sits in. */
function takeEnter(e: KeyboardEvent<HTMLInputElement>): boolean {
  if (e.key !== 'Enter' || e.nativeEvent.isComposing) return false;
  e.preventDefault();
  e.stopPropagation();
  return true;
}

export function RecordPicker<R extends PickedRecord, K, W>(props: RecordPickerProps<R, K, W>) {
  const { value, onChange, autoFocus, texts, load } = props;
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const inputId = useId();
  const nameId = useId();
  const nameRef = useRef<InputRef>(null);
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [step, setStep] = useState<Step<R, K>>({ kind: 'idle' });
  const [warning, setWarning] = useState<W | null>(null);
  const [busy, setBusy] = useState(false);
  // The chosen record: `value` when the parent holds it, else the choice made here.
  const [localId, setLocalId] = useState<string | undefined>(undefined);
  // After "更换" the key box comes back focused, ready for the scanner.
  const [refocus, setRefocus] = useState(false);
  const chosenId = value ?? localId;
  const selected = useLiveQuery(async () => {
    if (chosenId === undefined) return null;
    const record = await load(chosenId);
    return record === undefined || record.deleted === true ? null : record;
  }, [chosenId]);

  useEffect(() => {
    if (step.kind === 'create') nameRef.current?.focus();
  }, [step.kind]);

  const choose = (record: R) => {
    setLocalId(record.id);
    setStep({ kind: 'idle' });
    setWarning(null);
    setText('');
    setName('');
    onChange?.(record.id);
  };

  const change = () => {
    setLocalId(undefined);
    setRefocus(true);
    onChange?.(undefined);
  };

  const lookUp = async () => {
    const raw = text.trim();
    setWarning(null);
    if (raw === '') {
      setStep({ kind: 'error', message: texts.keyRequired });
      return;
    }
    const found = await props.lookUp(raw);
    if (found.kind === 'found') choose(found.record);
    else if (found.kind === 'new') setStep({ kind: 'create', key: found.key });
    else if (found.kind === 'matches') setStep({ kind: 'matches', query: raw, records: found.records });
    else setStep({ kind: 'error', message: rule(found.message) });
  };

  const create = async (allowSimilar: boolean) => {
    if (step.kind !== 'create') return;
    if (name.trim() === '') {
      setNameError(texts.nameRequired);
      nameRef.current?.focus();
      return;
    }
    setNameError(null);
    setBusy(true);
    try {
      const record = await props.create(name, step.key, allowSimilar);
      void message.success(texts.saved(record.name));
      choose(record);
    } catch (error) {
      const duplicate = props.duplicateOf(error);
      if (duplicate !== undefined) setWarning(duplicate);
      else if (error instanceof ValidationError) setNameError(errorText(error));
      else void message.error(t('error.unexpected', { message: errorText(error) }));
    } finally {
      setBusy(false);
    }
  };

  if (selected !== undefined && selected !== null && selected.id === chosenId) {
    return (
      <Card size="small" data-testid={`${props.testId}-selected`}>
        <Space wrap align="center" size="large">
          <Typography.Text type="secondary">{texts.selected}</Typography.Text>
          <Typography.Text strong>{selected.name}</Typography.Text>
          {props.details(selected, 'selected')}
          <Button onClick={change}>{texts.change}</Button>
        </Space>
      </Card>
    );
  }

  return (
    <div style={{ display: 'grid', gap: 8 }} data-testid={props.testId}>
      <label htmlFor={inputId}>{texts.keyLabel}</label>
      <Space.Compact style={{ maxWidth: props.keyWidth }}>
        <Input
          id={inputId}
          value={text}
          autoFocus={autoFocus === true || refocus}
          autoComplete="off"
          maxLength={40}
          onChange={(e) => {
            setText(e.target.value);
            if (step.kind !== 'idle') setStep({ kind: 'idle' });
            setWarning(null);
          }}
          onKeyDown={(e) => {
            if (takeEnter(e)) void lookUp();
          }}
        />
        <Button onClick={() => void lookUp()}>{t('people.picker.lookup')}</Button>
      </Space.Compact>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {texts.hint}
      </Typography.Text>

      {step.kind === 'error' && <Alert type="error" showIcon title={step.message} />}

      {step.kind === 'matches' &&
        (step.records.length === 0 ? (
          <Alert type="info" showIcon title={texts.noMatch(step.query)} />
        ) : (
          <Card size="small" title={texts.matches}>
            <div style={{ display: 'grid', gap: 6 }}>
              {step.records.map((r) => (
                <Space key={r.id} wrap>
                  <Button size="small" onClick={() => choose(r)}>
                    {t('people.picker.choose')}
                  </Button>
                  <Typography.Text strong>{r.name}</Typography.Text>
                  {props.details(r, 'match')}
                </Space>
              ))}
            </div>
          </Card>
        ))}

      {step.kind === 'create' && (
        <Card size="small" title={texts.notFound(step.key)}>
          <div style={{ display: 'grid', gap: 8 }}>
            <label htmlFor={nameId}>{texts.name}</label>
            <Space wrap>
              <Input
                id={nameId}
                ref={nameRef}
                value={name}
                style={{ width: props.nameWidth }}
                autoComplete="off"
                maxLength={props.nameMaxLength}
                status={nameError === null ? undefined : 'error'}
                onChange={(e) => {
                  setName(e.target.value);
                  setWarning(null);
                }}
                onKeyDown={(e) => {
                  if (takeEnter(e)) void create(false);
                }}
              />
              <Button type="primary" loading={busy} onClick={() => void create(false)}>
                {t('people.picker.create')}
              </Button>
            </Space>
            {nameError !== null && <Typography.Text type="danger">{nameError}</Typography.Text>}
            {props.newNote?.(step.key)}
            {warning !== null && <props.Warning warning={warning} onUseExisting={choose} onCreateAnyway={() => void create(true)} />}
          </div>
        </Card>
      )}
    </div>
  );
}
