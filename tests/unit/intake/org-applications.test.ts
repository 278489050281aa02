/**
 * Applications by organisations (issue 11): an amount typed in the unit the seed shows (元, or
 * 万元 for the 001 tables) is stored in integer 分; a P3 filing registered for an organisation
 * stores absent amounts as 0 and never its computed columns; 12 projects add up exactly to the
 * 分 and the ten largest contracts are those asked for (001 （二）6 3)). Expected figures are
 * worked out by hand in the comments, never by the code under test.
 */
import './env';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, repositories } from '../../../renderer/src/db';
import { createApplication } from '../../../renderer/src/features/applications/create';
import { prefillFromOrganisation } from '../../../renderer/src/features/applications/form/prefill';
import { displayText, parseTyped } from '../../../renderer/src/features/applications/form/values';
import { writeContext } from '../../../renderer/src/session';
import { tableView, uploadPlans } from '../../../shared/engine/tables';
import { getPack } from '../../../shared/programs';
import type { ApplicationKindId, FieldDef } from '../../../shared/programs/schema';
import { computeCreditCodeCheckChar } from '../../../shared/rules/credit-code';
import { NO_AMOUNTS } from '../engine/org-fixtures';
import { emptyDatabase, signIn } from './file-fixtures';

const P3 = getPack('xj-si-annual')!;
const KIND = 'annual-review' as ApplicationKindId;
const projectsField = P3.fields.find((f) => f.id === 'projects') as FieldDef;
const CODE = '91650100MA7XKQ2B3' + computeCreditCodeCheckChar('91650100MA7XKQ2B3')!;

beforeEach(async () => {
  signIn();
  await emptyDatabase();
});

describe('amounts typed in 元 or 万元 are stored in 分', () => {
  it.each([
    // [typed, unit of the column, 分]
    ['12,345.67', 'yuan', 1_234_567],
    ['0.1', 'yuan', 10],
    ['1200', 'wan-yuan', 1_200_000_000], // 1200 万元 = 12,000,000 元
    ['0.35', 'wan-yuan', 350_000], // 0.35 万元 = 3,500 元
    ['0.000001', 'wan-yuan', 1], // the smallest 万元 amount is one 分
    ['500元', 'wan-yuan', 50_000], // a unit typed with the number wins
    ['1.2万', 'yuan', 1_200_000],
    ['３０００', 'wan-yuan', 3_000_000_000], // full-width digits from a Chinese IME
  ] as const)('%s in %s → %i 分', (typed, unit, fen) => {
    expect(parseTyped('money', typed, unit)).toBe(fen);
  });

  it('what cannot be read exactly is kept as typed (the engine reports it), never rounded', () => {
    expect(parseTyped('money', '1.0000001', 'wan-yuan')).toBe('1.0000001');
    expect(parseTyped('money', '0.001', 'yuan')).toBe('0.001');
    expect(parseTyped('money', '十万', 'wan-yuan')).toBe('十万');
  });

  it('shows 分 back in the column’s unit', () => {
    expect(displayText('money', 1_234_567_800, 'wan-yuan')).toBe('1,234.5678');
    expect(displayText('money', 3_000_000_000, 'wan-yuan')).toBe('3,000');
    expect(displayText('money', 1_234_567, 'yuan')).toBe('12,345.67');
  });
});

