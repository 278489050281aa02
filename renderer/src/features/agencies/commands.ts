/**
 * Evaluation agencies (评价机构) and their evaluators (评价人员), written through the repositories
 * (which check the role in shared/access and append to the outbox in the same transaction).
 * Input is checked here with the shared rules, in Chinese, before anything is written: the
 * agency's 统一社会信用代码 (credit-code rule), dates (civil-date), the evaluator's 身份证号
 * (id-number rule). 细则 第十条 is enforced at save: the same 身份证号 on the books of another
 * agency over the same time is refused (shared/engine/agencies evaluatorElsewhere).
 */
import type { EvaluationAgency, Evaluator } from '../../../../shared/model/records';
import { evaluatorElsewhere, hasAgencies } from '../../../../shared/engine/agencies';
import { getPack } from '../../../../shared/programs';
import { parseDateInput, type IsoDate } from '../../../../shared/rules/civil-date';
import { parseCreditCode } from '../../../../shared/rules/credit-code';
import { parseIdNumber } from '../../../../shared/rules/id-number';
import { db, repositories } from '../../db';
import { ValidationError } from '../../db/errors';
import type { WriteContext } from '../../db/repository';
import { todayIso } from '../../today';

export interface AgencyInput {
  readonly programId: string;
  readonly name: string;
  readonly scope: 'national' | 'local';
  /** As typed: 2024-01-10, 20240110, 2024年1月10日 … */
  readonly registeredOn: string;
  /** As typed; may be empty. */
  readonly creditCode?: string | undefined;
  readonly region?: string | undefined;
}

export interface EvaluatorInput {
  readonly agencyId: string;
  readonly name: string;
  readonly idNumber: string;
  readonly fullTime: boolean;
  readonly contract: 'labour' | 'service';
  /** As typed; may be empty. */
  readonly since?: string | undefined;
  readonly until?: string | undefined;
}

type Issue = { path: string; message: string };

const blank = (v: string | undefined): boolean => v === undefined || v.trim() === '';

function date(raw: string | undefined, path: string, label: string, issues: Issue[]): IsoDate | undefined {
  if (blank(raw)) return undefined;
  const parsed = parseDateInput(raw!.trim());
  if (!parsed.ok) {
    issues.push({ path, message: `${label}：${parsed.error.message}` });
    return undefined;
  }
  return parsed.value;
}

/** The checked record of an agency, or ValidationError with every problem in Chinese. */
function agencyRecord(input: AgencyInput): Omit<EvaluationAgency, 'id' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy' | 'standing'> {
  const issues: Issue[] = [];
  const pack = getPack(input.programId);
  if (pack === undefined || !hasAgencies(pack)) issues.push({ path: 'programId', message: '请选择通过评价机构开展评价的业务。' });
  const name = input.name.trim();
  if (name === '') issues.push({ path: 'name', message: '请填写评价机构名称。' });
  if (input.scope !== 'national' && input.scope !== 'local') issues.push({ path: 'scope', message: '请选择全国性或地方性评价机构。' });
  let creditCode: string | undefined;
  if (!blank(input.creditCode)) {
    const parsed = parseCreditCode(input.creditCode);
    if (parsed.ok) creditCode = parsed.value.code;
    else issues.push({ path: 'creditCode', message: parsed.error.message });
  }
  let registeredOn: IsoDate | undefined;
  if (blank(input.registeredOn)) issues.push({ path: 'registeredOn', message: '请填写成立日期。' });
  else registeredOn = date(input.registeredOn, 'registeredOn', '成立日期', issues);
  if (registeredOn !== undefined && registeredOn > todayIso()) issues.push({ path: 'registeredOn', message: '成立日期不能晚于今天。' });
  if (issues.length > 0) throw new ValidationError(issues);
  const region = input.region?.trim();
  return {
    programId: pack!.id,
    name,
    scope: input.scope,
    registeredOn: registeredOn!,
    ...(creditCode === undefined ? {} : { creditCode }),
    ...(region === undefined || region === '' ? {} : { region }),
  };
}

