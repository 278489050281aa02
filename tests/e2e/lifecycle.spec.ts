/**
 * A certificate's life on screen (issue 13). The clock is fixed to Monday 2026-12-07.
 * Certificates and their holders are seeded through the app's write path (window.__desk); what
 * a clerk does with them is done on screen: the certificate's page and its actions, the workflow
 * tab's steps, issuing on 待发证, the notice and appeal. What the clerk would type on the form and
 * checklist tabs (tested in their own specs) is seeded through the repositories as well.
 * Screenshots go to test-results/lifecycle.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { enterApp } from './sign-in';
import { withDesk } from './seed';
import { setUpSigning } from './signing';

const SHOTS = 'test-results/lifecycle';

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-07T10:00:00+08:00'));
});

interface SeededCertificate {
  readonly name: string;
  readonly idNumber: string;
  readonly programId: string;
  readonly certificateNo: string;
  readonly issuedOn: string;
  readonly validUntil: string;
}

/** A holder and their certificate, written as issuing writes them; returns the certificate's id. */
async function seedCertificate(page: Page, c: SeededCertificate): Promise<string> {
  return withDesk(
    page,
    async (arg) => {
      const desk = window.__desk!;
      const ctx = await desk.writeContext();
      const person = await desk.repositories.people.create({ name: arg.name, idNumber: arg.idNumber }, ctx);
      const made = await desk.repositories.certificates.create(
        { certificateNo: arg.certificateNo, programId: arg.programId, holderPersonId: person.id, issuedOn: arg.issuedOn, validUntil: arg.validUntil, status: 'valid' },
        ctx,
      );
      await desk.repositories.certificateEvents.create({ certificateId: made.id, kind: 'issued', on: arg.issuedOn, role: 'admin', validUntil: arg.validUntil }, ctx);
      return made.id;
    },
    c,
  );
}

/** What the clerk ticks on 材料清单 and types on 申请表 (their own specs test those screens). */
async function seedFile(page: Page, applicationId: string, materials: string[], fields: Record<string, unknown> = {}, hours: number[] = []): Promise<void> {
  await withDesk(
    page,
    async (arg) => {
      const desk = window.__desk!;
      const ctx = await desk.writeContext();
      for (const itemId of arg.materials) {
        await desk.repositories.materials.create({ applicationId: arg.applicationId, itemId, status: 'received', copiesReceived: 1, originalVerifiedBy: '王管理', originalVerifiedOn: '2026-12-07' }, ctx);
      }
      const application = await desk.db.applications.get(arg.applicationId);
      if (Object.keys(arg.fields).length > 0) await desk.repositories.applications.update(arg.applicationId, { fields: { ...application!.fields, ...arg.fields } }, ctx);
      let year = 2024;
      for (const tenths of arg.hours) {
        await desk.repositories.educationRecords.create(
          { personId: application!.personId!, applicationId: arg.applicationId, date: `${year}-06-01`, mode: '脱产', content: '软件工程培训', hoursTenths: tenths },
          ctx,
        );
        year += 1;
      }
    },
    { applicationId, materials, fields, hours },
  );
}

async function openCertificate(page: Page, id: string): Promise<void> {
  await page.goto(`/#/certificates/${id}`);
  await expect(page.getByTestId('certificate-title')).toBeVisible();
}

/** Starts the action from the certificate's page; returns the new application's id (the page opens it). */
async function startAction(page: Page, kind: string): Promise<string> {
  await page.getByTestId(`action-${kind}`).click();
  await page.getByTestId('start-confirm').click();
  await expect(page).toHaveURL(/#\/applications\/[0-9a-f-]+/);
  return /#\/applications\/([0-9a-f-]+)/.exec(page.url())![1]!;
}

/** Fires a step on the 办理 tab, filling the dialog's fields by label. */
async function fire(page: Page, applicationId: string, transition: string, fill: Record<string, string> = {}): Promise<void> {
  await page.goto(`/#/applications/${applicationId}?tab=workflow`);
  await page.locator(`[data-transition="${transition}"]`).click();
  const dialog = page.getByRole('dialog');
  for (const [label, value] of Object.entries(fill)) await dialog.getByLabel(label, { exact: true }).fill(value);
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(dialog).toBeHidden();
}

/** Issues the application's certificate on 待发证 (saved as PDF); returns nothing, the list shows it. */
async function issueOnScreen(page: Page, applicationNo: string): Promise<void> {
  await page.goto('/#/certificates?tab=issue');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: applicationNo }) });
  await row.getByRole('checkbox').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('issue-save').click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
}

