/**
 * P1 `xj-isi-pm` — 信息系统集成实施工程经理评价 (Xinjiang), seed 000.
 *
 * The office receives an application from a unit or an individual (第八条), checks it for
 * completeness and authenticity (第十一条), the 评价工作小组 evaluates the materials and publishes
 * the results (第十二条), and the IT 三会 issue a certificate valid four years (第十四条, 第十五条).
 * Holders renew in the six months before expiry, or apply for P2 instead (第十五条二, in P2's pack).
 */
import { XJ_PM_RENEWAL_WINDOW_MONTHS, XJ_PM_RENEWAL_YEARS, XJ_PM_VALIDITY_YEARS } from '../rules/validity';
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

/** 000 第十五条: four years; 第十五条一: renewal in the six months before expiry, four more years. */
const TERMS: XjTerms = {
  article: '第十五条',
  renewalArticle: '第十五条一',
  validityYears: XJ_PM_VALIDITY_YEARS,
  validityRule: 'XJ_PM_VALIDITY_YEARS',
  renewalYears: XJ_PM_RENEWAL_YEARS,
  windowMonths: XJ_PM_RENEWAL_WINDOW_MONTHS,
  windowRule: 'XJ_PM_RENEWAL_WINDOW_MONTHS',
  validityQuote: '《信息系统集成实施工程经理评价证书》有效期为四年',
  renewalQuote: '延续后证书有效期为 4 年',
  windowQuote: '证书期满前 6 个月，持证人可选择申请延续现有证书或申请信息系统集成实施高级工程经理评价',
  printKinds: ['new', 'renewal'],
  alternatives: [
    {
      program: 'xj-isi-spm',
      kind: 'upgrade',
      names: { zh: '改为申请高级工程经理评价', en: 'Apply for the senior evaluation instead' },
      cite: '000 第十五条二',
      quote: '持证人在证书期满前 6 个月，可通过信息系统集成实施高级工程经理评价要求',
    },
  ],
};

