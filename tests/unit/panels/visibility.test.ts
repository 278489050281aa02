/**
 * Independent scoring (the packs' `panel.othersScores`, 'after-submit' in all four): an expert
 * sees the other members' submitted scores only after submitting their own; a recused expert sees
 * nothing of the application; the office sees every sheet.
 */
import { describe, expect, it } from 'vitest';
import { othersScoresVisible, viewerOf, visibleSheets } from '../../../shared/panels';
import type { ProgramPack } from '../../../shared/programs/schema';
import { actorOf, APP, CLERK, context, P1, P2, P4, P6, QIAN, reviewSheet, SUN, ZHAO } from './fixtures';

const zhao = reviewSheet(APP[0]!, ZHAO, 80, 'recommend');
const qianDraft = reviewSheet(APP[0]!, QIAN, 60, 'not-recommend', { status: 'draft', submittedAt: undefined });
const sunOn4 = reviewSheet(APP[3]!, ZHAO, 80, 'recommend');

describe('others’ scores after submitting', () => {
  it('every pack with a panel says after-submit', () => {
    expect([P1, P2, P4, P6].map((p) => p.panel?.othersScores.visible)).toEqual(['after-submit', 'after-submit', 'after-submit', 'after-submit']);
  });

  // 赵 has submitted, 钱 has a draft.
  it.each([
    ['before submitting, an expert sees only their own draft; 1 sheet is hidden', QIAN, false, [QIAN], 1],
    ['after submitting, the others’ submitted sheets (never their drafts)', ZHAO, true, [ZHAO], 1],
  ] as const)('%s', (_name, expertId, othersVisible, seenSheets, hidden) => {
    const ctx = context({ sheets: [zhao, qianDraft] });
    expect(othersScoresVisible(ctx, expertId, APP[0]!, 'expert-review')).toBe(othersVisible);
    const seen = visibleSheets(ctx, { kind: 'expert', expertId }, APP[0]!, 'expert-review');
    expect(seen.sheets.map((s) => s.expertId)).toEqual(seenSheets);
    expect(seen.hidden).toBe(hidden);
  });

  it('after submitting, the others’ sheets once they are submitted', () => {
    const both = context({ sheets: [zhao, { ...qianDraft, status: 'submitted', submittedAt: zhao.submittedAt }] });
    expect(visibleSheets(both, { kind: 'expert', expertId: ZHAO }, APP[0]!, 'expert-review').sheets.map((s) => s.expertId)).toEqual([ZHAO, QIAN]);
  });

  it('never / always as a pack may set it', () => {
    const withSetting = (visible: 'never' | 'always') => {
      const pack = structuredClone(P2) as ProgramPack;
      pack.panel!.othersScores.visible = visible;
      return context({ pack, sheets: [zhao, { ...qianDraft, status: 'submitted', submittedAt: zhao.submittedAt }] });
    };
    expect(othersScoresVisible(withSetting('never'), ZHAO, APP[0]!, 'expert-review')).toBe(false);
    expect(othersScoresVisible(withSetting('always'), SUN, APP[0]!, 'expert-review')).toBe(true);
  });

  it('a recused expert sees nothing of the application; the office sees all; an outsider nothing', () => {
    const ctx = context({ sheets: [sunOn4] });
    expect(visibleSheets(ctx, { kind: 'expert', expertId: SUN }, APP[3]!, 'expert-review')).toEqual({ sheets: [], hidden: 1 });
    expect(visibleSheets(ctx, viewerOf(ctx, CLERK), APP[3]!, 'expert-review').sheets).toHaveLength(1);
    expect(viewerOf(ctx, actorOf('u-zhao'))).toEqual({ kind: 'expert', expertId: ZHAO });
    expect(viewerOf(ctx, actorOf('u-stranger'))).toEqual({ kind: 'outsider' });
  });
});
