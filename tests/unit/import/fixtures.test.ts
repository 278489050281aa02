/**
 * The files an office receives, as LibreOffice and GBK Excel write them (tests/fixtures/import,
 * made by make-fixtures.mjs): the importer finds the right sheet and header, reads every kind of
 * cell through the rules, and the report says what a clerk would check — row by row.
 */
import { describe, expect, it } from 'vitest';
import { readImport, reviewRows, type ImportReport, type ImportSpec, type ReadImportResult } from '../../../shared/import';
import { fixture, MESSY, specOf, TODAY } from './helpers';
import { assessedYears } from '../programs/p4-assessments';

function read(name: string, spec: ImportSpec, sheet?: number): ReadImportResult {
  const result = readImport({ bytes: fixture(name), spec, today: TODAY, ...(sheet === undefined ? {} : { sheet }) });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function report(name: string, spec: ImportSpec): ImportReport {
  const result = read(name, spec);
  if (!result.parsed.ok) throw new Error(result.parsed.error.message);
  return reviewRows(result.parsed.value, spec, { today: TODAY });
}

const codes = (r: ImportReport, row: number) => r.rows.find((x) => x.row === row)?.errors.map((e) => e.code);
const values = (r: ImportReport, row: number) => r.rows.find((x) => x.row === row)?.values;

describe('a P4 花名册 as a unit sends it (roster-messy.xlsx, LibreOffice)', () => {
  const roster = specOf('zj-it-senior', 'roster');

  it('reads the roster sheet, not the instructions before it, and says so', () => {
    const r = read('roster-messy.xlsx', roster);
    expect(r.format).toBe('xlsx');
    expect(r.sheets.map((s) => s.name)).toEqual(['说明', '花名册']);
    expect(r.sheetIndex).toBe(1);
    expect(r.sheetNote).toBe('共2个工作表，读取的是“花名册”。');
  });

  it('finds the two-row header below the title and the note, 单位考核 over its years', () => {
    const { mapping } = read('roster-messy.xlsx', roster);
    expect(mapping.headerRows).toEqual([3, 4]);
    const by = Object.fromEntries(mapping.columns.map((c) => [c.letter, c.year === undefined ? c.target : `${c.target}:${c.year}`]));
    expect(by).toEqual({
      A: 'rowNo',
      B: 'name',
      C: 'sex',
      D: 'birthMonth',
      E: 'idNumber', // 公民身份号码
      F: 'employer',
      G: 'unitNature',
      H: 'supervisingDepartment',
      I: 'specialty',
      J: 'highestEducation',
      K: 'graduatedFrom', // 毕业院校及专业 (issue 12: now a field of the form)
      L: 'educationObtainedOn',
      M: 'currentTitle',
      N: 'currentTitleObtainedOn',
      O: 'appointedOn',
      P: 'engineeringWorkYears',
      Q: 'annualAssessments:2016',
      R: 'annualAssessments:2017',
      S: 'annualAssessments:2018',
      T: 'selfScore',
      U: 'remarks',
    });
    expect(mapping.columns.find((c) => c.letter === 'Q')?.header).toBe('单位考核 / 2016年');
  });

  it('row 5: a date cell as 出生年月, a name with an ideographic space, 2010/7, and a formula read by its value', () => {
    const r = report('roster-messy.xlsx', roster);
    expect(codes(r, 5)).toEqual([]);
    expect(values(r, 5)).toEqual({
      name: '张三',
      sex: '男',
      birthMonth: '1979-01',
      idNumber: '330106197901150017',
      employer: '杭州西湖软件有限公司',
      unitNature: '私营企业和个体工商户',
      supervisingDepartment: '杭州市西湖区经信局',
      specialty: '技术开发',
      highestEducation: '大学本科',
      graduatedFrom: '浙江大学 计算机科学与技术',
      educationObtainedOn: '2001-07',
      currentTitle: '工程师',
      currentTitleObtainedOn: '2010-07',
      appointedOn: '2010-08',
      engineeringWorkYears: 15,
      annualAssessments: assessedYears('合格', '优秀', '合格'),
      selfScore: 85,
    });
  });

  it('row 6: full-width digits in the ID, 其他类企业 read as the seed’s 其它类企业, the merged 工作单位 filled down', () => {
    const r = report('roster-messy.xlsx', roster);
    expect(codes(r, 6)).toEqual([]);
    expect(values(r, 6)).toMatchObject({
      name: '李四',
      idNumber: '330106198203200026',
      birthMonth: '1982-03',
      employer: '杭州西湖软件有限公司',
      unitNature: '其它类企业',
      remarks: '合伙制企业',
      educationObtainedOn: '2007-06',
      appointedOn: '2013-01',
      selfScore: 82.5,
    });
  });

  it('row 7: an ID typed into a number cell is the spreadsheet-precision error, naming row and column', () => {
    const r = report('roster-messy.xlsx', roster);
    const errors = r.rows.find((x) => x.row === 7)!.errors;
    expect(errors.map((e) => e.code)).toEqual(['id.spreadsheet_precision']);
    expect(errors[0]!.message).toMatch(/^第7行“公民身份号码”（E列）：身份证号码最后三位是"000"/);
    expect(errors[0]).toMatchObject({ row: 7, column: 4, letter: 'E', target: 'idNumber' });
  });

  it('row 8: 1979.10 stored as the number 1979.1, and a 单位性质 the seed does not list', () => {
    const r = report('roster-messy.xlsx', roster);
    const errors = r.rows.find((x) => x.row === 8)!.errors;
    expect(errors.map((e) => e.code)).toEqual(['import.year-month-ambiguous', 'import.enum']);
    expect(errors[0]!.message).toContain('无法判断是1979年1月还是10月');
    expect(errors[1]!.message).toContain('现在是“民营企业”');
  });

  it('row 9: the person of row 5 again is a duplicate; the 填表人 line is not a row of data', () => {
    const r = report('roster-messy.xlsx', roster);
    expect(codes(r, 9)).toEqual(['import.duplicate-in-file']);
    expect(r.rows.find((x) => x.row === 9)!.errors[0]!.message).toContain('与第5行是同一人');
    expect(r.skipped).toEqual([{ row: 11, text: '填表人：周晓燕 联系电话：0571-88888888' }]);
    expect(r.counts).toEqual({ rows: 6, excluded: 0, ready: 3, withErrors: 3, withWarnings: 0, fixed: 0, linked: 0 });
  });

  it('row 10: an ID written in groups with spaces; a year left blank is simply not listed', () => {
    const r = report('roster-messy.xlsx', roster);
    expect(values(r, 10)).toMatchObject({
      idNumber: MESSY.QIAN,
      annualAssessments: [
        { year: 2017, result: '合格' },
        { year: 2018, result: '合格' },
      ],
    });
    expect(MESSY.QIAN).toBe('330108198505120040');
  });

  it('the instructions sheet, chosen by the clerk, has no roster header: a clear refusal', () => {
    const result = readImport({ bytes: fixture('roster-messy.xlsx'), spec: roster, today: TODAY, sheet: 0 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('import.no-header');
    expect(result.error.message).toContain('工作表“说明”');
  });
});

describe('the same small roster as CSV (UTF-8, GBK) and as LibreOffice made it from CSV', () => {
  const roster = specOf('zj-it-senior', 'roster');
  const expectedFirst = {
    name: '孙悦',
    sex: '女',
    birthMonth: '1986-04',
    idNumber: '330106198604120027',
    remarks: '项目负责人，\n主持两项省级项目',
    appointedOn: '2015-01',
    annualAssessments: assessedYears('合格', '合格', '优秀'),
  };

  it('GBK CSV (no byte-order mark): decoded as GB18030; full-width digits, spaced names, a quoted line break', () => {
    const r = read('roster-gbk.csv', roster);
    expect(r.format).toBe('csv');
    expect(r.encoding).toBe('gb18030');
    expect(r.sheetNote).toBe('');
    if (!r.parsed.ok) throw new Error(r.parsed.error.message);
    const rep = reviewRows(r.parsed.value, roster, { today: TODAY });
    expect(rep.counts.ready).toBe(3);
    expect(rep.rows.map((x) => x.row)).toEqual([3, 4, 5]);
    expect(rep.rows[0]!.values).toMatchObject(expectedFirst);
    expect(rep.rows[1]!.values).toMatchObject({ name: '周明', idNumber: '330102197811050017' });
  });

  it('UTF-8 CSV with a byte-order mark reads the same', () => {
    const r = read('roster-small.csv', roster);
    expect(r.encoding).toBe('utf-8');
    if (!r.parsed.ok) throw new Error(r.parsed.error.message);
    expect(r.parsed.value.rows[0]!.values).toMatchObject(expectedFirst);
  });

  it('converted by LibreOffice, the unquoted ID became a rounded number: that row, and only that row, is refused', () => {
    const rep = report('roster-small.xlsx', roster);
    expect(rep.rows[0]!.values).toMatchObject(expectedFirst);
    expect(codes(rep, 5)).toEqual(['id.spreadsheet_precision']);
    expect(rep.counts).toMatchObject({ rows: 3, ready: 2, withErrors: 1 });
  });
});

describe('other kinds of file', () => {
  it('P3 管理人员证书: one person with two certificates, catalogue names matched loosely, an unknown certificate, a repeated number', () => {
    const spec = specOf('xj-si-annual', 'certificate-holders');
    const rep = report('certificates-p3.xlsx', spec);
    expect(rep.rows.map((r) => [r.row, r.errors.map((e) => e.code)])).toEqual([
      [2, []],
      [3, []],
      [4, []],
      [5, ['import.catalogue']],
      [6, ['import.duplicate-in-file']],
    ]);
    expect(values(rep, 2)).toEqual({
      personName: '阿依古丽·买买提',
      idNumber: '650102198503120027',
      certificateKind: '国家软考证书', // written 国家软考
      catalogueEntry: '系统集成项目管理工程师',
      certificateNo: '0951030012345',
    });
    expect(values(rep, 4)).toMatchObject({ catalogueEntry: 'CCNP 网络高级工程师（Cisco 认证）', certificateKind: '其他同等或更高级别证书' });
  });

  it('P5 人才库: registrations with their dates; an expired one warned; a row without a start date refused', () => {
    const spec = specOf('rk-registration', 'talent-register');
    const rep = report('talent-p5.xlsx', spec);
    expect(rep.rows.map((r) => [r.row, r.errors.map((e) => e.code), r.warnings.map((w) => w.code)])).toEqual([
      [2, [], []],
      [3, [], ['import.expired']],
      [4, [], []],
      [5, [], []],
      [6, ['import.no-start-date'], []],
    ]);
    expect(rep.rows[1]!.warnings[0]!.message).toBe('第3行“有效期至”（M列）：证书已于2024年05月31日到期，导入后状态为“已过期”。');
    expect(values(rep, 2)).toMatchObject({ name: '陈晓东', idNumber: '31010419830517001X', registeredOn: '2024-03-01', validUntil: '2027-02-28', obtainedOn: '2008-11', educationHours: 186 });
  });

  it('20,000 rows converted by LibreOffice from CSV: every 4,000th repeats the row before it', { timeout: 120_000 }, () => {
    const rep = report('roster-20000.xlsx', specOf('zj-it-senior', 'roster'));
    expect(rep.counts).toEqual({ rows: 20_000, excluded: 0, ready: 19_995, withErrors: 5, withWarnings: 0, fixed: 0, linked: 0 });
    const refused = rep.rows.filter((r) => r.errors.length > 0);
    expect(refused.map((r) => [r.row, r.errors.map((e) => e.code)])).toEqual([4002, 8002, 12002, 16002, 20002].map((row) => [row, ['import.duplicate-in-file']]));
    expect(refused[0]!.errors[0]!.message).toBe('第4002行“身份证号码”（E列）：与第4001行是同一人（身份证号码相同），同一人只能导入一次。请删除其中一行，或核对号码。');
  });
});
