/**
 * A P2 session as the acceptance describes it (000 第十三条: 专家评审会及现场答辩相结合): three
 * experts, six applications, one expert of the same unit as one applicant; and builders for
 * sheets, ballots and contexts. Ids are fixed UUIDv7s so expected values can be written out.
 */
import type { Application, Expert, PanelBallot, PanelRecusal, PanelResult, PanelSession, Scoresheet } from '../../../shared/model/records';
import type { ApplicantUnits, PanelActor, PanelContext } from '../../../shared/panels';
import { getPack } from '../../../shared/programs';
import type { ProgramPack } from '../../../shared/programs/schema';
import { programId as pid } from '../typed-ids';

export const P1 = getPack('xj-isi-pm') as ProgramPack;
export const P2 = getPack('xj-isi-spm') as ProgramPack;
export const P4 = getPack('zj-it-senior') as ProgramPack;
export const P6 = getPack('iets') as ProgramPack;

export const id = (block: string, n: number) => `01937b2c-${block}-7000-8000-${String(n).padStart(12, '0')}`;
export const at = (minute: number) => `2026-11-25T02:${String(minute).padStart(2, '0')}:00.000Z`;
const stamps = (minute = 0) => ({ createdAt: at(minute), createdBy: 'clerk-1', updatedAt: at(minute), updatedBy: 'clerk-1' });

export const ZHAO = id('aaaa', 1);
export const QIAN = id('aaaa', 2);
export const SUN = id('aaaa', 3);
export const LI = id('aaaa', 4);
export const ZHOU = id('aaaa', 5);
export const WU = id('aaaa', 6);

export function expert(expertId: string, name: string, unit: string, userId?: string): Expert {
  return { id: expertId, name, unit, specialties: ['系统集成'], ...(userId ? { userId } : {}), ...stamps() };
}

/** Zhao chairs; Sun works at 新疆天山软件（集团）有限公司, the unit of the fourth applicant. */
export const EXPERTS: Expert[] = [
  expert(ZHAO, '赵专家', '新疆大学', 'u-zhao'),
  expert(QIAN, '钱专家', '新疆信息产业研究院', 'u-qian'),
  expert(SUN, '孙专家', '新疆天山软件（集团）有限公司', 'u-sun'),
];

export const APP = [1, 2, 3, 4, 5, 6].map((n) => id('bbbb', n));

export const APPLICANTS: ApplicantUnits[] = APP.map((applicationId, i) => ({
  applicationId,
  // The fourth applicant's employer is typed with half-width brackets and a stray space.
  units: [i === 3 ? '新疆天山软件 (集团)有限公司' : `乌鲁木齐第${i + 1}软件公司`],
}));

export const SESSION: PanelSession = {
  id: id('cccc', 1),
  programId: pid('xj-isi-spm'),
  title: '2026年第一次高级工程经理专家评审会',
  stages: ['awaiting-defense', 'expert-review'],
  date: '2026-11-25',
  venue: '乌鲁木齐 新疆软件行业协会第一会议室',
  chairId: ZHAO,
  memberIds: [ZHAO, QIAN, SUN],
  applicationIds: APP,
  ...stamps(),
};

export const CLERK: PanelActor = { userId: 'u-clerk', role: 'clerk' };
export const actorOf = (userId: string): PanelActor => ({ userId, role: 'reviewer' });

let sheetCounter = 0;

/** A submitted P2 expert-review sheet: `points` spread over the ten elements (10 each at most). */
export function reviewSheet(applicationId: string, expertId: string, points: number, recommendation: 'recommend' | 'not-recommend', extra: Partial<Scoresheet> = {}): Scoresheet {
  const ids = ['basic-knowledge', 'professional-knowledge', 'management-knowledge', 'related-knowledge', 'basic-skills', 'professional-skills', 'management-skills', 'soft-skills', 'professional-experience', 'project-experience'];
  let left = points * 10;
  const scoresTenths: Record<string, number> = {};
  for (const rowId of ids) {
    const v = Math.min(100, left);
    scoresTenths[rowId] = v;
    left -= v;
  }
  return submittedSheet(applicationId, expertId, 30, { stage: 'expert-review', scoresTenths, opinion: '专业基础扎实。', recommendation, ...extra });
}

/** A submitted P2 defence sheet (one row, 100 at most). */
export function defenceSheet(applicationId: string, expertId: string, points: number, extra: Partial<Scoresheet> = {}): Scoresheet {
  return submittedSheet(applicationId, expertId, 20, { stage: 'awaiting-defense', scoresTenths: { defence: Math.round(points * 10) }, opinion: '答辩清楚。', ...extra });
}

/** A sheet of the session submitted `minute` minutes into it; `sheet` says its stage, scores and words. */
function submittedSheet(applicationId: string, expertId: string, minute: number, sheet: Pick<Scoresheet, 'stage' | 'scoresTenths' | 'opinion'> & Partial<Scoresheet>): Scoresheet {
  return {
    id: id('dddd', ++sheetCounter),
    sessionId: SESSION.id,
    applicationId,
    expertId,
    status: 'submitted',
    submittedAt: at(minute),
    ...stamps(minute),
    ...sheet,
  };
}

export function context(overrides: Partial<PanelContext> = {}): PanelContext {
  return {
    pack: P2,
    session: SESSION,
    experts: EXPERTS,
    applicants: APPLICANTS,
    recusals: [],
    sheets: [],
    ballots: [],
    results: [],
    ...overrides,
  };
}

export function recusal(expertId: string, applicationId: string, reason: string): PanelRecusal {
  return { id: id('eeee', 1), sessionId: SESSION.id, applicationId, expertId, kind: 'manual', basis: 'declared', reason, ...stamps() };
}

export function ballot(applicationId: string, counts: Pick<PanelBallot, 'issued' | 'agree' | 'disagree' | 'abstain'>, sessionId: string, n = 1): PanelBallot {
  return { id: id('ffff', n), sessionId, applicationId, stage: 'panel', ...counts, ...stamps(40) };
}

export const application = (applicationId: string, selfScore?: Application['selfScore']): Pick<Application, 'id' | 'selfScore'> =>
  selfScore === undefined ? { id: applicationId } : { id: applicationId, selfScore };

export type { PanelResult };
