/** Date-and-time display for sync facts (last success, a version's edit time, the next retry). */
import type { Locale } from '../i18n/messages';
import { tryParseHlc } from '../../../shared/sync/hlc';

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2026年11月22日 14:05` in Chinese, `22 Nov 2026, 14:05` in English, in local time. */
export function formatDateTime(instant: string | number | Date, locale: Locale): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return String(instant);
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (locale === 'zh-CN') return `${d.getFullYear()}年${pad(d.getMonth() + 1)}月${pad(d.getDate())}日 ${time}`;
  return `${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}, ${time}`;
}

/** Just the time of day, for "retrying at 14:07". */
export function formatTime(instant: number): string {
  const d = new Date(instant);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The wall-clock time an HLC stamp was written at, or `undefined` for a malformed stamp. */
export function hlcMillis(hlc: string): number | undefined {
  return tryParseHlc(hlc)?.millis;
}
