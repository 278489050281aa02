/**
 * The file tabs of a P4 application (事业单位, 2 years of social insurance in Zhejiang): the
 * checklist marked by keyboard, the binding plan split, continuing education and the photo rule.
 * Screenshots go to test-results/h4.
 */
import { expect, test, type Page } from '@playwright/test';
import { greyJpeg } from '../unit/intake/jpeg';
import { enterApp } from './sign-in';
import { seedRecords } from './seed';
import { choose, startP4Application } from './keyboard';

const SHOTS = 'test-results/h4';
const PERSON_ID = '01900000-0000-7000-8000-0000000000a1';

const row = (page: Page, itemId: string) => page.locator(`tr[data-item="${itemId}"]`);

test('P4 checklist by keyboard, binding plan, education and photo', async ({ page }) => {
  // One long flow over four tabs on a shared, busy machine.
  test.setTimeout(120_000);
  await enterApp(page, '/intake');
  await seedRecords(page, { people: [{ id: PERSON_ID, name: '王小明', idNumber: '110105194910010015', birthDate: '1949-10-01', sex: 'male' }] });

  // A P4 application from a 事业单位 applicant with 2 years of pension paid in Zhejiang, typed on 新建申请.
  await page.goto(`/#/intake/new?person=${PERSON_ID}`);
  await startP4Application(page, '窗口');
  await page.locator('#new-unitNature').focus();
  await choose(page, '社会公益类事业');
  await page.locator('#new-socialInsuranceYearsInZhejiang').focus();
  await page.keyboard.type('2');
  await page.getByTestId('register').click();
  await expect(page).toHaveURL(/#\/applications\/[^?]+\?tab=checklist/);

  // Conditional items follow the fields: 事业单位 → 岗位信息表; < 3 years → 外省社保.
  await expect(row(page, 'post-information-form')).toBeVisible();
  await expect(row(page, 'out-of-province-pension')).toBeVisible();
  await expect(page.getByTestId('checklist-summary')).toContainText('材料不齐');

  // Down the list with Enter: each press marks received (with the copies asked) and moves on.
  await row(page, 'material-list').focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('Enter');
  await expect(row(page, 'publicity-confirmation')).toHaveAttribute('data-status', 'received');
  await expect(row(page, 'id-card')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(row(page, 'id-card')).toHaveAttribute('data-status', 'received');
  await page.keyboard.press('v');
  await expect(row(page, 'id-card')).toContainText('王管理');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('r');
  await page.getByLabel('学历证书的退回原因').fill('复印件不清晰');
  await page.keyboard.press('Enter');
  await expect(row(page, 'diploma')).toHaveAttribute('data-status', 'rejected');
  await expect(row(page, 'diploma')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('m');
  await expect(row(page, 'current-title-certificate')).toHaveAttribute('data-status', 'missing');
  await expect(page.getByTestId('checklist-summary')).toContainText('已退回：学历证书（复印件不清晰）');
  await page.screenshot({ path: `${SHOTS}/checklist.png`, fullPage: true });

  // Binding: split volume 2 in two.
  await page.getByRole('tab', { name: '装订' }).click();
  await expect(page.getByTestId('binding-volume-0')).toContainText('第一册');
  await page.getByLabel('第二册较厚，分为').click();
  await page.getByTitle('2 册').click();
  await expect(page.getByTestId('binding-volume-2')).toContainText('第二册（二）');
  await expect(page.getByTestId('binding-never-bound')).toContainText('评审表不装订');
  await page.screenshot({ path: `${SHOTS}/binding.png`, fullPage: true });

  // Continuing education: the engine's verdict moves as rows are added.
  await page.getByRole('tab', { name: '继续教育' }).click();
  const verdict = page.getByTestId('education-verdict');
  // 002 六(三): the round judges 2018 (the pack's education.roundYears).
  await expect(verdict).toContainText('2018年：继续教育共 0 学时');
  await page.getByLabel('日期', { exact: true }).fill('20180301');
  await page.getByLabel('内容', { exact: true }).fill('信息系统集成');
  await page.getByLabel('科目类别').click();
  await page.getByTitle('专业科目').click();
  await page.getByLabel('学时', { exact: true }).fill('2.3');
  await page.getByRole('button', { name: /^添\s*加$/ }).click();
  await expect(page.locator('.ant-form-item-explain-error')).toContainText('只能是整数或半学时');
  await page.getByLabel('学时', { exact: true }).fill('60.5');
  await page.getByRole('button', { name: /^添\s*加$/ }).click();
  await expect(verdict).toContainText('2018年：继续教育共 60.5 学时，每年不少于 90 学时，差 29.5 学时。');
  await page.screenshot({ path: `${SHOTS}/education.png`, fullPage: true });

  // Photo: 300×421 refused with the rule's reason; 240×320 accepted.
  await page.getByRole('tab', { name: '附件与照片' }).click();
  const chooser = page.locator('[data-testid="photo-drop"] input[type=file]');
  await chooser.setInputFiles({ name: 'tall.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(greyJpeg(300, 421)) });
  await expect(page.getByTestId('photo-refusal')).toContainText('照片尺寸为 300×421 像素');
  await page.getByTestId('photo-slot').screenshot({ path: `${SHOTS}/photo-refused.png` });
  await chooser.setInputFiles({ name: '照片.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(greyJpeg(240, 320)) });
  await expect(page.getByTestId('photo-verdict')).toContainText('240×320');
  await page.locator('[data-testid="scan-drop"] input[type=file]').setInputFiles({ name: '身份证.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 scan') });
  await expect(page.getByRole('cell', { name: '身份证.pdf', exact: true })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/attachments.png`, fullPage: true });
});
