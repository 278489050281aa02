/**
 * P4 `zj-it-senior` against seed 002: the field enums of 附件4 四, the checklist in 附件4 二 order,
 * the two volumes of 附件4 三, copies, and the conditional items.
 */
import { describe, expect, it } from 'vitest';
import { materialApplies, splitVolumeName, volumeContents } from '../../../shared/programs/binding';
import { getPack } from '../../../shared/programs/index';
import type { ProgramPack } from '../../../shared/programs/schema';
import { ROUTING_VARIANTS } from '../../../shared/workflow/routing';

const pack = getPack('zj-it-senior') as ProgramPack;
const field = (id: string) => pack.fields.find((f) => f.id === id);
const item = (id: string) => {
  const found = pack.checklist.find((m) => m.id === id);
  if (!found) throw new Error(`no material ${id}`);
  return found;
};

/** A 2019 applicant from a private firm with all Zhejiang contributions and no optional items. */
const baseValues = {
  unitNature: '私营企业和个体工商户',
  socialInsuranceYearsInZhejiang: 3,
  degree: '工学学士',
  educationOrigin: '国内',
  educationObtainedOn: '2005-07',
  hasCollectiveProjects: false,
  isUnitTechnicalLead: false,
  isProjectTechnicalLead: false,
};

describe('002 附件4 四 field rules', () => {
  it('单位性质 has exactly the ten values of 附件4 四 3, in order', () => {
    expect(field('unitNature')?.enum?.map((o) => o.value)).toEqual([
      '监督管理类事业', '社会公益类事业', '生产经营类事业', '中介服务类事业', // the four 事业 natures
      '国有企业', '集体企业', '私营企业和个体工商户', '外商投资企业', '港澳台投资企业', '其它类企业',
    ]);
  });

  it('附件4 四 3: only 其它类企业 needs a remark, in 备注, which is then required', () => {
    const remarked = field('unitNature')?.enum?.filter((o) => o.requiresRemark !== undefined);
    expect(remarked?.map((o) => [o.value, o.requiresRemark])).toEqual([['其它类企业', 'remarks']]);
    expect(field('remarks')?.requiredWhen).toEqual({ field: 'unitNature', op: 'eq', value: '其它类企业' });
  });

  it('从事专业 has exactly the four values of 附件4 四 5 and 附件1', () => {
    expect(field('specialty')?.enum?.map((o) => o.value)).toEqual(['技术开发', '应用电子', '信息安全', '系统集成']);
  });

  it.each([
    ['birthMonth', '附件4 四 7'],
    ['currentTitleObtainedOn', '附件4 四 7'],
    ['appointedOn', '附件4 四 7'],
  ])('002 %s is a year-month shown as ××××年××月 (%s)', (id) => {
    expect(field(id)?.type).toBe('year-month');
    expect(field(id)?.display?.format).toBe('××××年××月');
  });

  it('002 附件4 四 1: 身份证号码 is validated by the ID-number rule', () => {
    expect(field('idNumber')?.validator).toBe('id-number');
  });

  it('002 附件2 二: the photo is checked by P4_PHOTO_REQUIREMENT', () => {
    expect(field('photo')?.validator).toBe('photo-p4');
    expect(pack.photoRule).toBe('P4_PHOTO_REQUIREMENT');
  });

  it('002 附件4 四 9: at least three years of unit assessments', () => {
    expect(field('annualAssessments')?.minRows?.value).toBe(3);
  });

  it('002 附件3 一: 报送途径 values are the routing variants of shared/workflow/routing', () => {
    expect(field('routingVariant')?.enum?.map((o) => o.value)).toEqual(Object.keys(ROUTING_VARIANTS));
  });
});

