/**
 * The engine reads each pack through a cached plan and reads an application's fields without
 * copying them (shared/engine/plan.ts, programs/condition.ts ValueSource). These tests hold the
 * fast paths to the plain definitions they replace: the reference functions below are the
 * straightforward versions (filter the pack, spread the values, look records up in a Map).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateApplication, type ApplicationInput, type EngineContext } from '../../../shared/engine/evaluate';
import {
  bindingPlan,
  bindingPlanOf,
  checklistOf,
  evaluateChecklist,
  type Checklist,
  type MaterialInput,
} from '../../../shared/engine/checklist';
import { isBlank, validateFields } from '../../../shared/engine/fields';
import { assignValues } from '../../../shared/engine/merge';
import { getPack } from '../../../shared/programs';
import { materialApplies, splitVolumeName, volumeContents } from '../../../shared/programs/binding';
import {
  APPLICATION_KIND_FIELD,
  evaluateCondition,
  valuesWithKind,
  type Condition,
  type FieldValues,
} from '../../../shared/programs/condition';
import type { ApplicationKindId, ProgramPack } from '../../../shared/programs/schema';
import { CN_OFFICIAL_CALENDAR_YEARS } from '../../../shared/rules/calendars';
import { createWorkCalendar } from '../../../shared/rules/work-calendar';
import { expectOk } from '../rules/expect-result';

const calendar = expectOk(createWorkCalendar(CN_OFFICIAL_CALENDAR_YEARS));
const clerk: EngineContext = { today: '2026-11-23', calendar, role: 'clerk' };
const p4 = getPack('zj-it-senior') as ProgramPack;
const p5 = getPack('rk-registration') as ProgramPack;

// ---------------------------------------------------------------------------------------------
// Reference versions
// ---------------------------------------------------------------------------------------------

function referenceChecklistIds(pack: ProgramPack, kind: ApplicationKindId, values: FieldValues, materials: readonly MaterialInput[]) {
  const recorded = new Map(materials.map((m) => [m.itemId, m]));
  return pack.checklist
    .filter((item) => item.scope === 'application' && materialApplies(item, kind, values) && item.stage !== 'after-approval')
    .map((item) => {
      const record = recorded.get(item.id);
      return [item.id, record?.status ?? 'pending', record?.copiesReceived ?? 0, record?.rejectReason] as const;
    });
}

function referenceBindingPlan(pack: ProgramPack, kind: ApplicationKindId, values: FieldValues, checklist: Checklist, splitParts = 1) {
  if (pack.binding === undefined) return null;
  const received = new Set(checklist.lines.filter((l) => l.status === 'received').map((l) => l.item.id));
  const volumes = [];
  for (const v of pack.binding.volumes) {
    const entries = volumeContents(pack, v.volume, kind, values)
      .filter((e) => e.item.stage === 'submission')
      .map((e) => ({ ...e, present: received.has(e.item.id) }));
    const parts = v.split !== undefined ? Math.max(1, Math.min(splitParts, entries.length || 1)) : 1;
    const size = Math.ceil(entries.length / parts);
    for (let p = 0; p < parts; p++) {
      const slice = entries.slice(p * size, (p + 1) * size);
      const splitName = parts > 1 && v.split ? splitVolumeName(v.split.pattern, p + 1) : null;
      volumes.push({
        volume: v.volume,
        title: splitName === null ? v.title : { zh: splitName, en: `${v.title.en} (part ${p + 1})` },
        tableOfContents: v.tableOfContents,
        entries: slice,
        missing: slice.filter((e) => !e.present && e.item.requirement !== 'optional').map((e) => e.item),
      });
    }
  }
  const neverBound = checklist.lines.flatMap((l) =>
    (l.item.binding ?? []).flatMap((p) => (p.kind === 'never-bound' ? [{ item: l.item, reason: p.reason }] : [])),
  );
  return { volumes, neverBound };
}

// ---------------------------------------------------------------------------------------------
// Generated applications
// ---------------------------------------------------------------------------------------------

const statusArb = fc.constantFrom('pending', 'received', 'received', 'missing', 'rejected') as fc.Arbitrary<MaterialInput['status']>;

/** Records for some of the pack's items, shuffled, with duplicates and an unknown id thrown in. */
const materialsArb = (pack: ProgramPack) =>
  fc
    .tuple(
      fc.shuffledSubarray(pack.checklist.map((m) => m.id)),
      fc.array(fc.record({ status: statusArb, copies: fc.integer({ min: 0, max: 20 }), verified: fc.boolean(), reason: fc.option(fc.constantFrom('复印件不清晰', ' ')) }), {
        minLength: pack.checklist.length + 2,
        maxLength: pack.checklist.length + 2,
      }),
      fc.boolean(),
    )
    .map(([ids, details, extra]) => {
      const chosen = extra ? [...ids, 'no-such-item', ...ids.slice(0, 1)] : ids;
      return chosen.map((itemId, i): MaterialInput => {
        const d = details[i % details.length]!;
        return {
          itemId,
          status: d.status,
          copiesReceived: d.copies,
          originalVerified: d.verified,
          ...(d.reason === null ? {} : { rejectReason: d.reason }),
        };
      });
    });

