/**
 * Organisation programs at the desk (issue 11): a P3 年检 filing started from 新建申请, the
 * enterprise registered on the spot by its 统一社会信用代码 (with the same-name warning), 12
 * projects typed by keyboard in 万元 with the grey columns and the 合计 line right to the 分, the
 * ten largest contracts marked, a reload losing nothing; then the 单位 page lists the filing.
 * Expected figures are worked out by hand in the comments. Screenshots go to test-results/orgs.
 */
import { expect, test, type Page } from '@playwright/test';
import { enterApp } from './sign-in';
import { withDesk } from './seed';

const SHOTS = 'test-results/orgs';
const CODE = '91650100MA7XKQ2B3F';
const OTHER_CODE = '91650100MA7XKQ2B4J';
const NAME = '新疆天山信息技术有限公司';

test.describe.configure({ timeout: 300_000 });

async function typeEnter(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

async function choose(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').first()).toBeVisible();
  await page.keyboard.press('Enter');
}

const cell = (page: Page, label: string) => page.getByLabel(label, { exact: true });

test('P3 年检 filing from 新建申请: the enterprise registered by credit code, 12 projects typed in 万元, totals to the 分, ten largest marked, a reload loses nothing', async ({ page }) => {
  await enterApp(page, '/organisations');
  // A namesake under another code is on file: registering ours warns, and the clerk goes on.
  await withDesk(
    page,
    async ({ name, code }) => {
      const d = window.__desk!;
      await d.createOrganisation({ name, creditCode: code }, await d.writeContext());
    },
    { name: NAME, code: OTHER_CODE },
  );

  await page.goto('/#/intake/new');
  await expect(page.locator('#new-program')).toBeFocused();
  await choose(page, 'P3');
  // The pack has one kind the applicant files: chosen already, Enter moves on.
  await expect(page.locator('#new-kind')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#new-channel')).toBeFocused();
  await choose(page, '单位提出');
  await expect(page.locator('#new-received')).toBeFocused();
  await page.keyboard.press('Control+A');
  await typeEnter(page, '20260302');

  // The applicant is an organisation: asked for by 统一社会信用代码.
  const picker = page.getByTestId('organisation-picker');
  await expect(picker).toBeVisible();
  await expect(page.getByTestId('person-picker')).toHaveCount(0);
  await picker.getByLabel('统一社会信用代码').focus();
  await typeEnter(page, CODE);
  await expect(page.getByText(`未找到统一社会信用代码 ${CODE}，请登记新单位`)).toBeVisible();
  await expect(picker.getByLabel('单位名称')).toBeFocused();
  await typeEnter(page, NAME);
  const warning = page.getByTestId('duplicate-organisation-warning');
  await expect(warning).toContainText('已有同名单位');
  await expect(warning).toContainText(OTHER_CODE);
  await warning.getByRole('button', { name: '是另一家单位，继续登记' }).click();
  await expect(page.getByTestId('organisation-picker-selected')).toContainText(CODE);

  // The form's top lines come from the organisation's record.
  await expect(page.locator('#new-enterpriseName')).toHaveValue(NAME);
  await expect(page.locator('#new-creditCode')).toHaveValue(CODE);
  await page.locator('#new-grade').focus();
  await choose(page, '乙级');
  await page.keyboard.press('0'); // 是否新获证企业: 否
  await page.keyboard.press('Enter');
  await typeEnter(page, '李娜');
  await typeEnter(page, '13899887766');
  await expect(page.locator('#new-technicalStaffTotal')).toBeFocused();
  // 28 technical staff: below 乙级's 30 (001 （二）1 1)).
  await typeEnter(page, '28');

  // 12 projects: row i has 软件开发费 i×10 万元, 咨询设计费 0.01 万元, 硬件购置费 5.5 万元.
  await page.getByTestId('projects-add-row').click();
  for (let i = 1; i <= 12; i++) {
    await expect(page.locator(`#new-projects-${i - 1}-projectName`)).toBeFocused();
    await typeEnter(page, `项目${i}`);
    await choose(page, '验收报告');
    await expect(page.locator(`#new-projects-${i - 1}-softwareDevelopment`)).toBeFocused();
    await typeEnter(page, String(i * 10));
    await typeEnter(page, '0.01');
    // 集成实施费, 运行维护费, 数据处理费, 运营服务费, 自制硬件费: left at 0.
    for (let k = 0; k < 5; k++) await page.keyboard.press('Enter');
    await expect(page.locator(`#new-projects-${i - 1}-hardwarePurchase`)).toBeFocused();
    await page.keyboard.type('5.5');
    if (i < 12) await page.keyboard.press('Control+Enter');
  }
  await page.keyboard.press('Tab');

  // Row 3: 服务费合计 30 + 0.01 = 30.01 万元; 合同金额 30.01 + 5.5 = 35.51 万元.
  await expect(cell(page, '软件和信息技术服务费合计 第 3 行')).toHaveText('30.01');
  await expect(cell(page, '合同金额 第 3 行')).toHaveText('35.51');
  // 合计: 软件开发费 10×(1+…+12) = 780; 咨询设计费 0.12; 服务费 780.12; 硬件购置费 66; 合同金额 846.12 (万元).
  await expect(cell(page, '软件开发费 合计')).toHaveText('780');
  await expect(cell(page, '咨询设计费 合计')).toHaveText('0.12');
  await expect(cell(page, '软件和信息技术服务费合计 合计')).toHaveText('780.12');
  await expect(cell(page, '硬件购置费 合计')).toHaveText('66');
  await expect(cell(page, '合同金额 合计')).toHaveText('846.12');
  await expect(cell(page, '运营服务费 合计')).toHaveText('0');

  // The ten largest contracts (projects 3–12) are the files to upload; 1 and 2 are not.
  const uploads = page.getByTestId('row-uploads-project-contracts');
  await expect(uploads).toContainText('共 12 行，多于 10 个');
  await expect(uploads.locator('li[data-asked=yes]')).toHaveCount(10);
  await expect(uploads.locator('li[data-asked=no]')).toHaveText([/项目1(?!\d)/, /项目2(?!\d)/]);

  // Move project 12 to the top by keyboard and back: rows stay whole.
  await page.locator('#new-projects-11-projectName').focus();
  for (let k = 0; k < 11; k++) await page.keyboard.press('Alt+ArrowUp');
  await expect(page.locator('#new-projects-0-projectName')).toHaveValue('项目12');
  await expect(cell(page, '合同金额 第 1 行')).toHaveText('125.51');
  for (let k = 0; k < 11; k++) await page.keyboard.press('Alt+ArrowDown');
  await expect(page.locator('#new-projects-11-projectName')).toHaveValue('项目12');

  await page.waitForTimeout(600);
  await page.screenshot({ path: `${SHOTS}/p3-new-filing.png`, fullPage: true });

  // A reload keeps everything typed.
  await page.reload();
  await expect(page.locator('#new-projects-11-projectName')).toHaveValue('项目12');
  await expect(cell(page, '合同金额 合计')).toHaveText('846.12');
  await expect(page.getByTestId('organisation-picker-selected')).toContainText(NAME);

  await page.getByTestId('register').click();
  await expect(page).toHaveURL(/#\/applications\/[^?]+\?tab=checklist/);
  const appId = /applications\/([^?]+)/.exec(page.url())![1]!;

  // Stored: amounts in 分, blanks 0, no computed column.
  const stored = await withDesk(page, async (id) => window.__desk!.db.applications.get(id), appId);
  expect(stored?.organisationId).toBeTruthy();
  const projects = stored!.fields['projects'] as Record<string, unknown>[];
  expect(projects).toHaveLength(12);
  expect(projects[2]).toMatchObject({ projectName: '项目3', softwareDevelopment: 30_000_000, consultingDesign: 10_000, hardwarePurchase: 5_500_000, integration: 0 });
  expect(projects[2]).not.toHaveProperty('contractAmount');

  // The workflow tab states the thresholds with the rule's reason.
  await page.goto(`/#/applications/${appId}?tab=workflow`);
  const findings = page.getByTestId('findings');
  await expect(findings).toContainText('技术人员总数');
  await expect(findings).toContainText('30');
  await page.screenshot({ path: `${SHOTS}/p3-workflow.png`, fullPage: true });

  // The 单位 page: the organisation's row opens to its filing.
  await page.goto('/#/organisations');
  const row = page.getByRole('row', { name: new RegExp(CODE) });
  await row.getByRole('button', { name: /展开/ }).click();
  const files = page.getByTestId('organisation-files');
  await expect(files).toContainText('计算机信息系统集成');
  await expect(files).toContainText('填报中');
  await page.screenshot({ path: `${SHOTS}/organisations.png`, fullPage: true });
});
