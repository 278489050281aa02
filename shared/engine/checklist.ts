/**
 * The material checklist of one application and its binding plan, read from the pack: which
 * items are asked for (kind, condition), what each is short of (not received, rejected, copies,
 * original not verified), and — where the program binds (002 附件4 三) — what goes into each
 * volume, in order, with what is still missing from it.
 */
import type { FieldValues } from '../programs/condition';
import { materialApplies, splitVolumeName, volumeContents } from '../programs/binding';
import type { ApplicationKindId, LocalizedText, MaterialItem, ProgramPack } from '../programs/schema';

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

function copiesRequired(item: MaterialItem, values: FieldValues): number {
  let count = item.copies.count;
  if (item.copies.per !== undefined) {
    const rows = values[item.copies.per];
    count *= Array.isArray(rows) ? rows.length : 0;
  }
  if (item.copies.max !== undefined) count = Math.min(count, item.copies.max.value * item.copies.count);
  return count;
}

export function evaluateChecklist(
  pack: ProgramPack,
  kind: ApplicationKindId,
  values: FieldValues,
  materials: readonly MaterialInput[],
): Checklist {
  const recorded = new Map(materials.map((m) => [m.itemId, m]));
  const lines: ChecklistLine[] = [];
  const later: MaterialItem[] = [];
  const missing: MaterialItem[] = [];
  const rejected: { item: MaterialItem; reason: string }[] = [];
  const unverified: MaterialItem[] = [];
  const copiesShort: { item: MaterialItem; required: number; received: number }[] = [];

  for (const item of pack.checklist) {
    if (item.scope !== 'application' || !materialApplies(item, kind, values)) continue;
    if (item.stage === 'after-approval') {
      later.push(item);
      continue;
    }
    const record = recorded.get(item.id);
    const status = record?.status ?? 'pending';
    const required = item.requirement !== 'optional';
    const needed = copiesRequired(item, values);
    const received = record?.copiesReceived ?? 0;
    const originalRequired = item.original.mode === 'verify';
    const originalVerified = record?.originalVerified === true;
    const problems: string[] = [];

    if (status === 'rejected') {
      const reason = record?.rejectReason?.trim() || '不符合要求';
      rejected.push({ item, reason });
      problems.push(`已退回：${reason}`);
    } else if (status !== 'received') {
      if (required) {
        missing.push(item);
        problems.push('未收到');
      }
    } else {
      if (received < needed) {
        copiesShort.push({ item, required: needed, received });
        problems.push(`份数不足：应交${needed}份，实收${received}份`);
      }
      if (originalRequired && !originalVerified) {
        unverified.push(item);
        problems.push('原件未核验');
      }
    }
    lines.push({
      item,
      required,
      status,
      copiesRequired: needed,
      copiesReceived: received,
      originalRequired,
      originalVerified,
      ...(record?.rejectReason === undefined ? {} : { rejectReason: record.rejectReason }),
      problems,
    });
  }

  const complete = missing.length === 0 && rejected.length === 0 && unverified.length === 0 && copiesShort.length === 0;
  return { lines, later, missing, rejected, unverified, copiesShort, complete };
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
  if (pack.binding === undefined) return null;
  const received = new Set(checklist.lines.filter((l) => l.status === 'received').map((l) => l.item.id));
  const volumes: BindingVolume[] = [];
  for (const v of pack.binding.volumes) {
    const entries: BindingEntry[] = volumeContents(pack, v.volume, kind, values)
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
