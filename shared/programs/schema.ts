/**
 * The program pack: everything about one program as DATA — names, application kinds, form fields,
 * the material checklist, binding, validity and windows, thresholds, publicity, time limits, the
 * scoring sheet, document names and one workflow per application kind. Screens render the form
 * and the checklist from a pack; the engine reads it; nothing about a program is hard-coded.
 *
 * Every number, material, threshold, validity, window, publicity period and time limit carries a
 * required `cite` ('002 附件4 三': seed id, then where in that seed). An optional `quote` holds the
 * seed's own words; the tests check each quote against the seed text.
 *
 * loadPack validates a pack from `unknown` and reports problems in Chinese with their place.
 */
import { z } from 'zod';
import { fail, ok, type Result } from '../rules/result';
import { workflowDefinitionSchema } from '../workflow/definition';
import { APPLICATION_KIND_FIELD, conditionFields, conditionSchema, type Condition } from './condition';
import {
  COMPUTATION_NAMES,
  EDUCATION_RULE_NAMES,
  PHOTO_RULE_NAMES,
  SELF_SCORE_RULE_NAMES,
  OPTIONAL_VALIDATOR_TYPES,
  VALIDATOR_NAMES,
  VALIDATORS_BY_FIELD_TYPE,
} from './rule-refs';
import { describePath } from '../rules/describe-path';
import { IMPORT_KINDS } from '../model/records';
import { MONEY_UNITS } from '../rules/money';
import { APPLICATION_KIND_IDS } from './ids';

// ---------------------------------------------------------------------------------------------
// Vocabularies
// ---------------------------------------------------------------------------------------------

/** The rulebooks in shared/seeds/, by their number. */
export const SEED_IDS = ['000', '001', '002', '003', '004'] as const;
export type SeedId = (typeof SEED_IDS)[number];

export const APPLICANT_KINDS = ['person', 'organisation'] as const;

export { APPLICATION_KIND_IDS, type ApplicationKindId } from './ids';

export const FIELD_TYPES = [
  'text',
  'textarea',
  'date',
  'year-month',
  'year',
  'enum',
  'number',
  'money',
  'id-number',
  'credit-code',
  'phone',
  'postal-code',
  'boolean',
  'photo',
  /** A handwritten signature on the paper form: recorded as present or not. */
  'signature',
  /** An opinion or result with 年 月 日（盖章）: text, date, sealed (003 附件 登记申请表). */
  'endorsement',
  /** A row from one of the pack's catalogues (001 certificate table). */
  'catalogue-ref',
  'table',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const TIME_UNITS = ['working-days', 'calendar-days', 'months', 'years'] as const;

export { MONEY_UNITS, type MoneyUnit } from '../rules/money';

/**
 * What a threshold measures when it is not a form field: facts about the agencies that evaluate
 * on the office's behalf and their evaluators (004 细则 第七、八、十、十二条), gathered from their
 * records by shared/engine/agencies.
 */
export const THRESHOLD_FACTS = [
  'agency.years-registered',
  'agency.evaluators',
  'agency.full-time-evaluators',
  'evaluator.agencies',
  'evaluator.evaluations-per-year',
] as const;
export type ThresholdFact = (typeof THRESHOLD_FACTS)[number];

/** 004 细则 第三条: 全国性评价机构 and 地方性评价机构 (stored as these codes). */
export const AGENCY_SCOPES = ['national', 'local'] as const;
export type AgencyScope = (typeof AGENCY_SCOPES)[number];

/** Row keys a table keeps beside its columns (a stable key per row, for attachments and reordering). */
export const ROW_KEY = 'rowKey';
export const PUBLICITY_UNITS = ['working-days', 'calendar-days'] as const;

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

const CITE_PATTERN = /^(000|001|002|003|004) \S/;

/** '002 附件4 三': a seed id, a space, then where in that seed. */
export const citeSchema = z
  .string({ error: '出处（cite）应为文字' })
  .regex(CITE_PATTERN, { error: '出处（cite）应写成“种子编号 条款”，如“002 附件4 三”，种子编号为 000–004' });

/** The seed id a cite names, or null when it names none. */
export function citedSeed(cite: string): SeedId | null {
  const m = CITE_PATTERN.exec(cite);
  return m ? (m[1] as SeedId) : null;
}

const quoteSchema = z.string().trim().min(1, { error: '引文不能为空' });

const textOf = (max: number, what: string) =>
  z
    .string({ error: `${what}应为文字` })
    .trim()
    .min(1, { error: `${what}不能为空` })
    .max(max, { error: `${what}过长（最多${max}个字符）` });

export const localizedTextSchema = z.strictObject(
  { zh: textOf(300, '中文'), en: textOf(600, '英文') },
  { error: '名称应包含中文（zh）和英文（en）两项' },
);
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const kebabId = z
  .string({ error: '编号应为文字' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: '编号应为小写英文、数字和连字符，如 id-card' });

const fieldId = z
  .string({ error: '字段编号应为文字' })
  .regex(/^[a-z][A-Za-z0-9]*$/, { error: '字段编号应为小驼峰英文，如 unitNature' });

const kindIdSchema = z.enum(APPLICATION_KIND_IDS, { error: `办理类型应为 ${APPLICATION_KIND_IDS.join('、')} 之一` });

/** 'all' or a non-empty list of the pack's application kinds. */
const kindsSchema = z.union([z.literal('all'), z.array(kindIdSchema).min(1, { error: '至少列出一种办理类型' })], {
  error: '适用办理类型（kinds）应为 "all" 或办理类型列表',
});
export type KindsRef = z.infer<typeof kindsSchema>;

const count = (what: string) =>
  z.number({ error: `${what}应为数字` }).int({ error: `${what}应为整数` }).min(1, { error: `${what}至少为1` });

const isoDate = z.iso.date({ error: '日期应为 YYYY-MM-DD' });
const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '年月应为 YYYY-MM' });

/** A number from a seed with where it comes from. */
export const citedNumberSchema = z.strictObject({
  value: z.number({ error: '数值应为数字' }),
  cite: citeSchema,
  quote: quoteSchema.optional(),
});
export type CitedNumber = z.infer<typeof citedNumberSchema>;

/** A statement from a seed (a condition of eligibility, a rule in words). */
export const citedTextSchema = z.strictObject({
  id: kebabId,
  text: localizedTextSchema,
  kinds: kindsSchema.optional(),
  /** A boolean field the office ticks once it has checked the condition (004 第十三条). */
  confirmedBy: fieldId.optional(),
  /** A condition on the form's values that must hold (004 第十一条: only enterprises are graded). */
  requires: conditionSchema.optional(),
  cite: citeSchema,
  quote: quoteSchema.optional(),
});

// ---------------------------------------------------------------------------------------------
// Application kinds, categories, levels
// ---------------------------------------------------------------------------------------------

export const applicationKindSchema = z.strictObject({
  id: kindIdSchema,
  names: localizedTextSchema,
  /** Who starts it: the applicant, or the office itself (注销, 撤销). */
  initiatedBy: z.enum(['applicant', 'office']),
  /** For 'upgrade': the program whose certificate the applicant holds. */
  fromProgram: kebabId.brand<'ProgramId'>().optional(),
  note: localizedTextSchema.optional(),
  cite: citeSchema,
  quote: quoteSchema.optional(),
});
export type ApplicationKind = z.infer<typeof applicationKindSchema>;

export const levelSchema = z.strictObject({
  id: z.string().min(1),
  names: localizedTextSchema,
  /** 1 = lowest. */
  rank: count('等级序号'),
});

/** An evaluation category (004 第十一条/第十二条) or grade scale (001 甲乙丙丁) with its levels. */
export const categorySchema = z.strictObject({
  id: kebabId,
  names: localizedTextSchema,
  /** Low to high; empty when the seed says 不划分等级. */
  levels: z.array(levelSchema),
  /** Who may apply, in the seed's words. */
  applicants: z.array(localizedTextSchema).optional(),
  cite: citeSchema,
  quote: quoteSchema.optional(),
});
export type Category = z.infer<typeof categorySchema>;

// ---------------------------------------------------------------------------------------------
// Catalogues (001 certificate table)
// ---------------------------------------------------------------------------------------------

export const catalogueRowSchema = z.strictObject({
  id: kebabId,
  /** 序号 as printed; null for the unnumbered row. */
  no: z.number().int().min(1).nullable(),
  /** 类型, carried down over merged cells. */
  type: textOf(100, '类型'),
  /** 等级 as read (carried down over merged cells); null where the seed leaves it blank and nothing can be inferred. */
  level: textOf(20, '等级').nullable(),
  /** The 等级 cell exactly as printed in its row ('' = blank). */
  levelAsPrinted: z.string(),
  name: textOf(100, '证书名称'),
});
export type CatalogueRow = z.infer<typeof catalogueRowSchema>;

export const catalogueSchema = z.strictObject({
  id: kebabId,
  names: localizedTextSchema,
  rows: z.array(catalogueRowSchema).min(1),
  note: localizedTextSchema.optional(),
  cite: citeSchema,
  quote: quoteSchema.optional(),
});
export type Catalogue = z.infer<typeof catalogueSchema>;

// ---------------------------------------------------------------------------------------------
// Form fields
// ---------------------------------------------------------------------------------------------

export const enumOptionSchema = z.strictObject({
  /** The stored value, exactly as the seed writes it. */
  value: z.string().min(1),
  /** Shown instead of the value when they differ (value '甲', label 甲级). */
  label: localizedTextSchema.optional(),
  /** 002 附件4 四 3: choosing this option requires an explanation in that field. */
  requiresRemark: fieldId.optional(),
  cite: citeSchema.optional(),
  quote: quoteSchema.optional(),
});
export type EnumOption = z.infer<typeof enumOptionSchema>;

