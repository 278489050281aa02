/**
 * What evaluating an application needs from its pack that does not depend on the application:
 * the fields of a kind, the materials of a kind, each volume's candidate entries in binding
 * order. The engine evaluates whole queues (the bound: 100 000 applications in under 2 s), and
 * two things made per-application work slow: re-filtering and re-sorting the pack every time, and
 * reading pack objects whose shapes all differ (a field with `enum`, one with `validator` …),
 * which makes every property read a slow megamorphic one. A plan does the filtering once and
 * copies what the rules read into records of one shape each.
 *
 * Packs are data loaded once and never changed afterwards (schema.ts, programs/index.ts), so a
 * plan is kept per pack object in a WeakMap. As a guard against a caller that builds a pack and
 * then swaps one of its lists, the plan remembers the lists it was built from and is rebuilt
 * when one of them is no longer the same array.
 */
import type { Condition } from '../programs/condition';
import { FIELD_VALIDATORS, type FieldValidator, type ValidatorName } from '../programs/rule-refs';
import type {
  ApplicationKindId,
  EnumOption,
  FieldDef,
  KindsRef,
  LocalizedText,
  MaterialItem,
  ProgramPack,
  TableColumn,
} from '../programs/schema';

/**
 * How much checkValue has to do for a field: 'never' when no value could make it report
 * anything (optional, no condition, no rule), 'required-only' when only a blank value can
 * (required, nothing else to check), 'full' otherwise. A third of a form is usually plain text.
 */
export type CheckMode = 'never' | 'required-only' | 'full';

/** One field or table column, as checkValue reads it. */
export interface FieldCheck {
  readonly def: FieldDef | TableColumn;
  readonly mode: CheckMode;
  readonly id: string;
  /** label.zh: how the paper form names it. */
  readonly label: string;
  readonly computed: boolean;
  readonly visibleWhen: Condition | undefined;
  readonly required: boolean;
  readonly requiredWhen: Condition | undefined;
  readonly options: readonly EnumOption[] | undefined;
  /** type 'number' or 'year'. */
  readonly numeric: boolean;
  readonly min: number | undefined;
  readonly max: number | undefined;
  readonly validator: ValidatorName | undefined;
  /** FIELD_VALIDATORS[validator], looked up once. */
  readonly validate: FieldValidator | undefined;
  /** Set for a 'table' field with columns. */
  readonly table: TableCheck | undefined;
  /** A catalogue-ref field: the row ids of its catalogue (001 证书表). */
  readonly catalogueIds: ReadonlySet<string> | undefined;
  readonly catalogueMessage: string;
  /** The messages that depend on nothing but the field, made once (most files have a few blanks). */
  readonly requiredMessage: string;
  readonly enumMessage: string;
  readonly numberMessage: string;
}

export interface TableCheck {
  /** Columns that apply to the kind. */
  readonly columns: readonly FieldCheck[];
  /** Some column reads other values (conditions, an option's remark): rows need merged values. */
  readonly mergeRows: boolean;
  readonly minRows: number | undefined;
  /** Year rows to check or computed columns that may overflow (tables.ts). */
  readonly derived: boolean;
}

/** A material asked for in this kind before its condition is looked at, in checklist order. */
export interface PlannedMaterial {
  readonly item: MaterialItem;
  readonly id: string;
  /** Slot of the item's id in KindPlan.slotById, where the clerk's record for it is found. */
  readonly slot: number;
  readonly condition: Condition | undefined;
  /** stage 'after-approval' (001 二 8: 回传盖章版). */
  readonly later: boolean;
  /** requirement other than 'optional'. */
  readonly required: boolean;
  /** original.mode 'verify'. */
  readonly originalRequired: boolean;
  readonly copies: number;
  /** copies.per: one set per row of this table field. */
  readonly copiesPer: string | undefined;
  /** copies.max.value × copies.count. */
  readonly copiesCap: number | undefined;
  /** Reasons of the item's never-bound placements. */
  readonly neverBound: readonly LocalizedText[];
}

