/**
 * Which column of the file fills what: found from the header, shown to the clerk, editable, and
 * remembered (per program and kind, by the screen) for the next file from the same source.
 *
 * The header is looked for in the first rows, below any title and note rows: each row, and each
 * pair of rows (a two-row header: 单位考核 over one column per year, the other headers merged over
 * both rows), is scored by how many of the kind's columns its cells name; the best wins, a
 * single row over a pair on a tie. Merged header cells arrive already filled in (grid.ts); a CSV
 * has no merges, so a blank cell above a year continues the group to its left.
 */
import { ok, type Result } from '../rules/result';
import { columnLetter, importFail } from './errors';
import { isEmptyCell, type Cell, type Grid } from './grid';
import { normaliseHeader } from './synonyms';
import type { ImportColumnSpec, ImportSpec } from './spec';

/** Rows searched for the header. */
export const HEADER_SEARCH_ROWS = 30;

export interface MappedColumn {
  /** The file's column, from 0. */
  readonly index: number;
  /** 'E': as Excel labels it. */
  readonly letter: string;
  /** The header as written ('单位考核 / 2018年' for a two-row header). */
  readonly header: string;
  /** The normalised header, the key a remembered mapping is stored under. */
  readonly key: string;
  /** The spec column it fills, or null: not imported. */
  readonly target: string | null;
  /** For a per-year column: the year its header names. */
  readonly year?: number;
}

export interface ColumnMapping {
  /** Sheet rows (1-based) of the header; data starts below the last. */
  readonly headerRows: readonly number[];
  readonly columns: readonly MappedColumn[];
}

/** A remembered mapping: normalised header → target (null: the clerk chose not to import it). */
export type SavedMapping = Readonly<Record<string, string | null>>;

function headerText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'object' && cell.kind === 'shown') return cell.text;
  return '';
}

const YEAR = /^(\d{4})(?:年度?)?$/;

function yearOf(normalised: string): number | undefined {
  const m = YEAR.exec(normalised);
  const year = m ? Number(m[1]) : NaN;
  return year >= 1900 && year <= 2100 ? year : undefined;
}

interface Candidate {
  readonly index: number;
  readonly header: string;
  readonly key: string;
  readonly group?: string;
  readonly sub?: string;
}

/** Target (and year) a header names, by the remembered mapping first, then the spec's headers. */
function resolve(c: Candidate, spec: ImportSpec, saved: SavedMapping | undefined): { target: string | null; year?: number } {
  if (saved !== undefined && Object.hasOwn(saved, c.key)) {
    const target = saved[c.key] ?? null;
    const column = spec.columns.find((s) => s.key === target);
    if (column === undefined) return { target: null };
    if (column.type === 'per-year') {
      const year = yearOf(c.sub ?? '') ?? yearInText(c.key);
      return year === undefined ? { target: null } : { target: column.key, year };
    }
    return { target: column.key };
  }
  const byHeader = (text: string): ImportColumnSpec | undefined => spec.columns.find((s) => s.headers.includes(text));
  if (c.group !== undefined && c.sub !== undefined) {
    const group = byHeader(c.group);
    const year = yearOf(c.sub);
    if (group?.type === 'per-year' && year !== undefined) return { target: group.key, year };
    const sub = byHeader(c.sub);
    if (sub !== undefined && sub.type !== 'per-year') return { target: sub.key };
    if (group !== undefined && group.type !== 'per-year') return { target: group.key };
    return { target: null };
  }
  const direct = byHeader(c.key);
  if (direct !== undefined && direct.type !== 'per-year') return { target: direct.key };
  // A flat "2018年考核": the year and the per-year column's header in one cell.
  const year = yearInText(c.key);
  if (year !== undefined) {
    const rest = c.key.replace(/\d{4}年?度?/, '');
    const perYear = spec.columns.find((s) => s.type === 'per-year' && s.headers.includes(rest));
    if (perYear !== undefined) return { target: perYear.key, year };
  }
  return { target: null };
}

function yearInText(text: string): number | undefined {
  const m = /(\d{4})年?度?/.exec(text);
  const year = m ? Number(m[1]) : NaN;
  return year >= 1900 && year <= 2100 ? year : undefined;
}

/** Header candidates of one row, or of a row over the next. */
function candidates(top: readonly Cell[], bottom: readonly Cell[] | undefined, width: number): Candidate[] {
  const out: Candidate[] = [];
  let group = '';
  for (let i = 0; i < width; i++) {
    let t = headerText(top[i]);
    const b = bottom === undefined ? '' : headerText(bottom[i]);
    const tk = normaliseHeader(t);
    const bk = normaliseHeader(b);
    // Without merges (CSV), a blank above a year continues the group header to its left.
    if (tk === '' && bk !== '' && yearOf(bk) !== undefined && group !== '') t = group;
    else if (tk !== '') group = t;
    const topKey = normaliseHeader(t);
    if (topKey === '' && bk === '') continue;
    if (bottom === undefined || bk === '' || bk === topKey) out.push({ index: i, header: t, key: topKey });
    else if (topKey === '') out.push({ index: i, header: b, key: bk });
    else out.push({ index: i, header: `${t} / ${b}`, key: `${topKey}/${bk}`, group: topKey, sub: bk });
  }
  return out;
}

