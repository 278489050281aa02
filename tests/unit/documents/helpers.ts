/**
 * Node-side helpers for the document tests: font bytes, the office key pair, system tools
 * (pdftotext, pdffonts, qpdf, pdftoppm, zbarimg, soffice) and where renders go. A missing tool
 * fails loudly: CI installs them all.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FONT_KEYS, type FontBytes, type FontKey } from '../../../shared/documents/fonts';
import type { Result } from '../../../shared/rules/result';
import { expectOk } from '../rules/expect-result';

const FONT_SOURCES: Record<FontKey, string> = {
  'serif-regular': 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  'serif-bold': 'node_modules/@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  'sans-regular': 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  'sans-bold': 'node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};

let fontCache: FontBytes | undefined;

/** The four faces, read once per test file from the npm packages scripts/copy-fonts.mjs copies from. */
export function loadFonts(): FontBytes {
  fontCache ??= Object.fromEntries(FONT_KEYS.map((k) => [k, new Uint8Array(readFileSync(FONT_SOURCES[k]))])) as FontBytes;
  return fontCache;
}

export const RESULTS_DIR = 'test-results/documents';

export function resultPath(name: string): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  return path.join(RESULTS_DIR, name);
}

/** Writes bytes under test-results/documents/ and returns the path. */
export function saveResult(name: string, bytes: Uint8Array): string {
  const file = resultPath(name);
  writeFileSync(file, bytes);
  return file;
}

export function requireTool(name: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  if (found.status !== 0) throw new Error(`${name} is not installed (CI installs it; locally: apt-get install the package that provides ${name})`);
}

export function run(tool: string, args: string[], options: { timeout?: number } = {}): string {
  requireTool(tool);
  return execFileSync(tool, args, { encoding: 'utf8', timeout: options.timeout ?? 60_000, maxBuffer: 64 * 1024 * 1024 });
}

/** pdftotext of the whole file (or a page range), UTF-8. */
export function pdfText(file: string, firstPage?: number, lastPage?: number): string {
  const range = firstPage ? ['-f', String(firstPage), '-l', String(lastPage ?? firstPage)] : [];
  return run('pdftotext', ['-enc', 'UTF-8', ...range, file, '-']);
}

/** Characters drawn that pdftotext does not give back (whitespace ignored). Empty = all present. */
export function missingCharacters(drawn: Iterable<string>, extracted: string): string[] {
  const have = new Set([...extracted].filter((c) => !/\s/.test(c)));
  const missing = new Set<string>();
  for (const text of drawn) for (const ch of text) if (!/\s/.test(ch) && !have.has(ch)) missing.add(ch);
  return [...missing];
}

export interface PdfFontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

