/**
 * P4 `zj-it-senior` — 2019 年度浙江省信息技术专业高级工程师职务任职资格评审, seed 002
 * (浙软协[2019]024号 and its 附件1–4).
 *
 * Paper files climb from the applicant through the unit and the reviewing departments to the
 * 高评委办公室 (附件3); the office checks them, publishes the candidates for 5 working days and the
 * 高评委 reviews them. The checklist follows 附件4 二 item by item (item 6 split into its documents),
 * after the unit-level materials of 附件4 一; binding follows 附件4 三.
 *
 * Cites: '002 二' is the notice's section 二; '002 四(三)' its section 四 point (三); '002 附件4 二 6'
 * is 附件4 part 二 item 6.
 */
import { P4_EDUCATION_REQUIREMENT } from '../rules/education';
import { P4_PHOTO_REQUIREMENT } from '../rules/photo';
import { P4_SELF_SCORE_REQUIREMENT } from '../rules/self-score';
import { idNumberField } from './field-parts';
import type { ProgramPackInput } from './schema';
import { CLERK, intakeLoop, MATERIALS_OK, PANEL_STEP, panelResult, state, transition } from './workflow-parts';

type Material = ProgramPackInput['checklist'][number];

/** The subject categories of 002 六(三) in English (the stored value stays the seed's word). */
const P4_CATEGORIES_EN: Readonly<Record<string, string>> = { 专业科目: 'Professional subjects', 行业公需: 'Industry public subjects', 一般公需: 'General public subjects' };

/** 002 附件4 四 3, in the seed's order. */
export const P4_UNIT_NATURES = [
  '监督管理类事业',
  '社会公益类事业',
  '生产经营类事业',
  '中介服务类事业',
  '国有企业',
  '集体企业',
  '私营企业和个体工商户',
  '外商投资企业',
  '港澳台投资企业',
  '其它类企业',
] as const;

/** The four 事业 natures: 002 附件4 二 13 (事业单位申报人员) and 六(二). */
export const P4_PUBLIC_INSTITUTION_NATURES = P4_UNIT_NATURES.slice(0, 4);
/** The six 企业 natures: 002 附件4 二 7 and 15 (企业申报人员). */
export const P4_ENTERPRISE_NATURES = P4_UNIT_NATURES.slice(4);

/** 002 附件4 四 5 and 附件1, in the seed's order. */
export const P4_SPECIALTIES = ['技术开发', '应用电子', '信息安全', '系统集成'] as const;
const P4_ORIGINS_EN: Readonly<Record<string, string>> = { 国内: 'Mainland China', 国外: 'Abroad', 港澳台: 'Hong Kong, Macao or Taiwan' };
const P4_SPECIALTIES_EN: Readonly<Record<string, string>> = { 技术开发: 'Technology development', 应用电子: 'Applied electronics', 信息安全: 'Information security', 系统集成: 'Systems integration' };
const P4_UNIT_NATURES_EN: Readonly<Record<string, string>> = {
  监督管理类事业: 'Public institution: supervision and administration',
  社会公益类事业: 'Public institution: public welfare',
  生产经营类事业: 'Public institution: production and business',
  中介服务类事业: 'Public institution: intermediary services',
  国有企业: 'State-owned enterprise',
  集体企业: 'Collective enterprise',
  私营企业和个体工商户: 'Private enterprise or sole trader',
  外商投资企业: 'Foreign-invested enterprise',
  港澳台投资企业: 'Hong Kong, Macao or Taiwan-invested enterprise',
  其它类企业: 'Other enterprise',
};
/** A stored value (the seed's word) with its English label. */
const labelled = (en: Readonly<Record<string, string>>, value: string) => ({ value, label: { zh: value, en: en[value] ?? value } });

const educationLimit = (id: string): number =>
  // NaN fails the pack schema, so a renamed limit in rules/education is caught at load.
  P4_EDUCATION_REQUIREMENT.categoryLimits.find((l) => l.limit === id)?.minHours ?? Number.NaN;

const paper = { scope: 'application', medium: 'paper', stage: 'submission', kinds: 'all' } as const;

/** 002 附件4 四 7: 时间填写格式统一填××××年××月 — a required month, shown as the forms write it. */
const YEAR_MONTH = { type: 'year-month', validator: 'year-month', required: true, kinds: 'all' } as const;
const MONTH_FORMAT = { format: '××××年××月', cite: '002 附件4 四 7' } as const;

/** 002 四(四): copies are checked against the originals, 核对无误, signed, dated, sealed. */
const verifyOriginal = {
  mode: 'verify',
  cite: '002 四(四)',
  quote: '由单位和省、市、县主管部门核对原件,签署“核对无误”的字样,由验证人签名,注明验证时间,加盖单位公章',
} as const;

/** Score evidence goes into volume 2 after the score sheet, in the sheet's order (附件4 三). */
const scoreEvidence: Material['binding'] = [{ kind: 'volume', volume: 2, position: 2, sequence: 'score-sheet' }];

const vol1 = (position: number): Material['binding'] => [{ kind: 'volume', volume: 1, position }];

/**
 * 002 附件4 二 6: a certificate handed in as the original and one copy, the copy checked against
 * the original (四(四) 核对无误); required unless `requirement` says otherwise.
 */
const originalAndCopy = (
  m: Pick<Material, 'id' | 'name' | 'binding' | 'quote'> & Partial<Pick<Material, 'requirement' | 'condition' | 'conditionText'>>,
): Material => ({
  ...paper,
  requirement: 'required',
  ...m,
  copies: { count: 1, cite: '002 附件4 二 6', quote: '原件和复印件各 1 份' },
  original: verifyOriginal,
  cite: '002 附件4 二 6',
});

/** One copy of a document every applicant hands in, no original to see; `cite` is its item of 附件4 二. */
const oneCopy = (cite: string, m: Pick<Material, 'id' | 'name' | 'binding' | 'quote'> & Partial<Pick<Material, 'note'>>): Material => ({
  ...paper,
  ...m,
  requirement: 'required',
  copies: { count: 1, cite },
  original: { mode: 'none' },
  cite,
});

/**
 * 002 附件4 二 15: a proof only some applicants add to their score evidence (enterprise grade,
 * appointment as technical lead): one copy, no original, bound after the score sheet.
 */
const scoreProof = (m: Pick<Material, 'id' | 'name' | 'condition' | 'conditionText' | 'quote'>): Material => ({
  ...paper,
  ...m,
  requirement: 'conditional',
  copies: { count: 1, cite: '002 附件4 二 15' },
  original: { mode: 'none' },
  binding: scoreEvidence,
  cite: '002 附件4 二 15',
});

const notBound = (zh: string, en: string, cite = '002 附件4 三', quote?: string): Material['binding'] => [
  { kind: 'never-bound', reason: { zh, en }, cite, ...(quote ? { quote } : {}) },
];

const BINDING_EXCLUSION_QUOTE =
  '除《专业技术职务任职资格评审表》、《推荐高级工程师职务任职资格人员情况综合表》、规定不装订和不便装订的书、原件以及代表作复印件外';

