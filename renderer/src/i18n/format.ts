import type { Locale } from './messages';

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A stored instant shown as the local calendar date: `2026年11月22日` in Chinese, `22 Nov 2026`
 * in English.
 */
export function formatInstantDate(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (locale === 'zh-CN') return `${d.getFullYear()}年${pad(d.getMonth() + 1)}月${pad(d.getDate())}日`;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

/** A `YYYY-MM-DD` date shown the same way. */
export function formatIsoDate(date: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  if (locale === 'zh-CN') return `${y}年${mo}月${d}日`;
  return new Date(Number(y), Number(mo) - 1, Number(d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

/**
 * A date put into a date box for the clerk to keep or change: `2026年11月22日` in Chinese, the
 * ISO `2026-11-22` in English (both read back by parseDateInput).
 */
export function dateInputText(date: string, locale: Locale): string {
  return locale === 'zh-CN' ? formatIsoDate(date, locale) : date;
}
