/**
 * The material checklist of one application and its binding plan, read from the pack: which
 * items are asked for (kind, condition), what each is short of (not received, rejected, copies,
 * original not verified), and — where the program binds (002 附件4 三) — what goes into each
 * volume, in order, with what is still missing from it.
 */
import { plainValues, type FieldValues, type ValueSource } from '../programs/condition';
import { splitVolumeName } from '../programs/binding';
import type { ApplicationKindId, LocalizedText, MaterialItem, ProgramPack } from '../programs/schema';
import { kindPlan, neverBoundReasons, type KindPlan, type PlannedMaterial } from './plan';

export type MaterialStatus = 'pending' | 'received' | 'missing' | 'rejected';

/** What the clerk recorded for one item (the `materials` record, as far as rules need it). */
export interface MaterialInput {
  readonly itemId: string;
  readonly status: MaterialStatus;
  readonly copiesReceived: number;
  /** Set when the copy was checked against the original (核对无误). */
  readonly originalVerified?: boolean;
  readonly rejectReason?: string;
}

export interface ChecklistLine {
  readonly item: MaterialItem;
  readonly required: boolean;
  readonly status: MaterialStatus;
  readonly copiesRequired: number;
  readonly copiesReceived: number;
  readonly originalRequired: boolean;
  readonly originalVerified: boolean;
  readonly rejectReason?: string;
  /** Chinese, one per shortfall; empty when the line is fine. */
  readonly problems: readonly string[];
}

export interface Checklist {
  /** Items handed in with the application, in the pack's order. */
  readonly lines: readonly ChecklistLine[];
  /** Items handed in after approval (001 二 8: 回传盖章版), listed apart. */
  readonly later: readonly MaterialItem[];
  readonly missing: readonly MaterialItem[];
  readonly rejected: readonly { readonly item: MaterialItem; readonly reason: string }[];
  readonly unverified: readonly MaterialItem[];
  readonly copiesShort: readonly { readonly item: MaterialItem; readonly required: number; readonly received: number }[];
  readonly complete: boolean;
}

function copiesRequired(m: PlannedMaterial, values: ValueSource): number {
  let count = m.copies;
  if (m.copiesPer !== undefined) {
    const rows = values.at(m.copiesPer);
    count *= Array.isArray(rows) ? rows.length : 0;
  }
  if (m.copiesCap !== undefined) count = Math.min(count, m.copiesCap);
  return count;
}

export function evaluateChecklist(
  pack: ProgramPack,
  kind: ApplicationKindId,
  values: FieldValues,
  materials: readonly MaterialInput[],
): Checklist {
  return checklistOf(pack, kind, plainValues(values), materials);
}

/** evaluateChecklist over a ValueSource (the engine's view of the fields plus the kind). */
export function checklistOf(
  pack: ProgramPack,
  kind: ApplicationKindId,
  values: ValueSource,
  materials: readonly MaterialInput[],
): Checklist {
  const plan = kindPlan(pack, kind);
  // The clerk's record per item id, the last one winning as it would in a Map built from the list.
  const recorded: (MaterialInput | undefined)[] = new Array<MaterialInput | undefined>(plan.slotById.size);
  const planned = plan.materials;
  // Records usually come in checklist order: try the planned item after the last match first,
  // and look the id up only when that is not it.
  let next = 0;
  for (const m of materials) {
    const itemId = m.itemId;
    let slot: number | undefined;
    if (next < planned.length && planned[next]!.id === itemId) {
      slot = planned[next]!.slot;
      next += 1;
    } else {
      slot = plan.slotById.get(itemId);
      if (slot !== undefined) next = plan.firstWithSlot[slot]! + 1;
    }
    if (slot !== undefined) recorded[slot] = m;
  }
  const lines: ChecklistLine[] = [];
  const later: MaterialItem[] = [];
  const missing: MaterialItem[] = [];
  const rejected: { item: MaterialItem; reason: string }[] = [];
  const unverified: MaterialItem[] = [];
  const copiesShort: { item: MaterialItem; required: number; received: number }[] = [];

  // The scratch is being rewritten: whatever it held no longer matches any checklist.
  handoff = undefined;
  const applies = appliesScratch(planned.length);
  const receivedIds = receivedScratch(plan.slotById.size);
  for (let k = 0; k < planned.length; k++) {
    const m = planned[k]!;
    const item = m.item;
    const holds = m.condition === undefined || values.holds(m.condition);
    applies[k] = holds ? 1 : 0;
    if (!holds) continue;
    if (m.later) {
      later.push(item);
      continue;
    }
    const record = recorded[m.slot];
    const status = record?.status ?? 'pending';
    if (status === 'received') receivedIds[m.slot] = 1;
    const required = m.required;
    const needed = copiesRequired(m, values);
    const received = record?.copiesReceived ?? 0;
    const originalRequired = m.originalRequired;
    const originalVerified = record?.originalVerified === true;
    // Built as literals: an array grown by push reserves room for 17 strings, and there is one
    // such list per line of every application.
    let problems: string[];
    if (status === 'rejected') {
      const reason = record?.rejectReason?.trim() || '不符合要求';
      rejected.push({ item, reason });
      problems = [`已退回：${reason}`];
    } else if (status !== 'received') {
      if (required) missing.push(item);
      problems = required ? ['未收到'] : [];
    } else {
      const short = received < needed;
      const notVerified = originalRequired && !originalVerified;
      if (short) copiesShort.push({ item, required: needed, received });
      if (notVerified) unverified.push(item);
      const shortBy = short ? `份数不足：应交${needed}份，实收${received}份` : '';
      problems = short ? (notVerified ? [shortBy, '原件未核验'] : [shortBy]) : notVerified ? ['原件未核验'] : [];
    }
    const rejectReason = record?.rejectReason;
    lines.push(
      rejectReason === undefined
        ? { item, required, status, copiesRequired: needed, copiesReceived: received, originalRequired, originalVerified, problems }
        : {
            item,
            required,
            status,
            copiesRequired: needed,
            copiesReceived: received,
            originalRequired,
            originalVerified,
            rejectReason,
            problems,
          },
    );
  }

  const complete = missing.length === 0 && rejected.length === 0 && unverified.length === 0 && copiesShort.length === 0;
  const checklist: Checklist = { lines, later, missing, rejected, unverified, copiesShort, complete };
  handoff = { checklist, values, plan };
  return checklist;
}

