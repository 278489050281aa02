/**
 * People at the counter (issue 4): registering an applicant whose 身份证号 is already on file
 * shows the duplicate warning — also when the number is typed with full-width digits — and
 * offers the existing record; namesakes born the same day are a warning the clerk may override;
 * the person picker looks a number up on Enter (as a USB scanner sends it); the intake search
 * finds applications as the clerk types, by ID prefix and by name, and Enter opens one.
 */
import { expect, test, type Page } from '@playwright/test';
import { enterApp } from './sign-in';
import { readStore } from './idb';
import { seedRecords } from './seed';

const SHOTS = 'test-results/screenshots';

function withCheck(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return first17 + '10X98765432'[[...first17].reduce((s, d, i) => s + Number(d) * w[i]!, 0) % 11]!;
}
const fullWidth = (s: string): string => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const ZHANG = withCheck('65010219800315001'); // 1980-03-15, male
const NAMESAKE = withCheck('65010319800315002'); // same birth date, female
const LI = withCheck('33010619920704002'); // 1992-07-04, female

async function register(page: Page, name: string, idNumber: string): Promise<void> {
  await page.getByLabel('姓名', { exact: true }).fill(name);
  await page.getByLabel('姓名', { exact: true }).press('Enter');
  await expect(page.getByLabel('身份证号')).toBeFocused();
  await page.keyboard.type(idNumber);
  await page.keyboard.press('Enter');
}

test('duplicate person warning for an ID number already on file, typed with full-width digits', async ({ page }) => {
  await enterApp(page, '/intake');
  await register(page, '张三丰', ZHANG);
  await expect(page.getByText('已保存：张三丰')).toBeVisible();
  await expect(page.getByRole('row', { name: /张三丰/ })).toContainText('1980年03月15日');

  // The same number again, full-width, under another name: warned before saving…
  await page.getByLabel('姓名', { exact: true }).fill('张三');
  await page.getByLabel('身份证号').fill(fullWidth(ZHANG));
  const warning = page.getByTestId('duplicate-person-warning');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('该身份证号已登记');
  await expect(warning).toContainText('张三丰');
  await expect(warning).toContainText(ZHANG);
  // …and refused on Enter, nothing written.
  await page.getByLabel('身份证号').press('Enter');
  await expect(page.getByText(/不能重复登记/)).toBeVisible();
  expect(await readStore(page, 'people').then((rows) => rows.length)).toBe(1);
  await page.screenshot({ path: `${SHOTS}/people-duplicate-warning.png`, fullPage: true });

  // "使用已有记录" looks the person up in the search.
  await warning.getByRole('button', { name: /使用已有记录|使用已有记 录/ }).click();
  await expect(page.getByLabel('查找', { exact: true })).toHaveValue(ZHANG);
  await expect(page.getByLabel('姓名', { exact: true })).toHaveValue('');
  expect(await readStore(page, 'people').then((rows) => rows.length)).toBe(1);
});

test('same name and birth date is a warning the clerk may override', async ({ page }) => {
  await enterApp(page, '/intake');
  await register(page, '张三丰', ZHANG);
  await expect(page.getByText('已保存：张三丰')).toBeVisible();

  await register(page, '张三丰', NAMESAKE);
  const warning = page.getByTestId('duplicate-person-warning');
  await expect(warning).toContainText('已有同名且出生日期相同的人员');
  await expect(warning).toContainText(ZHANG);
  expect(await readStore(page, 'people').then((rows) => rows.length)).toBe(1);
  await warning.getByRole('button', { name: '不是同一人，继续登记' }).click();
  await expect.poll(() => readStore(page, 'people').then((rows) => rows.length)).toBe(2);
  await expect(page.getByRole('row', { name: new RegExp(NAMESAKE) })).toContainText('女');
  await expect(warning).toHaveCount(0);
});

/** Applications straight into IndexedDB (the new-application form is another spec's subject). */
async function seedApplications(page: Page): Promise<void> {
  const people = await readStore<{ id: string; idNumber: string }>(page, 'people');

  const zhang = people.find((p) => p.idNumber === ZHANG)!;
  const li = people.find((p) => p.idNumber === LI)!;
  const at = '2026-11-20T02:00:00.000Z';
  const app = (id: string, personId: string, no: string, programId: string, kind: string, status: string, receivedDate: string) => ({
    id,
    createdAt: at,
    createdBy: 'seed',
    updatedAt: at,
    updatedBy: 'seed',
    programId,
    kind,
    applicationNo: no,
    personId,
    status,
    channel: 'counter',
    receivedDate,
    fields: {},
  });
  const rows = [
    app('01937a00-0000-7000-8000-000000000001', zhang.id, 'P5-2026-E2E0-0001', 'rk-registration', 'new', 'received', '2026-11-20'),
    app('01937a00-0000-7000-8000-000000000002', zhang.id, 'P1-2025-E2E0-0007', 'xj-isi-pm', 'renewal', 'renewed', '2025-06-02'),
    app('01937a00-0000-7000-8000-000000000003', li.id, 'P4-2026-E2E0-0003', 'zj-it-senior', 'new', 'returned', '2026-10-09'),
  ];
  await seedRecords(page, { applications: rows });
}

