/**
 * What P1 `xj-isi-pm` and P2 `xj-isi-spm` share: both are run by one rulebook (seed 000, 自治区
 * 信息系统集成实施服务从业人员评价工作实施细则), with the same application route (第八条), the same
 * indicator system (第九条), the same material list (第十条, except the training certificate) and
 * the same change and reissue articles (第十七条, 第十八条). Each pack file adds what differs.
 */
import type { WorkflowDefinitionInput, WorkflowGuard, WorkflowStateInput, WorkflowTransitionInput } from '../workflow/definition';
import { idNumberField } from './field-parts';
import type { ProgramPackInput } from './schema';
import { CLERK, evaluationEnd, intakeLoop, LATE_RENEWAL_DISCRETION, PRINTABLE, reviewWorkflow, state, transition } from './workflow-parts';

type Field = ProgramPackInput['fields'][number];
type Material = ProgramPackInput['checklist'][number];
type Pack = ProgramPackInput;
type Document = Pack['documents'][number];

export const XJ_ISSUER: Pack['issuer'] = {
  names: {
    zh: '新疆“IT 三会”（新疆软件行业协会、新疆计算机学会、新疆电子学会）；申请由新疆软件行业协会受理',
    en: 'Xinjiang "IT Three Associations" (software, computer and electronics societies); applications received by the Xinjiang Software Industry Association',
  },
  cite: '000 第三条',
  quote: '由新疆软件行业协会、新疆计算机学会、新疆电子学会（以下简称新疆“IT 三会”）联合组织成立评价工作委员会',
};

export const XJ_CHANGE_KIND: Pack['applicationKinds'][number] = {
  id: 'change',
  names: { zh: '证书信息变更', en: 'Change of certificate details' },
  initiatedBy: 'applicant',
  cite: '000 第十七条',
  quote: '如发生信息变更，持证人可向新疆软件行业协会提出变更申请，审核通过后完成变更',
};

export const XJ_REISSUE_KIND: Pack['applicationKinds'][number] = {
  id: 'reissue',
  names: { zh: '证书补发（遗失或损毁）', en: 'Reissue (lost or damaged)' },
  initiatedBy: 'applicant',
  cite: '000 第十八条',
  quote: '如遗失或损毁，持证人可向新疆软件行业协会提出补发申请，审核通过后完成证书补发',
};

