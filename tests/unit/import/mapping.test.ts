/**
 * Finding the header and mapping columns: the headers offices write for the same column, title
 * rows above, two-row headers with and without merged cells, a remembered mapping, and the
 * mapping the clerk edits checked before any row is read.
 */
import { describe, expect, it } from 'vitest';
import { checkMapping, detectMapping, normaliseHeader, savedMappingOf, type Cell, type ColumnMapping, type Grid } from '../../../shared/import';
import { specOf } from './helpers';

const roster = specOf('zj-it-senior', 'roster');

function grid(rows: readonly (readonly Cell[])[], firstRow = 1): Grid {
  return { sheetName: '花名册', rows, rowNumbers: rows.map((_, i) => firstRow + i), merges: [], columnCount: Math.max(...rows.map((r) => r.length)) };
}

function targets(mapping: ColumnMapping): Record<string, string | null> {
  return Object.fromEntries(mapping.columns.map((c) => [c.header, c.year === undefined ? c.target : `${c.target}:${c.year}`]));
}

function detect(rows: readonly (readonly Cell[])[]) {
  const m = detectMapping(grid(rows), roster);
  if (!m.ok) throw new Error(m.error.message);
  return m.value;
}

describe('headers', () => {
  it.each([
    ['身份证号', 'idNumber'],
    ['身份证号码', 'idNumber'],
    ['公民身份号码', 'idNumber'],
    ['身份证件号码', 'idNumber'],
    ['身份证号码（18位）', 'idNumber'],
    ['*身份证号', 'idNumber'],
    ['身 份 证 号', 'idNumber'],
    ['出生\n年月', 'birthMonth'],
    ['出生日期', 'birthMonth'],
    ['出生年月(YYYY年MM月)', 'birthMonth'],
    ['姓  名', 'name'],
    ['所在单位', 'employer'],
    ['现任专业技术职务', 'currentTitle'],
    ['专业工作年限（实足年限，计算到2019年12月31日）', 'engineeringWorkYears'],
    ['自评分数', 'selfScore'],
    ['毕业院校及专业', 'graduatedFrom'],
  ])('%j → %s', (header, expected) => {
    const row = expected === 'name' ? [header, '身份证号码'] : expected === 'idNumber' ? ['姓名', header] : ['姓名', '身份证号码', header];
    expect(detect([row]).columns.find((c) => c.header === header)?.target ?? null).toBe(expected);
  });

  it('normaliseHeader: full-width, spaces and line breaks, marks and bracketed notes go', () => {
    expect(normaliseHeader(' *身份证号码（１８位） ')).toBe('身份证号码');
    expect(normaliseHeader('出 生\n年 月【必填】')).toBe('出生年月');
    expect(normaliseHeader('No.')).toBe('no.');
  });
});

describe('finding the header row', () => {
  it('below a title and a note, data from the next row', () => {
    const m = detect([['推荐高级工程师职务任职资格人员花名册'], ['报送单位（盖章）：杭州市经信局'], ['序号', '姓名', '身份证号码', '出生年月'], [1, '张三', '330106197901150017', '1979年01月']]);
    expect(m.headerRows).toEqual([3]);
    expect(targets(m)).toEqual({ 序号: 'rowNo', 姓名: 'name', 身份证号码: 'idNumber', 出生年月: 'birthMonth' });
  });

  it('two rows without merges (CSV): a blank above a year continues 单位考核', () => {
    const m = detect([
      ['序号', '姓名', '身份证号码', '单位考核', '', '', '自评分'],
      ['', '', '', '2016年', '2017年', '2018', ''],
      [1, '张三', '330106197901150017', '合格', '合格', '优秀', 85],
    ]);
    expect(m.headerRows).toEqual([1, 2]);
    expect(targets(m)).toEqual({
      序号: 'rowNo',
      姓名: 'name',
      身份证号码: 'idNumber',
      '单位考核 / 2016年': 'annualAssessments:2016',
      '单位考核 / 2017年': 'annualAssessments:2017',
      '单位考核 / 2018': 'annualAssessments:2018',
      自评分: 'selfScore',
    });
  });

  it('one row with the year in each header: 2016年考核, 2017年度考核结果', () => {
    const m = detect([['姓名', '身份证号码', '2016年考核', '2017年度考核结果', '2018年单位考核']]);
    expect(targets(m)).toEqual({ 姓名: 'name', 身份证号码: 'idNumber', '2016年考核': 'annualAssessments:2016', '2017年度考核结果': 'annualAssessments:2017', '2018年单位考核': 'annualAssessments:2018' });
  });

  it('a title row over the header does not make a two-row header', () => {
    const m = detect([['花名册', '花名册', '花名册'], ['姓名', '身份证号码', '出生年月']]);
    expect(m.headerRows).toEqual([2]);
  });

  it('the same target twice: the first column keeps it, the second is not imported', () => {
    const m = detect([['姓名', '身份证号码', '身份证号']]);
    expect(m.columns.map((c) => c.target)).toEqual(['name', 'idNumber', null]);
  });

  it('no identifying column among the first 30 rows: refused, saying what was looked for', () => {
    const m = detectMapping(grid([['单位', '金额'], ['A', 1]]), roster);
    expect(m.ok).toBe(false);
    if (!m.ok) {
      expect(m.error.code).toBe('import.no-header');
      expect(m.error.message).toBe('在工作表“花名册”的前30行中没有找到“《推荐高级工程师职务任职资格人员花名册》”的表头（应有“姓名”“身份证号码”等列）。请确认选择的文件和工作表，或检查表头文字。');
    }
  });
});

describe('the mapping the clerk edits and the one remembered', () => {
  it('a remembered mapping maps an unknown header and leaves out what the clerk left out', () => {
    const rows = [['名', 'ID', '出生年月', '籍贯']];
    const first = detectMapping(grid(rows), roster);
    expect(first.ok).toBe(false);
    const saved = { 名: 'name', id: 'idNumber', 出生年月: null };
    const m = detectMapping(grid(rows), roster, saved);
    if (!m.ok) throw new Error(m.error.message);
    expect(m.value.columns.map((c) => c.target)).toEqual(['name', 'idNumber', null, null]);
    expect(savedMappingOf(m.value)).toEqual({ 名: 'name', id: 'idNumber', 出生年月: null, 籍贯: null });
  });

  it('checkMapping: a required column missing, or one target twice, is refused with the columns named', () => {
    const base = detect([['姓名', '身份证号码', '出生年月']]);
    const noId: ColumnMapping = { ...base, columns: base.columns.map((c) => (c.target === 'idNumber' ? { ...c, target: null } : c)) };
    const missing = checkMapping(noId, roster);
    expect(missing.ok ? '' : missing.error.message).toBe('缺少“身份证号码”列，请在列对应中指定文件里的哪一列是它。');
    const twice: ColumnMapping = { ...base, columns: base.columns.map((c) => (c.target === 'birthMonth' ? { ...c, target: 'name' } : c)) };
    const dup = checkMapping(twice, roster);
    expect(dup.ok ? '' : dup.error.message).toBe('A列和C列都对应“姓名”，请只保留一列。');
    const perYear: ColumnMapping = { ...base, columns: base.columns.map((c) => (c.target === 'birthMonth' ? { ...c, target: 'annualAssessments' } : c)) };
    expect(checkMapping(perYear, roster).ok).toBe(false);
    expect(checkMapping(base, roster).ok).toBe(true);
  });
});
