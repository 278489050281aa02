/**
 * What one keystroke in a repeatable table costs the engine (issue 11: hundreds of rows stay
 * fast): a P3 项目汇总 of N rows, one cell typed (setCell), the grey columns and 合计 worked out
 * (tableView), the computed fields (withComputed) and every field checked (checkFields) — the
 * work the form does before it re-renders the one row that changed.
 */
import { checkFields } from '../../shared/engine/fields';
import { setCell, tableView, withComputed } from '../../shared/engine/tables';
import { valuesWithKind } from '../../shared/programs/condition';
import { getPack } from '../../shared/programs';
import type { ApplicationKindId, FieldDef } from '../../shared/programs/schema';

const pack = getPack('xj-si-annual')!;
const kind = 'annual-review' as ApplicationKindId;
const projects = pack.fields.find((f) => f.id === 'projects') as FieldDef;

for (const n of [100, 500, 1000]) {
  let rows = Array.from({ length: n }, (_, i) => ({
    rowKey: `r${i}`,
    projectName: `项目${i + 1}`,
    completionEvidence: '验收报告',
    softwareDevelopment: (i + 1) * 1_000_000,
    consultingDesign: 10_000,
    integration: 0,
    operationMaintenance: 0,
    dataProcessing: 0,
    operationService: 0,
    ownHardware: 0,
    hardwarePurchase: 5_500_000,
    softwarePurchase: 0,
    other: 0,
  })) as readonly Record<string, unknown>[];
  const keystrokes = 50;
  const started = performance.now();
  for (let k = 0; k < keystrokes; k++) {
    rows = setCell(projects, rows, k % n, 'softwareDevelopment', (k + 1) * 100);
    const values = { grade: '乙', projects: rows };
    tableView(projects, rows);
    withComputed(pack, kind, values);
    checkFields(pack, kind, valuesWithKind(values, kind), '2026-03-16');
  }
  const ms = performance.now() - started;
  console.log(JSON.stringify({ bench: 'table-keystroke', rows: n, perKeystrokeMs: +(ms / keystrokes).toFixed(2) }));
}