const fieldObject = z.strictObject({
  id: fieldId,
  label: localizedTextSchema,
  type: z.enum(FIELD_TYPES, { error: `字段类型应为 ${FIELD_TYPES.join('、')} 之一` }),
  required: z.boolean({ error: '是否必填（required）应为 true 或 false' }),
  /** Required only when this holds (overrides `required: false`). */
  requiredWhen: conditionSchema.optional(),
  /** Shown only when this holds. */
  visibleWhen: conditionSchema.optional(),
  kinds: kindsSchema,
  enum: z.array(enumOptionSchema).min(1).optional(),
  validator: z.enum(VALIDATOR_NAMES, { error: `校验规则应为 ${VALIDATOR_NAMES.join('、')} 之一` }).optional(),
  catalogue: kebabId.optional(),
  /** Input sanity bounds (not rulebook thresholds: those live in `thresholds`). */
  min: z.number().optional(),
  max: z.number().optional(),
  /** Seed-prescribed display format, e.g. ××××年××月 (002 附件4 四 7). */
  display: z.strictObject({ format: z.string().min(1), cite: citeSchema, quote: quoteSchema.optional() }).optional(),
  /** Who writes it on the paper form. */
  filledBy: z.enum(['applicant', 'unit', 'office']).optional(),
  /**
   * Grey, computed field (001 （二）: 灰色不能输入部分均为自动运算), worked out by
   * shared/engine/tables from `inputs` (COMPUTATIONS says how each rule reads them). `rows`
   * limits a column sum to the rows whose `column` holds one of `values` (001 （二）3: the three
   * years 2023、2024、2025).
   */
  computed: z
    .strictObject({
      rule: z.enum(COMPUTATION_NAMES),
      inputs: z.array(z.string().min(1)).min(1),
      rows: z.strictObject({ column: fieldId, values: z.array(z.union([z.number(), z.string()])).min(1) }).optional(),
      cite: citeSchema,
      quote: quoteSchema.optional(),
    })
    .optional(),
  /** Money fields: the unit amounts are typed and shown in (stored in 分 whatever it is). */
  moneyUnit: z.enum(MONEY_UNITS, { error: `金额单位应为 ${MONEY_UNITS.join('、')} 之一` }).optional(),
  /** Value when nothing is entered (001: 不包含的填“0”). */
  blankMeans: z.union([z.number(), z.string(), z.boolean()]).optional(),
  help: localizedTextSchema.optional(),
  cite: citeSchema.optional(),
  quote: quoteSchema.optional(),
  /** Why the field exists when no seed names it (then `cite` is absent). */
  basis: localizedTextSchema.optional(),
});

export const tableColumnSchema = fieldObject;

/**
 * A table whose rows are years (001 （二）2、4: the current year; an enterprise certified this
 * year also the two before). A year without a row counts as 0; a row for a year not asked for is
 * an error.
 */
export const yearRowsSchema = z.strictObject({
  /** The column holding the year. */
  column: fieldId,
  years: z.array(z.number().int().min(1900).max(2100)).min(1),
  /** More years when this holds (certified this year: 补填 2023、2024 年). */
  backfill: z
    .strictObject({ when: conditionSchema, years: z.array(z.number().int().min(1900).max(2100)).min(1) })
    .optional(),
  /** At most one row per year. */
  onePerYear: z.boolean(),
  cite: citeSchema,
  quote: quoteSchema.optional(),
});
export type YearRows = z.infer<typeof yearRowsSchema>;

export const fieldSchema = fieldObject.extend({
  /** Columns of a 'table' field. */
  columns: z.array(tableColumnSchema).min(1).optional(),
  /** Minimum number of rows the seed asks for (002 附件4 四 9: 至少近3年). */
  minRows: citedNumberSchema.optional(),
  /** Number or money columns added up under the table (the grey 合计 line). */
  totals: z.array(fieldId).min(1).optional(),
  yearRows: yearRowsSchema.optional(),
  /**
   * One cell must equal another table's column total (001 （二）4: 项目完成情况 "此处与项目汇总表
   * 对应" — the round year's total is the projects' 合同金额 added up). A missing row counts as 0.
   */
  agreesWith: z
    .strictObject({
      where: z.strictObject({ column: fieldId, equals: z.union([z.number(), z.string()]) }),
      column: fieldId,
      totalOf: z.strictObject({ table: fieldId, column: fieldId }),
      cite: citeSchema,
      quote: quoteSchema.optional(),
    })
    .optional(),
});
export type FieldDef = z.infer<typeof fieldSchema>;
export type TableColumn = z.infer<typeof tableColumnSchema>;

// ---------------------------------------------------------------------------------------------
// Checklist and binding
// ---------------------------------------------------------------------------------------------

export const bindingPlacementSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('volume'),
      volume: z.union([z.literal(1), z.literal(2)], { error: '册号应为 1 或 2' }),
      /** 1-based place in the volume; items sharing a place follow `sequence`. */
      position: count('装订位置'),
      /** 002 附件4 三: evidence follows the score sheet's order, labelled with its item. */
      sequence: z.literal('score-sheet').optional(),
      /** How many of the item's copies go here; needed when the item is split. */
      copies: count('份数').optional(),
    }),
    z.strictObject({
      kind: z.literal('never-bound'),
      reason: localizedTextSchema,
      copies: count('份数').optional(),
      cite: citeSchema,
      quote: quoteSchema.optional(),
    }),
  ],
  { error: '装订方式应为 { kind: "volume", volume, position } 或 { kind: "never-bound", reason, cite }' },
);
export type BindingPlacement = z.infer<typeof bindingPlacementSchema>;

export const materialSchema = z.strictObject({
  id: kebabId,
  /** zh exactly as the seed names it. */
  name: localizedTextSchema,
  /** 'batch': one per unit submission (002 附件4 一), not per applicant. */
  scope: z.enum(['application', 'batch']),
  requirement: z.enum(['required', 'optional', 'conditional'], {
    error: '材料要求应为 required（必交）、optional（选交）或 conditional（条件必交）',
  }),
  condition: conditionSchema.optional(),
  conditionText: localizedTextSchema.optional(),
  copies: z.strictObject({
    count: count('份数'),
    /** One set per row of this table field (001: 每个合同扫描为一个文件). */
    per: fieldId.optional(),
    /** At most this many (001: 前 10 个大额合同). */
    max: citedNumberSchema.optional(),
    /** With `per` and `max`: when there are more rows, the largest by this column are the ones asked for. */
    largestBy: fieldId.optional(),
    cite: citeSchema,
    quote: quoteSchema.optional(),
  }),
  /** none; verify = copy checked against the original (核对无误); submit = the original is handed in. */
  original: z.discriminatedUnion('mode', [
    z.strictObject({ mode: z.literal('none') }),
    z.strictObject({ mode: z.literal('verify'), cite: citeSchema, quote: quoteSchema.optional() }),
    z.strictObject({ mode: z.literal('submit'), cite: citeSchema, quote: quoteSchema.optional() }),
  ]),
  medium: z.enum(['paper', 'electronic', 'paper-and-electronic']),
  /** When the item is handed in: with the application, or after approval (001 二 8: 回传盖章版). */
  stage: z.enum(['submission', 'after-approval']),
  /** Documents that satisfy the item, in the seed's words (学历认证: 备案表 or 认证报告 …). */
  accepts: z.array(localizedTextSchema).optional(),
  /** Absent when the program has no binding rules. */
  binding: z.array(bindingPlacementSchema).min(1).optional(),
  kinds: kindsSchema,
  note: localizedTextSchema.optional(),
  cite: citeSchema,
  quote: quoteSchema.optional(),
});
export type MaterialItem = z.infer<typeof materialSchema>;

export const bindingRulesSchema = z.strictObject({
  paper: z.strictObject({ size: z.literal('A4'), cite: citeSchema, quote: quoteSchema.optional() }),
  volumes: z
    .array(
      z.strictObject({
        volume: z.union([z.literal(1), z.literal(2)]),
        title: localizedTextSchema,
        /** 002 附件4 三: 每册分别编制目录，附在材料前面. */
        tableOfContents: z.boolean(),
        /** The seed's description of the volume. */
        contents: localizedTextSchema,
        /** A thick volume splits as 第二册（一）、第二册（二）…; names come from binding.ts. */
        split: z
          .strictObject({ pattern: z.string().includes('{n}'), cite: citeSchema, quote: quoteSchema.optional() })
          .optional(),
        /** Evidence is labelled with the score-sheet item it proves. */
        evidenceLabelled: z.strictObject({ cite: citeSchema, quote: quoteSchema.optional() }).optional(),
        cite: citeSchema,
        quote: quoteSchema.optional(),
      }),
    )
    .min(1),
  /** What is never bound, in the seed's words. */
  exclusions: z.array(citedTextSchema).min(1),
  container: z.strictObject({ name: localizedTextSchema, cite: citeSchema, quote: quoteSchema.optional() }),
  cite: citeSchema,
  quote: quoteSchema.optional(),
});
export type BindingRules = z.infer<typeof bindingRulesSchema>;

// ---------------------------------------------------------------------------------------------
// Validity, windows, thresholds, publicity, time limits, key dates
// ---------------------------------------------------------------------------------------------

export const validitySchema = z.strictObject({
  years: count('有效期年数'),
  /** From what day (003 第三条: 自批准或登记之日起算). */
  from: localizedTextSchema,
  /** The rules/validity constant the number comes from. */
  rule: z.string().min(1).optional(),
  cite: citeSchema,
  quote: quoteSchema.optional(),
});

export const windowSchema = z.strictObject({
  /** Referenced by workflow guards ({ kind: 'within-window', window }). */
  id: kebabId,
  /** The application kinds filed in this window. */
  kinds: z.array(kindIdSchema).min(1),
  names: localizedTextSchema,
  /** [expiry − N months, expiry], see rules/validity windowBeforeExpiry. */
  monthsBeforeExpiry: count('提前月数'),
  /** Whose certificate's expiry: this program unless given (P2 upgrade: P1's). */
  certificateOf: kebabId.brand<'ProgramId'>().optional(),
  /** New validity after the application succeeds. */
  extendsByYears: citedNumberSchema.optional(),
  rule: z.string().min(1).optional(),
  cite: citeSchema,
  quote: quoteSchema.optional(),
});
export type WindowDef = z.infer<typeof windowSchema>;

export const thresholdSchema = z.strictObject({
  id: kebabId,
  label: localizedTextSchema,
  /** Who or what is measured. */
  subject: z.enum(['applicant', 'organisation', 'agency', 'evaluator', 'photo', 'training-provider', 'office']),
  comparison: z.enum(['gte', 'gt', 'lte', 'lt', 'eq']),
  value: z.number().optional(),
  /** Per level of a category (001: 甲级 ≥ 40 …); null = 无要求. */
  byLevel: z.record(z.string(), z.number().nullable()).optional(),
  unit: textOf(10, '单位'),
  /** 001 distinguishes 指标要求 from 参考指标. */
  binding: z.enum(['requirement', 'reference']),
  /**
   * What is measured: a form field (by level, the level read from `grading.levelField`), or a
   * fact about an agency or evaluator (optionally for one agency scope). Without it the
   * threshold is shown but judged elsewhere.
   */
  measure: z
    .union([
      z.strictObject({ field: fieldId }),
      z.strictObject({ fact: z.enum(THRESHOLD_FACTS), scope: z.enum(AGENCY_SCOPES).optional() }),
    ])
    .optional(),
  kinds: kindsSchema.optional(),
  rule: z.string().min(1).optional(),
  note: localizedTextSchema.optional(),
  cite: citeSchema,
  quote: quoteSchema.optional(),
});
export type Threshold = z.infer<typeof thresholdSchema>;

