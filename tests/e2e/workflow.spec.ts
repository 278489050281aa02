/**
 * The review workflow on screen: a P5 re-registration inside its window (continuing education
 * 180/40 verdict, accept, the 15-working-day decision deadline in the queue), one outside its
 * window (accept disabled with the rule's reason), a return with pre-filled reasons, the P4
 * routing chain, and the history / audit pages. The clock is fixed to Monday 2026-11-23.
 * Screenshots go to test-results/h5.
 */
import { expect, test, type Page } from '@playwright/test';
import { evaluateChecklist } from '../../shared/engine/checklist';
import { getPack } from '../../shared/programs';
import { ROUTING_VARIANTS } from '../../shared/workflow/routing';
import { enterApp } from './sign-in';
import { seedRecords } from './seed';

const SHOTS = 'test-results/h5';

const id = (n: number) => `01900000-0000-7000-8000-00000000b${String(n).padStart(3, '0')}`;

type Row = Record<string, unknown> & { id: string };
type Seed = Record<string, Row[]>;
interface P5Seed extends Seed {
  people: Row[];
  applications: Row[];
  materials: Row[];
  educationRecords: Row[];
}

/** Records as earlier screens left them, written through the app's repositories (seed.ts). */
async function seed(page: Page, data: Seed): Promise<void> {
  await seedRecords(page, data);
}

function p5(n: number, name: string, idNumber: string, validUntil: string, materials: string[]): P5Seed {
  const personId = id(n);
  const appId = id(n + 1);
  return {
    people: [{ id: personId, name, idNumber }],
    applications: [
      {
        id: appId,
        programId: 'rk-registration',
        kind: 'renewal',
        applicationNo: `P5-2026-E2E-${n}`,
        personId,
        status: 'received',
        channel: 'individual',
        receivedDate: '2026-11-20',
        // 003 附件: what the registration page prints; the photo is not on file.
        fields: { name, specialtyCategory: '计算机软件', qualificationName: '系统分析师', certificateNo: '04010011230000123' },
        previousCertificate: { certificateNo: 'RK2023-0001', issuedOn: '2023-12-31', validUntil },
      },
    ],
    materials: materials.map((itemId, i) => ({
      id: id(n + 10 + i),
      applicationId: appId,
      itemId,
      status: 'received',
      copiesReceived: 1,
      originalVerifiedBy: '王管理',
      originalVerifiedOn: '2026-11-20',
    })),
    // 003 48号 四: 180 hours in the cycle, at least 40 a year.
    educationRecords: [
      ['2024-06-01', 600],
      ['2025-06-01', 600],
      ['2026-06-01', 650],
    ].map(([date, tenths], i) => ({ id: id(n + 20 + i), personId, applicationId: appId, date, mode: '脱产', content: '软件工程培训', hoursTenths: tenths })),
  };
}

const ALL_P5 = ['certificate', 'identity-proof', 'application-form', 'continuing-education-proof'];

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00+08:00'));
});

