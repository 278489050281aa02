/**
 * All six packs, checked as a set: they load through the schema, their ids are unique, every
 * number, material, threshold, validity, window, publicity period and time limit cites a seed that
 * exists, every quote is the seed's own words, conditions read declared fields, each application
 * kind has a valid workflow, and the numbers agree with the rule constants they come from.
 */
import { describe, expect, it } from 'vitest';
import { P4_EDUCATION_REQUIREMENT, P5_EDUCATION_REQUIREMENT } from '../../../shared/rules/education';
import * as validity from '../../../shared/rules/validity';
import { APPLICATION_KIND_FIELD, conditionFields } from '../../../shared/programs/condition';
import { getPack, PACK_SOURCES, PROGRAM_IDS, programPacks } from '../../../shared/programs/index';
import { EDUCATION_RULES } from '../../../shared/programs/rule-refs';
import { citedSeed, loadPack, SEED_IDS, type ProgramPack } from '../../../shared/programs/schema';
import { parseWorkflowDefinition } from '../../../shared/workflow/definition';
import { SEEDS_DIR, seedTexts, squash } from './seed-text';

const packs = programPacks;

const CONDITION_KEYS = new Set(['condition', 'requiredWhen', 'visibleWhen']);

interface Visit {
  readonly path: string;
  readonly obj: Record<string, unknown>;
  /** Inside a condition ({ field, op, value }), whose number the owning item's cite covers. */
  readonly inCondition: boolean;
  /** The nearest cite on the way down, the object's own included. */
  readonly ownerCite: unknown;
}

/** Every object inside `value` (workflows excluded: no cites there). */
function* objects(value: unknown, path: string, inCondition = false, ownerCite: unknown = undefined): Generator<Visit> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* objects(item, `${path}[${i}]`, inCondition, ownerCite);
  } else if (typeof value === 'object' && value !== null) {
    const obj = value as Record<string, unknown>;
    const cite = obj.cite ?? ownerCite;
    yield { path, obj, inCondition, ownerCite: cite };
    for (const [key, child] of Object.entries(obj)) {
      if (key !== 'workflows') yield* objects(child, `${path}.${key}`, inCondition || CONDITION_KEYS.has(key), cite);
    }
  }
}

/** Keys that carry a rulebook number: an object holding one must say where it comes from. */
const NUMBER_KEYS = ['value', 'length', 'years', 'monthsBeforeExpiry', 'count', 'byLevel', 'maxScore'];

/** The collections the brief names: each entry must carry its own cite. */
function citedCollections(pack: ProgramPack): [string, readonly { cite?: unknown }[]][] {
  return [
    ['applicationKinds', pack.applicationKinds],
    ['checklist', pack.checklist],
    ['checklist.copies', pack.checklist.map((m) => m.copies)],
    ['checklist.never-bound', pack.checklist.flatMap((m) => (m.binding ?? []).filter((b) => b.kind === 'never-bound'))],
    ['checklist.original', pack.checklist.map((m) => m.original).filter((o) => o.mode !== 'none')],
    ['thresholds', pack.thresholds],
    ['validity', pack.validity ? [pack.validity] : []],
    ['windows', pack.windows],
    ['windows.extendsByYears', pack.windows.flatMap((w) => (w.extendsByYears ? [w.extendsByYears] : []))],
    ['publicity', pack.publicity],
    ['timeLimits', pack.timeLimits],
    ['keyDates', pack.keyDates],
    ['eligibility', pack.eligibility],
    ['documents', pack.documents],
    ['categories', pack.categories ?? []],
    ['catalogues', pack.catalogues ?? []],
    ['binding', pack.binding ? [pack.binding, ...pack.binding.volumes, ...pack.binding.exclusions] : []],
    ['scoring', pack.scoring ? [pack.scoring, ...pack.scoring.dimensions, ...pack.scoring.dimensions.flatMap((d) => d.items)] : []],
    ['education', pack.education ? [pack.education] : []],
  ];
}

