/**
 * Values stored as codes, with their words in both languages: a record keeps `unit`, a screen
 * shows 单位 / The unit (STYLE: stored values are codes; labels come from packs or i18n).
 */

/** Whom a return goes back to: recorded as the event's `returnTo` (a code; labels below). */
export const RETURN_TO_OPTIONS = ['unit', 'individual'] as const;
export type ReturnTo = (typeof RETURN_TO_OPTIONS)[number];

/** 000 第十一条 退回提交单位或个人: the words for each, in both languages. */
export const RETURN_TO_LABELS: Readonly<Record<ReturnTo, { readonly zh: string; readonly en: string }>> = {
  unit: { zh: '单位', en: 'The unit' },
  individual: { zh: '个人', en: 'The individual' },
};

/**
 * Desks before the codes stored the Chinese words; a stored or pulled old value reads as its code
 * (the schema's preprocess and the schema upgrade both use this).
 */
export function returnToCode(value: unknown): unknown {
  if (value === '单位') return 'unit';
  if (value === '个人') return 'individual';
  return value;
}

