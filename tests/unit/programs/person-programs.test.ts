/**
 * P1/P2 (seed 000), P5 (seed 003) and P6 (seed 004): the things each seed fixes that the screens
 * and the engine rely on — material lists, kinds, windows, the P5 form order, the P6 levels.
 */
import { describe, expect, it } from 'vitest';
import { getPack } from '../../../shared/programs/index';
import { FIELD_VALIDATORS } from '../../../shared/programs/rule-refs';
import type { ProgramPack } from '../../../shared/programs/schema';

const p1 = getPack('xj-isi-pm') as ProgramPack;
const p2 = getPack('xj-isi-spm') as ProgramPack;
const p5 = getPack('rk-registration') as ProgramPack;
const p6 = getPack('iets') as ProgramPack;

const forKind = (pack: ProgramPack, kind: string) =>
  pack.checklist.filter((m) => m.kinds === 'all' || (m.kinds as string[]).includes(kind));

describe('000 P1/P2 evaluation', () => {
  const TENTH_ARTICLE = (training: string) => [
    ['《评价申请表》', 'required'],
    ['国家承认的大专或以上相关学历证书', 'required'],
    [training, 'required'],
    ['有效的从业人员工作履历或相关材料', 'required'],
    ['有效的从业人员项目参与履历或相关材料', 'required'],
    ['有效的社保缴纳证明材料', 'required'],
    ['其他相关补充材料', 'optional'],
  ];

  it('P1 第八条 + 第十条 一–六: the application form and six materials, the 工程经理 training certificate', () => {
    expect(forKind(p1, 'new').map((m) => [m.name.zh, m.requirement])).toEqual(TENTH_ARTICLE('信息系统集成实施工程经理培训合格证'));
  });

  it('P2 第十条二: the same list with the 高级工程经理 training certificate, also for an upgrade', () => {
    const expected = TENTH_ARTICLE('信息系统集成实施高级工程经理培训合格证');
    expect(forKind(p2, 'new').map((m) => [m.name.zh, m.requirement])).toEqual(expected);
    expect(forKind(p2, 'upgrade').map((m) => [m.name.zh, m.requirement])).toEqual(expected);
  });

  it.each([
    [p1, ['new', 'renewal', 'change', 'reissue']],
    [p2, ['new', 'upgrade', 'renewal', 'change', 'reissue']],
  ])('%# kinds: 第八条 申请, 第十五/十六条 延续, 第十七条 变更, 第十八条 补发 (P2 also 第十五条二)', (pack, kinds) => {
    expect(pack.applicationKinds.map((k) => k.id)).toEqual(kinds);
  });

  it('第十五条一 / 第十六条: renewal needs the 能力提高培训合格证 of the level', () => {
    expect(forKind(p1, 'renewal').find((m) => m.requirement === 'required')?.name.zh).toBe('信息系统集成实施工程经理能力提高培训合格证');
    expect(forKind(p2, 'renewal').find((m) => m.requirement === 'required')?.name.zh).toBe('信息系统集成实施高级工程经理能力提高培训合格证');
  });

  it('第十五条: 4 years, renewal in the 6 months before expiry, +4 years; 第十五条二: the upgrade window is on the P1 certificate', () => {
    expect([p1.validity?.years, p1.windows[0]?.monthsBeforeExpiry, p1.windows[0]?.extendsByYears?.value]).toEqual([4, 6, 4]);
    const upgrade = p2.windows.find((w) => w.id === 'upgrade');
    expect([upgrade?.certificateOf, upgrade?.monthsBeforeExpiry]).toEqual(['xj-isi-pm', 6]);
    expect(p2.applicationKinds.find((k) => k.id === 'upgrade')?.fromProgram).toBe('xj-isi-pm');
  });

  it('第九条: the indicators 知识/技能/经验 with their parts', () => {
    expect(p1.scoring?.dimensions.map((d) => [d.name.zh, d.items.map((i) => i.name.zh)])).toEqual([
      ['知识', ['基础知识', '专业知识', '管理知识', '相关知识']],
      ['技能', ['基础技能', '专业技能', '管理技能', '软技能']],
      ['经验', ['专业经验', '项目经验']],
    ]);
    expect(p2.scoring?.dimensions).toEqual(p1.scoring?.dimensions);
  });

  it('第十三条: P2 is evaluated by an on-site defence and an expert review meeting', () => {
    const states = p2.workflows.new?.states.map((s) => s.id);
    expect(states).toEqual(expect.arrayContaining(['awaiting-defense', 'expert-review']));
    expect(p2.workflows.upgrade?.transitions.find((t) => t.id === 'pass-intake')?.guards).toContainEqual({
      kind: 'within-window',
      window: 'upgrade',
    });
  });

  it('第八条: the application comes from a unit or an individual', () => {
    expect(p1.fields.find((f) => f.id === 'submissionRoute')?.enum?.map((o) => o.value)).toEqual(['单位提出', '个人提出']);
  });
});

