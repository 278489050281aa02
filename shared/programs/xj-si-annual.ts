/**
 * P3 `xj-si-annual` — 2025 年自治区计算机信息系统集成（信息工程）企业年检, seed 001.
 *
 * An enterprise holding a grade 甲/乙/丙/丁 fills the annual-inspection return online: staff,
 * management certificates (from the catalogue below), business figures, the 2025 projects and the
 * three-year project total, innovation; uploads its licence, statements and contracts; the office
 * reviews it (about one working day) and either rejects it with a reason or passes it, after
 * which the enterprise returns a stamped copy. Grey fields are computed (（二）: 灰色不能输入部分
 * 均为自动运算); absent categories are 0, never blank.
 *
 * Cites: 001 is one 附件 with sections （一）开始填报 1–3, （二）填报说明 1–9 (sub-points 1) 2) …) and
 * 温馨提示 10–11; '001 （二）1 2)' is 填报说明 1, sub-point 2).
 */
import { creditCodeField, idNumberField } from './field-parts';
import type { ProgramPackInput } from './schema';
import { CLERK, grantingState, MATERIALS_OK, REVIEWER, state, transition } from './workflow-parts';

type Column = NonNullable<ProgramPackInput['fields'][number]['columns']>[number];

/** 001 （二）3 2): the six parts of 软件和信息技术服务费合计, in the seed's order. */
const SERVICE_FEES: readonly (readonly [id: string, zh: string, en: string])[] = [
  ['softwareDevelopment', '软件开发费', 'Software development'],
  ['consultingDesign', '咨询设计费', 'Consulting and design'],
  ['integration', '集成实施费', 'Integration and implementation'],
  // The seed prints "运行运行维护费", a doubled word; the column is 运行维护费.
  ['operationMaintenance', '运行维护费', 'Operation and maintenance'],
  ['dataProcessing', '数据处理费', 'Data processing'],
  ['operationService', '运营服务费', 'Operation services'],
];

/** 001 （二）3 2): what is added to the service fees to give 合同金额. */
const OTHER_PARTS: readonly (readonly [id: string, zh: string, en: string])[] = [
  ['ownHardware', '自制硬件费', 'Own-made hardware'],
  ['hardwarePurchase', '硬件购置费', 'Hardware purchased'],
  ['softwarePurchase', '软件购置费', 'Software purchased'],
  ['other', '其他', 'Other'],
];

/**
 * 001 （二）3: amounts in 万元, the unit the seed writes the project total in (参考指标 … 3000 万元),
 * so the figures a clerk types from the platform's table compare with it as printed.
 */
const WAN = 'wan-yuan' as const;

/** An optional amount in 万元, typed on the platform's tables (a computed one says how it is worked out). */
const WAN_MONEY = { type: 'money', validator: 'money', moneyUnit: WAN, required: false, kinds: 'all' } as const;

/** 001 （二）3 2)–3): an amount of a project row; absent ones are 0. */
const feeColumn = ([id, zh, en]: readonly [string, string, string]): Column => ({
  id,
  label: { zh, en },
  ...WAN_MONEY,
  blankMeans: 0,
  cite: '001 （二）3 3)',
  quote: '合同内未包含的项目填 0',
});

/** 001 （二）3 参考指标 and （二）4: the round's three years. */
const ROUND_YEAR = 2025;
const BACKFILL_YEARS = [2023, 2024];

/** 001 （二）2 / 4 1): the current year; an enterprise certified this year also the two before. */
const yearRows = (onePerYear: boolean, cite: string, quote: string) => ({
  column: 'year',
  years: [ROUND_YEAR],
  backfill: { when: { field: 'certifiedThisYear', op: 'eq' as const, value: true }, years: BACKFILL_YEARS },
  onePerYear,
  cite,
  quote,
});