export async function createAgency(input: AgencyInput, ctx: WriteContext): Promise<EvaluationAgency> {
  const record = agencyRecord(input);
  return db.transaction('rw', [db.evaluationAgencies, db.outbox, db.auditLog, db.mergeStates, db.settings], async () => {
    const same = (await db.evaluationAgencies.where('name').equals(record.name).toArray()).find((a) => !a.deleted && a.programId === record.programId);
    if (same !== undefined) throw new ValidationError([{ path: 'name', message: `评价机构“${record.name}”已登记，不能重复登记。` }]);
    return repositories.evaluationAgencies.create({ ...record, standing: 'active' }, ctx);
  });
}

export async function updateAgency(id: string, input: AgencyInput, ctx: WriteContext): Promise<EvaluationAgency> {
  const record = agencyRecord(input);
  const patch = { ...record, creditCode: record.creditCode, region: record.region };
  return repositories.evaluationAgencies.update(id, patch, ctx);
}

/** The checked record of an evaluator, or ValidationError with every problem in Chinese. */
function evaluatorRecord(input: EvaluatorInput): Omit<Evaluator, 'id' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy' | 'standing'> {
  const issues: Issue[] = [];
  const name = input.name.trim();
  if (name === '') issues.push({ path: 'name', message: '请填写评价人员姓名。' });
  let idNumber = '';
  const parsed = parseIdNumber(input.idNumber, { today: todayIso() });
  if (parsed.ok) idNumber = parsed.value.idNumber;
  else issues.push({ path: 'idNumber', message: parsed.error.message });
  const since = date(input.since, 'since', '起始日期', issues);
  const until = date(input.until, 'until', '截止日期', issues);
  if (since !== undefined && until !== undefined && until < since) issues.push({ path: 'until', message: '截止日期不能早于起始日期。' });
  if (issues.length > 0) throw new ValidationError(issues);
  return {
    agencyId: input.agencyId,
    name,
    idNumber,
    fullTime: input.fullTime,
    contract: input.contract,
    ...(since === undefined ? {} : { since }),
    ...(until === undefined ? {} : { until }),
  };
}

/** 细则 第十条 and one record per person in an agency: refused with the other record named. */
async function refuseDuplicate(record: ReturnType<typeof evaluatorRecord>, id: string | undefined): Promise<void> {
  const same = (await db.evaluators.where('idNumber').equals(record.idNumber).toArray()).filter((e) => !e.deleted && e.id !== id);
  const here = same.find((e) => e.agencyId === record.agencyId);
  if (here !== undefined) throw new ValidationError([{ path: 'idNumber', message: `身份证号 ${record.idNumber} 已是本机构的评价人员“${here.name}”，不能重复登记。` }]);
  const other = evaluatorElsewhere(same, { id, ...record });
  if (other !== undefined) {
    const agency = await db.evaluationAgencies.get(other.agencyId);
    throw new ValidationError([
      {
        path: 'idNumber',
        message: `身份证号 ${record.idNumber} 已是“${agency?.name ?? '另一评价机构'}”的评价人员；评价人员不得同时在 2 个（含）以上的评价机构工作（004 细则 第十条）。如已离开原机构，请先在原机构填写其截止日期。`,
      },
    ]);
  }
}

const EVALUATOR_TABLES = [db.evaluators, db.evaluationAgencies, db.outbox, db.auditLog, db.mergeStates, db.settings];

export async function addEvaluator(input: EvaluatorInput, ctx: WriteContext): Promise<Evaluator> {
  const record = evaluatorRecord(input);
  return db.transaction('rw', EVALUATOR_TABLES, async () => {
    await refuseDuplicate(record, undefined);
    return repositories.evaluators.create({ ...record, standing: 'active' }, ctx);
  });
}

export async function updateEvaluator(id: string, input: EvaluatorInput, ctx: WriteContext): Promise<Evaluator> {
  const record = evaluatorRecord(input);
  return db.transaction('rw', EVALUATOR_TABLES, async () => {
    await refuseDuplicate(record, id);
    return repositories.evaluators.update(id, { ...record, since: record.since, until: record.until }, ctx);
  });
}

export async function removeEvaluator(id: string, ctx: WriteContext): Promise<void> {
  await repositories.evaluators.remove(id, ctx);
}
