/**
 * P3 `xj-si-annual` against seed 001: the certificate catalogue row by row (numbering gap and the
 * unnumbered row included), the computed columns and the upload list.
 */
import { describe, expect, it } from 'vitest';
import { catalogueChoices, catalogueRowOf } from '../../../shared/engine/catalogues';
import { getPack } from '../../../shared/programs/index';
import type { CatalogueRow, ProgramPack } from '../../../shared/programs/schema';
import { seedTexts, squash } from './seed-text';

const pack = getPack('xj-si-annual') as ProgramPack;
const catalogue = pack.catalogues?.find((c) => c.id === 'management-certificates');
const rows = catalogue?.rows ?? [];

const RK = '国家软考认证的相关证书';
const OTHER = '其他有效的人员能力评价或认证证书';

/** 001 （二）1 2): [序号, 类型, 等级 as read, 证书名称], typed in from the seed's table. */
const SEED_TABLE: [number | null, string, string | null, string][] = [
  [1, RK, '中级', '软件过程能力评估师'],
  [2, RK, '中级', '软件评测师'],
  [3, RK, '中级', '软件设计师'],
  [4, RK, '中级', '网络工程师'],
  [5, RK, '中级', '多媒体应用设计师'],
  [6, RK, '中级', '嵌入式系统设计师'],
  [7, RK, '中级', '电子商务设计师'],
  [8, RK, '中级', '计算机辅助设计师'],
  [9, RK, '中级', '系统集成项目管理工程师'],
  [10, RK, '中级', '信息安全工程师'],
  [11, RK, '中级', '信息系统监理师'],
  [12, RK, '中级', '信息系统管理工程师'],
  [13, RK, '中级', '数据库系统工程师'],
  [14, RK, '中级', '计算机硬件工程师'],
  [15, RK, '中级', '信息技术支持工程师'],
  [16, RK, '高级', '信息系统项目管理师'],
  [17, RK, '高级', '系统分析师'],
  [18, RK, '高级', '系统架构设计师'],
  [19, RK, '高级', '网络规划设计师'],
  [20, RK, '高级', '系统规划与管理师'],
  [21, OTHER, '无', '信息技术服务从业人员评价证书'],
  [23, OTHER, '初级', 'CCNA 网络支持工程师（Cisco 认证）'],
  [24, OTHER, '高级', 'CCNP 网络高级工程师（Cisco 认证）'],
  [25, OTHER, '专家级', 'CCIE 互联网专家（Cisco 认证）'],
  [26, OTHER, '初级', 'HCIA 网络工程师（华为认证）'],
  [27, OTHER, '高级', 'HCIP 高级网络工程师（华为认证）'],
  [28, OTHER, '专家级', 'HCIE 专家级网络工程师（华为认证）'],
  [29, OTHER, '无', '系统工程师 MCSE（微软认证）'],
  [30, OTHER, '无', '数据库管理员 MCDBA（微软认证）'],
  [31, OTHER, '无', '产品专家 MCP（微软认证）'],
  [32, OTHER, '无', '方案开发人员 MCSA（微软认证）'],
  [33, OTHER, '无', 'Internet 系统工程师 MCSE+Internet（微软认证）'],
  [34, OTHER, null, '数据库专员进阶 OCA 认证（Oracle 认证）'],
  [35, OTHER, null, '数据库专家 OCP 认证（Oracle 认证）'],
  [36, OTHER, null, '数据库大师 OCM 认证（Oracle 认证）'],
  [null, OTHER, null, '信息系统运行维护服务经理培训证书'],
  [37, OTHER, '无', 'IT 服务工程师（ITSS）'],
  [38, OTHER, '无', 'IT 服务经理（ITSS）'],
];

/** The seed's markdown table rows `| 序号 | 类型 | 等级 | 证书名称 |`, as printed (blank cells ''). */
function parseSeedTable(text: string): [string, string, string, string][] {
  const out: [string, string, string, string][] = [];
  for (const line of text.split('\n')) {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length !== 4 || cells[0] === '序号' || /^-+$/.test(cells[0] ?? '') || cells.every((c) => c === '')) continue;
    out.push(cells as [string, string, string, string]);
  }
  return out;
}