/** One candidate entry of a volume; its item's condition (if any) decides whether it is in. */
export interface PlannedEntry {
  readonly item: MaterialItem;
  /** Index of the item in KindPlan.materials. */
  readonly material: number;
  readonly slot: number;
  readonly condition: Condition | undefined;
  readonly optional: boolean;
  readonly position: number;
  readonly bySequence: 'score-sheet' | undefined;
  readonly copies: number;
}

export interface KindPlan {
  /** fieldsFor(pack, kind). */
  readonly fields: readonly FieldCheck[];
  /** The kind's computed form fields (not table columns), in form order. */
  readonly computedFields: readonly FieldDef[];
  /** The kind's thresholds measured on a form field (thresholds.ts). */
  readonly measuredThresholds: readonly ProgramPack['thresholds'][number][];
  /** Application-scope materials whose kinds include this kind. */
  readonly materials: readonly PlannedMaterial[];
  /** Distinct ids of `materials`, each to a slot: records are matched by id, last one wins. */
  readonly slotById: ReadonlyMap<string, number>;
  /** Per slot, the index in `materials` of the first material with that id. */
  readonly firstWithSlot: readonly number[];
  /**
   * Per volume of pack.binding (same order), submission-stage candidates sorted by position,
   * ties in checklist order — volumeContents' order, before conditions filter it.
   */
  readonly volumes: readonly (readonly PlannedEntry[])[];
}

interface PackPlans {
  readonly fields: ProgramPack['fields'];
  readonly checklist: ProgramPack['checklist'];
  readonly binding: ProgramPack['binding'];
  readonly byKind: Map<ApplicationKindId, KindPlan>;
}

const plans = new WeakMap<ProgramPack, PackPlans>();

export const appliesToKind = (kinds: KindsRef | undefined, kind: ApplicationKindId): boolean =>
  kinds === undefined || kinds === 'all' || kinds.includes(kind);

function readsValues(column: FieldCheck): boolean {
  return (
    column.visibleWhen !== undefined ||
    column.requiredWhen !== undefined ||
    (column.options?.some((o) => o.requiresRemark !== undefined) ?? false)
  );
}

function fieldCheck(pack: ProgramPack, def: FieldDef | TableColumn, kind: ApplicationKindId): FieldCheck {
  // Truthiness where checkValue tests truthiness, `!== undefined` where it tests that.
  const columns = 'columns' in def && def.type === 'table' && def.columns ? def.columns : undefined;
  const columnChecks = columns?.filter((c) => appliesToKind(c.kinds, kind)).map((c) => fieldCheck(pack, c, kind));
  const catalogue = def.catalogue === undefined ? undefined : pack.catalogues?.find((c) => c.id === def.catalogue);
  const label = def.label.zh;
  const table =
    columnChecks === undefined
      ? undefined
      : {
          columns: columnChecks,
          mergeRows: columnChecks.some(readsValues),
          minRows: 'minRows' in def && def.minRows !== undefined ? def.minRows.value : undefined,
          derived:
            ('yearRows' in def && def.yearRows !== undefined) ||
            ('agreesWith' in def && def.agreesWith !== undefined) ||
            (columns ?? []).some((c) => c.computed !== undefined),
        };
  // As checkValue tests them: `computed` and `visibleWhen` by truthiness, `requiredWhen` by presence.
  const nothingButBlank =
    !def.computed && !def.visibleWhen && !def.enum && def.type !== 'number' && def.type !== 'year' && !def.validator && !table && !catalogue;
  const mode: CheckMode =
    nothingButBlank && def.required ? 'required-only' : nothingButBlank && def.requiredWhen === undefined ? 'never' : 'full';
  return {
    def,
    mode,
    id: def.id,
    label,
    computed: Boolean(def.computed),
    visibleWhen: def.visibleWhen ? def.visibleWhen : undefined,
    required: Boolean(def.required),
    requiredWhen: def.requiredWhen,
    options: def.enum ? def.enum : undefined,
    numeric: def.type === 'number' || def.type === 'year',
    min: def.min,
    max: def.max,
    validator: def.validator ? def.validator : undefined,
    validate: def.validator ? FIELD_VALIDATORS[def.validator] : undefined,
    table,
    catalogueIds: catalogue ? new Set(catalogue.rows.map((r) => r.id)) : undefined,
    catalogueMessage: catalogue ? `“${label}”应为“${catalogue.names.zh}”中的一项。` : '',
    requiredMessage: `请填写“${label}”。`,
    enumMessage: def.enum ? `“${label}”应为以下之一：${def.enum.map((o) => o.value).join('、')}。` : '',
    numberMessage: `“${label}”应填写数字。`,
  };
}

