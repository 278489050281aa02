/**
 * A catalogue-ref field's choices and the row a stored value names (001 （二）1 2) 证书表: 38
 * entries, no 22, one without a number): the number as printed, the name, its type and level.
 */
import type { CatalogueRow, FieldDef, ProgramPack, TableColumn } from '../programs/schema';

export interface CatalogueChoice {
  /** The stored value: the row's id. */
  readonly value: string;
  /** e.g. `16 信息系统项目管理师（国家软考认证的相关证书，高级）`; `— 信息系统运行维护服务经理培训证书（…，等级未标注）`. */
  readonly label: string;
  readonly row: CatalogueRow;
}

function labelOf(row: CatalogueRow): string {
  return `${row.no === null ? '—' : row.no} ${row.name}（${row.type}，${row.level ?? '等级未标注'}）`;
}

/** The choices of a catalogue-ref field or column, in the catalogue's printed order. */
export function catalogueChoices(pack: ProgramPack, field: FieldDef | TableColumn): readonly CatalogueChoice[] {
  const catalogue = pack.catalogues?.find((c) => c.id === field.catalogue);
  return (catalogue?.rows ?? []).map((row) => ({ value: row.id, label: labelOf(row), row }));
}

/** The catalogue row a stored value names, or undefined (blank, or not a row of its catalogue). */
export function catalogueRowOf(pack: ProgramPack, field: FieldDef | TableColumn, value: unknown): CatalogueRow | undefined {
  if (typeof value !== 'string') return undefined;
  return pack.catalogues?.find((c) => c.id === field.catalogue)?.rows.find((r) => r.id === value);
}
