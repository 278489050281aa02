/**
 * Choosing the applicant: the clerk types or scans the 身份证号 and presses Enter (a USB scanner
 * types the number and Enter itself). A person on file is shown and chosen; a new number opens a
 * small form (姓名; birth date and sex are read from the number) with the duplicate warning,
 * which offers the existing record. Typing a name instead lists people on file to choose from.
 *
 * Built without a <form> of its own, so it can sit inside the new-application form; Enter is
 * kept from submitting that form.
 */
import { App as AntApp, Alert, Button, Card, Input, Space, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Person } from '../../../shared/model/records';
import { normalizeIdNumber, parseIdNumber, type IdNumberInfo } from '../../../shared/rules/id-number';
import { db } from '../db';
import { ValidationError } from '../db/errors';
import { useT, useRuleText, useErrorText } from '../i18n';
import { formatIsoDate } from '../i18n/format';
import { createPerson, DuplicatePersonError, findPersonByIdNumber, SimilarPersonWarning } from '../features/people/commands';
import { searchPeople } from '../features/applications/search';
import { writeContext } from '../session';
import { useUi } from '../stores/ui';
import { todayIso } from '../today';

export interface PersonPickerProps {
  /** The chosen person's record id. */
  readonly value?: string | undefined;
  readonly onChange?: (personId: string | undefined) => void;
  /** Focus the ID-number box on mount (the first thing a clerk types). */
  readonly autoFocus?: boolean;
}

type Step =
  | { kind: 'idle' }
  | { kind: 'error'; message: string }
  | { kind: 'create'; info: IdNumberInfo }
  | { kind: 'matches'; query: string; people: Person[] };

interface Warning {
  readonly kind: 'same-id' | 'similar';
  readonly people: readonly Person[];
}

/** A plain Enter (not one confirming an input-method composition), kept from submitting a form the picker sits in. */
function takeEnter(e: KeyboardEvent<HTMLInputElement>): boolean {
  if (e.key !== 'Enter' || e.nativeEvent.isComposing) return false;
  e.preventDefault();
  e.stopPropagation();
  return true;
}

