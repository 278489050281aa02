/**
 * Who sees which sheets. Scoring is independent: by the pack's setting (`panel.othersScores`)
 * an expert sees the other members' submitted scores only after submitting their own
 * ('after-submit'), never ('never'), or always ('always'). A recused expert sees nothing of the
 * application; the office sees every sheet (it types paper sheets and prepares the results).
 */
import type { Scoresheet } from '../model/records';
import { expertOfActor, isOffice, live, type PanelActor, type PanelContext } from './context';
import { mayOpen } from './recusal';

export type PanelViewer =
  | { readonly kind: 'office' }
  | { readonly kind: 'expert'; readonly expertId: string }
  /** Signed in, but neither office staff nor a member of this session. */
  | { readonly kind: 'outsider' };

/** How the session sees the account: a member expert first (an admin who sits is a member). */
export function viewerOf(ctx: Pick<PanelContext, 'experts' | 'session'>, actor: PanelActor): PanelViewer {
  const expert = expertOfActor(ctx, actor);
  if (expert !== undefined && ctx.session.memberIds.includes(expert.id)) return { kind: 'expert', expertId: expert.id };
  return isOffice(actor) ? { kind: 'office' } : { kind: 'outsider' };
}

/** Whether the expert may see the other members' scores for the application at the stage now. */
export function othersScoresVisible(ctx: PanelContext, expertId: string, applicationId: string, stage: string): boolean {
  const setting = ctx.pack.panel?.othersScores.visible ?? 'after-submit';
  if (setting === 'never') return false;
  if (!mayOpen(ctx, expertId, applicationId).ok) return false;
  if (setting === 'always') return true;
  return live(ctx.sheets, ctx.session.id).some(
    (s) => s.applicationId === applicationId && s.stage === stage && s.expertId === expertId && s.status === 'submitted',
  );
}

export interface VisibleSheets {
  readonly sheets: readonly Scoresheet[];
  /** Sheets of this application and stage the viewer may not see yet (to say "2 份已提交，提交后可见"). */
  readonly hidden: number;
}

/** The sheets of the application at the stage this viewer may see. */
export function visibleSheets(ctx: PanelContext, viewer: PanelViewer, applicationId: string, stage: string): VisibleSheets {
  const all = live(ctx.sheets, ctx.session.id).filter((s) => s.applicationId === applicationId && s.stage === stage);
  if (viewer.kind === 'office') return { sheets: all, hidden: 0 };
  if (viewer.kind === 'outsider' || !mayOpen(ctx, viewer.expertId, applicationId).ok) return { sheets: [], hidden: all.length };
  const own = all.filter((s) => s.expertId === viewer.expertId);
  const others = all.filter((s) => s.expertId !== viewer.expertId && s.status === 'submitted');
  const shown = othersScoresVisible(ctx, viewer.expertId, applicationId, stage) ? [...own, ...others] : own;
  return { sheets: shown, hidden: all.length - shown.length };
}