/**
 * Scratch flags for bindingPlanOf, reused across calls: a typed array per call costs more than
 * the work it holds. Safe because bindingPlanOf never calls out to code that could re-enter it.
 */
let receivedFlags = new Uint8Array(64);
let lackingFlags = new Uint8Array(64);
let appliesFlags = new Uint8Array(64);

function receivedScratch(size: number): Uint8Array {
  if (receivedFlags.length < size) receivedFlags = new Uint8Array(size * 2);
  receivedFlags.fill(0, 0, size);
  return receivedFlags;
}

function appliesScratch(size: number): Uint8Array {
  if (appliesFlags.length < size) appliesFlags = new Uint8Array(size * 2);
  return appliesFlags;
}

/**
 * What checklistOf learnt about its last checklist — which planned materials apply
 * (appliesFlags) and which ids were received (receivedFlags) — so that bindingPlanOf, called
 * next with that very checklist and the same ValueSource (as evaluateApplication does), need
 * not evaluate the conditions and read every line again. Identity of all three is the test;
 * any other call recomputes. Keeps the last checklist alive until the next one, no longer.
 */
let handoff: { readonly checklist: Checklist; readonly values: ValueSource; readonly plan: KindPlan } | undefined;

function lackingScratch(size: number): Uint8Array {
  if (lackingFlags.length < size) lackingFlags = new Uint8Array(size * 2);
  return lackingFlags;
}

/**
 * Received flags per id slot, read off the checklist's lines (an entry is present when some line
 * for its item id was received; ids outside the plan have no slot, and no entry could match
 * them), with the lines' never-bound placements added to `neverBound` in line order.
 */
function readReceived(plan: KindPlan, checklist: Checklist, neverBound: { item: MaterialItem; reason: LocalizedText }[]): Uint8Array {
  // The received flags are about to describe another checklist.
  handoff = undefined;
  const received = receivedScratch(plan.slotById.size);
  const { materials } = plan;
  const lines = checklist.lines;
  // A checklist of this plan lists its items in plan order: each line is found by walking on
  // from the previous one. A line found nowhere (another pack's checklist) is looked up instead.
  let next = 0;
  for (let l = 0; l < lines.length; l++) {
    if (!(l in lines)) continue;
    const line = lines[l]!;
    const item = line.item;
    let found = -1;
    for (let j = next; j < materials.length; j++) {
      if (materials[j]!.item === item) {
        found = j;
        break;
      }
    }
    let slot: number | undefined;
    let reasons: readonly LocalizedText[];
    if (found >= 0) {
      next = found + 1;
      slot = materials[found]!.slot;
      reasons = materials[found]!.neverBound;
    } else {
      slot = plan.slotById.get(item.id);
      reasons = neverBoundReasons(item);
    }
    if (line.status === 'received' && slot !== undefined) received[slot] = 1;
    for (const reason of reasons) neverBound.push({ item, reason });
  }
  return received;
}

/** splitVolumeName is pure, and a queue asks for the same few names over and over. */
const splitNames = new Map<string, (string | null)[]>();

