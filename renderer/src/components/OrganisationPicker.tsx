/**
 * Choosing the applicant organisation of an organisation program: the clerk types the
 * 统一社会信用代码 and presses Enter. An organisation on file is shown and chosen; a new code
 * (checked by the shared rule) opens a small form (单位名称) with the duplicate warning of the
 * 单位 page (the same name under another code), which offers the existing record. Typing a name
 * instead lists organisations on file to choose from.
 *
 * The steps are RecordPicker's, shared with PersonPicker; Enter is kept from submitting the page.
 */
import { Typography } from 'antd';
import type { Organisation } from '../../../shared/model/records';
import { normalizeCreditCode, parseCreditCode } from '../../../shared/rules/credit-code';
import { db } from '../db';
import { useT } from '../i18n';
import {
  createOrganisation,
  DuplicateOrganisationError,
  findOrganisationByCreditCode,
  searchOrganisations,
  SimilarOrganisationWarning,
} from '../features/organisations/commands';
import { writeContext } from '../session';
import { DuplicateOrganisationWarning, type OrganisationDuplicate } from './DuplicateOrganisationWarning';
import { RecordPicker, type PickerLookup } from './RecordPicker';

export interface OrganisationPickerProps {
  /** The chosen organisation's record id. */
  readonly value?: string | undefined;
  readonly onChange?: (organisationId: string | undefined) => void;
  readonly autoFocus?: boolean;
}

async function lookUp(raw: string): Promise<PickerLookup<Organisation, string>> {
  const code = normalizeCreditCode(raw);
  // A code is 18 letters and digits; anything with Chinese characters is a name to search.
  if (!/^[0-9A-Z]+$/.test(code)) return { kind: 'matches', records: await searchOrganisations(raw, 10) };
  const parsed = parseCreditCode(code);
  if (!parsed.ok) return { kind: 'error', message: parsed.error.message };
  const existing = await findOrganisationByCreditCode(parsed.value.code);
  return existing !== undefined ? { kind: 'found', record: existing } : { kind: 'new', key: parsed.value.code };
}

function duplicateOf(error: unknown): OrganisationDuplicate | undefined {
  if (error instanceof DuplicateOrganisationError) return { kind: 'same-code', organisations: [error.existing] };
  if (error instanceof SimilarOrganisationWarning) return { kind: 'similar', organisations: error.similar };
  return undefined;
}

export function OrganisationPicker({ value, onChange, autoFocus }: OrganisationPickerProps) {
  const t = useT();
  return (
    <RecordPicker<Organisation, string, OrganisationDuplicate>
      value={value}
      onChange={onChange}
      autoFocus={autoFocus}
      testId="organisation-picker"
      texts={{
        keyLabel: t('people.org.creditCode'),
        hint: t('org.picker.hint'),
        keyRequired: t('people.org.creditCodeRequired'),
        selected: t('org.picker.selected'),
        change: t('org.picker.change'),
        matches: t('org.picker.matches'),
        noMatch: (query) => t('org.picker.noMatch', { query }),
        notFound: (creditCode) => t('org.picker.notFound', { creditCode }),
        name: t('people.org.name'),
        nameRequired: t('people.org.nameRequired'),
        saved: (name) => t('people.org.saved', { name }),
      }}
      keyWidth={460}
      nameWidth={320}
      nameMaxLength={100}
      load={(id) => db.organisations.get(id)}
      lookUp={lookUp}
      create={async (name, creditCode, allowSameName) => createOrganisation({ name, creditCode }, await writeContext(), { allowSameName })}
      duplicateOf={duplicateOf}
      details={(o) => <Typography.Text code>{o.creditCode}</Typography.Text>}
      Warning={DuplicateOrganisationWarning}
    />
  );
}