describe('002 附件4 二 checklist', () => {
  it('lists the unit materials of 附件4 一 first, once per submission', () => {
    const batch = pack.checklist.filter((m) => m.scope === 'batch');
    expect(batch.map((m) => m.name.zh)).toEqual(['评审委托书', '《推荐高级工程师职务任职资格人员花名册》']);
    expect(item('roster').medium).toBe('paper-and-electronic');
  });

  it('follows 附件4 二 items 1–15 in order (item 6 split into its documents)', () => {
    const itemNo = (cite: string) => Number(/附件4 二 (\d+)/.exec(cite)?.[1] ?? Number.NaN);
    const numbers = pack.checklist
      .filter((m) => m.scope === 'application' && m.id !== 'representative-work-copy')
      .map((m) => itemNo(m.cite));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers)).toEqual(new Set(Array.from({ length: 15 }, (_, i) => i + 1)));
  });

  it.each([
    ['review-form', 3, '附件4 二 2 评审表一式3份'],
    ['summary-form', 15, '附件4 二 3 综合表一式15份'],
    ['score-sheet', 3, '附件4 二 14 评审打分表一式3份'],
    ['authenticity-pledge', 1, '附件4 二 4'],
    ['representative-work-original', 1, '附件4 二 12 代表作原件1份'],
  ])('%s: %i copies (%s)', (id, copies) => {
    expect(item(id).copies.count).toBe(copies);
  });

  it('附件4 二 14: one score sheet is bound into volume 2, two stay loose', () => {
    expect(item('score-sheet').binding).toEqual([
      { kind: 'volume', volume: 2, position: 1, copies: 1 },
      expect.objectContaining({ kind: 'never-bound', copies: 2 }),
    ]);
  });

  it('附件4 二 6 / 四(四): the documents of item 6 are copies checked against their originals', () => {
    for (const id of ['id-card', 'diploma', 'degree-certificate', 'current-title-certificate', 'appointment-certificate']) {
      expect(item(id).original.mode, id).toBe('verify');
    }
    expect(item('representative-work-original').original.mode).toBe('submit');
  });

  it('六(四): 学历认证 accepts the four documents the seed names', () => {
    expect(item('education-verification').accepts?.map((a) => a.zh)).toEqual([
      '《教育部学历证书电子注册备案表》',
      '《中国高等教育学历认证报告》',
      '《国外学历学位认证书》（教育部留学服务中心）',
      '《港澳台学历学位认证书》（教育部留学服务中心）',
    ]);
  });
});

