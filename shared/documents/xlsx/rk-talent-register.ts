/**
 * P5: the updated talent register exported to the national centre after each registration round
 * (003 第七条: 及时将更新后的计算机专业技术人才库报信息产业部电子教育中心汇总). One row per
 * certificate registered, deferred or cancelled in the round, with the continuing-education hours
 * of the cycle (003 信办人[2004]48号 第四条: 3 年 ≥ 180 学时，每年 ≥ 40 学时).
 */
import { formatDateZh, type IsoDate, type IsoYearMonth } from '../../rules/civil-date';
import { ok, type Result } from '../../rules/result';
import { SEX_ZH } from '../zj-applicant';
import { column, dateCell, leftColumn, newWorkbook, tableSheet, workbookBytes, type CellValue, type ColumnDef } from './common';

export type RkRegistrationKind = 'first' | 'renewal' | 'deferral' | 'cancellation';

export const RK_REGISTRATION_KIND_ZH: Readonly<Record<RkRegistrationKind, string>> = {
  first: '首次登记',
  renewal: '再次登记',
  deferral: '延期登记',
  cancellation: '注销登记',
};

export interface RkRegisterRow {
  readonly name: string;
  readonly sex: 'male' | 'female';
  readonly birthMonth: IsoYearMonth;
  readonly idNumber: string;
  readonly category: string;
  readonly qualification: string;
  readonly certificateNo: string;
  readonly obtainedOn: IsoYearMonth;
  readonly formNo: string;
  readonly kind: RkRegistrationKind;
  readonly registeredOn: IsoDate;
  /** Absent for a cancellation. */
  readonly validUntil?: IsoDate;
  readonly unit: string;
  /** Continuing-education hours in the cycle, in tenths. */
  readonly educationHoursTenths: number;
  readonly remarks?: string;
}

export interface RkRegisterInput {
  /** 登记实施机构. */
  readonly registrar: string;
  readonly roundName: string;
  readonly exportedOn: IsoDate;
  readonly rows: readonly RkRegisterRow[];
}

export const RK_REGISTER_SHEET = '人才库';

export const RK_REGISTER_COLUMNS: readonly ColumnDef[] = [
  column('序号', 6),
  column('姓名', 10),
  column('性别', 6),
  column('出生年月', 11),
  column('身份证号码', 20),
  column('专业类别', 12),
  column('资格名称', 18),
  column('证书编号', 19),
  column('取得时间', 11),
  column('登记表编号', 14),
  column('登记类别', 10),
  column('登记日期', 14),
  column('有效期至', 14),
  leftColumn('所在单位', 26),
  column('继续教育学时', 10, { numFmt: '0.#' }),
  leftColumn('备注', 16),
];

export function rkRegisterCells(r: RkRegisterRow, index: number): CellValue[] {
  return [
    index,
    r.name,
    SEX_ZH[r.sex],
    dateCell(r.birthMonth, 'year-month'),
    r.idNumber,
    r.category,
    r.qualification,
    r.certificateNo,
    dateCell(r.obtainedOn, 'year-month'),
    r.formNo,
    RK_REGISTRATION_KIND_ZH[r.kind],
    dateCell(r.registeredOn, 'date'),
    r.validUntil ? dateCell(r.validUntil, 'date') : '',
    r.unit,
    // A number Excel can sum (tenths → hours; halves are exact in binary).
    r.educationHoursTenths / 10,
    r.remarks ?? '',
  ];
}

export async function buildRkTalentRegisterXlsx(input: RkRegisterInput): Promise<Result<Uint8Array>> {
  const wb = newWorkbook(input.exportedOn);
  const columns = RK_REGISTER_COLUMNS;
  tableSheet(wb, {
    name: RK_REGISTER_SHEET,
    orientation: 'landscape',
    columns,
    title: `计算机技术与软件专业技术资格（水平）证书登记人才库（${input.roundName}）`,
    notes: [`登记实施机构：${input.registrar}\u3000\u3000\u3000\u3000导出日期：${formatDateZh(input.exportedOn)}\u3000\u3000\u3000\u3000共 ${input.rows.length} 人`],
    rows: input.rows.map((r, i) => rkRegisterCells(r, i + 1)),
  });
  return ok(await workbookBytes(wb));
}
