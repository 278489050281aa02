/**
 * Organisation programs at the desk (issue 11): a P3 年检 filing started from 新建申请, the
 * enterprise registered on the spot by its 统一社会信用代码 (with the same-name warning), 12
 * projects typed by keyboard in 万元 with the grey columns and the 合计 line right to the 分, the
 * ten largest contracts marked, a reload losing nothing; then the 单位 page lists the filing.
 * Expected figures are worked out by hand in the comments. Screenshots go to test-results/orgs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { enterApp } from './sign-in';
import { withDesk } from './seed';
import { choose, typeEnter } from './keyboard';
import { withCheckDigit } from './id-numbers';
import { setUpSigning } from './signing';

const SHOTS = 'test-results/orgs';
const CODE = '91650100MA7XKQ2B3F';
const OTHER_CODE = '91650100MA7XKQ2B4J';
const NAME = '新疆天山信息技术有限公司';
mkdirSync(SHOTS, { recursive: true });

test.describe.configure({ timeout: 300_000 });

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

/** A valid 18-digit 身份证号 (GB 11643 check digit) for seeding the certificate holders. */
function idNumber(serial: number): string {
  return withCheckDigit(`65010219850101${String(serial).padStart(3, '0')}`);
}

async function fire(page: Page, transition: string, text?: { label: string; value: string }): Promise<void> {
  await page.locator(`[data-transition="${transition}"]`).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  if (text) {
    const box = dialog.getByLabel(text.label);
    await box.fill(text.value);
  }
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(dialog).toBeHidden();
}

