/**
 * 评审会 as a panel would use it, offline or not: the applications waiting for review with the
 * count the workflow asks for; an expert's scores, opinion and recommendation typed into the
 * sheet from the pack (P1: the 000 第九条 elements; P4: the 自评分表 items with their points and
 * the pass line 80); a refused review lists its problems in Chinese; a saved one survives a
 * reload and unblocks 完成专业评价. Screenshots go to test-results/panel.
 */
import { expect, test } from '@playwright/test';
import { putRows } from './idb';
import { enterApp } from './sign-in';

const SHOTS = 'test-results/panel';
const id = (n: number) => `01900000-0000-7000-8000-00000000c${String(n).padStart(3, '0')}`;

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00+08:00'));
});

test('an expert scores a P1 application; the evaluation is then allowed; P4 totals against 80', async ({ page }) => {
  await enterApp(page, '/intake');
  await putRows(page, {
    people: [
      { id: id(1), name: '陈静', idNumber: '11010519800101002X' },
      { id: id(2), name: '周强', idNumber: '110105198001010037' },
    ],
    applications: [
      { id: id(11), programId: 'xj-isi-pm', kind: 'new', applicationNo: 'P1-2026-E2E-0001', personId: id(1), status: 'awaiting-evaluation', channel: 'individual', receivedDate: '2026-11-02', fields: {} },
      {
        id: id(12),
        programId: 'zj-it-senior',
        kind: 'new',
        applicationNo: 'P4-2026-E2E-0002',
        personId: id(2),
        status: 'panel',
        channel: 'unit',
        receivedDate: '2026-11-03',
        fields: {},
        selfScore: {
          items: [
            { id: 'edu', name: '学历', maxScore: 20, claimed: 20, hasEvidence: true },
            { id: 'work', name: '业绩', maxScore: 70, claimed: 65, hasEvidence: true },
            { id: 'paper', name: '论文', maxScore: 10, claimed: 10, hasEvidence: false },
          ],
        },
      },
    ],
  });

  await page.getByRole('navigation').getByText('评审会').click();
  const table = page.getByTestId('panel-table');
  await expect(table).toContainText('P1-2026-E2E-0001');
  await expect(table).toContainText('P4-2026-E2E-0002');
  await expect(table.locator('tr', { hasText: 'P1-2026-E2E-0001' })).toContainText('已有 0 份 / 需 1 份');

  await table.locator('tr', { hasText: 'P1-2026-E2E-0001' }).getByRole('button', { name: '录入评审' }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer).toContainText('评审：P1-2026-E2E-0001 陈静');
  await expect(drawer).toContainText('基础知识');
  await expect(drawer).toContainText('项目经验');

  // Saved with nothing but a name: refused, every problem listed, nothing written.
  await drawer.getByLabel('评审专家').fill('李专家');
  await drawer.getByRole('button', { name: '保存评审意见' }).click();
  await expect(page.getByTestId('review-error')).toContainText('请填写评审意见');
  await expect(page.getByTestId('review-error')).toContainText('请选择评审结论');

  await page.getByRole('spinbutton', { name: '得分 基础知识' }).fill('8');
  await page.getByRole('spinbutton', { name: '得分 项目经验' }).fill('9.5');
  await expect(page.getByTestId('review-total')).toHaveText('合计：17.5 分');
  await drawer.getByLabel('评审意见').fill('专业知识扎实，项目经验丰富，建议通过。');
  await drawer.getByText('建议通过', { exact: true }).click();
  await page.screenshot({ path: `${SHOTS}/p1-review-form.png`, fullPage: true });
  await drawer.getByRole('button', { name: '保存评审意见' }).click();
  await expect(page.getByTestId('existing-review')).toContainText('李专家');
  await expect(page.getByTestId('existing-review')).toContainText('合计：17.5 分');
  await page.keyboard.press('Escape');
  await expect(table.locator('tr', { hasText: 'P1-2026-E2E-0001' })).toContainText('已有 1 份 / 需 1 份');

  // Kept across a reload; the workflow now allows the evaluation.
  await page.reload();
  await expect(page.getByTestId('panel-table').locator('tr', { hasText: 'P1-2026-E2E-0001' })).toContainText('已有 1 份 / 需 1 份');
  await page.screenshot({ path: `${SHOTS}/panel-list.png`, fullPage: true });
  await page.goto(`/#/applications/${id(11)}?tab=workflow`);
  await expect(page.locator('[data-transition="evaluate"]')).toBeEnabled();
  await expect(page.getByTestId('reviews-card')).toContainText('李专家');
  await expect(page.getByTestId('reviews-card')).toContainText('建议通过');

  // P4, from its 办理 tab: the items of the 自评分表 with their points; the one without proof is not scored.
  await page.goto(`/#/applications/${id(12)}?tab=workflow`);
  await expect(page.getByTestId('reviews-card')).toContainText('尚未录入评审意见');
  await page.getByTestId('reviews-card').getByRole('button', { name: '录入评审' }).click();
  await expect(page.getByRole('dialog')).toContainText('评审：P4-2026-E2E-0002 周强');
  await expect(page.getByRole('dialog')).toContainText('无证明材料，不予评分');
  await page.getByRole('spinbutton', { name: '得分 学历' }).fill('20');
  await page.getByRole('spinbutton', { name: '得分 业绩' }).fill('59.5');
  await expect(page.getByTestId('review-total')).toHaveText('合计：79.5 分（合格线 80 分：未达到）');
  await page.getByRole('spinbutton', { name: '得分 业绩' }).fill('60');
  await expect(page.getByTestId('review-total')).toHaveText('合计：80 分（合格线 80 分：达到）');
  await page.screenshot({ path: `${SHOTS}/p4-review-form.png`, fullPage: true });
});