export const xjIsiPmPack = {
  id: 'xj-isi-pm',
  seed: '000',
  names: {
    zh: '信息系统集成实施工程经理评价',
    en: 'Information system integration implementation engineering manager evaluation (Xinjiang)',
  },
  issuer: XJ_ISSUER,
  applicantKind: 'person',
  applicationKinds: [
    {
      id: 'new',
      names: { zh: '工程经理评价申请', en: 'Evaluation' },
      initiatedBy: 'applicant',
      cite: '000 第八条',
      quote: '信息系统集成实施工程经理、信息系统集成实施高级工程经理的评价申请，分为单位提出和个人提出两种途径',
    },
    {
      id: 'renewal',
      names: { zh: '证书延续', en: 'Renewal' },
      initiatedBy: 'applicant',
      cite: '000 第十五条一',
      quote: '持证人在证书期满前 6 个月，可通过提交信息系统集成实施工程经理能力提高培训合格证及其他相关材料申请延续',
    },
    XJ_CHANGE_KIND,
    XJ_REISSUE_KIND,
  ],
  eligibility: XJ_ELIGIBILITY,
  fields: xjFields(['new']),
  checklist: [
    ...xjEvaluationMaterials(['new'], {
      id: 'training-certificate',
      zh: '信息系统集成实施工程经理培训合格证',
      en: 'Engineering manager training certificate',
    }),
    ...xjHolderMaterials({
      zh: '信息系统集成实施工程经理能力提高培训合格证',
      en: 'Engineering manager advanced-training certificate',
      cite: '000 第十五条一',
      quote: '提交信息系统集成实施工程经理能力提高培训合格证及其他相关材料申请延续',
    }),
  ],
  validity: xjValidity(TERMS),
  windows: [xjRenewalWindow(TERMS)],
  lifecycle: xjLifecycle(TERMS),
  thresholds: [],
  // 第十二条: 评价结束后公布结果 — a publication, with no period the office must wait out.
  publicity: [],
  timeLimits: [],
  keyDates: [],
  scoring: xjScoring({ zh: '信息系统集成实施工程经理评价指标体系', en: 'Engineering manager evaluation indicators' }, [
    {
      id: 'basis',
      text: {
        zh: '相关职业培训的考试结果、职业技能、从业经验及项目履历',
        en: 'Training exam results, professional skills, experience and project record',
      },
      cite: '000 第六条',
      quote: '通过相关职业培训的考试结果、职业技能、从业经验及项目履历等条件开展综合评价',
    },
  ]),
  panel: {
    names: { zh: '评价工作小组专业评价', en: 'Professional evaluation by the evaluation working group' },
    stages: [
      {
        stage: 'awaiting-evaluation',
        names: { zh: '专业评价', en: 'Professional evaluation' },
        sheet: { kind: 'dimensions', equalShares: XJ_PANEL_POINTS },
        score: {
          method: 'mean',
          passMark: {
            value: 60,
            cite: '000 第十二条',
            quote: '由评价工作小组通过组织对申报人员材料进行专业评价',
            reading: {
              zh: '第十二条未规定合格分数；本程序包的理解：专家总分的平均分达到60分（满分100分）为合格',
              en: 'Article 12 sets no pass mark; read as a mean of at least 60 out of 100',
            },
          },
          cite: '000 第十二条',
          reading: { zh: '种子未规定合分方式；本程序包的理解：取各位专家总分的算术平均分', en: 'The seed gives no method; read as the mean of the members’ totals' },
        },
        recommendations: {
          majority: { numerator: 1, denominator: 2, comparison: 'more-than' },
          cite: '000 第十二条',
          reading: {
            zh: '种子未规定表决方式；本程序包的理解：建议通过的专家超过半数且平均分合格为通过；建议通过与不通过人数相同的，提请组长决定',
            en: 'The seed gives no vote; read as more than half recommending and a passing mean; an even split goes to the chair',
          },
        },
        cite: '000 第十二条',
        quote: '由评价工作小组通过组织对申报人员材料进行专业评价',
      },
    ],
    recusal: XJ_RECUSAL,
    othersScores: XJ_OTHERS_SCORES,
    cite: '000 第十二条',
    quote: '在评价工作委员会的监管下，由评价工作小组通过组织对申报人员材料进行专业评价',
  },
  documents: [
    xjCertificate('《信息系统集成实施工程经理评价证书》', 'Engineering manager evaluation certificate', 'xj-isi-pm-certificate', {
      zh: '第三条称《信息系统集成实施工程经理证书》，第十四条、第十五条称《……评价证书》；采用后者',
      en: 'Article 3 omits “evaluation”; articles 14 and 15 use the full name, used here',
    }),
    ...xjDocuments('第十二条'),
  ],
  workflows: {
    new: xjEvaluationWorkflow({
      id: 'xj-isi-pm.new',
      name: { zh: '信息系统集成实施工程经理评价', en: 'Engineering manager evaluation' },
      // 000 第十一条: 完整性、真实性审核，通过后进入待评价环节.
      passIntake: transition('pass-intake', 'received', 'awaiting-evaluation', ['审核通过，进入待评价', 'Pass intake review'], CLERK, MATERIALS_OK),
      panelStates: [state('awaiting-evaluation', '待评价', 'Awaiting evaluation', 'active', 'panel')],
      panelTransitions: [
        // 000 第十二条: 评价工作小组 evaluates the materials — the session's signed result, carried.
        transition('evaluate', 'awaiting-evaluation', 'decision', ['完成专业评价', 'Evaluation done'], PANEL_STEP, [panelResult('awaiting-evaluation')], []),
      ],
      // 000 第十二条: 在评价结束后公布结果 — the result the panel signed.
      passGuards: [panelResult('awaiting-evaluation', 'pass')],
      failGuards: [panelResult('awaiting-evaluation', 'fail')],
    }),
    ...xjCertificateWorkflows('xj-isi-pm', '工程经理'),
  },
} satisfies ProgramPackInput;