describe('all six packs', () => {
  it('load through the pack schema (loadPack) without a problem', () => {
    for (const source of PACK_SOURCES) {
      const loaded = loadPack(source);
      expect(loaded.ok ? 'ok' : loaded.error.message, source.id).toBe('ok');
    }
    expect(packs.map((p) => p.id)).toEqual([...PROGRAM_IDS]);
  });

  it('have unique ids, and getPack finds each one', () => {
    expect(new Set(packs.map((p) => p.id)).size).toBe(6);
    for (const id of PROGRAM_IDS) expect(getPack(id)?.id).toBe(id);
    expect(getPack('no-such-program')).toBeUndefined();
  });

  it.each([
    ['xj-isi-pm', '000', 'person'],
    ['xj-isi-spm', '000', 'person'],
    ['xj-si-annual', '001', 'organisation'],
    ['zj-it-senior', '002', 'person'],
    ['rk-registration', '003', 'person'],
    ['iets', '004', 'organisation'],
  ])('%s comes from seed %s and its applicant is a %s', (id, seed, applicantKind) => {
    const pack = getPack(id);
    expect(pack?.seed).toBe(seed);
    expect(pack?.applicantKind).toBe(applicantKind);
  });
});

/** Entries of the named collections without a seed cite. */
function uncitedEntries(pack: ProgramPack): string[] {
  const missing: string[] = [];
  for (const [name, entries] of citedCollections(pack)) {
    entries.forEach((entry, i) => {
      if (typeof entry.cite !== 'string' || citedSeed(entry.cite) === null) missing.push(`${name}[${i}]`);
    });
  }
  return missing;
}

/** Objects holding a rulebook number without a cite beside it. */
function uncitedNumbers(pack: ProgramPack): string[] {
  const missing: string[] = [];
  for (const { path, obj, inCondition, ownerCite } of objects(pack, pack.id)) {
    const hasNumber = NUMBER_KEYS.some((k) => typeof obj[k] === 'number' || (k === 'byLevel' && obj[k] !== undefined));
    const cited = inCondition ? typeof ownerCite === 'string' : typeof obj.cite === 'string';
    if (hasNumber && !cited) missing.push(path);
  }
  return missing;
}

/** Quotes not found (whitespace aside) in the seed their cite names. */
function misquotes(pack: ProgramPack): string[] {
  const wrong: string[] = [];
  for (const { path, obj } of objects(pack, pack.id)) {
    if (obj.quote === undefined) continue;
    const seed = typeof obj.cite === 'string' ? citedSeed(obj.cite) : null;
    const text = seed === null ? undefined : seedTexts.get(seed);
    if (typeof obj.quote !== 'string' || text === undefined || !squash(text).includes(squash(obj.quote))) {
      wrong.push(`${path}: ${String(obj.cite)} «${String(obj.quote)}»`);
    }
  }
  return wrong;
}

describe('the citation checks bite', () => {
  const p4 = () => structuredClone(getPack('zj-it-senior') as ProgramPack);

  it('a material without a cite is reported', () => {
    const pack = p4();
    delete (pack.checklist[4] as { cite?: string }).cite;
    expect(uncitedEntries(pack)).toContain('checklist[4]');
  });

  it('a publicity period, time limit or copies count without a cite is reported', () => {
    const pack = p4();
    delete (pack.publicity[0] as { cite?: string }).cite;
    delete (pack.timeLimits[0] as { cite?: string }).cite;
    delete (pack.checklist[0]?.copies as { cite?: string }).cite;
    expect(uncitedNumbers(pack)).toEqual(
      expect.arrayContaining(['zj-it-senior.checklist[0].copies', 'zj-it-senior.publicity[0]', 'zj-it-senior.timeLimits[0]']),
    );
  });

  it('a cite naming a seed that does not exist is reported', () => {
    const pack = p4();
    (pack.thresholds[0] as { cite: string }).cite = '009 第一条';
    expect(uncitedEntries(pack)).toContain('thresholds[0]');
  });

  it('a quote the seed does not contain is reported', () => {
    const pack = p4();
    (pack.publicity[0] as { quote?: string }).quote = '公示时间一般不少于 7 个工作日';
    expect(misquotes(pack)).toHaveLength(1);
  });
});

describe('the rulebooks are in the repository', () => {
  it('docs/rulebooks holds all five seeds, so every quote check runs on every checkout', () => {
    expect(SEEDS_DIR, 'docs/rulebooks with the five seed files').not.toBeNull();
    expect([...seedTexts.keys()].sort()).toEqual(['000', '001', '002', '003', '004']);
  });
});