test('search as you type finds applications by ID prefix and by name; Enter opens one', async ({ page }) => {
  await enterApp(page, '/intake');
  await register(page, '张三丰', ZHANG);
  await expect(page.getByText('已保存：张三丰')).toBeVisible();
  await register(page, '李四', LI);
  await expect(page.getByText('已保存：李四')).toBeVisible();
  await seedApplications(page);
  await page.reload();

  const search = page.getByLabel('查找', { exact: true });
  const results = page.getByTestId('application-results');
  // Empty: the newest applications.
  await expect(results.getByRole('row', { name: /P5-2026-E2E0-0001/ })).toBeVisible();

  // ID prefix, typed key by key (full-width, as an input method may leave it).
  await search.click();
  await page.keyboard.type(fullWidth(ZHANG.slice(0, 8)));
  await expect(results.getByRole('row')).toHaveCount(3); // header + Zhang's two
  const first = results.getByRole('row').nth(1);
  await expect(first).toContainText('P5-2026-E2E0-0001');
  await expect(first).toContainText('张三丰');
  await expect(first).toContainText(ZHANG);
  await expect(first).toContainText('已收件，待审核');
  await expect(first).toContainText('证书登记');
  await expect(first).toContainText('2026年11月20日');
  await expect(results.getByRole('row').nth(2)).toContainText('已延续');
  await page.screenshot({ path: `${SHOTS}/intake-search-id.png`, fullPage: true });

  // Name prefix.
  await search.fill('李');
  await expect(results.getByRole('row')).toHaveCount(2);
  await expect(results.getByRole('row').nth(1)).toContainText('P4-2026-E2E0-0003');
  await expect(results.getByRole('row').nth(1)).toContainText('已退回，待补正');

  // Program filter narrows; nothing found says so.
  await search.fill('张三丰');
  await expect(results.getByRole('row')).toHaveCount(3);
  await page.getByLabel('业务', { exact: true }).click();
  await page.getByRole('option', { name: /P1 / }).click();
  await expect(results.getByRole('row')).toHaveCount(2);
  await expect(results.getByRole('row').nth(1)).toContainText('P1-2025-E2E0-0007');
  await search.fill('王');
  await expect(results).toContainText('没有找到符合条件的申请');

  // Enter on the search box opens the first row.
  await search.fill('P1-2025');
  await expect(results.getByRole('row').nth(1)).toContainText('P1-2025-E2E0-0007');
  await search.press('Enter');
  await expect(page).toHaveURL(/#\/applications\/01937a00-0000-7000-8000-000000000002$/);
});

test('the person picker looks an ID number up on Enter, or registers a new applicant', async ({ page }) => {
  await enterApp(page, '/intake');
  await register(page, '张三丰', ZHANG);
  await expect(page.getByText('已保存：张三丰')).toBeVisible();

  await page.getByRole('button', { name: /新建申请|新建申 请/ }).click();
  await expect(page).toHaveURL(/#\/intake\/new/);
  const picker = page.getByTestId('person-picker');
  const box = picker.getByLabel('身份证号', { exact: true });
  // A scanner types the number and Enter.
  await box.click();
  await page.keyboard.type(fullWidth(ZHANG));
  await page.keyboard.press('Enter');
  const chosen = page.getByTestId('person-picker-selected');
  await expect(chosen).toContainText('张三丰');
  await expect(chosen).toContainText('男');
  await expect(chosen).toContainText('1980年03月15日');

  // Another applicant, not on file: the small form, birth date and sex read from the number.
  await chosen.getByRole('button', { name: '更换申请人' }).click();
  await expect(picker.getByLabel('身份证号', { exact: true })).toBeFocused();
  await page.keyboard.type(LI);
  await page.keyboard.press('Enter');
  await expect(picker).toContainText('未找到身份证号');
  await expect(picker).toContainText('1992年07月04日');
  await expect(picker.getByLabel('姓名', { exact: true })).toBeFocused();
  await page.keyboard.type('李四');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('person-picker-selected')).toContainText('李四');
  await expect(page.getByTestId('person-picker-selected')).toContainText('女');

  // A namesake born the same day: warned, and the existing record is offered.
  await page.getByRole('button', { name: '更换申请人' }).click();
  await expect(picker.getByLabel('身份证号', { exact: true })).toBeFocused();
  await page.keyboard.type(NAMESAKE);
  await page.keyboard.press('Enter');
  await expect(picker.getByLabel('姓名', { exact: true })).toBeFocused();
  await page.keyboard.type('张三丰');
  await page.keyboard.press('Enter');
  const warning = picker.getByTestId('duplicate-person-warning');
  await expect(warning).toContainText('已有同名且出生日期相同的人员');
  await page.screenshot({ path: `${SHOTS}/person-picker-warning.png`, fullPage: true });
  await warning.getByRole('button', { name: /使用已有记录/ }).click();
  await expect(page.getByTestId('person-picker-selected')).toContainText(ZHANG);
});
