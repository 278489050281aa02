/**
 * Files that are not what they claim, or are built to hurt (issue 15 三): each gets a clear
 * Chinese message and nothing of it is used. Zip bombs are refused on their declared sizes before
 * inflating, or stopped the moment the output passes what the archive declared; a file with
 * 100,000 rows streams with progress; formulas are read by their saved values.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readImport, reviewRows, type ImportSpec, type ProgressPhase } from '../../../shared/import';
import { buildXlsx, fixture, headerRow, id, is, lieAboutSize, num, row, specOf, TODAY } from './helpers';
import { expectFail } from '../rules/expect-result';

const roster = specOf('zj-it-senior', 'roster');

function refusal(bytes: Uint8Array, spec: ImportSpec = roster, limits = {}): { code: string; message: string } {
  const result = readImport({ bytes, spec, today: TODAY, limits });
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

/** A compound (OLE) file whose directory names the given streams, as Office writes them. */
function compoundFile(streams: readonly string[]): Uint8Array {
  const bytes = new Uint8Array(512 + 128 * (streams.length + 1));
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  ['Root Entry', ...streams].forEach((name, i) => {
    const at = 512 + 128 * i;
    for (let k = 0; k < name.length; k++) bytes[at + 2 * k] = name.charCodeAt(k);
  });
  return bytes;
}

const SIMPLE_HEADER = ['姓名', '身份证号码', '出生年月', '自评分'];

describe('not a spreadsheet the importer reads: refused with what to do', () => {
  it.each([
    ['an empty file', new Uint8Array(0), 'import.empty', '文件是空的'],
    ['a PDF', strToU8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'import.not-spreadsheet', '这是 PDF 文件'],
    ['a picture', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), 'import.not-spreadsheet', '无法识别文件格式'],
    ['a web page saved as .xls', strToU8('<html><body><table><tr><td>姓名</td></tr></table></body></html>'), 'import.html', '网页（HTML）格式'],
    ['Excel 2003 XML', strToU8('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'), 'import.xls', '另存为'],
    ['a Word .docx', zipSync({ 'word/document.xml': strToU8('<w:document/>') }), 'import.not-spreadsheet', 'Word 文档'],
    ['a zip of something else', zipSync({ 'readme.txt': strToU8('hello') }), 'import.not-spreadsheet', '不是 Excel 工作簿'],
    ['a Word .doc', compoundFile(['WordDocument']), 'import.not-spreadsheet', 'Word 文档'],
  ])('%s', (_, bytes, code, words) => {
    const error = refusal(bytes);
    expect(error.code).toBe(code);
    expect(error.message).toContain(words);
  });

  it('an old .xls made by LibreOffice: 请另存为 .xlsx', () => {
    const error = refusal(fixture('roster-small.xls'));
    expect(error.code).toBe('import.xls');
    expect(error.message).toContain('旧版 Excel 97-2003 工作簿（.xls）');
    expect(error.message).toContain('“Excel 工作簿（*.xlsx）”');
  });

  it('an .ods made by LibreOffice', () => {
    expect(refusal(fixture('roster-small.ods')).code).toBe('import.ods');
  });

  it('a password-protected workbook (an encrypted OOXML package is a compound file)', () => {
    const error = refusal(compoundFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']));
    expect(error.code).toBe('import.encrypted');
    expect(error.message).toContain('取消密码');
  });

  it('a zip whose worksheet entry is encrypted (legacy zip encryption)', () => {
    const book = buildXlsx({ sheets: [{ name: 'S', data: headerRow(1, SIMPLE_HEADER) }] });
    const out = new Uint8Array(book);
    const view = new DataView(out.buffer);
    for (let i = 0; i + 4 < out.length; i++) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint16(i + 8, view.getUint16(i + 8, true) | 1, true);
    }
    expect(refusal(out).code).toBe('import.encrypted');
  });

  it('a truncated .xlsx (a download cut short)', () => {
    const bytes = fixture('roster-messy.xlsx');
    expect(refusal(bytes.subarray(0, Math.floor(bytes.length / 2))).code).toBe('import.corrupt');
  });

  it('a file beyond the size limit', () => {
    const error = refusal(fixture('roster-small.csv'), roster, { maxFileBytes: 100 });
    expect(error.code).toBe('import.too-large');
  });
});

