/**
 * 导入名单 (issue 15), driven as a clerk would: the unit's P4 花名册 as LibreOffice saved it
 * (tests/fixtures/import/roster-messy.xlsx, made by make-fixtures.mjs: a merged title row, a
 * two-row header, a rounded 身份证号, a 1979.1 month, an unknown 单位性质, the same person twice,
 * a note row), chosen with the file dialog; two bad rows fixed in place, the duplicate left out,
 * imported in one go (钱七, already on the desk, linked — not a second person), undone, imported
 * again; the same file a third time changes nothing. A file that is not a spreadsheet, and an
 * .xls, get a clear Chinese message and change nothing. The clock is fixed to 2026-12-07.
 * Screenshots go to test-results/import.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readStore } from './idb';
import { withDesk } from './seed';
import { enterApp } from './sign-in';

const SHOTS = 'test-results/import';
const FIXTURES = path.resolve('tests/fixtures/import');
const TARGET = '浙江省信息技术专业高级工程师职务任职资格评审（2019 年度） · 《推荐高级工程师职务任职资格人员花名册》';
const CLERK = { username: 'li', displayName: '李经办', password: 'Clerk-2026-pass' };
const REVIEWER = { username: 'zhao', displayName: '赵评审', password: 'Review-2026-pass' };

/** A valid 身份证号 from its first 17 digits (ISO 7064 MOD 11-2, computed here). */
function id(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}
/** 王五's number as it should have been (the file holds it rounded to 330102198003010000). */
const WANG = id('33010219800301003');
/** 钱七: already on the desk before the import. */
const QIAN = id('33010819850512004');

interface Live {
  readonly deleted?: boolean;
  readonly importBatchId?: string;
}

async function liveCounts(page: Page) {
  const people = (await readStore<Live & { name: string; idNumber: string }>(page, 'people')).filter((p) => p.deleted !== true);
  const applications = (await readStore<Live>(page, 'applications')).filter((a) => a.deleted !== true);
  return {
    people: people.map((p) => p.name).sort(),
    qianRecords: people.filter((p) => p.idNumber === QIAN).length,
    applications: applications.length,
    outbox: (await readStore(page, 'outbox')).length,
    imports: (await readStore(page, 'importBatches')).length,
  };
}

async function chooseTarget(page: Page, option = '《推荐高级工程师职务任职资格人员花名册》', shown = TARGET) {
  await page.getByLabel('文件内容').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  await expect(page.getByTestId('import-page')).toContainText(shown);
}

/** Chooses the file with the file dialog, as a clerk does. */
async function chooseFile(page: Page, name: string, buffer: Buffer = readFileSync(path.join(FIXTURES, name))) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择文件…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
}

async function fixRow(page: Page, row: number, fields: Readonly<Record<string, string>>) {
  await page.getByTestId(`import-row-${row}`).getByRole('button', { name: '改正' }).click();
  const dialog = page.getByRole('dialog', { name: `改正第 ${row} 行` });
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label).fill(value);
  await dialog.getByRole('button', { name: '保存改正' }).click();
  await expect(dialog).toBeHidden();
}

/** The messy roster read, its two bad rows fixed and the duplicate left out. */
async function prepareMessy(page: Page) {
  await chooseFile(page, 'roster-messy.xlsx');
  await expect(page.getByTestId('import-sheet-note')).toContainText('共2个工作表，读取的是“花名册”。');
  await fixRow(page, 7, { '公民身份号码（E）': WANG });
  await fixRow(page, 8, { '出生 年月（D）': '1979年10月', '单位性质（G）': '私营企业和个体工商户' });
}

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-07T10:00:00+08:00'));
  await enterApp(page, '/intake');
  await withDesk(
    page,
    async ({ clerk, reviewer, qian }) => {
      const desk = window.__desk!;
      await desk.createUser({ ...clerk, role: 'clerk' });
      await desk.createUser({ ...reviewer, role: 'reviewer' });
      await desk.createPerson({ name: '钱七', idNumber: qian }, await desk.writeContext());
    },
    { clerk: CLERK, reviewer: REVIEWER, qian: QIAN },
  );
  await page.getByTestId('user-menu').getByRole('button', { name: '退出登录' }).click();
  await page.getByLabel('用户名').fill(CLERK.username);
  await page.getByLabel('密码', { exact: true }).fill(CLERK.password);
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await expect(page.getByRole('navigation')).toBeVisible();
  await page.getByRole('menu').getByText('导入名单', { exact: true }).click();
  await expect(page.getByTestId('import-page')).toBeVisible();
});

