/**
 * Who sees a session and what travels in its results file from whom (shared/panels exchange.ts):
 * reviewer mode lists only the sessions an expert sits on; a member's file holds their own sheets
 * only, the chair's and the office's the whole session; only the office or the chair imports; an
 * expert is linked to a 评审人员 account of their own.
 */
import { describe, expect, it } from 'vitest';
import { batchContentFor, expertAccountProblem, mayImportBatch, maySeeSession } from '../../../shared/panels';
import { actorOf, APP, CLERK, context, defenceSheet, EXPERTS, QIAN, SESSION, SUN, ZHAO } from './fixtures';

const sheets = [defenceSheet(APP[0]!, ZHAO, 80), defenceSheet(APP[0]!, QIAN, 70), defenceSheet(APP[1]!, SUN, 60)];

describe('maySeeSession (reviewer mode)', () => {
  it.each([
    ['the office', CLERK, true],
    ['a member', actorOf('u-qian'), true],
    ['an expert of no session', actorOf('u-nobody'), false],
  ] as const)('%s', (_who, actor, seen) => {
    expect(maySeeSession({ experts: EXPERTS }, SESSION, actor)).toBe(seen);
  });
});

describe('batchContentFor', () => {
  it('a member exports their own sheets only, no results', () => {
    const r = batchContentFor(context({ sheets }), actorOf('u-qian'));
    expect(r.ok && r.value.scoresheets.map((s) => s.expertId)).toEqual([QIAN]);
    expect(r.ok && r.value.results).toEqual([]);
  });
  it('the chair and the office export the whole session', () => {
    for (const actor of [actorOf('u-zhao'), CLERK]) {
      const r = batchContentFor(context({ sheets }), actor);
      expect(r.ok && r.value.scoresheets).toHaveLength(3);
    }
  });
  it('an outsider exports nothing', () => {
    const r = batchContentFor(context({ sheets }), actorOf('u-nobody'));
    expect(r.ok ? '' : r.error.message).toBe('你不是本次评审会的成员，不能导出评审会文件。');
  });
});

describe('mayImportBatch', () => {
  it.each([
    ['the office', CLERK, true],
    ['the chair', actorOf('u-zhao'), true],
    ['a member', actorOf('u-qian'), false],
  ] as const)('%s', (_who, actor, allowed) => {
    expect(mayImportBatch({ experts: EXPERTS }, SESSION, actor).ok).toBe(allowed);
  });
});

describe('expertAccountProblem', () => {
  const user = (id: string, role: 'admin' | 'clerk' | 'reviewer') => ({ id, role, displayName: '某人' });
  it.each([
    ['a free reviewer account', user('u-new', 'reviewer'), undefined, ''],
    ['a clerk account', user('u-clerk', 'clerk'), undefined, '“某人”不是评审人员账号：专家只能关联评审人员账号。'],
    ['an account another expert uses', user('u-qian', 'reviewer'), undefined, '账号“某人”已关联专家钱专家。'],
    ['the expert’s own account again', user('u-qian', 'reviewer'), QIAN, ''],
    ['no account', undefined, undefined, '找不到所选的用户账号。'],
  ] as const)('%s', (_what, u, expertId, message) => {
    const r = expertAccountProblem(EXPERTS, u, expertId);
    expect(r.ok ? '' : r.error.message).toBe(message);
  });
});