describe('003 P5 certificate registration', () => {
  it('附件: the form fields in the seed order', () => {
    const formFields = p5.fields.filter((f) => f.cite === '003 附件').map((f) => f.label.zh);
    expect(formFields).toEqual([
      '专业类别',
      '资格名称',
      '登记表编号',
      '姓名',
      '性别',
      '出生年月',
      '照片',
      '健康状况',
      '身份证号码',
      '证书编号',
      '取得时间',
      '联系地址',
      '邮政编码',
      '所在单位',
      '本人联系电话',
      '参加继续教育情况（附证明件）',
      '所在单位考核结果',
      '登记实施机构意见',
      '备注',
      '本人签字',
      '申请日期',
    ]);
    // …and they come first: the office's own fields follow the form.
    expect(p5.fields.slice(0, formFields.length).every((f) => f.cite === '003 附件')).toBe(true);
  });

  it('附件: continuing-education rows are 日期, 方式 (48号 五), 内容, 核准的学时数', () => {
    const rows = p5.fields.find((f) => f.id === 'continuingEducation');
    expect(rows?.columns?.map((c) => c.label.zh)).toEqual(['日期', '方式', '内容', '核准的学时数']);
    expect(rows?.columns?.find((c) => c.id === 'mode')?.enum?.map((o) => o.value)).toEqual(['脱产', '半脱产', '业余', '在岗']);
    expect(rows?.requiredWhen).toEqual({ field: 'applicationKind', op: 'eq', value: 'renewal' });
  });

  it('附件: 所在单位考核结果 is the unit’s, 登记实施机构意见 the office’s, both dated and sealed', () => {
    const by = (id: string) => p5.fields.find((f) => f.id === id);
    expect([by('unitAssessment')?.type, by('unitAssessment')?.filledBy]).toEqual(['endorsement', 'unit']);
    expect([by('registrationOpinion')?.type, by('registrationOpinion')?.filledBy]).toEqual(['endorsement', 'office']);
  });

  it('47号 七: the decision is due 15 working days after acceptance', () => {
    const decision = p5.timeLimits.find((t) => t.id === 'decision');
    expect([decision?.length, decision?.unit]).toEqual([15, 'working-days']);
    expect(p5.workflows.new?.decisionDeadline).toEqual({ length: 15, unit: 'working-days', from: 'under-review' });
  });

  it('47号 三: valid 3 years, registered in the 3 months before expiry', () => {
    expect([p5.validity?.years, p5.windows[0]?.id, p5.windows[0]?.monthsBeforeExpiry]).toEqual([3, 'registration', 3]);
  });

  it('47号 八 / 十: the deferral grounds and the cancellation grounds are the seed lists', () => {
    expect(p5.fields.find((f) => f.id === 'deferralReason')?.enum).toHaveLength(4);
    expect(p5.fields.find((f) => f.id === 'cancellationGround')?.enum).toHaveLength(5);
    expect(p5.applicationKinds.find((k) => k.id === 'cancellation')?.initiatedBy).toBe('office');
  });

  it('47号 十一: the appeal window is 30 calendar days', () => {
    const appeal = p5.timeLimits.find((t) => t.id === 'appeal');
    expect([appeal?.length, appeal?.unit]).toEqual([30, 'calendar-days']);
  });
});