export const publicitySchema = z.strictObject({
  id: kebabId,
  names: localizedTextSchema,
  length: count('公示天数'),
  unit: z.enum(PUBLICITY_UNITS, { error: '公示单位应为 working-days（工作日）或 calendar-days（自然日）' }),
  /** 不少于 N (a minimum) rather than exactly N. */
  atLeast: z.boolean(),
  by: localizedTextSchema,
  where: localizedTextSchema,
  cite: citeSchema,
  quote: quoteSchema.optional(),
});
export type Publicity = z.infer<typeof publicitySchema>;

export const timeLimitSchema = z.strictObject({
  id: kebabId,
  names: localizedTextSchema,
  length: count('期限长度'),
  unit: z.enum(TIME_UNITS),
  /** What starts the clock, in words. */
  from: localizedTextSchema,
  /** The seed says 约/一个工作日后: shown as guidance, not enforced. */
  approximate: z.boolean().optional(),
  kinds: kindsSchema.optional(),
  rule: z.string().min(1).optional(),
  cite: citeSchema,
  quote: quoteSchema.optional(),
});
export type TimeLimit = z.infer<typeof timeLimitSchema>;

export const keyDateSchema = z
  .strictObject({
    id: kebabId,
    names: localizedTextSchema,
    date: isoDate.optional(),
    month: isoMonth.optional(),
    /** e.g. 中旬 when the seed gives only part of a month. */
    approximate: localizedTextSchema.optional(),
    /** The date is a deadline for applications of these kinds while in these states (001 温馨提示 11: 换证). */
    deadlineFor: z
      .strictObject({ kinds: z.array(kindIdSchema).min(1), states: z.array(z.string().min(1)).min(1) })
      .optional(),
    cite: citeSchema,
    quote: quoteSchema.optional(),
  })
  .refine((d) => (d.date === undefined) !== (d.month === undefined), { error: '关键日期须给出 date 或 month 之一' });
export type KeyDate = z.infer<typeof keyDateSchema>;

// ---------------------------------------------------------------------------------------------
// Scoring sheet, education, documents
// ---------------------------------------------------------------------------------------------

export const scoringItemSchema = z.strictObject({
  id: kebabId,
  name: localizedTextSchema,
  /** Points; null when the seed gives none. */
  maxScore: z.number().positive().nullable(),
  cite: citeSchema,
});

export const scoringDimensionSchema = z.strictObject({
  id: kebabId,
  name: localizedTextSchema,
  items: z.array(scoringItemSchema),
  cite: citeSchema,
  quote: quoteSchema.optional(),
});

export const scoringSheetSchema = z.strictObject({
  names: localizedTextSchema,
  /** What the evaluation weighs, in the seed's words (000 第六条/第七条). */
  bases: z.array(citedTextSchema).optional(),
  dimensions: z.array(scoringDimensionSchema),
  /**
   * Present when the seed does not list the items: they are a parameter from the named standard,
   * and the dimensions/items here are empty or placeholders.
   */
  itemsFrom: z.strictObject({ source: localizedTextSchema, cite: citeSchema, quote: quoteSchema.optional() }).optional(),
  passScore: citedNumberSchema.extend({ rule: z.enum(SELF_SCORE_RULE_NAMES).optional() }).optional(),
  /** 002 四(二): 无证明材料的不予评分. */
  evidenceRequired: z.strictObject({ cite: citeSchema, quote: quoteSchema.optional() }).optional(),
  /** Who fixes the final score. */
  finalBy: citedTextSchema.optional(),
  cite: citeSchema,
  quote: quoteSchema.optional(),
});
export type ScoringSheet = z.infer<typeof scoringSheetSchema>;

export const educationSchema = z.strictObject({
  rule: z.enum(EDUCATION_RULE_NAMES),
  /** calendar-years: 每年度 (002); cycle: the certificate's 3-year period (003). */
  window: z.enum(['calendar-years', 'cycle']),
  /**
   * The form's own table of hours (学时登记卡 copied onto the 申请表): its rows count as typed,
   * so the hours are entered once (shared/engine/facts educationRowsOf). Columns date, mode,
   * content, category are read by those ids; `hoursColumn` names the hours column.
   */
  formTable: z.strictObject({ field: fieldId, hoursColumn: fieldId }).optional(),
  /**
   * calendar-years only: the calendar years the round judges (002 六(三) 自 2018 年起每年度, for
   * the 2019 round). Without it, the last three full years before today.
   */
  roundYears: z
    .strictObject({
      from: z.number().int().min(1900).max(2100),
      to: z.number().int().min(1900).max(2100),
      reading: localizedTextSchema,
      cite: citeSchema,
      quote: quoteSchema.optional(),
    })
    .refine((y) => y.from <= y.to, { message: '核查年度的起始年份不应晚于截止年份' })
    .optional(),
  kinds: kindsSchema,
  cite: citeSchema,
  quote: quoteSchema.optional(),
});

export const documentSchema = z.strictObject({
  id: kebabId,
  kind: z.enum(['certificate', 'roster', 'form', 'register', 'notice', 'report', 'table-of-contents']),
  names: localizedTextSchema,
  /** Layout to come (shared/documents); the name is fixed now. */
  layout: kebabId,
  /** Rosters and lists: one column per form field, headed by the field's label unless given. */
  columns: z
    .array(
      z.strictObject({
        field: fieldId,
        header: localizedTextSchema.optional(),
        /** Excel character units. */
        width: z.number().positive().max(100).optional(),
      }),
    )
    .min(1)
    .optional(),
  /** Rosters and lists: files in these workflow states are left off (returned, withdrawn …). */
  excludeStates: z.array(z.string().min(1).max(60)).max(20).optional(),
  note: localizedTextSchema.optional(),
  cite: citeSchema,
  quote: quoteSchema.optional(),
});
export type DocumentDef = z.infer<typeof documentSchema>;

// ---------------------------------------------------------------------------------------------
// Panels (评审会): who scores, on which sheet, and how the members' scores and votes combine
// ---------------------------------------------------------------------------------------------

/**
 * Regulations outside the seeds that bind a program. PROGRAMS.md: every 职称评审 such as P4 is
 * held to 职称评审管理暂行规定 (人社部令第40号, 2019). A rule taken from one names it by code; its
 * words are kept as `words` (not `quote`: the seed-text check does not apply to them).
 */
export const EXTERNAL_REGULATIONS = {
  'mohrss-order-40': {
    zh: '《职称评审管理暂行规定》（人力资源社会保障部令第40号）',
    en: 'Interim Provisions on the Administration of Professional Title Evaluation (MOHRSS Order No. 40)',
  },
} as const;
export type ExternalRegulationId = keyof typeof EXTERNAL_REGULATIONS;

export const regulationRefSchema = z.strictObject({
  id: z.enum(Object.keys(EXTERNAL_REGULATIONS) as [ExternalRegulationId, ...ExternalRegulationId[]], {
    error: `外部规定应为 ${Object.keys(EXTERNAL_REGULATIONS).join('、')} 之一`,
  }),
  /** The regulation's own words, where the rule rests on a sentence of it. */
  words: quoteSchema.optional(),
});
export type RegulationRef = z.infer<typeof regulationRefSchema>;

/**
 * A share such as 2/3, compared in integers (2 × 3 ≥ 3 × 2), never as 0.667. `at-least` is the
 * rulebooks' 不少于 / 以上 (the bound itself counts); `more-than` is 超过 / 过半数.
 */
const fractionShape = {
  numerator: z.number().int().min(1, { error: '分子至少为1' }),
  denominator: z.number().int().min(1, { error: '分母至少为1' }),
  comparison: z.enum(['at-least', 'more-than'], { error: '比较方式应为 at-least（不少于）或 more-than（超过）' }),
};
const properFraction = (f: { numerator: number; denominator: number }) => f.numerator <= f.denominator;
export const fractionSchema = z.strictObject(fractionShape).refine(properFraction, { error: '比例不能大于1' });
export type Fraction = z.infer<typeof fractionSchema>;

/** Where a panel rule comes from: a seed (cite, quote), an external regulation, and the pack's reading. */
const ruleSource = {
  cite: citeSchema.optional(),
  quote: quoteSchema.optional(),
  regulation: regulationRefSchema.optional(),
  /** How the pack reads a seed that gives no number or rule: said in words, never a silent default. */
  reading: localizedTextSchema.optional(),
};

const hasSource = (r: { cite?: string | undefined; regulation?: unknown }) => r.cite !== undefined || r.regulation !== undefined;
const SOURCE_ERROR = '须写明出处（cite）或外部规定（regulation）';

/** A share with where it comes from (人社部令第40号's 2/3). */
const sourcedFraction = (what: string) =>
  z
    .strictObject({ ...fractionShape, ...ruleSource })
    .refine(properFraction, { error: `${what}不能大于1` })
    .refine(hasSource, { error: `${what}${SOURCE_ERROR}` });

/** A number the seed does not give: the pack's reading, with the seed passage it reads. */
const readNumberSchema = z.strictObject({
  value: z.number({ error: '数值应为数字' }).positive({ error: '数值应大于0' }),
  cite: citeSchema,
  quote: quoteSchema.optional(),
  reading: localizedTextSchema,
});

export const panelSheetSchema = z.discriminatedUnion(
  'kind',
  [
    /** The scoring sheet's dimensions (000 第九条 elements, 004 第三条 aspects), `equalShares.value` points shared equally among the rows. */
    z.strictObject({ kind: z.literal('dimensions'), equalShares: readNumberSchema }),
    /** The applicant's 自评分表 items (002 二), each up to its points; an item without proof scores 0 (002 四(二)). */
    z.strictObject({ kind: z.literal('self-score'), cite: citeSchema, quote: quoteSchema.optional() }),
    /** Rows listed here (P2 现场答辩). */
    z.strictObject({
      kind: z.literal('items'),
      items: z
        .array(
          z.strictObject({
            id: kebabId,
            name: localizedTextSchema,
            maxScore: z.number().positive(),
            cite: citeSchema,
            quote: quoteSchema.optional(),
            reading: localizedTextSchema.optional(),
          }),
        )
        .min(1),
    }),
  ],
  { error: '评分表类型（kind）应为 dimensions、self-score 或 items' },
);
export type PanelSheetDef = z.infer<typeof panelSheetSchema>;

export const SCORE_METHODS = ['mean', 'trimmed-mean'] as const;

export const panelScoreRuleSchema = z
  .strictObject({
    /** mean: the members' totals averaged; trimmed-mean: without the highest and the lowest. */
    method: z.enum(SCORE_METHODS, { error: '合分方式应为 mean（平均）或 trimmed-mean（去掉最高最低分后平均）' }),
    /** trimmed-mean: the extremes are dropped from this many totals on; fewer are averaged whole (and noted). */
    trimFrom: z
      .strictObject({ count: z.number().int().min(3, { error: '至少3个分数才能去掉最高和最低分' }), cite: citeSchema, reading: localizedTextSchema })
      .optional(),
    /** The combined score (rounded half up to one decimal, as the result list prints it) must reach it. */
    passMark: readNumberSchema.optional(),
    ...ruleSource,
  })
  .refine((r) => (r.method === 'trimmed-mean') === (r.trimFrom !== undefined), {
    error: '去掉最高最低分（trimmed-mean）须且只须写明从几个分数起（trimFrom）',
  })
  .refine(hasSource, { error: `合分规则${SOURCE_ERROR}` });

