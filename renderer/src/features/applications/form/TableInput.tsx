/**
 * A repeatable table of a pack (a field of type 'table' with `columns`): one row per entry, the
 * grey computed columns read-only beside the typed ones, and the 合计 line under them (001 （二）:
 * 灰色不能输入部分均为自动运算). Rows are kept and changed by the engine's row operations
 * (shared/engine/tables: addRow, removeRow, moveRow, setCell), so a blank amount is stored as 0
 * and every row carries a key that stays with it when rows are reordered.
 *
 * Keyboard: Enter moves cell by cell; Ctrl+Enter (or Alt+Insert) adds a row below the current one;
 * Alt+↑ / Alt+↓ move the row; Alt+Delete removes it. Each row is memoised on its stored object,
 * so typing in one row of hundreds re-renders only that row.
 */
import { Button, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { memo, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { addRow, moveRow, removeRow, setCell, tableRows, tableView, ensureRowKeys, type TableRow } from '../../../../../shared/engine/tables';
import type { FieldDef, TableColumn } from '../../../../../shared/programs/schema';
import { newId } from '../../../db/ids';
import { useT } from '../../../i18n';
import { FieldInput, type FieldInputProps } from './FieldInput';
import { displayText } from './values';

type Lang = 'zh' | 'en';

/** The header of a column: its label, and the unit of an amount (`合同金额（万元）`). */
function useHeader(lang: Lang) {
  const t = useT();
  return (c: TableColumn): string => {
    if (c.type !== 'money') return c.label[lang];
    return t('form.field.withUnit', { label: c.label[lang], unit: c.moneyUnit === 'wan-yuan' ? t('form.field.wanYuan') : t('form.field.yuan') });
  };
}

const cell = (width?: number): React.CSSProperties => ({
  border: '1px solid #f0f0f0',
  padding: 4,
  fontWeight: 'normal',
  verticalAlign: 'top',
  ...(width ? { width, minWidth: width } : {}),
});

/** How wide a column needs to be so its cells and header are not clipped at 1360 px. */
function columnWidth(c: TableColumn): number {
  switch (c.type) {
    case 'text':
    case 'catalogue-ref':
      return 180;
    case 'id-number':
      return 190;
    case 'enum':
      return 160;
    case 'boolean':
      return 110;
    case 'year':
      return 80;
    default:
      return 120;
  }
}

interface RowOps {
  setCell(index: number, column: string, value: unknown): void;
  add(at: number, focusColumn?: string): void;
  remove(index: number): void;
  move(index: number, direction: 'up' | 'down', focusColumn?: string): void;
  commit(): void;
}

interface RowProps {
  readonly def: FieldDef;
  readonly domId: string;
  readonly index: number;
  readonly count: number;
  /** The stored row: memoisation compares it, so a row not typed in is not re-rendered. */
  readonly row: TableRow;
  /** The row with its computed columns. */
  readonly cells: Readonly<Record<string, unknown>>;
  readonly errors: ReadonlyMap<string, readonly string[]> | undefined;
  /** The row's error messages joined, for memoisation. */
  readonly errorSig: string;
  readonly lang: Lang;
  readonly disabled: boolean;
  readonly ops: RowOps;
}

const TableRowView = memo(
  function TableRowView(props: RowProps) {
    const t = useT();
    const { def, index, lang, ops } = props;
    const columns = def.columns ?? [];
    const columnOf = (target: EventTarget): string | undefined => {
      const id = (target as HTMLElement).closest('[data-column]')?.getAttribute('data-column');
      return id ?? undefined;
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (props.disabled || e.nativeEvent.isComposing) return;
      const column = columnOf(e.target);
      if ((e.key === 'Enter' && (e.ctrlKey || e.metaKey)) || (e.key === 'Insert' && e.altKey)) {
        e.preventDefault();
        e.stopPropagation();
        ops.add(index + 1);
      } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
        e.preventDefault();
        e.stopPropagation();
        ops.move(index, e.key === 'ArrowUp' ? 'up' : 'down', column);
      } else if (e.altKey && e.key === 'Delete') {
        e.preventDefault();
        e.stopPropagation();
        ops.remove(index);
      }
    };
    return (
      <tr onKeyDown={onKeyDown} data-row={index + 1}>
        <td style={{ ...cell(40), textAlign: 'center' }}>{index + 1}</td>
        {columns.map((c) => {
          const errs = props.errors?.get(c.id);
          const label = `${c.label[lang]} ${t('form.field.row', { n: index + 1 })}`;
          if (c.computed !== undefined) {
            const v = props.cells[c.id];
            return (
              <td key={c.id} style={{ ...cell(columnWidth(c)), background: '#f5f5f5', textAlign: 'right' }} data-column={c.id}>
                <output aria-label={label} style={{ display: 'block', padding: '4px 7px', color: '#595959' }}>
                  {v === undefined ? '—' : displayText(c.type, v, c.moneyUnit)}
                </output>
              </td>
            );
          }
          return (
            <td key={c.id} style={cell(columnWidth(c))} data-column={c.id}>
              <FieldInput
                def={c}
                value={props.row[c.id]}
                id={`${props.domId}-${index}-${c.id}`}
                lang={lang}
                ariaLabel={label}
                invalid={errs !== undefined && errs.length > 0}
                disabled={props.disabled}
                inTable
                onChange={(v) => ops.setCell(index, c.id, v)}
                onCommit={ops.commit}
              />
              {errs !== undefined && errs.length > 0 && (
                <div role="alert" style={{ color: '#ff4d4f', fontSize: 12, lineHeight: 1.4 }}>
                  {errs.map((m, i) => (
                    <div key={i}>{m}</div>
                  ))}
                </div>
              )}
            </td>
          );
        })}
        <td style={{ ...cell(96), textAlign: 'center', whiteSpace: 'nowrap' }} data-enter-skip="">
          <Button
            size="small"
            type="text"
            icon={<ArrowUpOutlined />}
            tabIndex={-1}
            aria-label={t('form.table.moveUp', { n: index + 1 })}
            disabled={props.disabled || index === 0}
            onClick={() => ops.move(index, 'up')}
          />
          <Button
            size="small"
            type="text"
            icon={<ArrowDownOutlined />}
            tabIndex={-1}
            aria-label={t('form.table.moveDown', { n: index + 1 })}
            disabled={props.disabled || index === props.count - 1}
            onClick={() => ops.move(index, 'down')}
          />
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('form.field.removeRow', { n: index + 1 })}
            disabled={props.disabled}
            onClick={() => ops.remove(index)}
          />
        </td>
      </tr>
    );
  },
  (a, b) =>
    a.row === b.row &&
    a.index === b.index &&
    a.count === b.count &&
    a.errorSig === b.errorSig &&
    a.lang === b.lang &&
    a.disabled === b.disabled &&
    a.def === b.def &&
    a.domId === b.domId,
);