describe('002 conditional materials', () => {
  it.each([
    [0, true],
    [2, true],
    [3, false],
  ])('附件4 二 7: %i years paid in Zhejiang → 外省养老保险证明 needed: %s', (years, needed) => {
    const values = { ...baseValues, socialInsuranceYearsInZhejiang: years };
    expect(materialApplies(item('out-of-province-pension'), 'new', values)).toBe(needed);
  });

  it.each([
    ['监督管理类事业', true],
    ['社会公益类事业', true],
    ['生产经营类事业', true],
    ['中介服务类事业', true],
    ['国有企业', false],
    ['私营企业和个体工商户', false],
    ['其它类企业', false],
  ])('附件4 二 13: 单位性质 %s → 事业单位岗位信息表 needed: %s', (unitNature, needed) => {
    expect(materialApplies(item('post-information-form'), 'new', { ...baseValues, unitNature })).toBe(needed);
  });

  it.each([
    ['国内', '2000-12', false], ['国内', '2001-01', true], ['国内', '2019-06', true],
    ['国外', '1998-06', true], ['港澳台', '1999-06', true],
  ])('六(四): %s degree obtained %s → 学历认证 needed: %s', (educationOrigin, educationObtainedOn, needed) => {
    const values = { ...baseValues, educationOrigin, educationObtainedOn };
    expect(materialApplies(item('education-verification'), 'new', values)).toBe(needed);
  });

  it('附件4 二 15: 企业等级证明 for enterprise staff only', () => {
    expect(materialApplies(item('enterprise-grade-proof'), 'new', baseValues)).toBe(true);
    expect(materialApplies(item('enterprise-grade-proof'), 'new', { ...baseValues, unitNature: '社会公益类事业' })).toBe(false);
  });

  it('every conditional item says its condition in words', () => {
    for (const m of pack.checklist.filter((c) => c.requirement === 'conditional')) {
      expect(m.conditionText?.zh, m.id).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('002 附件4 三 binding', () => {
  const volume1 = [
    '专业技术职务任职资格评审材料真实性保证书',
    '申报材料公示确认表',
    '身份证',
    '学历证书',
    '学位证书',
    '学历认证材料',
    '现任专业技术职务任职资格证书',
    '聘任证书',
    '近三年省外缴纳部分养老保险证明',
    '《事业单位人员职称申报岗位信息表》',
    '继续教育证明',
    '从事工程技术、工程技术管理工作的经历',
    '任期考核材料（至少近三年来年度考核材料）',
    '从事现专业技术职务的专业技术工作总结',
  ];

  it('volume 1 holds the fourteen items in the order of 附件4 三', () => {
    const all = { ...baseValues, socialInsuranceYearsInZhejiang: 1, unitNature: '社会公益类事业' };
    expect(volumeContents(pack, 1, 'new', all).map((e) => e.item.name.zh)).toEqual(volume1);
  });

  it('volume 1 leaves out 外省社保证明 and 岗位信息表 when they do not apply', () => {
    const names = volumeContents(pack, 1, 'new', baseValues).map((e) => e.item.name.zh);
    expect(names).toEqual(volume1.filter((n) => n !== '近三年省外缴纳部分养老保险证明' && n !== '《事业单位人员职称申报岗位信息表》'));
  });

  it('volume 2 starts with one copy of the score sheet, then evidence in the score sheet order', () => {
    const all = { ...baseValues, hasCollectiveProjects: true, isUnitTechnicalLead: true, isProjectTechnicalLead: true };
    const entries = volumeContents(pack, 2, 'new', all);
    expect(entries[0]?.item.id).toBe('score-sheet');
    expect(entries[0]?.copies).toBe(1);
    expect(entries.slice(1).every((e) => e.bySequence === 'score-sheet')).toBe(true);
    expect(entries.slice(1).map((e) => e.item.id).sort()).toEqual(
      ['enterprise-grade-proof', 'honours', 'main-contributor-proof', 'project-lead-documents', 'unit-appointment-document', 'works-copies'].sort(),
    );
  });

  it('评审表, 综合表, originals and the 代表作 copy are never bound', () => {
    for (const id of ['review-form', 'summary-form', 'representative-work-original', 'representative-work-copy']) {
      expect(item(id).binding?.every((b) => b.kind === 'never-bound'), id).toBe(true);
    }
    expect(pack.binding?.exclusions.map((e) => e.text.zh)).toEqual([
      '《专业技术职务任职资格评审表》',
      '《推荐高级工程师职务任职资格人员情况综合表》',
      '规定不装订和不便装订的书',
      '原件',
      '代表作复印件',
    ]);
  });

  it('two A4 volumes, each with its table of contents, in an archive bag or box', () => {
    expect(pack.binding?.paper.size).toBe('A4');
    expect(pack.binding?.volumes.map((v) => [v.volume, v.title.zh, v.tableOfContents])).toEqual([
      [1, '第一册', true],
      [2, '第二册', true],
    ]);
    expect(pack.binding?.container.name.zh).toBe('档案袋（盒）');
  });

  it.each([
    [1, '第二册（一）'],
    [2, '第二册（二）'],
    [3, '第二册（三）'],
  ])('a thick volume 2 splits: part %i is %s', (part, name) => {
    const pattern = pack.binding?.volumes.find((v) => v.volume === 2)?.split?.pattern ?? '';
    expect(splitVolumeName(pattern, part)).toBe(name);
  });
});

describe('002 publicity, scoring and round dates', () => {
  it('四(三): ≥ 5 working days at the unit, 5 working days by the 高评委办公室', () => {
    expect(pack.publicity.map((p) => [p.id, p.length, p.unit, p.atLeast])).toEqual([
      ['unit', 5, 'working-days', true],
      ['board', 5, 'working-days', false],
    ]);
  });

  it('二 / 四(二): the self-score sheet passes at 80, needs evidence, and its items are a parameter', () => {
    expect(pack.scoring?.passScore?.value).toBe(80);
    expect(pack.scoring?.evidenceRequired).toBeDefined();
    expect(pack.scoring?.dimensions).toEqual([]);
    expect(pack.scoring?.itemsFrom?.source.zh).toContain('量化评价标准');
  });

  it.each([
    ['materials-deadline', '2019-09-30'],
    ['title-time-counted-to', '2019-12-31'],
    ['work-years-counted-to', '2019-12-31'],
  ])('附件1 / 四(一) / 附件4 四 8: %s is %s', (id, date) => {
    expect(pack.keyDates.find((d) => d.id === id)?.date).toBe(date);
  });
});