/** Each member's sheet says recommend / not recommend; the share recommending decides. */
export const panelRecommendationRuleSchema = z
  .strictObject({ majority: fractionSchema, ...ruleSource })
  .refine(hasSource, { error: `推荐规则${SOURCE_ERROR}` });

/** A ballot (投票): the committee present must reach the quorum, and 同意 the majority of those voting. */
export const panelBallotRuleSchema = z
  .strictObject({
    /** Members present, as a share of the session's members (the committee). */
    quorum: sourcedFraction('法定人数（quorum）'),
    /** 同意 votes, as a share of the members present who are not recused from the applicant. */
    majority: sourcedFraction('通过比例（majority）'),
    /** 无记名投票: only the tally is recorded, never who voted how. */
    secret: z.boolean(),
    ...ruleSource,
  })
  .refine(hasSource, { error: `投票规则${SOURCE_ERROR}` });

export const panelStageSchema = z
  .strictObject({
    /** The workflow state the panel decides at (a state in the 'panel' queue). */
    stage: z.string().min(1).max(60),
    names: localizedTextSchema,
    sheet: panelSheetSchema,
    score: panelScoreRuleSchema,
    recommendations: panelRecommendationRuleSchema.optional(),
    ballot: panelBallotRuleSchema.optional(),
    cite: citeSchema,
    quote: quoteSchema.optional(),
  })
  .refine((s) => s.score.passMark !== undefined || s.recommendations !== undefined || s.ballot !== undefined, {
    error: '评审阶段须至少有一条决定结果的规则：合格分数线（passMark）、推荐比例（recommendations）或投票（ballot）',
  });
export type PanelStageDef = z.infer<typeof panelStageSchema>;

export const OTHERS_SCORES_VISIBILITY = ['after-submit', 'never', 'always'] as const;

export const panelSchema = z.strictObject({
  /** Who sits: 评价工作小组, 专家评审会, 高评委, 评价中心专家评审. */
  names: localizedTextSchema,
  stages: z.array(panelStageSchema).min(1, { error: '至少需要一个评审阶段' }),
  recusal: z
    .strictObject({
      /** Fields of the form whose value is the applicant's unit (besides the applicant organisation itself). */
      unitFields: z.array(fieldId),
      ...ruleSource,
    })
    .refine(hasSource, { error: `回避规则${SOURCE_ERROR}` }),
  /** When an expert sees the other members' scores: only after submitting their own keeps scoring independent. */
  othersScores: z.strictObject({
    visible: z.enum(OTHERS_SCORES_VISIBILITY, { error: '应为 after-submit、never 或 always' }),
    basis: localizedTextSchema,
  }),
  /** The stage whose sessions schedule a 现场答辩 (slot, order, room). */
  defence: z.strictObject({ stage: z.string().min(1).max(60), cite: citeSchema, quote: quoteSchema.optional() }).optional(),
  cite: citeSchema,
  quote: quoteSchema.optional(),
});
export type PanelDef = z.infer<typeof panelSchema>;
// Imports (spreadsheets an office receives: shared/import reads them)
// ---------------------------------------------------------------------------------------------

/**
 * What one row of an imported file becomes: `applications` one person (linked by 身份证号) and one
 * application; `table-rows` a row of a table field of one application the clerk chooses;
 * `certificates` one person and one certificate.
 */
export const IMPORT_CREATES = ['applications', 'table-rows', 'certificates'] as const;
export type ImportCreates = (typeof IMPORT_CREATES)[number];

/**
 * Targets a column may fill besides the form's fields, per what the rows become: 序号 (read and
 * dropped), 性别 (checked against the 身份证号, which decides it), and for a register of
 * certificates the registration's own columns. shared/import/targets.ts says how each is read.
 */
export const IMPORT_OWN_TARGETS: Readonly<Record<ImportCreates, readonly string[]>> = {
  applications: ['rowNo', 'sex'],
  'table-rows': ['rowNo'],
  certificates: ['rowNo', 'sex', 'registrationKind', 'registeredOn', 'validUntil', 'educationHours'],
};

export const importColumnSchema = z.strictObject({
  /** A form field (for `table-rows` a column of the table) or one of IMPORT_OWN_TARGETS. */
  target: z.string().regex(/^[a-z][A-Za-z0-9]*$/, { error: '导入列的目标应为字段编号，如 idNumber' }),
  /** Headers offices write for it besides the field's label and the shared synonyms. */
  headers: z.array(textOf(60, '表头')).optional(),
  /** One column per year under this header (002 附件4 四 9: 逐年填写); the target is a table of year and result. */
  perYear: z.strictObject({ yearColumn: fieldId, resultColumn: fieldId }).optional(),
  /** Values offices write for an option, and the option they mean (其他类企业 → 其它类企业). */
  values: z.record(textOf(60, '写法'), z.string().min(1)).optional(),
  cite: citeSchema.optional(),
  quote: quoteSchema.optional(),
});
export type ImportColumnDef = z.infer<typeof importColumnSchema>;

export const importDefSchema = z.strictObject({
  kind: z.enum(IMPORT_KINDS, { error: `导入内容应为 ${IMPORT_KINDS.join('、')} 之一` }),
  names: localizedTextSchema,
  creates: z.enum(IMPORT_CREATES),
  /** The application kind whose fields the rows fill (and, for `applications`, the kind created). */
  applicationKind: kindIdSchema,
  /** For `table-rows`: the table field the rows are added to. */
  table: fieldId.optional(),
  /** In the file's usual order; columns of the file that no target claims are not imported. */
  columns: z.array(importColumnSchema).min(1),
  cite: citeSchema,
  quote: quoteSchema.optional(),
});
export type ImportDef = z.infer<typeof importDefSchema>;
// A certificate's life: validity on issue, what replaces what, expiry, the closed lists of
// grounds, deadlines and bans (shared/lifecycle reads these; no program is named there)
// ---------------------------------------------------------------------------------------------

/** One ground of a closed list (003 八 延期, 十 注销; 004 第十九条 暂停或撤销), stored as its code. */
export const groundSchema = z.strictObject({
  code: kebabId,
  names: localizedTextSchema,
  /** An open-ended ground (003 八（四）其他情况) must be explained in the note. */
  requiresNote: z.literal(true).optional(),
  cite: citeSchema,
  quote: quoteSchema.optional(),
});
export type Ground = z.infer<typeof groundSchema>;

/**
 * issued-on: N years from the issue (registration) day; after-previous: N years from the day
 * after the replaced certificate's expiry, so renewing early loses no time; same-as-previous:
 * the replaced certificate's validity, unchanged (a reissue, an exchange).
 */
export const VALIDITY_BASES = ['issued-on', 'after-previous', 'same-as-previous'] as const;
export type ValidityBasis = (typeof VALIDITY_BASES)[number];

/** Holder-record fields a change of information may replace (person: name, phone; organisation: all four). */
export const HOLDER_FIELDS = ['name', 'phone', 'address', 'contact'] as const;
export type HolderField = (typeof HOLDER_FIELDS)[number];

/** What reaching a final state of a lifecycle kind does to the certificate it acts on. */
export const LIFECYCLE_EFFECTS = [
  'update-holder',
  'defer',
  'defer-education',
  'cancel',
  'suspend',
  'revoke',
  'reinstate',
  'annual-review-passed',
  'annual-review-failed',
] as const;
export type LifecycleEffect = (typeof LIFECYCLE_EFFECTS)[number];

const citedRuleSchema = z.strictObject({ cite: citeSchema, quote: quoteSchema.optional() });

const kindList1 = z.array(kindIdSchema).min(1, { error: '至少列出一种办理类型' });

/** What a new application started from a certificate is filled in with (the row action of 已发证书). */
export const PREFILL_SOURCES = ['certificateNo', 'issuedOn', 'validUntil', 'holderName', 'idNumber', 'creditCode', 'level'] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];

const groundListSchema = z.strictObject({
  kinds: kindList1,
  /** The form's enum field holding the ground's code; its options are exactly these grounds. */
  groundField: fieldId,
  grounds: z.array(groundSchema).min(1),
  /** Where an open-ended ground is explained. */
  noteField: fieldId.optional(),
  /** Where the facts and proof of the ground are described (required when given). */
  evidenceField: fieldId.optional(),
  cite: citeSchema,
  quote: quoteSchema.optional(),
});