describe.each(packs.map((p) => [p.id, p] as const))('citations of %s', (_id, pack) => {
  it('every material, threshold, validity, window, publicity, time limit and key date cites a seed', () => {
    expect(uncitedEntries(pack)).toEqual([]);
  });

  it('every object holding a rulebook number carries a cite next to it', () => {
    expect(uncitedNumbers(pack)).toEqual([]);
  });

  it("every cite names one of the seeds '000'…'004'", () => {
    const bad: string[] = [];
    for (const { path, obj } of objects(pack, pack.id)) {
      if (obj.cite === undefined) continue;
      const seed = typeof obj.cite === 'string' ? citedSeed(obj.cite) : null;
      if (seed === null || !(SEED_IDS as readonly string[]).includes(seed)) bad.push(`${path}: ${String(obj.cite)}`);
    }
    expect(bad).toEqual([]);
  });

  it('every cited seed file exists in docs/rulebooks', () => {
    const cited = new Set<string>();
    for (const { obj } of objects(pack, pack.id)) {
      if (typeof obj.cite === 'string') cited.add(citedSeed(obj.cite) ?? obj.cite);
    }
    for (const seed of cited) expect(seedTexts.has(seed), `seed ${seed}`).toBe(true);
  });

  it("every quote is the cited seed's own words", () => {
    expect(misquotes(pack)).toEqual([]);
  });

  it('conditions read fields the pack declares', () => {
    const fieldIds = new Set([...pack.fields.map((f) => f.id), APPLICATION_KIND_FIELD]);
    const unknown: string[] = [];
    for (const item of pack.checklist) {
      expect(item.requirement === 'conditional', item.id).toBe(item.condition !== undefined);
      for (const f of item.condition ? conditionFields(item.condition) : []) {
        if (!fieldIds.has(f)) unknown.push(`${item.id} → ${f}`);
      }
    }
    for (const field of pack.fields) {
      const rowIds = new Set([...fieldIds, ...(field.columns ?? []).map((c) => c.id)]);
      for (const f of [field, ...(field.columns ?? [])]) {
        for (const c of [f.requiredWhen, f.visibleWhen]) {
          for (const ref of c ? conditionFields(c) : []) if (!rowIds.has(ref)) unknown.push(`${f.id} → ${ref}`);
        }
      }
    }
    expect(unknown).toEqual([]);
  });

  it('ids are unique within the pack', () => {
    const lists: [string, string[]][] = [
      ['kinds', pack.applicationKinds.map((k) => k.id)],
      ['fields', pack.fields.map((f) => f.id)],
      ['checklist', pack.checklist.map((m) => m.id)],
      ['thresholds', pack.thresholds.map((t) => t.id)],
      ['windows', pack.windows.map((w) => w.id)],
      ['timeLimits', pack.timeLimits.map((t) => t.id)],
      ['documents', pack.documents.map((d) => d.id)],
    ];
    for (const [name, ids] of lists) expect(new Set(ids).size, name).toBe(ids.length);
  });

  it('has one valid workflow per application kind, and its guards name declared windows', () => {
    expect(Object.keys(pack.workflows).sort()).toEqual(pack.applicationKinds.map((k) => k.id).sort());
    for (const [kind, definition] of Object.entries(pack.workflows)) {
      const parsed = parseWorkflowDefinition(definition);
      expect(parsed.ok ? 'ok' : parsed.error.message, `${pack.id} ${kind}`).toBe('ok');
    }
  });

  it('a workflow with a publicity period matches a publicity entry of the pack', () => {
    for (const definition of Object.values(pack.workflows)) {
      if (!definition?.publicity) continue;
      const { length, unit } = definition.publicity;
      expect(pack.publicity.some((p) => p.length === length && p.unit === unit), definition.id).toBe(true);
    }
  });
});