export function TableInput(props: FieldInputProps) {
  const t = useT();
  const header = useHeader(props.lang);
  const def = props.def as FieldDef;
  const columns = def.columns ?? [];
  const view = useMemo(() => tableView(def, props.value), [def, props.value]);
  const stored = useMemo(() => tableRows(props.value), [props.value]);

  // The row operations read the latest value through a ref, so they stay one object for the
  // table's life and the memoised rows are not re-rendered by a new callback.
  const latest = useRef({ props, stored });
  useLayoutEffect(() => {
    latest.current = { props, stored };
  });
  const ops = useMemo<RowOps>(() => {
    const focus = (index: number, column: string | undefined) => {
      const { props: p } = latest.current;
      const first = ((p.def as FieldDef).columns ?? []).find((c) => c.computed === undefined)?.id ?? '';
      setTimeout(() => document.getElementById(`${p.id}-${index}-${column ?? first}`)?.focus(), 0);
    };
    const keyed = () => ensureRowKeys(latest.current.stored, newId);
    const emit = (rows: readonly TableRow[], commit: boolean) => {
      const { props: p } = latest.current;
      p.onChange(rows.length === 0 ? undefined : rows);
      if (commit) setTimeout(() => latest.current.props.onCommit?.(), 0);
    };
    return {
      setCell(index, column, value) {
        emit(setCell(latest.current.props.def as FieldDef, keyed(), index, column, value), false);
      },
      add(at, focusColumn) {
        emit(addRow(latest.current.props.def as FieldDef, keyed(), newId(), at), true);
        focus(at, focusColumn);
      },
      remove(index) {
        const rows = latest.current.stored;
        emit(removeRow(keyed(), index), true);
        if (rows.length > 1) focus(Math.min(index, rows.length - 2), undefined);
      },
      move(index, direction, focusColumn) {
        const rows = keyed();
        const next = moveRow(rows, index, direction);
        if (next === rows) return;
        emit(next, true);
        focus(direction === 'up' ? index - 1 : index + 1, focusColumn);
      },
      commit() {
        latest.current.props.onCommit?.();
      },
    };
  }, []);

  // Cell errors grouped by row: `field[3].column` → row 3, column.
  const byRow = useMemo(() => {
    const map = new Map<number, Map<string, string[]>>();
    if (props.cellErrors === undefined) return map;
    const prefix = `${def.id}[`;
    for (const [key, messages] of props.cellErrors) {
      if (!key.startsWith(prefix)) continue;
      const m = /^[^[]+\[(\d+)\]\.(.+)$/.exec(key);
      if (m === null) continue;
      const index = Number(m[1]);
      const row = map.get(index) ?? new Map<string, string[]>();
      row.set(m[2]!, [...(row.get(m[2]!) ?? []), ...messages]);
      map.set(index, row);
    }
    return map;
  }, [props.cellErrors, def.id]);

  const totals = def.totals ?? [];
  const width = 40 + 96 + columns.reduce((s, c) => s + columnWidth(c), 0);
  return (
    <div id={props.id} role="group" aria-label={props.def.label[props.lang]} style={{ width: '100%' }}>
      <div style={{ width: '100%', overflowX: 'auto' }}>
        <table className="desk-field-table" style={{ borderCollapse: 'collapse', width: '100%', minWidth: width, tableLayout: 'fixed' }}>
          <thead>
            <tr>
              <th style={cell(40)}>#</th>
              {columns.map((c) => (
                <th
                  key={c.id}
                  style={{ ...cell(columnWidth(c)), ...(c.computed ? { background: '#f5f5f5' } : {}), whiteSpace: 'normal', wordBreak: 'break-word' }}
                  title={c.computed ? t('form.field.computed') : undefined}
                >
                  {header(c)}
                  {c.required ? <span style={{ color: '#ff4d4f' }}> *</span> : null}
                </th>
              ))}
              <th style={cell(96)} />
            </tr>
          </thead>
          <tbody>
            {stored.length === 0 && (
              <tr>
                <td colSpan={columns.length + 2} style={{ ...cell(), color: '#999', textAlign: 'center' }}>
                  {t('form.field.noRows')}
                </td>
              </tr>
            )}
            {stored.map((row, index) => {
              const errors = byRow.get(index);
              const errorSig = errors === undefined ? '' : [...errors].map(([k, v]) => `${k}:${v.join('|')}`).join('\n');
              return (
                <TableRowView
                  key={view.rows[index]?.key ?? index}
                  def={def}
                  domId={props.id}
                  index={index}
                  count={stored.length}
                  row={row}
                  cells={view.rows[index]?.cells ?? row}
                  errors={errors}
                  errorSig={errorSig}
                  lang={props.lang}
                  disabled={props.disabled ?? false}
                  ops={ops}
                />
              );
            })}
          </tbody>
          {totals.length > 0 && stored.length > 0 && (
            <tfoot>
              <tr data-testid={`${def.id}-totals`}>
                <td style={{ ...cell(40), textAlign: 'center', fontWeight: 600 }}>{t('form.table.total')}</td>
                {columns.map((c) => {
                  if (!totals.includes(c.id)) return <td key={c.id} style={cell(columnWidth(c))} />;
                  const v = view.totals[c.id];
                  return (
                    <td key={c.id} style={{ ...cell(columnWidth(c)), background: '#f5f5f5', textAlign: 'right', fontWeight: 600 }}>
                      <output aria-label={`${c.label[props.lang]} ${t('form.table.total')}`} style={{ display: 'block', padding: '4px 7px' }}>
                        {v === null || v === undefined ? '—' : displayText(c.type, v, c.moneyUnit)}
                      </output>
                    </td>
                  );
                })}
                <td style={cell(96)} />
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      {/* Enter passes the table by (a blank table is common); Tab reaches the button. */}
      <span data-enter-skip="" style={{ display: 'flex', gap: 12, alignItems: 'center', marginTop: 6, flexWrap: 'wrap' }}>
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => ops.add(stored.length)}
          disabled={props.disabled}
          data-testid={`${def.id}-add-row`}
        >
          {t('form.field.addRow')}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('form.table.keys', { count: stored.length })}
        </Typography.Text>
      </span>
    </div>
  );
}
