import { useCallback } from 'react';
import { useUi } from '../stores/ui';
import { translate, type Locale, type MessageKey } from './messages';
import { ruleText } from './rule-text';
import { errorMessage } from '../../../shared/rules/error-message';

/** The translate function for the current language. */
export function useT(): (key: MessageKey, vars?: Record<string, string | number>) => string {
  const locale = useUi((s) => s.locale);
  return useCallback((key, vars) => translate(locale, key, vars), [locale]);
}

/** A pack's or a rule's two-language text is keyed `zh` / `en`. */
export type Lang = 'zh' | 'en';

/** The key of a two-language text for this locale. */
export function langOf(locale: Locale): Lang {
  return locale === 'zh-CN' ? 'zh' : 'en';
}

/** The key of a two-language text for the current language. */
export function useLang(): Lang {
  return langOf(useUi((s) => s.locale));
}

export { translate, type MessageKey, type Locale } from './messages';

/** A rule's or the engine's Chinese sentence (shared/) in the current language (rule-text.ts). */
export function useRuleText(): (text: string) => string {
  const locale = useUi((s) => s.locale);
  return useCallback((text) => ruleText(text, locale), [locale]);
}

/**
 * What went wrong, in the current language: an error's message is a sentence of shared/ or of a
 * command (Chinese), put into English by the same tables as every rule sentence (rule-text.ts).
 * Every toast and alert that shows a caught error goes through this.
 */
export function useErrorText(): (error: unknown) => string {
  const locale = useUi((s) => s.locale);
  return useCallback((error) => ruleText(errorMessage(error), locale), [locale]);
}

export { ruleText } from './rule-text';
