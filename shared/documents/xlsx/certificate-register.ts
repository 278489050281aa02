/**
 * Certificate register for a date range: every certificate issued, renewed (000 第十五条 延续),
 * reissued (第十八条 补发), changed (第十七条; 004 第二十一条 换发 counts as 变更), deferred (003 八),
 * suspended, revoked or cancelled (003 第十条, 004 第十七条/第十九条) between two dates, both
 * included. Sheet 登记簿 lists the events by date; sheet 统计 counts them by kind, each kind on its
 * own line (shared/lifecycle/register.ts tells them apart from the records).
 */
import { formatDateZh, type IsoDate } from '../../rules/civil-date';
import { fail, ok, type Result } from '../../rules/result';
import { column, countColumn, leftColumn, newWorkbook, REGISTER_SHEETS, tableSheet, workbookBytes, type CellValue, type ColumnDef } from './common';

export type CertificateEventKind = 'issued' | 'renewed' | 'reissued' | 'changed' | 'deferred' | 'suspended' | 'revoked' | 'cancelled';

export const CERTIFICATE_EVENT_ZH: Readonly<Record<CertificateEventKind, string>> = {
  issued: '发证',
  renewed: '延续',
  reissued: '补发',
  changed: '变更',
  deferred: '延期',
  suspended: '暂停',
  revoked: '撤销',
  cancelled: '注销',
};

export const REGISTER_COLUMNS: readonly ColumnDef[] = [
  column('序号', 6),
  column('日期', 15),
  column('类别', 7),
  column('证书编号', 19),
  leftColumn('持证人', 26),
  leftColumn('项目', 28),
  column('有效期至', 15),
  leftColumn('原因及说明', 28),
  column('经办人', 9),
];

export interface CertificateEvent {
  readonly date: IsoDate;
  readonly kind: CertificateEventKind;
  readonly certificateNo: string;
  readonly holderName: string;
  readonly programName: string;
  readonly validUntil?: IsoDate;
  readonly reason?: string;
  readonly clerk?: string;
}

export interface CertificateRegisterInput {
  readonly office: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly events: readonly CertificateEvent[];
}

/** The events in [from, to], by date then certificate number. */
export function eventsInRange(events: readonly CertificateEvent[], from: IsoDate, to: IsoDate): CertificateEvent[] {
  return events
    .filter((e) => e.date >= from && e.date <= to)
    .sort((a, b) => (a.date === b.date ? (a.certificateNo < b.certificateNo ? -1 : a.certificateNo > b.certificateNo ? 1 : 0) : a.date < b.date ? -1 : 1));
}

export async function buildCertificateRegisterXlsx(input: CertificateRegisterInput): Promise<Result<Uint8Array>> {
  if (input.to < input.from) return fail('documents.validity', '截止日期早于起始日期，请核对。');
  const events = eventsInRange(input.events, input.from, input.to);
  const wb = newWorkbook(input.to);
  const range = `${formatDateZh(input.from)}至${formatDateZh(input.to)}`;
  const rows: CellValue[][] = events.map((e, i) => [
    i + 1,
    formatDateZh(e.date),
    CERTIFICATE_EVENT_ZH[e.kind],
    e.certificateNo,
    e.holderName,
    e.programName,
    e.validUntil ? formatDateZh(e.validUntil) : '',
    e.reason ?? '',
    e.clerk ?? '',
  ]);
  tableSheet(wb, {
    name: REGISTER_SHEETS.register,
    orientation: 'landscape',
    columns: REGISTER_COLUMNS,
    title: `${input.office}证书登记簿`,
    notes: [`期间：${range}\u3000\u3000共 ${events.length} 条`],
    rows,
  });

  const statsColumns: ColumnDef[] = [
    column('类别', 12),
    countColumn('数量', 10),
  ];
  const kinds = Object.keys(CERTIFICATE_EVENT_ZH) as CertificateEventKind[];
  const counts: CellValue[][] = kinds.map((k) => [CERTIFICATE_EVENT_ZH[k], events.filter((e) => e.kind === k).length]);
  tableSheet(wb, {
    name: REGISTER_SHEETS.stats,
    orientation: 'portrait',
    columns: statsColumns,
    title: '证书登记统计',
    notes: [{ text: `期间：${range}`, height: 32 }],
    rows: [...counts, ['合计', events.length]],
  });
  return ok(await workbookBytes(wb));
}