/** The fields of the 评价申请 as the office records it. The seed names the form, not its fields. */
export function xjFields(evaluationKinds: ('new' | 'upgrade')[]): Field[] {
  const held: ('renewal' | 'change' | 'reissue')[] = ['renewal', 'change', 'reissue'];
  return [
    {
      id: 'submissionRoute',
      label: { zh: '申请途径', en: 'Submitted by' },
      type: 'enum',
      required: true,
      kinds: 'all',
      enum: [{ value: '单位提出', label: { zh: '单位提出', en: 'Through the unit' } }, { value: '个人提出', label: { zh: '个人提出', en: 'By the individual' } }],
      cite: '000 第八条',
      quote: '分为单位提出和个人提出两种途径',
    },
    {
      id: 'submissionChannel',
      label: { zh: '提交方式', en: 'Channel' },
      type: 'enum',
      required: true,
      kinds: 'all',
      enum: [
        { value: '新疆软件协会官方网站', label: { zh: '新疆软件协会官方网站', en: 'The association’s website' } },
        { value: '电子邮件', label: { zh: '电子邮件', en: 'Email' } },
        // 第八条 "等形式": the list is open, so the clerk can record another channel.
        { value: '其他形式', label: { zh: '其他形式', en: 'Other' }, requiresRemark: 'remarks' },
      ],
      cite: '000 第八条',
      quote: '通过新疆软件协会官方网站、电子邮件等形式',
    },
    {
      id: 'receivedOn',
      label: { zh: '收到日期', en: 'Received on' },
      type: 'date',
      validator: 'date',
      required: true,
      kinds: 'all',
      filledBy: 'office',
      cite: '000 第十一条',
      quote: '单位或个人提出的评价申请由新疆软件行业协会受理',
    },
    {
      id: 'name',
      label: { zh: '姓名', en: 'Name' },
      type: 'text',
      required: true,
      kinds: 'all',
      basis: { zh: '申请人身份（000 未列出申请表字段）', en: 'Applicant identity (000 does not list the form fields)' },
    },
    idNumberField({
      basis: { zh: '个人的身份标识（GB 11643-1999），用于证书和查重', en: 'Identity key for people (GB 11643-1999)' },
    }),
    {
      id: 'phone',
      label: { zh: '联系电话', en: 'Phone' },
      type: 'phone',
      validator: 'phone',
      required: true,
      kinds: 'all',
      basis: { zh: '退回或通知时联系申请人', en: 'To reach the applicant for returns and notices' },
    },
    {
      id: 'employer',
      label: { zh: '所在单位', en: 'Employer' },
      type: 'text',
      required: false,
      requiredWhen: { field: 'submissionRoute', op: 'eq', value: '单位提出' },
      kinds: 'all',
      cite: '000 第八条',
      quote: '从事相关业务的单位、个人可根据自身员工评价需求或个人发展需要',
    },
    {
      id: 'education',
      label: { zh: '学历（大专或以上）', en: 'Education (college or above)' },
      type: 'text',
      required: true,
      kinds: evaluationKinds,
      cite: '000 第十条一',
      quote: '国家承认的大专或以上相关学历证书',
    },
    {
      id: 'trainingCertificateNo',
      label: { zh: '培训合格证编号', en: 'Training certificate number' },
      type: 'text',
      required: true,
      kinds: evaluationKinds,
      cite: '000 第十条二',
    },
    {
      id: 'certificateNo',
      label: { zh: '现有证书编号', en: 'Current certificate number' },
      type: 'text',
      required: true,
      kinds: held,
      cite: '000 第十五条',
    },
    {
      id: 'certificateExpiresOn',
      label: { zh: '现有证书有效期至', en: 'Current certificate valid until' },
      type: 'date',
      validator: 'date',
      required: true,
      kinds: ['renewal'],
      cite: '000 第十五条',
      quote: '证书期满前 6 个月',
    },
    {
      id: 'changeDetails',
      label: { zh: '变更事项', en: 'What changes' },
      type: 'textarea',
      required: true,
      kinds: ['change'],
      cite: '000 第十七条',
      quote: '如发生信息变更',
    },
    {
      id: 'newName',
      label: { zh: '变更后姓名', en: 'New name' },
      type: 'text',
      required: false,
      kinds: ['change'],
      help: { zh: '审核通过后更新持证人信息（rules: lifecycle change）', en: "Replaces the holder's record on approval" },
      cite: '000 第十七条',
      quote: '审核通过后完成变更',
    },
    {
      id: 'newPhone',
      label: { zh: '变更后联系电话', en: 'New phone' },
      type: 'phone',
      validator: 'phone',
      required: false,
      kinds: ['change'],
      cite: '000 第十七条',
      quote: '如发生信息变更',
    },
    {
      id: 'reissueReason',
      label: { zh: '补发原因', en: 'Reason for reissue' },
      type: 'enum',
      required: true,
      kinds: ['reissue'],
      enum: [{ value: '遗失', label: { zh: '遗失', en: 'Lost' } }, { value: '损毁', label: { zh: '损毁', en: 'Damaged' } }],
      cite: '000 第十八条',
      quote: '如遗失或损毁',
    },
    {
      id: 'remarks',
      label: { zh: '备注', en: 'Remarks' },
      type: 'textarea',
      required: false,
      requiredWhen: { field: 'submissionChannel', op: 'eq', value: '其他形式' },
      kinds: 'all',
      basis: { zh: '记录“其他形式”提交等说明', en: 'Notes such as another submission channel' },
    },
  ];
}

/**
 * 第十条 一–六, preceded by the 《评价申请表》 of 第八条. Item 二 names both training certificates
 * in one breath; each level needs its own (P1 the 工程经理, P2 the 高级工程经理 certificate).
 */
