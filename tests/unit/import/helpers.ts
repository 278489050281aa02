/**
 * Helpers of the import tests: the fixtures LibreOffice wrote (tests/fixtures/import), and
 * hand-written packages for what no office program writes but files from other programs do (a
 * formula saved without its value, prefixed element names, inline strings, the 1904 date
 * system, hostile archives).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { getPack } from '../../../shared/programs';
import { importSpecFor, type ImportSpec } from '../../../shared/import';
import type { ImportKind } from '../../../shared/model/records';

export const TODAY = '2026-11-22';

export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(__dirname, '../../fixtures/import', name)));

export function specOf(programId: string, kind: ImportKind): ImportSpec {
  const pack = getPack(programId);
  if (pack === undefined) throw new Error(programId);
  const spec = importSpecFor(pack, kind);
  if (!spec.ok) throw new Error(spec.error.message);
  return spec.value;
}

/** A valid 身份证号 from its first 17 digits (ISO 7064 MOD 11-2, computed here, not by the rule under test). */
export function id(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

/** The IDs in roster-messy.xlsx (make-fixtures.mjs makes them from the same digits). */
export const MESSY = {
  ZHANG: id('33010619790115001'),
  LI: id('33010619820320002'),
  WANG: id('33010219800301003'),
  ZHAO: id('33010519790901005'),
  QIAN: id('33010819850512004'),
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface SheetSpec {
  readonly name: string;
  /** The <sheetData> content, written by hand. */
  readonly data: string;
  readonly hidden?: boolean;
  readonly merges?: readonly string[];
  /** A namespace prefix for the worksheet's elements (some generators write <x:c>). */
  readonly prefix?: string;
}

export interface BookSpec {
  readonly sheets: readonly SheetSpec[];
  readonly sharedStrings?: readonly string[];
  /** Raw <si> contents, when a test needs rich text or phonetic runs. */
  readonly sharedStringsXml?: string;
  readonly date1904?: boolean;
  /** numFmt codes by id, and the numFmtId of each cell style (xf) in order. */
  readonly numFmts?: Readonly<Record<number, string>>;
  readonly xfs?: readonly number[];
}

/** A minimal .xlsx package: workbook, relationships, styles, shared strings and the sheets. */
export function buildXlsx(book: BookSpec, extra: Zippable = {}): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        (book.date1904 ? '<workbookPr date1904="1"/>' : '') +
        '<sheets>' +
        book.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        book.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
        '<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
        '</Relationships>',
    ),
    'xl/styles.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        `<numFmts>${Object.entries(book.numFmts ?? {})
          .map(([idn, code]) => `<numFmt numFmtId="${idn}" formatCode="${esc(code)}"/>`)
          .join('')}</numFmts>` +
        '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
        `<cellXfs>${(book.xfs ?? [0]).map((n) => `<xf numFmtId="${n}"/>`).join('')}</cellXfs></styleSheet>`,
    ),
    'xl/sharedStrings.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        (book.sharedStringsXml ?? (book.sharedStrings ?? []).map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')) +
        '</sst>',
    ),
    ...extra,
  };
  book.sheets.forEach((s, i) => {
    const p = s.prefix === undefined ? '' : `${s.prefix}:`;
    const ns = s.prefix === undefined ? 'xmlns' : `xmlns:${s.prefix}`;
    const data = s.prefix === undefined ? s.data : s.data.replace(/<(\/?)(row|c|v|f|is|t)\b/g, `<$1${p}$2`);
    const merges = s.merges?.length ? `<${p}mergeCells>${s.merges.map((m) => `<${p}mergeCell ref="${m}"/>`).join('')}</${p}mergeCells>` : '';
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData>${data}</${p}sheetData>${merges}</${p}worksheet>`,
    );
  });
  return zipSync(files);
}

/** An inline-string cell. */
export const is = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${esc(text)}</t></is></c>`;
/** A number cell, with a style index when given. */
export const num = (ref: string, value: number | string, style?: number) => `<c r="${ref}"${style === undefined ? '' : ` s="${style}"`}><v>${value}</v></c>`;
export const row = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;

/** Header cells A1… from texts (inline strings). */
export function headerRow(r: number, headers: readonly string[]): string {
  return row(r, headers.map((h, i) => is(`${String.fromCharCode(65 + i)}${r}`, h)).join(''));
}

/** Sets the declared uncompressed size of an entry in a zip's central directory (and local header): an archive that lies. */
export function lieAboutSize(zip: Uint8Array, entryName: string, declared: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  const name = new TextEncoder().encode(entryName);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig !== 0x02014b50 && sig !== 0x04034b50) continue;
    const central = sig === 0x02014b50;
    const nameLength = view.getUint16(i + (central ? 28 : 26), true);
    const start = i + (central ? 46 : 30);
    if (nameLength !== name.length || !name.every((b, k) => out[start + k] === b)) continue;
    view.setUint32(i + (central ? 24 : 22), declared, true);
  }
  return out;
}