test('P5 re-registration: verdict, accept, decision deadline; outside the window refused', async ({ page }) => {
  await enterApp(page, '/intake');
  const inside = p5(100, '陈静', '11010519800101002X', '2026-12-31', ALL_P5);
  const outside = p5(200, '周强', '110105198001010037', '2027-06-30', ALL_P5);
  await seed(page, {
    people: [...inside.people, ...outside.people],
    applications: [...inside.applications, ...outside.applications],
    materials: [...inside.materials, ...outside.materials],
    educationRecords: [...inside.educationRecords, ...outside.educationRecords],
  });

  await page.goto(`/#/applications/${id(101)}?tab=workflow`);
  await expect(page.getByTestId('findings')).toContainText('继续教育学时符合要求（合计185学时）');
  await expect(page.getByTestId('findings')).toContainText('在登记办理期');
  await page.locator('[data-transition="accept"]').click();
  await expect(page.getByRole('dialog')).toContainText('已收件，待审核 → 已受理，审核中');
  await page.getByRole('button', { name: '确 定' }).or(page.getByRole('button', { name: '确定' })).click();
  await expect(page.getByTestId('workflow-state')).toHaveText('已受理，审核中');
  // 003 47号 七: 15 working days after Monday 2026-11-23 → Monday 2026-12-14.
  await expect(page.getByTestId('workflow-deadline')).toHaveText('还剩15个工作日（2026年12月14日前决定）');
  // The decision is the reviewer's (or an administrator's, as here): refuse, or approve once
  // the registration page can be printed (003 附件: the photo is missing).
  await expect(page.locator('[data-transition="approve"]')).toBeDisabled();
  await expect(page.getByTestId('blocked-reasons')).toContainText('证书无法打印，缺少照片');
  await expect(page.locator('[data-transition="refuse"]')).toBeEnabled();
  await page.screenshot({ path: `${SHOTS}/p5-accepted.png`, fullPage: true });

  await page.goto(`/#/applications/${id(201)}?tab=workflow`);
  await expect(page.locator('[data-transition="accept"]')).toBeDisabled();
  await expect(page.getByTestId('blocked-reasons')).toContainText('登记办理期（有效期满前三个月内）自2027年03月30日开始，目前尚未开始。');
  await expect(page.getByTestId('findings')).toContainText('尚未到登记办理期');
  await page.screenshot({ path: `${SHOTS}/p5-outside-window.png`, fullPage: true });

  // The queue: 待决定 holds the accepted one with its deadline; 待审核 the other.
  await page.goto('/#/review?queue=decision');
  await expect(page.getByTestId('queue-table')).toContainText('P5-2026-E2E-100');
  await expect(page.getByTestId('queue-table')).toContainText('还剩15个工作日（2026年12月14日前决定）');
  await page.screenshot({ path: `${SHOTS}/queue-decision.png`, fullPage: true });
  await page.getByRole('tab', { name: /待审核/ }).click();
  await expect(page.getByTestId('queue-table')).toContainText('P5-2026-E2E-200');

  // History of the accepted one: the status change, by whom.
  await page.goto(`/#/applications/${id(101)}?tab=history`);
  await expect(page.getByTestId('history-table')).toContainText('状态：已收件，待审核 → 已受理，审核中');
  await expect(page.getByTestId('history-table')).toContainText('王管理');
  await page.screenshot({ path: `${SHOTS}/history.png`, fullPage: true });

  await page.goto('/#/audit');
  await expect(page.getByTestId('audit-table')).toContainText('申请“P5-2026-E2E-100”');
  await page.screenshot({ path: `${SHOTS}/audit.png`, fullPage: true });
});

test('return with pre-filled reasons; P4 routing opinions', async ({ page }) => {
  await enterApp(page, '/intake');
  const short = p5(300, '吴敏', '110105198001010053', '2026-12-31', ['certificate', 'identity-proof']);
  await seed(page, {
    ...short,
    people: [...short.people, { id: id(400), name: '郑华', idNumber: '110105198001010061' }],
    applications: [
      ...short.applications,
      {
        id: id(401),
        programId: 'zj-it-senior',
        kind: 'new',
        applicationNo: 'P4-2026-E2E-400',
        personId: id(400),
        status: 'received',
        channel: 'unit',
        receivedDate: '2026-11-02',
        fields: { routingVariant: 'city' },
      },
    ],
  });

  await page.goto(`/#/applications/${id(301)}?tab=workflow`);
  await page.locator('[data-transition="return"]').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('退回理由')).toHaveValue('缺少：证书登记申请表\n缺少：参加继续教育的有关证明');
  await expect(dialog.getByLabel('个人')).toBeChecked();
  await page.screenshot({ path: `${SHOTS}/return-modal.png`, fullPage: true });
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByTestId('workflow-state')).toHaveText('已退回，待补正');
  await expect(page.locator('[data-transition="resubmit"]')).toBeEnabled();

  await page.goto(`/#/applications/${id(401)}?tab=workflow`);
  const routing = page.getByTestId('routing');
  await expect(page.getByTestId('routing-holder')).toHaveText('材料目前在：申报对象');
  await routing.getByLabel('签署日期').fill('2026-11-02');
  await routing.getByRole('button', { name: '登记意见' }).click();
  await expect(page.getByTestId('routing-holder')).toHaveText('材料目前在：所在单位');
  await routing.getByLabel('说明').fill('同意推荐');
  await routing.getByLabel('签署日期').fill('20261103');
  await routing.getByRole('button', { name: '登记意见' }).click();
  await expect(page.getByTestId('routing-holder')).toHaveText('材料目前在：单位主管部门');
  await routing.getByLabel('退回下一级').check();
  await routing.getByRole('button', { name: '登记意见' }).click();
  await expect(page.getByTestId('routing-error')).toHaveText('退回所在单位时必须写明退回理由。');
  await routing.getByLabel('说明').fill('缺少单位推荐意见');
  await routing.getByRole('button', { name: '登记意见' }).click();
  await expect(page.getByTestId('routing-holder')).toHaveText('材料目前在：所在单位');
  await expect(page.getByTestId('blocked-reasons')).toContainText('尚未完成逐级审核报送（材料目前在所在单位）');
  await page.screenshot({ path: `${SHOTS}/p4-routing.png`, fullPage: true });
});