export function xjEvaluationMaterials(
  kinds: ('new' | 'upgrade')[],
  training: { id: string; zh: string; en: string },
): Material[] {
  const common = {
    scope: 'application',
    original: { mode: 'none' },
    medium: 'electronic',
    stage: 'submission',
    kinds,
  } as const;
  return [
    {
      ...common,
      id: 'application-form',
      name: { zh: '《评价申请表》', en: 'Evaluation application form' },
      requirement: 'required',
      copies: { count: 1, cite: '000 第八条' },
      cite: '000 第八条',
      quote: '将《评价申请表》及相关附件材料提交至新疆软件行业协会完成申请',
    },
    {
      ...common,
      id: 'diploma',
      name: { zh: '国家承认的大专或以上相关学历证书', en: 'State-recognised college diploma or higher' },
      requirement: 'required',
      copies: { count: 1, cite: '000 第十条一' },
      cite: '000 第十条一',
      quote: '一、国家承认的大专或以上相关学历证书',
    },
    {
      ...common,
      id: training.id,
      name: { zh: training.zh, en: training.en },
      requirement: 'required',
      copies: { count: 1, cite: '000 第十条二' },
      cite: '000 第十条二',
      quote: '二、信息系统集成实施工程经理培训合格证、信息系统集成实施高级工程经理培训合格证',
    },
    {
      ...common,
      id: 'work-history',
      name: { zh: '有效的从业人员工作履历或相关材料', en: 'Employment history' },
      requirement: 'required',
      copies: { count: 1, cite: '000 第十条三' },
      cite: '000 第十条三',
      quote: '三、有效的从业人员工作履历或相关材料',
    },
    {
      ...common,
      id: 'project-history',
      name: { zh: '有效的从业人员项目参与履历或相关材料', en: 'Project participation history' },
      requirement: 'required',
      copies: { count: 1, cite: '000 第十条四' },
      cite: '000 第十条四',
      quote: '四、有效的从业人员项目参与履历或相关材料',
    },
    {
      ...common,
      id: 'social-insurance',
      name: { zh: '有效的社保缴纳证明材料', en: 'Proof of social insurance payments' },
      requirement: 'required',
      copies: { count: 1, cite: '000 第十条五' },
      cite: '000 第十条五',
      quote: '五、有效的社保缴纳证明材料',
    },
    {
      ...common,
      id: 'supplementary',
      name: { zh: '其他相关补充材料', en: 'Other supporting material' },
      requirement: 'optional',
      copies: { count: 1, cite: '000 第十条六' },
      cite: '000 第十条六',
      quote: '六、其他相关补充材料',
    },
  ];
}

/** 第十五条/第十六条 renewal, 第十七条 change, 第十八条 reissue. */
export function xjHolderMaterials(renewalTraining: { zh: string; en: string; cite: string; quote: string }): Material[] {
  const common = { scope: 'application', original: { mode: 'none' }, medium: 'electronic', stage: 'submission' } as const;
  return [
    {
      ...common,
      id: 'improvement-training-certificate',
      name: { zh: renewalTraining.zh, en: renewalTraining.en },
      requirement: 'required',
      copies: { count: 1, cite: renewalTraining.cite },
      kinds: ['renewal'],
      cite: renewalTraining.cite,
      quote: renewalTraining.quote,
    },
    {
      ...common,
      id: 'renewal-other',
      name: { zh: '其他相关材料', en: 'Other relevant material' },
      // "及其他相关材料" names no item, so nothing specific can be demanded.
      requirement: 'optional',
      copies: { count: 1, cite: renewalTraining.cite },
      kinds: ['renewal'],
      cite: renewalTraining.cite,
      quote: '及其他相关材料',
    },
    {
      ...common,
      id: 'change-application',
      name: { zh: '变更申请', en: 'Change request' },
      requirement: 'required',
      copies: { count: 1, cite: '000 第十七条' },
      kinds: ['change'],
      cite: '000 第十七条',
      quote: '提出变更申请',
    },
    {
      ...common,
      id: 'reissue-application',
      name: { zh: '补发申请', en: 'Reissue request' },
      requirement: 'required',
      copies: { count: 1, cite: '000 第十八条' },
      kinds: ['reissue'],
      cite: '000 第十八条',
      quote: '提出补发申请',
    },
  ];
}