test('导入：P4 花名册两行就地改正、重复行不导入，已有人员关联；撤销后再导入；同一文件第三次导入不改变任何内容', async ({ page }) => {
  test.setTimeout(180_000);
  const before = await liveCounts(page);
  expect(before).toMatchObject({ people: ['钱七'], qianRecords: 1, applications: 0, imports: 0 });

  await chooseTarget(page);
  await chooseFile(page, 'roster-messy.xlsx');
  await expect(page.getByTestId('import-sheet-note')).toContainText('共2个工作表，读取的是“花名册”。');
  await expect(page.getByTestId('import-sheet-note')).toContainText('表头在第 3、4 行，数据从第 5 行开始。');
  await expect(page.getByTestId('import-counts')).toHaveText('共 6 行：可导入 3 行，有错误 3 行，有提示 0 行，不导入 0 行，关联到已有人员 1 行。');
  // Errors first, each naming its row and column.
  const rows = page.getByTestId('import-report').locator('tbody tr[data-testid^="import-row-"]');
  await expect(rows.first()).toHaveAttribute('data-testid', 'import-row-7');
  await expect(page.getByTestId('import-row-7')).toContainText('第7行“公民身份号码”（E列）：身份证号码最后三位是"000"且校验不通过');
  await expect(page.getByTestId('import-row-8')).toContainText('“单位性质”只能填写：');
  await expect(page.getByTestId('import-row-8')).toContainText('现在是“民营企业”。');
  await expect(page.getByTestId('import-row-9')).toContainText('第9行“公民身份号码”（E列）：与第5行是同一人（身份证号码相同），同一人只能导入一次。');
  await expect(page.getByTestId('import-row-10')).toContainText('关联到已有人员“钱七”');
  await expect(page.getByTestId('import-report')).toContainText('填表人：周晓燕');
  await page.screenshot({ path: `${SHOTS}/report.png`, fullPage: true });

  // Filter: only the rows with errors.
  await page.getByTestId('import-report').getByText('有错误', { exact: true }).click();
  await expect(rows).toHaveCount(3);
  await page.getByTestId('import-report').getByText('全部', { exact: true }).click();
  await expect(rows).toHaveCount(6);

  // Nothing is written while rows have errors.
  await page.getByRole('button', { name: '确认导入 6 行' }).click();
  await expect(page.getByTestId('import-plan-error')).toContainText('还有 3 行有错误（第7、8、9行），请逐行改正或不导入这些行后再确认。');

  await fixRow(page, 7, { '公民身份号码（E）': WANG });
  await fixRow(page, 8, { '出生 年月（D）': '1979年10月', '单位性质（G）': '私营企业和个体工商户' });
  await page.getByTestId('import-row-9').getByRole('button', { name: '不导入' }).click();
  await expect(page.getByTestId('import-counts')).toHaveText('共 6 行：可导入 5 行，有错误 0 行，有提示 0 行，不导入 1 行，关联到已有人员 1 行。');
  await expect(page.getByTestId('import-row-7')).toContainText('已改正');
  await expect(await liveCounts(page)).toEqual(before);

  await page.getByLabel('收件日期').fill('2019年9月25日');
  await page.getByRole('button', { name: '确认导入 5 行' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '导入 5 行？' });
  await expect(confirm).toContainText('将新建人员 4 人，关联已有人员 1 人，登记申请 5 份，证书 0 本。');
  await confirm.getByRole('button', { name: '导入', exact: true }).click();
  await expect(page.getByTestId('import-done')).toHaveText('已导入“roster-messy.xlsx”：5 行。');

  const imported = await liveCounts(page);
  expect(imported.people).toEqual(['张三', '李四', '王五', '赵六', '钱七'].sort());
  expect(imported.qianRecords).toBe(1);
  expect(imported.applications).toBe(5);
  // One outbox operation per record: the import, 4 people, 5 applications.
  expect(imported.outbox - before.outbox).toBe(1 + 4 + 5);

  // It survives a reload, and the import record says what it made.
  await page.reload();
  const history = page.getByTestId('import-history');
  const record = history.getByRole('row', { name: /roster-messy\.xlsx/ });
  await expect(record).toContainText('2026年12月07日');
  await expect(record).toContainText('导入 5 行（新建人员 4 人，关联 1 人；申请 5 份，证书 0 本）');
  await page.screenshot({ path: `${SHOTS}/imported.png`, fullPage: true });

  // Undo: exactly what it made goes (through the outbox); 钱七 stays.
  await record.getByRole('button', { name: '撤销这次导入' }).click();
  await page.getByRole('dialog').filter({ hasText: '撤销导入“roster-messy.xlsx”？' }).getByRole('button', { name: '撤销导入' }).click();
  await expect(record).toContainText('已撤销（2026年12月07日）');
  const undone = await liveCounts(page);
  expect(undone).toMatchObject({ people: ['钱七'], qianRecords: 1, applications: 0 });
  expect(undone.outbox - imported.outbox).toBe(1 + 4 + 5);

  // Imported again: the people again, 钱七 linked again.
  await chooseTarget(page);
  await prepareMessy(page);
  await page.getByTestId('import-row-9').getByRole('button', { name: '不导入' }).click();
  await page.getByLabel('收件日期').fill('2019年9月25日');
  await page.getByRole('button', { name: '确认导入 5 行' }).click();
  await page.getByRole('dialog').filter({ hasText: '导入 5 行？' }).getByRole('button', { name: '导入', exact: true }).click();
  await expect(page.getByTestId('import-done')).toHaveText('已导入“roster-messy.xlsx”：5 行。');
  const again = await liveCounts(page);
  expect(again).toMatchObject({ people: ['张三', '李四', '王五', '赵六', '钱七'].sort(), qianRecords: 1, applications: 5, imports: 2 });

  // The same file a third time: every row is on the desk with the same content; nothing to write.
  await prepareMessy(page);
  await expect(page.getByTestId('import-counts')).toContainText('其中 6 行已在办事台上且内容相同，不会重复导入。');
  await expect(page.getByTestId('import-all-unchanged')).toHaveText('文件中的各行都已在办事台上，内容相同，无需再次导入。');
  await expect(page.getByRole('button', { name: '确认导入 0 行' })).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/unchanged.png`, fullPage: true });
  expect(await liveCounts(page)).toEqual(again);
});

test('导入：不是表格的文件、.xls 文件给出中文说明，办事台不变', async ({ page }) => {
  const before = await liveCounts(page);
  await chooseTarget(page);

  await chooseFile(page, '花名册.xlsx', Buffer.from('这不是一个表格文件，只是几行文字。\n'));
  const error = page.getByTestId('import-file-error');
  await expect(error).toContainText('无法导入这个文件');
  await expect(error).toContainText('办事台上的数据没有任何改动。');
  await expect(page.getByTestId('import-report')).toBeHidden();
  const notSheet = (await error.innerText()).trim();
  expect(notSheet).toMatch(/[\u4e00-\u9fff]/);
  expect(notSheet).not.toMatch(/[A-Za-z]{6,}/);

  await chooseFile(page, 'roster-small.xls');
  await expect(error).toContainText('另存为');
  await expect(error).toContainText('.xlsx');
  await page.screenshot({ path: `${SHOTS}/xls.png`, fullPage: true });

  expect(await liveCounts(page)).toEqual(before);
});

test('导入：GBK 编码的 CSV 花名册读出中文，列自动对应', async ({ page }) => {
  await chooseTarget(page);
  await chooseFile(page, 'roster-gbk.csv');
  await expect(page.getByTestId('import-sheet-note')).toContainText('文件编码：GBK（GB18030）');
  await expect(page.getByTestId('import-mapping')).toContainText('身份证号码');
  await expect(page.getByLabel('导入到 B')).toBeVisible();
  await expect(page.getByTestId('import-report')).toBeVisible();
  await expect(page.getByTestId('import-counts')).toContainText('共 ');
});

test('导入：两万行花名册，确认后中途关闭页面，办事台上要么一行没有、要么全部都在', async ({ page }) => {
  test.setTimeout(300_000);
  const before = await liveCounts(page);
  await chooseTarget(page);
  await chooseFile(page, 'roster-20000.xlsx');
  await expect(page.getByTestId('import-counts')).toHaveText('共 20000 行：可导入 19995 行，有错误 5 行，有提示 0 行，不导入 0 行，关联到已有人员 0 行。', { timeout: 120_000 });
  // The five repeated people are left out, one by one, from the rows with errors.
  const report = page.getByTestId('import-report');
  await report.getByText('有错误', { exact: true }).click();
  const rows = report.locator('tbody tr[data-testid^="import-row-"]');
  await expect(rows).toHaveCount(5);
  for (let left = 5; left > 0; left--) {
    await expect(rows).toHaveCount(left);
    await rows.first().getByRole('button', { name: '不导入' }).click();
  }
  await expect(page.getByTestId('import-counts')).toHaveText('共 20000 行：可导入 19995 行，有错误 0 行，有提示 0 行，不导入 5 行，关联到已有人员 0 行。');

  await page.getByRole('button', { name: '确认导入 19995 行' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '导入 19995 行？' });
  await confirm.getByRole('button', { name: '导入', exact: true }).click();
  await expect(confirm).toBeHidden();
  // The window is closed while the records are being written (without the browser's 'leave?' question).
  await page.waitForTimeout(1_500);
  const context = page.context();
  await page.close();
  const reopened = await context.newPage();
  await reopened.goto('/#/intake');
  await expect(reopened.getByRole('navigation').or(reopened.getByRole('button', { name: '登录' })).first()).toBeVisible();

  const after = await liveCounts(reopened);
  const created = after.applications - before.applications;
  expect([0, 19995]).toContain(created);
  expect(after.people.length - before.people.length).toBe(created);
  expect(after.imports - before.imports).toBe(created === 0 ? 0 : 1);
  expect(after.outbox - before.outbox).toBe(created === 0 ? 0 : 1 + 2 * created);
});

test('导入：P5 人才库证书名单，同一人两本证书只建一人；改过的列对应下次沿用；再次导入不改变任何内容', async ({ page }) => {
  test.setTimeout(180_000);
  const before = await liveCounts(page);
  const P5 = '计算机技术与软件专业技术资格（水平）证书登记 · 计算机专业技术人才库（证书登记名单）';
  await chooseTarget(page, '计算机专业技术人才库（证书登记名单）', P5);
  await chooseFile(page, 'talent-p5.xlsx');
  await expect(page.getByTestId('import-counts')).toHaveText('共 5 行：可导入 4 行，有错误 1 行，有提示 1 行，不导入 0 行，关联到已有人员 0 行。');
  await expect(page.getByTestId('import-row-6')).toContainText('第6行“登记日期”（L列）：没有登记日期，取得时间也不是完整日期，无法确定证书有效期（自批准或登记之日起算）。请填写登记日期。');
  await expect(page.getByTestId('import-row-3')).toContainText('证书已于2024年05月31日到期，导入后状态为“已过期”。');

  // 备注 is not wanted here: the clerk maps it to nothing.
  const mapping = page.getByTestId('import-mapping');
  await mapping.getByLabel('导入到 P').click();
  await mapping.getByLabel('导入到 P').fill('不导入');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '（不导入）' }).first().click();
  await expect(mapping.getByRole('row', { name: /^P 备注/ })).toContainText('（不导入）');
  await expect(page.getByTestId('import-counts')).toHaveText('共 5 行：可导入 4 行，有错误 1 行，有提示 1 行，不导入 0 行，关联到已有人员 0 行。');
  await fixRow(page, 6, { '登记日期（L）': '2024年06月01日' });

  await page.getByRole('button', { name: '确认导入 5 行' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '导入 5 行？' });
  await expect(confirm).toContainText('将新建人员 4 人，关联已有人员 0 人，登记申请 0 份，证书 5 本。');
  await confirm.getByRole('button', { name: '导入', exact: true }).click();
  await expect(page.getByTestId('import-done')).toHaveText('已导入“talent-p5.xlsx”：5 行。');
  const certificates = (await readStore<Live & { certificateNo: string; status: string }>(page, 'certificates')).filter((c) => c.deleted !== true);
  expect(certificates.map((c) => `${c.certificateNo} ${c.status}`).sort()).toEqual([
    // 黄蕾's row is a 注销登记.
    '0531000400455 cancelled',
    '0831000100112 valid',
    '1231000500566 valid',
    '1431000200233 expired',
    '1631000300344 valid',
  ]);
  const after = await liveCounts(page);
  expect(after.people.length - before.people.length).toBe(4);
  expect(after.people.filter((n) => n === '陈晓东')).toHaveLength(1);

  // Again: the mapping chosen last time is used, and nothing is new.
  await chooseFile(page, 'talent-p5.xlsx');
  await expect(mapping.getByRole('row', { name: /^P 备注/ })).toContainText('（不导入）');
  await fixRow(page, 6, { '登记日期（L）': '2024年06月01日' });
  await expect(page.getByTestId('import-all-unchanged')).toBeVisible();
  await expect(page.getByRole('button', { name: '确认导入 0 行' })).toBeDisabled();
  expect(await liveCounts(page)).toEqual(after);
});

test('导入：P3 管理人员证书名单加入一份年检申请的证书列表，撤销后列表恢复原样', async ({ page }) => {
  test.setTimeout(180_000);
  await withDesk(
    page,
    async () => {
      const desk = window.__desk!;
      const organisation = await desk.createOrganisation({ name: '乌鲁木齐天山信息技术有限公司', creditCode: '91350100M000100Y43' }, await desk.writeContext());
      await desk.createApplication({ programId: 'xj-si-annual', kind: 'annual-review', channel: 'unit', receivedDate: '2026-11-20', organisationId: organisation.id, fields: {} });
    },
    undefined,
  );
  await page.reload();
  await expect(page.getByTestId('import-page')).toBeVisible();
  await chooseTarget(page, '管理人员证书名单', '自治区计算机信息系统集成（信息工程）企业年检（2025 年） · 管理人员证书名单');
  await chooseFile(page, 'certificates-p3.xlsx');
  await expect(page.getByTestId('import-counts')).toHaveText('共 5 行：可导入 3 行，有错误 2 行，有提示 0 行，不导入 0 行，关联到已有人员 0 行。');
  await expect(page.getByTestId('import-row-5')).toContainText('第5行“证书名称”（E列）：“云计算架构师”不在有效证书目录中');
  await expect(page.getByTestId('import-row-6')).toContainText('第6行“证书编号”（F列）：证书编号与第2行相同，同一证书只能导入一次。');
  await page.getByTestId('import-row-5').getByRole('button', { name: '不导入' }).click();
  await page.getByTestId('import-row-6').getByRole('button', { name: '不导入' }).click();

  // Without the application to add them to, nothing is written.
  await page.getByRole('button', { name: '确认导入 3 行' }).click();
  await expect(page.getByTestId('import-plan-error')).toHaveText('请先选择要加入“管理人员证书名单”的申请。');
  await page.getByLabel('加入哪份申请').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '乌鲁木齐天山信息技术有限公司' }).first().click();
  await page.getByRole('button', { name: '确认导入 3 行' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '导入 3 行？' });
  await expect(confirm).toContainText('乌鲁木齐天山信息技术有限公司”的证书列表中加入 3 条。');
  await confirm.getByRole('button', { name: '导入', exact: true }).click();
  await expect(page.getByTestId('import-done')).toHaveText('已导入“certificates-p3.xlsx”：3 行。');

  const table = async () => {
    const apps = await readStore<Live & { programId: string; fields: Record<string, unknown> }>(page, 'applications');
    const rows = apps.find((a) => a.programId === 'xj-si-annual')!.fields['managementCertificates'];
    return Array.isArray(rows) ? (rows as { personName: string; certificateNo: string }[]).map((r) => `${r.personName} ${r.certificateNo}`) : [];
  };
  expect(await table()).toEqual(['阿依古丽·买买提 0951030012345', '阿依古丽·买买提 1651010054321', '王建国 CSCO12345678']);
  const record = page.getByTestId('import-history').getByRole('row', { name: /certificates-p3\.xlsx/ });
  await expect(record).toContainText('在申请的证书列表中加入 3 条');

  await record.getByRole('button', { name: '撤销这次导入' }).click();
  await page.getByRole('dialog').filter({ hasText: '撤销导入“certificates-p3.xlsx”？' }).getByRole('button', { name: '撤销导入' }).click();
  await expect(record).toContainText('已撤销（2026年12月07日）');
  expect(await table()).toEqual([]);
});

test('导入：评审人员的菜单中没有“导入名单”，输入网址也打不开', async ({ page }) => {
  await page.getByTestId('user-menu').getByRole('button', { name: '退出登录' }).click();
  await page.getByLabel('用户名').fill(REVIEWER.username);
  await page.getByLabel('密码', { exact: true }).fill(REVIEWER.password);
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await expect(page.getByRole('navigation')).toBeVisible();
  await expect(page.getByRole('menu').getByText('导入名单', { exact: true })).toHaveCount(0);
  await page.goto('/#/import');
  await expect(page.getByTestId('access-denied')).toBeVisible();
  await expect(page.getByTestId('import-page')).toHaveCount(0);
});

test('导入：有两个工作表时可以改选；选中的工作表不是名单时说明原因，改回“花名册”即可继续', async ({ page }) => {
  const before = await liveCounts(page);
  await chooseTarget(page);
  await chooseFile(page, 'roster-messy.xlsx');
  await expect(page.getByTestId('import-sheet-note')).toContainText('共2个工作表，读取的是“花名册”。');
  await page.getByLabel('工作表').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '说明' }).first().click();
  await expect(page.getByTestId('import-file-error')).toContainText('办事台上的数据没有任何改动。');
  await expect(page.getByTestId('import-report')).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/other-sheet.png`, fullPage: true });
  await page.getByLabel('工作表').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '花名册' }).first().click();
  await expect(page.getByTestId('import-counts')).toHaveText('共 6 行：可导入 3 行，有错误 3 行，有提示 0 行，不导入 0 行，关联到已有人员 1 行。');
  await expect(page.getByTestId('import-file-error')).toBeHidden();
  expect(await liveCounts(page)).toEqual(before);
});
