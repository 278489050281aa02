/**
 * Issue 12: after a return the 002 附件3 chain starts again from the bottom — opinions recorded
 * before the latest return are history, so the chain and the status agree.
 */
import { describe, expect, it } from 'vitest';
import { currentRoutingOpinions, routingStateOf } from '../../../renderer/src/features/applications/file';
import type { RoutingOpinion } from '../../../shared/model/records';

const id = (n: number) => `01900000-0000-7000-8000-0000000c${String(n).padStart(4, '0')}`;
const opinion = (n: number, level: string): RoutingOpinion =>
  ({ id: id(n), applicationId: 'app', level, opinion: 'pass', note: '', on: '2026-11-02' }) as RoutingOpinion;

// 002 附件3 一 (市属单位): applicant → unit → city department → city 经信/人社 → 高评委办公室.
const before = [opinion(1, 'applicant'), opinion(2, 'unit'), opinion(3, 'city-department'), opinion(4, 'city-eit-or-hrss')];

describe('the routing chain after a return (002 附件3 三)', () => {
  it('without a return, every opinion counts: the file is at the 高评委办公室', () => {
    expect(routingStateOf('city', before, []).state?.holder).toBe('senior-board-office');
  });

  it('after a return to the unit, the chain starts again at the applicant', () => {
    const events = [{ id: id(5), returnTo: 'unit' as const }];
    expect(currentRoutingOpinions(before, events)).toEqual([]);
    expect(routingStateOf('city', before, events).state?.holder).toBe('applicant');
  });

  it('opinions given after the return climb the chain again', () => {
    const events = [{ id: id(5), returnTo: 'unit' as const }, { id: id(2), returnTo: undefined }];
    const again = [...before, opinion(6, 'applicant'), opinion(7, 'unit')];
    expect(currentRoutingOpinions(again, events).map((o) => o.id)).toEqual([id(6), id(7)]);
    expect(routingStateOf('city', again, events).state?.holder).toBe('city-department');
  });
});
