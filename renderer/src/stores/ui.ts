/**
 * UI state that outlives a reload: the interface language. Kept in localStorage (zustand
 * persist), not in IndexedDB: it is a preference of this browser profile, it must be known before
 * the first paint, and it never syncs.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Locale } from '../i18n/messages';

interface UiState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

export const useUi = create<UiState>()(
  persist(
    (set) => ({
      locale: 'zh-CN',
      setLocale: (locale) => set({ locale }),
    }),
    { name: 'association-desk.ui', version: 1 },
  ),
);
