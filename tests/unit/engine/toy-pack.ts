/**
 * A seventh, made-up organisation program — one table field, two materials — known only to the
 * tests (toy-pack.test.ts, renderer/toy-pack-render.test.ts). It borrows 001's cites: every
 * number must cite a seed.
 */
import type { ProgramPackInput } from '../../../shared/programs/schema';

export const toy = {
  id: 'toy-sales-return',
  seed: '001',
  names: { zh: '示例：软件产品销售年报', en: 'Example: software product sales return' },
  issuer: { names: { zh: '示例协会', en: 'Example association' }, cite: '001 （一）1' },
  applicantKind: 'organisation',
  applicationKinds: [{ id: 'annual-review', names: { zh: '年报', en: 'Annual return' }, initiatedBy: 'applicant', cite: '001 （二）7' }],
  categories: [
    {
      id: 'tier', names: { zh: '会员等级', en: 'Tier' }, cite: '001 （二）1 1)',
      levels: [
        { id: 'B', names: { zh: 'B 级', en: 'Tier B' }, rank: 1 },
        { id: 'A', names: { zh: 'A 级', en: 'Tier A' }, rank: 2 },
      ],
    },
  ],
  grading: { category: 'tier', levelField: 'tier', cite: '001 （二）1 1)' },
  eligibility: [],
  fields: [
    { id: 'companyName', label: { zh: '单位名称', en: 'Company' }, type: 'text', required: true, kinds: 'all', cite: '001 （一）2' },
    { id: 'tier', label: { zh: '会员等级', en: 'Tier' }, type: 'enum', required: true, kinds: 'all', enum: [{ value: 'A' }, { value: 'B' }], cite: '001 （二）1 1)' },
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
    { id: 'licence', name: { zh: '营业执照', en: 'Business licence' }, scope: 'application', requirement: 'required', copies: { count: 1, cite: '001 （二）6 1)' }, original: { mode: 'none' }, medium: 'electronic', stage: 'submission', kinds: 'all', cite: '001 （二）6 1)' },
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

/** A filled return: three products, 云桌面 5 万元 at home, 数据中台 1 + 9 万元, 安全网关 6 万元 abroad (21 万元 in all). */
export const TOY_FILING = {
  companyName: '某软件公司',
  tier: 'B',
  products: [
    { rowKey: 'a', product: '云桌面', domestic: 5_000_000 },
    { rowKey: 'b', product: '数据中台', domestic: 1_000_000, abroad: 9_000_000 },
    { rowKey: 'c', product: '安全网关', abroad: 6_000_000 },
  ],
};
