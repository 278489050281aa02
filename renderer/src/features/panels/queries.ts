/**
 * What the panel screens show, live (re-read when a record changes here or arrives by sync or
 * file). Screens read only through these hooks; who may see a session is shared/panels'.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { maySeeSession } from '../../../../shared/panels';
import type { Application, Expert, PanelSession, User } from '../../../../shared/model/records';
import { getPack } from '../../../../shared/programs';
import { db } from '../../db';
import { useSession } from '../../stores/session';
import { bySessionDate, loadSessionData, type SessionData } from './context';

/** The roster, by name. */
export function useExperts(): Expert[] | undefined {
  return useLiveQuery(async () => (await db.experts.toArray()).filter((e) => e.deleted !== true).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')), []);
}

/** 评审人员 accounts an expert can be linked to. */
export function useReviewerAccounts(): User[] | undefined {
  return useLiveQuery(async () => (await db.users.toArray()).filter((u) => u.deleted !== true && u.role === 'reviewer'), []);
}

/** The sessions the signed-in account may see (reviewer mode: only those it sits on), newest first. */
export function useVisibleSessions(): PanelSession[] | undefined {
  const user = useSession((s) => s.user);
  return useLiveQuery(async () => {
    if (user === null) return [];
    const [sessions, experts] = await Promise.all([db.panelSessions.toArray(), db.experts.toArray()]);
    const actor = { userId: user.id, role: user.role };
    return sessions.filter((s) => s.deleted !== true && maySeeSession({ experts }, s, actor)).sort(bySessionDate);
  }, [user?.id, user?.role]);
}

/** One session with everything the rules need; null when there is none. */
export function useSessionData(sessionId: string | undefined): SessionData | null | undefined {
  return useLiveQuery(async () => (sessionId === undefined ? null : ((await loadSessionData(db, sessionId)) ?? null)), [sessionId]);
}

export interface Candidate {
  readonly application: Application;
  readonly label: string;
}

/** Applications of the program waiting at one of the stages (待评审), by number. */
export function useCandidates(programId: string | undefined, stages: readonly string[]): Candidate[] | undefined {
  const key = stages.join(',');
  return useLiveQuery(async () => {
    if (programId === undefined || getPack(programId) === undefined || stages.length === 0) return [];
    const apps = await db.applications.where('[programId+status]').anyOf(stages.map((s) => [programId, s])).toArray();
    const live = apps.filter((a) => a.deleted !== true).sort((a, b) => (a.applicationNo < b.applicationNo ? -1 : 1));
    const people = await db.people.bulkGet(live.map((a) => a.personId ?? ''));
    const orgs = await db.organisations.bulkGet(live.map((a) => a.organisationId ?? ''));
    return live.map((application, i) => ({ application, label: `${application.applicationNo} ${people[i]?.name ?? orgs[i]?.name ?? ''}`.trim() }));
  }, [programId, key]);
}