/** 第九条: the indicator system's three elements and their parts. The seed gives no points. */
export const XJ_DIMENSIONS: NonNullable<Pack['scoring']>['dimensions'] = [
  {
    id: 'knowledge',
    name: { zh: '知识', en: 'Knowledge' },
    cite: '000 第九条',
    quote: '知识（基础知识、专业知识、管理知识、相关知识）',
    items: [
      { id: 'basic-knowledge', name: { zh: '基础知识', en: 'Basic knowledge' }, maxScore: null, cite: '000 第九条' },
      { id: 'professional-knowledge', name: { zh: '专业知识', en: 'Professional knowledge' }, maxScore: null, cite: '000 第九条' },
      { id: 'management-knowledge', name: { zh: '管理知识', en: 'Management knowledge' }, maxScore: null, cite: '000 第九条' },
      { id: 'related-knowledge', name: { zh: '相关知识', en: 'Related knowledge' }, maxScore: null, cite: '000 第九条' },
    ],
  },
  {
    id: 'skills',
    name: { zh: '技能', en: 'Skills' },
    cite: '000 第九条',
    quote: '技能（基础技能、专业技能、管理技能、软技能）',
    items: [
      { id: 'basic-skills', name: { zh: '基础技能', en: 'Basic skills' }, maxScore: null, cite: '000 第九条' },
      { id: 'professional-skills', name: { zh: '专业技能', en: 'Professional skills' }, maxScore: null, cite: '000 第九条' },
      { id: 'management-skills', name: { zh: '管理技能', en: 'Management skills' }, maxScore: null, cite: '000 第九条' },
      { id: 'soft-skills', name: { zh: '软技能', en: 'Soft skills' }, maxScore: null, cite: '000 第九条' },
    ],
  },
  {
    id: 'experience',
    name: { zh: '经验', en: 'Experience' },
    cite: '000 第九条',
    quote: '经验（专业经验、项目经验）',
    items: [
      { id: 'professional-experience', name: { zh: '专业经验', en: 'Professional experience' }, maxScore: null, cite: '000 第九条' },
      { id: 'project-experience', name: { zh: '项目经验', en: 'Project experience' }, maxScore: null, cite: '000 第九条' },
    ],
  },
];

export const XJ_ELIGIBILITY: Pack['eligibility'] = [
  {
    id: 'education',
    text: { zh: '具有国家承认的大专或以上相关学历', en: 'State-recognised college education or higher in a related field' },
    cite: '000 第十条一',
    quote: '国家承认的大专或以上相关学历证书',
  },
  {
    id: 'intake-review',
    text: {
      zh: '评价工作小组对所交材料进行完整性、真实性审核，不通过的退回提交单位或个人',
      en: 'Materials are checked for completeness and authenticity; failures go back to whoever submitted them',
    },
    cite: '000 第十一条',
    quote: '对单位或个人所提交的材料进行完整性、真实性审核，通过后进入待评价环节；若不通过，则退回提交单位或个人',
  },
];

/**
 * 第九条 lists the indicator system's elements without points: the pack's reading, shared by the
 * P1 evaluation and the P2 review meeting, is equal shares of 100 (each of the ten elements 10).
 */
export const XJ_PANEL_POINTS = {
  value: 100,
  cite: '000 第九条',
  quote: '知识（基础知识、专业知识、管理知识、相关知识）、技能（基础技能、专业技能、管理技能、软技能）、经验（专业经验、项目经验）等要素要求',
  reading: {
    zh: '第九条列出评价指标体系的十项要素但未给分值；本程序包的理解：满分100分，十项要素均分，每项10分',
    en: 'Article 9 lists ten elements without points; read as 100 points shared equally, 10 each',
  },
} as const;