const p4FieldsArb = fc.record({
  name: fc.constantFrom('王小明', '', ' '),
  idNumber: fc.constantFrom('110105194910010015', '110105194910010016', '１１０１０５１９４９１００１００１５', '1.10105E+17'),
  birthMonth: fc.constantFrom('1949-10', '1949年10月', '1949-13', ''),
  unitNature: fc.constantFrom(...p4.fields.find((f) => f.id === 'unitNature')!.enum!.map((o) => o.value), '民办非企业'),
  remarks: fc.constantFrom('说明', ''),
  highestEducationIsEngineering: fc.boolean(),
  meetsSeniorityConditions: fc.boolean(),
  socialInsuranceYearsInZhejiang: fc.integer({ min: 0, max: 5 }),
  hasCollectiveProjects: fc.boolean(),
  isUnitTechnicalLead: fc.boolean(),
  isProjectTechnicalLead: fc.boolean(),
  engineeringWorkYears: fc.oneof(fc.integer({ min: -1, max: 40 }), fc.constant('12')),
  annualAssessments: fc.array(fc.record({ year: fc.integer({ min: 2015, max: 2026 }), result: fc.constantFrom('合格', '') }), { maxLength: 4 }),
  continuingEducation: fc.array(
    fc.record({ date: fc.constantFrom('2025-03-01', '2025-02-30', '2025/3/1'), category: fc.constantFrom('专业科目', '一般公需', '其他'), content: fc.constantFrom('课程', ''), hours: fc.integer({ min: 0, max: 90 }) }),
    { maxLength: 3 },
  ),
});

const p5FieldsArb = fc.record({
  name: fc.constantFrom('李四', ''),
  idNumber: fc.constantFrom('110105194910010015', '11010519491001001X', ''),
  certificateNo: fc.constantFrom('RK2023001', ''),
  obtainedOn: fc.constantFrom('2023-12-01', '2023年12月1日', '2023-02-29'),
  certificateExpiresOn: fc.constantFrom('2026-11-30', '2026-12-31'),
  postalCode: fc.constantFrom('100000', '1000'),
  phone: fc.constantFrom('13912345678', '0571-88888888', '123'),
});

const packCase = fc.oneof(
  fc.tuple(fc.constant(p4), fc.constant<ApplicationKindId>('new'), p4FieldsArb, materialsArb(p4)),
  fc.tuple(fc.constant(p5), fc.constantFrom<ApplicationKindId>(...p5.applicationKinds.map((k) => k.id)), p5FieldsArb, materialsArb(p5)),
);

// ---------------------------------------------------------------------------------------------

