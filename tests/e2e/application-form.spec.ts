/**
 * 新建申请 by keyboard: a P5 (证书登记) and a P4 (事业单位 applicant) application typed through the
 * generated form and registered; the draft survives a reload and a killed page (at most the
 * field being typed is lost); the 申请表 tab commits one field edit as one outbox operation.
 * Screenshots go to test-results/h3.
 */
import { expect, test, type Page } from '@playwright/test';
import { enterApp } from './sign-in';
import { readStore } from './idb';
import { seedRecords } from './seed';
import { choose, startP4Application, typeEnter } from './keyboard';

const SHOTS = 'test-results/h3';

// Typing a whole paper form key by key takes a while on a shared CI machine.
test.describe.configure({ timeout: 180_000 });

async function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

interface StoredApplication {
  id: string;
  applicationNo: string;
  programId: string;
  status: string;
  channel: string;
  receivedDate: string;
  personId: string;
  fields: Record<string, unknown>;
  previousCertificate?: Record<string, string>;
  selfScore?: { items: { name: string; maxScore: number; claimed: number; hasEvidence: boolean }[] };
}

test('a killed page loses at most the field being typed; a reload keeps the draft', async ({ page, context }) => {
  await enterApp(page, '/intake/new');
  await expect(page.locator('#new-program')).toBeFocused();
  await choose(page, 'P5');
  await expect(page.locator('#new-kind')).toBeFocused();
  await choose(page, '证书登记');
  await expect(page.locator('#new-channel')).toBeFocused();
  await choose(page, '窗口');
  await expect(page.locator('#new-received')).toBeFocused();
  await page.keyboard.press('Control+A');
  await typeEnter(page, '20261120');
  await expect(page.locator('#new-received')).toHaveValue('2026年11月20日');

  // The form's fields in the paper order: 专业类别, 资格名称, 登记表编号, 姓名 …
  // 专业类别 and 资格名称 are the 软考 lists (issue 12): typed to filter, Enter picks.
  await page.locator('#new-specialtyCategory').focus();
  await choose(page, '计算机软件');
  expect(await focusedId(page)).toBe('new-qualificationName');
  await choose(page, '软件设计师');
  expect(await focusedId(page)).toBe('new-formNo');
  await typeEnter(page, 'DJ-0001');
  expect(await focusedId(page)).toBe('new-name');
  await page.keyboard.type('张三');
  await page.waitForTimeout(400);
  const url = page.url();
  expect(url).toContain('draft=new-application');
  await page.screenshot({ path: `${SHOTS}/draft-before-kill.png`, fullPage: true });

  // Kill the page mid-field: no beforeunload, no blur.
  await page.keyboard.type('丰');
  await page.close({ runBeforeUnload: false });

  const again = await context.newPage();
  await enterApp(again, '/intake/new');
  const list = again.getByTestId('draft-list');
  await expect(list).toBeVisible();
  await expect(list).toContainText('计算机技术与软件专业技术资格');
  await again.screenshot({ path: `${SHOTS}/draft-offered.png`, fullPage: true });
  await list.getByRole('button', { name: '继续填写' }).first().click();
  await expect(again.locator('.ant-select', { has: again.locator('#new-specialtyCategory') })).toContainText('计算机软件');
  await expect(again.locator('.ant-select', { has: again.locator('#new-qualificationName') })).toContainText('软件设计师（中级）');
  await expect(again.locator('#new-formNo')).toHaveValue('DJ-0001');
  await expect(again.locator('#new-received')).toHaveValue('2026年11月20日');
  // The field being typed: saved at most 150 ms after the last key, so 张三 (or 张三丰) is there.
  await expect(again.locator('#new-name')).toHaveValue(/^张三/);

  // A reload keeps it too (the draft is in the URL).
  await again.locator('#new-name').fill('张三丰');
  await again.locator('#new-name').press('Enter');
  await again.reload();
  await expect(again.locator('#new-name')).toHaveValue('张三丰');
  await expect(again.locator('#new-formNo')).toHaveValue('DJ-0001');
  await again.screenshot({ path: `${SHOTS}/draft-after-reload.png`, fullPage: true });
});