describe('zip bombs: bounded memory and time', () => {
  /** A worksheet of `mb` megabytes of blanks between two rows: DEFLATE squeezes it about 1000 : 1. */
  const padded = (mb: number) =>
    buildXlsx({ sheets: [{ name: '花名册', data: headerRow(1, SIMPLE_HEADER) + ' '.repeat(mb * 1024 * 1024) + row(2, is('A2', '张三')) }] });

  it('an entry compressed far beyond any real worksheet is refused before a byte is inflated', () => {
    const bomb = padded(40);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const phases: ProgressPhase[] = [];
    const result = readImport({ bytes: bomb, spec: roster, today: TODAY, onProgress: (phase) => phases.push(phase) });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('import.zip-bomb');
      expect(result.error.message).toContain('没有导入任何内容');
    }
    expect(phases).toEqual([]);
  });

  it('an entry declared bigger than the limit is refused before inflating', () => {
    expect(refusal(padded(2), roster, { maxEntryBytes: 1024 * 1024 }).code).toBe('import.zip-bomb');
  });

  it('an archive that declares a small entry and inflates a big one is stopped at the declared size', () => {
    const liar = lieAboutSize(padded(8), 'xl/worksheets/sheet1.xml', 4096);
    const done: number[] = [];
    expectFail(readImport({ bytes: liar, spec: roster, today: TODAY, sheet: 0, onProgress: (phase, d, total) => phase === 'reading' && done.push(d / total) }), 'import.zip-bomb');
    // Stopped in the first piece of compressed input, not after inflating all of it.
    expect(done.length).toBeLessThanOrEqual(1);
  });

  it('shared strings beyond the limit for what is held whole', () => {
    const strings = Array.from({ length: 20_000 }, (_, i) => `姓名${i}`.repeat(20));
    const book = buildXlsx({ sheets: [{ name: 'S', data: headerRow(1, SIMPLE_HEADER) }], sharedStrings: strings });
    expect(refusal(book, roster, { maxHeldEntryBytes: 512 * 1024 }).code).toBe('import.zip-bomb');
  });
});

describe('size: many rows stream with progress; limits end it cleanly', () => {
  const rows = (n: number) => {
    const out = [headerRow(1, SIMPLE_HEADER)];
    for (let i = 0; i < n; i++) {
      const r = i + 2;
      const idNumber = id(`1101051980${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`);
      out.push(row(r, is(`A${r}`, `张${i}`) + is(`B${r}`, idNumber) + is(`C${r}`, '1980年01月') + num(`D${r}`, 80 + (i % 20))));
    }
    return out.join('');
  };

  it('100,000 rows: every row read, progress reported as the sheet streams', { timeout: 180_000 }, () => {
    const bytes = buildXlsx({ sheets: [{ name: '花名册', data: rows(100_000) }] });
    const reading: number[] = [];
    const checking: number[] = [];
    const result = readImport({
      bytes,
      spec: roster,
      today: TODAY,
      onProgress: (phase, done, total) => (phase === 'reading' ? reading : checking).push(done / total),
    });
    if (!result.ok || !result.value.parsed.ok) throw new Error('expected rows');
    expect(result.value.parsed.value.rows).toHaveLength(100_000);
    expect(result.value.parsed.value.rows[99_999]!.row).toBe(100_001);
    expect(reading.length).toBeGreaterThan(5);
    expect(reading.at(-1)).toBe(1);
    expect(reading).toEqual([...reading].sort((a, b) => a - b));
    expect(checking.at(-1)).toBe(1);
  });

  it('more rows than the limit: refused with the limit named, not a half-read sheet', () => {
    const error = refusal(buildXlsx({ sheets: [{ name: '花名册', data: rows(300) }] }), roster, { maxRows: 100 });
    expect(error.code).toBe('import.too-many-rows');
    expect(error.message).toContain('100行');
  });
});