/** 000 names no recusal: the pack follows the rule every 职称评审 is held to (人社部令第40号). */
export const XJ_RECUSAL: NonNullable<Pack['panel']>['recusal'] = {
  unitFields: ['employer'],
  regulation: { id: 'mohrss-order-40' },
  reading: {
    zh: '000 未规定回避；本程序包参照人社部令第40号的回避要求：专家所在单位与申报人所在单位或提交单位相同的自动回避；其他利害关系由专家本人申请或评审会决定回避，须写明理由',
    en: '000 names no recusal; read after MOHRSS Order 40: an expert of the applicant’s unit sits out automatically; any other interest is declared or decided, with a reason',
  },
};

/** Independent scoring: no seed says it; the office's setting. */
export const XJ_OTHERS_SCORES: NonNullable<Pack['panel']>['othersScores'] = {
  visible: 'after-submit',
  basis: {
    zh: '独立评分：专家提交本人评分表后，才能看到其他专家的评分',
    en: 'Independent scoring: an expert sees the others’ scores only after submitting their own',
  },
};

/**
 * One level's certificate terms as 000 words them — 第十五条 for the 工程经理, 第十六条 for the
 * 高级工程经理: valid four years, renewal in the six months before expiry, four more years. The
 * pack states them once; its validity, renewal window and lifecycle are read from them.
 */
export interface XjTerms {
  readonly article: '第十五条' | '第十六条';
  readonly renewalArticle: '第十五条一' | '第十六条';
  readonly validityYears: number;
  readonly validityRule: 'XJ_PM_VALIDITY_YEARS' | 'XJ_SPM_VALIDITY_YEARS';
  readonly renewalYears: number;
  readonly windowMonths: number;
  readonly windowRule: 'XJ_PM_RENEWAL_WINDOW_MONTHS' | 'XJ_SPM_RENEWAL_WINDOW_MONTHS';
  readonly validityQuote: string;
  readonly renewalQuote: string;
  readonly windowQuote: string;
  readonly printKinds: ('new' | 'upgrade' | 'renewal')[];
  readonly alternatives?: NonNullable<Pack['lifecycle']>['alternatives'];
  readonly extraPrefill?: NonNullable<NonNullable<Pack['lifecycle']>['prefill']>;
}

export function xjValidity(o: XjTerms): Pack['validity'] {
  return {
    years: o.validityYears,
    rule: o.validityRule,
    // 000 does not say from which day; the issue date is the only date the certificate carries.
    from: { zh: '发证之日（种子未写明起算日）', en: 'Date of issue (the seed does not say)' },
    cite: `000 ${o.article}`,
    quote: o.validityQuote,
  };
}

export function xjRenewalWindow(o: XjTerms): Pack['windows'][number] {
  return {
    id: 'renewal',
    kinds: ['renewal'],
    names: { zh: '延续申请期（证书期满前 6 个月）', en: 'Renewal window (6 months before expiry)' },
    monthsBeforeExpiry: o.windowMonths,
    rule: o.windowRule,
    extendsByYears: { value: o.renewalYears, cite: `000 ${o.renewalArticle}`, quote: o.renewalQuote },
    cite: `000 ${o.article}`,
    quote: o.windowQuote,
  };
}

/** 第九条: one indicator system for both levels; each level words what the evaluation is based on. */
export function xjScoring(names: { zh: string; en: string }, bases: NonNullable<Pack['scoring']>['bases']): NonNullable<Pack['scoring']> {
  return {
    names,
    bases,
    dimensions: XJ_DIMENSIONS,
    cite: '000 第九条',
    quote: '联合制定信息系统集成实施工程经理、信息系统集成实施高级工程经理的评价指标体系',
  };
}

/** 第十四条: 通过的人员获得证书 — the certificate, named as 第十四条 names it (quoted). */
export function xjCertificate(name: string, en: string, layout: 'xj-isi-pm-certificate' | 'xj-isi-spm-certificate', note: { zh: string; en: string }): Document {
  return { id: 'certificate', kind: 'certificate', names: { zh: name, en }, layout, note, cite: '000 第十四条', quote: name };
}

