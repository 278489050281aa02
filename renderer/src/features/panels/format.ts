/**
 * How a session's numbers read on screen and on the printed result list: every value is the
 * rules' (shared/panels), only worded here. Printed papers are in Chinese whatever the UI language.
 */
import { formatTenths, SIGNED_OUTCOME_LABELS_ZH, type StageAggregate } from '../../../../shared/panels';
import type { PanelResult } from '../../../../shared/model/records';
import type { PanelResultRow, PanelResultsInput } from '../../../../shared/documents';
import type { SessionData } from './context';
import { translate, type MessageKey } from '../../i18n/messages';

/** The words of a screen (useT) or, by default, the printed list's Chinese. */
type Words = (key: MessageKey, vars?: Record<string, string | number>) => string;
const printed: Words = (key, vars) => translate('zh-CN', key, vars);

export function stageName(data: SessionData, stage: string, lang: 'zh' | 'en' = 'zh'): string {
  return data.pack.panel?.stages.find((s) => s.stage === stage)?.names[lang] ?? stage;
}

export function scoreText(score: { tenths: number; trimmed?: boolean } | undefined, t: Words = printed): string {
  if (score === undefined) return '';
  return t(score.trimmed ? 'panel.score.trimmed' : 'panel.score.mean', { score: formatTenths(score.tenths) });
}

export function votesText(v: Pick<StageAggregate, 'recommendations' | 'ballot'> | Pick<PanelResult, 'recommendations' | 'ballot'>, t: Words = printed): string {
  const parts: string[] = [];
  if (v.recommendations) parts.push(t('panel.votes.recommendations', { recommend: v.recommendations.recommend, notRecommend: v.recommendations.notRecommend }));
  if (v.ballot) parts.push(t('panel.votes.ballot', { present: v.ballot.present, agree: v.ballot.agree, disagree: v.ballot.disagree, abstain: v.ballot.abstain }));
  return parts.join(t('panel.votes.separator'));
}

/** The signed results of the session as the printed list shows them, in session order. */
export function resultListInput(data: SessionData, office: string): PanelResultsInput {
  const { session, experts } = data.ctx;
  const name = (id: string) => experts.find((e) => e.id === id)?.name ?? '';
  const rows: PanelResultRow[] = [];
  let signedOn = session.date;
  for (const stage of session.stages) {
    for (const app of data.applications) {
      const r = data.ctx.results.find((x) => x.deleted !== true && x.applicationId === app.application.id && x.stage === stage);
      if (r === undefined) continue;
      if (r.signedOffOn > signedOn) signedOn = r.signedOffOn;
      // The trimmed mean is recognisable from the result alone: more totals than were averaged.
      const trimmed = data.pack.panel?.stages.find((s) => s.stage === stage)?.score.method === 'trimmed-mean' && r.totals.length >= (data.pack.panel?.stages.find((s) => s.stage === stage)?.score.trimFrom?.count ?? Infinity);
      rows.push({
        applicationNo: app.application.applicationNo,
        applicant: app.applicant,
        stage: stageName(data, stage),
        score: r.scoreTenths === undefined ? '' : scoreText({ tenths: r.scoreTenths, trimmed }),
        votes: votesText(r),
        outcome: SIGNED_OUTCOME_LABELS_ZH[r.outcome],
        note: r.ruling ? `主任委员裁定：${r.ruling.reason}` : '',
      });
    }
  }
  return {
    office,
    sessionTitle: session.title,
    programName: data.pack.names.zh,
    date: session.date,
    venue: session.venue,
    chair: name(session.chairId),
    members: session.memberIds.map(name),
    signedOn,
    rows,
  };
}