describe('12 projects typed in 万元', () => {
  // Row i (1…12): 软件开发费 i×10 万元, 咨询设计费 0.01 万元 (100 元), 硬件购置费 5.5 万元, the rest blank.
  const rows = Array.from({ length: 12 }, (_, k) => {
    const i = k + 1;
    return {
      rowKey: `r${i}`,
      projectName: `项目${i}`,
      completionEvidence: '验收报告',
      softwareDevelopment: parseTyped('money', String(i * 10), 'wan-yuan'),
      consultingDesign: parseTyped('money', '0.01', 'wan-yuan'),
      hardwarePurchase: parseTyped('money', '5.5', 'wan-yuan'),
    };
  });

  it('computes each row and the 合计 line exactly to the 分', () => {
    const view = tableView(projectsField, rows);
    // Row 3: 30 万元 + 0.01 万元 = 30.01 万元 = 300,100 元; + 5.5 万元 = 35.51 万元.
    expect(view.rows[2]!.cells['serviceTotal']).toBe(300_100_00);
    expect(view.rows[2]!.cells['contractAmount']).toBe(355_100_00);
    // 软件开发费: 10 × (1+…+12) = 780 万元; 咨询设计费 12 × 100 元 = 1,200 元; 服务费合计 780.12 万元;
    // 硬件购置费 12 × 5.5 = 66 万元; 合同金额 846.12 万元.
    expect(view.totals['softwareDevelopment']).toBe(780_000_000);
    expect(view.totals['consultingDesign']).toBe(120_000);
    expect(view.totals['serviceTotal']).toBe(780_120_000);
    expect(view.totals['hardwarePurchase']).toBe(66_000_000);
    expect(view.totals['contractAmount']).toBe(846_120_000);
    expect(displayText('money', view.totals['contractAmount'], 'wan-yuan')).toBe('846.12');
    // Blank fees are 0 in the sums, never "unknown".
    expect(view.totals['operationService']).toBe(0);
  });

  it('asks for the ten largest contracts: projects 3 to 12, not 1 and 2', () => {
    const plan = uploadPlans(P3, KIND, { projects: rows }).find((p) => p.item.id === 'project-contracts')!;
    expect(plan.limitedTo).toBe(10);
    expect(plan.rows.filter((r) => r.asked).map((r) => r.label)).toEqual(['项目3', '项目4', '项目5', '项目6', '项目7', '项目8', '项目9', '项目10', '项目11', '项目12']);
    expect(plan.rows.filter((r) => !r.asked).map((r) => r.label)).toEqual(['项目1', '项目2']);
  });
});

describe('a P3 filing registered for an organisation', () => {
  it('needs the organisation, stores blank amounts as 0 and no computed column', async () => {
    const ctx = await writeContext();
    const org = await repositories.organisations.create({ name: '新疆天山信息技术有限公司', creditCode: CODE }, ctx);
    const fields = prefillFromOrganisation(P3, KIND, {}, org);
    // 单位名称 and 统一社会信用代码 come from the organisation's record.
    expect(fields).toMatchObject({ enterpriseName: '新疆天山信息技术有限公司', creditCode: CODE });

    const input = {
      programId: P3.id,
      kind: KIND,
      channel: 'unit',
      receivedDate: '2026-03-02',
      fields: {
        ...fields,
        grade: '乙',
        certifiedThisYear: false,
        projects: [
          { rowKey: 'a', projectName: '乌鲁木齐智慧社区', completionEvidence: '验收报告', softwareDevelopment: 1_000_000, serviceTotal: 999 },
          // A row added and never typed in is not registered.
          { rowKey: 'b', softwareDevelopment: 0, consultingDesign: 0 },
        ],
      },
    };
    await expect(createApplication(input)).rejects.toThrow('请先选择申请单位。');

    const app = await createApplication({ ...input, organisationId: org.id });
    expect(app.organisationId).toBe(org.id);
    expect(app.personId).toBeUndefined();
    // 技术人员总数 left blank: 0 (001 （二）1 1) 不包含的人员分类…填“0”).
    expect(app.fields['technicalStaffTotal']).toBe(0);
    const projects = app.fields['projects'] as Record<string, unknown>[];
    expect(projects).toHaveLength(1);
    expect(projects[0]).toEqual({
      rowKey: 'a',
      projectName: '乌鲁木齐智慧社区',
      completionEvidence: '验收报告',
      ...NO_AMOUNTS,
      softwareDevelopment: 1_000_000,
    });
    expect(await db.applications.where('organisationId').equals(org.id).count()).toBe(1);
  });

  it('refuses an organisation that is not on file', async () => {
    await expect(
      createApplication({ programId: P3.id, kind: KIND, channel: 'unit', receivedDate: '2026-03-02', organisationId: 'no-such-org', fields: {} }),
    ).rejects.toThrow('所选申请单位不存在');
  });
});