/** The fonts pdffonts lists: each embedded font object once. */
export function pdfFonts(file: string): PdfFontRow[] {
  const out = run('pdffonts', [file]).split('\n').slice(2).filter((l) => l.trim() !== '');
  return out.map((line) => {
    const parts = line.trim().split(/\s+/);
    // name type [type2] encoding emb sub uni object ID
    const emb = parts[parts.length - 5];
    const sub = parts[parts.length - 4];
    return { name: parts[0] ?? '', type: parts.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes' };
  });
}

export function qpdfCheck(file: string): void {
  run('qpdf', ['--check', file]);
}

/** Renders page 1 at `dpi` to test-results/documents/<name>.png and returns the PNG path. */
export function renderPage1(file: string, name: string, dpi = 60): string {
  const prefix = resultPath(name);
  run('pdftoppm', ['-r', String(dpi), '-png', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
  return `${prefix}.png`;
}

/** QR payloads zbarimg reads from an image. */
export function decodeQr(png: string): string[] {
  requireTool('zbarimg');
  const result = spawnSync('zbarimg', ['--quiet', '--raw', '-Sbinary', png], { encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 4) throw new Error(`zbarimg failed: ${result.stderr}`);
  return result.stdout.split('\n').filter((l) => l.trim() !== '');
}

/**
 * Converts xlsx files to CSV with LibreOffice in one run (one start-up for all), every sheet to
 * its own file, with a private profile so parallel runs do not clash. Returns, per input file,
 * the CSV text of each sheet by sheet name.
 */
export function libreOfficeCsv(files: string[], sheetNames: string[][], options: { asShown?: boolean } = {}): Record<string, string>[] {
  requireTool('soffice');
  const outDir = mkdtempSync(path.join(tmpdir(), 'lo-out-'));
  const profile = mkdtempSync(path.join(tmpdir(), 'lo-profile-'));
  try {
    // Filter options: comma, double quote, UTF-8 (76), first line 1, …, token 9 = cells as shown
    // (a date cell then reads 1982年06月), last token -1 = every sheet.
    const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,${options.asShown === true},false,false,-1`;
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', filter, '--outdir', outDir, ...files], {
      encoding: 'utf8',
      timeout: 120_000,
      stdio: 'pipe',
    });
    return files.map((file, i) => {
      const base = path.basename(file).replace(/\.xlsx$/, '');
      const sheets: Record<string, string> = {};
      for (const sheet of sheetNames[i] ?? []) sheets[sheet] = readFileSync(path.join(outDir, `${base}-${sheet}.csv`), 'utf8');
      return sheets;
    });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Minimal CSV parser (RFC 4180 quoting) for LibreOffice's output. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** An Ed25519 office key pair (WebCrypto). */
export async function officeKeys(): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
}

/** A small valid JPEG (a grey-blue gradient), made with no image library: the test fixture photo. */
export function testPhotoJpeg(): Uint8Array {
  return new Uint8Array(readFileSync(path.join(__dirname, 'fixtures', 'photo.jpg')));
}

/** The name without pdf-lib's random suffix (NotoSerifSC-Regular-9750) or a subset tag (ABCDEF+). */
export function fontBaseName(name: string): string {
  return name.replace(/^[A-Z]{6}\+/, '').replace(/-\d+$/, '');
}

export interface PdfCheck {
  file: string;
  text: string;
  png: string;
  fonts: PdfFontRow[];
}

/**
 * The checks every PDF gets: written to test-results/documents/<name>.pdf, `qpdf --check`
 * passes, every drawn character comes back from pdftotext (no glyph lost in subsetting), each
 * face is embedded once and subset (the whole file stays far smaller than one font file), and
 * page 1 is rendered to <name>.png for a person to look at.
 */
export function checkPdf(name: string, bytes: Uint8Array, drawn: readonly string[]): PdfCheck {
  const file = saveResult(`${name}.pdf`, bytes);
  qpdfCheck(file);
  const text = pdfText(file);
  const missing = missingCharacters(drawn, text);
  if (missing.length > 0) throw new Error(`${name}: characters drawn but not extracted: ${missing.join('')}`);
  const fonts = pdfFonts(file);
  const bases = fonts.map((f) => fontBaseName(f.name));
  if (new Set(bases).size !== bases.length) throw new Error(`${name}: a font is embedded more than once: ${bases.join(', ')}`);
  for (const f of fonts) if (!f.embedded) throw new Error(`${name}: font ${f.name} not embedded`);
  // The smallest face is 10 MB; a subset document is a few hundred kB at most.
  if (bytes.length > 2_000_000) throw new Error(`${name}: ${bytes.length} bytes — fonts not subset?`);
  const png = renderPage1(file, name);
  return { file, text, png, fonts };
}

/** Text with every blank removed: pdftotext breaks lines and spaces characters where it likes. */
export function flat(text: string): string {
  return text.replace(/\s/g, '');
}

/** A builder given the four faces and a hook that hears every string it draws. */
type PdfBuild = (fonts: FontBytes, hooks: { onTextDrawn: (text: string) => void }) => Promise<Result<Uint8Array>>;

/**
 * Builds a PDF with the test fonts, hearing every string it draws, and gives it the checks every
 * PDF gets (`checkPdf`, saved as <name>.pdf); `body` is its text with the blanks removed.
 */
export async function builtPdf(name: string, build: PdfBuild): Promise<PdfCheck & { bytes: Uint8Array; body: string; drawn: string[] }> {
  const drawn: string[] = [];
  const bytes = expectOk(await build(loadFonts(), { onTextDrawn: (t) => drawn.push(t) }));
  const checked = checkPdf(name, bytes, drawn);
  return { ...checked, bytes, body: flat(checked.text), drawn };
}