export const zjItSeniorPack = {
  id: 'zj-it-senior',
  seed: '002',
  names: {
    zh: '浙江省信息技术专业高级工程师职务任职资格评审（2019 年度）',
    en: 'Zhejiang senior engineer title review, information technology (2019)',
  },
  issuer: {
    names: {
      zh: '浙江省信息技术工程技术人员高级工程师职务任职资格评审委员会（材料报送：浙江省软件行业协会）',
      en: 'Zhejiang IT senior engineer review board (files to the Zhejiang Software Industry Association)',
    },
    cite: '002 附件1',
    quote: '浙江省信息技术工程技术人员高级工程师职务任职资格评审委员会',
  },
  applicantKind: 'person',
  applicationKinds: [
    {
      id: 'new',
      names: { zh: '申报高级工程师职务任职资格评审', en: 'Application for senior engineer review' },
      initiatedBy: 'applicant',
      cite: '002 三',
      quote: '纸质材料按个人申报、单位审核、逐级报送的原则逐级审核推荐',
    },
  ],
  eligibility: [
    {
      id: 'route',
      text: {
        zh: '达到《工程技术人员职务试行条例》(职改字〔1986〕78号)规定的学历资历条件，或按量化赋分标准自评分达到 80 分以上',
        en: 'Meets the 1986 education and seniority conditions, or self-scores 80 or more on the quantitative standard',
      },
      cite: '002 二',
      quote: '按照评价条件所附量化赋分标准自评分达到80分以上人员,也可申报信息技术专业高级工程师职务任职资格',
    },
    {
      id: 'public-institution-quota',
      text: {
        zh: '事业单位人员须在核定的专业技术岗位结构比例内竞聘、由单位择优推荐并公示',
        en: 'Public-institution staff apply within the approved post quota, recommended by their unit',
      },
      cite: '002 六(二)',
      quote: '全省事业单位专业技术人员职称评审应在核定的专业技术岗位结构比例内进行',
    },
    {
      id: 'continuing-education',
      text: {
        zh: '自 2018 年起每年度继续教育不少于 90 学时（专业科目不少于 60 学时，行业公需和一般公需不少于 18 学时）',
        en: 'From 2018, at least 90 hours of continuing education a year (60 professional, 18 public)',
      },
      cite: '002 六(三)',
      quote: '自 2018 年起，申报对象每年度参加继续教育不得少于 90 学时',
    },
    {
      id: 'score-evidence',
      text: {
        zh: '自评分须有证明材料，无证明材料的不予评分；严重高估自评分的材料应当退回',
        en: 'Every claimed score needs evidence; files that grossly over-score are returned',
      },
      cite: '002 四(二)',
      quote: '所提供的评分依据必须真实，并提供证明材料，无证明材料的不予评分',
    },
  ],
  fields: [
    {
      id: 'name',
      label: { zh: '姓名', en: 'Name' },
      type: 'text',
      required: true,
      kinds: 'all',
      cite: '002 附件4 四',
    },
    idNumberField({
      help: { zh: '资格证书制作系统中用于身份的识别字段，务必准确', en: 'The identity key on the certificate: must be exact' },
      cite: '002 附件4 四 1',
      quote: '资格证书制作系统中用于身份的识别字段，请务必准确填写',
    }),
    {
      id: 'birthMonth',
      label: { zh: '出生年月', en: 'Month of birth' },
      ...YEAR_MONTH,
      display: { ...MONTH_FORMAT, quote: '时间填写格式统一填××××年××月，如2006年12月' },
      cite: '002 附件4 四 7',
    },
    {
      id: 'photo',
      label: { zh: '个人免冠照片', en: 'Photo' },
      type: 'photo',
      validator: 'photo-p4',
      required: true,
      kinds: 'all',
      cite: '002 附件2 二',
      quote: '上传个人免冠照片(jpg 格式，不大于 300×420 像素，不小于 200×280 像素，照片文件大小不超过 50KB)',
    },
    {
      id: 'employer',
      label: { zh: '工作单位', en: 'Employer' },
      type: 'text',
      required: true,
      kinds: 'all',
      help: { zh: '完整准确，与单位印章一致', en: 'Complete, exactly as on the unit seal' },
      cite: '002 附件4 四 2',
      quote: '务必要完整准确，与单位印章一致',
    },
    {
      id: 'unitNature',
      label: { zh: '单位性质', en: 'Nature of unit' },
      type: 'enum',
      required: true,
      kinds: 'all',
      enum: P4_UNIT_NATURES.map((value) =>
        value === '其它类企业'
          ? {
              ...labelled(P4_UNIT_NATURES_EN, value),
              requiresRemark: 'remarks',
              cite: '002 附件4 四 3',
              quote: '尽可能不要填其它类，如确要填其他类，需在备注栏说明情况',
            }
          : labelled(P4_UNIT_NATURES_EN, value),
      ),
      cite: '002 附件4 四 3',
      quote:
        '“监督管理类事业”、“社会公益类事业”、“生产经营类事业”、“中介服务类事业”、“国有企业”、“集体企业”、“私营企业和个体工商户”、“外商投资企业”、“港澳台投资企业”、“其它类企业”',
    },
    {
      id: 'supervisingDepartment',
      label: { zh: '主管部门', en: 'Supervising department' },
      type: 'text',
      required: true,
      kinds: 'all',
      help: {
        zh: '县（市、区）的填“××县(市、区)××局”；省级的填“××厅(局)”',
        en: 'County: “×× County (city, district) ×× Bureau”; province: “×× Department (Bureau)”',
      },
      cite: '002 附件4 四 4',
      quote: '县(市、区)的，填“××县(市、区)××局”；省级的，填“××厅(局)”',
    },
    {
      id: 'routingVariant',
      label: { zh: '单位隶属（报送途径）', en: 'Reporting route' },
      type: 'enum',
      required: true,
      kinds: 'all',
      // Values are the route ids of shared/workflow/routing (ROUTING_VARIANTS); labels as 附件3 一.
      enum: [
        { value: 'county', label: { zh: '县（市、区）属单位', en: 'County-level unit' } },
        { value: 'city', label: { zh: '市属单位', en: 'City-level unit' } },
        { value: 'provincial', label: { zh: '省属单位', en: 'Provincial unit' } },
        {
          value: 'private-talent-centre',
          label: { zh: '无主管部门企业（人事档案委托人才交流中心代理）', en: 'Private firm, file held by a talent centre' },
        },
        {
          value: 'private-local',
          label: { zh: '无主管部门企业（人事档案未委托代理，属地申报）', en: 'Private firm, filed locally' },
        },
      ],
      cite: '002 附件3 一',
      quote: '无主管部门的股份制企业、民营企业中人事档案关系委托人才交流中心代理的，应通过人才交流中心申报',
    },
    {
      id: 'specialty',
      label: { zh: '从事专业', en: 'Specialty' },
      type: 'enum',
      required: true,
      kinds: 'all',
      enum: P4_SPECIALTIES.map((value) => labelled(P4_SPECIALTIES_EN, value)),
      help: {
        zh: '《花名册》、《综合表》、《评审表》和网上申报信息须一致；通过后即资格证书上的“专业名称”',
        en: 'Must be identical on the roster, summary form, review form and online; becomes the certificate specialty',
      },
      cite: '002 附件4 四 5',
      quote: '仅为“技术开发”、“应用电子”、“信息安全”、“系统集成”其中一项',
    },
    {
      id: 'highestEducation',
      label: { zh: '学历（最高学历）', en: 'Highest education' },
      type: 'text',
      required: true,
      kinds: 'all',
      cite: '002 附件4 四 6',
      quote: '学历：指最高学历',
    },
    {
      id: 'graduatedFrom',
      label: { zh: '毕业院校及专业', en: 'University and major' },
      type: 'text',
      required: true,
      kinds: 'all',
      help: { zh: '最高学历的毕业院校和所学专业，如“浙江大学 计算机科学与技术”', en: 'School and major of the highest education' },
      cite: '002 附件4 一 2',
      quote: '《推荐高级工程师职务任职资格人员花名册》1 份，同时提供 Excel 格式电子文档',
      basis: { zh: '《花名册》设“毕业院校及专业”栏', en: 'The roster has a column for school and major' },
    },
    {
      id: 'highestEducationIsEngineering',
      label: { zh: '最高学历是否工程技术类专业', en: 'Highest education in engineering' },
      type: 'boolean',
      required: true,
      kinds: 'all',
      cite: '002 附件4 四 6',
      quote: '如非工程技术类专业学历，则必须再填写工程技术专业类学历情况',
    },
    {
      id: 'engineeringEducation',
      label: { zh: '工程技术专业类学历', en: 'Engineering education' },
      type: 'text',
      required: false,
      requiredWhen: { field: 'highestEducationIsEngineering', op: 'eq', value: false },
      visibleWhen: { field: 'highestEducationIsEngineering', op: 'eq', value: false },
      kinds: 'all',
      cite: '002 附件4 四 6',
      quote: '则必须再填写工程技术专业类学历情况',
    },
    {
      id: 'educationObtainedOn',
      label: { zh: '最高学历取得时间', en: 'Highest education obtained' },
      ...YEAR_MONTH,
      display: MONTH_FORMAT,
      cite: '002 六(四)',
      quote: '对 2001 年以后取得的国内大专及以上学历',
    },
    {
      id: 'educationOrigin',
      label: { zh: '学历学位取得地', en: 'Where the degree was obtained' },
      type: 'enum',
      required: true,
      kinds: 'all',
      enum: [labelled(P4_ORIGINS_EN, '国内'), labelled(P4_ORIGINS_EN, '国外'), labelled(P4_ORIGINS_EN, '港澳台')],
      cite: '002 六(四)',
      quote: '申报人员提交的国外学历、学位，须提供教育部留学服务中心认证的《国外学历学位认证书》。港、澳、台地区的学历、学位',
    },
    {
      id: 'degree',
      label: { zh: '学位', en: 'Degree' },
      type: 'text',
      required: false,
      kinds: 'all',
      cite: '002 附件4 二 6',
    },
    {
      id: 'currentTitle',
      label: { zh: '现任专业技术职务任职资格', en: 'Current professional title' },
      type: 'text',
      required: true,
      kinds: 'all',
      cite: '002 附件4 二 6',
      quote: '现任专业技术职务任职资格证书',
    },
    {
      id: 'currentTitleObtainedOn',
      label: { zh: '取得时间', en: 'Title obtained' },
      ...YEAR_MONTH,
      display: MONTH_FORMAT,
      cite: '002 附件4 四 7',
      quote: '“取得时间”',
    },
    {
      id: 'appointedOn',
      label: { zh: '聘任时间', en: 'Appointed' },
      ...YEAR_MONTH,
      display: MONTH_FORMAT,
      cite: '002 附件4 四 7',
      quote: '“聘任时间”',
    },
    {
      id: 'engineeringWorkYears',
      label: { zh: '专业工作年限（实足年限，计算到 2019 年 12 月 31 日）', en: 'Years in engineering work (to 2019-12-31)' },
      type: 'number',
      min: 0,
      required: true,
      kinds: 'all',
      cite: '002 附件4 四 8',
      quote: '指从事工程技术工作的年限，须填写实足年限，计算到2019年12月31日',
    },
    {
      id: 'annualAssessments',
      label: { zh: '单位考核情况（逐年）', en: 'Annual assessments (year by year)' },
      type: 'table',
      required: true,
      kinds: 'all',
      minRows: { value: 3, cite: '002 附件4 四 9', quote: '至少近3年考核情况' },
      cite: '002 附件4 四 9',
      quote: '“综合表”、“花名册”需逐年填写考核结果',
      columns: [
        { id: 'year', label: { zh: '年度', en: 'Year' }, type: 'year', required: true, kinds: 'all', cite: '002 附件4 四 9' },
        { id: 'result', label: { zh: '考核结果', en: 'Result' }, type: 'text', required: true, kinds: 'all', cite: '002 附件4 四 9' },
      ],
    },
    {
      id: 'selfScore',
      label: { zh: '自评分', en: 'Self-score' },
      type: 'number',
      min: 0,
      required: true,
      kinds: 'all',
      help: { zh: '《花名册》上注明自评分数；最终分值由高评委专家确认', en: 'Shown on the roster; experts fix the final score' },
      cite: '002 附件4 四 10',
      quote: '信息技术专业《花名册》上应注明自评分数',
    },
    {
      id: 'meetsSeniorityConditions',
      label: {
        zh: '是否达到《工程技术人员职务试行条例》（职改字〔1986〕78号）学历资历条件',
        en: 'Meets the 1986 education and seniority conditions',
      },
      type: 'boolean',
      required: true,
      kinds: 'all',
      cite: '002 二',
      quote: '未达到《工程技术人员职务试行条例》(职改字〔1986〕78号文件)规定的担任高级工程师职务学历资历条件',
    },
    {
      id: 'seniorityReason',
      label: { zh: '学历资历依据', en: 'Basis for the seniority route' },
      type: 'textarea',
      required: false,
      requiredWhen: { field: 'meetsSeniorityConditions', op: 'eq', value: true },
      visibleWhen: { field: 'meetsSeniorityConditions', op: 'eq', value: true },
      kinds: 'all',
      basis: {
        // Read by rules/self-score as the SeniorityRoute's reason.
        zh: '按学历资历条件申报时写明所依据的学历和任职年限',
        en: 'The degree and years relied on',
      },
    },
    {
      id: 'socialInsuranceYearsInZhejiang',
      label: { zh: '本省养老保险缴纳年限（近三年内）', en: 'Years of pension contributions in Zhejiang (last three)' },
      type: 'number',
      min: 0,
      max: 3,
      required: true,
      kinds: 'all',
      cite: '002 附件4 二 7',
      quote: '养老保险在本省缴纳未满三年的企业申报人员',
    },
    {
      id: 'hasCollectiveProjects',
      label: { zh: '是否以集体项目申报', en: 'Claims group projects' },
      type: 'boolean',
      required: true,
      kinds: 'all',
      cite: '002 附件4 二 6',
      quote: '集体项目须提供本人系主要贡献者依据',
    },
    {
      id: 'isUnitTechnicalLead',
      label: { zh: '是否单位技术负责人', en: 'Technical lead of the unit' },
      type: 'boolean',
      required: true,
      kinds: 'all',
      cite: '002 附件4 二 15',
      quote: '单位技术负责人需提供单位正式任命文件',
    },
    {
      id: 'isProjectTechnicalLead',
      label: { zh: '是否产品或项目技术负责人', en: 'Technical lead of a product or project' },
      type: 'boolean',
      required: true,
      kinds: 'all',
      cite: '002 附件4 二 15',
      quote: '产品或项目技术负责人需提供项目文件及项目负责人的正式任命文件',
    },
    {
      id: 'continuingEducation',
      label: { zh: '继续教育学时（学时登记卡）', en: 'Continuing education hours' },
      type: 'table',
      required: true,
      kinds: 'all',
      cite: '002 六(三)',
      quote: '申报人员可登陆“浙江省工业和信息化领域专业技术人员继续教育学时登记管理系统”',
      columns: [
        { id: 'date', label: { zh: '日期', en: 'Date' }, type: 'date', validator: 'date', required: true, kinds: 'all', cite: '002 六(三)' },
        {
          id: 'category',
          label: { zh: '科目类别', en: 'Category' },
          type: 'enum',
          required: true,
          kinds: 'all',
          enum: (P4_EDUCATION_REQUIREMENT.categories ?? []).map((value) => ({ value, label: { zh: value, en: P4_CATEGORIES_EN[value] ?? value } })),
          cite: '002 六(三)',
          quote: '其中专业科目不少于 60 学时，行业公需和一般公需科目不少于 18 学时',
        },
        { id: 'content', label: { zh: '内容', en: 'Content' }, type: 'text', required: true, kinds: 'all', cite: '002 六(三)' },
        { id: 'hours', label: { zh: '学时', en: 'Hours' }, type: 'number', min: 0, required: true, kinds: 'all', cite: '002 六(三)' },
      ],
    },
    {
      id: 'remarks',
      label: { zh: '备注', en: 'Remarks' },
      type: 'textarea',
      required: false,
      requiredWhen: { field: 'unitNature', op: 'eq', value: '其它类企业' },
      kinds: 'all',
      cite: '002 附件4 四 3',
      quote: '如确要填其他类，需在备注栏说明情况',
    },
  ],
  checklist: [
    // 附件4 一: once per unit submission, not per applicant.
    {
      id: 'commission-letter',
      name: { zh: '评审委托书', en: 'Review commission letter' },
      scope: 'batch',
      requirement: 'required',
      copies: { count: 1, cite: '002 附件4 一 1', quote: '评审委托书 1 份' },
      original: { mode: 'none' },
      medium: 'paper',
      stage: 'submission',
      kinds: 'all',
      note: {
        zh: '市、省直单位人事职改部门开具；省级无归口主管部门的单位由其人事代理机构委托',
        en: 'Issued by the city or provincial HR department, or the HR agency for units without one',
      },
      cite: '002 附件4 一 1',
      quote: '市、省直单位人事职改部门开具的评审委托书 1 份',
    },
    {
      id: 'roster',
      name: { zh: '《推荐高级工程师职务任职资格人员花名册》', en: 'Roster of recommended candidates' },
      scope: 'batch',
      requirement: 'required',
      copies: { count: 1, cite: '002 附件4 一 2', quote: '花名册》1 份，同时提供 Excel 格式电子文档' },
      original: { mode: 'none' },
      medium: 'paper-and-electronic',
      stage: 'submission',
      kinds: 'all',
      note: { zh: '另附 Excel 格式电子文档', en: 'Plus an Excel file' },
      cite: '002 附件4 一 2',
      quote: '《推荐高级工程师职务任职资格人员花名册》1 份，同时提供 Excel 格式电子文档',
    },
    // 附件4 二, items 1–15 in order.
    {
      ...paper,
      id: 'material-list',
      name: { zh: '评审人员材料清单', en: 'List of materials' },
      requirement: 'required',
      copies: { count: 1, cite: '002 附件4 二 1', quote: '评审人员材料清单 1 份' },
      original: { mode: 'none' },
      binding: notBound(
        '贴于资料袋面上（分装多袋时每袋各贴袋内清单）；不在两册之列',
        'Stuck on the archive bag (one per bag); not part of either volume',
        '002 附件4 二 1',
        '如分装多份资料袋的，每袋面上需贴袋内资料清单',
      ),
      cite: '002 附件4 二 1',
      quote: '评审人员材料清单 1 份，如分装多份资料袋的，每袋面上需贴袋内资料清单',
    },
    {
      ...paper,
      id: 'review-form',
      name: { zh: '《专业技术职务任职资格评审表》', en: 'Professional title review form' },
      requirement: 'required',
      copies: { count: 3, cite: '002 附件4 二 2', quote: '（需贴照片）一式 3 份' },
      original: { mode: 'none' },
      note: { zh: '需贴照片', en: 'With photo attached' },
      binding: notBound('评审表不装订', 'The review form is not bound', '002 附件4 三', BINDING_EXCLUSION_QUOTE),
      cite: '002 附件4 二 2',
      quote: '《专业技术职务任职资格评审表》（需贴照片）一式 3 份',
    },
    {
      ...paper,
      id: 'summary-form',
      name: { zh: '《推荐高级工程师职务任职资格人员情况综合表》', en: 'Candidate summary form' },
      requirement: 'required',
      copies: { count: 15, cite: '002 附件4 二 3', quote: '（必须含水印）一式 15 份' },
      original: { mode: 'none' },
      note: {
        zh: '必须含“浙江省高级专业技术职务任职资格网上申报评审”水印（从申报系统下载打印），无水印的不予接收',
        en: 'Must carry the online-system watermark (printed from the system); unwatermarked copies are refused',
      },
      binding: notBound('综合表不装订', 'The summary form is not bound', '002 附件4 三', BINDING_EXCLUSION_QUOTE),
      cite: '002 附件4 二 3',
      quote: '《推荐高级工程师职务任职资格人员情况综合表》（必须含水印）一式 15 份',
    },
    oneCopy('002 附件4 二 4', {
      id: 'authenticity-pledge',
      name: { zh: '专业技术职务任职资格评审材料真实性保证书', en: 'Authenticity pledge' },
      binding: vol1(1),
      quote: '专业技术职务任职资格评审材料真实性保证书 1 份',
    }),
    oneCopy('002 附件4 二 5', {
      id: 'publicity-confirmation',
      name: { zh: '申报材料公示确认表', en: 'Publicity confirmation form' },
      binding: vol1(2),
      quote: '申报材料公示确认表 1 份',
    }),
    originalAndCopy({
      id: 'id-card',
      name: { zh: '身份证', en: 'ID card' },
      binding: vol1(3),
      quote: '申报对象身份证',
    }),
    originalAndCopy({
      id: 'diploma',
      name: { zh: '学历证书', en: 'Diploma' },
      binding: vol1(4),
      quote: '学历证书',
    }),
    originalAndCopy({
      id: 'degree-certificate',
      name: { zh: '学位证书', en: 'Degree certificate' },
      requirement: 'conditional',
      condition: { field: 'degree', op: 'present' },
      conditionText: { zh: '有学位的', en: 'When the applicant holds a degree' },
      binding: vol1(5),
      quote: '学位证书',
    }),
    {
      ...paper,
      id: 'education-verification',
      name: { zh: '学历认证材料', en: 'Degree verification' },
      requirement: 'conditional',
      // 六(四): domestic degrees obtained "2001 年以后" (read as from 2001 on), and every foreign
      // or Hong Kong/Macau/Taiwan degree.
      condition: {
        any: [
          { all: [{ field: 'educationOrigin', op: 'eq', value: '国内' }, { field: 'educationObtainedOn', op: 'gte', value: '2001-01' }] },
          { field: 'educationOrigin', op: 'in', value: ['国外', '港澳台'] },
        ],
      },
      conditionText: {
        zh: '2001 年以后取得的国内大专及以上学历，或国外、港澳台学历学位',
        en: 'Domestic degrees from 2001 on, and all foreign or HK/Macau/Taiwan degrees',
      },
      accepts: [
        { zh: '《教育部学历证书电子注册备案表》', en: 'MoE electronic registration record' },
        { zh: '《中国高等教育学历认证报告》', en: 'CHESICC verification report' },
        { zh: '《国外学历学位认证书》（教育部留学服务中心）', en: 'Foreign degree verification (CSCSE)' },
        { zh: '《港澳台学历学位认证书》（教育部留学服务中心）', en: 'HK/Macau/Taiwan degree verification (CSCSE)' },
      ],
      copies: { count: 1, cite: '002 附件4 二 6', quote: '原件和复印件各 1 份' },
      original: {
        mode: 'verify',
        cite: '002 六(四)',
        quote: '经所在单位审核验证，由验证人签名，注明验证时间，加盖单位公章',
      },
      binding: vol1(6),
      cite: '002 附件4 二 6',
      quote: '《教育部学历证书电子注册备案表》或《中国高等教育学历认证报告》、国外（港澳台）学历学位须提供教育部留学服务中心认证的《国外（港澳台）学历学位认证书》',
    },
    originalAndCopy({
      id: 'current-title-certificate',
      name: { zh: '现任专业技术职务任职资格证书', en: 'Current title certificate' },
      binding: vol1(7),
      quote: '现任专业技术职务任职资格证书',
    }),
    originalAndCopy({
      id: 'appointment-certificate',
      name: { zh: '聘任证书', en: 'Appointment certificate' },
      binding: vol1(8),
      quote: '聘任证书',
    }),
    originalAndCopy({
      id: 'honours',
      name: { zh: '荣誉证书及获奖证书', en: 'Honours and awards' },
      requirement: 'optional',
      // 三 lists them in neither volume by name; as score evidence they follow the score sheet.
      binding: scoreEvidence,
      quote: '荣誉证书及获奖证书等原件和复印件各 1 份',
    }),
    {
      ...paper,
      id: 'main-contributor-proof',
      name: { zh: '集体项目本人系主要贡献者依据', en: 'Proof of main contribution to a group project' },
      requirement: 'conditional',
      condition: { field: 'hasCollectiveProjects', op: 'eq', value: true },
      conditionText: { zh: '以集体项目申报的', en: 'When group projects are claimed' },
      copies: { count: 1, cite: '002 附件4 二 6' },
      original: { mode: 'none' },
      binding: scoreEvidence,
      cite: '002 附件4 二 6',
      quote: '集体项目须提供本人系主要贡献者依据',
    },
    {
      ...paper,
      id: 'out-of-province-pension',
      name: { zh: '近三年省外缴纳部分养老保险证明', en: 'Proof of pension contributions outside Zhejiang (last three years)' },
      requirement: 'conditional',
      condition: { field: 'socialInsuranceYearsInZhejiang', op: 'lt', value: 3 },
      conditionText: {
        zh: '养老保险在本省缴纳未满三年的（附件4 二 7 写“企业申报人员”，正文六(五) 对所有在外省缴纳社保的申报人员提出同样要求）',
        en: 'Fewer than three years paid in Zhejiang (item 7 says enterprise staff; section 6(5) asks it of everyone who paid elsewhere)',
      },
      copies: { count: 1, cite: '002 附件4 二 7' },
      original: { mode: 'none' },
      binding: vol1(9),
      cite: '002 附件4 二 7',
      quote: '养老保险在本省缴纳未满三年的企业申报人员，需提供近三年省外缴纳部分养老保险证明',
    },
    {
      ...paper,
      id: 'continuing-education-card',
      name: { zh: '继续教育证明', en: 'Continuing education record' },
      requirement: 'required',
      copies: { count: 1, cite: '002 附件4 二 8', quote: '继续教育证明 1 份' },
      original: { mode: 'none' },
      accepts: [
        {
          zh: '《浙江省工业和信息化领域专业技术人员继续教育学时登记卡》（登记管理系统直接打印）',
          en: 'Zhejiang continuing-education hours card, printed from the system',
        },
      ],
      binding: vol1(11),
      cite: '002 附件4 二 8',
      quote: '直接打印《浙江省工业和信息化领域专业技术人员继续教育学时登记卡》',
    },
    oneCopy('002 附件4 二 9', {
      id: 'work-history',
      name: { zh: '从事工程技术、工程技术管理工作的经历', en: 'Engineering work history' },
      note: { zh: '须加盖公章', en: 'Sealed by the unit' },
      binding: vol1(12),
      quote: '从事工程技术、工程技术管理工作的经历 1 份，并加盖公章',
    }),
    oneCopy('002 附件4 二 10', {
      id: 'work-summary',
      name: { zh: '从事现专业技术职务的专业技术工作总结', en: 'Summary of professional work' },
      binding: vol1(14),
      quote: '从事现专业技术职务的专业技术工作总结 1 份',
    }),
    {
      ...paper,
      id: 'term-assessment',
      name: { zh: '任期考核材料（至少近三年来年度考核材料）', en: 'Term assessments (at least the last three years)' },
      requirement: 'required',
      copies: { count: 1, cite: '002 附件4 二 11', quote: '1 套' },
      original: { mode: 'none' },
      binding: vol1(13),
      cite: '002 附件4 二 11',
      quote: '任期考核材料（至少近三年来年度考核材料）1 套',
    },
    {
      ...paper,
      id: 'works-copies',
      name: {
        zh: '任现职以来的有关著作、论文、项目可行性研究设计报告、成果鉴定材料复印件',
        en: 'Copies of works, papers, feasibility reports and appraisals since the current title',
      },
      requirement: 'required',
      copies: { count: 1, cite: '002 附件4 二 12', quote: '成果鉴定材料复印件 1 套' },
      original: verifyOriginal,
      note: {
        zh: '论文复印件须含杂志或著作封面、刊号、目录及所写文章；项目可行性研究设计报告须提供本人执笔依据；代表作复印件另列，不装订',
        en: 'Paper copies show cover, serial number, contents and the article; feasibility reports need proof of authorship; the representative work copy is listed apart and not bound',
      },
      binding: scoreEvidence,
      cite: '002 附件4 二 12',
      quote: '任现职以来的有关著作、论文、项目可行性研究设计报告、成果鉴定材料复印件 1 套',
    },
    {
      ...paper,
      id: 'representative-work-original',
      name: { zh: '代表作原件', en: 'Representative work (original)' },
      requirement: 'required',
      copies: { count: 1, cite: '002 附件4 二 12', quote: '提供代表作原件 1 份' },
      original: { mode: 'submit', cite: '002 附件4 二 12', quote: '需确定一篇代表作，并提供代表作原件 1 份' },
      binding: notBound('原件不装订', 'Originals are not bound', '002 附件4 三', BINDING_EXCLUSION_QUOTE),
      cite: '002 附件4 二 12',
      quote: '需确定一篇代表作，并提供代表作原件 1 份',
    },
    {
      ...paper,
      id: 'representative-work-copy',
      name: { zh: '代表作复印件', en: 'Representative work (copy)' },
      requirement: 'required',
      copies: { count: 1, cite: '002 附件4 二 12' },
      original: { mode: 'none' },
      binding: notBound('代表作复印件不装订', 'The copy of the representative work is not bound', '002 附件4 三', BINDING_EXCLUSION_QUOTE),
      cite: '002 附件4 三',
      quote: '代表作复印件',
    },
    {
      ...paper,
      id: 'post-information-form',
      name: { zh: '《事业单位人员职称申报岗位信息表》', en: 'Public-institution post information form' },
      requirement: 'conditional',
      condition: { field: 'unitNature', op: 'in', value: [...P4_PUBLIC_INSTITUTION_NATURES] },
      conditionText: { zh: '事业单位申报人员（单位性质为四类事业之一）', en: 'Applicants from public institutions (one of the four public-institution natures)' },
      copies: { count: 1, cite: '002 附件4 二 13' },
      original: { mode: 'none' },
      note: { zh: '由所在单位及主管部门填写意见并盖章', en: 'With opinions and seals of the unit and its department' },
      binding: vol1(10),
      cite: '002 附件4 二 13',
      quote: '事业单位申报人员需提供《事业单位人员职称申报岗位信息表》1 份，由所在单位及主管部门填写意见并盖章',
    },
    {
      ...paper,
      id: 'score-sheet',
      name: { zh: '《评审打分表》', en: 'Score sheet' },
      requirement: 'required',
      copies: { count: 3, cite: '002 附件4 二 14', quote: '一式 3 份' },
      original: { mode: 'none' },
      note: {
        zh: '附件4 三 称《评审评分表》，同一表格；市、省直单位人事职改部门审核自评分，严重高估的退回',
        en: 'Called the review score sheet in annex 4 (3): the same sheet; grossly over-scored files are returned',
      },
      binding: [
        { kind: 'volume', volume: 2, position: 1, copies: 1 },
        {
          kind: 'never-bound',
          copies: 2,
          reason: { zh: '另 2 份不要装订', en: 'The other two copies stay loose' },
          cite: '002 附件4 二 14',
          quote: '1 份装订进第二册内，另 2 份不要装订',
        },
      ],
      cite: '002 附件4 二 14',
      quote: '信息技术专业申报人员需填写《评审打分表》一式 3 份（1 份装订进第二册内，另 2 份不要装订）',
    },
    scoreProof({
      id: 'enterprise-grade-proof',
      name: { zh: '企业等级证明（上一年度经审计的审计报告）', en: 'Enterprise grade proof (last audited report)' },
      condition: { field: 'unitNature', op: 'in', value: [...P4_ENTERPRISE_NATURES] },
      conditionText: { zh: '信息技术专业相关企业的申报人员', en: 'Applicants from IT enterprises' },
      quote: '信息技术专业相关企业的申报人员需提供企业等级证明（上一年度经审计的审计报告）',
    }),
    scoreProof({
      id: 'unit-appointment-document',
      name: { zh: '单位正式任命文件', en: 'Formal appointment as technical lead' },
      condition: { field: 'isUnitTechnicalLead', op: 'eq', value: true },
      conditionText: { zh: '单位技术负责人', en: 'Technical lead of the unit' },
      quote: '单位技术负责人需提供单位正式任命文件',
    }),
    scoreProof({
      id: 'project-lead-documents',
      name: { zh: '项目文件及项目负责人的正式任命文件', en: 'Project documents and appointment as project lead' },
      condition: { field: 'isProjectTechnicalLead', op: 'eq', value: true },
      conditionText: { zh: '产品或项目技术负责人', en: 'Technical lead of a product or project' },
      quote: '产品或项目技术负责人需提供项目文件及项目负责人的正式任命文件',
    }),
  ],
  binding: {
    paper: { size: 'A4', cite: '002 附件4 三', quote: '装订时用A4纸规格' },
    volumes: [
      {
        volume: 1,
        title: { zh: '第一册', en: 'Volume 1' },
        tableOfContents: true,
        contents: {
          zh: '专业技术职务任职资格评审材料真实性保证书、申报材料公示确认表、身份证、学历证书、学位证书、学历认证材料、现任专业技术职务任职资格证书、聘任证书、近三年省外缴纳社保的相关证明（仅省外缴纳社保的申报人员需提供）、事业单位岗位信息表、继续教育证明等复印件，技术工作经历，任期考核、专业技术工作总结等材料',
          en: 'Pledge, publicity confirmation, ID, diploma, degree, verification, title and appointment certificates, out-of-province insurance proof (if any), post form, education record, work history, term assessments, work summary',
        },
        cite: '002 附件4 三',
        quote: '第一册：专业技术职务任职资格评审材料真实性保证书、申报材料公示确认表、身份证、学历证书、学位证书、学历认证材料',
      },
      {
        volume: 2,
        title: { zh: '第二册', en: 'Volume 2' },
        tableOfContents: true,
        contents: {
          zh: '《评审评分表》、评分有关的证明材料按评分表内容顺序装订',
          en: 'The score sheet, then the evidence in the order of the sheet',
        },
        split: { pattern: '第二册（{n}）', cite: '002 附件4 三', quote: '如第二册材料多，可按顺序分装为第二册（一）、第二册（二）' },
        evidenceLabelled: { cite: '002 附件4 三', quote: '证明材料需标注《评审评分表》中证明内容' },
        cite: '002 附件4 三',
        quote: '第二册：申报人员将《评审评分表》、评分有关的证明材料按评分表内容顺序装订成第二册',
      },
    ],
    exclusions: [
      {
        id: 'review-form',
        text: { zh: '《专业技术职务任职资格评审表》', en: 'The review form' },
        cite: '002 附件4 三',
        quote: BINDING_EXCLUSION_QUOTE,
      },
      {
        id: 'summary-form',
        text: { zh: '《推荐高级工程师职务任职资格人员情况综合表》', en: 'The summary form' },
        cite: '002 附件4 三',
        quote: BINDING_EXCLUSION_QUOTE,
      },
      {
        id: 'unbindable-books',
        text: { zh: '规定不装订和不便装订的书', en: 'Books not to be bound or too thick to bind' },
        cite: '002 附件4 三',
        quote: BINDING_EXCLUSION_QUOTE,
      },
      { id: 'originals', text: { zh: '原件', en: 'Originals' }, cite: '002 附件4 三', quote: BINDING_EXCLUSION_QUOTE },
      {
        id: 'representative-work-copy',
        text: { zh: '代表作复印件', en: 'The copy of the representative work' },
        cite: '002 附件4 三',
        quote: BINDING_EXCLUSION_QUOTE,
      },
    ],
    container: { name: { zh: '档案袋（盒）', en: 'Archive bag or box' }, cite: '002 附件4 三', quote: '材料均装入档案袋（盒）内' },
    cite: '002 附件4 三',
    quote: '其它材料装订成2册，每册分别编制目录，附在材料前面',
  },
  windows: [],
  education: {
    rule: 'P4_EDUCATION_REQUIREMENT',
    window: 'calendar-years',
    formTable: { field: 'continuingEducation', hoursColumn: 'hours' },
    roundYears: {
      from: 2018,
      to: 2018,
      reading: {
        zh: '“自 2018 年起”每年度核查；材料 2019 年 9 月 30 日截止，2019 年尚未满一年，故本轮核查 2018 年',
        en: 'Every year "from 2018"; materials close on 2019-09-30, before 2019 is complete, so this round judges 2018',
      },
      cite: '002 六(三)',
      quote: '自 2018 年起，申报对象每年度参加继续教育不得少于 90 学时',
    },
    kinds: 'all',
    cite: '002 六(三)',
    quote: '自 2018 年起，申报对象每年度参加继续教育不得少于 90 学时',
  },
  photoRule: 'P4_PHOTO_REQUIREMENT',
  thresholds: [
    {
      id: 'education-yearly',
      label: { zh: '每年度继续教育学时', en: 'Continuing education per year' },
      subject: 'applicant',
      comparison: 'gte',
      value: P4_EDUCATION_REQUIREMENT.minHoursPerYear,
      unit: '学时',
      binding: 'requirement',
      rule: 'P4_EDUCATION_REQUIREMENT.minHoursPerYear',
      cite: '002 六(三)',
      quote: '每年度参加继续教育不得少于 90 学时',
    },
    {
      id: 'education-professional',
      label: { zh: '每年度专业科目学时', en: 'Professional subjects per year' },
      subject: 'applicant',
      comparison: 'gte',
      value: educationLimit('professional'),
      unit: '学时',
      binding: 'requirement',
      rule: 'P4_EDUCATION_REQUIREMENT.categoryLimits.professional',
      cite: '002 六(三)',
      quote: '其中专业科目不少于 60 学时',
    },
    {
      id: 'education-public',
      label: { zh: '每年度行业公需和一般公需科目学时', en: 'Public subjects per year' },
      subject: 'applicant',
      comparison: 'gte',
      value: educationLimit('public'),
      unit: '学时',
      binding: 'requirement',
      rule: 'P4_EDUCATION_REQUIREMENT.categoryLimits.public',
      cite: '002 六(三)',
      quote: '行业公需和一般公需科目不少于 18 学时',
    },
    {
      id: 'photo-min-width',
      label: { zh: '照片宽度不小于', en: 'Photo width at least' },
      subject: 'photo',
      comparison: 'gte',
      value: P4_PHOTO_REQUIREMENT.minWidth,
      unit: '像素',
      binding: 'requirement',
      rule: 'P4_PHOTO_REQUIREMENT.minWidth',
      cite: '002 附件2 二',
      quote: '不小于 200×280 像素',
    },
    {
      id: 'photo-max-width',
      label: { zh: '照片宽度不大于', en: 'Photo width at most' },
      subject: 'photo',
      comparison: 'lte',
      value: P4_PHOTO_REQUIREMENT.maxWidth,
      unit: '像素',
      binding: 'requirement',
      rule: 'P4_PHOTO_REQUIREMENT.maxWidth',
      cite: '002 附件2 二',
      quote: '不大于 300×420 像素',
    },
    {
      id: 'photo-min-height',
      label: { zh: '照片高度不小于', en: 'Photo height at least' },
      subject: 'photo',
      comparison: 'gte',
      value: P4_PHOTO_REQUIREMENT.minHeight,
      unit: '像素',
      binding: 'requirement',
      rule: 'P4_PHOTO_REQUIREMENT.minHeight',
      cite: '002 附件2 二',
      quote: '不小于 200×280 像素',
    },
    {
      id: 'photo-max-height',
      label: { zh: '照片高度不大于', en: 'Photo height at most' },
      subject: 'photo',
      comparison: 'lte',
      value: P4_PHOTO_REQUIREMENT.maxHeight,
      unit: '像素',
      binding: 'requirement',
      rule: 'P4_PHOTO_REQUIREMENT.maxHeight',
      cite: '002 附件2 二',
      quote: '不大于 300×420 像素',
    },
    {
      id: 'photo-max-size',
      label: { zh: '照片文件大小不超过', en: 'Photo file size at most' },
      subject: 'photo',
      comparison: 'lte',
      value: P4_PHOTO_REQUIREMENT.maxBytes / 1024,
      unit: 'KB',
      binding: 'requirement',
      rule: 'P4_PHOTO_REQUIREMENT.maxBytes',
      cite: '002 附件2 二',
      quote: '照片文件大小不超过 50KB',
    },
  ],
  publicity: [
    {
      id: 'unit',
      names: { zh: '单位内公示', en: 'Publicity within the unit' },
      length: 5,
      unit: 'working-days',
      atLeast: true,
      by: { zh: '申报对象所在单位', en: "The applicant's unit" },
      where: { zh: '所在单位范围内', en: 'Within the unit' },
      cite: '002 四(三)',
      quote: '应在所在单位范围内进行公示，公示时间一般不少于 5 个工作日',
    },
    {
      id: 'board',
      names: { zh: '评审前公示（高评委办公室）', en: 'Pre-review publicity by the board office' },
      length: 5,
      unit: 'working-days',
      atLeast: false,
      by: { zh: '高评委办公室', en: 'The review board office' },
      where: { zh: '浙江省软件行业协会网站', en: 'Zhejiang Software Industry Association website' },
      cite: '002 四(三)',
      quote: '高评委办公室在评审前，将评审对象基本情况和资格审查情况在浙江省软件行业协会网站上公示 5 个工作日',
    },
  ],
  timeLimits: [
    {
      id: 'fraud-ban',
      names: { zh: '弄虚作假者不得申报高一级资格的期限', en: 'Ban after fraud' },
      length: 3,
      unit: 'years',
      from: { zh: '评审次年起', en: 'From the year after the review' },
      cite: '002 五',
      quote: '从评审次年起3年内不得申报高一级专业技术职务任职资格',
    },
    {
      id: 'pension-lookback',
      names: { zh: '社保缴纳审核期间（近三年）', en: 'Social insurance look-back' },
      length: 3,
      unit: 'years',
      from: { zh: '申报时往前计算', en: 'Counted back from the application' },
      cite: '002 六(五)',
      quote: '负责审核各辖区内申报人员近三年社保缴纳情况',
    },
  ],
  keyDates: [
    {
      id: 'materials-deadline',
      names: { zh: '接收材料截止时间', en: 'Materials deadline' },
      date: '2019-09-30',
      cite: '002 附件1',
      quote: '2019 年 9 月 30 日',
    },
    {
      id: 'review-period',
      names: { zh: '评审时间（2019 年 11–12 月）', en: 'Review (Nov–Dec 2019)' },
      month: '2019-11',
      approximate: { zh: '2019 年 11–12 月', en: 'November to December 2019' },
      cite: '002 附件1',
      quote: '2019 年 11-12 月',
    },
    {
      id: 'title-time-counted-to',
      names: { zh: '现职任职时间计算截止日', en: 'Time in current title counted to' },
      date: '2019-12-31',
      cite: '002 四(一)',
      quote: '申报对象的现职专业技术职务任职时间计算到 2019 年 12 月 31 日',
    },
    {
      id: 'work-years-counted-to',
      names: { zh: '专业工作年限计算截止日', en: 'Years of engineering work counted to' },
      date: '2019-12-31',
      cite: '002 附件4 四 8',
      quote: '计算到2019年12月31日',
    },
    {
      id: 'education-from',
      names: { zh: '继续教育学时要求起始年度', en: 'Continuing education counted from' },
      date: '2018-01-01',
      cite: '002 六(三)',
      quote: '自 2018 年起',
    },
    {
      id: 'education-verification-from',
      names: { zh: '须学历认证的国内学历取得时间（2001 年以后）', en: 'Domestic degrees needing verification (from 2001)' },
      month: '2001-01',
      approximate: { zh: '“2001 年以后”按含 2001 年理解', en: '"after 2001" read as from 2001 on' },
      cite: '002 六(四)',
      quote: '对 2001 年以后取得的国内大专及以上学历',
    },
  ],
  scoring: {
    names: { zh: '《评审打分表》（自评分）', en: 'Score sheet (self-score)' },
    // The seed names the standard but not its items: the sheet's items are a parameter.
    dimensions: [],
    itemsFrom: {
      source: {
        zh: '《信息技术专业高级工程师任职资格量化评价标准》（2018 年修订，见浙江省软件行业协会网站）；评分项待导入',
        en: 'The quantitative standard (revised 2018, on the association website); items to be imported',
      },
      cite: '002 二',
      quote: '《信息技术专业高级工程师任职资格量化评价标准》于2018年作了部分修订',
    },
    passScore: {
      value: P4_SELF_SCORE_REQUIREMENT.passScore,
      rule: 'P4_SELF_SCORE_REQUIREMENT',
      cite: '002 二',
      quote: '自评分达到80分以上人员',
    },
    evidenceRequired: { cite: '002 四(二)', quote: '无证明材料的不予评分' },
    finalBy: {
      id: 'experts',
      text: { zh: '最终分值由高评委专家确认', en: 'The board experts fix the final score' },
      cite: '002 四(二)',
      quote: '最终分值由高评委专家确认',
    },
    cite: '002 附件4 二 14',
    quote: '信息技术专业申报人员需填写《评审打分表》一式 3 份',
  },
  panel: {
    names: { zh: '高评委评审', en: 'Senior title review board' },
    stages: [
      {
        stage: 'panel',
        names: { zh: '高评委评审', en: 'Board review' },
        sheet: { kind: 'self-score', cite: '002 四(二)', quote: '无证明材料的不予评分，最终分值由高评委专家确认' },
        score: {
          method: 'mean',
          cite: '002 四(二)',
          quote: '最终分值由高评委专家确认',
          reading: {
            zh: '评委逐项确认自评分（无证明材料的不予评分），最终分值取各位评委确认总分的平均分；是否通过由投票决定',
            en: 'Each member confirms the self-score item by item; the final score is the mean of their totals; the vote decides',
          },
        },
        ballot: {
          quorum: {
            numerator: 2,
            denominator: 3,
            comparison: 'at-least',
            regulation: { id: 'mohrss-order-40', words: '出席评审会议的专家人数应当不少于职称评审委员会人数的2/3' },
          },
          majority: {
            numerator: 2,
            denominator: 3,
            comparison: 'at-least',
            regulation: { id: 'mohrss-order-40', words: '同意票数达到出席评审会议的评审专家总数2/3以上的即为评审通过' },
          },
          secret: true,
          regulation: { id: 'mohrss-order-40', words: '通过无记名投票表决' },
          reading: {
            zh: '须回避的评委不参加对该申报人的表决，也不计入该申报人的出席人数；未出席的评委不能委托投票',
            en: 'A recused member neither votes on nor counts as present for that applicant; absent members cannot vote by proxy',
          },
        },
        cite: '002 四(二)',
        quote: '最终分值由高评委专家确认',
      },
    ],
    recusal: {
      unitFields: ['employer'],
      regulation: { id: 'mohrss-order-40' },
      reading: {
        zh: '人社部令第40号要求与申报人有利害关系的评审专家回避；本程序包的理解：评委所在单位与申报人所在单位或推荐单位相同的自动回避，其他情形由评委本人申请或高评委决定回避，须写明理由',
        en: 'MOHRSS Order 40: an expert with an interest withdraws; read as automatic for the applicant’s unit, otherwise declared or decided with a reason',
      },
    },
    othersScores: {
      visible: 'after-submit',
      basis: {
        zh: '独立评分：评委提交本人评分表后，才能看到其他评委的评分',
        en: 'Independent scoring: a member sees the others’ scores only after submitting their own',
      },
    },
    cite: '002 四(二)',
    quote: '最终分值由高评委专家确认',
  },
  imports: [
    {
      // The unit's Excel roster (附件4 一 2), columns as shared/documents/xlsx/zj-roster writes them.
      kind: 'roster',
      names: { zh: '《推荐高级工程师职务任职资格人员花名册》', en: 'Roster of recommended candidates' },
      creates: 'applications',
      applicationKind: 'new',
      cite: '002 附件4 一 2',
      quote: '《推荐高级工程师职务任职资格人员花名册》1 份，同时提供 Excel 格式电子文档',
      columns: [
        { target: 'rowNo' },
        { target: 'name' },
        { target: 'sex' },
        { target: 'birthMonth' },
        { target: 'idNumber' },
        { target: 'employer' },
        // The seed itself writes both 其它类 and 其他类 (附件4 四 3).
        { target: 'unitNature', values: { 其他类企业: '其它类企业', 其他企业: '其它类企业' }, cite: '002 附件4 四 3', quote: '如确要填其他类' },
        { target: 'supervisingDepartment' },
        { target: 'specialty', headers: ['现从事专业', '从事专业栏'] },
        { target: 'highestEducation', headers: ['学历', '最高学历'] },
        { target: 'graduatedFrom', headers: ['毕业院校及专业', '毕业院校', '毕业学校及专业', '毕业学校'] },
        { target: 'educationObtainedOn', headers: ['毕业时间', '毕业年月'] },
        { target: 'currentTitle', headers: ['现任资格', '现任专业技术职务', '现任专业技术资格', '现专业技术职务任职资格'] },
        { target: 'currentTitleObtainedOn', headers: ['现任资格取得时间', '资格取得时间'] },
        { target: 'appointedOn', headers: ['聘任时间', '现职聘任时间'] },
        { target: 'engineeringWorkYears', headers: ['专业工作年限', '专业技术工作年限', '工作年限'] },
        {
          target: 'annualAssessments',
          headers: ['单位考核', '单位考核情况', '年度考核', '年度考核情况', '考核情况', '考核结果', '考核', '任期考核'],
          perYear: { yearColumn: 'year', resultColumn: 'result' },
          cite: '002 附件4 四 9',
          quote: '“综合表”、“花名册”需逐年填写考核结果',
        },
        { target: 'selfScore', headers: ['自评分', '自评分数', '自评得分'], cite: '002 附件4 四 10' },
        { target: 'remarks' },
      ],
    },
  ],
  documents: [
    {
      id: 'roster',
      kind: 'roster',
      names: { zh: '《推荐高级工程师职务任职资格人员花名册》', en: 'Roster of recommended candidates' },
      layout: 'zj-it-senior-roster',
      // Those recommended: a file returned to its unit or withdrawn for fraud (002 五) is not.
      excludeStates: ['returned', 'withdrawn-fraud'],
      note: { zh: '同时提供 Excel 格式；注明自评分数；出生年月等按××××年××月', en: 'Also as Excel; shows the self-score; months as year and month' },
      cite: '002 附件4 一 2',
      quote: '《推荐高级工程师职务任职资格人员花名册》1 份，同时提供 Excel 格式电子文档',
    },
    {
      id: 'summary-form',
      kind: 'form',
      names: { zh: '《推荐高级工程师职务任职资格人员情况综合表》', en: 'Candidate summary form' },
      layout: 'zj-it-senior-summary-form',
      cite: '002 附件4 二 3',
    },
    {
      id: 'review-form',
      kind: 'form',
      names: { zh: '《专业技术职务任职资格评审表》', en: 'Professional title review form' },
      layout: 'zj-it-senior-review-form',
      cite: '002 附件4 二 2',
    },
    {
      id: 'score-sheet',
      kind: 'form',
      names: { zh: '《评审打分表》', en: 'Score sheet' },
      layout: 'zj-it-senior-score-sheet',
      cite: '002 附件4 二 14',
    },
    {
      id: 'material-list',
      kind: 'form',
      names: { zh: '评审人员材料清单', en: 'List of materials' },
      layout: 'zj-it-senior-material-list',
      cite: '002 附件4 二 1',
    },
    {
      id: 'volume-contents',
      kind: 'table-of-contents',
      names: { zh: '第一册、第二册目录', en: 'Tables of contents of volumes 1 and 2' },
      layout: 'zj-it-senior-volume-contents',
      cite: '002 附件4 三',
      quote: '每册分别编制目录，附在材料前面',
    },
    {
      id: 'board-publicity',
      kind: 'notice',
      names: { zh: '评审对象基本情况和资格审查情况公示', en: 'Pre-review publicity list' },
      layout: 'zj-it-senior-publicity',
      cite: '002 四(三)',
      quote: '将评审对象基本情况和资格审查情况在浙江省软件行业协会网站上公示',
    },
    {
      id: 'return-notice',
      kind: 'notice',
      names: { zh: '退回通知（反馈下一级报送单位和申报对象）', en: 'Return notice to the level below' },
      layout: 'return-notice',
      cite: '002 附件3 三',
      quote: '对不符合报送程序 and 要求的电子材料一律退回处理,并及时反馈下一级报送单位和申报对象',
    },
    {
      id: 'certificate',
      kind: 'certificate',
      names: { zh: '高级工程师职务任职资格证书', en: 'Senior engineer qualification certificate' },
      layout: 'zj-it-senior-certificate',
      note: { zh: '“专业名称”栏与从事专业一致；身份证号码为识别字段', en: 'Specialty as declared; ID number is the identity key' },
      cite: '002 附件4 四 5',
      quote: '通过后与资格证书上“专业名称”栏对应',
    },
  ],
  // 002 五: the finding of fraud (state withdrawn-fraud) bars the same 身份证号 for three years.
  lifecycle: {
    fraudBan: {
      states: ['withdrawn-fraud'],
      years: { value: 3, cite: '002 五', quote: '从评审次年起3年内不得申报高一级专业技术职务任职资格' },
      blocksKinds: ['new'],
      cite: '002 五',
      quote: '对在申报过程中有弄虚作假行为的申报对象,其申报材料一律予以退回',
    },
  },
  workflows: {
    new: (() => {
      const intake = intakeLoop(['高评委办公室已收件，待审核', 'Received by the board office']);
      return {
        id: 'zj-it-senior.new',
        name: { zh: '信息技术专业高级工程师职务任职资格评审', en: 'Senior engineer title review' },
        states: [
          ...intake.states,
          state('board-publicity', '评审前公示中', 'Pre-review publicity', 'waiting', 'publicity'),
          state('panel', '高评委评审', 'Board review', 'active', 'panel'),
          state('qualified', '评审通过', 'Qualified', 'final'),
          state('not-passed', '评审未通过', 'Not passed', 'final'),
          state('withdrawn-fraud', '弄虚作假，材料退回', 'Returned for fraud', 'final'),
        ],
        transitions: [
          ...intake.transitions,
          // 附件3: every level below has passed the file; 二: 1986 route or self-score ≥ 80.
          transition('pass-check', 'received', 'board-publicity', ['资格审查通过，进入公示', 'Passes the check, to publicity'], CLERK, [
            ...MATERIALS_OK,
            { kind: 'eligibility-met' },
            { kind: 'routing-level-opinion' },
          ]),
          // 四(三): 评审前…公示 5 个工作日.
          transition('end-publicity', 'board-publicity', 'panel', ['公示期满无异议', 'Publicity over'], CLERK, [
            { kind: 'publicity-over' },
            { kind: 'no-open-objection' },
          ]),
          transition('objection-upheld', 'board-publicity', 'not-passed', ['公示异议成立', 'Objection upheld'], ['admin'], [], [
            'reason',
            'decision',
          ]),
          // 四(二): 最终分值由高评委专家确认; the vote (人社部令第40号) decides — the signed result, carried.
          transition('panel-pass', 'panel', 'qualified', ['高评委评审通过', 'Board approves'], PANEL_STEP, [panelResult('panel', 'pass')], []),
          transition('panel-fail', 'panel', 'not-passed', ['高评委评审未通过', 'Board refuses'], PANEL_STEP, [panelResult('panel', 'fail')], []),
          // 五: 弄虚作假 → 申报材料一律予以退回, 3-year ban.
          transition(
            'fraud',
            ['received', 'board-publicity', 'panel'],
            'withdrawn-fraud',
            ['认定弄虚作假，退回材料', 'Fraud: return the file'],
            ['admin'],
            [],
            ['reason', 'decision'],
          ),
        ],
        publicity: { length: 5, unit: 'working-days' },
      };
    })(),
  },
} satisfies ProgramPackInput;