test('P3 年检 review to certificate: 提交审核 with its one-working-day deadline, a failing threshold, 驳回 with a reason, corrected, resubmitted, 通过, stamped copy received, certificate printed; reloads lose nothing', async ({ page }) => {
  await enterApp(page, '/certificates');
  // Monday 2026-03-16, during the 2025 round (换证 by 2026-04-30); set once signed in (the
  // first administrator's password hashing is slow on a busy machine and needs no fixed day).
  await page.clock.setFixedTime(new Date('2026-03-16T10:00:00+08:00'));
  await page.reload();
  await page.getByRole('tab', { name: '签名与单位' }).click();
  await setUpSigning(page, '新疆维吾尔自治区软件行业协会');

  const appId = await withDesk(
    page,
    async ({ name, code, holders }) => {
      const d = window.__desk!;
      const ctx = await d.writeContext();
      const org = await d.createOrganisation({ name, creditCode: code }, ctx);
      const projects = Array.from({ length: 12 }, (_, k) => ({
        rowKey: `p${k + 1}`,
        projectName: `项目${k + 1}`,
        completionEvidence: '验收报告',
        softwareDevelopment: (k + 1) * 10_000_000,
        consultingDesign: 10_000,
        hardwarePurchase: 5_500_000,
      }));
      const app = await d.createApplication({
        programId: 'xj-si-annual',
        kind: 'annual-review',
        channel: 'unit',
        receivedDate: '2026-03-16',
        organisationId: org.id,
        fields: {
          enterpriseName: name,
          creditCode: code,
          grade: '乙',
          certifiedThisYear: false,
          contactPerson: '李娜',
          contactPhone: '13899887766',
          technicalStaffTotal: 28,
          managementCertificates: holders.map((idNumber, i) => ({
            rowKey: `h${i}`,
            personName: `持证人${i + 1}`,
            idNumber,
            certificateKind: '系统集成实施工程经理',
            certificateNo: `XM-${i + 1}`,
          })),
          businessFigures: [{ rowKey: 'b1', year: 2025, category: '营业收入', amount: 2_000_000_000 }],
          projects,
          // 2025's total is the projects' 合同金额 added up: 846.12 万元.
          projectCompletion: [{ rowKey: 'c1', year: 2025, total: 846_120_000 }],
        },
      });
      for (const [itemId, copies] of [
        ['business-licence', 1],
        ['financial-statements', 3],
        ['project-contracts', 10],
      ] as const) {
        await d.repositories.materials.create({ applicationId: app.id, itemId, status: 'received', copiesReceived: copies }, ctx);
      }
      return app.id;
    },
    { name: NAME, code: CODE, holders: Array.from({ length: 8 }, (_, i) => idNumber(i + 11)) },
  );

  await page.goto(`/#/applications/${appId}?tab=workflow`);
  await expect(page.getByTestId('workflow-state')).toHaveText('填报中');
  await fire(page, 'submit');
  await expect(page.getByTestId('workflow-state')).toHaveText('已提交，待审核');
  // 001 （二）8: one working day after Monday 2026-03-16 → Tuesday 2026-03-17.
  await expect(page.getByTestId('workflow-deadline')).toContainText('2026年03月17日');
  // 技术人员总数 28 is below 乙级's 30: 通过 is refused with the rule's reason.
  await expect(page.getByTestId('findings')).toContainText('技术人员总数');
  await expect(page.locator('[data-transition="pass"]')).toBeDisabled();
  await expect(page.getByTestId('blocked-reasons')).toContainText('30');
  await page.screenshot({ path: `${SHOTS}/p3-submitted.png`, fullPage: true });

  const reason = '技术人员总数 28 人，低于乙级要求的 30 人，请核对人员情况后修改。';
  await fire(page, 'reject', { label: '退回理由', value: reason });
  await expect(page.getByTestId('workflow-state')).toHaveText('已驳回，待修改');
  await page.reload();
  await expect(page.getByTestId('workflow-state')).toHaveText('已驳回，待修改');

  // Corrected on the 申请表 tab: 32 technical staff.
  await page.goto(`/#/applications/${appId}?tab=form`);
  await page.locator('#app-technicalStaffTotal').fill('32');
  await page.locator('#app-technicalStaffTotal').press('Enter');
  // Leaving the field commits it to the record (one outbox operation).
  await expect
    .poll(() => withDesk(page, async (id) => (await window.__desk!.db.applications.get(id))?.fields['technicalStaffTotal'], appId))
    .toBe(32);
  await page.reload();
  await expect(page.getByRole('textbox', { name: '技术人员总数' })).toHaveValue('32', { timeout: 30_000 });
  await expect(page.getByLabel('合同金额 合计', { exact: true })).toHaveText('846.12');

  await page.goto(`/#/applications/${appId}?tab=workflow`);
  await fire(page, 'resubmit');
  await expect(page.getByTestId('workflow-state')).toHaveText('已提交，待审核');
  await expect(page.locator('[data-transition="pass"]')).toBeEnabled();
  await fire(page, 'pass', { label: '意见', value: '人员、证书和项目情况符合乙级要求。' });
  await expect(page.getByTestId('workflow-state')).toHaveText('审核通过，待回传盖章版');
  await fire(page, 'stamped-received');
  await expect(page.getByTestId('workflow-state')).toHaveText('已回传盖章版，待换证');
  await page.reload();
  await expect(page.getByTestId('workflow-state')).toHaveText('已回传盖章版，待换证');

  // Every round stays in the history, the rejection with its reason.
  await page.goto(`/#/applications/${appId}?tab=history`);
  await expect(page.getByTestId('history-table')).toContainText(reason);
  await expect(page.getByTestId('history-table')).toContainText('修改后重新提交');

  // 换证: the certificate printed from the template names the enterprise.
  await page.goto('/#/certificates');
  await page.getByRole('tab', { name: '待发证' }).click();
  const readyRow = page.getByRole('row', { name: new RegExp(NAME) });
  await readyRow.getByRole('checkbox').check();
  // The seed sets no term for an exchanged grade certificate: the office types it.
  await page.getByLabel('有效期至').fill('2027-04-30');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('issue-save').click()]);
  const file = path.join(SHOTS, 'p3-certificate.pdf');
  await download.saveAs(file);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain(NAME);
  await page.goto(`/#/applications/${appId}?tab=workflow`);
  await expect(page.getByTestId('workflow-state')).toHaveText('已换证');
  await page.screenshot({ path: `${SHOTS}/p3-exchanged.png`, fullPage: true });

  // The 单位 page lists the certificate with its grade.
  await page.goto('/#/organisations');
  await page.getByRole('row', { name: new RegExp(CODE) }).getByRole('button', { name: /展开/ }).click();
  await expect(page.getByTestId('organisation-files')).toContainText('已换证');
  await expect(page.getByTestId('organisation-files')).toContainText('乙');

  // 名册与报表 › 年检汇总: the xlsx opens in LibreOffice with the filing's figures.
  await page.goto('/#/rosters');
  const [summary] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-annual').click()]);
  const xlsx = path.join(SHOTS, 'p3-annual-summary.xlsx');
  await summary.saveAs(xlsx);
  // CSV in UTF-8 (filter token 76) of the first sheet, the summary by grade.
  execFileSync('soffice', ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', SHOTS, xlsx], { stdio: 'ignore', timeout: 120_000 });
  const csv = readFileSync(path.join(SHOTS, 'p3-annual-summary.csv'), 'utf8');
  // One 乙级 enterprise, passed; its 技术人员 32, 持证人员 8 (distinct ID numbers), 三年项目总值 846.12 万元;
  // the other grades empty, and the 合计 line the same as 乙级.
  expect(csv).toMatch(/^乙级,1,.*,32,8,846\.12$/m);
  expect(csv).toMatch(/^甲级,0,0,0,0,0,0,0,0,0,0\.00$/m);
  expect(csv).toMatch(/^合计,1,.*,32,8,846\.12$/m);
});

