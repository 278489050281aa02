import { useCallback } from 'react';
import { useUi } from '../stores/ui';
import { translate, type MessageKey } from './messages';

/** The translate function for the current language. */
export function useT(): (key: MessageKey, vars?: Record<string, string | number>) => string {
  const locale = useUi((s) => s.locale);
  return useCallback((key, vars) => translate(locale, key, vars), [locale]);
}

export { translate, type MessageKey, type Locale } from './messages';