async function applicationNoOf(page: Page, id: string): Promise<string> {
  return withDesk(page, async (appId) => (await window.__desk!.db.applications.get(appId))!.applicationNo, id);
}

test('证书生命周期：续期（期内，新有效期=原到期+4年）、期外拒绝并说明理由、变更、补发（原证书作废，新证书沿用有效期）', async ({ page }) => {
  test.setTimeout(180_000);
  await enterApp(page, '/certificates');
  await page.goto('/#/certificates?tab=signing');
  await setUpSigning(page, '新疆软件行业协会');
  const a = await seedCertificate(page, { name: '王建国', idNumber: '110105194910010015', programId: 'xj-isi-pm', certificateNo: 'XJPM-2023-000017', issuedOn: '2023-04-01', validUntil: '2027-03-31' });
  const b = await seedCertificate(page, { name: '李娜', idNumber: '110105198001010024', programId: 'xj-isi-pm', certificateNo: 'XJPM-2025-000003', issuedOn: '2025-01-10', validUntil: '2029-01-09' });

  // 已发证书: statuses follow the date (000 第十五条: 6 months before expiry).
  await page.goto('/#/certificates?tab=issued');
  await expect(page.getByRole('row').filter({ hasText: 'XJPM-2023-000017' })).toContainText('在续期办理期内');
  await expect(page.getByRole('row').filter({ hasText: 'XJPM-2025-000003' })).toContainText('有效');
  await page.getByRole('link', { name: 'XJPM-2023-000017' }).click();
  await expect(page.getByTestId('certificate-facts')).toContainText('2026年09月30日 至 2027年03月31日');
  await expect(page.getByTestId('certificate-status')).toHaveText('在续期办理期内');
  await page.screenshot({ path: `${SHOTS}/certificate-in-window.png`, fullPage: true });

  // Renewal inside the window: the application comes filled in from the certificate.
  const renewal = await startAction(page, 'renewal');
  await expect(page.getByTestId('acted-on-certificate')).toHaveText('XJPM-2023-000017');
  await seedFile(page, renewal, ['improvement-training-certificate']);
  await fire(page, renewal, 'accept');
  await fire(page, renewal, 'approve', { 意见: '培训合格证属实', 决定: '准予延续' });
  await issueOnScreen(page, await applicationNoOf(page, renewal));
  // 000 第十五条一: four years from the old expiry, not from today.
  await openCertificate(page, a);
  await expect(page.getByTestId('certificate-status')).toHaveText('已由新证书接替');
  await page.getByTestId('certificate-facts').getByRole('link').click();
  await expect(page.getByTestId('certificate-validity')).toHaveText('2027年04月01日 至 2031年03月31日');
  await expect(page.getByTestId('certificate-history')).toContainText('延续（续期）发证');
  await page.screenshot({ path: `${SHOTS}/renewed.png`, fullPage: true });

  // Outside the window: the renewal is refused with the rule's reason.
  await openCertificate(page, b);
  await expect(page.getByTestId('action-renewal')).toBeDisabled();
  await expect(page.getByTestId('action-reason-renewal')).toHaveText('延续申请期（证书期满前 6 个月）自2028年07月09日开始。');
  await page.screenshot({ path: `${SHOTS}/outside-window.png`, fullPage: true });

  // Change (000 第十七条), started from the row of 已发证书: approved, the holder's record takes the new name.
  await page.goto('/#/certificates?tab=issued');
  await page.getByTestId('row-actions-XJPM-2025-000003').click();
  await page.getByRole('menuitem', { name: '证书信息变更' }).click();
  await expect(page.getByRole('dialog')).toContainText('办理：证书信息变更');
  await page.getByTestId('start-confirm').click();
  await expect(page).toHaveURL(/#\/applications\/[0-9a-f-]+/);
  const change = /#\/applications\/([0-9a-f-]+)/.exec(page.url())![1]!;
  await seedFile(page, change, ['change-application'], { changeDetails: '姓名变更', newName: '李娜娜' });
  await fire(page, change, 'accept');
  await fire(page, change, 'approve', { 意见: '户籍证明属实', 决定: '准予变更' });
  await openCertificate(page, b);
  await expect(page.getByTestId('certificate-facts')).toContainText('李娜娜');
  await expect(page.getByTestId('certificate-history')).toContainText('信息变更');

  // Reissue (000 第十八条): the lost number is void, the new one keeps the validity.
  const reissue = await startAction(page, 'reissue');
  await seedFile(page, reissue, ['reissue-application'], { reissueReason: '遗失' });
  await fire(page, reissue, 'accept');
  await fire(page, reissue, 'approve', { 意见: '遗失声明已登报', 决定: '准予补发' });
  await issueOnScreen(page, await applicationNoOf(page, reissue));
  await openCertificate(page, b);
  await expect(page.getByTestId('certificate-status')).toHaveText('作废');
  await expect(page.getByTestId('certificate-history')).toContainText('作废');
  await page.getByTestId('certificate-facts').getByRole('link').click();
  await expect(page.getByTestId('certificate-validity')).toHaveText('2025年01月10日 至 2029年01月09日');
  await expect(page.getByTestId('certificate-status')).toHaveText('有效');
  await page.screenshot({ path: `${SHOTS}/reissued.png`, fullPage: true });
});

test('证书生命周期：P5 再次登记学时不足被拒并说明理由；注销后登记公布日期，显示30日复议期限', async ({ page }) => {
  test.setTimeout(120_000);
  await enterApp(page, '/certificates');
  const held = await seedCertificate(page, { name: '陈静', idNumber: '110105198001010032', programId: 'rk-registration', certificateNo: 'RK-2024-000001', issuedOn: '2024-02-29', validUntil: '2027-02-28' });
  const other = await seedCertificate(page, { name: '周强', idNumber: '650102198503150058', programId: 'rk-registration', certificateNo: 'RK-2024-000002', issuedOn: '2024-05-06', validUntil: '2027-05-05' });

  // 003 48号 四: 175 hours in the cycle (180 needed), at least 40 each year.
  await openCertificate(page, held);
  const renewal = await startAction(page, 'renewal');
  await seedFile(page, renewal, ['certificate', 'identity-proof', 'application-form', 'continuing-education-proof'], {}, [600, 600, 550]);
  await fire(page, renewal, 'accept');
  await expect(page.getByTestId('findings')).toContainText('继续教育累计 175 学时，须达到 180 学时以上，差 5 学时');
  // The registration is refused by the engine with the rule's reason: approval cannot be fired.
  await expect(page.locator('[data-transition="approve"]')).toBeDisabled();
  await expect(page.getByTestId('blocked-reasons')).toContainText('须达到 180 学时以上');
  await page.screenshot({ path: `${SHOTS}/p5-hours-refused.png`, fullPage: true });

  // 003 十: the office cancels on a ground of the closed list; 十一: 30 days to appeal from the notice.
  await openCertificate(page, other);
  const cancellation = await startAction(page, 'cancellation');
  await seedFile(page, cancellation, [], { cancellationGround: 'off-post', cancellationEvidence: '单位证明：2023年起从事行政工作' });
  await fire(page, cancellation, 'cancel', { 理由: '脱离专业技术岗位连续二年以上', 决定: '注销登记' });
  await openCertificate(page, other);
  await expect(page.getByTestId('certificate-status')).toHaveText('已注销');
  await expect(page.getByTestId('appeal-state')).toHaveText('尚未公布，复议期限未起算');
  await page.getByLabel('公布（通知）日期').fill('2026-12-07');
  await page.getByRole('button', { name: '登记公布日期' }).click();
  // 2027's holidays are not entered on this desk: the deadline is counted provisionally and marked so.
  await expect(page.getByTestId('appeal-deadline')).toContainText('2027年01月06日止');
  await expect(page.getByTestId('appeal-deadline')).toContainText('十一');
  await expect(page.getByTestId('appeal-deadline')).toContainText('（暂定：该年工作日历尚未录入，仅按周末计算），还剩 30 天');
  await expect(page.getByTestId('appeal-state')).toHaveText('可申请复议');
  await expect(page.getByTestId('certificate-history')).toContainText('注销');
  await page.screenshot({ path: `${SHOTS}/p5-cancelled-appeal.png`, fullPage: true });
  // The 注销登记公告 prints with the ground and the last day to appeal.
  const [notice] = await Promise.all([page.waitForEvent('download'), page.getByTestId('print-decision-notice').click()]);
  const file = path.join(SHOTS, 'p5-cancellation-notice.pdf');
  writeFileSync(file, readFileSync(await notice.path()));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain('注销登记公告');
  expect(text).toContain('RK-2024-000002');
  expect(text).toContain('脱离专业技术岗位连续二年以上');
  expect(text).toContain('30日内（即2027年01月06日前）申请复议');
});

test('证书生命周期：P4 弄虚作假被认定后，同一身份证号三年内的新申报被拒绝并说明理由', async ({ page }) => {
  await enterApp(page, '/intake');
  // 002 五: the 高评委 found fraud in the 2025 review (the step as the workflow records it).
  const personId = await withDesk(
    page,
    async () => {
      const desk = window.__desk!;
      const ctx = await desk.writeContext();
      const person = await desk.repositories.people.create({ name: '赵某', idNumber: '330106198001010013' }, ctx);
      const earlier = await desk.repositories.applications.create(
        { programId: 'zj-it-senior', kind: 'new', applicationNo: 'P4-2025-0001', personId: person.id, status: 'withdrawn-fraud', channel: 'unit', receivedDate: '2025-09-01', fields: {} },
        ctx,
      );
      await desk.repositories.workflowEvents.create({ applicationId: earlier.id, transitionId: 'fraud', from: 'panel', to: 'withdrawn-fraud', on: '2025-11-20', role: 'admin', reason: '论文抄袭' }, ctx);
      return person.id;
    },
    null,
  );
  await page.goto(`/#/intake/new?person=${personId}`);
  await expect(page.locator('#new-program')).toBeFocused();
  await page.keyboard.type('P4');
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('#new-kind')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type('单位提出');
  await page.keyboard.press('Enter');
  await page.getByTestId('register').click();
  await expect(page.getByTestId('refusal')).toContainText('身份证号330106198001010013的申报人于2025年11月20日被认定在申报中弄虚作假，自2026年01月01日起至2028年12月31日止不得申报（002 五）。');
  await page.screenshot({ path: `${SHOTS}/p4-ban.png`, fullPage: true });
  const count = await withDesk(page, async () => window.__desk!.db.applications.count(), null);
  expect(count).toBe(1);
});

test('证书生命周期：状态随日期变化，续期提醒列出30/90/180天内进入办理期的证书并导出Excel', async ({ page }) => {
  await enterApp(page, '/certificates');
  // Today 2026-12-07. P1 windows open 6 months before expiry (000 第十五条).
  await seedCertificate(page, { name: '王建国', idNumber: '110105194910010015', programId: 'xj-isi-pm', certificateNo: 'XJPM-2023-000017', issuedOn: '2023-04-01', validUntil: '2027-03-31' });
  await seedCertificate(page, { name: '李娜', idNumber: '110105198001010024', programId: 'xj-isi-pm', certificateNo: 'XJPM-2023-000040', issuedOn: '2023-07-01', validUntil: '2027-06-30' });
  await seedCertificate(page, { name: '陈静', idNumber: '110105198001010032', programId: 'xj-isi-pm', certificateNo: 'XJPM-2023-000051', issuedOn: '2023-11-01', validUntil: '2027-10-31' });
  await seedCertificate(page, { name: '周强', idNumber: '650102198503150058', programId: 'xj-isi-pm', certificateNo: 'XJPM-2022-000008', issuedOn: '2022-11-20', validUntil: '2026-11-19' });
  await page.goto('/#/certificates?tab=issued');
  await expect(page.getByRole('row').filter({ hasText: 'XJPM-2022-000008' })).toContainText('已过期');
  await page.getByRole('tab', { name: '续期提醒' }).click();
  // Windows: 2026-09-30 (open now), 2026-12-30 (in 23 days), 2027-04-30 (in 144 days).
  const counts = page.getByTestId('reminder-counts');
  await expect(counts).toContainText('已在办理期内1');
  await expect(counts).toContainText('30 天内进入办理期1');
  await expect(counts).toContainText('90 天内进入办理期1');
  await expect(counts).toContainText('180 天内进入办理期2');
  await page.locator('.ant-radio-button-wrapper', { hasText: '180 天内进入办理期' }).click();
  const table = page.getByTestId('reminders-table');
  await expect(table).toContainText('XJPM-2023-000051');
  await expect(table).not.toContainText('XJPM-2022-000008');
  await page.screenshot({ path: `${SHOTS}/reminders.png`, fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reminders-export').click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('续期提醒')!;
  expect(ws.getCell('A2').text).toContain('共 3 份');
  const rows = [4, 5, 6].map((r) => [ws.getCell(r, 2).text, ws.getCell(r, 3).text, ws.getCell(r, 6).text, ws.getCell(r, 8).text]);
  expect(rows).toEqual([
    ['XJPM-2023-000017', '王建国', '2026年09月30日', '0'],
    ['XJPM-2023-000040', '李娜', '2026年12月30日', '23'],
    ['XJPM-2023-000051', '陈静', '2027年04月30日', '144'],
  ]);
});
