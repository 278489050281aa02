/**
 * P5 `rk-registration` — 计算机技术与软件专业技术资格（水平）证书登记, seed 003.
 *
 * Seed 003 holds two notices of 2004-12-16 and the registration form: 信办人[2004]47号 (the
 * registration itself) and 信办人[2004]48号 (continuing education). Cites name the notice:
 * '003 47号 三' is 47号 point 三; '003 48号 四' is 48号 point 四; '003 附件' is the 登记申请表.
 *
 * Certificates obtained from 2004-01-01 are valid three years and must be registered in the three
 * months before expiry (47号 三); the office decides within 15 working days of accepting (七).
 * Deferral of at most one year on the listed grounds (八; 48号 六 for the education duty);
 * cancellation on the grounds of 十, appealable within 30 days to the national office (十一).
 */
import { P5_EDUCATION_REQUIREMENT } from '../rules/education';
import {
  RK_APPEAL_DAYS,
  RK_DECISION_WORKING_DAYS,
  RK_MAX_DEFERRAL_YEARS,
  RK_REGISTRATION_WINDOW_MONTHS,
  RK_VALIDITY_YEARS,
} from '../rules/validity';
import { idNumberField } from './field-parts';
import type { ProgramPackInput } from './schema';
import { ADMIN, PRINTABLE, reviewWorkflow, state, transition } from './workflow-parts';

type Kinds = ('new' | 'renewal')[];
type Ground = NonNullable<NonNullable<ProgramPackInput['lifecycle']>['deferral']>['grounds'][number];

/** 003 47号 八: the four grounds for 延期登记, stored as codes. */
const DEFERRAL_GROUNDS: Ground[] = [
  { code: 'abroad', names: { zh: '年度内在境外学习或工作超过六个月', en: 'Abroad for study or work more than six months in the year' }, cite: '003 47号 八', quote: '年度内在境外学习或工作超过六个月的' },
  { code: 'sick-leave', names: { zh: '年度内病假超过六个月', en: 'Sick leave of more than six months in the year' }, cite: '003 47号 八', quote: '年度内病假超过六个月的' },
  { code: 'childbirth', names: { zh: '生育', en: 'Childbirth' }, cite: '003 47号 八', quote: '（三） 生育' },
  {
    code: 'other-approved',
    names: { zh: '经各地省、自治区、直辖市信息产业主管部门同意的其他情况', en: 'Another ground approved by the provincial authority' },
    requiresNote: true,
    cite: '003 47号 八',
    quote: '经各地省、自治区、直辖市信息产业主管部门同意的其他情况',
  },
];

/** 003 48号 六: the four grounds for deferring the continuing-education duty. */
const EDUCATION_DEFERRAL_GROUNDS: Ground[] = [
  { code: 'abroad', names: { zh: '年度内在境外工作超过六个月', en: 'Working abroad more than six months in the year' }, cite: '003 48号 六', quote: '年度内在境外工作超过六个月的' },
  { code: 'sick-leave', names: { zh: '年度内病假超过六个月', en: 'Sick leave of more than six months in the year' }, cite: '003 48号 六', quote: '（二）年度内病假超过六个月的' },
  { code: 'childbirth', names: { zh: '生育', en: 'Childbirth' }, cite: '003 48号 六', quote: '（三）生育' },
  {
    code: 'other-approved',
    names: { zh: '省、自治区、直辖市信息产业主管部门同意的其他情形', en: 'Another ground approved by the provincial authority' },
    requiresNote: true,
    cite: '003 48号 六',
    quote: '省、自治区、直辖市信息产业主管部门同意的其他情形',
  },
];

/** 003 47号 十: the five grounds for 注销登记. */
const CANCELLATION_GROUNDS: Ground[] = [
  { code: 'incapacity', names: { zh: '完全丧失民事行为能力', en: 'Complete loss of civil capacity' }, cite: '003 47号 十', quote: '完全丧失民事行为能力' },
  { code: 'criminal-penalty', names: { zh: '受到刑事处罚', en: 'Criminal penalty' }, cite: '003 47号 十', quote: '受到刑事处罚' },
  { code: 'off-post', names: { zh: '脱离专业技术岗位连续二年以上', en: 'Away from a professional post two consecutive years or more' }, cite: '003 47号 十', quote: '脱离专业技术岗位连续二年以上' },
  { code: 'major-loss', names: { zh: '因工作中的失误造成重大损失', en: 'Major loss through a fault at work' }, cite: '003 47号 十', quote: '因工作中的失误造成重大损失' },
  {
    code: 'registration-fraud',
    names: {
      zh: '申请证书登记的人员在申请登记过程中有弄虚作假行为，并经当地省、自治区、直辖市信息产业主管部门调查核实的',
      en: 'Fraud in the registration, investigated and confirmed by the provincial authority',
    },
    cite: '003 47号 十',
    quote: '申请证书登记的人员在申请登记过程中有弄虚作假行为，并经当地省、自治区、直辖市信息产业主管部门调查核实的',
  },
];

/**
 * 专业类别 and 资格名称 (the 登记申请表's first two blanks, 003 附件). Seed 003 leaves them blank and
 * names no list; these are the official 资格设置 of the 计算机技术与软件专业技术资格（水平）考试
 * (人发〔2003〕39号 and the qualifications the national exam office has added since), five
 * categories by three levels. The 高级 qualifications are common to every category. The stored
 * value is the name as the certificate prints it; the option shows the level beside it.
 */