export const lifecycleSchema = z.strictObject({
  /** The kinds that renew the certificate, and the pack window that is its renewal window. */
  renewal: z
    .strictObject({ kinds: kindList1, window: kebabId, cite: citeSchema, quote: quoteSchema.optional() })
    .optional(),
  /** The validity each certificate-issuing kind gives. */
  validity: z
    .array(
      z.strictObject({
        kinds: kindList1,
        from: z.enum(VALIDITY_BASES),
        /** Absent for same-as-previous. */
        years: count('有效期年数').optional(),
        /** The pack's reading where the seed leaves it open. */
        reading: localizedTextSchema.optional(),
        cite: citeSchema,
        quote: quoteSchema.optional(),
      }),
    )
    .min(1)
    .optional(),
  /** Issuing for these kinds replaces the certificate acted on. */
  replacements: z.array(
    z.strictObject({
      kinds: kindList1,
      /** superseded: the old one stays valid to its own end; void: 作废 from the new one's issue. */
      previous: z.enum(['superseded', 'void']),
      /** How the new certificate enters the register. */
      event: z.enum(['renewed', 'reissued', 'exchanged']),
      reading: localizedTextSchema.optional(),
      cite: citeSchema,
      quote: quoteSchema.optional(),
    }),
  ).optional(),
  /** What a certificate becomes the day after it expires. */
  expiry: z.strictObject({
    /** expired: a renewal the seed allows may still follow; lapsed: 不再有效 / 自动失效, for good. */
    becomes: z.enum(['expired', 'lapsed']),
    /** 004 第十七条: it lapses only when no renewal (再评价) was filed before expiry. */
    unlessRenewalFiled: z.boolean(),
    reading: localizedTextSchema.optional(),
    cite: citeSchema,
    quote: quoteSchema.optional(),
  }).optional(),
  /** What must be filled in before a number is taken (003 附件: the registration form's fields). */
  print: z.strictObject({ kinds: kindList1, fields: z.array(fieldId).min(1), cite: citeSchema, quote: quoteSchema.optional() }).optional(),
  /** The form field whose value the certificate carries as its level (004 第十一条). */
  levelField: fieldId.optional(),
  /**
   * Form fields copied from the application that issued the certificate into one started from
   * it in the same program (003: 资格名称, 专业类别 … are the same at re-registration).
   */
  carryOver: z.array(fieldId).optional(),
  /** Form fields filled from the certificate when an application is started from it. */
  prefill: z
    .array(z.strictObject({ field: fieldId, from: z.enum(PREFILL_SOURCES), kinds: kindList1.optional() }))
    .optional(),
  /** A change of information: the form's new values replace the holder record's on approval. */
  change: z
    .strictObject({
      kinds: kindList1,
      updates: z.array(z.strictObject({ field: fieldId, holder: z.enum(HOLDER_FIELDS) })).min(1),
      /** The day the change happened, from which the pack's changeDeadline time limit runs (004 第二十一条). */
      occurredField: fieldId.optional(),
      cite: citeSchema,
      quote: quoteSchema.optional(),
    })
    .optional(),
  /** 003 八: 延期登记, at most `maxYears` past the original expiry, requested before expiry. */
  deferral: groundListSchema.extend({ untilField: fieldId, maxYears: citedNumberSchema, requestedBeforeExpiry: citedRuleSchema.optional() }).optional(),
  /** 003 48号 六: 继续教育顺延. */
  educationDeferral: groundListSchema
    .extend({ untilField: fieldId, maxYears: citedNumberSchema, requestedBeforeExpiry: citedRuleSchema.optional() })
    .optional(),
  /** 003 十、十一: 注销登记 on the closed grounds, appealable within `appealDays` of the notice. */
  cancellation: groundListSchema.extend({ appealDays: citedNumberSchema, noticeField: fieldId.optional() }).optional(),
  /** 004 第十九、二十条: 暂停或撤销 on the closed grounds, the notice through the agency. */
  revocation: groundListSchema
    .extend({
      actionField: fieldId,
      notice: z.strictObject({ via: localizedTextSchema, cite: citeSchema, quote: quoteSchema.optional() }),
    })
    .optional(),
  /** 004 第十五、十七条: a review in each certificate year; missed or failed → revocation proposed. */
  annualReview: z
    .strictObject({
      kinds: kindList1,
      reading: localizedTextSchema,
      /** The revocation ground proposed when a year is missed or failed. */
      missedOrFailed: z.strictObject({ ground: kebabId, cite: citeSchema, quote: quoteSchema.optional() }),
      cite: citeSchema,
      quote: quoteSchema.optional(),
    })
    .optional(),
  /** 002 五: a finding of fraud bars new applications for `years` from the year after the review. */
  fraudBan: z
    .strictObject({
      /** Final states of the pack's workflows that are such a finding. */
      states: z.array(z.string().min(1)).min(1),
      years: citedNumberSchema,
      blocksKinds: kindList1,
      cite: citeSchema,
      quote: quoteSchema.optional(),
    })
    .optional(),
  /** 000 第十五条二: in the renewal window the holder may apply to another program instead. */
  alternatives: z
    .array(z.strictObject({ program: kebabId, kind: kindIdSchema, names: localizedTextSchema, cite: citeSchema, quote: quoteSchema.optional() }))
    .optional(),
  /** Final states of the lifecycle kinds and what each does to the certificate. */
  effects: z.array(z.strictObject({ kind: kindIdSchema, state: z.string().min(1), effect: z.enum(LIFECYCLE_EFFECTS) })).optional(),
});
export type Lifecycle = z.infer<typeof lifecycleSchema>;

// ---------------------------------------------------------------------------------------------
// The pack
// ---------------------------------------------------------------------------------------------

const programPackObject = z.strictObject({
  id: kebabId.brand<'ProgramId'>(),
  seed: z.enum(SEED_IDS, { error: '种子编号应为 000–004' }),
  names: localizedTextSchema,
  /** Who issues or runs it, in the seed's words. */
  issuer: z.strictObject({ names: localizedTextSchema, cite: citeSchema, quote: quoteSchema.optional() }),
  applicantKind: z.enum(APPLICANT_KINDS, { error: '申请人类型应为 person（个人）或 organisation（单位）' }),
  applicationKinds: z.array(applicationKindSchema).min(1, { error: '至少需要一种办理类型' }),
  categories: z.array(categorySchema).optional(),
  catalogues: z.array(catalogueSchema).optional(),
  eligibility: z.array(citedTextSchema),
  fields: z.array(fieldSchema).min(1),
  checklist: z.array(materialSchema).min(1),
  binding: bindingRulesSchema.optional(),
  validity: validitySchema.optional(),
  windows: z.array(windowSchema),
  education: educationSchema.optional(),
  /**
   * Where an application's evaluation category and level are read (001 甲乙丙丁, 004 IETS-4 …
   * IETS-E): thresholds by level read the level here, and the certificate carries both.
   */
  grading: z
    .strictObject({
      /** The category when there is one; else `categoryField` chooses it. */
      category: kebabId.optional(),
      categoryField: fieldId.optional(),
      levelField: fieldId,
      cite: citeSchema,
      quote: quoteSchema.optional(),
    })
    .optional(),
  photoRule: z.enum(PHOTO_RULE_NAMES).optional(),
  thresholds: z.array(thresholdSchema),
  publicity: z.array(publicitySchema),
  timeLimits: z.array(timeLimitSchema),
  keyDates: z.array(keyDateSchema),
  scoring: scoringSheetSchema.optional(),
  /** The expert panel (评审会), where the program has one. */
  panel: panelSchema.optional(),
  documents: z.array(documentSchema),
  /** Spreadsheets of this program the office imports (a roster, a certificate list, a register). */
  imports: z.array(importDefSchema).optional(),
  /** A certificate's life after issue; absent where the program issues none (P4) or nothing follows (P3). */
  lifecycle: lifecycleSchema.optional(),
  /** One workflow per application kind (shared/workflow/definition). */
  workflows: z.partialRecord(kindIdSchema, workflowDefinitionSchema),
});

type PackShape = z.infer<typeof programPackObject>;

function issue(ctx: z.RefinementCtx, message: string, path: PropertyKey[]): void {
  ctx.addIssue({ code: 'custom', message, path });
}

function checkUnique<T>(ctx: z.RefinementCtx, items: readonly T[], key: (t: T) => string, what: string, path: PropertyKey[]) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) issue(ctx, `${what}“${k}”重复`, [...path, i]);
    seen.add(k);
  });
}

function kindList(kinds: KindsRef | undefined): readonly string[] {
  return kinds === undefined || kinds === 'all' ? [] : kinds;
}

function checkCondition(
  ctx: z.RefinementCtx,
  condition: Condition | undefined,
  fieldIds: ReadonlySet<string>,
  path: PropertyKey[],
): void {
  if (!condition) return;
  for (const f of conditionFields(condition)) {
    if (f !== APPLICATION_KIND_FIELD && !fieldIds.has(f)) issue(ctx, `条件引用的字段“${f}”不存在`, path);
  }
}

type FieldLike = z.infer<typeof fieldObject> & { columns?: readonly z.infer<typeof fieldObject>[] | undefined };

function checkField(
  ctx: z.RefinementCtx,
  field: FieldLike,
  pack: PackShape,
  fieldIds: ReadonlySet<string>,
  path: PropertyKey[],
): void {
  const name = `字段“${field.label.zh}”`;
  if (field.cite === undefined && field.basis === undefined) {
    issue(ctx, `${name}既没有出处（cite）也没有说明依据（basis）`, path);
  }
  if ((field.type === 'enum') !== (field.enum !== undefined)) {
    issue(ctx, field.type === 'enum' ? `${name}是选项字段，须列出选项（enum）` : `${name}不是选项字段，不应有选项`, [...path, 'enum']);
  }
  if (field.enum) {
    checkUnique(ctx, field.enum, (o) => o.value, `${name}的选项`, [...path, 'enum']);
    field.enum.forEach((o, i) => {
      if (o.requiresRemark !== undefined && !fieldIds.has(o.requiresRemark)) {
        issue(ctx, `${name}的选项“${o.value}”要求说明的字段“${o.requiresRemark}”不存在`, [...path, 'enum', i]);
      }
    });
  }
  const allowed = VALIDATORS_BY_FIELD_TYPE[field.type];
  const optional = OPTIONAL_VALIDATOR_TYPES.includes(field.type) && field.validator === undefined;
  if (allowed && !optional && (field.validator === undefined || !allowed.includes(field.validator))) {
    issue(ctx, `${name}（${field.type}）须使用校验规则 ${allowed.join(' 或 ')}`, [...path, 'validator']);
  }
  if (!allowed && field.validator !== undefined) {
    issue(ctx, `${name}（${field.type}）没有对应的校验规则，不应指定 ${field.validator}`, [...path, 'validator']);
  }
  if ((field.type === 'catalogue-ref') !== (field.catalogue !== undefined)) {
    issue(ctx, `${name}：只有 catalogue-ref 字段指定目录（catalogue），且必须指定`, [...path, 'catalogue']);
  }
  if (field.catalogue !== undefined && !(pack.catalogues ?? []).some((c) => c.id === field.catalogue)) {
    issue(ctx, `${name}引用的目录“${field.catalogue}”不存在`, [...path, 'catalogue']);
  }
  if ((field.type === 'money') !== (field.moneyUnit !== undefined)) {
    issue(
      ctx,
      field.type === 'money' ? `${name}是金额，须写明填写单位（moneyUnit：yuan 元或 wan-yuan 万元）` : `${name}不是金额，不应有金额单位`,
      [...path, 'moneyUnit'],
    );
  }
  if ((field.type === 'table') !== (field.columns !== undefined)) {
    issue(ctx, field.type === 'table' ? `${name}是表格，须列出列（columns）` : `${name}不是表格，不应有列`, [...path, 'columns']);
  }
  if (field.columns) {
    checkUnique(ctx, field.columns, (c) => c.id, `${name}的列`, [...path, 'columns']);
    // A column's conditions may read the other columns of its row as well as the form's fields.
    const rowIds = new Set([...fieldIds, ...field.columns.map((c) => c.id)]);
    field.columns.forEach((column, i) => {
      if (column.type === 'table') issue(ctx, `${name}的列不能再是表格`, [...path, 'columns', i, 'type']);
      if (column.id === ROW_KEY) issue(ctx, `${name}的列编号“${ROW_KEY}”已保留给行标识`, [...path, 'columns', i, 'id']);
      checkField(ctx, column, pack, rowIds, [...path, 'columns', i]);
      if (column.computed) checkRowComputation(ctx, column, field.columns ?? [], i, name, [...path, 'columns', i, 'computed']);
    });
  }
  checkCondition(ctx, field.requiredWhen, fieldIds, [...path, 'requiredWhen']);
  checkCondition(ctx, field.visibleWhen, fieldIds, [...path, 'visibleWhen']);
  const kindIds = new Set<string>(pack.applicationKinds.map((k) => k.id));
  for (const k of kindList(field.kinds)) {
    if (!kindIds.has(k)) issue(ctx, `${name}适用的办理类型“${k}”未在本程序中声明`, [...path, 'kinds']);
  }
}

