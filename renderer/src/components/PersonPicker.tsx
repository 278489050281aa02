/**
 * Choosing the applicant: the clerk types or scans the 身份证号 and presses Enter (a USB scanner
 * types the number and Enter itself). A person on file is shown and chosen; a new number opens a
 * small form (姓名; birth date and sex are read from the number) with the duplicate warning,
 * which offers the existing record. Typing a name instead lists people on file to choose from.
 *
 * The steps are RecordPicker's, shared with OrganisationPicker: built without a <form> of its
 * own, so it can sit inside the new-application form; Enter is kept from submitting that form.
 */
import { Typography } from 'antd';
import type { Person } from '../../../shared/model/records';
import { normalizeIdNumber, parseIdNumber, type IdNumberInfo } from '../../../shared/rules/id-number';
import { db } from '../db';
import { useT } from '../i18n';
import { formatIsoDate } from '../i18n/format';
import { createPerson, DuplicatePersonError, findPersonByIdNumber, SimilarPersonWarning } from '../features/people/commands';
import { searchPeople } from '../features/applications/search';
import { writeContext } from '../session';
import { useUi } from '../stores/ui';
import { todayIso } from '../today';
import { DuplicateRecordsWarning } from './DuplicateWarning';
import { RecordPicker, type PickerLookup } from './RecordPicker';

export interface PersonPickerProps {
  /** The chosen person's record id. */
  readonly value?: string | undefined;
  readonly onChange?: (personId: string | undefined) => void;
  /** Focus the ID-number box on mount (the first thing a clerk types). */
  readonly autoFocus?: boolean;
}

interface Warning {
  readonly kind: 'same-id' | 'similar';
  readonly people: readonly Person[];
}

async function lookUp(raw: string): Promise<PickerLookup<Person, IdNumberInfo>> {
  const compact = normalizeIdNumber(raw).toUpperCase();
  if (!/^[0-9]/.test(compact)) return { kind: 'matches', records: await searchPeople(raw, { limit: 10 }) };
  const parsed = parseIdNumber(compact, { today: todayIso() });
  if (!parsed.ok) return { kind: 'error', message: parsed.error.message };
  const existing = await findPersonByIdNumber(parsed.value.idNumber);
  return existing !== undefined ? { kind: 'found', record: existing } : { kind: 'new', key: parsed.value };
}

function duplicateOf(error: unknown): Warning | undefined {
  if (error instanceof DuplicatePersonError) return { kind: 'same-id', people: [error.existing] };
  if (error instanceof SimilarPersonWarning) return { kind: 'similar', people: error.similar };
  return undefined;
}

export function PersonPicker({ value, onChange, autoFocus }: PersonPickerProps) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const sexName = (sex: Person['sex']) => (sex === undefined ? '' : t(`people.sex.${sex}`));
  const dateText = (date: string | undefined) => (date === undefined ? '' : formatIsoDate(date, locale));

  return (
    <RecordPicker<Person, IdNumberInfo, Warning>
      value={value}
      onChange={onChange}
      autoFocus={autoFocus}
      testId="person-picker"
      texts={{
        keyLabel: t('people.picker.idLabel'),
        hint: t('people.picker.hint'),
        keyRequired: t('people.idRequired'),
        selected: t('people.picker.selected'),
        change: t('people.picker.change'),
        matches: t('people.picker.matches'),
        noMatch: (query) => t('people.picker.noMatch', { query }),
        notFound: (info) => t('people.picker.notFound', { idNumber: info.idNumber }),
        name: t('people.name'),
        nameRequired: t('people.nameRequired'),
        saved: (name) => t('people.saved', { name }),
      }}
      keyWidth={420}
      nameWidth={200}
      nameMaxLength={50}
      load={(id) => db.people.get(id)}
      lookUp={lookUp}
      create={async (name, info, allowSameNameBirth) => createPerson({ name, idNumber: info.idNumber }, await writeContext(), { allowSameNameBirth })}
      duplicateOf={duplicateOf}
      details={(p, where) =>
        where === 'selected' ? (
          <>
            <Typography.Text>{sexName(p.sex)}</Typography.Text>
            <Typography.Text>{dateText(p.birthDate)}</Typography.Text>
            <Typography.Text code>{p.idNumber}</Typography.Text>
          </>
        ) : (
          <>
            <Typography.Text code>{p.idNumber}</Typography.Text>
            <Typography.Text type="secondary">
              {sexName(p.sex)} {dateText(p.birthDate)}
            </Typography.Text>
          </>
        )
      }
      newNote={(info) => (
        <Typography.Text type="secondary">
          {t('people.picker.derived', { birthDate: dateText(info.birthDate), sex: sexName(info.sex) })}
        </Typography.Text>
      )}
      Warning={PickerDuplicateWarning}
    />
  );
}

function PickerDuplicateWarning(props: { readonly warning: Warning; readonly onUseExisting: (person: Person) => void; readonly onCreateAnyway: () => void }) {
  return <DuplicateWarning warning={props.warning} onUse={props.onUseExisting} onCreateAnyway={props.onCreateAnyway} />;
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
    <DuplicateRecordsWarning
      sameKey={warning.kind === 'same-id'}
      testId="duplicate-person-warning"
      title={t(warning.kind === 'same-id' ? 'people.duplicate.sameId' : 'people.duplicate.similar')}
      similarBody={t('people.duplicate.similarBody')}
      records={warning.people}
      describe={(p) =>
        t('people.duplicate.person', {
          name: p.name,
          idNumber: p.idNumber,
          birthDate: p.birthDate === undefined ? '—' : formatIsoDate(p.birthDate, locale),
        })
      }
      useExistingLabel={t('people.useExisting')}
      onUseExisting={onUse}
      createAnywayLabel={t('people.createAnyway')}
      onCreateAnyway={onCreateAnyway}
    />
  );
}

export type { Warning as PersonDuplicateWarning };