test('P6 IETS application from the 单位 page: 信息化工程与技术服务能力评价 at IETS-3, the 第十三条 conditions on the form, registered for the organisation, accepted, the agency’s document and on-site reviews recorded, report to expert review', async ({ page }) => {
  const name = '新疆云数科技股份有限公司';
  const code = '91650102MA78UXN21A';
  await enterApp(page, '/organisations');
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00+08:00'));
  await withDesk(
    page,
    async ({ name, code }) => {
      const d = window.__desk!;
      await d.createOrganisation({ name, creditCode: code }, await d.writeContext());
    },
    { name, code },
  );
  await page.reload();

  // The row action starts 新建申请 with the organisation chosen.
  await page.getByRole('row', { name: new RegExp(code) }).getByTestId('organisation-new-application').click();
  await expect(page).toHaveURL(/#\/intake\/new\?/);
  await expect(page.locator('#new-program')).toBeFocused();
  await choose(page, 'P6');
  await expect(page.locator('#new-kind')).toBeFocused();
  await choose(page, '能力评价申请');
  await choose(page, '单位提出');
  await expect(page.getByTestId('organisation-picker-selected')).toContainText(name);
  await expect(page.locator('#new-organisationName')).toHaveValue(name);
  await expect(page.locator('#new-creditCode')).toHaveValue(code);

  await page.locator('#new-organisationType').focus();
  await choose(page, '企业');
  await expect(page.locator('#new-evaluationCategory')).toBeFocused();
  await choose(page, '信息化工程与技术服务能力评价');
  // 第十一条: the enterprise evaluation has a level; 第十二条's category has none.
  await expect(page.locator('#new-level')).toBeFocused();
  await choose(page, 'IETS-3');
  await typeEnter(page, '新疆信息化工程与技术服务评价中心');
  await choose(page, '地方性');
  // 第十三条: the basic conditions, checked by the office.
  for (const id of ['conditionRegistered', 'conditionGoodStanding', 'conditionEvidence']) {
    await page.locator(`#new-${id}`).getByText('是', { exact: true }).click();
  }
  await page.screenshot({ path: `${SHOTS}/p6-new.png`, fullPage: true });
  await page.getByTestId('register').click();
  await expect(page).toHaveURL(/#\/applications\/[^?]+\?tab=checklist/);
  const appId = /applications\/([^?]+)/.exec(page.url())![1]!;
  const stored = await withDesk(page, async (id) => window.__desk!.db.applications.get(id), appId);
  expect(stored?.fields).toMatchObject({ evaluationCategory: 'iets', level: 'IETS-3', conditionRegistered: true });
  expect(stored?.organisationId).toBeTruthy();
  expect(stored?.personId).toBeUndefined();

  // The paper materials received, 受理 moves it to the agency's document and on-site review.
  await withDesk(
    page,
    async (id) => {
      const d = window.__desk!;
      const ctx = await d.writeContext();
      for (const itemId of ['application', 'registration-proof', 'standard-evidence']) {
        await d.repositories.materials.create({ applicationId: id, itemId, status: 'received', copiesReceived: 1 }, ctx);
      }
    },
    appId,
  );
  await page.goto(`/#/applications/${appId}?tab=workflow`);
  await expect(page.getByTestId('workflow-state')).toHaveText('已申请，待受理');
  await fire(page, 'accept');
  await expect(page.getByTestId('workflow-state')).toHaveText('评价机构文件资料审核和现场审核');
  await page.reload();
  await expect(page.getByTestId('workflow-state')).toHaveText('评价机构文件资料审核和现场审核');

  // 第十四条（二）: the agency's 文件资料审核 and 现场审核, each recorded with date, evaluators, findings and result.
  await withDesk(
    page,
    async ({ ids }) => {
      const d = window.__desk!;
      const ctx = await d.writeContext();
      const agency = await d.repositories.evaluationAgencies.create(
        { programId: 'iets', name: '新疆信息化工程与技术服务评价中心', scope: 'local', region: '新疆', registeredOn: '2024-01-10', standing: 'active' },
        ctx,
      );
      for (const [i, name] of ['赵评', '钱审'].entries()) {
        await d.repositories.evaluators.create({ agencyId: agency.id, name, idNumber: ids[i]!, fullTime: true, contract: 'labour', standing: 'active' }, ctx);
      }
    },
    { ids: [idNumber(201), idNumber(202)] },
  );
  const audits = page.getByTestId('agency-audits');
  await expect(audits.getByTestId('audits-outstanding')).toContainText('文件资料审核、现场审核');
  await expect(page.locator('[data-transition="submit-report"]')).toBeDisabled();
  for (const [kind, on, findings] of [
    ['文件资料审核', '20261118', '营业执照、财务报表和项目证明材料齐全有效。'],
    ['现场审核', '20261120', '现场核查研发、服务和运营能力，与申报材料一致。'],
  ] as const) {
    await page.locator('#audit-kind').focus();
    await choose(page, kind);
    await page.locator('#audit-on').fill(on);
    await page.locator('#audit-agency').focus();
    await choose(page, '新疆信息化工程');
    await page.locator('#audit-evaluators').focus();
    await choose(page, '赵评');
    await choose(page, '钱审');
    await page.keyboard.press('Escape');
    await page.locator('#audit-findings').fill(findings);
    await audits.getByRole('radio', { name: '通过', exact: true }).check();
    await page.getByTestId('audit-save').click();
    await expect(audits.getByRole('row', { name: new RegExp(findings) })).toContainText('赵评、钱审');
  }
  await expect(audits).toContainText('文件资料审核和现场审核均已通过');
  await page.screenshot({ path: `${SHOTS}/p6-agency-review.png`, fullPage: true });
  // 评价报告和推荐意见: the agency's report moves it to the centre's expert review.
  await fire(page, 'submit-report', { label: '意见', value: '评价报告：各项能力满足 IETS-3 要求，推荐通过。' });
  await expect(page.getByTestId('workflow-state')).toHaveText('评价中心专家评审');
  await page.reload();
  await expect(page.getByTestId('workflow-state')).toHaveText('评价中心专家评审');
  await expect(page.getByTestId('agency-audits')).toContainText('现场核查研发');

  await page.goto('/#/organisations');
  await page.getByRole('row', { name: new RegExp(code) }).getByRole('button', { name: /展开/ }).click();
  await expect(page.getByTestId('organisation-files')).toContainText('评价中心专家评审');
});

test('P6 IETS expert review to certificate: the centre’s panel signed by its chair, 专家评审确认 into a 7-day publicity ending on the right day, no objection, certificate printed', async ({ page }) => {
  const name = '新疆云数科技股份有限公司';
  const code = '91650102MA78UXN21A';
  const password = 'Desk-2026-expert';
  await enterApp(page, '/certificates');
  // Thursday 2026-11-26: the panel sits and the publicity goes up the same day.
  await page.clock.setFixedTime(new Date('2026-11-26T10:00:00+08:00'));
  await page.reload();
  await page.getByRole('tab', { name: '签名与单位' }).click();
  await setUpSigning(page, '新疆维吾尔自治区软件行业协会');

  // The application as the agency's report left it (the earlier steps are the test above):
  // at 评价中心专家评审; three experts of the centre, 赵 the chair, each with a desk account.
  const { appId, sessionId } = await withDesk(
    page,
    async ({ name, code, password }) => {
      const d = window.__desk!;
      const ctx = await d.writeContext();
      const org = await d.createOrganisation({ name, creditCode: code }, ctx);
      const app = await d.repositories.applications.create(
        {
          programId: 'iets',
          kind: 'new',
          applicationNo: 'P6-2026-0001',
          organisationId: org.id,
          status: 'expert-review',
          channel: 'unit',
          receivedDate: '2026-11-16',
          fields: {
            organisationName: name,
            creditCode: code,
            organisationType: '企业',
            evaluationCategory: 'iets',
            level: 'IETS-3',
            agencyName: '新疆信息化工程与技术服务评价中心',
            agencyScope: 'local',
            conditionRegistered: true,
            conditionGoodStanding: true,
            conditionEvidence: true,
          },
        },
        ctx,
      );
      const experts = [];
      for (const [username, displayName, unit] of [
        ['zhao', '赵组长', '新疆大学'],
        ['qian', '钱专家', '新疆财经大学'],
        ['sun', '孙专家', '新疆信息产业研究院'],
      ] as const) {
        const user = await d.createUser({ username, displayName, role: 'reviewer', password });
        experts.push(await d.saveExpert({ name: displayName, unit, specialties: [], userId: user.id }));
      }
      const { session } = await d.saveSession({
        programId: 'iets',
        title: '2026年第四次能力评价专家评审会',
        stages: ['expert-review'],
        date: '2026-11-26',
        venue: '乌鲁木齐',
        chairId: experts[0]!.id,
        memberIds: experts.map((e) => e.id),
        applicationIds: [app.id],
      });
      await d.recordAttendance(session.id, experts.map((e) => e.id));
      // Paper sheets typed by the office: four aspects of 25 points each; all three recommend.
      for (const [i, e] of experts.entries()) {
        await d.saveSheet({
          sessionId: session.id,
          applicationId: app.id,
          stage: 'expert-review',
          expertId: e.id,
          input: { scores: { basic: 20, technical: 20 + i, service: 20, operation: 20 }, opinion: '能力满足 IETS-3 要求。', recommendation: 'recommend' },
          submit: true,
        });
      }
      return { appId: app.id, sessionId: session.id };
    },
    { name, code, password },
  );

  // Without the chair's signature the step is refused with the reason.
  await page.goto(`/#/applications/${appId}?tab=workflow`);
  await expect(page.getByTestId('workflow-state')).toHaveText('评价中心专家评审');
  await expect(page.locator('[data-transition="confirm"]')).toBeDisabled();
  await expect(page.getByTestId('blocked-reasons')).toContainText('尚无经主任委员签署的评审会结果');

  // The chair signs in on this desk and signs the result.
  await page.getByTestId('user-menu').getByRole('button', { name: '退出登录' }).click();
  await enterApp(page, '/', { username: 'zhao', password });
  await page.goto(`/#/panel/sessions/${sessionId}`);
  await page.getByRole('tab', { name: '汇总与签署' }).click();
  const row = page.getByTestId('aggregates').locator('tr', { hasText: 'P6-2026-0001' });
  // Totals 80, 81, 82: the mean 81; three of three recommend.
  await expect(row).toContainText('81');
  await page.getByRole('button', { name: '全选未签署' }).click();
  await page.getByTestId('sign-off').click();
  await expect(row).toContainText('通过（已签署）');
  await page.screenshot({ path: `${SHOTS}/p6-panel-signed.png`, fullPage: true });
  await page.getByTestId('user-menu').getByRole('button', { name: '退出登录' }).click();
  await enterApp(page, '/');

  // 公示 from the panel queue: 7 days counted from the day it goes up (004 办法 第十四条（四）
  // 公示期 7 天, calendar days): Thursday 2026-11-26 … Wednesday 2026-12-02, a working day.
  await page.goto(`/#/applications/${appId}?tab=workflow`);
  await expect(page.locator('[data-transition="confirm"]')).toBeEnabled();
  await page.goto('/#/review?queue=panel');
  await page.getByRole('checkbox', { name: 'P6-2026-0001' }).check();
  await page.getByTestId('start-publicity').click();
  const start = page.getByRole('dialog');
  await start.getByLabel('公示标题').fill('2026年第四批信息化工程与技术服务能力评价结果公示');
  await start.getByLabel('公示开始日期').fill('20261126');
  await expect(page.getByTestId('publicity-end')).toHaveText('公示期7天，至2026年12月02日止。');
  await page.screenshot({ path: `${SHOTS}/p6-start-publicity.png`, fullPage: true });
  await start.getByRole('button', { name: /确\s*定/ }).click();
  await expect(start).toBeHidden();
  await page.goto(`/#/applications/${appId}?tab=workflow`);
  await expect(page.getByTestId('workflow-state')).toHaveText('评审结果公示中');
  await expect(page.getByTestId('publicity')).toContainText('2026年12月02日');

  // On its last day the publicity is not over yet; the day after, with no objection, it ends.
  await page.clock.setFixedTime(new Date('2026-12-02T17:00:00+08:00'));
  await page.reload();
  await expect(page.locator('[data-transition="end-publicity"]')).toBeDisabled();
  await page.clock.setFixedTime(new Date('2026-12-03T09:00:00+08:00'));
  await page.reload();
  await fire(page, 'end-publicity');
  await expect(page.getByTestId('workflow-state')).toHaveText('待发证');
  await page.reload();
  await expect(page.getByTestId('workflow-state')).toHaveText('待发证');

  // 发证 half an hour later (a fixed clock would give both events the same instant): the
  // certificate printed names the enterprise.
  await page.clock.setFixedTime(new Date('2026-12-03T09:30:00+08:00'));
  await page.goto('/#/certificates');
  await page.getByRole('tab', { name: '待发证' }).click();
  await page.getByRole('row', { name: new RegExp(name) }).getByRole('checkbox').check();
  await page.screenshot({ path: `${SHOTS}/p6-issue.png`, fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('issue-save').click()]);
  const file = path.join(SHOTS, 'p6-certificate.pdf');
  await download.saveAs(file);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain(name);
  expect(text).toContain('IETS-3');
  // 第十五条: valid 3 years, the issue day counted: issued 2026-12-03 → last day 2029-12-02.
  expect(text).toMatch(/发证日期：\s*2026年12月03日/);
  expect(text).toMatch(/有效期至：\s*2029年12月02日/);
  await page.goto(`/#/applications/${appId}?tab=workflow`);
  await expect(page.getByTestId('workflow-state')).toHaveText('已发证');
  await page.reload();
  await expect(page.getByTestId('workflow-state')).toHaveText('已发证');
  await page.screenshot({ path: `${SHOTS}/p6-certified.png`, fullPage: true });
});

test('P6 IETS evaluation agencies: a national agency typed with an evaluator, the 细则 第七、八、十、十二条 checks shown, the same 身份证号 in a second agency refused, a reload keeps the page', async ({ page }) => {
  // Monday 2026-12-07.
  await page.clock.setFixedTime(new Date('2026-12-07T10:00:00+08:00'));
  await enterApp(page, '/intake');
  // Another (local) agency already on file, with 孙审 on its books since 2024.
  const twin = idNumber(301);
  await withDesk(
    page,
    async ({ twin }) => {
      const d = window.__desk!;
      const ctx = await d.writeContext();
      const local = await d.repositories.evaluationAgencies.create(
        { programId: 'iets', name: '乌鲁木齐信息化评价中心', scope: 'local', region: '新疆', registeredOn: '2020-05-01', standing: 'active' },
        ctx,
      );
      await d.repositories.evaluators.create({ agencyId: local.id, name: '孙审', idNumber: twin, fullTime: true, contract: 'labour', since: '2024-01-01', standing: 'active' }, ctx);
    },
    { twin },
  );
  await page.getByRole('navigation').getByRole('menuitem', { name: '评价机构' }).click();
  await expect(page.getByRole('heading', { name: '评价机构与评价人员' })).toBeVisible();

  // A national agency registered 2025-12-10: not yet a year on 2026-12-07 (第七条 成立时间 1 年以上).
  await page.getByTestId('agency-new').click();
  await expect(page.locator('#agency-name')).toBeFocused();
  await page.keyboard.type('中技评（新疆）评价有限公司');
  await page.getByLabel('全国性评价机构').check();
  await page.locator('#agency-registered').fill('20261210');
  await page.locator('#agency-credit-code').fill(CODE);
  await page.getByTestId('agency-save').click();
  // Bad input: a clear Chinese error, nothing saved.
  await expect(page.getByTestId('agency-form')).toContainText('成立日期不能晚于今天。');
  await page.locator('#agency-registered').fill('20251210');
  await page.getByTestId('agency-save').click();
  const checks = page.getByTestId('agency-checks');
  await expect(checks).toContainText('评价机构成立时间 0 年，要求不少于 1 年，差 1 年。');
  await expect(page).toHaveURL(/agency=/);

  // One evaluator by keyboard; a mistyped 身份证号 first (last digit wrong).
  const good = idNumber(401);
  const bad = good.slice(0, 17) + (good.endsWith('1') ? '2' : '1');
  await page.locator('#evaluator-name').fill('赵评价');
  await page.locator('#evaluator-id').fill(bad);
  await page.locator('#evaluator-since').fill('20260101');
  await page.getByTestId('evaluator-save').click();
  await expect(page.getByTestId('evaluator-form')).toContainText('身份证');
  await expect(page.getByTestId('evaluators-table')).toContainText('尚未登记评价人员');
  await page.locator('#evaluator-id').fill(good);
  await page.locator('#evaluator-id').press('Enter');
  await expect(page.getByTestId('evaluators-table')).toContainText(good);

  // 第十条: 孙审 is on the local agency's books — typing the same 身份证号 here is refused.
  await page.locator('#evaluator-name').fill('孙审');
  await page.locator('#evaluator-id').fill(twin);
  await page.getByTestId('evaluator-save').click();
  await expect(page.getByTestId('evaluator-form')).toContainText('已是“乌鲁木齐信息化评价中心”的评价人员；评价人员不得同时在 2 个（含）以上的评价机构工作（004 细则 第十条）');
  await expect(page.getByTestId('evaluators-table').locator('tbody tr')).toHaveCount(1);

  // 13 more on the books through the app's write path, 6 of them full-time: 14 and 7 in all,
  // each one short of 第八条's 15 and 8. 赵评价 took part in three evaluations this year
  // (a document and an on-site review of one application count once: 第十二条).
  const agencyId = new URL(page.url().replace('#/', '')).searchParams.get('agency')!;
  await withDesk(
    page,
    async ({ agencyId, ids }) => {
      const d = window.__desk!;
      const ctx = await d.writeContext();
      for (const [i, id] of ids.entries()) {
        await d.repositories.evaluators.create({ agencyId, name: `评价员${i + 1}`, idNumber: id, fullTime: i < 6, contract: 'labour', standing: 'active' }, ctx);
      }
      const zhao = (await d.db.evaluators.where('agencyId').equals(agencyId).toArray()).find((e) => e.name === '赵评价')!;
      const apps = ['01937b2c-0000-7000-8000-000000000a01', '01937b2c-0000-7000-8000-000000000a02', '01937b2c-0000-7000-8000-000000000a03'];
      for (const [i, [applicationId, kind, on]] of ([[apps[0], 'documents', '2026-03-02'], [apps[0], 'on-site', '2026-03-09'], [apps[1], 'on-site', '2026-06-15'], [apps[2], 'documents', '2026-10-20']] as const).entries()) {
        await d.repositories.agencyAudits.create({ applicationId: applicationId!, stage: 'agency-review', agencyId, kind, on, evaluatorIds: [zhao.id], findings: `第${i + 1}次审核，符合要求。`, passed: true }, ctx);
      }
    },
    { agencyId, ids: Array.from({ length: 13 }, (_, i) => idNumber(410 + i)) },
  );
  await expect(checks).toContainText('全国性评价机构评价人员数量 14 人，要求不少于 15 人，差 1 人。');
  await expect(checks).toContainText('全国性评价机构专职人员 7 人，要求不少于 8 人，差 1 人。');
  await expect(checks).toContainText('评价员1（2026年）：评价人员每年参加能力评价次数 0 次，要求不少于 3 次，差 3 次。');
  await expect(checks).not.toContainText('赵评价（2026年）');
  const zhaoRow = page.getByTestId('evaluators-table').getByRole('row', { name: /赵评价/ });
  await expect(zhaoRow).toContainText('3');
  await expect(zhaoRow).toContainText('符合');
  await expect(page.getByTestId('agencies-table').getByRole('row', { name: /中技评（新疆）/ })).toContainText('14 人（专职 7 人）');

  // A reload keeps the agency and its checks.
  await page.reload();
  await expect(checks).toContainText('全国性评价机构专职人员 7 人，要求不少于 8 人，差 1 人。');
  await page.screenshot({ path: `${SHOTS}/p6-agencies.png`, fullPage: true });
  await page.setViewportSize({ width: 1360, height: 860 });
  await page.getByTestId('evaluators').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/p6-agencies-evaluators.png` });
});

test('P6 IETS 公示名单 and certificate register from filings on the desk: exported from 名册与报表 and read back (text, date and number cells)', async ({ page }) => {
  await enterApp(page, '/rosters');
  const name = '新疆丝路云信息工程有限公司';
  await withDesk(
    page,
    async ({ name, code }) => {
      const d = window.__desk!;
      const ctx = await d.writeContext();
      const org = await d.createOrganisation({ name, creditCode: code }, ctx);
      const app = await d.repositories.applications.create(
        {
          programId: 'iets',
          kind: 'new',
          applicationNo: 'P6-2026-0009',
          organisationId: org.id,
          status: 'publicity',
          channel: 'unit',
          receivedDate: '2026-10-12',
          fields: { organisationName: name, creditCode: code, organisationType: '企业', evaluationCategory: 'iets', level: 'IETS-3', agencyName: '乌鲁木齐信息化评价中心', agencyScope: 'local' },
        },
        ctx,
      );
      await d.repositories.publicities.create(
        { programId: 'iets', title: '2026年第五批信息化工程与技术服务能力评价结果公示', startedOn: '2026-11-26', endsOn: '2026-12-02', period: { length: 7, unit: 'calendar-days' }, applicationIds: [app.id] },
        ctx,
      );
      await d.repositories.certificates.create(
        { certificateNo: 'IETS-2026-000007', programId: 'iets', holderOrganisationId: org.id, issuedOn: '2026-03-10', validUntil: '2029-03-09', status: 'valid', category: 'iets', level: 'IETS-2' },
        ctx,
      );
    },
    { name, code: OTHER_CODE },
  );
  await page.reload();

  // 公示名单 with the pack's columns.
  await page.locator('#roster-publicity').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.ant-select-item-option', { hasText: '2026年第五批' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('.ant-card', { hasText: '公示名单' }).first()).toContainText('2026年第五批信息化工程与技术服务能力评价结果公示');
  const [publicity] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-publicity').click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await publicity.path()) as unknown as ArrayBuffer);
  const list = wb.worksheets[0]!;
  const found: string[][] = [];
  list.eachRow((row) => {
    const texts = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
    if (texts.includes(name)) found.push(texts);
  });
  expect(found).toHaveLength(1);
  expect(found[0]!.slice(0, 6)).toEqual(['1', name, OTHER_CODE, '信息化工程与技术服务能力评价', 'IETS-3', '乌鲁木齐信息化评价中心']);

  // 证书登记簿（含评价类别和等级）: offered for the pack that declares it.
  const card = page.getByTestId('graded-register');
  await expect(card).toContainText('证书登记簿（含评价类别和等级）');
  await card.getByLabel('截至日期').fill('2026-12-07');
  const [register] = await Promise.all([page.waitForEvent('download'), card.getByTestId('export-graded-register').click()]);
  const reg = new ExcelJS.Workbook();
  await reg.xlsx.load(readFileSync(await register.path()) as unknown as ArrayBuffer);
  const ws = reg.getWorksheet('登记簿')!;
  expect([1, 2, 3, 4, 5, 6, 9].map((c) => ws.getCell(4, c).value)).toEqual([1, 'IETS-2026-000007', name, OTHER_CODE, '信息化工程与技术服务能力评价（企业）', '二级（IETS-2）', '有效']);
  expect(ws.getCell(4, 7).type).toBe(ExcelJS.ValueType.Date);
  expect(ws.getCell(4, 7).value).toEqual(new Date('2026-03-10T00:00:00Z'));
  expect(ws.getCell(4, 8).value).toEqual(new Date('2029-03-09T00:00:00Z'));
  const stats = reg.getWorksheet('统计')!;
  let total: unknown;
  stats.eachRow((row) => {
    if (row.getCell(1).text === '合计') total = row.getCell(3).value;
  });
  expect(total).toBe(1);
  await page.screenshot({ path: `${SHOTS}/p6-rosters.png`, fullPage: true });
});
