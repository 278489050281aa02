/**
 * Staff counts of an organisation's return (001 （二）1 1) 人员情况): "不包含的人员分类和证书情况
 * 填‘0’" — a category the organisation does not have is 0, never blank.
 *
 * The grade thresholds, the project columns and their sums are pack data (shared/programs/
 * xj-si-annual.ts), judged by shared/engine/thresholds and worked out by shared/engine/tables.
 */
import { fail, ok, type Result } from './result';
import { inputText, SPACES, toHalfWidth } from './input-text';

// ---------------------------------------------------------------------------------------------
// Staff counts (人员情况)

/**
 * 001 （二）1.1): "不包含的人员分类和证书情况填‘0’" — a category the enterprise does not have is
 * 0, never blank. Seed 001 does not list the categories themselves (they are the web form's), so
 * they come from the program pack. Blank, null and missing become 0; anything else must be a
 * whole number ≥ 0 (full-width digits accepted).
 */
export function normaliseStaffCounts(
  raw: Readonly<Record<string, unknown>>,
  categories: readonly string[],
): Result<Record<string, number>> {
  const unknown = Object.keys(raw).find((key) => !categories.includes(key));
  if (unknown !== undefined) {
    return fail('staff.category', `“${unknown}”不是本表的人员分类，请核对。`);
  }
  const counts: Record<string, number> = {};
  for (const category of categories) {
    const value = raw[category];
    const text = toHalfWidth(inputText(value)).replace(SPACES, '');
    const blank = value === undefined || value === null || (typeof value === 'string' && text === '');
    if (blank) {
      counts[category] = 0;
      continue;
    }
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
      return fail('staff.count', `“${category}”人数“${text}”无效，请填写 0 或正整数。`);
    }
    counts[category] = Number(text);
  }
  return ok(counts);
}
