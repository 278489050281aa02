/**
 * The working-day calendar for a year the software does not ship: from 1 November every user is
 * reminded; the administrator pastes the State Council's notice on 工作日历, checks what was read
 * (a wrong weekday is caught), saves; the reminder goes and the year survives a reload.
 * The clock is fixed to Monday 2026-12-07. Screenshots go to test-results/calendar.
 */
import { expect, test } from '@playwright/test';
import { enterApp } from './sign-in';

const SHOTS = 'test-results/calendar';

/** A 2027 notice in the published form (weekdays as in 2027). */
const NOTICE_2027 = `一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月6日（周六）至13日（周六）放假调休，共8天。2月14日（周日）、2月20日（周六）上班。`;

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-07T10:00:00+08:00'));
});

test('工作日历：管理员粘贴2027年通知，核对后保存，提醒消失，重新载入仍在', async ({ page }) => {
  await enterApp(page, '/intake');
  const banner = page.getByTestId('calendar-banner');
  await expect(banner).toContainText('尚未录入2027年工作日历：跨入2027年的工作日期限暂按周末计算（标注“暂定”）');
  await banner.getByRole('button', { name: '录入工作日历' }).click();

  await expect(page.getByTestId('calendar-page')).toBeVisible();
  await expect(page.getByRole('row', { name: /2026 软件内置/ })).toBeVisible();
  await page.getByRole('button', { name: '录入年份' }).click();
  const drawer = page.getByRole('dialog', { name: '录入 2027 年工作日历' });
  await expect(drawer.getByLabel('年份')).toHaveValue('2027');
  await drawer.getByLabel('依据（文号或通知标题）').fill('国务院办公厅关于2027年部分节假日安排的通知');

  // A weekday that does not match its date (typed for the wrong year) is caught, nothing read.
  await drawer.getByLabel('粘贴通知正文').fill('一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。');
  await drawer.getByRole('button', { name: '读取', exact: true }).click();
  await expect(drawer.getByTestId('calendar-read-error')).toHaveText('“元旦”一项中“1月1日”注明为周四，但2027年1月1日是周五，请核对年份和日期。');

  await drawer.getByLabel('粘贴通知正文').fill(NOTICE_2027);
  await drawer.getByRole('button', { name: '读取', exact: true }).click();
  await expect(drawer.getByLabel('节日名称')).toHaveCount(2);
  await expect(drawer.getByLabel('节日名称').nth(1)).toHaveValue('春节');
  await expect(drawer.getByLabel('放假起').nth(1)).toHaveValue('2027年02月06日');
  await expect(drawer.getByLabel('调休上班日（可填多个，用顿号分隔）').nth(1)).toHaveValue('2027年02月14日、2027年02月20日');
  await expect(drawer.getByTestId('calendar-summary')).toHaveText('共放假 11 天，调休上班 2 天。');

  // A correction by hand: a typo in a worked weekend (a Monday) is refused before saving.
  const workdays = drawer.getByLabel('调休上班日（可填多个，用顿号分隔）').nth(1);
  await workdays.fill('2027年02月14日、2027年02月22日');
  await expect(drawer.getByTestId('calendar-error')).toContainText('2027-02-22是工作日（周一），调休上班日只能是周六或周日');
  await expect(drawer.getByRole('button', { name: '保存并同步' })).toBeDisabled();
  await workdays.fill('2027年02月14日、2027年02月20日');
  await page.screenshot({ path: `${SHOTS}/editor.png`, fullPage: true });
  await drawer.getByRole('button', { name: '保存并同步' }).click();

  await expect(drawer).toBeHidden();
  const row2027 = page.getByRole('row', { name: /2027 本单位录入/ });
  await expect(row2027).toContainText('国务院办公厅关于2027年部分节假日安排的通知');
  await expect(row2027).toContainText('春节 2027年02月06日—2027年02月13日');
  await expect(banner).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/list.png`, fullPage: true });

  await page.reload();
  await expect(page.getByRole('row', { name: /2027 本单位录入/ })).toBeVisible();
  await expect(page.getByTestId('calendar-banner')).toBeHidden();
});

test('工作日历：English shows the reminder and the page in English', async ({ page }) => {
  await enterApp(page, '/calendar');
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByTestId('calendar-banner')).toContainText('The 2027 working-day calendar has not been entered');
  await expect(page.getByRole('row', { name: /2026 Built in/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/english.png`, fullPage: true });
});
