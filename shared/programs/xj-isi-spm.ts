/**
 * P2 `xj-isi-spm` — 信息系统集成实施高级工程经理评价 (Xinjiang), seed 000.
 *
 * As P1, except: the training certificate is the 高级 one (第十条二); the evaluation is an expert
 * review meeting combined with an on-site defence (第七条, 第十三条); renewal needs the 高级 ability
 * training certificate (第十六条). A P1 holder may apply for P2 in the six months before the P1
 * certificate expires (第十五条二): that is this pack's 'upgrade' kind. The plain 工程师 level is
 * evaluated by enterprises or third parties, not by the office (第五条), so it has no pack.
 */
import {
  XJ_PM_RENEWAL_WINDOW_MONTHS,
  XJ_SPM_RENEWAL_WINDOW_MONTHS,
  XJ_SPM_RENEWAL_YEARS,
  XJ_SPM_VALIDITY_YEARS,
} from '../rules/validity';
import type { ProgramPackInput } from './schema';
import {
  XJ_CHANGE_KIND,
  XJ_ELIGIBILITY,
  XJ_ISSUER,
  XJ_OTHERS_SCORES,
  XJ_PANEL_POINTS,
  XJ_RECUSAL,
  XJ_REISSUE_KIND,
  type XjTerms,
  xjCertificate,
  xjEvaluationMaterials,
  xjEvaluationWorkflow,
  xjFields,
  xjHolderMaterials,
  xjCertificateWorkflows,
  xjDocuments,
  xjLifecycle,
  xjRenewalWindow,
  xjScoring,
  xjValidity,
} from './xj-isi-common';
import { CLERK, MATERIALS_OK, PANEL_STEP, panelResult, state, transition } from './workflow-parts';
import type { WorkflowDefinitionInput, WorkflowGuard } from '../workflow/definition';

/**
 * 000 第十三条 names no way of combining the experts' scores: the pack reads it as the mean without
 * the highest and the lowest score (the usual way of a 专家评审会), from three scores on.
 */
const XJ_SPM_SCORE = {
  method: 'trimmed-mean',
  trimFrom: {
    count: 3,
    cite: '000 第十三条',
    reading: {
      zh: '去掉一个最高分和一个最低分至少需要3份评分；不足3份的取平均分，并提示主任委员',
      en: 'Dropping the extremes needs three scores; with fewer the mean is taken, and the chair is told',
    },
  },
  cite: '000 第十三条',
  reading: {
    zh: '种子未规定合分方式；本程序包的理解：去掉一个最高分和一个最低分后取平均分',
    en: 'The seed gives no method; read as the mean without the highest and the lowest',
  },
} as const;

/** 000 第十三条: 专家评审会及现场答辩相结合 — the same procedure for a first application and an upgrade. */
function expertEvaluation(id: string, zh: string, en: string, acceptGuards: WorkflowGuard[]): WorkflowDefinitionInput {
  return xjEvaluationWorkflow({
    id,
    name: { zh, en },
    // 000 第十一条: 完整性、真实性审核.
    passIntake: transition('pass-intake', 'received', 'awaiting-defense', ['审核通过，安排答辩', 'Pass intake review'], CLERK, [
      ...MATERIALS_OK,
      ...acceptGuards,
    ]),
    panelStates: [
      state('awaiting-defense', '待现场答辩', 'Awaiting on-site defence', 'active', 'panel'),
      state('expert-review', '专家评审会', 'Expert review meeting', 'active', 'panel'),
    ],
    panelTransitions: [
      // 000 第七条: 现场答辩结果 is one of the evaluation bases — scored on its own, signed, carried.
      transition(
        'record-defense',
        'awaiting-defense',
        'expert-review',
        ['记录现场答辩结果', 'Record defence result'],
        PANEL_STEP,
        [panelResult('awaiting-defense')],
        [],
      ),
      // 000 第十三条: 组织业内专家…专家评审会 — the session's signed result, carried.
      transition(
        'expert-conclusion',
        'expert-review',
        'decision',
        ['专家评审结论', 'Expert panel conclusion'],
        PANEL_STEP,
        [panelResult('expert-review')],
        [],
      ),
    ],
    // 000 第十三条: 在评价结束后公布结果 — passed only when both the defence and the meeting passed.
    passGuards: [panelResult('awaiting-defense', 'pass'), panelResult('expert-review', 'pass')],
    failGuards: [{ kind: 'any-of', guards: [panelResult('awaiting-defense', 'fail'), panelResult('expert-review', 'fail')] }],
  });
}

const fields = xjFields(['new', 'upgrade']);