test('start a publicity from 待审核: the end date by the working-day calendar', async ({ page }) => {
  await enterApp(page, '/intake');
  const personId = id(500);
  const appId = id(501);
  const fields = { routingVariant: 'city' };
  // Every material the checklist asks of this P4 file, received in the copies asked.
  const checklist = evaluateChecklist(getPack('zj-it-senior')!, 'new', fields, []);
  await seed(page, {
    people: [{ id: personId, name: '冯云', idNumber: '110105198001010088' }],
    applications: [
      {
        id: appId,
        programId: 'zj-it-senior',
        kind: 'new',
        applicationNo: 'P4-2026-E2E-500',
        personId,
        status: 'received',
        channel: 'unit',
        receivedDate: '2026-11-02',
        fields,
        selfScore: { items: [], seniority: { meets: true, reason: '大学本科毕业，从事工程师工作满五年' } },
      },
    ],
    materials: checklist.lines
      .filter((l) => l.required)
      .map((l, i) => ({
        id: id(510 + i),
        applicationId: appId,
        itemId: l.item.id,
        status: 'received',
        copiesReceived: l.copiesRequired,
        originalVerifiedBy: '王管理',
        originalVerifiedOn: '2026-11-02',
      })),
    // 002 六(三): 90 hours a year (60 professional, 18 public); the 2019 round judges 2018.
    educationRecords: [2018].flatMap((year, i) => [
      { id: id(560 + 2 * i), personId, applicationId: appId, date: `${year}-05-10`, mode: '面授', category: '专业科目', content: '专业科目', hoursTenths: 600 },
      { id: id(561 + 2 * i), personId, applicationId: appId, date: `${year}-06-10`, mode: '面授', category: '行业公需', content: '行业公需', hoursTenths: 300 },
    ]),
    routingOpinions: ROUTING_VARIANTS.city.levels.map((level, i) => ({
      id: id(580 + i),
      applicationId: appId,
      level,
      opinion: 'pass',
      note: '',
      on: '2026-11-0' + String(2 + i),
    })),
  });

  await page.goto('/#/review?queue=intake-review');
  await page.getByRole('checkbox', { name: 'P4-2026-E2E-500' }).check();
  await page.getByTestId('start-publicity').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('公示标题').fill('2026年度信息技术高级工程师评审前公示');
  // Posted Friday 2026-11-27: 5 working days skip the weekend → Thursday 2026-12-03.
  await dialog.getByLabel('公示开始日期').fill('2026年11月27日');
  await expect(page.getByTestId('publicity-end')).toHaveText('公示期5个工作日，至2026年12月03日止。');
  await page.screenshot({ path: `${SHOTS}/start-publicity.png`, fullPage: true });
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('tab', { name: /公示中/ }).click();
  await expect(page.getByTestId('queue-table')).toContainText('P4-2026-E2E-500');
  await expect(page.getByTestId('queue-table')).toContainText('公示中，还剩');
  await expect(page.getByTestId('queue-table')).toContainText('2026年12月03日止');
  await page.screenshot({ path: `${SHOTS}/queue-publicity.png`, fullPage: true });
});