test('P5 证书登记 typed by keyboard and registered; the 申请表 tab commits one operation per field edit', async ({ page }) => {
  await enterApp(page, '/intake');
  const personId = '01900000-0000-7000-8000-0000000000c1';
  await seedRecords(page, { people: [{ id: personId, name: '王小明', idNumber: '110105194910010015', birthDate: '1949-10-01', sex: 'male' }] });
  await page.goto(`/#/intake/new?person=${personId}`);
  // The form appears once its draft is ready: type only when 业务 has the focus.
  await expect(page.locator('#new-program')).toBeFocused();
  await expect(page.locator('#new-program')).toBeFocused();
  await choose(page, 'P5');
  await choose(page, '证书登记');
  await choose(page, '窗口');
  await expect(page.locator('#new-received')).toBeFocused();
  await page.keyboard.press('Control+A');
  await typeEnter(page, '20261122');
  await expect(page.locator('#new-received')).toHaveValue('2026年11月22日');

  // The applicant's record filled 姓名, 性别, 出生年月 and 身份证号码.
  await expect(page.locator('#new-name')).toHaveValue('王小明');
  await expect(page.locator('#new-birthMonth')).toHaveValue('1949年10月');
  await expect(page.locator('#new-idNumber')).toHaveValue('110105194910010015');

  await page.locator('#new-specialtyCategory').focus();
  await choose(page, '计算机软件');
  await choose(page, '软件设计师');
  await typeEnter(page, 'DJ-2026-0001');
  expect(await focusedId(page)).toBe('new-name');
  await page.keyboard.press('Enter'); // 姓名 (filled)
  await page.keyboard.press('Enter'); // 性别 (filled)
  await page.keyboard.press('Enter'); // 出生年月 (filled)
  expect(await focusedId(page)).toBe('new-health');
  await typeEnter(page, '健康');
  await page.keyboard.press('Enter'); // 身份证号码 (filled)
  expect(await focusedId(page)).toBe('new-certificateNo');
  await typeEnter(page, 'RK2024000123');
  await typeEnter(page, '2024年5月20日');
  await expect(page.locator('#new-obtainedOn')).toHaveValue('2024年05月20日');
  await typeEnter(page, '杭州市西湖区文三路1号');
  await typeEnter(page, '310012');
  await typeEnter(page, '杭州某软件有限公司');
  await typeEnter(page, '13912345678');
  // The blank continuing-education table is passed by; next is 所在单位考核结果.
  expect(await focusedId(page)).toBe('new-unitAssessment');
  await typeEnter(page, '合格');
  await typeEnter(page, '2026-11-20');
  await page.keyboard.press('Space'); // 已盖章
  await page.keyboard.press('Enter');
  expect(await focusedId(page)).toBe('new-registrationOpinion');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  expect(await focusedId(page)).toBe('new-remarks');
  await page.keyboard.type('第一行');
  await page.keyboard.press('Enter');
  await page.keyboard.type('第二行');
  await expect(page.locator('#new-remarks')).toHaveValue('第一行\n第二行');
  await page.keyboard.press('Control+Enter');
  expect(await focusedId(page)).toBe('new-signature');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await typeEnter(page, '20261120');
  await typeEnter(page, '20270519');
  await expect(page.locator('#new-certificateExpiresOn')).toHaveValue('2027年05月19日');
  // The previous certificate comes from the form (shown as its placeholder); the engine's window finding under it.
  await expect(page.locator('#new-cert-validUntil')).toHaveAttribute('placeholder', '取自申请表：2027年05月19日');
  await expect(page.getByTestId('finding-window.registration')).toContainText('在');
  // Only the photo is left: it is uploaded on the application's 附件与照片 tab.
  await expect(page.getByTestId('form-summary')).toContainText('还有 1 项未填写');
  await page.screenshot({ path: `${SHOTS}/p5-form.png`, fullPage: true });

  // Enter through the certificate box reaches 登记; one more Enter registers.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('register')).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/#\/applications\/[^?]+\?tab=checklist/);
  await expect(page.getByTestId('application-no')).toHaveText(/^P5-2026-[0-9A-F]{4}-0001$/);
  const [app] = await readStore<StoredApplication>(page, 'applications');
  expect(app).toMatchObject({
    programId: 'rk-registration',
    status: 'received',
    channel: 'counter',
    receivedDate: '2026-11-22',
    personId,
    previousCertificate: { certificateNo: 'RK2024000123', issuedOn: '2024-05-20', validUntil: '2027-05-19' },
  });
  expect(app!.fields).toMatchObject({
    specialtyCategory: '计算机软件',
    qualificationName: '软件设计师',
    sex: '男',
    birthMonth: '1949-10',
    obtainedOn: '2024-05-20',
    postalCode: '310012',
    unitAssessment: { text: '合格', date: '2026-11-20', sealed: true },
    remarks: '第一行\n第二行',
    signature: true,
    appliedOn: '2026-11-20',
  });
  expect(await readStore(page, 'drafts')).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/p5-registered.png`, fullPage: true });

  // 申请表 tab: typing saves a draft; leaving the field commits ONE operation.
  const opsFor = async () => (await readStore<{ recordId: string }>(page, 'outbox')).filter((o) => o.recordId === app!.id).length;
  const before = await opsFor();
  await page.goto(`/#/applications/${app!.id}?tab=form`);
  await page.locator('#app-phone').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('0571-88886666');
  await expect(page.getByTestId('form-save-state')).toHaveText('有未保存的修改（已存草稿）');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('form-save-state')).toHaveText('已保存');
  expect(await opsFor()).toBe(before + 1);
  // A wrong value is refused with the engine's message and stays typed.
  await page.locator('#app-postalCode').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('31001');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-field-error="postalCode"]')).toBeVisible();
  await expect(page.locator('#app-postalCode')).toHaveValue('31001');
  expect(await opsFor()).toBe(before + 1);
  await page.screenshot({ path: `${SHOTS}/p5-form-tab.png`, fullPage: true });
  const [stored] = await readStore<StoredApplication>(page, 'applications');
  expect(stored!.fields['phone']).toBe('0571-88886666');
  expect(stored!.fields['postalCode']).toBe('310012');
});