/** 000 第十六条: four years; renewal in the six months before expiry, four more years. */
const TERMS: XjTerms = {
  article: '第十六条',
  renewalArticle: '第十六条',
  validityYears: XJ_SPM_VALIDITY_YEARS,
  validityRule: 'XJ_SPM_VALIDITY_YEARS',
  renewalYears: XJ_SPM_RENEWAL_YEARS,
  windowMonths: XJ_SPM_RENEWAL_WINDOW_MONTHS,
  windowRule: 'XJ_SPM_RENEWAL_WINDOW_MONTHS',
  validityQuote: '《信息系统集成实施高级工程经理评价证书》有效期为四年',
  renewalQuote: '证书延续后有效期为 4 年',
  windowQuote: '证书期满前 6 个月，持证人可向新疆软件行业协会提交',
  printKinds: ['new', 'upgrade', 'renewal'],
  // 000 第十五条二: an upgrade is started from the P1 certificate.
  extraPrefill: [
    { field: 'heldPmCertificateNo', from: 'certificateNo', kinds: ['upgrade'] },
    { field: 'heldPmCertificateExpiresOn', from: 'validUntil', kinds: ['upgrade'] },
  ],
};

export const xjIsiSpmPack = {
  id: 'xj-isi-spm',
  seed: '000',
  names: {
    zh: '信息系统集成实施高级工程经理评价',
    en: 'Information system integration implementation senior engineering manager evaluation (Xinjiang)',
  },
  issuer: XJ_ISSUER,
  applicantKind: 'person',
  applicationKinds: [
    {
      id: 'new',
      names: { zh: '高级工程经理评价申请', en: 'Evaluation' },
      initiatedBy: 'applicant',
      cite: '000 第八条',
      quote: '信息系统集成实施工程经理、信息系统集成实施高级工程经理的评价申请，分为单位提出和个人提出两种途径',
    },
    {
      id: 'upgrade',
      names: { zh: '工程经理持证人申请高级工程经理评价', en: 'Upgrade from engineering manager' },
      initiatedBy: 'applicant',
      fromProgram: 'xj-isi-pm',
      cite: '000 第十五条二',
      quote: '持证人在证书期满前 6 个月，可通过信息系统集成实施高级工程经理评价要求，提出信息系统集成实施高级工程经理评价申请',
    },
    {
      id: 'renewal',
      names: { zh: '证书延续', en: 'Renewal' },
      initiatedBy: 'applicant',
      cite: '000 第十六条',
      quote: '证书期满前 6 个月，持证人可向新疆软件行业协会提交信息系统集成实施工高级工程经理能力提高培训合格证及其他相关材料申请延续',
    },
    XJ_CHANGE_KIND,
    XJ_REISSUE_KIND,
  ],
  eligibility: [
    ...XJ_ELIGIBILITY,
    {
      id: 'upgrade-holder',
      text: {
        zh: '晋级申请人须持有有效的《信息系统集成实施工程经理评价证书》，并在其期满前 6 个月内申请',
        en: 'An upgrade applicant holds a valid P1 certificate and applies in the 6 months before it expires',
      },
      kinds: ['upgrade'],
      cite: '000 第十五条二',
      quote: '持证人在证书期满前 6 个月，可通过信息系统集成实施高级工程经理评价要求',
    },
  ],
  fields: [
    ...fields,
    {
      id: 'heldPmCertificateNo',
      label: { zh: '现持《信息系统集成实施工程经理评价证书》编号', en: 'Held P1 certificate number' },
      type: 'text',
      required: true,
      kinds: ['upgrade'],
      cite: '000 第十五条二',
    },
    {
      id: 'heldPmCertificateExpiresOn',
      label: { zh: '工程经理证书有效期至', en: 'P1 certificate valid until' },
      type: 'date',
      validator: 'date',
      required: true,
      kinds: ['upgrade'],
      cite: '000 第十五条二',
      quote: '持证人在证书期满前 6 个月',
    },
  ],
  checklist: [
    ...xjEvaluationMaterials(['new', 'upgrade'], {
      id: 'senior-training-certificate',
      zh: '信息系统集成实施高级工程经理培训合格证',
      en: 'Senior engineering manager training certificate',
    }),
    ...xjHolderMaterials({
      // The seed writes "实施工高级工程经理", a stray 工; the certificate is the 高级工程经理 one.
      zh: '信息系统集成实施高级工程经理能力提高培训合格证',
      en: 'Senior engineering manager advanced-training certificate',
      cite: '000 第十六条',
      quote: '提交信息系统集成实施工高级工程经理能力提高培训合格证及其他相关材料申请延续',
    }),
  ],
  validity: xjValidity(TERMS),
  windows: [
    xjRenewalWindow(TERMS),
    {
      id: 'upgrade',
      kinds: ['upgrade'],
      names: {
        zh: '晋级申请期（工程经理证书期满前 6 个月）',
        en: 'Upgrade window (6 months before the P1 certificate expires)',
      },
      monthsBeforeExpiry: XJ_PM_RENEWAL_WINDOW_MONTHS,
      certificateOf: 'xj-isi-pm',
      rule: 'XJ_PM_RENEWAL_WINDOW_MONTHS',
      cite: '000 第十五条二',
      quote: '持证人在证书期满前 6 个月，可通过信息系统集成实施高级工程经理评价要求',
    },
  ],
  lifecycle: xjLifecycle(TERMS),
  thresholds: [],
  // 第十三条: 在评价结束后公布结果 — no publicity period is set.
  publicity: [],
  timeLimits: [],
  keyDates: [],
  scoring: xjScoring({ zh: '信息系统集成实施高级工程经理评价指标体系', en: 'Senior engineering manager evaluation indicators' }, [
    {
      id: 'basis',
      text: {
        zh: '相关职业培训的考试结果、职业技能、从业经验、项目履历及现场答辩结果',
        en: 'Training exam results, skills, experience, project record and the on-site defence',
      },
      cite: '000 第七条',
      quote: '通过结合相关职业培训的考试结果、职业技能、从业经验、项目履历及现场答辩结果等条件开展综合评价',
    },
    {
      id: 'method',
      text: { zh: '专家评审会及现场答辩相结合', en: 'Expert review meeting combined with an on-site defence' },
      cite: '000 第十三条',
      quote: '通过专家评审会及现场答辩相结合的方式',
    },
  ]),
  panel: {
    names: { zh: '专家评审会及现场答辩', en: 'Expert review meeting and on-site defence' },
    stages: [
      {
        stage: 'awaiting-defense',
        names: { zh: '现场答辩', en: 'On-site defence' },
        sheet: {
          kind: 'items',
          items: [
            {
              id: 'defence',
              name: { zh: '现场答辩', en: 'On-site defence' },
              maxScore: 100,
              cite: '000 第七条',
              quote: '现场答辩结果',
              reading: {
                zh: '第七条把现场答辩结果列为评价条件之一但未给分值；本程序包的理解：现场答辩单独评分，满分100分',
                en: 'Article 7 names the defence result without points; read as scored on its own, out of 100',
              },
            },
          ],
        },
        score: {
          ...XJ_SPM_SCORE,
          passMark: {
            value: 60,
            cite: '000 第七条',
            quote: '现场答辩结果',
            reading: { zh: '种子未规定答辩合格分数；本程序包的理解：60分（满分100分）为合格', en: 'No pass mark in the seed; read as 60 out of 100' },
          },
        },
        cite: '000 第十三条',
        quote: '通过专家评审会及现场答辩相结合的方式',
      },
      {
        stage: 'expert-review',
        names: { zh: '专家评审会', en: 'Expert review meeting' },
        sheet: { kind: 'dimensions', equalShares: XJ_PANEL_POINTS },
        score: {
          ...XJ_SPM_SCORE,
          passMark: {
            value: 60,
            cite: '000 第十三条',
            quote: '通过专家评审会及现场答辩相结合的方式',
            reading: { zh: '种子未规定合格分数；本程序包的理解：60分（满分100分）为合格', en: 'No pass mark in the seed; read as 60 out of 100' },
          },
        },
        recommendations: {
          majority: { numerator: 1, denominator: 2, comparison: 'more-than' },
          cite: '000 第十三条',
          reading: {
            zh: '种子未规定表决方式；本程序包的理解：建议通过的专家超过半数且得分合格为通过；建议通过与不通过人数相同的，提请主任委员决定',
            en: 'The seed gives no vote; read as more than half recommending and a passing score; an even split goes to the chair',
          },
        },
        cite: '000 第十三条',
        quote: '组织业内专家，通过专家评审会及现场答辩相结合的方式',
      },
    ],
    recusal: XJ_RECUSAL,
    othersScores: XJ_OTHERS_SCORES,
    defence: { stage: 'awaiting-defense', cite: '000 第十三条', quote: '通过专家评审会及现场答辩相结合的方式' },
    cite: '000 第十三条',
    quote: '由评价工作小组在评价工作委员会的监管下组织业内专家',
  },
  documents: [
    xjCertificate('《信息系统集成实施高级工程经理评价证书》', 'Senior engineering manager evaluation certificate', 'xj-isi-spm-certificate', {
      zh: '第三条称《信息系统集成实施高级工程经理证书》，第十四条、第十六条称《……评价证书》；采用后者',
      en: 'Article 3 omits “evaluation”; articles 14 and 16 use the full name, used here',
    }),
    ...xjDocuments('第十三条'),
  ],
  workflows: {
    new: expertEvaluation('xj-isi-spm.new', '信息系统集成实施高级工程经理评价', 'Senior engineering manager evaluation', []),
    // 000 第十五条二: only in the 6 months before the P1 certificate expires.
    upgrade: expertEvaluation('xj-isi-spm.upgrade', '工程经理申请高级工程经理评价', 'Upgrade to senior engineering manager', [
      { kind: 'within-window', window: 'upgrade' },
    ]),
    ...xjCertificateWorkflows('xj-isi-spm', '高级工程经理'),
  },
} satisfies ProgramPackInput;
