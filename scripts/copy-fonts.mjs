// Copies the document fonts (Noto Serif SC and Noto Sans SC, regular 400 and bold 700 only) from
// their npm packages into build/fonts/, which electron-builder ships as resources/fonts and the
// document builders read. The copies are gitignored (build/fonts/.gitignore); run before packaging
// and before the document tests: `node scripts/copy-fonts.mjs [destination]`.
// File names match FONT_FILES in shared/documents/fonts.ts.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

const FONTS = [
  ['@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf', 'NotoSerifSC-Regular.ttf'],
  ['@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf', 'NotoSerifSC-Bold.ttf'],
  ['@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf', 'NotoSansSC-Regular.ttf'],
  ['@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf', 'NotoSansSC-Bold.ttf'],
];
const LICENCES = [['@expo-google-fonts/noto-serif-sc/LICENSE_FONT', 'OFL.txt']];

const destination = path.resolve(process.argv[2] ?? 'build/fonts');
mkdirSync(destination, { recursive: true });
let copied = 0;
for (const [from, to] of [...FONTS, ...LICENCES]) {
  const source = path.resolve('node_modules', from);
  if (!existsSync(source)) {
    console.error(`copy-fonts: missing ${source} (run npm ci)`);
    process.exit(1);
  }
  const target = path.join(destination, to);
  // Skip an identical copy: the fonts are 10–15 MB each.
  if (existsSync(target) && statSync(target).size === statSync(source).size) continue;
  copyFileSync(source, target);
  copied += 1;
}
console.log(`copy-fonts: ${FONTS.length} fonts in ${path.relative(process.cwd(), destination) || '.'} (${copied} copied)`);