export const xjSiAnnualPack = {
  id: 'xj-si-annual',
  seed: '001',
  names: {
    zh: '自治区计算机信息系统集成（信息工程）企业年检（2025 年）',
    en: 'Xinjiang computer information system integration enterprise annual inspection (2025)',
  },
  issuer: {
    names: {
      zh: '新疆 IT 三会（年检平台：xjsia.org.cn）',
      en: 'Xinjiang IT Three Associations (inspection platform at xjsia.org.cn)',
    },
    cite: '001 （一）1',
    quote: '登录：新疆 IT 三会官网 (xjsia.org.cn)',
  },
  applicantKind: 'organisation',
  applicationKinds: [
    {
      id: 'annual-review',
      names: { zh: '企业年检（2025 年度）', en: 'Annual inspection 2025' },
      initiatedBy: 'applicant',
      cite: '001 题目',
      quote: '2025 年自治区计算机信息系统集成（信息工程）企业年检工作流程及操作说明',
    },
  ],
  categories: [
    {
      id: 'grade',
      names: { zh: '计算机信息系统集成（信息工程）企业等级', en: 'Enterprise grade' },
      levels: [
        { id: '丁', names: { zh: '丁级', en: 'Grade D' }, rank: 1 },
        { id: '丙', names: { zh: '丙级', en: 'Grade C' }, rank: 2 },
        { id: '乙', names: { zh: '乙级', en: 'Grade B' }, rank: 3 },
        { id: '甲', names: { zh: '甲级', en: 'Grade A' }, rank: 4 },
      ],
      cite: '001 （二）1 1)',
      quote: '甲级 ≥ 40 人、乙级 ≥ 30 人、丙级 ≥ 20 人、丁级 ≥ 6 人',
    },
  ],
  grading: { category: 'grade', levelField: 'grade', cite: '001 （二）1 1)' },
  catalogues: [
    {
      id: 'management-certificates',
      names: {
        zh: '有效的计算机信息系统集成（信息工程）管理人员能力评价或认证证书',
        en: 'Recognised management certificates for system integration',
      },
      note: {
        zh:
          '按种子表格逐行录入：无 22 号；“信息系统运行维护服务经理培训证书”一行无序号。合并单元格的类型、等级向下沿用；' +
          '21–38 号一段每行单独标注等级，34–36 号及无序号一行的等级栏空白，记为未标注（null）。',
        en:
          'Row by row as printed: no number 22; the operations service manager row has no number. Merged type/level cells carry down; ' +
          'rows 21–38 mark each level separately, so the blank level of 34–36 and the unnumbered row is recorded as not given (null).',
      },
      cite: '001 （二）1 2) 证书表',
      quote: '有效的计算机信息系统集成（信息工程）管理人员能力评价或认证证书',
      rows: [
        { id: 'no-1', no: 1, type: '国家软考认证的相关证书', level: '中级', levelAsPrinted: '中级', name: '软件过程能力评估师' },
        { id: 'no-2', no: 2, type: '国家软考认证的相关证书', level: '中级', levelAsPrinted: '', name: '软件评测师' },
        { id: 'no-3', no: 3, type: '国家软考认证的相关证书', level: '中级', levelAsPrinted: '', name: '软件设计师' },
        { id: 'no-4', no: 4, type: '国家软考认证的相关证书', level: '中级', levelAsPrinted: '', name: '网络工程师' },
        { id: 'no-5', no: 5, type: '国家软考认证的相关证书', level: '中级', levelAsPrinted: '', name: '多媒体应用设计师' },
        { id: 'no-6', no: 6, type: '国家软考认证的相关证书', level: '中级', levelAsPrinted: '', name: '嵌入式系统设计师' },
        { id: 'no-7', no: 7, type: '国家软考认证的相关证书', level: '中级', levelAsPrinted: '', name: '电子商务设计师' },
        { id: 'no-8', no: 8, type: '国家软考认证的相关证书', level: '中级', levelAsPrinted: '', name: '计算机辅助设计师' },
        { id: 'no-9', no: 9, type: '国家软考认证的相关证书', level: '中级', levelAsPrinted: '', name: '系统集成项目管理工程师' },
        { id: 'no-10', no: 10, type: '国家软考认证的相关证书', level: '中级', levelAsPrinted: '', name: '信息安全工程师' },
        { id: 'no-11', no: 11, type: '国家软考认证的相关证书', level: '中级', levelAsPrinted: '', name: '信息系统监理师' },
        { id: 'no-12', no: 12, type: '国家软考认证的相关证书', level: '中级', levelAsPrinted: '', name: '信息系统管理工程师' },
        { id: 'no-13', no: 13, type: '国家软考认证的相关证书', level: '中级', levelAsPrinted: '', name: '数据库系统工程师' },
        { id: 'no-14', no: 14, type: '国家软考认证的相关证书', level: '中级', levelAsPrinted: '', name: '计算机硬件工程师' },
        { id: 'no-15', no: 15, type: '国家软考认证的相关证书', level: '中级', levelAsPrinted: '', name: '信息技术支持工程师' },
        { id: 'no-16', no: 16, type: '国家软考认证的相关证书', level: '高级', levelAsPrinted: '高级', name: '信息系统项目管理师' },
        { id: 'no-17', no: 17, type: '国家软考认证的相关证书', level: '高级', levelAsPrinted: '', name: '系统分析师' },
        { id: 'no-18', no: 18, type: '国家软考认证的相关证书', level: '高级', levelAsPrinted: '', name: '系统架构设计师' },
        { id: 'no-19', no: 19, type: '国家软考认证的相关证书', level: '高级', levelAsPrinted: '', name: '网络规划设计师' },
        { id: 'no-20', no: 20, type: '国家软考认证的相关证书', level: '高级', levelAsPrinted: '', name: '系统规划与管理师' },
        { id: 'no-21', no: 21, type: '其他有效的人员能力评价或认证证书', level: '无', levelAsPrinted: '无', name: '信息技术服务从业人员评价证书' },
        { id: 'no-23', no: 23, type: '其他有效的人员能力评价或认证证书', level: '初级', levelAsPrinted: '初级', name: 'CCNA 网络支持工程师（Cisco 认证）' },
        { id: 'no-24', no: 24, type: '其他有效的人员能力评价或认证证书', level: '高级', levelAsPrinted: '高级', name: 'CCNP 网络高级工程师（Cisco 认证）' },
        { id: 'no-25', no: 25, type: '其他有效的人员能力评价或认证证书', level: '专家级', levelAsPrinted: '专家级', name: 'CCIE 互联网专家（Cisco 认证）' },
        { id: 'no-26', no: 26, type: '其他有效的人员能力评价或认证证书', level: '初级', levelAsPrinted: '初级', name: 'HCIA 网络工程师（华为认证）' },
        { id: 'no-27', no: 27, type: '其他有效的人员能力评价或认证证书', level: '高级', levelAsPrinted: '高级', name: 'HCIP 高级网络工程师（华为认证）' },
        { id: 'no-28', no: 28, type: '其他有效的人员能力评价或认证证书', level: '专家级', levelAsPrinted: '专家级', name: 'HCIE 专家级网络工程师（华为认证）' },
        { id: 'no-29', no: 29, type: '其他有效的人员能力评价或认证证书', level: '无', levelAsPrinted: '无', name: '系统工程师 MCSE（微软认证）' },
        { id: 'no-30', no: 30, type: '其他有效的人员能力评价或认证证书', level: '无', levelAsPrinted: '无', name: '数据库管理员 MCDBA（微软认证）' },
        { id: 'no-31', no: 31, type: '其他有效的人员能力评价或认证证书', level: '无', levelAsPrinted: '无', name: '产品专家 MCP（微软认证）' },
        { id: 'no-32', no: 32, type: '其他有效的人员能力评价或认证证书', level: '无', levelAsPrinted: '无', name: '方案开发人员 MCSA（微软认证）' },
        { id: 'no-33', no: 33, type: '其他有效的人员能力评价或认证证书', level: '无', levelAsPrinted: '无', name: 'Internet 系统工程师 MCSE+Internet（微软认证）' },
        { id: 'no-34', no: 34, type: '其他有效的人员能力评价或认证证书', level: null, levelAsPrinted: '', name: '数据库专员进阶 OCA 认证（Oracle 认证）' },
        { id: 'no-35', no: 35, type: '其他有效的人员能力评价或认证证书', level: null, levelAsPrinted: '', name: '数据库专家 OCP 认证（Oracle 认证）' },
        { id: 'no-36', no: 36, type: '其他有效的人员能力评价或认证证书', level: null, levelAsPrinted: '', name: '数据库大师 OCM 认证（Oracle 认证）' },
        { id: 'unnumbered-om-manager', no: null, type: '其他有效的人员能力评价或认证证书', level: null, levelAsPrinted: '', name: '信息系统运行维护服务经理培训证书' },
        { id: 'no-37', no: 37, type: '其他有效的人员能力评价或认证证书', level: '无', levelAsPrinted: '无', name: 'IT 服务工程师（ITSS）' },
        { id: 'no-38', no: 38, type: '其他有效的人员能力评价或认证证书', level: '无', levelAsPrinted: '无', name: 'IT 服务经理（ITSS）' },
      ],
    },
  ],
  eligibility: [
    {
      id: 'holds-grade',
      text: {
        zh: '持有甲、乙、丙、丁级计算机信息系统集成（信息工程）能力评估证书的企业',
        en: 'An enterprise holding a grade A–D system integration capability certificate',
      },
      cite: '001 （二）1 1)',
      quote: '甲级 ≥ 40 人、乙级 ≥ 30 人、丙级 ≥ 20 人、丁级 ≥ 6 人',
    },
    {
      id: 'new-this-year-registers',
      text: { zh: '2025 年获证的企业需先注册', en: 'Enterprises certified in 2025 register first' },
      cite: '001 （一）2',
      quote: '2025 年获证的企业需先进行注册',
    },
  ],
  fields: [
    {
      id: 'enterpriseName',
      label: { zh: '单位名称（汉字全称）', en: 'Enterprise name (full Chinese name)' },
      type: 'text',
      required: true,
      kinds: 'all',
      cite: '001 （一）2',
      quote: '登录账号：单位名称汉字全称',
    },
    creditCodeField({
      basis: { zh: '单位的身份标识（GB 32100-2015）；001 未列出基本信息字段', en: 'Identity key for organisations (GB 32100-2015)' },
    }),
    {
      id: 'grade',
      label: { zh: '企业等级', en: 'Grade' },
      type: 'enum',
      required: true,
      kinds: 'all',
      enum: [
        { value: '甲', label: { zh: '甲级', en: 'Grade A' } },
        { value: '乙', label: { zh: '乙级', en: 'Grade B' } },
        { value: '丙', label: { zh: '丙级', en: 'Grade C' } },
        { value: '丁', label: { zh: '丁级', en: 'Grade D' } },
      ],
      cite: '001 （二）1 1)',
    },
    {
      id: 'certifiedThisYear',
      label: { zh: '是否 2025 年新获证企业', en: 'Certified in 2025' },
      type: 'boolean',
      required: true,
      kinds: 'all',
      help: {
        zh: '新获证企业须先注册，并补填 2023、2024 年经营情况和项目完成情况',
        en: 'Newly certified enterprises register first and also fill 2023 and 2024',
      },
      cite: '001 （二）2',
      quote: '仅今年获证的单位需补填 2023、2024 年数据',
    },
    {
      id: 'contactPerson',
      label: { zh: '申报信息联系人', en: 'Contact person' },
      type: 'text',
      required: true,
      kinds: 'all',
      cite: '001 （一）2',
      quote: '登陆后确认联系人，即填写申报信息联系人',
    },
    {
      id: 'contactPhone',
      label: { zh: '联系人电话', en: 'Contact phone' },
      type: 'phone',
      validator: 'phone',
      required: true,
      kinds: 'all',
      cite: '001 （一）2',
      quote: '以及其他基本信息',
    },
    {
      id: 'technicalStaffTotal',
      label: { zh: '技术人员总数', en: 'Technical staff' },
      type: 'number',
      min: 0,
      required: true,
      blankMeans: 0,
      kinds: 'all',
      help: {
        zh: '人员情况其余分类以年检平台表单为准（001 未列出）；不包含的人员分类填 0',
        en: 'Other staff categories come from the platform form (not listed in 001); absent ones are 0',
      },
      cite: '001 （二）1 1)',
      quote: '不包含的人员分类和证书情况填“0”',
    },
    {
      id: 'managementCertificates',
      label: { zh: '计算机信息系统集成管理人员证书情况', en: 'Management staff certificates' },
      type: 'table',
      required: false,
      kinds: 'all',
      help: { zh: '点击“添加”逐条添加', en: 'Add one row at a time' },
      cite: '001 （二）1 2)',
      quote: '需点击“添加”逐条添加',
      columns: [
        {
          id: 'personName',
          label: { zh: '姓名', en: 'Name' },
          type: 'text',
          required: true,
          kinds: 'all',
          cite: '001 （二）1 2)',
        },
        idNumberField({
          basis: { zh: '同一人持多本证书时只计一人', en: 'Counts a person holding several certificates once' },
        }),
        {
          id: 'certificateKind',
          label: { zh: '证书类别', en: 'Certificate kind' },
          type: 'enum',
          required: true,
          kinds: 'all',
          enum: [{ value: '系统集成实施工程经理', label: { zh: '系统集成实施工程经理', en: 'Implementation engineering manager' } }, { value: '国家软考证书', label: { zh: '国家软考证书', en: 'National computer qualification (soft exam)' } }, { value: '其他同等或更高级别证书', label: { zh: '其他同等或更高级别证书', en: 'Other certificate of the same or a higher level' } }],
          cite: '001 （二）1 2)',
          quote: '系统集成实施工程经理+国家软考证书+其他同等或更高级别证书',
        },
        {
          id: 'catalogueEntry',
          label: { zh: '证书名称（目录）', en: 'Certificate (catalogue)' },
          type: 'catalogue-ref',
          catalogue: 'management-certificates',
          required: false,
          requiredWhen: { field: 'certificateKind', op: 'ne', value: '系统集成实施工程经理' },
          kinds: 'all',
          cite: '001 （二）1 2) 证书表',
        },
        {
          id: 'certificateNo',
          label: { zh: '证书编号', en: 'Certificate number' },
          type: 'text',
          required: true,
          kinds: 'all',
          basis: { zh: '核对证书所需', en: 'Needed to check the certificate' },
        },
      ],
    },
    {
      id: 'certifiedStaffTotal',
      label: { zh: '持证人员总数', en: 'Certified staff' },
      type: 'number',
      min: 0,
      required: true,
      blankMeans: 0,
      kinds: 'all',
      computed: { rule: 'count-distinct', inputs: ['managementCertificates', 'idNumber'], cite: '001 （二）' },
      cite: '001 （二）1 2)',
      quote: '持证人员总数指标要求（系统集成实施工程经理+国家软考证书+其他同等或更高级别证书）',
    },
    {
      id: 'businessFigures',
      label: { zh: '经营情况', en: 'Business figures' },
      type: 'table',
      required: true,
      kinds: 'all',
      help: {
        zh: '非今年新获证企业只填 2025 年；今年新获证企业补填 2023、2024 年；成立未满 3 年的，缺少的年份填 0；无相关分类数据填 0',
        en: 'Earlier-certified: 2025 only; certified this year: also 2023 and 2024; missing years and categories are 0',
      },
      cite: '001 （二）2',
      quote: '非今年新获证企业仅需填写本年度数据即可',
      yearRows: yearRows(false, '001 （二）2', '仅今年获证的单位需补填 2023、2024 年数据'),
      columns: [
        { id: 'year', label: { zh: '年度', en: 'Year' }, type: 'year', required: true, kinds: 'all', cite: '001 （二）2' },
        {
          id: 'category',
          label: { zh: '分类', en: 'Category' },
          type: 'text',
          required: true,
          kinds: 'all',
          help: { zh: '分类名称以年检平台表单为准（001 未列出）', en: 'Categories as on the platform form (not listed in 001)' },
          cite: '001 （二）2',
          quote: '若无相关分类数据，请填写“0”',
        },
        {
          id: 'amount',
          label: { zh: '金额', en: 'Amount' },
          ...WAN_MONEY,
          blankMeans: 0,
          cite: '001 （二）2',
          quote: '若无相关分类数据，请填写“0”',
        },
      ],
    },
    {
      id: 'projects',
      label: { zh: '计算机信息系统集成项目汇总（2025 年度已完成项目）', en: 'Projects completed in 2025' },
      type: 'table',
      required: false,
      kinds: 'all',
      help: {
        zh: '逐条添加有验收报告或部分回款发票的项目合同；大型企业可将同类型项目合并为一条，总额须与完成项目总值一致',
        en: 'One row per contract with an acceptance report or part-payment invoice; large firms may merge similar projects if totals match',
      },
      cite: '001 （二）3 1)',
      quote: '逐条添加 2025 年度已完成项目合同（有验收报告或部分回款发票的）',
      columns: [
        {
          id: 'projectName',
          label: { zh: '项目名称', en: 'Project' },
          type: 'text',
          required: true,
          kinds: 'all',
          cite: '001 （二）3 1)',
        },
        {
          id: 'completionEvidence',
          label: { zh: '完成依据', en: 'Completion evidence' },
          type: 'enum',
          required: true,
          kinds: 'all',
          enum: [{ value: '验收报告', label: { zh: '验收报告', en: 'Acceptance report' } }, { value: '部分回款发票', label: { zh: '部分回款发票', en: 'Invoice for a part payment received' } }],
          cite: '001 （二）3 1)',
          quote: '有验收报告或部分回款发票的',
        },
        ...SERVICE_FEES.map(feeColumn),
        {
          id: 'serviceTotal',
          label: { zh: '软件和信息技术服务费合计', en: 'Software and IT service fees total' },
          ...WAN_MONEY,
          computed: {
            rule: 'sum',
            inputs: SERVICE_FEES.map(([id]) => id),
            cite: '001 （二）3 2)',
            quote: '软件开发费+咨询设计费+集成实施费+运行运行维护费+数据处理费+运营服务费=软件和信息技术服务费合计（自动运算）',
          },
          cite: '001 （二）3 2)',
          quote: '=软件和信息技术服务费合计（自动运算）',
        },
        ...OTHER_PARTS.map(feeColumn),
        {
          id: 'contractAmount',
          label: { zh: '合同金额', en: 'Contract amount' },
          ...WAN_MONEY,
          computed: {
            rule: 'sum',
            inputs: ['serviceTotal', ...OTHER_PARTS.map(([id]) => id)],
            cite: '001 （二）3 2)',
            quote: '软件和信息技术服务费+自制硬件费+硬件购置费+软件购置费+其他=合同金额（自动运算）',
          },
          cite: '001 （二）3 2)',
          quote: '软件和信息技术服务费+自制硬件费+硬件购置费+软件购置费+其他=合同金额（自动运算）',
        },
        {
          id: 'merged',
          label: { zh: '同类项目合并', en: 'Similar projects merged' },
          type: 'boolean',
          required: false,
          kinds: 'all',
          help: { zh: '同类型项目合并为一条时勾选；总额须与完成项目总值一致', en: 'Tick when similar projects are entered as one row' },
          cite: '001 （二）3 4)',
          quote: '可将同类型项目合并数据按一个项目添加，总额保证与完成项目总值一致即可',
        },
      ],
      totals: [...SERVICE_FEES.map(([id]) => id), 'serviceTotal', ...OTHER_PARTS.map(([id]) => id), 'contractAmount'],
    },
    {
      id: 'selfDevelopedSales',
      label: { zh: '自主研发销售数据', en: 'Sales of own-developed products' },
      ...WAN_MONEY,
      blankMeans: 0,
      cite: '001 （二）3 3)',
      quote: '最下方未包含自主研发销售数据填 0',
    },
    {
      id: 'projectCompletion',
      label: { zh: '系统集成项目完成情况（2023–2025 年）', en: 'Projects completed 2023–2025' },
      type: 'table',
      required: true,
      kinds: 'all',
      help: {
        zh: '与项目汇总表对应；2025 年获证单位填报 3 年数据；成立未满 3 年的，前两年或一年填 0',
        en: 'Matches the project summary; newly certified firms fill three years; missing years are 0',
      },
      cite: '001 （二）4',
      quote: '此处与项目汇总表对应',
      yearRows: yearRows(true, '001 （二）4 1)', '2025 年获证单位需填报 3 年数据'),
      // The round year's total is the project summary's 合同金额 added up (（二）3 4): 总额保证与完成项目总值一致).
      agreesWith: {
        where: { column: 'year', equals: ROUND_YEAR },
        column: 'total',
        totalOf: { table: 'projects', column: 'contractAmount' },
        cite: '001 （二）4',
        quote: '系统集成项目完成情况表（此处与项目汇总表对应）',
      },
      columns: [
        { id: 'year', label: { zh: '年度', en: 'Year' }, type: 'year', required: true, kinds: 'all', cite: '001 （二）4' },
        {
          id: 'total',
          label: { zh: '系统集成项目总值', en: 'Project total' },
          ...WAN_MONEY,
          blankMeans: 0,
          cite: '001 （二）4 3)',
          quote: '不包含相关数据填 0 即可',
        },
      ],
    },
    {
      id: 'threeYearProjectTotal',
      label: { zh: '2023、2024、2025 三年系统集成项目总值', en: 'Three-year project total' },
      ...WAN_MONEY,
      computed: {
        rule: 'column-sum',
        inputs: ['projectCompletion', 'total'],
        rows: { column: 'year', values: [...BACKFILL_YEARS, ROUND_YEAR] },
        cite: '001 （二）4',
        quote: '2023、2024、2025 三年系统集成项目总值',
      },
      cite: '001 （二）4',
      quote: '2023、2024、2025 三年系统集成项目总值',
    },
    {
      id: 'innovations',
      label: { zh: '企业技术创新', en: 'Technical innovation' },
      type: 'table',
      required: false,
      kinds: 'all',
      help: { zh: '根据实际情况填写，没有的项则不填', en: 'Fill what applies; leave out what does not' },
      cite: '001 （二）5',
      quote: '根据实际情况填写即可，没有的项则不填',
      columns: [
        { id: 'item', label: { zh: '创新项目', en: 'Item' }, type: 'text', required: true, kinds: 'all', cite: '001 （二）5' },
        {
          id: 'certificateName',
          label: { zh: '对应证书（本年度新增）', en: 'Certificate (new this year)' },
          type: 'text',
          required: true,
          kinds: 'all',
          cite: '001 （二）5',
          quote: '所填写内容附件需上传对应证书（本年度新增）',
        },
      ],
    },
  ],
  checklist: [
    {
      id: 'business-licence',
      name: { zh: '营业执照', en: 'Business licence' },
      scope: 'application',
      requirement: 'required',
      copies: { count: 1, cite: '001 （二）6 1)' },
      original: { mode: 'none' },
      medium: 'electronic',
      stage: 'submission',
      kinds: 'all',
      cite: '001 （二）6 1)',
      quote: '1) 营业执照',
    },
    {
      id: 'financial-statements',
      name: { zh: '财务报表', en: 'Financial statements' },
      scope: 'application',
      requirement: 'required',
      copies: { count: 3, cite: '001 （二）6 2)', quote: '3 个财务报表' },
      original: { mode: 'none' },
      medium: 'electronic',
      stage: 'submission',
      kinds: 'all',
      note: { zh: '种子只写“3 个财务报表”，未列名称', en: 'The seed says three statements without naming them' },
      cite: '001 （二）6 2)',
      quote: '2) 3 个财务报表',
    },
    {
      id: 'project-contracts',
      name: {
        zh: '系统集成项目合同（合同关键页+验收报告或部分汇款发票）',
        en: 'Project contracts (key pages + acceptance report or part-payment invoice)',
      },
      scope: 'application',
      requirement: 'conditional',
      condition: { field: 'projects', op: 'present' },
      conditionText: { zh: '有 2025 年度已完成项目时', en: 'When projects were completed in 2025' },
      copies: {
        count: 1,
        per: 'projects',
        max: { value: 10, cite: '001 （二）6 3)', quote: '挑选前 10 个大额合同上传即可' },
        largestBy: 'contractAmount',
        cite: '001 （二）6 3)',
        quote: '扫描为一个文件，逐个上传',
      },
      original: { mode: 'none' },
      medium: 'electronic',
      stage: 'submission',
      kinds: 'all',
      note: {
        zh: '每个合同扫描为一个文件；合同较多时上传前 10 个大额合同即可。种子此处写“部分汇款发票”，（二）3 写“部分回款发票”',
        en: 'One file per contract; the 10 largest suffice. The seed writes “remittance” here and “payment received” in (2) 3',
      },
      cite: '001 （二）6 3)',
      quote: '系统集成项目合同（合同关键页+验收报告或部分汇款发票）扫描为一个文件，逐个上传',
    },
    {
      id: 'innovation-certificates',
      name: { zh: '技术创新对应证书（本年度新增）', en: 'Innovation certificates (new this year)' },
      scope: 'application',
      requirement: 'conditional',
      condition: { field: 'innovations', op: 'present' },
      conditionText: { zh: '填写了企业技术创新时', en: 'When innovation entries were made' },
      copies: { count: 1, per: 'innovations', cite: '001 （二）5' },
      original: { mode: 'none' },
      medium: 'electronic',
      stage: 'submission',
      kinds: 'all',
      cite: '001 （二）5',
      quote: '所填写内容附件需上传对应证书（本年度新增）',
    },
    {
      id: 'stamped-return',
      name: { zh: '盖章版电子申报表', en: 'Stamped electronic return' },
      scope: 'application',
      requirement: 'required',
      copies: { count: 1, cite: '001 （二）8 2)' },
      original: { mode: 'none' },
      medium: 'electronic',
      stage: 'after-approval',
      kinds: 'all',
      cite: '001 （二）8 2)',
      quote: '通过：在“我的申报”处下载，并回传盖章版电子申报表',
    },
  ],
  windows: [],
  thresholds: [
    {
      id: 'technical-staff',
      label: { zh: '技术人员总数', en: 'Technical staff' },
      subject: 'organisation',
      comparison: 'gte',
      byLevel: { 甲: 40, 乙: 30, 丙: 20, 丁: 6 },
      unit: '人',
      binding: 'requirement',
      measure: { field: 'technicalStaffTotal' },
      cite: '001 （二）1 1)',
      quote: '技术人员总数指标要求：甲级 ≥ 40 人、乙级 ≥ 30 人、丙级 ≥ 20 人、丁级 ≥ 6 人',
    },
    {
      id: 'certified-staff',
      label: { zh: '持证人员总数', en: 'Certified staff' },
      subject: 'organisation',
      comparison: 'gte',
      byLevel: { 甲: 12, 乙: 8, 丙: 5, 丁: null },
      unit: '人',
      binding: 'requirement',
      measure: { field: 'certifiedStaffTotal' },
      cite: '001 （二）1 2)',
      quote: '甲级 ≥ 12 人、乙级 ≥ 8 人、丙级 ≥ 5 人、丁级无要求',
    },
    {
      id: 'project-total',
      label: { zh: '2023、2024、2025 三年系统集成项目总值', en: 'Three-year project total' },
      subject: 'organisation',
      comparison: 'gte',
      byLevel: { 甲: 3000, 乙: 1000, 丙: 500, 丁: null },
      unit: '万元',
      binding: 'reference',
      measure: { field: 'threeYearProjectTotal' },
      note: { zh: '种子称“参考指标”：未达到时提示，不作为驳回依据', en: 'A reference indicator: shown as a warning, not a refusal' },
      cite: '001 （二）3',
      quote: '参考指标：2023、2024、2025 三年系统集成项目总值（甲级≥3000 万元、乙级≥1000 万元、丙级≥500 万元、丁级无要求）',
    },
  ],
  publicity: [],
  timeLimits: [
    {
      id: 'review',
      names: { zh: '审核（约一个工作日后查看结果）', en: 'Review (check after about one working day)' },
      length: 1,
      unit: 'working-days',
      from: { zh: '提交审核', en: 'Submission' },
      approximate: true,
      cite: '001 （二）8',
      quote: '一个工作日后登录系统在“我的申报”页面查看审核状态',
    },
  ],
  keyDates: [
    {
      id: 'results',
      names: { zh: '结果公布（2026 年 3 月中旬）', en: 'Results published (mid-March 2026)' },
      month: '2026-03',
      approximate: { zh: '中旬', en: 'mid-month' },
      cite: '001 温馨提示 10',
      quote: '2026 年 3 月中旬可查看结果公布文件',
    },
    {
      id: 'certificate-exchange',
      names: { zh: '换证截止', en: 'Certificate exchange deadline' },
      date: '2026-04-30',
      deadlineFor: { kinds: ['annual-review'], states: ['awaiting-stamped', 'to-exchange'] },
      cite: '001 温馨提示 11',
      quote: '已通过企业需要在 2026 年 4 月 30 日前完成换证',
    },
  ],
  imports: [
    {
      // An enterprise's staff list for 管理人员证书情况, added to its inspection return at once
      // instead of one 添加 per certificate.
      kind: 'certificate-holders',
      names: { zh: '管理人员证书名单', en: 'Management staff certificate list' },
      creates: 'table-rows',
      applicationKind: 'annual-review',
      table: 'managementCertificates',
      cite: '001 （二）1 2)',
      quote: '需点击“添加”逐条添加',
      columns: [
        { target: 'rowNo' },
        { target: 'personName', headers: ['持证人', '持证人姓名', '人员姓名'] },
        { target: 'idNumber' },
        {
          target: 'certificateKind',
          headers: ['证书类别', '证书类型', '类别', '类型'],
          // The catalogue's own type names (001 证书表 类型) mean the two catalogue kinds.
          values: {
            国家软考认证的相关证书: '国家软考证书',
            软考证书: '国家软考证书',
            国家软考: '国家软考证书',
            软考: '国家软考证书',
            其他有效的人员能力评价或认证证书: '其他同等或更高级别证书',
            工程经理: '系统集成实施工程经理',
            实施工程经理: '系统集成实施工程经理',
          },
          cite: '001 （二）1 2)',
          quote: '系统集成实施工程经理+国家软考证书+其他同等或更高级别证书',
        },
        { target: 'catalogueEntry', headers: ['证书名称', '证书', '资格名称'] },
        { target: 'certificateNo', headers: ['证书编号', '证书号', '证书号码'] },
      ],
    },
  ],
  documents: [
    {
      id: 'annual-return',
      kind: 'form',
      names: { zh: '年检电子申报表（供盖章回传）', en: 'Annual return (to stamp and return)' },
      layout: 'xj-si-annual-return',
      cite: '001 （二）8 2)',
      quote: '在“我的申报”处下载，并回传盖章版电子申报表',
    },
    {
      id: 'rejection-notice',
      kind: 'notice',
      names: { zh: '驳回通知（驳回原因）', en: 'Rejection with reason' },
      layout: 'return-notice',
      cite: '001 （二）8 1)',
      quote: '驳回：根据驳回原因进行修改',
    },
    {
      id: 'results-file',
      kind: 'report',
      names: { zh: '年检结果公布文件', en: 'Published results' },
      layout: 'xj-si-annual-results',
      columns: [{ field: 'enterpriseName', width: 36 }, { field: 'creditCode', width: 22 }, { field: 'grade', width: 10 }],
      cite: '001 温馨提示 10',
      quote: '可查看结果公布文件',
    },
    {
      id: 'annual-summary',
      kind: 'roster',
      names: { zh: '年检汇总（按资质等级）', en: 'Annual inspection summary by grade' },
      layout: 'grade-summary',
      note: {
        zh: '每个等级的企业数、审核结论和各项指标达标情况；技术人员、持证人员为指标要求，项目总值为参考指标',
        en: 'Per grade: enterprises, outcomes and thresholds met; the project total is a reference indicator',
      },
      cite: '001 （二）1 1)',
      quote: '技术人员总数指标要求：甲级 ≥ 40 人、乙级 ≥ 30 人、丙级 ≥ 20 人、丁级 ≥ 6 人',
    },
    {
      id: 'exchanged-certificate',
      kind: 'certificate',
      names: { zh: '换发的证书', en: 'Exchanged certificate' },
      layout: 'xj-si-certificate',
      cite: '001 温馨提示 11',
      quote: '完成换证',
    },
  ],
  workflows: {
    'annual-review': {
      id: 'xj-si-annual.annual-review',
      name: { zh: '企业年检', en: 'Annual inspection' },
      states: [
        state('filling', '填报中', 'Being filled in', 'initial'),
        state('submitted', '已提交，待审核', 'Submitted', 'active', 'intake-review'),
        state('rejected', '已驳回，待修改', 'Rejected, to correct', 'waiting', 'returned'),
        state('awaiting-stamped', '审核通过，待回传盖章版', 'Passed, stamped return awaited', 'waiting'),
        state('to-exchange', '已回传盖章版，待换证', 'Stamped return received, certificate to exchange', 'active', 'issue'),
        grantingState('completed', '已换证', 'Certificate exchanged'),
      ],
      transitions: [
        // 001 （二）6–7: the attachments uploaded, then 提交审核.
        transition('submit', 'filling', 'submitted', ['提交审核', 'Submit for review'], CLERK, MATERIALS_OK),
        // 001 （二）8 1): 驳回 with a reason the enterprise corrects against; each round stays in the history.
        transition('reject', 'submitted', 'rejected', ['驳回', 'Reject'], REVIEWER, [], ['reason']),
        transition('resubmit', 'rejected', 'submitted', ['修改后重新提交', 'Resubmit'], CLERK, MATERIALS_OK),
        // 001 （二）8 2): 通过 → the enterprise downloads the return and sends back a stamped copy.
        transition(
          'pass',
          'submitted',
          'awaiting-stamped',
          ['审核通过', 'Pass'],
          REVIEWER,
          [...MATERIALS_OK, { kind: 'eligibility-met' }],
          ['opinion'],
        ),
        transition('stamped-received', 'awaiting-stamped', 'to-exchange', ['收到盖章版申报表', 'Stamped return received'], CLERK),
        // 温馨提示 11: 已通过企业需要在 2026 年 4 月 30 日前完成换证 (keyDates certificate-exchange).
        transition('exchange', 'to-exchange', 'completed', ['换证', 'Exchange certificate'], CLERK),
      ],
      // 001 （二）8: 一个工作日后 … 查看审核状态 — the office decides within one working day of each submission.
      decisionDeadline: { from: 'submitted', length: 1, unit: 'working-days' },
    },
  },
} satisfies ProgramPackInput;