const RK_SPECIALTY_CATEGORIES: readonly { zh: string; en: string }[] = [
  { zh: '计算机软件', en: 'Computer software' },
  { zh: '计算机网络', en: 'Computer networks' },
  { zh: '计算机应用技术', en: 'Computer application technology' },
  { zh: '信息系统', en: 'Information systems' },
  { zh: '信息服务', en: 'Information services' },
];

type RkLevel = 'senior' | 'intermediate' | 'junior';
const RK_LEVEL_NAMES: Readonly<Record<RkLevel, { zh: string; en: string }>> = {
  senior: { zh: '高级', en: 'senior' },
  intermediate: { zh: '中级', en: 'intermediate' },
  junior: { zh: '初级', en: 'junior' },
};

/** The official 软考 资格名称 by level (not in seed 003: see above). */
const RK_QUALIFICATIONS: readonly { zh: string; en: string; level: RkLevel }[] = [
  // 高级资格 (all categories)
  { zh: '信息系统项目管理师', en: 'Information Systems Project Manager', level: 'senior' },
  { zh: '系统分析师', en: 'Systems Analyst', level: 'senior' },
  { zh: '系统架构设计师', en: 'System Architect', level: 'senior' },
  { zh: '网络规划设计师', en: 'Network Planning Designer', level: 'senior' },
  { zh: '系统规划与管理师', en: 'IT Service Planning and Management Specialist', level: 'senior' },
  // 中级资格: 计算机软件
  { zh: '软件评测师', en: 'Software Testing Engineer', level: 'intermediate' },
  { zh: '软件设计师', en: 'Software Designer', level: 'intermediate' },
  { zh: '软件过程能力评估师', en: 'Software Process Capability Assessor', level: 'intermediate' },
  // 中级资格: 计算机网络
  { zh: '网络工程师', en: 'Network Engineer', level: 'intermediate' },
  // 中级资格: 计算机应用技术
  { zh: '多媒体应用设计师', en: 'Multimedia Application Designer', level: 'intermediate' },
  { zh: '嵌入式系统设计师', en: 'Embedded Systems Designer', level: 'intermediate' },
  { zh: '计算机辅助设计师', en: 'Computer-Aided Design Engineer', level: 'intermediate' },
  { zh: '电子商务设计师', en: 'E-commerce Designer', level: 'intermediate' },
  // 中级资格: 信息系统
  { zh: '系统集成项目管理工程师', en: 'Systems Integration Project Management Engineer', level: 'intermediate' },
  { zh: '信息系统监理师', en: 'Information Systems Supervisor', level: 'intermediate' },
  { zh: '信息安全工程师', en: 'Information Security Engineer', level: 'intermediate' },
  { zh: '数据库系统工程师', en: 'Database Systems Engineer', level: 'intermediate' },
  { zh: '信息系统管理工程师', en: 'Information Systems Management Engineer', level: 'intermediate' },
  // 中级资格: 信息服务
  { zh: '计算机硬件工程师', en: 'Computer Hardware Engineer', level: 'intermediate' },
  { zh: '信息技术支持工程师', en: 'IT Support Engineer', level: 'intermediate' },
  // 初级资格
  { zh: '程序员', en: 'Programmer', level: 'junior' },
  { zh: '网络管理员', en: 'Network Administrator', level: 'junior' },
  { zh: '多媒体应用制作技术员', en: 'Multimedia Production Technician', level: 'junior' },
  { zh: '电子商务技术员', en: 'E-commerce Technician', level: 'junior' },
  { zh: '信息系统运行管理员', en: 'Information Systems Operations Administrator', level: 'junior' },
  { zh: '网页制作员', en: 'Web Page Designer', level: 'junior' },
  { zh: '信息处理技术员', en: 'Information Processing Technician', level: 'junior' },
];

/** The form stores a ground's code; the option shows its name (the closed list is the pack's lifecycle). */
const groundOptions = (grounds: readonly Ground[], noteField: string) =>
  grounds.map((g) => ({ value: g.code, label: g.names, cite: g.cite, ...(g.requiresNote ? { requiresRemark: noteField } : {}) }));

/** The 登记申请表 is filled for a registration, first or again. */
const REGISTRATION: Kinds = ['new', 'renewal'];

const paperCommon = { scope: 'application', medium: 'paper', stage: 'submission' } as const;

/** The study modes of 003 48号 五 in English (the stored value stays the seed's word). */
const P5_MODES_EN: Readonly<Record<string, string>> = { 脱产: 'Full-time (released)', 半脱产: 'Part-time (released)', 业余: 'Spare time', 在岗: 'On the job' };