function buildPlan(pack: ProgramPack, kind: ApplicationKindId): KindPlan {
  const fields = pack.fields.filter((f) => appliesToKind(f.kinds, kind)).map((f) => fieldCheck(pack, f, kind));
  const slotById = new Map<string, number>();
  const firstWithSlot: number[] = [];
  const materials: PlannedMaterial[] = [];
  for (const item of pack.checklist) {
    // materialApplies checks `kinds` this way; the schema requires it on every item.
    if (item.scope !== 'application' || !(item.kinds === 'all' || item.kinds.includes(kind))) continue;
    let slot = slotById.get(item.id);
    if (slot === undefined) {
      slot = slotById.size;
      slotById.set(item.id, slot);
      firstWithSlot.push(materials.length);
    }
    materials.push({
      item,
      id: item.id,
      slot,
      condition: item.condition,
      later: item.stage === 'after-approval',
      required: item.requirement !== 'optional',
      originalRequired: item.original.mode === 'verify',
      copies: item.copies.count,
      copiesPer: item.copies.per,
      copiesCap: item.copies.max === undefined ? undefined : item.copies.max.value * item.copies.count,
      neverBound: neverBoundReasons(item),
    });
  }
  const volumes = (pack.binding?.volumes ?? []).map((v) => {
    const entries: PlannedEntry[] = [];
    for (let material = 0; material < materials.length; material++) {
      const { item, slot } = materials[material]!;
      if (item.stage !== 'submission') continue;
      for (const place of item.binding ?? []) {
        if (place.kind !== 'volume' || place.volume !== v.volume) continue;
        entries.push({
          item,
          material,
          slot,
          condition: item.condition,
          optional: item.requirement === 'optional',
          position: place.position,
          bySequence: place.sequence,
          copies: place.copies ?? item.copies.count,
        });
      }
    }
    // Stable (ES2019), and filtering a stably sorted list keeps it sorted: conditions can be
    // applied per application after sorting once here.
    return entries.sort((a, b) => a.position - b.position);
  });
  const computedFields = pack.fields.filter((f) => appliesToKind(f.kinds, kind) && f.computed !== undefined);
  const measuredThresholds = pack.thresholds.filter((t) => appliesToKind(t.kinds, kind) && t.measure !== undefined && 'field' in t.measure);
  return { fields, materials, slotById, firstWithSlot, volumes, computedFields, measuredThresholds };
}

/** The plan for (pack, kind), built on first use. */
export function kindPlan(pack: ProgramPack, kind: ApplicationKindId): KindPlan {
  let packPlans = plans.get(pack);
  if (
    packPlans === undefined ||
    packPlans.fields !== pack.fields ||
    packPlans.checklist !== pack.checklist ||
    packPlans.binding !== pack.binding
  ) {
    packPlans = { fields: pack.fields, checklist: pack.checklist, binding: pack.binding, byKind: new Map() };
    plans.set(pack, packPlans);
  }
  let plan = packPlans.byKind.get(kind);
  if (plan === undefined) {
    plan = buildPlan(pack, kind);
    packPlans.byKind.set(kind, plan);
  }
  return plan;
}

/** The never-bound reasons of an item (002 附件4: 评审表, 综合表, 代表作 …), read once per item. */
const neverBoundCache = new WeakMap<MaterialItem, readonly LocalizedText[]>();

export function neverBoundReasons(item: MaterialItem): readonly LocalizedText[] {
  let reasons = neverBoundCache.get(item);
  if (reasons === undefined) {
    const found: LocalizedText[] = [];
    for (const place of item.binding ?? []) if (place.kind === 'never-bound') found.push(place.reason);
    reasons = found;
    neverBoundCache.set(item, reasons);
  }
  return reasons;
}
