/** Date entry in forms: a date typed as the clerk types it, checked by the shared parser. */
import type { Rule } from 'antd/es/form';
import { parseDateInput } from '../../../shared/rules/civil-date';

/** A date typed as 20261122, 2026-11-22 or 2026年11月22日: checked with parseDateInput. */
export function dateRules(required = true): Rule[] {
  return [
    {
      validator: async (_rule, value: unknown) => {
        if ((value === undefined || value === null || String(value).trim() === '') && !required) return;
        const parsed = parseDateInput(String(value ?? ''));
        if (!parsed.ok) throw new Error(parsed.error.message);
      },
    },
  ];
}

/** The ISO date of a value that passed dateRules (or undefined when left empty). */
export function isoOf(value: unknown): string | undefined {
  if (value === undefined || value === null || String(value).trim() === '') return undefined;
  const parsed = parseDateInput(String(value));
  return parsed.ok ? parsed.value : undefined;
}

