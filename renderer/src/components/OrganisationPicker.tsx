/**
 * Choosing the applicant organisation of an organisation program: the clerk types the
 * 统一社会信用代码 and presses Enter. An organisation on file is shown and chosen; a new code
 * (checked by the shared rule) opens a small form (单位名称) with the duplicate warning of the
 * 单位 page (the same name under another code), which offers the existing record. Typing a name
 * instead lists organisations on file to choose from.
 *
 * Like PersonPicker, built without a <form> of its own; Enter is kept from submitting the page.
 */
import { App as AntApp, Alert, Button, Card, Input, Space, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Organisation } from '../../../shared/model/records';
import { normalizeCreditCode, parseCreditCode } from '../../../shared/rules/credit-code';
import { db } from '../db';
import { ValidationError } from '../db/errors';
import { useT, useRuleText, useErrorText } from '../i18n';
import {
  createOrganisation,
  DuplicateOrganisationError,
  findOrganisationByCreditCode,
  searchOrganisations,
  SimilarOrganisationWarning,
} from '../features/organisations/commands';
import { writeContext } from '../session';
import { DuplicateOrganisationWarning, type OrganisationDuplicate } from './DuplicateOrganisationWarning';

export interface OrganisationPickerProps {
  /** The chosen organisation's record id. */
  readonly value?: string | undefined;
  readonly onChange?: (organisationId: string | undefined) => void;
  readonly autoFocus?: boolean;
}

type Step =
  | { kind: 'idle' }
  | { kind: 'error'; message: string }
  | { kind: 'create'; creditCode: string }
  | { kind: 'matches'; query: string; organisations: Organisation[] };

type Warning = OrganisationDuplicate;

function takeEnter(e: KeyboardEvent<HTMLInputElement>): boolean {
  if (e.key !== 'Enter' || e.nativeEvent.isComposing) return false;
  e.preventDefault();
  e.stopPropagation();
  return true;
}

export function OrganisationPicker({ value, onChange, autoFocus }: OrganisationPickerProps) {
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
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [warning, setWarning] = useState<Warning | null>(null);
  const [busy, setBusy] = useState(false);
  const [localId, setLocalId] = useState<string | undefined>(undefined);
  const [refocus, setRefocus] = useState(false);
  const chosenId = value ?? localId;
  const selected = useLiveQuery(async () => {
    if (chosenId === undefined) return null;
    const organisation = await db.organisations.get(chosenId);
    return organisation === undefined || organisation.deleted ? null : organisation;
  }, [chosenId]);

  useEffect(() => {
    if (step.kind === 'create') nameRef.current?.focus();
  }, [step.kind]);

  const choose = (organisation: Organisation) => {
    setLocalId(organisation.id);
    setStep({ kind: 'idle' });
    setWarning(null);
    setText('');
    setName('');
    onChange?.(organisation.id);
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
      setStep({ kind: 'error', message: t('people.org.creditCodeRequired') });
      return;
    }
    const code = normalizeCreditCode(raw);
    // A code is 18 letters and digits; anything with Chinese characters is a name to search.
    if (/^[0-9A-Z]+$/.test(code)) {
      const parsed = parseCreditCode(code);
      if (!parsed.ok) {
        setStep({ kind: 'error', message: rule(parsed.error.message) });
        return;
      }
      const existing = await findOrganisationByCreditCode(parsed.value.code);
      if (existing !== undefined) choose(existing);
      else setStep({ kind: 'create', creditCode: parsed.value.code });
      return;
    }
    setStep({ kind: 'matches', query: raw, organisations: await searchOrganisations(raw, 10) });
  };

  const create = async (allowSameName: boolean) => {
    if (step.kind !== 'create') return;
    if (name.trim() === '') {
      setNameError(t('people.org.nameRequired'));
      nameRef.current?.focus();
      return;
    }
    setNameError(null);
    setBusy(true);
    try {
      const organisation = await createOrganisation({ name, creditCode: step.creditCode }, await writeContext(), { allowSameName });
      void message.success(t('people.org.saved', { name: organisation.name }));
      choose(organisation);
    } catch (error) {
      if (error instanceof DuplicateOrganisationError) setWarning({ kind: 'same-code', organisations: [error.existing] });
      else if (error instanceof SimilarOrganisationWarning) setWarning({ kind: 'similar', organisations: error.similar });
      else if (error instanceof ValidationError) setNameError(errorText(error));
      else void message.error(t('error.unexpected', { message: errorText(error) }));
    } finally {
      setBusy(false);
    }
  };

  if (selected !== undefined && selected !== null && selected.id === chosenId) {
    return (
      <Card size="small" data-testid="organisation-picker-selected">
        <Space wrap align="center" size="large">
          <Typography.Text type="secondary">{t('org.picker.selected')}</Typography.Text>
          <Typography.Text strong>{selected.name}</Typography.Text>
          <Typography.Text code>{selected.creditCode}</Typography.Text>
          <Button onClick={change}>{t('org.picker.change')}</Button>
        </Space>
      </Card>
    );
  }

  return (
    <div style={{ display: 'grid', gap: 8 }} data-testid="organisation-picker">
      <label htmlFor={inputId}>{t('people.org.creditCode')}</label>
      <Space.Compact style={{ maxWidth: 460 }}>
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
        {t('org.picker.hint')}
      </Typography.Text>

      {step.kind === 'error' && <Alert type="error" showIcon title={step.message} />}

      {step.kind === 'matches' &&
        (step.organisations.length === 0 ? (
          <Alert type="info" showIcon title={t('org.picker.noMatch', { query: step.query })} />
        ) : (
          <Card size="small" title={t('org.picker.matches')}>
            <div style={{ display: 'grid', gap: 6 }}>
              {step.organisations.map((o) => (
                <Space key={o.id} wrap>
                  <Button size="small" onClick={() => choose(o)}>
                    {t('people.picker.choose')}
                  </Button>
                  <Typography.Text strong>{o.name}</Typography.Text>
                  <Typography.Text code>{o.creditCode}</Typography.Text>
                </Space>
              ))}
            </div>
          </Card>
        ))}

      {step.kind === 'create' && (
        <Card size="small" title={t('org.picker.notFound', { creditCode: step.creditCode })}>
          <div style={{ display: 'grid', gap: 8 }}>
            <label htmlFor={nameId}>{t('people.org.name')}</label>
            <Space wrap>
              <Input
                id={nameId}
                ref={nameRef}
                value={name}
                style={{ width: 320 }}
                autoComplete="off"
                maxLength={100}
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
            {warning !== null && (
              <DuplicateOrganisationWarning warning={warning} onUseExisting={choose} onCreateAnyway={() => void create(true)} />
            )}
          </div>
        </Card>
      )}
    </div>
  );
}
