/**
 * How a session's numbers read on screen and on the printed result list: every value is the
 * rules' (shared/panels), only worded here. Printed papers are in Chinese whatever the UI language.
 */
import { formatTenths, SIGNED_OUTCOME_LABELS_ZH, type StageAggregate } from '../../../../shared/panels';
import type { PanelResult } from '../../../../shared/model/records';
import type { PanelResultRow, PanelResultsInput } from '../../../../shared/documents';
import type { SessionData } from './context';

export function stageName(data: SessionData, stage: string, lang: 'zh' | 'en' = 'zh'): string {
  return data.pack.panel?.stages.find((s) => s.stage === stage)?.names[lang] ?? stage;
}

export function scoreText(score: { tenths: number; trimmed?: boolean } | undefined): string {
  if (score === undefined) return '';
  return `${formatTenths(score.tenths)}${score.trimmed ? '（去掉最高分和最低分后的平均分）' : '（平均分）'}`;
}

export function votesText(v: Pick<StageAggregate, 'recommendations' | 'ballot'> | Pick<PanelResult, 'recommendations' | 'ballot'>): string {
  const parts: string[] = [];
  if (v.recommendations) parts.push(`建议通过 ${v.recommendations.recommend} / 建议不通过 ${v.recommendations.notRecommend}`);
  if (v.ballot) parts.push(`出席 ${v.ballot.present}，同意 ${v.ballot.agree}，不同意 ${v.ballot.disagree}，弃权 ${v.ballot.abstain}`);
  return parts.join('；');
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
