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
import { loadPack, type ProgramPackInput } from '../../../shared/programs/schema';
import { applyFire, fire } from '../../../shared/workflow/engine';
import { expectOk } from '../rules/expect-result';
import { cal } from '../workflow/fixtures';

const toy = {
  id: 'toy-sales-return',
  seed: '001',
  names: { zh: '示例：软件产品销售年报', en: 'Example: software product sales return' },
  issuer: { names: { zh: '示例协会', en: 'Example association' }, cite: '001 （一）1' },
  applicantKind: 'organisation',
  applicationKinds: [{ id: 'annual-review', names: { zh: '年报', en: 'Annual return' }, initiatedBy: 'applicant', cite: '001 （二）7' }],
  categories: [
    {
      id: 'tier',
      names: { zh: '会员等级', en: 'Tier' },
      levels: [
        { id: 'B', names: { zh: 'B 级', en: 'Tier B' }, rank: 1 },
        { id: 'A', names: { zh: 'A 级', en: 'Tier A' }, rank: 2 },
      ],
      cite: '001 （二）1 1)',
    },
  ],
  grading: { category: 'tier', levelField: 'tier', cite: '001 （二）1 1)' },
  eligibility: [],
  fields: [
    { id: 'companyName', label: { zh: '单位名称', en: 'Company' }, type: 'text', required: true, kinds: 'all', cite: '001 （一）2' },
    {
      id: 'tier',
      label: { zh: '会员等级', en: 'Tier' },
      type: 'enum',
      required: true,
      kinds: 'all',
      enum: [{ value: 'A' }, { value: 'B' }],
      cite: '001 （二）1 1)',
    },
    {
      id: 'products',
      label: { zh: '产品销售情况', en: 'Product sales' },
      type: 'table',
      required: true,
      kinds: 'all',
      cite: '001 （二）3 1)',
      columns: [
        { id: 'product', label: { zh: '产品名称', en: 'Product' }, type: 'text', required: true, kinds: 'all', cite: '001 （二）3 1)' },
        { id: 'domestic', label: { zh: '境内销售额', en: 'Domestic' }, type: 'money', validator: 'money', moneyUnit: 'yuan', required: false, blankMeans: 0, kinds: 'all', cite: '001 （二）3 3)' },
        { id: 'abroad', label: { zh: '境外销售额', en: 'Abroad' }, type: 'money', validator: 'money', moneyUnit: 'yuan', required: false, blankMeans: 0, kinds: 'all', cite: '001 （二）3 3)' },
        {
          id: 'total',
          label: { zh: '销售额合计', en: 'Total' },
          type: 'money',
          validator: 'money',
          moneyUnit: 'yuan',
          required: false,
          kinds: 'all',
          computed: { rule: 'sum', inputs: ['domestic', 'abroad'], cite: '001 （二）3 2)' },
          cite: '001 （二）3 2)',
        },
      ],
      totals: ['domestic', 'abroad', 'total'],
    },
    {
      id: 'salesTotal',
      label: { zh: '年度销售总额', en: 'Sales this year' },
      type: 'money',
      validator: 'money',
      moneyUnit: 'yuan',
      required: false,
      kinds: 'all',
      computed: { rule: 'column-sum', inputs: ['products', 'total'], cite: '001 （二）4' },
      cite: '001 （二）4',
    },
  ],
  checklist: [
    {
      id: 'licence',
      name: { zh: '营业执照', en: 'Business licence' },
      scope: 'application',
      requirement: 'required',
      copies: { count: 1, cite: '001 （二）6 1)' },
      original: { mode: 'none' },
      medium: 'electronic',
      stage: 'submission',
      kinds: 'all',
      cite: '001 （二）6 1)',
    },
    {
      id: 'invoices',
      name: { zh: '主要产品销售发票', en: 'Invoices of the main products' },
      scope: 'application',
      requirement: 'required',
      copies: { count: 1, per: 'products', max: { value: 2, cite: '001 （二）6 3)' }, largestBy: 'total', cite: '001 （二）6 3)' },
      original: { mode: 'none' },
      medium: 'electronic',
      stage: 'submission',
      kinds: 'all',
      cite: '001 （二）6 3)',
    },
  ],
  windows: [],
  thresholds: [
    {
      id: 'sales',
      label: { zh: '年度销售总额', en: 'Sales' },
      subject: 'organisation',
      comparison: 'gte',
      byLevel: { A: 100, B: 10 },
      unit: '万元',
      binding: 'requirement',
      measure: { field: 'salesTotal' },
      cite: '001 （二）3',
    },
  ],
  publicity: [],
  timeLimits: [],
  keyDates: [],
  documents: [{ id: 'summary', kind: 'roster', names: { zh: '年报汇总', en: 'Summary' }, layout: 'grade-summary', cite: '001 （二）3' }],
  workflows: {
    'annual-review': {
      id: 'toy.annual-review',
      name: { zh: '年报', en: 'Annual return' },
      states: [
        { id: 'submitted', name: { zh: '已提交', en: 'Submitted' }, kind: 'initial', queue: 'intake-review' },
        { id: 'accepted', name: { zh: '已通过', en: 'Accepted' }, kind: 'final', grantsCertificate: true },
      ],
      transitions: [
        {
          id: 'accept',
          from: 'submitted',
          to: 'accepted',
          label: { zh: '通过', en: 'Accept' },
          roles: ['reviewer'],
          guards: [{ kind: 'checklist-complete' }, { kind: 'eligibility-met' }],
          records: [],
        },
      ],
    },
  },
} satisfies ProgramPackInput;

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
    const values = {
      companyName: '某公司',
      tier: 'B',
      products: [
        { rowKey: 'a', product: '甲', domestic: 5_000_000 },
        { rowKey: 'b', product: '乙', domestic: 1_000_000, abroad: 9_000_000 },
        { rowKey: 'c', product: '丙', abroad: 6_000_000 },
      ],
    };
    expect(computedValues(pack, 'annual-review', values)).toEqual({ salesTotal: 21_000_000 });
    const plan = uploadPlans(pack, 'annual-review', values)[0];
    expect(plan?.rows.filter((r) => r.asked).map((r) => r.label)).toEqual(['乙', '丙']);
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
    const data = expectOk(gradeSummaryData(pack, [{ application: { programId: pack.id, kind: 'annual-review', status: 'accepted', applicationNo: 'T-1', fields: { companyName: '某公司', tier: 'A', products: [{ domestic: 100 }] } }, history: [] }], { generatedOn: '2026-01-12' }));
    expect(data.input.levels.map((l) => l.name)).toEqual(['A 级', 'B 级']);
    expect(data.input.rows).toEqual([
      { name: '某公司', creditCode: '', applicationNo: 'T-1', levelId: 'A', figures: [100], met: [false], verdicts: ['未达标'], outcome: 'passed', reason: '' },
    ]);
  });
});
