import { describe, expect, it } from 'vitest';
import { locales, messages, translate, type MessageKey } from '../../../renderer/src/i18n/messages';
import { formatInstantDate, formatIsoDate } from '../../../renderer/src/i18n/format';

describe('UI strings', () => {
  const keys = Object.keys(messages['zh-CN']) as MessageKey[];

  it.each(locales)('%s has every key, none empty', (locale) => {
    expect(Object.keys(messages[locale]).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(messages[locale][key].trim()).not.toBe('');
  });

  it.each(keys)('%s uses the same placeholders in both languages', (key) => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(names(messages.en[key])).toEqual(names(messages['zh-CN'][key]));
  });

  it('fills placeholders', () => {
    expect(translate('zh-CN', 'header.pending', { count: 3 })).toBe('待同步 3');
    expect(translate('en', 'header.pending', { count: 3 })).toBe('3 to sync');
  });

  it('shows dates the Chinese way by default', () => {
    expect(formatIsoDate('2026-11-22', 'zh-CN')).toBe('2026年11月22日');
    expect(formatIsoDate('2026-01-05', 'en')).toBe('5 Jan 2026');
    // An instant shows in the desk's own time zone (CI machines run in any of them).
    const instant = '2026-11-22T04:00:00.000Z';
    const local = new Date(instant);
    const day = String(local.getDate()).padStart(2, '0');
    expect(formatInstantDate(instant, 'zh-CN')).toBe(`2026年11月${day}日`);
  });
});