/** Import definitions name real fields, tables, kinds and options. */
function checkImports(ctx: z.RefinementCtx, pack: PackShape): void {
  const defs = pack.imports ?? [];
  checkUnique(ctx, defs, (d) => d.kind, '导入内容', ['imports']);
  const kindIds = new Set<string>(pack.applicationKinds.map((k) => k.id));
  defs.forEach((def, i) => {
    const path = ['imports', i];
    if (!kindIds.has(def.applicationKind)) issue(ctx, `导入“${def.names.zh}”的办理类型“${def.applicationKind}”未在本程序中声明`, [...path, 'applicationKind']);
    const table = def.table === undefined ? undefined : pack.fields.find((f) => f.id === def.table);
    if ((def.creates === 'table-rows') !== (def.table !== undefined)) {
      issue(ctx, `导入“${def.names.zh}”：只有 table-rows 须指定表格（table），且必须指定`, [...path, 'table']);
    } else if (def.table !== undefined && table?.type !== 'table') {
      issue(ctx, `导入“${def.names.zh}”的表格“${def.table}”不是本程序的表格字段`, [...path, 'table']);
    }
    const candidates: readonly FieldLike[] = def.creates === 'table-rows' ? (table?.columns ?? []) : pack.fields;
    const own = IMPORT_OWN_TARGETS[def.creates];
    checkUnique(ctx, def.columns, (c) => c.target, `导入“${def.names.zh}”的列`, [...path, 'columns']);
    def.columns.forEach((column, j) => {
      const where = [...path, 'columns', j];
      const field = candidates.find((f) => f.id === column.target);
      if (field === undefined) {
        if (!own.includes(column.target)) issue(ctx, `导入“${def.names.zh}”的列“${column.target}”不是字段`, where);
        if (column.perYear !== undefined || column.values !== undefined) issue(ctx, `导入列“${column.target}”不是表单字段，不能指定 perYear 或 values`, where);
        return;
      }
      if (def.creates !== 'table-rows' && !kindList(field.kinds).includes(def.applicationKind) && field.kinds !== 'all') {
        issue(ctx, `导入列“${column.target}”不属于办理类型“${def.applicationKind}”`, where);
      }
      if (column.perYear !== undefined) {
        const ids = (field.columns ?? []).map((c) => c.id);
        if (field.type !== 'table' || !ids.includes(column.perYear.yearColumn) || !ids.includes(column.perYear.resultColumn)) {
          issue(ctx, `导入列“${column.target}”按年度分列，须是含年度列和结果列的表格`, [...where, 'perYear']);
        }
      }
      for (const [written, option] of Object.entries(column.values ?? {})) {
        if (!(field.enum ?? []).some((o) => o.value === option)) {
          issue(ctx, `导入列“${column.target}”把“${written}”当作选项“${option}”，但该字段没有这个选项`, [...where, 'values']);
        }
      }
    });
  });
}

const NUMERIC_TYPES: ReadonlySet<string> = new Set(['number', 'money']);

/** A computed column adds up columns of its own row declared before it (so the order of work is the column order). */
function checkRowComputation(
  ctx: z.RefinementCtx,
  column: z.infer<typeof fieldObject>,
  columns: readonly z.infer<typeof fieldObject>[],
  index: number,
  table: string,
  path: PropertyKey[],
): void {
  const computed = column.computed;
  if (!computed) return;
  const name = `${table}的列“${column.label.zh}”`;
  if (computed.rule !== 'sum') {
    issue(ctx, `${name}：表格的列只能用 sum（本行各列相加）计算`, [...path, 'rule']);
    return;
  }
  if (computed.rows !== undefined) issue(ctx, `${name}：按行合计不应限定行（rows）`, [...path, 'rows']);
  for (const input of computed.inputs) {
    const at = columns.findIndex((c) => c.id === input);
    if (at < 0 || at >= index) issue(ctx, `${name}的计算项“${input}”须是本表在它之前的列`, [...path, 'inputs']);
    else if (!NUMERIC_TYPES.has(columns[at]!.type)) issue(ctx, `${name}的计算项“${input}”不是数字或金额列`, [...path, 'inputs']);
    else if (columns[at]!.type !== column.type) issue(ctx, `${name}与计算项“${input}”类型不同`, [...path, 'inputs']);
  }
}

type FieldShape = PackShape['fields'][number];

/** A computed form field: `sum` of fields, `column-sum` / `count-rows` / `count-distinct` of a table. */
function checkFieldComputation(ctx: z.RefinementCtx, field: FieldShape, fields: readonly FieldShape[], path: PropertyKey[]): void {
  const computed = field.computed;
  if (!computed) return;
  const name = `字段“${field.label.zh}”`;
  const byId = (id: string | undefined) => (id === undefined ? undefined : fields.find((f) => f.id === id));
  const [first, second] = computed.inputs;
  const table = byId(first);
  const column = table?.columns?.find((c) => c.id === second);
  switch (computed.rule) {
    case 'sum':
      for (const input of computed.inputs) {
        const f = byId(input);
        if (f === undefined || f.id === field.id || !NUMERIC_TYPES.has(f.type)) {
          issue(ctx, `${name}的计算项“${input}”须是本表单的数字或金额字段`, [...path, 'inputs']);
        }
      }
      break;
    case 'count-rows':
      if (table?.type !== 'table' || computed.inputs.length !== 1) issue(ctx, `${name}：count-rows 的计算项应为一个表格字段`, [...path, 'inputs']);
      break;
    case 'column-sum':
    case 'count-distinct':
      if (table?.type !== 'table' || column === undefined || computed.inputs.length !== 2) {
        issue(ctx, `${name}：${computed.rule} 的计算项应为 [表格字段, 该表的列]`, [...path, 'inputs']);
      } else if (computed.rule === 'column-sum' && (!NUMERIC_TYPES.has(column.type) || column.type !== field.type)) {
        issue(ctx, `${name}：合计的列“${column.label.zh}”须与本字段同为数字或金额`, [...path, 'inputs']);
      }
      break;
  }
  if (computed.rows !== undefined) {
    if (computed.rule !== 'column-sum' && computed.rule !== 'count-rows') {
      issue(ctx, `${name}：只有 column-sum 和 count-rows 可以限定行（rows）`, [...path, 'rows']);
    } else if (!table?.columns?.some((c) => c.id === computed.rows?.column)) {
      issue(ctx, `${name}限定行所用的列“${computed.rows.column}”不在表格中`, [...path, 'rows']);
    }
  }
  if (computed.rule !== 'sum' && computed.rule !== 'column-sum' && field.type !== 'number') {
    issue(ctx, `${name}是计数，类型应为 number`, [...path, 'rule']);
  }
}

function checkTableExtras(ctx: z.RefinementCtx, field: FieldShape, fields: readonly FieldShape[], fieldIds: ReadonlySet<string>, path: PropertyKey[]): void {
  const name = `字段“${field.label.zh}”`;
  const columns = field.columns ?? [];
  if (field.type !== 'table' && (field.totals !== undefined || field.yearRows !== undefined || field.minRows !== undefined || field.agreesWith !== undefined)) {
    issue(ctx, `${name}不是表格，不应有合计行、年度行或最少行数`, path);
    return;
  }
  for (const id of field.totals ?? []) {
    const column = columns.find((c) => c.id === id);
    if (column === undefined || !NUMERIC_TYPES.has(column.type)) issue(ctx, `${name}的合计列“${id}”须是本表的数字或金额列`, [...path, 'totals']);
  }
  const agrees = field.agreesWith;
  if (agrees) {
    const other = fields.find((f) => f.id === agrees.totalOf.table);
    const target = columns.find((c) => c.id === agrees.column);
    const source = other?.columns?.find((c) => c.id === agrees.totalOf.column);
    if (!columns.some((c) => c.id === agrees.where.column) || target === undefined || source === undefined || !NUMERIC_TYPES.has(target.type) || target.type !== source.type) {
      issue(ctx, `${name}的对应关系（agreesWith）须指向本表的数字或金额列和另一表格的同类列`, [...path, 'agreesWith']);
    }
  }
  const years = field.yearRows;
  if (years) {
    if (columns.find((c) => c.id === years.column)?.type !== 'year') issue(ctx, `${name}的年度列“${years.column}”须是本表的年份列`, [...path, 'yearRows']);
    if (years.backfill) checkCondition(ctx, years.backfill.when, fieldIds, [...path, 'yearRows', 'backfill']);
  }
}

function checkGrading(ctx: z.RefinementCtx, pack: PackShape): void {
  const grading = pack.grading;
  if (!grading) return;
  const path = ['grading'];
  const categories = pack.categories ?? [];
  const enumValues = (id: string | undefined): string[] | undefined =>
    pack.fields.find((f) => f.id === id && f.type === 'enum')?.enum?.map((o) => o.value);
  let chosen = categories.filter((c) => c.id === grading.category);
  if ((grading.category === undefined) === (grading.categoryField === undefined)) {
    issue(ctx, '评级（grading）须给出 category 或 categoryField 之一', path);
  } else if (grading.category !== undefined && chosen.length === 0) {
    issue(ctx, `评级所用的评价类别“${grading.category}”不存在`, [...path, 'category']);
  } else if (grading.categoryField !== undefined) {
    const values = enumValues(grading.categoryField);
    if (values === undefined) issue(ctx, `评级的类别字段“${grading.categoryField}”须是选项字段`, [...path, 'categoryField']);
    for (const v of values ?? []) {
      if (!categories.some((c) => c.id === v)) issue(ctx, `类别字段的选项“${v}”不是已声明的评价类别`, [...path, 'categoryField']);
    }
    chosen = categories.filter((c) => values?.includes(c.id));
  }
  const levels = new Set(chosen.flatMap((c) => c.levels.map((l) => l.id)));
  const values = enumValues(grading.levelField);
  if (values === undefined) issue(ctx, `评级的等级字段“${grading.levelField}”须是选项字段`, [...path, 'levelField']);
  for (const v of values ?? []) if (!levels.has(v)) issue(ctx, `等级字段的选项“${v}”不是所选评价类别的等级`, [...path, 'levelField']);
}