/**
 * The life of a P1 / P2 certificate after issue (000 第十五条 to 第十八条), the same for both
 * levels but for the article and the years: renewal runs on from the old expiry, a reissue keeps
 * the validity and voids the lost number, a change of information updates the holder's record.
 */
export function xjLifecycle(o: XjTerms): NonNullable<Pack['lifecycle']> {
  return {
    renewal: { kinds: ['renewal'], window: 'renewal', cite: `000 ${o.article}`, quote: o.windowQuote },
    validity: [
      { kinds: o.printKinds.filter((k) => k !== 'renewal'), from: 'issued-on', years: o.validityYears, cite: `000 ${o.article}`, quote: o.validityQuote },
      {
        kinds: ['renewal'],
        from: 'after-previous',
        years: o.renewalYears,
        reading: {
          zh: '“延续后证书有效期为 4 年”读作自原证书期满次日起计 4 年：提前延续不损失有效期，新证书自原证书期满次日起生效',
          en: 'Read as four years from the day after the old expiry: renewing early must not lose time; the new certificate takes effect the day after the old one ends',
        },
        cite: `000 ${o.renewalArticle}`,
        quote: o.renewalQuote,
      },
      {
        kinds: ['reissue'],
        from: 'same-as-previous',
        reading: {
          zh: '补发是替换遗失或损毁的证书：沿用原证书的有效期，不因补发而延长',
          en: 'A reissue replaces a lost or damaged certificate: the same validity, never extended by reissuing',
        },
        cite: '000 第十八条',
        quote: '审核通过后完成证书补发',
      },
    ],
    replacements: [
      { kinds: ['renewal'], previous: 'superseded', event: 'renewed', cite: `000 ${o.renewalArticle}`, quote: '申请延续' },
      {
        kinds: ['reissue'],
        previous: 'void',
        event: 'reissued',
        reading: {
          zh: '补发后，遗失或损毁的原证书编号作废，查验时显示“作废”，一人不会同时持有两份有效证书',
          en: 'After a reissue the lost number is void (verification says so): nobody holds two valid certificates',
        },
        cite: '000 第十八条',
        quote: '如遗失或损毁',
      },
    ],
    expiry: {
      becomes: 'expired',
      unlessRenewalFiled: false,
      reading: {
        zh: '000 未规定期满未延续的后果：期满次日起显示为已过期',
        en: '000 gives no consequence of not renewing: expired from the day after expiry',
      },
      cite: `000 ${o.article}`,
      quote: '有效期为四年',
    },
    print: { kinds: o.printKinds, fields: ['name', 'idNumber'], cite: '000 第十四条', quote: '将获得由新疆“IT 三会”联合颁发的' },
    change: {
      kinds: ['change'],
      updates: [
        { field: 'newName', holder: 'name' },
        { field: 'newPhone', holder: 'phone' },
      ],
      cite: '000 第十七条',
      quote: '审核通过后完成变更',
    },
    carryOver: ['submissionRoute', 'name', 'idNumber', 'phone', 'employer'],
    prefill: [
      { field: 'certificateNo', from: 'certificateNo' },
      { field: 'certificateExpiresOn', from: 'validUntil' },
      { field: 'name', from: 'holderName' },
      { field: 'idNumber', from: 'idNumber' },
      ...(o.extraPrefill ?? []),
    ],
    ...(o.alternatives ? { alternatives: o.alternatives } : {}),
    effects: [{ kind: 'change', state: 'changed', effect: 'update-holder' }],
  };
}

/**
 * A first evaluation, the same frame at both levels: the office's 完整性、真实性审核 (第十一条) leads
 * to the level's panel steps, whose signed results are published (第十二条, 第十三条: 在评价结束后
 * 公布结果) by an admin; 通过的人员获得证书 (第十四条). Each level gives its panel steps and the
 * results a pass or a failure needs.
 */
