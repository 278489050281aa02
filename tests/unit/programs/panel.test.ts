/**
 * The packs' `panel` blocks: who sits and how their scores and votes combine, as data each pack
 * states with its seed (000 第七、九、十二、十三条; 002 四(二); 004 第三条、第八条、第十四条) or,
 * for P4's ballot, the external regulation (职称评审管理暂行规定, 人社部令第40号). loadPack
 * refuses a panel that does not fit its pack, in Chinese, naming the place.
 */
import { describe, expect, it } from 'vitest';
import { getPack } from '../../../shared/programs/index';
import { EXTERNAL_REGULATIONS, loadPack, type ProgramPack } from '../../../shared/programs/schema';
import { expectFail } from '../rules/expect-result';

const copy = (id: string): ProgramPack => structuredClone(getPack(id) as ProgramPack);

describe('the panel of each program', () => {
  it.each([
    ['xj-isi-pm', '评价工作小组专业评价', [['awaiting-evaluation', 'dimensions', 'mean', 60, 'more-than 1/2', undefined]]],
    [
      'xj-isi-spm',
      '专家评审会及现场答辩',
      [
        ['awaiting-defense', 'items', 'trimmed-mean', 60, undefined, undefined],
        ['expert-review', 'dimensions', 'trimmed-mean', 60, 'more-than 1/2', undefined],
      ],
    ],
    ['zj-it-senior', '高评委评审', [['panel', 'self-score', 'mean', undefined, undefined, 'at-least 2/3 of at-least 2/3']]],
    ['iets', '评价中心专家评审', [['expert-review', 'dimensions', 'mean', undefined, 'more-than 1/2', undefined]]],
  ])('%s: %s', (id, name, stages) => {
    const panel = getPack(id)?.panel;
    expect(panel?.names.zh).toBe(name);
    expect(
      panel?.stages.map((s) => [
        s.stage,
        s.sheet.kind,
        s.score.method,
        s.score.passMark?.value,
        s.recommendations && `${s.recommendations.majority.comparison} ${s.recommendations.majority.numerator}/${s.recommendations.majority.denominator}`,
        s.ballot &&
          `${s.ballot.majority.comparison} ${s.ballot.majority.numerator}/${s.ballot.majority.denominator} of ${s.ballot.quorum.comparison} ${s.ballot.quorum.numerator}/${s.ballot.quorum.denominator}`,
      ]),
    ).toEqual(stages);
  });

  it('P3 and P5 have no panel', () => {
    expect(getPack('xj-si-annual')?.panel).toBeUndefined();
    expect(getPack('rk-registration')?.panel).toBeUndefined();
  });

  it('every number the seed does not give is stated as the pack’s reading', () => {
    for (const id of ['xj-isi-pm', 'xj-isi-spm', 'iets']) {
      for (const stage of getPack(id)!.panel!.stages) {
        if (stage.sheet.kind === 'dimensions') expect(stage.sheet.equalShares.reading.zh).toMatch(/本程序包的理解/);
        if (stage.score.passMark) expect(stage.score.passMark.reading.zh).toMatch(/本程序包的理解/);
        expect(stage.score.reading?.zh ?? stage.score.quote).toBeTruthy();
      }
    }
  });

  it('P4’s ballot cites 人社部令第40号 in its own words, a secret ballot', () => {
    const ballot = getPack('zj-it-senior')!.panel!.stages[0]!.ballot!;
    expect(EXTERNAL_REGULATIONS[ballot.quorum.regulation!.id].zh).toBe('《职称评审管理暂行规定》（人力资源社会保障部令第40号）');
    expect(ballot.quorum.regulation?.words).toBe('出席评审会议的专家人数应当不少于职称评审委员会人数的2/3');
    expect(ballot.regulation?.words).toBe('通过无记名投票表决');
    expect(ballot.secret).toBe(true);
  });

  it('P2 schedules its 现场答辩 (000 第十三条); the others do not', () => {
    expect(getPack('xj-isi-spm')?.panel?.defence).toMatchObject({ stage: 'awaiting-defense', cite: '000 第十三条' });
    expect(['xj-isi-pm', 'zj-it-senior', 'iets'].map((id) => getPack(id)?.panel?.defence)).toEqual([undefined, undefined, undefined]);
  });
});

describe('loadPack refuses a panel that does not fit its pack', () => {
  const refusal = (id: string, mutate: (pack: ProgramPack) => void) => {
    const pack = copy(id);
    mutate(pack);
    return expectFail(loadPack(pack), 'pack.invalid');
  };

  it.each<[string, string, (p: ProgramPack) => void, RegExp]>([
    ['a stage that is not a panel state', 'xj-isi-pm', (p) => (p.panel!.stages[0]!.stage = 'received'), /评审阶段“received”不是本程序流程中的待评审状态/],
    ['points that do not share into tenths (100 over 3 rows)', 'iets', (p) => p.scoring!.dimensions.pop(), /100 分不能由3项均分到0.1分/],
    ['a unit field the form does not have', 'zj-it-senior', (p) => (p.panel!.recusal.unitFields = ['workplace']), /回避规则引用的字段“workplace”不存在/],
    ['a stage deciding by nothing', 'iets', (p) => delete p.panel!.stages[0]!.recommendations, /至少有一条决定结果的规则/],
    ['a trimmed mean without its minimum', 'xj-isi-spm', (p) => delete p.panel!.stages[0]!.score.trimFrom, /trimFrom/],
    ['a ballot share without a source', 'zj-it-senior', (p) => delete p.panel!.stages[0]!.ballot!.majority.regulation, /通过比例（majority）须写明出处/],
    ['a share above one', 'xj-isi-pm', (p) => (p.panel!.stages[0]!.recommendations!.majority.numerator = 3), /比例不能大于1/],
    ['an unknown external regulation', 'zj-it-senior', (p) => ((p.panel!.stages[0]!.ballot!.regulation as { id: string }).id = 'mohrss-order-41'), /外部规定应为 mohrss-order-40/],
    ['a defence at a stage the panel does not have', 'xj-isi-spm', (p) => (p.panel!.defence!.stage = 'decision'), /现场答辩阶段“decision”不是评审阶段之一/],
  ])('%s (%s)', (_what, id, mutate, message) => {
    expect(refusal(id, mutate)).toMatch(message);
  });
});