describe('formulas, several sheets and the cell forms other programs write', () => {
  it('a formula is read by its saved value; one saved without a value, or with an error, is a row error', () => {
    const data =
      headerRow(1, SIMPLE_HEADER) +
      row(2, is('A2', '张三') + is('B2', '110105194910010015') + is('C2', '1949年10月') + '<c r="D2"><f>80+5</f><v>85</v></c>') +
      row(3, is('A3', '李四') + is('B3', id('11010519491001002')) + is('C3', '1949年10月') + '<c r="D3"><f>SUM(E3:F3)</f></c>') +
      row(4, is('A4', '王五') + is('B4', id('11010519491001003')) + is('C4', '1949年10月') + '<c r="D4" t="e"><f>VLOOKUP(A4,X:Y,2,0)</f><v>#N/A</v></c>');
    const result = readImport({ bytes: buildXlsx({ sheets: [{ name: '花名册', data }] }), spec: roster, today: TODAY });
    if (!result.ok || !result.value.parsed.ok) throw new Error('expected rows');
    const rep = reviewRows(result.value.parsed.value, roster, { today: TODAY });
    expect(rep.rows[0]!.values['selfScore']).toBe(85);
    expect(rep.rows[1]!.errors.map((e) => e.code)).toEqual(['import.formula-no-value']);
    expect(rep.rows[1]!.errors[0]!.message).toContain('第3行“自评分”（D列）：这一格是公式（=SUM(E3:F3)），但文件里没有保存计算结果');
    expect(rep.rows[2]!.errors.map((e) => e.code)).toEqual(['import.formula-error']);
    expect(rep.rows[2]!.errors[0]!.message).toContain('#N/A');
  });

  it('several sheets: the first visible one with the header is read; the clerk may choose another', () => {
    const sheet = (name: string, hidden: boolean, person: string) => ({
      name,
      hidden,
      data: headerRow(1, SIMPLE_HEADER) + row(2, is('A2', person) + is('B2', '110105194910010015')),
    });
    const bytes = buildXlsx({ sheets: [sheet('旧表', true, '甲'), { name: '封面', data: row(1, is('A1', '2019年度花名册')) }, sheet('花名册', false, '乙')] });
    const chosen = readImport({ bytes, spec: roster, today: TODAY });
    if (!chosen.ok || !chosen.value.parsed.ok) throw new Error('expected rows');
    expect(chosen.value.sheetIndex).toBe(2);
    expect(chosen.value.sheetNote).toBe('共3个工作表，读取的是“花名册”。');
    expect(chosen.value.sheets.map((s) => [s.name, s.hidden])).toEqual([['旧表', true], ['封面', false], ['花名册', false]]);
    expect(chosen.value.parsed.value.rows[0]!.values['name']).toBe('乙');
    const other = readImport({ bytes, spec: roster, today: TODAY, sheet: 0 });
    if (!other.ok || !other.value.parsed.ok) throw new Error('expected rows');
    expect(other.value.parsed.value.rows[0]!.values['name']).toBe('甲');
  });

  it('prefixed elements, rich text with a phonetic guide, booleans, 1904 dates, a date-formatted number', () => {
    const spec = specOf('zj-it-senior', 'applicants');
    const data =
      headerRow(1, ['姓名', '身份证号码', '出生年月', '是否单位技术负责人', '聘任时间']) +
      row(2, '<c r="A2" t="s"><v>0</v></c>' + is('B2', '110105194910010015') + num('C2', 17_000, 1) + '<c r="D2" t="b"><v>1</v></c>' + num('E2', 40_000, 2));
    const bytes = buildXlsx({
      sheets: [{ name: 'S', data, prefix: 'x' }],
      sharedStringsXml: '<si><r><t>张</t></r><r><t>三丰</t></r><rPh sb="0" eb="1"><t>zhang</t></rPh></si>',
      date1904: true,
      numFmts: { 176: 'yyyy"年"m"月"' },
      xfs: [0, 176, 14],
    });
    const result = readImport({ bytes, spec, today: TODAY });
    if (!result.ok || !result.value.parsed.ok) throw new Error(result.ok && !result.value.parsed.ok ? result.value.parsed.error.message : 'refused');
    // 1904 system: day 17,000 is 1950-07-18; day 40,000 is 2013-07-07.
    expect(result.value.parsed.value.rows[0]!.values).toMatchObject({ name: '张三丰', birthMonth: '1950-07', isUnitTechnicalLead: true, appointedOn: '2013-07' });
  });
});