export function xjEvaluationWorkflow(o: {
  readonly id: string;
  readonly name: { zh: string; en: string };
  /** The intake review's transition into the first panel state. */
  readonly passIntake: WorkflowTransitionInput;
  readonly panelStates: WorkflowStateInput[];
  readonly panelTransitions: WorkflowTransitionInput[];
  readonly passGuards: WorkflowGuard[];
  readonly failGuards: WorkflowGuard[];
}): WorkflowDefinitionInput {
  const intake = intakeLoop();
  return {
    id: o.id,
    name: o.name,
    states: [
      ...intake.states,
      ...o.panelStates,
      state('decision', '评价完成，待公布结果', 'Evaluated, results to publish', 'active', 'decision'),
      ...evaluationEnd(),
    ],
    transitions: [
      ...intake.transitions,
      o.passIntake,
      ...o.panelTransitions,
      transition('pass', 'decision', 'issue', ['公布结果：通过', 'Publish: passed'], ['admin'], [...o.passGuards, ...PRINTABLE], ['decision']),
      transition('fail', 'decision', 'not-passed', ['公布结果：未通过', 'Publish: not passed'], ['admin'], o.failGuards, ['decision', 'reason']),
      transition('issue-certificate', 'issue', 'certified', ['发证', 'Issue certificate'], CLERK),
    ],
  };
}

/**
 * The renewal, change and reissue workflows of a P1 / P2 certificate, the same for both levels
 * but for the holder's title: renewal only within the window before expiry (000 第十五条一 for the
 * 工程经理, 第十六条 for the 高级工程经理: 证书期满前 6 个月), change (第十七条) and reissue (第十八条)
 * reviewed by the office; renewal and reissue print a certificate.
 */
export function xjCertificateWorkflows(program: 'xj-isi-pm' | 'xj-isi-spm', holder: '工程经理' | '高级工程经理'): Pick<Pack['workflows'], 'renewal' | 'change' | 'reissue'> {
  return {
    renewal: reviewWorkflow({
      id: `${program}.renewal`,
      name: [`${holder}证书延续`, 'Certificate renewal'],
      acceptGuards: [{ kind: 'within-window', window: 'renewal' }],
      acceptOverridable: LATE_RENEWAL_DISCRETION,
      approveGuards: PRINTABLE,
      done: ['renewed', '已延续', 'Renewed'],
      issuesCertificate: true,
    }),
    change: reviewWorkflow({
      id: `${program}.change`,
      name: [`${holder}证书信息变更`, 'Change of certificate details'],
      done: ['changed', '已完成变更', 'Changed'],
      issuesCertificate: false,
    }),
    reissue: reviewWorkflow({
      id: `${program}.reissue`,
      name: [`${holder}证书补发`, 'Certificate reissue'],
      done: ['reissued', '已补发', 'Reissued'],
      approveGuards: PRINTABLE,
      issuesCertificate: true,
    }),
  };
}

/**
 * The documents both levels print besides the certificate: the 评价申请表 (第八条), the published
 * results (第十二条 for the 工程经理's evaluation, 第十三条 for the 高级工程经理's review) and the
 * return notice with its reasons (第十一条).
 */
export function xjDocuments(resultsArticle: '第十二条' | '第十三条'): Document[] {
  return [
    {
      id: 'application-form',
      kind: 'form',
      names: { zh: '《评价申请表》', en: 'Evaluation application form' },
      layout: 'xj-isi-application-form',
      cite: '000 第八条',
    },
    {
      id: 'results-list',
      kind: 'roster',
      names: { zh: '评价结果公布名单', en: 'Published results list' },
      layout: 'xj-isi-results-list',
      cite: `000 ${resultsArticle}`,
      quote: '并在评价结束后公布结果',
    },
    {
      id: 'return-notice',
      kind: 'notice',
      names: { zh: '退回通知（列明理由）', en: 'Return notice with reasons' },
      layout: 'return-notice',
      cite: '000 第十一条',
      quote: '若不通过，则退回提交单位或个人',
    },
  ];
}