describe('plans and the uncopied values give the plain definitions’ answers', () => {
  it('checklist, binding and field checks match the references, and the engine matches the public functions (property)', () => {
    fc.assert(
      fc.property(packCase, fc.integer({ min: 0, max: 4 }), ([pack, kind, fields, materials], parts) => {
        const values = { ...fields, applicationKind: kind };
        const checklist = evaluateChecklist(pack, kind, values, materials);
        expect(checklist.lines.map((l) => [l.item.id, l.status, l.copiesReceived, l.rejectReason] as const)).toEqual(
          referenceChecklistIds(pack, kind, values, materials),
        );
        expect(bindingPlan(pack, kind, values, checklist, parts)).toEqual(referenceBindingPlan(pack, kind, values, checklist, parts));

        const app: ApplicationInput = { kind, state: 'received', history: [], fields, materials, volume2Parts: parts };
        const ev = evaluateApplication(pack, app, clerk);
        expect(ev.fieldErrors).toEqual(validateFields(pack, kind, values, clerk.today));
        expect(ev.checklist).toEqual(checklist);
        expect(ev.binding).toEqual(bindingPlan(pack, kind, values, checklist, parts));
      }),
      { numRuns: 300 },
    );
  });

  it('a checklist from another kind or pack still binds as the reference does', () => {
    const values = { socialInsuranceYearsInZhejiang: 1, unitNature: '私营企业和个体工商户', applicationKind: 'new' };
    const foreign = evaluateChecklist(p5, 'renewal', { applicationKind: 'renewal' }, []);
    const reversed: Checklist = { ...evaluateChecklist(p4, 'new', values, []), lines: [...evaluateChecklist(p4, 'new', values, []).lines].reverse() };
    for (const checklist of [foreign, reversed]) {
      expect(bindingPlan(p4, 'new', values, checklist, 2)).toEqual(referenceBindingPlan(p4, 'new', values, checklist, 2));
    }
  });

  it('binding a checklist just made reuses what the checklist learnt, and only for that checklist and those values', () => {
    const fields = { socialInsuranceYearsInZhejiang: 1, unitNature: '私营企业和个体工商户', hasCollectiveProjects: true };
    const materials = p4.checklist.map((m, i): MaterialInput => ({ itemId: m.id, status: i % 3 === 0 ? 'missing' : 'received', copiesReceived: 1 }));
    const source = valuesWithKind(fields, 'new');
    const values = { ...fields, applicationKind: 'new' };
    const foreign = evaluateChecklist(p5, 'renewal', { applicationKind: 'renewal' }, []);
    const checklist = checklistOf(p4, 'new', source, materials);
    const expected = referenceBindingPlan(p4, 'new', values, checklist, 2);
    // Another checklist bound in between must not leave its flags for the first one.
    expect(bindingPlanOf(p4, 'new', source, foreign, 2)).toEqual(referenceBindingPlan(p4, 'new', values, foreign, 2));
    expect(bindingPlanOf(p4, 'new', source, checklist, 2)).toEqual(expected);
    const fresh = checklistOf(p4, 'new', source, materials);
    expect(bindingPlanOf(p4, 'new', source, fresh, 2)).toEqual(expected);
    // Nor another checklist made in between.
    const other = checklistOf(p4, 'new', valuesWithKind({ ...fields, hasCollectiveProjects: false }, 'new'), []);
    expect(bindingPlanOf(p4, 'new', source, fresh, 2)).toEqual(expected);
    expect(bindingPlanOf(p4, 'new', valuesWithKind({ ...fields, hasCollectiveProjects: false }, 'new'), checklist, 2)).toEqual(
      referenceBindingPlan(p4, 'new', { ...values, hasCollectiveProjects: false }, checklist, 2),
    );
    expect(other.lines.length).toBeGreaterThan(0);
  });

  it('a changed copy of a pack is planned afresh, not served from the original’s plan', () => {
    const app: ApplicationInput = { kind: 'new', state: 'received', history: [], fields: { name: '王小明' }, materials: [] };
    const before = evaluateApplication(p4, app, clerk);
    const copy = structuredClone(p4);
    const dropped = before.checklist.lines[0]!.item.id;
    const smaller: ProgramPack = { ...copy, checklist: copy.checklist.filter((m) => m.id !== dropped) };
    expect(evaluateApplication(smaller, app, clerk).checklist.lines.map((l) => l.item.id)).not.toContain(dropped);
    expect(evaluateApplication(p4, app, clerk).checklist.lines.map((l) => l.item.id)).toContain(dropped);
  });
});