function cachedSplitName(pattern: string, part: number): string | null {
  // Only whole parts in range are kept; anything else is rare and computed as asked.
  if (!Number.isInteger(part) || part < 1 || part > 99) return splitVolumeName(pattern, part);
  let names = splitNames.get(pattern);
  if (names === undefined) {
    names = [];
    // Patterns come from packs, a handful at most; the bound only guards against a caller that invents them.
    if (splitNames.size >= 64) splitNames.clear();
    splitNames.set(pattern, names);
  }
  let name = names[part];
  if (name === undefined) {
    name = splitVolumeName(pattern, part);
    names[part] = name;
  }
  return name;
}

export interface BindingEntry {
  readonly item: MaterialItem;
  readonly position: number;
  readonly copies: number;
  readonly bySequence: 'score-sheet' | undefined;
  readonly present: boolean;
}

export interface BindingVolume {
  readonly volume: 1 | 2;
  /** 第一册, 第二册, or 第二册（一）… when split. */
  readonly title: LocalizedText;
  readonly tableOfContents: boolean;
  readonly entries: readonly BindingEntry[];
  readonly missing: readonly MaterialItem[];
}

export interface BindingPlan {
  readonly volumes: readonly BindingVolume[];
  /** Applicable items that are never bound, with the seed's reason (评审表, 综合表, 代表作 …). */
  readonly neverBound: readonly { readonly item: MaterialItem; readonly reason: LocalizedText }[];
}

/**
 * The binding plan, or null when the program has no binding rules. `splitParts` > 1 splits a
 * volume that the pack allows to split (第二册 → 第二册（一）、第二册（二）…) into that many parts
 * of consecutive entries, as even as the order allows.
 */
export function bindingPlan(
  pack: ProgramPack,
  kind: ApplicationKindId,
  values: FieldValues,
  checklist: Checklist,
  splitParts = 1,
): BindingPlan | null {
  return bindingPlanOf(pack, kind, plainValues(values), checklist, splitParts);
}

/** bindingPlan over a ValueSource (the engine's view of the fields plus the kind). */
export function bindingPlanOf(
  pack: ProgramPack,
  kind: ApplicationKindId,
  values: ValueSource,
  checklist: Checklist,
  splitParts: number,
): BindingPlan | null {
  if (pack.binding === undefined) return null;
  const plan = kindPlan(pack, kind);
  const neverBound: { item: MaterialItem; reason: LocalizedText }[] = [];
  const { materials } = plan;
  // From checklistOf when this is the checklist it just made with these values: which planned
  // materials apply (its lines are exactly those, less the later ones, in plan order) and which
  // ids were received. Otherwise read off the checklist's lines and the conditions again.
  const known = handoff !== undefined && handoff.checklist === checklist && handoff.values === values && handoff.plan === plan;
  let received: Uint8Array;
  if (known) {
    received = receivedFlags;
    for (let k = 0; k < materials.length; k++) {
      const m = materials[k]!;
      if (appliesFlags[k] !== 1 || m.later) continue;
      for (const reason of m.neverBound) neverBound.push({ item: m.item, reason });
    }
  } else {
    received = readReceived(plan, checklist, neverBound);
  }
  const volumes: BindingVolume[] = [];
  const packVolumes = pack.binding.volumes;
  for (let index = 0; index < packVolumes.length; index++) {
    const v = packVolumes[index]!;
    const entries: BindingEntry[] = [];
    // Kept beside the entries so the missing lists need not read the (many-shaped) items again.
    const candidates = plan.volumes[index] ?? [];
    const lacking = lackingScratch(candidates.length);
    for (const e of candidates) {
      if (known ? appliesFlags[e.material] !== 1 : e.condition !== undefined && !values.holds(e.condition)) continue;
      const present = received[e.slot] === 1;
      lacking[entries.length] = !present && !e.optional ? 1 : 0;
      entries.push({ item: e.item, position: e.position, bySequence: e.bySequence, copies: e.copies, present });
    }
    const parts = v.split !== undefined ? Math.max(1, Math.min(splitParts, entries.length || 1)) : 1;
    const size = Math.ceil(entries.length / parts);
    for (let p = 0; p < parts; p++) {
      const first = p * size;
      const slice = parts === 1 ? entries : entries.slice(first, first + size);
      const splitName = parts > 1 && v.split ? cachedSplitName(v.split.pattern, p + 1) : null;
      const volumeMissing: MaterialItem[] = [];
      for (let i = 0; i < slice.length; i++) if (lacking[first + i] === 1) volumeMissing.push(slice[i]!.item);
      volumes.push({
        volume: v.volume,
        title: splitName === null ? v.title : { zh: splitName, en: `${v.title.en} (part ${p + 1})` },
        tableOfContents: v.tableOfContents,
        entries: slice,
        missing: volumeMissing,
      });
    }
  }
  return { volumes, neverBound };
}
