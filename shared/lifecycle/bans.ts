/**
 * 002 五: who is found to have committed fraud in an application has the materials returned
 * and may not apply again for three years counted from the year after the review — a finding in
 * 2019 bars 2020-01-01 to 2022-12-31. Keyed by 身份证号, so a new person record does not escape
 * it. Intake calls `checkFraudBans` before creating an application.
 */
import type { ApplicationKindId, ProgramPack } from '../programs/schema';
import { formatDateZh, isCanonicalDate, type IsoDate } from '../rules/civil-date';
import { fail, ok, type Result } from '../rules/result';

export interface FraudBan {
  readonly programId: string;
  readonly idNumber: string;
  /** The day fraud was found (the workflow step into the pack's fraud state). */
  readonly foundOn: IsoDate;
  readonly from: IsoDate;
  readonly until: IsoDate;
  readonly cite: string;
}

/**
 * The ban a finding gives, or undefined when `state` is not a fraud finding of the pack. The
 * review year is the finding's unless given (a 2019 round decided in January 2020).
 */
export function fraudBanOf(
  pack: ProgramPack,
  finding: { readonly idNumber: string; readonly state: string; readonly foundOn: IsoDate; readonly reviewYear?: number },
): Result<FraudBan | undefined> {
  const rule = pack.lifecycle?.fraudBan;
  if (rule === undefined || !rule.states.includes(finding.state)) return ok(undefined);
  if (!isCanonicalDate(finding.foundOn)) return fail('ban.date', `认定日期“${String(finding.foundOn)}”无效。`);
  const reviewYear = finding.reviewYear ?? Number(finding.foundOn.slice(0, 4));
  if (!Number.isInteger(reviewYear) || reviewYear < 1900 || reviewYear > 9990) return fail('ban.year', `评审年度“${String(finding.reviewYear)}”无效。`);
  return ok({
    programId: pack.id,
    idNumber: finding.idNumber.trim().toUpperCase(),
    foundOn: finding.foundOn,
    from: `${reviewYear + 1}-01-01`,
    until: `${reviewYear + rule.years.value}-12-31`,
    cite: rule.cite,
  });
}

/** Refuses a new application of a barred kind by a barred 身份证号 on `on` (both ends of the ban included). */
export function checkFraudBans(
  pack: ProgramPack,
  bans: readonly FraudBan[],
  application: { readonly idNumber: string; readonly kind: ApplicationKindId; readonly on: IsoDate },
): Result<true> {
  const rule = pack.lifecycle?.fraudBan;
  if (rule === undefined || !rule.blocksKinds.includes(application.kind)) return ok(true);
  const id = application.idNumber.trim().toUpperCase();
  const ban = bans.find((b) => b.programId === pack.id && b.idNumber === id && b.from <= application.on && application.on <= b.until);
  if (ban === undefined) return ok(true);
  return fail(
    'ban.active',
    `身份证号${id}的申报人于${formatDateZh(ban.foundOn)}被认定在申报中弄虚作假，自${formatDateZh(ban.from)}起至${formatDateZh(ban.until)}止不得申报（${ban.cite}）。`,
  );
}
