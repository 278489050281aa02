import { describe, expect, it } from 'vitest';
import { getPack } from '../../../shared/programs';
import { applicationStateOf, initialStateIn, stateOf, workflowOf } from '../../../shared/workflow/lookup';
import { applicationSchema } from '../../../shared/model/records';

describe('workflowOf / stateOf: an application’s workflow and state from its pack', () => {
  const p5 = getPack('rk-registration')!;

  it('finds the state a P5 first registration starts in, and its name', () => {
    expect(initialStateIn(workflowOf(p5, 'new'))?.id).toBe('received');
    expect(applicationStateOf(p5, { kind: 'new', status: 'received' })?.name.zh).toBe('已收件，待审核');
  });

  it('gives nothing, never a throw, for a kind or state the pack does not know', () => {
    expect(workflowOf(p5, 'no-such-kind')).toBeUndefined();
    expect(workflowOf(undefined, 'new')).toBeUndefined();
    expect(stateOf(workflowOf(p5, 'new'), 'no-such-state')).toBeUndefined();
    expect(stateOf(workflowOf(p5, 'new'), undefined)).toBeUndefined();
  });

  it('a stored application’s kind is parsed against the closed list of kinds', () => {
    const kindIssues = (kind: string) =>
      (applicationSchema.safeParse({ kind }).error?.issues ?? []).filter((i) => i.path[0] === 'kind').map((i) => i.message);
    expect(kindIssues('renewal')).toEqual([]);
    expect(kindIssues('initial')).toEqual(['未知的申请类型']);
  });

  it.each([
    // [field, value, expected messages] — written down, not computed
    ['programId', 'zj-it-senior', []],
    ['programId', 'toy-org-pack', []],
    ['programId', 'P4', ['未知的业务类别']],
    ['programId', '高级工程师', ['未知的业务类别']],
    ['programId', undefined, ['缺少业务类别']],
    ['status', 'awaiting-defense', []],
    ['status', '公示中', ['未知的办理状态']],
    ['status', 'Awaiting Defense', ['未知的办理状态']],
    ['status', undefined, ['缺少办理状态']],
  ] as const)('a stored application’s %s “%s” is parsed as a branded id at the record boundary', (field, value, expected) => {
    const issues = (applicationSchema.safeParse({ [field]: value }).error?.issues ?? []).filter((i) => i.path[0] === field).map((i) => i.message);
    expect(issues).toEqual(expected);
  });
});
