/**
 * Issue 4 acceptance, as a clerk works a P4 (浙江省信息技术高级工程师) file from the counter to the
 * board, by keyboard where a clerk would type: the applicant found by 身份证号 (or registered),
 * the application typed from the paper form for a 事业单位 applicant, continuing-education rows and
 * the photo; materials marked; the file returned for the missing 继续教育证明 with the pre-filled
 * reason; the supplement recorded; the routing chain signed level by level; a 5-working-day
 * publicity started from the 待审核 queue, an objection recorded and settled, the publicity
 * ended; every step still there after a reload, and the history lists each step with the user.
 * The clock is fixed (Monday 2026-11-23) so the working-day arithmetic is the same on any day.
 * Screenshots: test-results/screenshots/acceptance-*.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { evaluateChecklist } from '../../shared/engine/checklist';
import { getPack } from '../../shared/programs';
import { ROUTING_VARIANTS, ROUTING_LEVELS } from '../../shared/workflow/routing';
import { greyJpeg } from '../unit/intake/jpeg';
import { ADMIN, enterApp } from './sign-in';
import { readStore } from './idb';
import { choose, startP4Application, typeEnter } from './keyboard';
import { withCheckDigit } from './id-numbers';

const SHOTS = 'test-results/screenshots';

test.describe.configure({ timeout: 300_000 });

const row = (page: Page, itemId: string) => page.locator(`tr[data-item="${itemId}"]`);

async function fire(page: Page, transitionId: string): Promise<void> {
  await page.locator(`[data-transition="${transitionId}"]`).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(dialog).toBeHidden();
}

test('P4 事业单位 file: intake, return, supplement, routing chain, publicity with an objection', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T09:30:00+08:00'));
  await enterApp(page, '/intake');
  const id = withCheckDigit('33010619800315002');

  // ---- 新建申请: the applicant by 身份证号 (a scanner types it and presses Enter), then the form.
  await page.getByRole('button', { name: /新建申请/ }).click();
  await expect(page).toHaveURL(/#\/intake\/new/);
  await startP4Application(page, '单位提出');
  await expect(page.locator('#new-received')).toBeFocused();
  await page.keyboard.press('Control+A');
  await typeEnter(page, '20261123');
  await expect(page.locator('#new-received')).toHaveValue('2026年11月23日');

  const picker = page.getByTestId('person-picker');
  await picker.getByLabel('身份证号').fill(id);
  await picker.getByLabel('身份证号').press('Enter');
  await expect(picker.getByLabel('姓名')).toBeFocused();
  await picker.getByLabel('姓名').fill('赵文华');
  await picker.getByRole('button', { name: /登记并选用/ }).click();
  await expect(page.getByTestId('person-picker-selected')).toContainText('赵文华');
  // Choosing the applicant fills the form's 姓名/身份证号 lines from the record.
  await expect(page.locator('#new-name')).toHaveValue('赵文华');

  // Each field as the paper form has it (Enter moves on; the chain itself is tested in
  // application-form.spec.ts — here each field is focused by its id so a slow machine can't skip one).
  const typeInto = async (field: string, text: string) => {
    const input = page.locator(`#new-${field}`);
    await input.focus();
    await expect(input).toBeFocused();
    await typeEnter(page, text);
  };
  const chooseIn = async (field: string, text: string) => {
    const input = page.locator(`#new-${field}`);
    await input.focus();
    await expect(input).toBeFocused();
    await choose(page, text);
    await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
  };
  const answer = async (field: string, key: 'y' | 'n') => {
    await page.locator(`#new-${field} input`).first().focus();
    await page.keyboard.press(key);
  };
  await typeInto('employer', '浙江省信息化研究院');
  await chooseIn('unitNature', '社会公益类事业');
  await typeInto('supervisingDepartment', '浙江省经济和信息化厅');
  await chooseIn('routingVariant', '市属单位');
  await chooseIn('specialty', '系统集成');
  await typeInto('highestEducation', '大学本科');
  await answer('highestEducationIsEngineering', 'y');
  await typeInto('educationObtainedOn', '200207');
  await chooseIn('educationOrigin', '国内');
  await typeInto('degree', '工学学士');
  await typeInto('currentTitle', '工程师');
  await typeInto('currentTitleObtainedOn', '2012年12月');
  await typeInto('appointedOn', '2013-01');
  await typeInto('engineeringWorkYears', '17');
  // 自评分 is not typed: it is the 自评分表's total (issue 12), filled in below.
  await expect(page.locator('#new-selfScore')).toBeDisabled();
  await answer('meetsSeniorityConditions', 'n'); // 1986 学历资历条件: 否
  await typeInto('socialInsuranceYearsInZhejiang', '3'); // 3 years in Zhejiang: no 外省社保 needed
  await expect(page.locator('#new-degree')).toHaveValue('工学学士');
  await expect(page.locator('#new-appointedOn')).toHaveValue('2013年01月');
  await page.getByRole('button', { name: '添加评分项' }).click();
  await typeEnter(page, '业绩成果');
  await typeEnter(page, '100');
  await typeEnter(page, '85');
  await page.keyboard.press('Space'); // proof in the file
  await expect(page.getByTestId('finding-self-score')).toContainText('自评分85分，达到80分');
  await expect(page.locator('#new-selfScore')).toHaveValue('85');
  await page.getByTestId('register').click();
  await expect(page).toHaveURL(/#\/applications\/[^?]+\?tab=checklist/);
  const applicationNo = (await page.getByTestId('application-no').textContent())!;
  expect(applicationNo).toMatch(/^P4-2026-[0-9A-F]{4}-0001$/);
  const fileUrl = page.url().replace(/\?tab=.*/, '');

  // ---- 材料清单: everything in, originals checked, except the 继续教育证明.
  await expect(row(page, 'post-information-form')).toBeVisible(); // 事业单位 only
  await expect(row(page, 'out-of-province-pension')).toHaveCount(0); // 3 years paid in Zhejiang
  // The lines as the engine asks them for this application's fields, read back from the desk.
  const [stored] = await readStore<{ fields: Record<string, unknown> }>(page, 'applications');
  const fields = stored!.fields;

  expect(fields).toMatchObject({ unitNature: '社会公益类事业', routingVariant: 'city', socialInsuranceYearsInZhejiang: 3 });
  const lines = evaluateChecklist(getPack('zj-it-senior')!, 'new', fields, []).lines;
  for (const line of lines) {
    if (!(await row(page, line.item.id).isVisible())) continue;
    await row(page, line.item.id).focus();
    if (line.item.id === 'continuing-education-card') {
      await page.keyboard.press('m');
      await expect(row(page, line.item.id)).toHaveAttribute('data-status', 'missing');
      continue;
    }
    if (!line.required) continue;
    await page.keyboard.press('Space');
    await expect(row(page, line.item.id)).toHaveAttribute('data-status', 'received');
    if (line.originalRequired) await page.keyboard.press('v');
  }
  await expect(page.getByTestId('checklist-summary')).toContainText('继续教育证明');
  await page.screenshot({ path: `${SHOTS}/acceptance-checklist.png`, fullPage: true });

  await page.getByRole('tab', { name: '装订' }).click();
  await expect(page.getByTestId('binding-volume-0')).toContainText('第一册');
  await page.screenshot({ path: `${SHOTS}/acceptance-binding.png`, fullPage: true });

  // ---- 继续教育: the round judges 2018 (002 六(三) 自 2018 年起; materials close 2019-09-30), that year 72 h 专业科目 + 20 h 一般公需.
  await page.getByRole('tab', { name: '继续教育' }).click();
  for (const year of [2018]) {
    for (const [category, hours] of [['专业科目', '72'], ['一般公需', '20']] as const) {
      await page.getByLabel('日期', { exact: true }).fill(`${year}0510`);
      await page.getByLabel('内容', { exact: true }).fill(`${category}培训`);
      await page.getByLabel('科目类别').click();
      await page.getByTitle(category, { exact: true }).click();
      await page.getByLabel('学时', { exact: true }).fill(hours);
      await page.getByRole('button', { name: /^添\s*加$/ }).click();
      await expect(page.getByLabel('学时', { exact: true })).toHaveValue('');
    }
  }
  await expect(page.getByTestId('education-verdict')).toContainText('继续教育学时符合要求');

  // ---- 照片: the photo rule on the bytes.
  await page.getByRole('tab', { name: '附件与照片' }).click();
  await page.locator('[data-testid="photo-drop"] input[type=file]').setInputFiles({
    name: '照片.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from(greyJpeg(240, 320)),
  });
  await expect(page.getByTestId('photo-verdict')).toContainText('240×320');

  // ---- 退回: the reason is pre-filled from what is missing; to the unit, as it was submitted.
  await page.getByRole('tab', { name: '办理' }).click();
  await page.locator('[data-transition="return"]').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('退回理由')).toHaveValue(/缺少：继续教育证明/);
  await expect(dialog.getByLabel('单位')).toBeChecked();
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByTestId('workflow-state')).toHaveText('已退回，待补正');
  await page.reload();
  await expect(page.getByTestId('workflow-state')).toHaveText('已退回，待补正');

  // ---- 补正: the supplement arrives two days later; the same file is re-opened.
  await page.clock.setFixedTime(new Date('2026-11-25T10:00:00+08:00'));
  await page.goto(`${fileUrl}?tab=checklist`);
  await row(page, 'continuing-education-card').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('checklist-summary')).toContainText('材料齐全');
  await page.getByRole('tab', { name: '办理' }).click();
  await fire(page, 'resubmit');
  await expect(page.getByTestId('workflow-state')).toHaveText('高评委办公室已收件，待审核');

  // ---- 逐级审核: each level of the 市属单位 route signs (transcribed from the paper).
  const routing = page.getByTestId('routing');
  for (const level of ROUTING_VARIANTS.city.levels) {
    await expect(page.getByTestId('routing-holder')).toHaveText(`材料目前在：${ROUTING_LEVELS[level].zh}`);
    await routing.getByLabel('说明').fill(level === 'applicant' ? '' : '同意推荐');
    await routing.getByLabel('签署日期').fill('20261125');
    await routing.getByRole('button', { name: '登记意见' }).click();
  }
  await expect(page.getByTestId('routing-holder')).toHaveText('已报送至高评委办公室并审核通过。');

  // ---- 公示: started from the 待审核 queue, 5 working days (Wed 11-25 … Tue 12-01).
  await page.goto('/#/review?queue=intake-review');
  await page.getByRole('checkbox', { name: applicationNo }).check();
  await page.getByTestId('start-publicity').click();
  const start = page.getByRole('dialog');
  await start.getByLabel('公示标题').fill('2026年度信息技术高级工程师评审前公示');
  await start.getByLabel('公示开始日期').fill('20261125');
  await expect(page.getByTestId('publicity-end')).toHaveText('公示期5个工作日，至2026年12月01日止。');
  await start.getByRole('button', { name: /确\s*定/ }).click();
  await expect(start).toBeHidden();

  // ---- 异议: recorded during publicity; it blocks the end until it is settled.
  await page.goto(`${fileUrl}?tab=workflow`);
  await expect(page.getByTestId('workflow-state')).toHaveText('评审前公示中');
  const raise = page.getByRole('form', { name: '登记异议' });
  await raise.getByLabel('提出人').fill('匿名来信');
  await raise.getByLabel('异议内容').fill('反映申报业绩与实际不符');
  await raise.getByRole('button', { name: /登记异议/ }).click();
  await expect(page.getByTestId('publicity')).toContainText('反映申报业绩与实际不符');

  await page.clock.setFixedTime(new Date('2026-12-02T09:00:00+08:00'));
  await page.reload();
  await expect(page.locator('[data-transition="end-publicity"]')).toBeDisabled();
  await expect(page.getByTestId('blocked-reasons')).toContainText('异议');
  await page.getByRole('button', { name: '处理异议' }).click();
  const settle = page.getByRole('dialog');
  await settle.getByLabel('异议不成立').check();
  await settle.getByLabel('处理结果').fill('经核实，业绩材料真实，异议不成立');
  await settle.getByRole('button', { name: /确\s*定/ }).click();
  await expect(settle).toBeHidden();
  await fire(page, 'end-publicity');
  await expect(page.getByTestId('workflow-state')).toHaveText('高评委评审');
  await page.screenshot({ path: `${SHOTS}/acceptance-workflow.png`, fullPage: true });

  // ---- Everything persisted, and the history names each step and who did it.
  await page.reload();
  await expect(page.getByTestId('workflow-state')).toHaveText('高评委评审');
  await page.getByRole('tab', { name: '历史记录' }).click();
  const history = page.getByTestId('history-table');
  await expect(history).toContainText(ADMIN.displayName);
  await page.screenshot({ path: `${SHOTS}/acceptance-history.png`, fullPage: true });
  // Every page of the history (50 entries a page), oldest first.
  let text = '';
  for (;;) {
    text += await history.innerText();
    const next = page.getByTitle('下一页');
    if ((await next.count()) === 0 || (await next.getAttribute('aria-disabled')) === 'true') break;
    await next.click();
  }
  for (const step of [
    '退回补正',
    '缺少：继续教育证明',
    '补正后重新提交',
    '逐级审核意见“市经信部门或人力社保部门”',
    '资格审查通过，进入公示',
    '反映申报业绩与实际不符',
    '经核实，业绩材料真实，异议不成立',
    '公示期满无异议',
    '评审前公示中 → 高评委评审',
  ]) {
    expect(text).toContain(step);
  }
  // Who did each step: every entry names the signed-in user.
  expect(text.split(ADMIN.displayName).length - 1).toBeGreaterThan(40);
});
