/**
 * Continuing-education rows (继续教育学时) as copied from the applicant's hours card: date, mode,
 * content, category and the approved hours. They belong to the person (the engine totals all of a
 * person's rows over the years it judges), and remember the application they were typed for.
 *
 * Hours are stored in tenths (`hoursTenths`) so no float enters a sum; the rule counts whole and
 * half hours only (shared/rules/education), so anything else is refused here, at typing time,
 * with a Chinese message. The lists of modes and categories are the program's requirement's own
 * (shared/programs/rule-refs EDUCATION_RULES): nothing about a program is written here.
 */
import type { EducationRecord } from '../../../../shared/model/records';
import { EDUCATION_RULES } from '../../../../shared/programs/rule-refs';
import type { ProgramPack } from '../../../../shared/programs/schema';
import { parseDateInput } from '../../../../shared/rules/civil-date';
import type { EducationRequirement } from '../../../../shared/rules/education';
import { toHalfWidth } from '../../../../shared/rules/input-text';
import { getPack } from '../../../../shared/programs';
import { db, repositories } from '../../db';
import { ValidationError } from '../../db/errors';
import { writeContext } from '../../session';

export interface EducationInput {
  /** As typed: 20250301, 2025-03-01, 2025年3月1日 … */
  readonly date: string;
  readonly mode: string;
  readonly content: string;
  readonly category?: string;
  /** As typed ('2.5') or a number; whole or half hours. */
  readonly hours: string | number;
}

const refuse = (path: string, message: string): ValidationError => new ValidationError([{ path, message }]);

/** The program's education requirement (modes, categories), or undefined when it has none. */
export function educationRequirementOf(pack: ProgramPack | undefined): EducationRequirement | undefined {
  return pack?.education === undefined ? undefined : EDUCATION_RULES[pack.education.rule];
}

/**
 * '2.5' → 25 tenths, '3' → 30, '0.5' → 5; full-width digits accepted. Refuses empty, zero,
 * negative, and steps other than half an hour, in Chinese.
 */
export function parseHours(raw: string | number): number {
  const text = typeof raw === 'number' ? (Number.isFinite(raw) ? String(raw) : '') : toHalfWidth(raw).replace(/\s/g, '').replace(/学时$/, '');
  if (text === '') throw refuse('hours', '请填写核准学时。');
  const m = /^(\d{1,5})(?:\.(\d+))?$/.exec(text);
  if (m === null) throw refuse('hours', `学时“${String(raw)}”应为数字，如 2 或 2.5。`);
  const whole = Number(m[1]);
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction !== '' && fraction !== '5') throw refuse('hours', `学时“${String(raw)}”只能是整数或半学时（如 2、2.5），不能是其他小数。`);
  const tenths = whole * 10 + (fraction === '5' ? 5 : 0);
  if (tenths === 0) throw refuse('hours', '核准学时须大于 0。');
  if (tenths > 100_000) throw refuse('hours', '核准学时过大，请核对。');
  return tenths;
}

/** 25 → '2.5', 30 → '3'. */
export const formatHours = (tenths: number): string => (tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1));

/** Checks and normalises one row against the program's lists; throws ValidationError in Chinese. */
export function normaliseEducation(
  input: EducationInput,
  requirement: EducationRequirement | undefined,
): Pick<EducationRecord, 'date' | 'mode' | 'content' | 'hoursTenths'> & { category?: string } {
  const date = parseDateInput(input.date);
  if (!date.ok) throw refuse('date', date.error.message);
  const mode = input.mode.trim();
  if (requirement?.modes !== undefined && !requirement.modes.includes(mode)) {
    throw refuse('mode', `学习方式须为${requirement.modes.join('、')}之一。`);
  }
  if (mode.length > 20) throw refuse('mode', '学习方式过长（最多20个字）。');
  const content = input.content.trim();
  if (content === '') throw refuse('content', '请填写学习内容。');
  if (content.length > 500) throw refuse('content', '学习内容过长（最多500个字）。');
  const category = input.category?.trim() ?? '';
  if (requirement?.categories !== undefined && !requirement.categories.includes(category)) {
    throw refuse('category', `科目类别须为${requirement.categories.join('、')}之一。`);
  }
  if (category.length > 20) throw refuse('category', '科目类别过长（最多20个字）。');
  const hoursTenths = parseHours(input.hours);
  return { date: date.value, mode, content, hoursTenths, ...(category === '' ? {} : { category }) };
}

async function applicationOf(applicationId: string) {
  const application = await db.applications.get(applicationId);
  if (application === undefined || application.deleted) throw refuse('applicationId', '找不到这份申请，可能已被删除。');
  if (application.personId === undefined) throw refuse('personId', '这份申请没有关联申请人，无法登记继续教育记录。');
  return { application, personId: application.personId, requirement: educationRequirementOf(getPack(application.programId)) };
}

/** Adds a row for the applicant of this application. */
export async function addEducation(applicationId: string, input: EducationInput): Promise<EducationRecord> {
  const { personId, requirement } = await applicationOf(applicationId);
  const row = normaliseEducation(input, requirement);
  const ctx = await writeContext();
  return repositories.educationRecords.create({ personId, applicationId, ...row }, ctx);
}

/**
 * Changes a row (checked as a whole, against the program of the application it is shown in).
 * A category cannot be removed from a synced record; an emptied one is refused by the lists of
 * programs that have categories, and left as it was otherwise.
 */
export async function updateEducation(applicationId: string, id: string, input: EducationInput, reason?: string): Promise<EducationRecord> {
  const { requirement } = await applicationOf(applicationId);
  const row = normaliseEducation(input, requirement);
  const ctx = await writeContext(reason);
  return repositories.educationRecords.update(id, row, ctx);
}

export async function removeEducation(id: string, reason?: string): Promise<void> {
  const ctx = await writeContext(reason);
  await repositories.educationRecords.remove(id, ctx);
}