test('P4 for a 事业单位 applicant: a wrong value refused, then registered with the 自评分表', async ({ page }) => {
  await enterApp(page, '/intake');
  const personId = '01900000-0000-7000-8000-0000000000c2';
  await seedRecords(page, { people: [{ id: personId, name: '李红', idNumber: '110105198001010024', birthDate: '1980-01-01', sex: 'female' }] });
  await page.goto(`/#/intake/new?person=${personId}`);
  await startP4Application(page, '单位提出');
  await expect(page.locator('#new-received')).toBeFocused();
  await page.keyboard.press('Control+A');
  await typeEnter(page, '20261122');

  await page.locator('#new-employer').focus();
  await typeEnter(page, '浙江省某研究院');
  expect(await focusedId(page)).toBe('new-unitNature');
  await choose(page, '社会公益类事业');
  await typeEnter(page, '浙江省科学技术厅');
  await choose(page, '省属单位');
  await choose(page, '系统集成');
  await typeEnter(page, '大学本科');
  expect(await focusedId(page)).toBe('new-graduatedFrom');
  await typeEnter(page, '浙江大学 计算机科学与技术'); // 毕业院校及专业 (the 花名册's column, issue 12)
  await page.keyboard.press('y'); // 最高学历是工程技术类专业: 是
  await page.keyboard.press('Enter');
  expect(await focusedId(page)).toBe('new-educationObtainedOn');
  await typeEnter(page, '200207');
  await expect(page.locator('#new-educationObtainedOn')).toHaveValue('2002年07月');
  await choose(page, '国内');
  await typeEnter(page, '工学学士');
  await typeEnter(page, '工程师');
  await typeEnter(page, '2012年12月');
  await typeEnter(page, '2013-01');
  // 自评分 is the 自评分表's total (issue 12): shown, not typed, so Enter passes it by.
  await expect(page.locator('#new-selfScore')).toBeDisabled();
  await typeEnter(page, '17');
  await page.keyboard.press('n'); // 1986 学历资历条件: 否
  await page.keyboard.press('Enter');
  await typeEnter(page, '5'); // 本省养老保险: more than 3 is wrong
  await page.keyboard.press('n');
  await page.keyboard.press('Enter');
  await page.keyboard.press('n');
  await page.keyboard.press('Enter');
  await page.keyboard.press('y');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-field-error="socialInsuranceYearsInZhejiang"]')).toContainText('不能大于 3');

  // The 自评分表: one item with evidence, one without (counts 0).
  await page.getByRole('button', { name: '添加评分项' }).click();
  await expect(page.locator('#new-score-0-name')).toBeFocused();
  await typeEnter(page, '学历资历');
  await typeEnter(page, '20');
  await typeEnter(page, '18');
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: '添加评分项' }).click();
  await expect(page.locator('#new-score-1-name')).toBeFocused();
  await typeEnter(page, '论文');
  await typeEnter(page, '30');
  await typeEnter(page, '30');
  await expect(page.getByTestId('score-counted-0')).toHaveText('18');
  await expect(page.getByTestId('score-counted-1')).toHaveText('0');
  await expect(page.getByTestId('finding-self-score')).toContainText('自评分18分，未达到80分');
  await expect(page.locator('#new-selfScore')).toHaveValue('18');

  await page.getByTestId('register').click();
  await expect(page.getByTestId('refusal')).toContainText('本省养老保险缴纳年限');
  await expect(page.locator('#new-socialInsuranceYearsInZhejiang')).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/p4-refused.png`, fullPage: true });
  expect(await readStore(page, 'applications')).toEqual([]);

  await page.keyboard.press('Control+A');
  await page.keyboard.type('3');
  await page.getByTestId('register').click();
  await expect(page).toHaveURL(/#\/applications\/[^?]+\?tab=checklist/);
  await expect(page.getByTestId('application-no')).toHaveText(/^P4-2026-[0-9A-F]{4}-0001$/);
  const [app] = await readStore<StoredApplication>(page, 'applications');
  expect(app).toMatchObject({ programId: 'zj-it-senior', status: 'received', channel: 'unit', receivedDate: '2026-11-22' });
  expect(app!.fields).toMatchObject({
    name: '李红',
    idNumber: '110105198001010024',
    birthMonth: '1980-01',
    unitNature: '社会公益类事业',
    routingVariant: 'provincial',
    highestEducationIsEngineering: true,
    educationObtainedOn: '2002-07',
    currentTitleObtainedOn: '2012-12',
    engineeringWorkYears: 17,
    socialInsuranceYearsInZhejiang: 3,
    isProjectTechnicalLead: true,
  });
  // The 自评分 lives on the sheet only: nothing typed is stored beside it.
  expect(app!.fields['selfScore']).toBeUndefined();
  expect(app!.selfScore?.items).toEqual([
    { id: 'item-1', name: '学历资历', maxScore: 20, claimed: 18, hasEvidence: true },
    { id: 'item-2', name: '论文', maxScore: 30, claimed: 30, hasEvidence: false },
  ]);
  await page.goto(`/#/applications/${app!.id}?tab=form`);
  await expect(page.locator('#app-unitNature')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/p4-form-tab.png`, fullPage: true });
});
