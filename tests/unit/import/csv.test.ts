/**
 * CSV as offices save it: the encoding found from the bytes (BOM, UTF-8, else GB18030; UTF-16
 * from Excel's "Unicode text"), the delimiter from the lines, RFC 4180 quoting, and the row
 * numbers a clerk sees when the file is opened in Excel.
 */
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../shared/import/csv';
import { DEFAULT_LIMITS } from '../../../shared/import';
import { decodeText } from '../../../shared/import/text';

const utf8 = (s: string) => new TextEncoder().encode(s);

function cells(bytes: Uint8Array) {
  const r = readCsv(bytes, DEFAULT_LIMITS);
  if (!r.ok) throw new Error(r.error.message);
  return { rows: r.value.grid.rows, rowNumbers: r.value.grid.rowNumbers, encoding: r.value.encoding, delimiter: r.value.delimiter };
}

describe('encodings', () => {
  it('GBK bytes (中文 = D6 D0 CE C4) are not UTF-8: decoded as GB18030', () => {
    expect(decodeText(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4, 0x2c, 0x31]))).toEqual({ text: '中文,1', encoding: 'gb18030', bom: false });
  });

  it('UTF-8 with and without a byte-order mark', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('姓名')]))).toEqual({ text: '姓名', encoding: 'utf-8', bom: true });
    expect(decodeText(utf8('姓名'))).toEqual({ text: '姓名', encoding: 'utf-8', bom: false });
  });

  it('UTF-16LE with its mark (Excel "Unicode text", tab-separated)', () => {
    const text = '姓名\t身份证号\r\n张三\t330106197901150017\r\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const r = cells(bytes);
    expect(r.encoding).toBe('utf-16le');
    expect(r.delimiter).toBe('\t');
    expect(r.rows).toEqual([
      ['姓名', '身份证号'],
      ['张三', '330106197901150017'],
    ]);
  });
});

describe('fields and rows', () => {
  it('quotes, doubled quotes, a line break and a comma inside a field; the row numbers Excel shows', () => {
    const r = cells(utf8('姓名,备注,身份证号\n张三,"负责人，""主持""\n两项项目",330106197901150017\n\n李四,,="0330106"\n'));
    expect(r.rows).toEqual([
      ['姓名', '备注', '身份证号'],
      ['张三', '负责人，"主持"\n两项项目', '330106197901150017'],
      ['李四', null, '0330106'],
    ]);
    // The line break stays in its cell and the blank line is a row: 1, 2, 4.
    expect(r.rowNumbers).toEqual([1, 2, 4]);
  });

  it.each([
    ['semicolons', '姓名;身份证号;备注\n张三;3301;a,b\n', ';'],
    ['tabs', '姓名\t身份证号\n张三\t3301\n', '\t'],
    ['commas, CR line ends', '姓名,身份证号\r张三,3301\r', ','],
  ])('%s', (_, text, delimiter) => {
    const r = cells(utf8(text));
    expect(r.delimiter).toBe(delimiter);
    expect(r.rows[1]!.slice(0, 2)).toEqual(['张三', '3301']);
  });

  it('more rows than the limit: refused', () => {
    const r = readCsv(utf8('a\n1\n2\n3\n'), { ...DEFAULT_LIMITS, maxRows: 2 });
    expect(r.ok ? 'ok' : r.error.code).toBe('import.too-many-rows');
  });
});
