/**
 * Which workflow states hold a certificate: the packs say it (a state in the 待发证 queue, or a
 * final state marked `grantsCertificate`), and the certificates page only asks.
 * 000 第十四条 / 004: passing leads to a certificate; 003 七: registration is stamped on the
 * certificate's 登记页; P4 recommends a title the association does not certify.
 */
import { describe, expect, it } from 'vitest';
import { getPack, programPacks } from '../../../shared/programs';
import type { ApplicationKindId } from '../../../shared/programs/schema';
import { grantsCertificate, parseWorkflowDefinition } from '../../../shared/workflow/definition';

function granting(programId: string, kind: string): string[] {
  const definition = getPack(programId)!.workflows[kind as ApplicationKindId]!;
  return definition.states.filter((s) => grantsCertificate(definition, s.id)).map((s) => s.id);
}

describe('grantsCertificate, per pack', () => {
  const cases: [string, string, string[]][] = [
    ['xj-isi-pm', 'new', ['issue', 'certified']],
    ['xj-isi-pm', 'renewal', ['issue', 'renewed']],
    ['xj-isi-pm', 'reissue', ['issue', 'reissued']],
    ['xj-isi-pm', 'change', []],
    ['xj-isi-spm', 'new', ['issue', 'certified']],
    ['rk-registration', 'new', ['registered']],
    ['rk-registration', 'renewal', ['registered']],
    ['iets', 'new', ['issue', 'certified']],
    ['zj-it-senior', 'new', []],
  ];
  it.each(cases)('%s %s → %j', (programId, kind, states) => {
    expect(granting(programId, kind)).toEqual(states);
  });

  it('never grants on a refusal, a failure or a revocation, in any pack', () => {
    for (const pack of programPacks) {
      for (const definition of Object.values(pack.workflows)) {
        if (!definition) continue;
        for (const id of ['refused', 'not-passed', 'revoked', 'cancelled', 'suspended', 'failed', 'returned', 'received']) {
          expect(grantsCertificate(definition, id), `${pack.id} ${definition.id} ${id}`).toBe(false);
        }
      }
    }
  });

  it('an unknown state grants nothing', () => {
    expect(grantsCertificate(getPack('xj-isi-pm')!.workflows.new!, 'no-such-state')).toBe(false);
  });
});

describe('the flag is checked when a pack loads', () => {
  it('refuses grantsCertificate on a state that is not final, in Chinese', () => {
    const result = parseWorkflowDefinition({
      id: 'demo',
      name: { zh: '示例', en: 'Demo' },
      states: [
        { id: 'received', name: { zh: '已收件', en: 'Received' }, kind: 'initial', grantsCertificate: true },
        { id: 'done', name: { zh: '已办结', en: 'Done' }, kind: 'final', grantsCertificate: true },
      ],
      transitions: [{ id: 'finish', from: 'received', to: 'done', label: { zh: '办结', en: 'Finish' }, roles: ['admin'], guards: [], records: [] }],
    });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain('不是终止状态，不能标记为发证');
  });
});
