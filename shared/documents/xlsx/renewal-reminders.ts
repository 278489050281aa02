/**
 * 续期提醒名单: the certificates entering their renewal (registration, re-evaluation) window in
 * the next days, and those in it now, for reminder letters (issue 13: 30 / 90 / 180 days). One
 * row per certificate with the holder, the window and the last valid day.
 */
import { formatDateZh, type IsoDate } from '../../rules/civil-date';
import { ok, type Result } from '../../rules/result';
import { column, countColumn, leftColumn, newWorkbook, tableSheet, workbookBytes, type CellValue, type ColumnDef } from './common';

export interface ReminderRow {
  readonly certificateNo: string;
  readonly holderName: string;
  /** 身份证号 or 统一社会信用代码. */
  readonly holderId: string;
  readonly programName: string;
  readonly windowOpensOn: IsoDate;
  readonly expiry: IsoDate;
  /** Calendar days until the window opens; 0 when it is open now. */
  readonly daysUntilOpen: number;
}

export interface RenewalRemindersInput {
  readonly office: string;
  readonly asOf: IsoDate;
  /** The look-ahead the list covers, in days. */
  readonly horizonDays: number;
  readonly rows: readonly ReminderRow[];
}

export const REMINDER_COLUMNS: readonly ColumnDef[] = [
  countColumn('序号', 6),
  column('证书编号', 20),
  leftColumn('持证人', 22),
  column('身份证号/统一社会信用代码', 24),
  leftColumn('业务', 30),
  column('办理期开始', 16),
  column('有效期至', 16),
  countColumn('距办理期开始（天）', 12),
];

export async function buildRenewalRemindersXlsx(input: RenewalRemindersInput): Promise<Result<Uint8Array>> {
  const wb = newWorkbook(input.asOf);
  const rows: CellValue[][] = input.rows.map((r, i) => [
    i + 1,
    r.certificateNo,
    r.holderName,
    r.holderId,
    r.programName,
    formatDateZh(r.windowOpensOn),
    formatDateZh(r.expiry),
    r.daysUntilOpen,
  ]);
  tableSheet(wb, {
    name: '续期提醒',
    orientation: 'landscape',
    columns: REMINDER_COLUMNS,
    title: `${input.office}续期提醒名单`,
    notes: [`截至${formatDateZh(input.asOf)}：已在办理期内及${input.horizonDays}天内进入办理期的证书，共 ${input.rows.length} 份`],
    rows,
  });
  return ok(await workbookBytes(wb));
}
