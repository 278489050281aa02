/**
 * A pack's key dates that are deadlines for an application in its current state (001 温馨提示 11:
 * 已通过企业需要在 2026 年 4 月 30 日前完成换证). The round's dates are pack data; this only
 * counts the days to them.
 */
import type { ApplicationKindId, LocalizedText, ProgramPack } from '../programs/schema';
import { daysBetween, formatDateZh, type IsoDate } from '../rules/civil-date';
import { ok, type Result } from '../rules/result';

export interface KeyDateDeadline {
  readonly id: string;
  readonly names: LocalizedText;
  readonly due: IsoDate;
  /** Calendar days after today up to `due` (0 on the day); negative once past. */
  readonly daysLeft: number;
  readonly overdue: boolean;
  /** e.g. 换证截止 2026年04月30日，还剩45天. */
  readonly label: string;
  readonly cite: string;
}

export function keyDateDeadlines(pack: ProgramPack, kind: ApplicationKindId, state: string, today: IsoDate): Result<KeyDateDeadline[]> {
  const out: KeyDateDeadline[] = [];
  for (const d of pack.keyDates) {
    if (d.date === undefined || d.deadlineFor === undefined) continue;
    if (!d.deadlineFor.kinds.includes(kind) || !d.deadlineFor.states.includes(state)) continue;
    const left = daysBetween(today, d.date);
    if (!left.ok) return left;
    const overdue = left.value < 0;
    const when = formatDateZh(d.date);
    const label = overdue
      ? `${d.names.zh} ${when}，已逾期${-left.value}天`
      : left.value === 0
        ? `${d.names.zh} ${when}，今天截止`
        : `${d.names.zh} ${when}，还剩${left.value}天`;
    out.push({ id: d.id, names: d.names, due: d.date, daysLeft: left.value, overdue, label, cite: d.cite });
  }
  return ok(out);
}