describe('004 P6 IETS', () => {
  it('办法 第十一条: five levels from IETS-4 (low) to IETS-E (high)', () => {
    const iets = p6.categories?.find((c) => c.id === 'iets');
    expect(iets?.levels.map((l) => [l.id, l.rank])).toEqual([
      ['IETS-4', 1],
      ['IETS-3', 2],
      ['IETS-2', 3],
      ['IETS-1', 4],
      ['IETS-E', 5],
    ]);
    expect(p6.fields.find((f) => f.id === 'level')?.enum?.map((o) => o.value)).toEqual(['IETS-4', 'IETS-3', 'IETS-2', 'IETS-1', 'IETS-E']);
  });

  it('办法 第十二条: 新一代信息技术应用与创新能力评价 has no level and is open to 事业单位, 社团 and 企业', () => {
    const nextgen = p6.categories?.find((c) => c.id === 'nextgen');
    expect(nextgen?.names.zh).toBe('新一代信息技术应用与创新能力评价');
    expect(nextgen?.levels).toEqual([]);
    expect(nextgen?.applicants?.map((a) => a.zh)).toEqual(['事业单位', '社团', '企业']);
    expect(p6.fields.find((f) => f.id === 'level')?.requiredWhen).toEqual({ field: 'evaluationCategory', op: 'eq', value: 'iets' });
  });

  it('办法 第十四条（四）: publicity 7 calendar days ("天", not 工作日)', () => {
    expect(p6.publicity.map((p) => [p.length, p.unit])).toEqual([[7, 'calendar-days']]);
    expect(p6.workflows.new?.publicity).toEqual({ length: 7, unit: 'calendar-days' });
  });

  it('办法 第三条: scored on the four aspects, items from the group standard', () => {
    expect(p6.scoring?.dimensions.map((d) => d.name.zh)).toEqual(['基本能力', '技术能力', '服务能力', '运营能力']);
    expect(p6.scoring?.itemsFrom?.source.zh).toContain('T/TMAC 033.F—2021');
  });

  it('办法 第十五–二十二条: kinds for re-evaluation, annual review, changes, reissue, revocation and appeal', () => {
    expect(p6.applicationKinds.map((k) => k.id)).toEqual([
      'new',
      're-evaluation',
      'annual-review',
      'change',
      'major-change',
      'reissue',
      'revocation',
      'appeal',
    ]);
    expect(p6.workflows['re-evaluation']?.transitions.find((t) => t.id === 'accept')?.guards).toContainEqual({
      kind: 'within-window',
      window: 're-evaluation',
    });
  });
});

describe('field validators name shared rules', () => {
  const today = { today: '2026-06-01' };

  it.each([
    ['id-number', '11010519491231002X', true],
    ['id-number', '110105194912310021', false],
    ['credit-code', '91350100M000100Y43', true],
    ['postal-code', '310012', true],
    ['year-month', '2019年09月', true],
    ['date', '2019-02-30', false],
    ['money', '3000万元', true],
    ['phone', '0571-89719267', true],
  ] as const)('%s %s → ok: %s', (name, raw, okay) => {
    expect(FIELD_VALIDATORS[name](raw, today).ok).toBe(okay);
  });

  it('photo-p4 refuses something that is not a file', () => {
    expect(FIELD_VALIDATORS['photo-p4']('photo.jpg', today).ok).toBe(false);
  });

  it('every validator a pack names exists', () => {
    for (const pack of [p1, p2, p5, p6, getPack('zj-it-senior'), getPack('xj-si-annual')]) {
      for (const f of (pack?.fields ?? []).flatMap((x) => [x, ...(x.columns ?? [])])) {
        if (f.validator !== undefined) expect(FIELD_VALIDATORS[f.validator], `${pack?.id} ${f.id}`).toBeTypeOf('function');
      }
    }
  });
});