function score(columns: readonly MappedColumn[], spec: ImportSpec): number {
  const targets = new Set(columns.filter((c) => c.target !== null).map((c) => (c.year === undefined ? c.target : `${c.target}@${c.year}`)));
  let identity = 0;
  for (const key of spec.keyColumns) if (columns.some((c) => c.target === key)) identity++;
  return targets.size + identity * 2;
}

/** First claim wins: a target (a target and year) is filled by one column only. */
function dedupe(columns: MappedColumn[]): MappedColumn[] {
  const seen = new Set<string>();
  return columns.map((c) => {
    if (c.target === null) return c;
    const key = c.year === undefined ? c.target : `${c.target}@${c.year}`;
    if (seen.has(key)) return { ...c, target: null };
    seen.add(key);
    return c;
  });
}

function mapped(cands: readonly Candidate[], spec: ImportSpec, saved: SavedMapping | undefined): MappedColumn[] {
  return dedupe(
    cands.map((c) => {
      const r = resolve(c, spec, saved);
      return { index: c.index, letter: columnLetter(c.index), header: c.header, key: c.key, target: r.target, ...(r.year !== undefined ? { year: r.year } : {}) };
    }),
  );
}

/** Finds the header and maps each column; fails when no row looks like this kind's header. */
export function detectMapping(grid: Grid, spec: ImportSpec, saved?: SavedMapping): Result<ColumnMapping> {
  const limit = Math.min(HEADER_SEARCH_ROWS, grid.rows.length);
  const singles = grid.rows.slice(0, limit).map((row) => mapped(candidates(row, undefined, grid.columnCount), spec, saved));
  const singleScores = singles.map((m) => score(m, spec));
  let best: ColumnMapping | undefined;
  let bestScore = 0;
  for (let r = 0; r < limit; r++) {
    if (singleScores[r]! > bestScore) {
      best = { headerRows: [grid.rowNumbers[r]!], columns: singles[r]! };
      bestScore = singleScores[r]!;
    }
    if (r + 1 >= limit) continue;
    // A pair must name more than either of its rows alone (a title over the header does not).
    const pair = mapped(candidates(grid.rows[r]!, grid.rows[r + 1]!, grid.columnCount), spec, saved);
    const pairScore = score(pair, spec);
    if (pairScore > bestScore && pairScore > singleScores[r + 1]!) {
      best = { headerRows: [grid.rowNumbers[r]!, grid.rowNumbers[r + 1]!], columns: pair };
      bestScore = pairScore;
    }
  }
  const identity = spec.keyColumns.filter((k) => best?.columns.some((c) => c.target === k)).length;
  if (best === undefined || best.columns.filter((c) => c.target !== null).length < 2 || (spec.keyColumns.length > 0 && identity === 0)) {
    const wanted = spec.columns
      .filter((c) => c.required === 'always')
      .map((c) => `“${c.label.zh}”`)
      .join('');
    return importFail(
      'import.no-header',
      `在${grid.sheetName === '' ? '文件' : `工作表“${grid.sheetName}”`}的前${HEADER_SEARCH_ROWS}行中没有找到“${spec.names.zh}”的表头（应有${wanted}等列）。请确认选择的文件和工作表，或检查表头文字。`,
    );
  }
  return ok(best);
}

/**
 * Checks a mapping (the detected one, or as the clerk edited it): the identity columns are
 * there, and no target (year) is filled twice.
 */
export function checkMapping(mapping: ColumnMapping, spec: ImportSpec): Result<ColumnMapping> {
  const seen = new Map<string, string>();
  for (const c of mapping.columns) {
    if (c.target === null) continue;
    const column = spec.columns.find((s) => s.key === c.target);
    if (column === undefined) return importFail('import.mapping', `第${c.letter}列对应的“${c.target}”不是可导入的项目。`);
    if (column.type === 'per-year' && c.year === undefined) return importFail('import.mapping', `第${c.letter}列“${c.header}”须指明年份。`);
    const key = c.year === undefined ? c.target : `${c.target}@${c.year}`;
    const other = seen.get(key);
    if (other !== undefined) {
      return importFail('import.mapping', `${other}列和${c.letter}列都对应“${column.label.zh}${c.year === undefined ? '' : `（${c.year}年）`}”，请只保留一列。`);
    }
    seen.set(key, c.letter);
  }
  const missing = spec.columns.filter((s) => s.required === 'always' && !mapping.columns.some((c) => c.target === s.key));
  if (missing.length > 0) {
    return importFail('import.mapping', `缺少${missing.map((m) => `“${m.label.zh}”`).join('')}列，请在列对应中指定文件里的哪一列是它。`);
  }
  return ok(mapping);
}

/** What to remember of a mapping: each header and what the clerk had it fill. */
export function savedMappingOf(mapping: ColumnMapping): SavedMapping {
  const out: Record<string, string | null> = {};
  for (const c of mapping.columns) out[c.key] = c.target;
  return out;
}

/** Whether a row of the grid holds nothing in any mapped column. */
export function isBlankRow(row: readonly Cell[], mapping: ColumnMapping): boolean {
  return mapping.columns.every((c) => c.target === null || isEmptyCell(row[c.index]));
}