export function PersonPicker({ value, onChange, autoFocus }: PersonPickerProps) {
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const { message } = AntApp.useApp();
  const inputId = useId();
  const nameId = useId();
  const idRef = useRef<InputRef>(null);
  const nameRef = useRef<InputRef>(null);
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [warning, setWarning] = useState<Warning | null>(null);
  const [busy, setBusy] = useState(false);
  // The chosen person: `value` when the parent holds it, else the choice made here.
  const [localId, setLocalId] = useState<string | undefined>(undefined);
  // After "更换申请人" the ID box comes back focused, ready for the scanner.
  const [refocus, setRefocus] = useState(false);
  const chosenId = value ?? localId;
  const selected = useLiveQuery(async () => {
    if (chosenId === undefined) return null;
    const person = await db.people.get(chosenId);
    return person === undefined || person.deleted ? null : person;
  }, [chosenId]);

  useEffect(() => {
    if (step.kind === 'create') nameRef.current?.focus();
  }, [step.kind]);

  const choose = (person: Person) => {
    setLocalId(person.id);
    setStep({ kind: 'idle' });
    setWarning(null);
    setText('');
    setName('');
    onChange?.(person.id);
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
      setStep({ kind: 'error', message: t('people.idRequired') });
      return;
    }
    const compact = normalizeIdNumber(raw).toUpperCase();
    if (/^[0-9]/.test(compact)) {
      const parsed = parseIdNumber(compact, { today: todayIso() });
      if (!parsed.ok) {
        setStep({ kind: 'error', message: rule(parsed.error.message) });
        return;
      }
      const existing = await findPersonByIdNumber(parsed.value.idNumber);
      if (existing !== undefined) choose(existing);
      else setStep({ kind: 'create', info: parsed.value });
      return;
    }
    setStep({ kind: 'matches', query: raw, people: await searchPeople(raw, { limit: 10 }) });
  };

  const create = async (allowSameNameBirth: boolean) => {
    if (step.kind !== 'create') return;
    if (name.trim() === '') {
      setNameError(t('people.nameRequired'));
      nameRef.current?.focus();
      return;
    }
    setNameError(null);
    setBusy(true);
    try {
      const person = await createPerson({ name, idNumber: step.info.idNumber }, await writeContext(), { allowSameNameBirth });
      void message.success(t('people.saved', { name: person.name }));
      choose(person);
    } catch (error) {
      if (error instanceof DuplicatePersonError) setWarning({ kind: 'same-id', people: [error.existing] });
      else if (error instanceof SimilarPersonWarning) setWarning({ kind: 'similar', people: error.similar });
      else if (error instanceof ValidationError) setNameError(errorText(error));
      else void message.error(t('error.unexpected', { message: errorText(error) }));
    } finally {
      setBusy(false);
    }
  };

  const sexName = (sex: Person['sex']) => (sex === undefined ? '' : t(`people.sex.${sex}`));
  const dateText = (date: string | undefined) => (date === undefined ? '' : formatIsoDate(date, locale));

  if (selected !== undefined && selected !== null && selected.id === chosenId) {
    return (
      <Card size="small" data-testid="person-picker-selected">
        <Space wrap align="center" size="large">
          <Typography.Text type="secondary">{t('people.picker.selected')}</Typography.Text>
          <Typography.Text strong>{selected.name}</Typography.Text>
          <Typography.Text>{sexName(selected.sex)}</Typography.Text>
          <Typography.Text>{dateText(selected.birthDate)}</Typography.Text>
          <Typography.Text code>{selected.idNumber}</Typography.Text>
          <Button onClick={change}>{t('people.picker.change')}</Button>
        </Space>
      </Card>
    );
  }

  return (
    <div style={{ display: 'grid', gap: 8 }} data-testid="person-picker">
      <label htmlFor={inputId}>{t('people.picker.idLabel')}</label>
      <Space.Compact style={{ maxWidth: 420 }}>
        <Input
          id={inputId}
          ref={idRef}
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
        {t('people.picker.hint')}
      </Typography.Text>

      {step.kind === 'error' && <Alert type="error" showIcon title={step.message} />}

      {step.kind === 'matches' &&
        (step.people.length === 0 ? (
          <Alert type="info" showIcon title={t('people.picker.noMatch', { query: step.query })} />
        ) : (
          <Card size="small" title={t('people.picker.matches')}>
            <div style={{ display: 'grid', gap: 6 }}>
              {step.people.map((p) => (
                <Space key={p.id} wrap>
                  <Button size="small" onClick={() => choose(p)}>
                    {t('people.picker.choose')}
                  </Button>
                  <Typography.Text strong>{p.name}</Typography.Text>
                  <Typography.Text code>{p.idNumber}</Typography.Text>
                  <Typography.Text type="secondary">
                    {sexName(p.sex)} {dateText(p.birthDate)}
                  </Typography.Text>
                </Space>
              ))}
            </div>
          </Card>
        ))}

      {step.kind === 'create' && (
        <Card size="small" title={t('people.picker.notFound', { idNumber: step.info.idNumber })}>
          <div style={{ display: 'grid', gap: 8 }}>
            <label htmlFor={nameId}>{t('people.name')}</label>
            <Space wrap>
              <Input
                id={nameId}
                ref={nameRef}
                value={name}
                style={{ width: 200 }}
                autoComplete="off"
                maxLength={50}
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
            <Typography.Text type="secondary">
              {t('people.picker.derived', { birthDate: dateText(step.info.birthDate), sex: sexName(step.info.sex) })}
            </Typography.Text>
            {warning !== null && (
              <DuplicateWarning
                warning={warning}
                onUse={choose}
                onCreateAnyway={warning.kind === 'similar' ? () => void create(true) : undefined}
              />
            )}
          </div>
        </Card>
      )}
    </div>
  );
}

/** The duplicate warning: who is on file, "use the existing record", and (for namesakes) "register anyway". */
export function DuplicateWarning({
  warning,
  onUse,
  onCreateAnyway,
}: {
  readonly warning: Warning;
  readonly onUse: (person: Person) => void;
  readonly onCreateAnyway?: (() => void) | undefined;
}) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  return (
    <Alert
      type={warning.kind === 'same-id' ? 'error' : 'warning'}
      showIcon
      data-testid="duplicate-person-warning"
      title={t(warning.kind === 'same-id' ? 'people.duplicate.sameId' : 'people.duplicate.similar')}
      description={
        <div style={{ display: 'grid', gap: 6 }}>
          {warning.kind === 'similar' && <span>{t('people.duplicate.similarBody')}</span>}
          {warning.people.map((p) => (
            <Space key={p.id} wrap>
              <span>
                {t('people.duplicate.person', {
                  name: p.name,
                  idNumber: p.idNumber,
                  birthDate: p.birthDate === undefined ? '—' : formatIsoDate(p.birthDate, locale),
                })}
              </span>
              <Button size="small" type="primary" onClick={() => onUse(p)}>
                {t('people.useExisting')}
              </Button>
            </Space>
          ))}
          {onCreateAnyway !== undefined && (
            <div>
              <Button size="small" onClick={onCreateAnyway}>
                {t('people.createAnyway')}
              </Button>
            </div>
          )}
        </div>
      }
    />
  );
}

export type { Warning as PersonDuplicateWarning };