function checkPack(pack: PackShape, ctx: z.RefinementCtx): void {
  const kindIds = new Set<string>(pack.applicationKinds.map((k) => k.id));
  const fieldIds = new Set(pack.fields.map((f) => f.id));
  const checkKinds = (kinds: KindsRef | undefined, what: string, path: PropertyKey[]) => {
    for (const k of kindList(kinds)) {
      if (!kindIds.has(k)) issue(ctx, `${what}适用的办理类型“${k}”未在本程序中声明`, path);
    }
  };

  if (fieldIds.has(APPLICATION_KIND_FIELD)) {
    issue(ctx, `字段编号“${APPLICATION_KIND_FIELD}”已保留给办理类型，请改用其他编号`, ['fields']);
  }
  checkUnique(ctx, pack.applicationKinds, (k) => k.id, '办理类型', ['applicationKinds']);
  checkUnique(ctx, pack.fields, (f) => f.id, '字段编号', ['fields']);
  checkUnique(ctx, pack.checklist, (m) => m.id, '材料编号', ['checklist']);
  checkUnique(ctx, pack.thresholds, (t) => t.id, '指标编号', ['thresholds']);
  checkUnique(ctx, pack.windows, (w) => w.id, '期间编号', ['windows']);
  checkUnique(ctx, pack.publicity, (p) => p.id, '公示编号', ['publicity']);
  checkUnique(ctx, pack.timeLimits, (t) => t.id, '期限编号', ['timeLimits']);
  checkUnique(ctx, pack.keyDates, (d) => d.id, '关键日期编号', ['keyDates']);
  checkUnique(ctx, pack.documents, (d) => d.id, '文书编号', ['documents']);
  checkUnique(ctx, pack.eligibility, (e) => e.id, '申请条件编号', ['eligibility']);
  checkUnique(ctx, pack.categories ?? [], (c) => c.id, '评价类别编号', ['categories']);
  checkUnique(ctx, pack.catalogues ?? [], (c) => c.id, '目录编号', ['catalogues']);

  pack.applicationKinds.forEach((k, i) => {
    if ((k.id === 'upgrade') !== (k.fromProgram !== undefined)) {
      issue(ctx, '只有 upgrade（晋级）类型须写明原证书所属程序（fromProgram）', ['applicationKinds', i, 'fromProgram']);
    }
  });

  (pack.categories ?? []).forEach((c, i) => {
    checkUnique(ctx, c.levels, (l) => l.id, `“${c.names.zh}”的等级`, ['categories', i, 'levels']);
    c.levels.forEach((l, j) => {
      if (l.rank !== j + 1) issue(ctx, `“${c.names.zh}”的等级应由低到高排列，序号依次为 1、2、3…`, ['categories', i, 'levels', j, 'rank']);
    });
  });
  (pack.catalogues ?? []).forEach((c, i) => checkUnique(ctx, c.rows, (r) => r.id, `目录“${c.names.zh}”的行`, ['catalogues', i, 'rows']));

  pack.fields.forEach((f, i) => {
    checkField(ctx, f, pack, fieldIds, ['fields', i]);
    checkFieldComputation(ctx, f, pack.fields, ['fields', i, 'computed']);
    checkTableExtras(ctx, f, pack.fields, fieldIds, ['fields', i]);
  });
  checkGrading(ctx, pack);
  pack.eligibility.forEach((e, i) => {
    checkCondition(ctx, e.requires, fieldIds, ['eligibility', i, 'requires']);
    if (e.confirmedBy !== undefined && pack.fields.find((f) => f.id === e.confirmedBy)?.type !== 'boolean') {
      issue(ctx, `申请条件“${e.text.zh}”的确认字段“${e.confirmedBy}”须是是否（boolean）字段`, ['eligibility', i, 'confirmedBy']);
    }
  });
  pack.keyDates.forEach((d, i) => {
    if (!d.deadlineFor) return;
    for (const kind of d.deadlineFor.kinds) {
      const states = pack.workflows[kind]?.states;
      if (!kindIds.has(kind) || states === undefined) {
        issue(ctx, `关键日期“${d.names.zh}”适用的办理类型“${kind}”未在本程序中声明`, ['keyDates', i, 'deadlineFor']);
        continue;
      }
      for (const st of d.deadlineFor.states) {
        if (!states.some((x) => x.id === st)) issue(ctx, `关键日期“${d.names.zh}”所列状态“${st}”不在“${kind}”的流程中`, ['keyDates', i, 'deadlineFor']);
      }
    }
  });
  pack.documents.forEach((d, i) => {
    for (const c of d.columns ?? []) {
      if (!fieldIds.has(c.field)) issue(ctx, `文书“${d.names.zh}”的列“${c.field}”不是本表单的字段`, ['documents', i, 'columns']);
    }
  });

  const volumes = new Set((pack.binding?.volumes ?? []).map((v) => v.volume));
  const positions = new Map<string, string>();
  pack.checklist.forEach((m, i) => {
    const path = ['checklist', i];
    const name = `材料“${m.name.zh}”`;
    if ((m.requirement === 'conditional') !== (m.condition !== undefined)) {
      issue(
        ctx,
        m.requirement === 'conditional' ? `${name}是条件必交，须写明条件（condition）` : `${name}不是条件必交，不应有条件`,
        [...path, 'condition'],
      );
    }
    if (m.requirement === 'conditional' && m.conditionText === undefined) {
      issue(ctx, `${name}是条件必交，须用文字说明条件（conditionText）`, [...path, 'conditionText']);
    }
    checkCondition(ctx, m.condition, fieldIds, [...path, 'condition']);
    checkKinds(m.kinds, name, [...path, 'kinds']);
    if (m.copies.per !== undefined) {
      const table = pack.fields.find((f) => f.id === m.copies.per);
      if (table?.type !== 'table') issue(ctx, `${name}按“${m.copies.per}”逐行提交，但该字段不是表格`, [...path, 'copies', 'per']);
    }
    if (m.copies.largestBy !== undefined) {
      const table = pack.fields.find((f) => f.id === m.copies.per);
      const column = table?.columns?.find((c) => c.id === m.copies.largestBy);
      if (m.copies.max === undefined || column === undefined || !NUMERIC_TYPES.has(column.type)) {
        issue(ctx, `${name}按“${m.copies.largestBy}”挑选大额行，须同时写明逐行表格（per）和上限（max），且该列为数字或金额列`, [...path, 'copies', 'largestBy']);
      }
    }
    const bindable = pack.binding !== undefined && m.scope === 'application' && m.medium !== 'electronic';
    if (bindable && m.binding === undefined) {
      issue(ctx, `${name}须写明装订位置（第几册第几项）或不装订的理由`, [...path, 'binding']);
    }
    if (!bindable && m.binding?.some((p) => p.kind === 'volume')) {
      issue(ctx, `${name}不属装订成册的材料，不应指定册号`, [...path, 'binding']);
    }
    if (m.binding) {
      if (m.binding.length > 1) {
        const total = m.binding.reduce((sum, p) => sum + (p.copies ?? Number.NaN), 0);
        if (total !== m.copies.count) {
          issue(ctx, `${name}分开装订时，各部分份数（copies）之和应等于 ${m.copies.count} 份`, [...path, 'binding']);
        }
      }
      m.binding.forEach((p, j) => {
        if (p.kind !== 'volume') return;
        if (!volumes.has(p.volume)) issue(ctx, `${name}装订在第${p.volume}册，但装订规则中没有该册`, [...path, 'binding', j]);
        if (p.sequence === undefined) {
          const key = `${p.volume}/${p.position}`;
          const other = positions.get(key);
          if (other !== undefined) issue(ctx, `${name}与“${other}”同在第${p.volume}册第${p.position}项`, [...path, 'binding', j]);
          positions.set(key, m.name.zh);
        }
      });
    }
  });

  checkImports(ctx, pack);

  pack.thresholds.forEach((t, i) => {
    if ((t.value === undefined) === (t.byLevel === undefined)) {
      issue(ctx, `指标“${t.label.zh}”须给出 value 或 byLevel 之一`, ['thresholds', i]);
    }
    if (t.byLevel) {
      const levels = new Set((pack.categories ?? []).flatMap((c) => c.levels.map((l) => l.id)));
      for (const level of Object.keys(t.byLevel)) {
        if (!levels.has(level)) issue(ctx, `指标“${t.label.zh}”的等级“${level}”未在评价类别中声明`, ['thresholds', i, 'byLevel']);
      }
    }
    checkKinds(t.kinds, `指标“${t.label.zh}”`, ['thresholds', i, 'kinds']);
    const measure = t.measure;
    if (measure !== undefined && 'field' in measure) {
      const f = pack.fields.find((x) => x.id === measure.field);
      if (f === undefined || !NUMERIC_TYPES.has(f.type)) {
        issue(ctx, `指标“${t.label.zh}”衡量的字段“${measure.field}”须是本表单的数字或金额字段`, ['thresholds', i, 'measure']);
      } else if (f.type === 'money' && t.unit !== '元' && t.unit !== '万元') {
        issue(ctx, `指标“${t.label.zh}”衡量金额，单位应为“元”或“万元”`, ['thresholds', i, 'unit']);
      }
      if (t.byLevel !== undefined && pack.grading === undefined) {
        issue(ctx, `指标“${t.label.zh}”按等级给出，须在评级（grading）中写明等级字段`, ['thresholds', i, 'byLevel']);
      }
    }
  });
  pack.windows.forEach((w, i) => checkKinds(w.kinds, `期间“${w.names.zh}”`, ['windows', i, 'kinds']));
  pack.timeLimits.forEach((t, i) => checkKinds(t.kinds, `期限“${t.names.zh}”`, ['timeLimits', i, 'kinds']));
  pack.eligibility.forEach((e, i) => checkKinds(e.kinds, `申请条件“${e.text.zh}”`, ['eligibility', i, 'kinds']));
  if (pack.education) checkKinds(pack.education.kinds, '继续教育要求', ['education', 'kinds']);
  const educationTable = pack.education?.formTable;
  if (educationTable !== undefined) {
    const table = pack.fields.find((f) => f.id === educationTable.field);
    if (table?.type !== 'table') issue(ctx, `继续教育学时表“${educationTable.field}”不是申请表中的表格字段`, ['education', 'formTable', 'field']);
    else if (!(table.columns ?? []).some((c) => c.id === educationTable.hoursColumn && c.type === 'number')) {
      issue(ctx, `继续教育学时表没有数字列“${educationTable.hoursColumn}”`, ['education', 'formTable', 'hoursColumn']);
    }
  }
  if (pack.education?.roundYears !== undefined && pack.education.window !== 'calendar-years') {
    issue(ctx, '只有按年度核查的继续教育要求才能指定核查年度', ['education', 'roundYears']);
  }

  const windowIds = new Set(pack.windows.map((w) => w.id));
  for (const kind of kindIds) {
    if (!Object.hasOwn(pack.workflows, kind)) issue(ctx, `办理类型“${kind}”没有流程定义（workflows）`, ['workflows']);
  }
  for (const [kind, definition] of Object.entries(pack.workflows)) {
    if (!kindIds.has(kind)) issue(ctx, `流程“${kind}”对应的办理类型未在本程序中声明`, ['workflows', kind]);
    if (!definition) continue;
    const guards = definition.transitions.flatMap((t) => t.guards);
    const windowsUsed = new Set<string>();
    const collect = (g: (typeof guards)[number]): void => {
      if (g.kind === 'all-of' || g.kind === 'any-of') g.guards.forEach(collect);
      else if (g.kind === 'within-window') windowsUsed.add(g.window);
    };
    guards.forEach(collect);
    for (const w of windowsUsed) {
      if (!windowIds.has(w)) issue(ctx, `流程“${kind}”引用的期间“${w}”未在 windows 中声明`, ['workflows', kind]);
    }
  }
  if (pack.panel) checkPanel(pack, pack.panel, fieldIds, ctx);
}

