/**
 * Reading a pack's binding rules (002 附件4 三): what goes into each volume and in what order
 * for one applicant, and what a split volume is called. Pure functions over pack data, used by
 * the checklist screen and, later, the tables of contents in shared/documents.
 */
import { evaluateCondition, type FieldValues } from './condition';
import type { ApplicationKindId, MaterialItem, ProgramPack } from './schema';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九; null outside 1–99. */
export function chineseNumeral(n: number): string | null {
  if (!Number.isInteger(n) || n < 1 || n > 99) return null;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const onesText = ones === 0 ? '' : DIGITS[ones];
  if (tens === 0) return onesText ?? null;
  return `${tens === 1 ? '' : DIGITS[tens]}十${onesText}`;
}

/**
 * The name of part `part` of a split volume, from the pattern in the pack
 * ('第二册（{n}）', 002 附件4 三: 第二册（一）、第二册（二）): part 1 → 第二册（一）.
 */
export function splitVolumeName(pattern: string, part: number): string | null {
  const numeral = chineseNumeral(part);
  return numeral === null ? null : pattern.replaceAll('{n}', numeral);
}

function appliesToKind(item: Pick<MaterialItem, 'kinds'>, kind: ApplicationKindId): boolean {
  return item.kinds === 'all' || item.kinds.includes(kind);
}

/** Whether the item is asked for in this application (kind matches; a conditional item's condition holds). */
export function materialApplies(item: MaterialItem, kind: ApplicationKindId, values: FieldValues): boolean {
  if (!appliesToKind(item, kind)) return false;
  return item.condition === undefined || evaluateCondition(item.condition, values);
}

export interface VolumeEntry {
  readonly item: MaterialItem;
  readonly position: number;
  /** Evidence placed in the score sheet's order (002 附件4 三). */
  readonly bySequence: 'score-sheet' | undefined;
  /** Copies of the item in this volume. */
  readonly copies: number;
}

/**
 * The items bound into `volume`, in binding order, for an application of `kind` with these field
 * values: a conditional item appears only when its condition holds (外省社保证明 only for those
 * with < 3 years in Zhejiang). Items sharing a position keep checklist order; their order inside
 * the volume follows the score sheet, which the applicant supplies.
 */
export function volumeContents(
  pack: ProgramPack,
  volume: 1 | 2,
  kind: ApplicationKindId,
  values: FieldValues,
): VolumeEntry[] {
  const entries: VolumeEntry[] = [];
  for (const item of pack.checklist) {
    if (item.scope !== 'application' || !materialApplies(item, kind, values)) continue;
    for (const place of item.binding ?? []) {
      if (place.kind !== 'volume' || place.volume !== volume) continue;
      entries.push({
        item,
        position: place.position,
        bySequence: place.sequence,
        copies: place.copies ?? item.copies.count,
      });
    }
  }
  // Array.prototype.sort is stable (ES2019), so equal positions keep checklist order.
  return entries.sort((a, b) => a.position - b.position);
}
