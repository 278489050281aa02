/**
 * The four document faces (Noto Serif SC / Noto Sans SC, regular and bold), taken from their npm
 * packages at build time: Vite copies each file into the build's assets (hashed names) and gives
 * its URL, so browser mode and the desktop shell (app://desk/assets/) serve them the same way.
 * The worker fetches them once (same origin, CSP connect-src 'self').
 */
import type { FontKey } from '../../../shared/documents';
import sansBold from '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf?url';
import sansRegular from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url';
import serifBold from '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf?url';
import serifRegular from '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf?url';

export const FONT_URLS: Readonly<Record<FontKey, string>> = {
  'serif-regular': serifRegular,
  'serif-bold': serifBold,
  'sans-regular': sansRegular,
  'sans-bold': sansBold,
};