export const rkRegistrationPack = {
  id: 'rk-registration',
  seed: '003',
  names: {
    zh: '计算机技术与软件专业技术资格（水平）证书登记',
    en: 'Computer technology and software professional qualification certificate registration',
  },
  issuer: {
    names: {
      zh: '证书登记实施机构（各省、自治区、直辖市各设一个；如上海市职业能力考试院信息人才认证中心）',
      en: 'The provincial certificate registration office (e.g. the Shanghai IT talent certification centre)',
    },
    cite: '003 47号 二',
    quote: '证书登记实施机构原则上各省、自治区、直辖市各设一个',
  },
  applicantKind: 'person',
  applicationKinds: [
    {
      id: 'new',
      names: { zh: '证书登记', en: 'Registration' },
      initiatedBy: 'applicant',
      cite: '003 47号 三',
      quote: '在有效期满前三个月内，持证者应到批准的证书登记实施机构办理证书登记手续',
    },
    {
      id: 'renewal',
      names: { zh: '再次登记', en: 'Re-registration' },
      initiatedBy: 'applicant',
      cite: '003 47号 四',
      quote: '再次登记的人员，还应提供接受继续教育或参加业务技术培训（简称继续教育）的证明',
    },
    {
      id: 'deferral',
      names: { zh: '延期登记', en: 'Deferred registration' },
      initiatedBy: 'applicant',
      cite: '003 47号 八',
      quote: '在证书有效期满前，可向证书登记实施机构出示相关证明，申请延期登记（延期时间不得超过一年）',
    },
    {
      id: 'education-deferral',
      names: { zh: '继续教育顺延', en: 'Deferral of continuing education' },
      initiatedBy: 'applicant',
      cite: '003 48号 六',
      quote: '完成继续教育的时间可以顺延，顺延时间最多为一年',
    },
    {
      id: 'cancellation',
      names: { zh: '注销登记', en: 'Cancellation' },
      initiatedBy: 'office',
      cite: '003 47号 十',
      quote: '证书登记实施机构应办理注销登记手续，作废其计算机专业技术资格（水平）证书',
    },
  ],
  eligibility: [
    {
      id: 'holds-certificate',
      text: { zh: '取得计算机专业技术资格（水平）证书', en: 'Holds the certificate' },
      kinds: REGISTRATION,
      cite: '003 47号 四',
      quote: '（一） 取得计算机专业技术资格（水平）证书',
    },
    {
      id: 'conduct',
      text: { zh: '职业行为良好，无犯罪记录', en: 'Good professional conduct, no criminal record' },
      kinds: REGISTRATION,
      cite: '003 47号 四',
      quote: '（二） 职业行为良好，无犯罪记录',
    },
    {
      id: 'health',
      text: { zh: '身体健康，能坚持本专业岗位工作', en: 'In good health and working in the field' },
      kinds: REGISTRATION,
      cite: '003 47号 四',
      quote: '（三） 身体健康，能坚持本专业岗位工作',
    },
    {
      id: 'unit-assessment',
      text: { zh: '所在单位考核合格', en: 'Passed the unit assessment' },
      kinds: REGISTRATION,
      cite: '003 47号 四',
      quote: '（四） 所在单位考核合格',
    },
    {
      id: 'continuing-education',
      text: {
        zh: '完成规定的继续教育任务：三年一个周期累计 180 学时以上，每年不少于 40 学时',
        en: 'Completed continuing education: 180+ hours per three-year cycle, at least 40 a year',
      },
      kinds: REGISTRATION,
      cite: '003 48号 四',
      quote: '必须完成继续教育学时累计数应达到180学时以上，而且每年完成继续教育的学时数不得少于40学时',
    },
    {
      id: 'foreign-nationals',
      text: {
        zh: '境内就业的外籍人员及港、澳、台专业技术人员按相关政策办理',
        en: 'Foreign and HK/Macau/Taiwan holders working in China register under the relevant policies',
      },
      cite: '003 47号 九',
      quote: '可按照相关政策规定和程序办理证书登记手续',
    },
  ],
  fields: [
    // 003 附件 登记申请表, in the form's order.
    {
      id: 'specialtyCategory',
      label: { zh: '专业类别', en: 'Specialty category' },
      type: 'enum',
      required: true,
      kinds: REGISTRATION,
      enum: RK_SPECIALTY_CATEGORIES.map((c) => ({ value: c.zh, label: { zh: c.zh, en: c.en } })),
      cite: '003 附件',
      quote: '专业类别',
    },
    {
      id: 'qualificationName',
      label: { zh: '资格名称', en: 'Qualification' },
      type: 'enum',
      required: true,
      kinds: REGISTRATION,
      enum: RK_QUALIFICATIONS.map((q) => ({
        value: q.zh,
        label: { zh: `${q.zh}（${RK_LEVEL_NAMES[q.level].zh}）`, en: `${q.en} (${RK_LEVEL_NAMES[q.level].en})` },
      })),
      cite: '003 附件',
      quote: '资格名称',
    },
    { id: 'formNo', label: { zh: '登记表编号', en: 'Form number' }, type: 'text', required: false, kinds: REGISTRATION, cite: '003 附件', quote: '登记表编号' },
    { id: 'name', label: { zh: '姓名', en: 'Name' }, type: 'text', required: true, kinds: 'all', cite: '003 附件', quote: '姓名' },
    {
      id: 'sex',
      label: { zh: '性别', en: 'Sex' },
      type: 'enum',
      required: true,
      kinds: REGISTRATION,
      enum: [
        { value: '男', label: { zh: '男', en: 'Male' } },
        { value: '女', label: { zh: '女', en: 'Female' } },
      ],
      cite: '003 附件',
      quote: '性别',
    },
    { id: 'birthMonth', label: { zh: '出生年月', en: 'Month of birth' }, type: 'year-month', validator: 'year-month', required: true, kinds: REGISTRATION, cite: '003 附件', quote: '出生年月' },
    { id: 'photo', label: { zh: '照片', en: 'Photo' }, type: 'photo', required: true, kinds: REGISTRATION, cite: '003 附件', quote: '照片' },
    { id: 'health', label: { zh: '健康状况', en: 'Health' }, type: 'text', required: true, kinds: REGISTRATION, cite: '003 附件', quote: '健康状况' },
    idNumberField({ cite: '003 附件', quote: '身份证号码' }),
    { id: 'certificateNo', label: { zh: '证书编号', en: 'Certificate number' }, type: 'text', required: true, kinds: 'all', cite: '003 附件', quote: '证书编号' },
    { id: 'obtainedOn', label: { zh: '取得时间', en: 'Obtained on' }, type: 'date', validator: 'date', required: true, kinds: 'all', cite: '003 附件', quote: '取得时间' },
    { id: 'address', label: { zh: '联系地址', en: 'Address' }, type: 'text', required: true, kinds: REGISTRATION, cite: '003 附件', quote: '联系地址' },
    { id: 'postalCode', label: { zh: '邮政编码', en: 'Postal code' }, type: 'postal-code', validator: 'postal-code', required: true, kinds: REGISTRATION, cite: '003 附件', quote: '邮政编码' },
    { id: 'employer', label: { zh: '所在单位', en: 'Employer' }, type: 'text', required: true, kinds: REGISTRATION, cite: '003 附件', quote: '所在单位' },
    { id: 'phone', label: { zh: '本人联系电话', en: 'Phone' }, type: 'phone', validator: 'phone', required: true, kinds: REGISTRATION, cite: '003 附件', quote: '本人联系电话' },
    {
      id: 'continuingEducation',
      label: { zh: '参加继续教育情况（附证明件）', en: 'Continuing education (proof attached)' },
      type: 'table',
      required: false,
      requiredWhen: { field: 'applicationKind', op: 'eq', value: 'renewal' },
      kinds: REGISTRATION,
      cite: '003 附件',
      quote: '参加继续教育情况（附证明件）',
      columns: [
        { id: 'date', label: { zh: '日期', en: 'Date' }, type: 'date', validator: 'date', required: true, kinds: 'all', cite: '003 附件', quote: '日期' },
        {
          id: 'mode',
          label: { zh: '方式', en: 'Mode' },
          type: 'enum',
          required: true,
          kinds: 'all',
          enum: (P5_EDUCATION_REQUIREMENT.modes ?? []).map((value) => ({ value, label: { zh: value, en: P5_MODES_EN[value] ?? value } })),
          cite: '003 48号 五',
          quote: '可以参加有关继续教育培训机构组织的脱产、半脱产、业余培训的学习，也可以采取在岗学习的方式',
        },
        { id: 'content', label: { zh: '内容', en: 'Content' }, type: 'text', required: true, kinds: 'all', cite: '003 附件', quote: '内容' },
        {
          id: 'approvedHours',
          label: { zh: '核准的学时数', en: 'Approved hours' },
          type: 'number',
          min: 0,
          required: true,
          kinds: 'all',
          cite: '003 附件',
          quote: '核准的学时数',
        },
      ],
    },
    {
      id: 'unitAssessment',
      label: { zh: '所在单位考核结果', en: 'Unit assessment result' },
      type: 'endorsement',
      required: true,
      kinds: REGISTRATION,
      filledBy: 'unit',
      help: { zh: '年 月 日（盖章）', en: 'Dated and sealed' },
      cite: '003 附件',
      quote: '所在单位考核结果',
    },
    {
      id: 'registrationOpinion',
      label: { zh: '登记实施机构意见', en: 'Registration office opinion' },
      type: 'endorsement',
      required: false,
      kinds: REGISTRATION,
      filledBy: 'office',
      help: { zh: '年 月 日（盖章）', en: 'Dated and sealed' },
      cite: '003 附件',
      quote: '登记实施机构意见',
    },
    { id: 'remarks', label: { zh: '备注', en: 'Remarks' }, type: 'textarea', required: false, kinds: REGISTRATION, cite: '003 附件', quote: '备注' },
    { id: 'signature', label: { zh: '本人签字', en: 'Signature' }, type: 'signature', required: true, kinds: REGISTRATION, cite: '003 附件', quote: '本人签字' },
    { id: 'appliedOn', label: { zh: '申请日期', en: 'Date of application' }, type: 'date', validator: 'date', required: true, kinds: REGISTRATION, cite: '003 附件', quote: '申请日期' },
    // Not on the form: what the office needs to run the other kinds.
    {
      id: 'certificateExpiresOn',
      label: { zh: '证书有效期至', en: 'Certificate valid until' },
      type: 'date',
      validator: 'date',
      required: true,
      kinds: ['new', 'renewal', 'deferral', 'education-deferral'],
      cite: '003 47号 三',
      quote: '证书有效期为三年（自批准或登记之日起算）',
    },
    {
      id: 'deferralReason',
      label: { zh: '延期登记情形', en: 'Ground for deferral' },
      type: 'enum',
      required: true,
      kinds: ['deferral'],
      enum: groundOptions(DEFERRAL_GROUNDS, 'deferralNote'),
      cite: '003 47号 八',
      quote: '（一） 年度内在境外学习或工作超过六个月的',
    },
    {
      id: 'deferralUntil',
      label: { zh: '申请延期至', en: 'Deferred until' },
      type: 'date',
      validator: 'date',
      required: true,
      kinds: ['deferral', 'education-deferral'],
      // The one-year limit is checked by rules/validity checkDeferral; the clerk reads the rule, not its code.
      help: { zh: '自原有效期满之日起不得超过一年', en: 'At most one year after the original expiry' },
      cite: '003 47号 八',
      quote: '延期时间不得超过一年',
    },
    {
      id: 'educationDeferralReason',
      label: { zh: '继续教育顺延情形', en: 'Ground for deferring continuing education' },
      type: 'enum',
      required: true,
      kinds: ['education-deferral'],
      enum: groundOptions(EDUCATION_DEFERRAL_GROUNDS, 'deferralNote'),
      cite: '003 48号 六',
      quote: '（一）年度内在境外工作超过六个月的',
    },
    {
      id: 'deferralNote',
      label: { zh: '情况说明', en: 'Explanation' },
      type: 'textarea',
      required: false,
      kinds: ['deferral', 'education-deferral'],
      basis: { zh: '“其他情况”须说明并附主管部门同意', en: 'Explains an "other" ground' },
    },
    {
      id: 'cancellationGround',
      label: { zh: '注销情形', en: 'Ground for cancellation' },
      type: 'enum',
      required: true,
      kinds: ['cancellation'],
      enum: groundOptions(CANCELLATION_GROUNDS, 'cancellationEvidence'),
      cite: '003 47号 十',
      quote: '凡属下列情形之一的，证书登记实施机构应办理注销登记手续',
    },
    {
      id: 'cancellationEvidence',
      label: { zh: '注销事实及证明材料', en: 'Facts and evidence of the ground' },
      type: 'textarea',
      required: true,
      kinds: ['cancellation'],
      filledBy: 'office',
      cite: '003 47号 十',
      quote: '并经当地省、自治区、直辖市信息产业主管部门调查核实的',
    },
    {
      id: 'cancellationPublishedOn',
      label: { zh: '注销登记公布日期', en: 'Cancellation published on' },
      type: 'date',
      validator: 'date',
      required: false,
      kinds: ['cancellation'],
      filledBy: 'office',
      help: { zh: '复议期自公布之日起算（rules/validity appealDeadline）', en: 'The appeal period runs from this day' },
      cite: '003 47号 十一',
      quote: '可以在注销登记公布之日起30日内',
    },
  ],
  checklist: [
    {
      ...paperCommon,
      id: 'certificate',
      name: { zh: '本人有效的计算机专业技术资格（水平）证书', en: 'The valid certificate' },
      requirement: 'required',
      copies: { count: 1, cite: '003 47号 六' },
      original: { mode: 'submit', cite: '003 47号 七', quote: '在符合登记条件的计算机专业技术资格（水平）证书登记页上加盖' },
      note: { zh: '登记时在证书登记页加盖登记专用章并注明登记日期', en: 'Stamped and dated on its registration page' },
      kinds: ['new', 'renewal', 'deferral'],
      cite: '003 47号 六',
      quote: '需持本人有效的计算机专业技术资格（水平）证书',
    },
    {
      ...paperCommon,
      id: 'identity-proof',
      name: { zh: '身份证明', en: 'Proof of identity' },
      requirement: 'required',
      copies: { count: 1, cite: '003 47号 六' },
      original: { mode: 'verify', cite: '003 47号 六', quote: '身份证明' },
      kinds: ['new', 'renewal', 'deferral', 'education-deferral'],
      cite: '003 47号 六',
      quote: '身份证明',
    },
    {
      ...paperCommon,
      id: 'application-form',
      name: { zh: '证书登记申请表', en: 'Registration application form' },
      requirement: 'required',
      copies: { count: 1, cite: '003 47号 六' },
      original: { mode: 'none' },
      kinds: REGISTRATION,
      cite: '003 47号 六',
      quote: '证书登记申请表（见附表）',
    },
    {
      ...paperCommon,
      id: 'continuing-education-proof',
      name: { zh: '参加继续教育的有关证明', en: 'Continuing education records' },
      // 47号 四 asks it of 再次登记; 六 lists it among what every registrant brings.
      requirement: 'required',
      note: {
        zh: '47号 四 规定再次登记须提供；47号 六 对首次登记也列有此项，首次登记时可一并收取',
        en: 'Notice No. 47 art. 4 requires it for re-registration; art. 6 lists it for first registrations as well',
      },
      copies: { count: 1, cite: '003 47号 六' },
      original: { mode: 'none' },
      kinds: ['renewal'],
      cite: '003 47号 六',
      quote: '以及参加继续教育的有关证明',
    },
    {
      ...paperCommon,
      id: 'deferral-proof',
      name: { zh: '延期登记情形的相关证明', en: 'Proof of the deferral ground' },
      requirement: 'required',
      copies: { count: 1, cite: '003 47号 八' },
      original: { mode: 'none' },
      kinds: ['deferral'],
      cite: '003 47号 八',
      quote: '可向证书登记实施机构出示相关证明，申请延期登记',
    },
    {
      ...paperCommon,
      id: 'education-deferral-application',
      name: { zh: '继续教育顺延书面申请', en: 'Written request to defer continuing education' },
      requirement: 'required',
      copies: { count: 1, cite: '003 48号 六' },
      original: { mode: 'none' },
      kinds: ['education-deferral'],
      cite: '003 48号 六',
      quote: '有上述情形的人员应由本人提出书面申请',
    },
    {
      ...paperCommon,
      id: 'education-deferral-proof',
      name: { zh: '有关单位出具的证明', en: 'Certificate from the relevant unit' },
      requirement: 'required',
      copies: { count: 1, cite: '003 48号 六' },
      original: { mode: 'none' },
      kinds: ['education-deferral'],
      cite: '003 48号 六',
      quote: '有关单位出具证明',
    },
  ],
  validity: {
    years: RK_VALIDITY_YEARS,
    rule: 'RK_VALIDITY_YEARS',
    from: { zh: '批准或登记之日', en: 'Date of approval or last registration' },
    cite: '003 47号 三',
    quote: '计算机专业技术资格（水平）证书有效期为三年（自批准或登记之日起算）',
  },
  windows: [
    {
      id: 'registration',
      kinds: REGISTRATION,
      names: { zh: '登记办理期（有效期满前三个月内）', en: 'Registration window (3 months before expiry)' },
      monthsBeforeExpiry: RK_REGISTRATION_WINDOW_MONTHS,
      rule: 'RK_REGISTRATION_WINDOW_MONTHS',
      extendsByYears: { value: RK_VALIDITY_YEARS, cite: '003 47号 三', quote: '有效期为三年（自批准或登记之日起算）' },
      cite: '003 47号 三',
      quote: '在有效期满前三个月内，持证者应到批准的证书登记实施机构办理证书登记手续。逾期未办理登记手续的证书不再有效',
    },
  ],
  education: {
    rule: 'P5_EDUCATION_REQUIREMENT',
    window: 'cycle',
    formTable: { field: 'continuingEducation', hoursColumn: 'approvedHours' },
    kinds: REGISTRATION,
    cite: '003 48号 四',
    quote: '继续教育每三年为一个周期',
  },
  thresholds: [
    {
      id: 'education-cycle-total',
      label: { zh: '每周期继续教育累计学时', en: 'Continuing education per cycle' },
      subject: 'applicant',
      comparison: 'gte',
      value: P5_EDUCATION_REQUIREMENT.minHoursTotal ?? Number.NaN,
      unit: '学时',
      binding: 'requirement',
      kinds: REGISTRATION,
      rule: 'P5_EDUCATION_REQUIREMENT.minHoursTotal',
      cite: '003 48号 四',
      quote: '学时累计数应达到180学时以上',
    },
    {
      id: 'education-yearly',
      label: { zh: '每年继续教育学时', en: 'Continuing education per year' },
      subject: 'applicant',
      comparison: 'gte',
      value: P5_EDUCATION_REQUIREMENT.minHoursPerYear,
      unit: '学时',
      binding: 'requirement',
      kinds: REGISTRATION,
      rule: 'P5_EDUCATION_REQUIREMENT.minHoursPerYear',
      cite: '003 48号 四',
      quote: '每年完成继续教育的学时数不得少于40学时',
    },
    {
      id: 'education-cycle-years',
      label: { zh: '继续教育周期', en: 'Continuing education cycle' },
      subject: 'applicant',
      comparison: 'eq',
      value: P5_EDUCATION_REQUIREMENT.cycleYears ?? Number.NaN,
      unit: '年',
      binding: 'requirement',
      kinds: REGISTRATION,
      rule: 'P5_EDUCATION_REQUIREMENT.cycleYears',
      cite: '003 48号 四',
      quote: '继续教育每三年为一个周期',
    },
    {
      id: 'deferral-abroad',
      label: { zh: '延期情形：年度内境外学习或工作超过', en: 'Deferral ground: abroad for more than' },
      subject: 'applicant',
      comparison: 'gt',
      value: 6,
      unit: '个月',
      binding: 'requirement',
      kinds: ['deferral', 'education-deferral'],
      cite: '003 47号 八',
      quote: '年度内在境外学习或工作超过六个月的',
    },
    {
      id: 'deferral-sick-leave',
      label: { zh: '延期情形：年度内病假超过', en: 'Deferral ground: sick leave of more than' },
      subject: 'applicant',
      comparison: 'gt',
      value: 6,
      unit: '个月',
      binding: 'requirement',
      kinds: ['deferral', 'education-deferral'],
      cite: '003 47号 八',
      quote: '年度内病假超过六个月的',
    },
    {
      id: 'cancellation-off-post',
      label: { zh: '注销情形：脱离专业技术岗位连续', en: 'Cancellation ground: away from a professional post for' },
      subject: 'applicant',
      comparison: 'gte',
      value: 2,
      unit: '年',
      binding: 'requirement',
      kinds: ['cancellation'],
      note: { zh: '“二年以上”含二年', en: '"two years or more" includes two' },
      cite: '003 47号 十',
      quote: '脱离专业技术岗位连续二年以上',
    },
  ],
  publicity: [],
  timeLimits: [
    {
      id: 'decision',
      names: { zh: '审查意见期限（受理后 15 个工作日内）', en: 'Decision within 15 working days of acceptance' },
      length: RK_DECISION_WORKING_DAYS,
      unit: 'working-days',
      from: { zh: '受理登记申请之日（不计当日）', en: 'The day the application is accepted (not counted)' },
      kinds: REGISTRATION,
      rule: 'registrationDecisionDeadline',
      cite: '003 47号 七',
      quote: '证书登记实施机构应在受理登记申请后15个工作日内作出审查意见',
    },
    {
      id: 'max-deferral',
      names: { zh: '延期登记最长期限', en: 'Longest deferral' },
      length: RK_MAX_DEFERRAL_YEARS,
      unit: 'years',
      from: { zh: '证书有效期满之日次日', en: 'The day after expiry' },
      kinds: ['deferral'],
      rule: 'checkDeferral',
      cite: '003 47号 八',
      quote: '延期时间不得超过一年',
    },
    {
      id: 'max-education-deferral',
      names: { zh: '继续教育顺延最长期限', en: 'Longest deferral of continuing education' },
      length: 1,
      unit: 'years',
      from: { zh: '继续教育周期届满', en: 'The end of the education cycle' },
      kinds: ['education-deferral'],
      cite: '003 48号 六',
      quote: '顺延时间最多为一年',
    },
    {
      id: 'appeal',
      names: { zh: '注销复议申请期限（30 日内，向登记管理办公室）', en: 'Appeal within 30 days (to the national office)' },
      length: RK_APPEAL_DAYS,
      unit: 'calendar-days',
      from: { zh: '注销登记公布之日（不计当日）', en: 'The day the cancellation is published (not counted)' },
      kinds: ['cancellation'],
      rule: 'appealDeadline',
      cite: '003 47号 十一',
      quote: '可以在注销登记公布之日起30日内向计算机专业技术资格（水平）证书登记管理办公室申请复议',
    },
    {
      id: 'training-record-retention',
      names: { zh: '培训记录和凭证保存期限', en: 'Training records kept' },
      length: 3,
      unit: 'years',
      from: { zh: '出具之日', en: 'Issue of the record' },
      cite: '003 48号 九',
      quote: '培训记录和向学员出具的凭证应保留三年备查',
    },
  ],
  keyDates: [
    {
      id: 'applies-from',
      names: { zh: '适用于自此日起取得的证书', en: 'Applies to certificates obtained from' },
      date: '2004-01-01',
      cite: '003 47号 前言',
      quote: '需对自2004年1月1日起取得的计算机技术与软件专业技术资格（水平）证书',
    },
  ],
  imports: [
    {
      // The register as shared/documents/xlsx/rk-talent-register writes it (and as another
      // office's desk exports it): the holders and their certificates, no open applications.
      kind: 'talent-register',
      names: { zh: '计算机专业技术人才库（证书登记名单）', en: 'Talent register (registered certificates)' },
      creates: 'certificates',
      applicationKind: 'new',
      cite: '003 47号 七',
      quote: '及时将更新后的计算机专业技术人才库报信息产业部电子教育中心汇总',
      columns: [
        { target: 'rowNo' },
        { target: 'name' },
        { target: 'sex' },
        { target: 'birthMonth' },
        { target: 'idNumber' },
        { target: 'specialtyCategory', headers: ['专业类别'] },
        {
          target: 'qualificationName',
          headers: ['资格名称', '资格（水平）名称', '证书名称'],
          // A register may write the level after the name, as the option shows it: 系统分析师（高级）.
          values: Object.fromEntries(RK_QUALIFICATIONS.map((q) => [`${q.zh}（${RK_LEVEL_NAMES[q.level].zh}）`, q.zh])),
        },
        { target: 'certificateNo' },
        { target: 'obtainedOn', headers: ['取得时间', '取得日期', '发证日期'] },
        { target: 'formNo', headers: ['登记表编号'] },
        { target: 'registrationKind' },
        { target: 'registeredOn' },
        { target: 'validUntil' },
        { target: 'employer' },
        { target: 'educationHours' },
        { target: 'remarks' },
      ],
    },
  ],
  documents: [
    {
      id: 'application-form',
      kind: 'form',
      names: { zh: '计算机技术与软件专业技术资格（水平）证书登记申请表', en: 'Registration application form' },
      layout: 'rk-registration-form',
      note: { zh: '此表除黑体外均由本人负责填写', en: 'All but the bold parts are filled by the holder' },
      cite: '003 附件',
      quote: '计算机技术与软件专业技术资格（水平）证书登记申请表',
    },
    {
      id: 'registration-stamp',
      kind: 'certificate',
      names: { zh: '证书登记页（登记专用章及登记日期）', en: 'Registration page (seal and date)' },
      layout: 'rk-registration-page',
      cite: '003 47号 七',
      quote: '加盖由计算机专业技术资格（水平）证书登记管理办公室统一刻制的计算机专业技术资格（水平）证书登记专用章，并注明登记日期',
    },
    {
      id: 'talent-register',
      kind: 'register',
      names: { zh: '计算机专业技术人才库（报信息产业部电子教育中心）', en: 'Talent register for the national centre' },
      layout: 'rk-talent-register',
      cite: '003 47号 七',
      quote: '及时将更新后的计算机专业技术人才库报信息产业部电子教育中心汇总',
    },
    {
      id: 'cancellation-notice',
      kind: 'notice',
      names: { zh: '注销登记公布', en: 'Cancellation notice' },
      layout: 'rk-cancellation-notice',
      cite: '003 47号 十一',
      quote: '注销登记公布之日',
    },
  ],
  lifecycle: {
    renewal: {
      kinds: ['renewal'],
      window: 'registration',
      cite: '003 47号 三',
      quote: '在有效期满前三个月内，持证者应到批准的证书登记实施机构办理证书登记手续',
    },
    validity: [
      {
        kinds: ['new', 'renewal'],
        from: 'issued-on',
        years: RK_VALIDITY_YEARS,
        reading: {
          zh: '有效期自登记之日起算三年：登记页上的登记日期即起算日（提前登记的，自登记之日起重新计算）',
          en: 'Three years from the day of registration, the date stamped on the registration page',
        },
        cite: '003 47号 三',
        quote: '计算机专业技术资格（水平）证书有效期为三年（自批准或登记之日起算）',
      },
    ],
    replacements: [{ kinds: ['renewal'], previous: 'superseded', event: 'renewed', cite: '003 47号 四', quote: '再次登记的人员' }],
    expiry: { becomes: 'lapsed', unlessRenewalFiled: false, cite: '003 47号 三', quote: '逾期未办理登记手续的证书不再有效' },
    // 003 附件: the registration form's 专业类别, 资格名称, 照片 and the certificate's number.
    print: { kinds: REGISTRATION, fields: ['specialtyCategory', 'qualificationName', 'photo', 'certificateNo'], cite: '003 附件', quote: '资格名称' },
    // The qualification certificate's facts stay; 证书编号 is that certificate's, not the registration's.
    carryOver: ['specialtyCategory', 'qualificationName', 'name', 'sex', 'birthMonth', 'health', 'idNumber', 'certificateNo', 'obtainedOn', 'address', 'postalCode', 'employer', 'phone'],
    prefill: [
      { field: 'certificateExpiresOn', from: 'validUntil' },
      { field: 'name', from: 'holderName' },
      { field: 'idNumber', from: 'idNumber' },
    ],
    deferral: {
      kinds: ['deferral'],
      groundField: 'deferralReason',
      grounds: DEFERRAL_GROUNDS,
      noteField: 'deferralNote',
      untilField: 'deferralUntil',
      maxYears: { value: RK_MAX_DEFERRAL_YEARS, cite: '003 47号 八', quote: '延期时间不得超过一年' },
      requestedBeforeExpiry: { cite: '003 47号 八', quote: '在证书有效期满前，可向证书登记实施机构出示相关证明，申请延期登记' },
      cite: '003 47号 八',
      quote: '申请延期登记（延期时间不得超过一年）',
    },
    educationDeferral: {
      kinds: ['education-deferral'],
      groundField: 'educationDeferralReason',
      grounds: EDUCATION_DEFERRAL_GROUNDS,
      noteField: 'deferralNote',
      untilField: 'deferralUntil',
      maxYears: { value: 1, cite: '003 48号 六', quote: '顺延时间最多为一年' },
      cite: '003 48号 六',
      quote: '有上述情形的人员应由本人提出书面申请，有关单位出具证明',
    },
    cancellation: {
      kinds: ['cancellation'],
      groundField: 'cancellationGround',
      grounds: CANCELLATION_GROUNDS,
      evidenceField: 'cancellationEvidence',
      noticeField: 'cancellationPublishedOn',
      appealDays: { value: RK_APPEAL_DAYS, cite: '003 47号 十一', quote: '可以在注销登记公布之日起30日内' },
      cite: '003 47号 十',
      quote: '证书登记实施机构应办理注销登记手续，作废其计算机专业技术资格（水平）证书',
    },
    effects: [
      { kind: 'deferral', state: 'deferred', effect: 'defer' },
      { kind: 'education-deferral', state: 'deferred', effect: 'defer-education' },
      { kind: 'cancellation', state: 'cancelled', effect: 'cancel' },
    ],
  },
  workflows: {
    new: reviewWorkflow({
      id: 'rk-registration.new',
      name: ['证书登记', 'Registration'],
      acceptGuards: [{ kind: 'within-window', window: 'registration' }],
      approveGuards: PRINTABLE,
      done: ['registered', '已登记', 'Registered'],
      issuesCertificate: false,
      // 003 七: the registration is stamped and dated on the certificate's 登记页, printed on the decision.
      grantsCertificate: true,
      // 003 47号 七: 受理登记申请后15个工作日内作出审查意见.
      decisionDeadline: { length: RK_DECISION_WORKING_DAYS, unit: 'working-days', from: 'under-review' },
    }),
    renewal: reviewWorkflow({
      id: 'rk-registration.renewal',
      name: ['再次登记', 'Re-registration'],
      acceptGuards: [{ kind: 'within-window', window: 'registration' }],
      // 003 48号 四: 180 hours in the cycle and 40 in each year, judged when the office decides.
      approveGuards: [{ kind: 'education-met' }, ...PRINTABLE],
      done: ['registered', '已登记', 'Registered'],
      issuesCertificate: false,
      // 003 七: the registration is stamped and dated on the certificate's 登记页, printed on the decision.
      grantsCertificate: true,
      decisionDeadline: { length: RK_DECISION_WORKING_DAYS, unit: 'working-days', from: 'under-review' },
    }),
    // 003 47号 八: before expiry, with proof; checkDeferral decides the dates (eligibility facts).
    deferral: reviewWorkflow({
      id: 'rk-registration.deferral',
      name: ['延期登记', 'Deferred registration'],
      acceptGuards: [{ kind: 'eligibility-met' }],
      // 003 八: before expiry, at most one year (checked again when the office decides).
      approveGuards: [{ kind: 'eligibility-met' }],
      done: ['deferred', '已准予延期', 'Deferred'],
      issuesCertificate: false,
    }),
    'education-deferral': reviewWorkflow({
      id: 'rk-registration.education-deferral',
      name: ['继续教育顺延', 'Deferral of continuing education'],
      acceptGuards: [{ kind: 'eligibility-met' }],
      approveGuards: [{ kind: 'eligibility-met' }],
      done: ['deferred', '已准予顺延', 'Deferred'],
      issuesCertificate: false,
    }),
    // 003 47号 十: the office cancels; the holder may appeal to the national office (十一).
    cancellation: {
      id: 'rk-registration.cancellation',
      name: { zh: '注销登记', en: 'Cancellation' },
      states: [
        state('proposed', '拟注销，核实中', 'Proposed, being verified', 'initial', 'decision'),
        state('cancelled', '已注销（证书作废）', 'Cancelled', 'final'),
        state('dropped', '不予注销', 'Not cancelled', 'final'),
      ],
      transitions: [
        // 003 十: only on a ground of the closed list, with its facts established.
        transition('cancel', 'proposed', 'cancelled', ['办理注销登记', 'Cancel'], ADMIN, [{ kind: 'eligibility-met' }], ['reason', 'decision']),
        transition('drop', 'proposed', 'dropped', ['不予注销', 'Do not cancel'], ADMIN, [], ['reason']),
      ],
    },
  },
} satisfies ProgramPackInput;