/** Panel stages are panel states of the pack's workflows; a sheet's points are whole tenths. */
function checkPanel(pack: PackShape, panel: PanelDef, fieldIds: ReadonlySet<string>, ctx: z.RefinementCtx): void {
  const panelStates = new Set<string>();
  for (const definition of Object.values(pack.workflows)) {
    for (const s of definition?.states ?? []) if (s.queue === 'panel') panelStates.add(s.id);
  }
  checkUnique(ctx, panel.stages, (s) => s.stage, '评审阶段', ['panel', 'stages']);
  panel.stages.forEach((stage, i) => {
    const path = ['panel', 'stages', i];
    if (!panelStates.has(stage.stage)) issue(ctx, `评审阶段“${stage.stage}”不是本程序流程中的待评审状态`, [...path, 'stage']);
    if (stage.sheet.kind === 'dimensions') {
      const rows = (pack.scoring?.dimensions ?? []).reduce((n, d) => n + Math.max(1, d.items.length), 0);
      if (rows === 0) issue(ctx, `评审阶段“${stage.names.zh}”按评分表维度评分，但本程序没有评分维度`, [...path, 'sheet']);
      else if ((stage.sheet.equalShares.value * 10) % rows !== 0) {
        issue(ctx, `评审阶段“${stage.names.zh}”的 ${stage.sheet.equalShares.value} 分不能由${rows}项均分到0.1分`, [...path, 'sheet']);
      }
    }
    if (stage.sheet.kind === 'self-score' && pack.scoring?.itemsFrom === undefined) {
      issue(ctx, `评审阶段“${stage.names.zh}”按自评分表评分，但本程序的评分表没有导入评分项（itemsFrom）`, [...path, 'sheet']);
    }
    if (stage.sheet.kind === 'items') checkUnique(ctx, stage.sheet.items, (item) => item.id, '评分项', [...path, 'sheet', 'items']);
  });
  panel.recusal.unitFields.forEach((f, i) => {
    if (!fieldIds.has(f)) issue(ctx, `回避规则引用的字段“${f}”不存在`, ['panel', 'recusal', 'unitFields', i]);
  });
  if (panel.defence && !panel.stages.some((s) => s.stage === panel.defence?.stage)) {
    issue(ctx, `现场答辩阶段“${panel.defence.stage}”不是评审阶段之一`, ['panel', 'defence', 'stage']);
  }
}

function checkLifecycle(pack: PackShape, ctx: z.RefinementCtx): void {
  const life = pack.lifecycle;
  if (life === undefined) return;
  const kindIds = new Set<string>(pack.applicationKinds.map((k) => k.id));
  const fieldById = new Map(pack.fields.map((f) => [f.id, f]));
  const path = (...rest: PropertyKey[]) => ['lifecycle', ...rest];
  const checkKinds = (kinds: readonly string[], where: PropertyKey[]) => {
    for (const k of kinds) if (!kindIds.has(k)) issue(ctx, `证书生命周期引用的办理类型“${k}”未在本程序中声明`, where);
  };
  const checkField = (id: string, where: PropertyKey[]) => {
    if (!fieldById.has(id)) issue(ctx, `证书生命周期引用的字段“${id}”不存在`, where);
  };
  if (life.renewal) {
    checkKinds(life.renewal.kinds, path('renewal', 'kinds'));
    if (!pack.windows.some((w) => w.id === life.renewal?.window)) issue(ctx, `续期期间“${life.renewal.window}”未在 windows 中声明`, path('renewal', 'window'));
  }
  (life.validity ?? []).forEach((v, i) => {
    checkKinds(v.kinds, path('validity', i, 'kinds'));
    if ((v.from === 'same-as-previous') !== (v.years === undefined)) {
      issue(ctx, v.from === 'same-as-previous' ? '沿用原证书有效期时不应再给年数' : '须给出有效期年数（years）', path('validity', i, 'years'));
    }
  });
  (life.replacements ?? []).forEach((r, i) => checkKinds(r.kinds, path('replacements', i, 'kinds')));
  if (life.print) {
    checkKinds(life.print.kinds, path('print', 'kinds'));
    life.print.fields.forEach((f, i) => checkField(f, path('print', 'fields', i)));
  }
  if (life.change) {
    checkKinds(life.change.kinds, path('change', 'kinds'));
    life.change.updates.forEach((u, i) => checkField(u.field, path('change', 'updates', i, 'field')));
    if (life.change.occurredField !== undefined) checkField(life.change.occurredField, path('change', 'occurredField'));
  }
  if (life.levelField !== undefined) checkField(life.levelField, path('levelField'));
  (life.carryOver ?? []).forEach((f, i) => checkField(f, path('carryOver', i)));
  (life.prefill ?? []).forEach((f, i) => {
    checkField(f.field, path('prefill', i, 'field'));
    if (f.kinds) checkKinds(f.kinds, path('prefill', i, 'kinds'));
  });
  const lists = [
    ['deferral', life.deferral],
    ['educationDeferral', life.educationDeferral],
    ['cancellation', life.cancellation],
    ['revocation', life.revocation],
  ] as const;
  for (const [key, list] of lists) {
    if (list === undefined) continue;
    checkKinds(list.kinds, path(key, 'kinds'));
    checkUnique(ctx, list.grounds, (g) => g.code, '情形编码', path(key, 'grounds'));
    const field = fieldById.get(list.groundField);
    // The form stores the code, so the options and the closed list cannot drift apart.
    const options = field?.enum?.map((o) => o.value) ?? [];
    const codes = list.grounds.map((g) => g.code);
    if (!field) checkField(list.groundField, path(key, 'groundField'));
    else if (options.length !== codes.length || options.some((o, i) => o !== codes[i])) {
      issue(ctx, `字段“${field.label.zh}”的选项须依次为 ${codes.join('、')}`, path(key, 'groundField'));
    }
    if ('untilField' in list) checkField(list.untilField, path(key, 'untilField'));
    if (list.noteField !== undefined) checkField(list.noteField, path(key, 'noteField'));
    if (list.evidenceField !== undefined) checkField(list.evidenceField, path(key, 'evidenceField'));
    if ('noticeField' in list && list.noticeField !== undefined) checkField(list.noticeField, path(key, 'noticeField'));
    if ('actionField' in list) checkField(list.actionField, path(key, 'actionField'));
    if (list.grounds.some((g) => g.requiresNote) && list.noteField === undefined) issue(ctx, '有须说明的情形，须指定说明字段（noteField）', path(key, 'noteField'));
  }
  if (life.annualReview) {
    checkKinds(life.annualReview.kinds, path('annualReview', 'kinds'));
    const ground = life.annualReview.missedOrFailed.ground;
    if (!life.revocation?.grounds.some((g) => g.code === ground)) issue(ctx, `年度审查不合格时提议的撤销情形“${ground}”不在撤销情形中`, path('annualReview', 'missedOrFailed'));
  }
  if (life.fraudBan) {
    checkKinds(life.fraudBan.blocksKinds, path('fraudBan', 'blocksKinds'));
    const states = new Set<string>(Object.values(pack.workflows).flatMap((d) => (d ? d.states.filter((s) => s.kind === 'final').map((s) => s.id) : [])));
    life.fraudBan.states.forEach((st, i) => {
      if (!states.has(st)) issue(ctx, `弄虚作假的终止状态“${st}”不存在`, path('fraudBan', 'states', i));
    });
  }
  (life.effects ?? []).forEach((e, i) => {
    const definition = pack.workflows[e.kind];
    const st = definition?.states.find((x) => x.id === e.state);
    if (st?.kind !== 'final') issue(ctx, `办理类型“${e.kind}”的流程中没有终止状态“${e.state}”`, path('effects', i));
  });
}

export const programPackSchema = programPackObject.superRefine((pack, ctx) => {
  checkPack(pack, ctx);
  checkLifecycle(pack, ctx);
});

export type ProgramPack = z.infer<typeof programPackSchema>;
/** What a pack file contains before parsing. */
export type ProgramPackInput = z.input<typeof programPackSchema>;

// ---------------------------------------------------------------------------------------------
// Loading with a clerk-readable message
// ---------------------------------------------------------------------------------------------

const PATH_LABELS: Readonly<Record<string, string>> = {
  applicationKinds: '办理类型',
  categories: '评价类别',
  catalogues: '目录',
  eligibility: '申请条件',
  fields: '表单字段',
  columns: '列',
  checklist: '材料清单',
  binding: '装订',
  validity: '有效期',
  windows: '办理期间',
  thresholds: '指标',
  publicity: '公示',
  timeLimits: '期限',
  keyDates: '关键日期',
  grading: '评级',
  measure: '衡量对象',
  computed: '计算',
  totals: '合计列',
  yearRows: '年度行',
  agreesWith: '对应关系',
  scoring: '评分表',
  panel: '评审会',
  stages: '评审阶段',
  documents: '文书',
  imports: '导入',
  lifecycle: '证书生命周期',
  workflows: '流程',
  copies: '份数',
  condition: '条件',
  cite: '出处',
  names: '名称',
  name: '名称',
  label: '名称',
  enum: '选项',
  zh: '中文',
  en: '英文',
};


/** How many problems to spell out; the rest are counted. */
const ISSUES_SHOWN = 5;

/**
 * Validates a pack read from anywhere (a pack file, an office's import). On failure the message
 * names the pack and up to five problems with where they are, in Chinese.
 */
export function loadPack(input: unknown): Result<ProgramPack> {
  const parsed = programPackSchema.safeParse(input, { error: z.locales.zhCN().localeError });
  if (parsed.success) return ok(parsed.data);
  const id =
    typeof input === 'object' && input !== null && typeof (input as { id?: unknown }).id === 'string'
      ? `“${(input as { id: string }).id}”`
      : '';
  const issues = parsed.error.issues;
  const shown = issues.slice(0, ISSUES_SHOWN).map((i) => {
    const where = describePath(i.path, PATH_LABELS, '项');
    return where === '' ? i.message : `${where}：${i.message}`;
  });
  const more = issues.length > ISSUES_SHOWN ? `；另有${issues.length - ISSUES_SHOWN}处问题` : '';
  return fail('pack.invalid', `程序包${id}有误：${shown.join('；')}${more}。`);
}