describe('001 （二）1 2) certificate catalogue', () => {
  it('has the seed table row by row', () => {
    expect(rows.map((r: CatalogueRow) => [r.no, r.type, r.level, r.name])).toEqual(SEED_TABLE);
  });

  it('keeps the numbering gap (no 22) and the unnumbered row between 36 and 37', () => {
    expect(rows.some((r) => r.no === 22)).toBe(false);
    const unnumbered = rows.findIndex((r) => r.no === null);
    expect(rows[unnumbered]?.name).toBe('信息系统运行维护服务经理培训证书');
    expect([rows[unnumbered - 1]?.no, rows[unnumbered + 1]?.no]).toEqual([36, 37]);
    expect(rows).toHaveLength(38);
  });

  it('records the 等级 cell as printed: only section starts in 1–20, every row from 21 except 34–36 and the unnumbered row', () => {
    const printed = rows.filter((r) => r.levelAsPrinted !== '').map((r) => r.no);
    expect(printed).toEqual([1, 16, 21, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 37, 38]);
  });

  it('matches the table parsed from the seed file itself', () => {
    const table = parseSeedTable(seedTexts.get('001') ?? '');
    expect(table).toHaveLength(rows.length);
    table.forEach(([no, type, level, name], i) => {
      const row = rows[i] as CatalogueRow;
      expect(row.no === null ? '' : String(row.no), `row ${i + 1} 序号`).toBe(no);
      expect(row.levelAsPrinted, `row ${i + 1} 等级`).toBe(level);
      expect(row.name, `row ${i + 1} 名称`).toBe(name);
      // The 类型 cell is printed once per section and wrapped by the PDF extraction.
      if (type !== '') expect(squash(row.type), `row ${i + 1} 类型`).toBe(squash(type));
    });
  });

  it('a certificate row shows the entry with its type and level; the unnumbered row and a blank level say so', () => {
    const column = pack.fields.find((f) => f.id === 'managementCertificates')?.columns?.find((c) => c.id === 'catalogueEntry');
    if (column === undefined) throw new Error('no catalogue column');
    const choices = catalogueChoices(pack, column);
    expect(choices).toHaveLength(38);
    expect(choices.find((c) => c.value === 'no-16')?.label).toBe('16 信息系统项目管理师（国家软考认证的相关证书，高级）');
    expect(choices.find((c) => c.value === 'unnumbered-om-manager')?.label).toBe('— 信息系统运行维护服务经理培训证书（其他有效的人员能力评价或认证证书，等级未标注）');
    expect(catalogueRowOf(pack, column, 'no-25')).toMatchObject({ no: 25, type: '其他有效的人员能力评价或认证证书', level: '专家级' });
    expect(catalogueRowOf(pack, column, 'no-22')).toBeUndefined();
  });

  it('row ids are stable and unique', () => {
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.filter((r) => r.no !== null).every((r) => r.id === `no-${r.no}`)).toBe(true);
  });
});

describe('001 form fields', () => {
  const field = (id: string) => pack.fields.find((f) => f.id === id);

  it('（二）3 2): the project row has the ten amounts in the seed order and two computed totals', () => {
    const columns = field('projects')?.columns ?? [];
    const money = columns.filter((c) => c.type === 'money' && c.computed === undefined).map((c) => c.label.zh);
    expect(money).toEqual(['软件开发费', '咨询设计费', '集成实施费', '运行维护费', '数据处理费', '运营服务费', '自制硬件费', '硬件购置费', '软件购置费', '其他']);
    expect(columns.filter((c) => c.computed).map((c) => [c.id, c.computed?.rule, c.computed?.inputs])).toEqual([
      ['serviceTotal', 'sum', ['softwareDevelopment', 'consultingDesign', 'integration', 'operationMaintenance', 'dataProcessing', 'operationService']],
      ['contractAmount', 'sum', ['serviceTotal', 'ownHardware', 'hardwarePurchase', 'softwarePurchase', 'other']],
    ]);
  });

  it('（二）3: amounts are typed in 万元, the unit the seed writes the project total in', () => {
    const money = pack.fields.flatMap((f) => [f, ...(f.columns ?? [])]).filter((f) => f.type === 'money');
    expect(money.length).toBe(16);
    expect(new Set(money.map((f) => f.moneyUnit))).toEqual(new Set(['wan-yuan']));
  });

  it('（二）3 4): a merged row is flagged', () => {
    expect(field('projects')?.columns?.find((c) => c.id === 'merged')).toMatchObject({ type: 'boolean', cite: '001 （二）3 4)' });
  });

  it('（二）1 1) / 3 3): absent counts and amounts mean 0', () => {
    expect(field('technicalStaffTotal')?.blankMeans).toBe(0);
    expect(field('selfDevelopedSales')?.blankMeans).toBe(0);
  });

  it('grade values are 甲 乙 丙 丁, labelled 甲级 … 丁级 as in the seed', () => {
    expect(field('grade')?.enum?.map((o) => [o.value, o.label?.zh])).toEqual([
      ['甲', '甲级'],
      ['乙', '乙级'],
      ['丙', '丙级'],
      ['丁', '丁级'],
    ]);
  });
});

describe('001 （二）6 uploads', () => {
  it('licence, three statements, one file per contract (ten largest suffice), innovation certificates, then the stamped return', () => {
    expect(pack.checklist.map((m) => [m.id, m.copies.count, m.copies.per ?? null, m.stage])).toEqual([
      ['business-licence', 1, null, 'submission'],
      ['financial-statements', 3, null, 'submission'],
      ['project-contracts', 1, 'projects', 'submission'],
      ['innovation-certificates', 1, 'innovations', 'submission'],
      ['stamped-return', 1, null, 'after-approval'],
    ]);
    expect(pack.checklist.find((m) => m.id === 'project-contracts')?.copies.max?.value).toBe(10);
  });

  it('温馨提示 11: certificates are exchanged by 2026-04-30', () => {
    expect(pack.keyDates.find((d) => d.id === 'certificate-exchange')?.date).toBe('2026-04-30');
  });
});
