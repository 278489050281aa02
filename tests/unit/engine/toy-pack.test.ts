/**
 * A seventh, made-up organisation program — one table field, two materials — written only here:
 * the generic engine loads it, checks its form row by row, works out its grey column and total,
 * asks for its files, judges its threshold and walks its workflow with nothing changed outside
 * this test. (It borrows 001's cites: every number must cite a seed.)
 */
import { describe, expect, it } from 'vitest';
import { gradeSummaryData } from '../../../shared/documents/org-rosters';
import { evaluateApplication } from '../../../shared/engine/evaluate';
import { fieldsFor, validateFields } from '../../../shared/engine/fields';
import { addRow, computedValues, setCell, tableView, uploadPlans } from '../../../shared/engine/tables';
import { loadPack } from '../../../shared/programs/schema';
import { applyFire, fire } from '../../../shared/workflow/engine';
import { expectOk } from '../rules/expect-result';
import { cal } from '../workflow/fixtures';
import { TOY_FILING, toy } from './toy-pack';
import { stateId as sid } from '../typed-ids';

const pack = expectOk(loadPack(toy));
const products = pack.fields.find((f) => f.id === 'products')!;

describe('a seventh organisation pack, known only to this test', () => {
  it('loads through the pack schema', () => {
    expect(fieldsFor(pack, 'annual-review').map((f) => f.id)).toEqual(['companyName', 'tier', 'products', 'salesTotal']);
  });

  it('the table is edited, computed and checked by the generic engine', () => {
    let rows = addRow(products, [], 'r1');
    rows = setCell(products, rows, 0, 'product', '云桌面');
    rows = setCell(products, rows, 0, 'domestic', 80_000_000);
    rows = addRow(products, rows, 'r2');
    rows = setCell(products, rows, 1, 'abroad', 'x');
    const view = tableView(products, rows);
    expect(view.rows.map((r) => r.cells['total'])).toEqual([80_000_000, undefined]);
    expect(validateFields(pack, 'annual-review', { companyName: '某公司', tier: 'A', products: rows }, '2026-01-12').map((e) => e.message)).toEqual([
      '“产品销售情况”第2行：请填写“产品名称”。',
      '“产品销售情况”第2行：“境外销售额”：“x”不是有效金额。请填写数字，如 12345.67、12,345.67 或 1.2万。',
    ]);
  });

  it('its checklist asks for the licence and the invoices of the two largest products', () => {
    const values = TOY_FILING;
    expect(computedValues(pack, 'annual-review', values)).toEqual({ salesTotal: 21_000_000 });
    const plan = uploadPlans(pack, 'annual-review', values)[0];
    expect(plan?.rows.filter((r) => r.asked).map((r) => r.label)).toEqual(['数据中台', '安全网关']);
    const app = { kind: 'annual-review' as const, state: 'submitted', history: [], fields: values, materials: [] };
    const e = evaluateApplication(pack, app, { today: '2026-01-12', calendar: cal, role: 'reviewer' });
    expect(e.checklist.lines.map((l) => [l.item.id, l.copiesRequired])).toEqual([
      ['licence', 1],
      ['invoices', 2],
    ]);
    expect(e.eligibility.findings.map((f) => f.message)).toEqual(['年度销售总额 21 万元，B 级要求不少于 10 万元，符合。']);
    const complete = [
      { itemId: 'licence', status: 'received' as const, copiesReceived: 1 },
      { itemId: 'invoices', status: 'received' as const, copiesReceived: 2 },
    ];
    const ready = evaluateApplication(pack, { ...app, materials: complete }, { today: '2026-01-12', calendar: cal, role: 'reviewer' });
    const done = applyFire(app, expectOk(fire(pack.workflows['annual-review']!, app, 'accept', { role: 'reviewer', today: '2026-01-12' }, { calendar: cal, facts: ready.facts })));
    expect(done.state).toBe('accepted');
  });

  it('and its filings summarise by level with its own threshold', () => {
    const data = expectOk(gradeSummaryData(pack, [{ application: { programId: pack.id, kind: 'annual-review', status: sid('accepted'), applicationNo: 'T-1', fields: { companyName: '某公司', tier: 'A', products: [{ domestic: 100 }] } }, history: [] }], { generatedOn: '2026-01-12' }));
    expect(data.input.levels.map((l) => l.name)).toEqual(['A 级', 'B 级']);
    expect(data.input.rows).toEqual([
      { name: '某公司', creditCode: '', applicationNo: 'T-1', levelId: 'A', figures: [100], met: [false], verdicts: ['未达标'], outcome: 'passed', reason: '' },
    ]);
  });
});
