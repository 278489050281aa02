/**
 * A change of information (000 第十七条 审核通过后完成变更; 004 第二十一条): the new values typed
 * on the change form replace the holder's record when the change is approved, and the filing
 * deadline the pack sets (004: 30 days, 90 for a split, merger or restructuring) is reported.
 */
import { isBlank } from '../engine/fields';
import { valuesWithKind, type FieldValues } from '../programs/condition';
import type { ApplicationKindId, HolderField, ProgramPack } from '../programs/schema';
import { addDays, formatDateZh, isCanonicalDate, type IsoDate } from '../rules/civil-date';
import { fail, ok, type Result } from '../rules/result';

/** The holder-record fields the form changes, with their new values (blank entries left out). */
export function holderChanges(pack: ProgramPack, kind: ApplicationKindId, fields: FieldValues): Partial<Record<HolderField, string>> {
  const change = pack.lifecycle?.change;
  const out: Partial<Record<HolderField, string>> = {};
  if (change === undefined || !change.kinds.includes(kind)) return out;
  const values = valuesWithKind(fields, kind);
  for (const u of change.updates) {
    const v = values.own(u.field);
    if (typeof v === 'string' && !isBlank(v)) out[u.holder] = v.trim();
  }
  return out;
}

export interface ChangeFiling {
  /** The day the change happened, as typed. */
  readonly occurredOn: IsoDate;
  /** The last day to file, the day of the change not counted (民法典 第二百零一条). */
  readonly deadline: IsoDate;
  readonly inTime: boolean;
  readonly cite: string;
}

/**
 * Whether a change was filed in time, from the pack's `changeDeadline` time limit for the kind
 * and the form's date of the change; undefined when the pack sets no limit or the date is not
 * typed yet. Late filing is the holder's breach, not a ground the seed gives for refusing the
 * change, so screens show it as a warning.
 */
export function changeFiling(pack: ProgramPack, kind: ApplicationKindId, fields: FieldValues, filedOn: IsoDate): Result<ChangeFiling | undefined> {
  const field = pack.lifecycle?.change?.occurredField;
  const limit = pack.timeLimits.find((t) => t.rule === 'changeDeadline' && t.unit === 'calendar-days' && Array.isArray(t.kinds) && t.kinds.includes(kind));
  if (field === undefined || limit === undefined) return ok(undefined);
  const occurredOn = valuesWithKind(fields, kind).own(field);
  if (isBlank(occurredOn)) return ok(undefined);
  if (!isCanonicalDate(occurredOn)) return fail('change.occurred-on', `变更发生日期“${String(occurredOn)}”无效。`);
  if (occurredOn > filedOn) return fail('change.occurred-on', `变更发生日期${formatDateZh(occurredOn)}晚于申请日期${formatDateZh(filedOn)}，请核对。`);
  const deadline = addDays(occurredOn, limit.length);
  if (!deadline.ok) return deadline;
  return ok({ occurredOn, deadline: deadline.value, inTime: filedOn <= deadline.value, cite: limit.cite });
}

/** The holder-record patch for a person (name and phone are a person's holder fields). */
export function personPatch(changes: Partial<Record<HolderField, string>>): { name?: string; phone?: string } {
  return { ...(changes.name ? { name: changes.name } : {}), ...(changes.phone ? { phone: changes.phone } : {}) };
}

/** The holder-record patch for an organisation. */
export function organisationPatch(changes: Partial<Record<HolderField, string>>): { name?: string; phone?: string; address?: string; contact?: string } {
  return {
    ...(changes.name ? { name: changes.name } : {}),
    ...(changes.phone ? { phone: changes.phone } : {}),
    ...(changes.address ? { address: changes.address } : {}),
    ...(changes.contact ? { contact: changes.contact } : {}),
  };
}