describe('values with the kind, read without the copy', () => {
  const proto = { inherited: 'yes' };
  const hidden: Record<string, unknown> = { unitNature: '国有企业', applicationKind: 'stale' };
  Object.defineProperty(hidden, 'socialInsuranceYearsInZhejiang', { value: 1, enumerable: false });
  const nullProto = Object.assign(Object.create(null) as Record<string, unknown>, { unitNature: '国有企业' });
  const withProto = Object.assign(Object.create(proto) as Record<string, unknown>, { unitNature: '国有企业' });
  const jsonProto = JSON.parse('{"__proto__": "own", "unitNature": "国有企业"}') as Record<string, unknown>;
  const odd: [string, FieldValues][] = [
    ['a plain object', { unitNature: '国有企业', socialInsuranceYearsInZhejiang: 2 }],
    ['a non-enumerable property (a spread leaves it out)', hidden],
    ['no prototype', nullProto],
    ['an inherited property', withProto],
    ['an own "__proto__" key', jsonProto],
    ['an array', ['a', 'b'] as unknown as FieldValues],
  ];
  const keys = ['unitNature', 'socialInsuranceYearsInZhejiang', APPLICATION_KIND_FIELD, 'inherited', 'constructor', 'toString', '__proto__', '0', 'length', 'missing'];

  it.each(odd)('reads %s exactly as its spread copy plus the kind', (_name, fields) => {
    const copy: Record<string, unknown> = { ...fields, applicationKind: 'renewal' };
    const source = valuesWithKind(fields, 'renewal');
    for (const key of keys) {
      expect(source.at(key)).toBe(copy[key]);
      expect(source.own(key)).toBe(Object.hasOwn(copy, key) ? copy[key] : undefined);
    }
    const conditions: Condition[] = [
      { field: 'socialInsuranceYearsInZhejiang', op: 'lt', value: 3 },
      { field: APPLICATION_KIND_FIELD, op: 'eq', value: 'renewal' },
      { any: [{ field: 'inherited', op: 'present' }, { not: { field: 'unitNature', op: 'absent' } }] },
      { field: 'constructor', op: 'absent' },
    ];
    for (const c of conditions) expect(source.holds(c)).toBe(evaluateCondition(c, copy));
  });

  it('assignValues builds what a spread builds, "__proto__" staying a plain key', () => {
    for (const [, fields] of odd) {
      const built = assignValues(assignValues({}, fields), { extra: 1 });
      const spread = { ...fields, ...{ extra: 1 } };
      expect(Object.entries(built)).toEqual(Object.entries(spread));
      expect(Object.getPrototypeOf(built)).toBe(Object.prototype);
    }
  });

  it('the engine gives the same evaluation for a field object however it was made', () => {
    const fields = { name: '李四', idNumber: '110105194910010015', certificateNo: 'RK2023001', obtainedOn: '2023-12-01' };
    const app = (f: FieldValues): ApplicationInput => ({ kind: 'renewal', state: 'received', history: [], fields: f, materials: [] });
    const expected = evaluateApplication(p5, app(fields), clerk);
    const hiddenKind: Record<string, unknown> = { ...fields };
    Object.defineProperty(hiddenKind, 'photo', { value: 'x', enumerable: false });
    for (const variant of [Object.assign(Object.create(null) as object, fields), { ...fields, applicationKind: 'new' }, hiddenKind]) {
      expect(evaluateApplication(p5, app(variant as FieldValues), clerk)).toEqual(expected);
    }
  });
});

describe('isBlank reads text as trim() does', () => {
  // Every code point String.prototype.trim removes, and neighbours that it keeps.
  const spaces = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
  const near = ['\u0008', '\u000e', '\u001f', '\u0085', '\u180e', '\u200b', '\u200c', '\u2060', '\u3001', 'a', '王', 'Ｘ'];

  it('blank exactly when trim() leaves nothing (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...spaces, ...near), { maxLength: 6 }), fc.string({ maxLength: 4 }), (chars, extra) => {
        for (const text of [chars.join(''), chars.join('') + extra, extra]) expect(isBlank(text)).toBe(text.trim() === '');
      }),
      { numRuns: 2000 },
    );
  });
});