describe('numbers agree with the rule constants they come from', () => {
  it.each([
    ['000 第十五条 工程经理证书有效期四年', getPack('xj-isi-pm')?.validity?.years, validity.XJ_PM_VALIDITY_YEARS],
    ['000 第十五条 期满前6个月', getPack('xj-isi-pm')?.windows[0]?.monthsBeforeExpiry, validity.XJ_PM_RENEWAL_WINDOW_MONTHS],
    ['000 第十五条一 延续后4年', getPack('xj-isi-pm')?.windows[0]?.extendsByYears?.value, validity.XJ_PM_RENEWAL_YEARS],
    ['000 第十六条 高级证书有效期四年', getPack('xj-isi-spm')?.validity?.years, validity.XJ_SPM_VALIDITY_YEARS],
    ['000 第十五条二 晋级期 6 个月', getPack('xj-isi-spm')?.windows.find((w) => w.id === 'upgrade')?.monthsBeforeExpiry, 6],
    ['003 47号 三 有效期三年', getPack('rk-registration')?.validity?.years, validity.RK_VALIDITY_YEARS],
    ['003 47号 三 期满前三个月', getPack('rk-registration')?.windows[0]?.monthsBeforeExpiry, validity.RK_REGISTRATION_WINDOW_MONTHS],
    ['003 47号 七 15个工作日', getPack('rk-registration')?.timeLimits.find((t) => t.id === 'decision')?.length, validity.RK_DECISION_WORKING_DAYS],
    ['003 47号 十一 30日', getPack('rk-registration')?.timeLimits.find((t) => t.id === 'appeal')?.length, validity.RK_APPEAL_DAYS],
    ['004 第十五条 有效期3年', getPack('iets')?.validity?.years, validity.IETS_VALIDITY_YEARS],
    ['004 第十六条 期满前3个月', getPack('iets')?.windows[0]?.monthsBeforeExpiry, validity.IETS_REEVALUATION_WINDOW_MONTHS],
    ['004 第二十一条 30日', getPack('iets')?.timeLimits.find((t) => t.id === 'detail-change')?.length, validity.IETS_DETAIL_CHANGE_DAYS],
    ['004 第二十一条 90日', getPack('iets')?.timeLimits.find((t) => t.id === 'major-change')?.length, validity.IETS_RESTRUCTURING_CHANGE_DAYS],
    ['002 六(三) 每年90学时', getPack('zj-it-senior')?.thresholds.find((t) => t.id === 'education-yearly')?.value, P4_EDUCATION_REQUIREMENT.minHoursPerYear],
    ['002 六(三) 专业科目60学时', getPack('zj-it-senior')?.thresholds.find((t) => t.id === 'education-professional')?.value, 60],
    ['002 六(三) 公需18学时', getPack('zj-it-senior')?.thresholds.find((t) => t.id === 'education-public')?.value, 18],
    ['002 二 自评分80分以上', getPack('zj-it-senior')?.scoring?.passScore?.value, 80],
    ['003 48号 四 180学时', getPack('rk-registration')?.thresholds.find((t) => t.id === 'education-cycle-total')?.value, P5_EDUCATION_REQUIREMENT.minHoursTotal],
    ['003 48号 四 每年40学时', getPack('rk-registration')?.thresholds.find((t) => t.id === 'education-yearly')?.value, 40],
  ])('%s', (_rule, value, expected) => {
    expect(value).toBe(expected);
  });

  it('001 （二） P3 thresholds live in the pack, measured on its fields (money in 万元)', () => {
    const pack = getPack('xj-si-annual');
    const t = (id: string) => pack?.thresholds.find((x) => x.id === id);
    expect(t('technical-staff')).toMatchObject({ byLevel: { 甲: 40, 乙: 30, 丙: 20, 丁: 6 }, binding: 'requirement', measure: { field: 'technicalStaffTotal' } });
    expect(t('certified-staff')).toMatchObject({ byLevel: { 甲: 12, 乙: 8, 丙: 5, 丁: null }, binding: 'requirement', measure: { field: 'certifiedStaffTotal' } });
    expect(t('project-total')).toMatchObject({ byLevel: { 甲: 3000, 乙: 1000, 丙: 500, 丁: null }, unit: '万元', binding: 'reference', measure: { field: 'threeYearProjectTotal' } });
    expect(pack?.grading).toMatchObject({ category: 'grade', levelField: 'grade' });
  });

  it('education requirements name rules that exist (002 六(三), 003 48号)', () => {
    expect(EDUCATION_RULES[getPack('zj-it-senior')?.education?.rule ?? 'P4_EDUCATION_REQUIREMENT']).toBe(P4_EDUCATION_REQUIREMENT);
    expect(EDUCATION_RULES[getPack('rk-registration')?.education?.rule ?? 'P4_EDUCATION_REQUIREMENT']).toBe(P5_EDUCATION_REQUIREMENT);
  });
});
