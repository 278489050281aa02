/**
 * Documents in browser mode: a 200-certificate batch shows its progress bar and 取消 stops it;
 * certificates saved as one PDF (magic bytes, pdftotext finds the Chinese text, a second print
 * says 补打 第1次); the certificate register downloads as a valid xlsx; the receipt from the
 * application page's menu (when the page carries it). Records are seeded straight into
 * IndexedDB: typing 200 applications through the forms would test the forms, not the documents.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { enterApp } from './sign-in';
import { seedRecords } from './seed';
import { withCheckDigit } from './id-numbers';
import { setUpSigning } from './signing';

const OUT = 'test-results';

function uuid7(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `0192f000-0000-7000-8000-${hex}`;
}

/** ID numbers with a valid check digit, so the person records look like real ones. */
function idNumber(n: number): string {
  return withCheckDigit(`65010219900101${String(100 + (n % 800)).padStart(3, '0')}`);
}

const SURNAMES = '王李张刘陈杨黄赵吴周';
const GIVEN = ['小明', '建国', '丽华', '志强', '秀英', '海燕', '文杰', '玉兰'];

/** P1 applications in the 待发证 state ('issue'), each with its person. */
async function seedReadyApplications(page: Page, count: number): Promise<void> {
  const at = '2026-11-20T08:00:00.000Z';
  const base = { createdAt: at, createdBy: 'seed', updatedAt: at, updatedBy: 'seed' };
  const people = [];
  const applications = [];
  for (let i = 0; i < count; i++) {
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`;
    const id = idNumber(i);
    people.push({ ...base, id: uuid7(1_000 + i), name, idNumber: id, sex: Number(id[16]) % 2 === 1 ? 'male' : 'female' });
    applications.push({
      ...base,
      id: uuid7(10_000 + i),
      programId: 'xj-isi-pm',
      kind: 'new',
      applicationNo: `P1-2026-${String(i + 1).padStart(6, '0')}`,
      personId: uuid7(1_000 + i),
      status: 'issue',
      channel: 'counter',
      receivedDate: '2026-11-02',
      fields: { name, idNumber: id, employer: '新疆某软件有限公司' },
    });
  }
  await seedRecords(page, { people, applications });
}

function pdfText(bytes: Buffer, name: string): string {
  const file = path.join(OUT, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

test('a 200-certificate batch shows progress and cancels; certificates save as one PDF and reprints are marked', async ({ page }) => {
  test.setTimeout(180_000);
  await enterApp(page, '/certificates');
  await seedReadyApplications(page, 200);
  await page.reload();
  await page.getByRole('tab', { name: '签名与单位' }).click();
  await setUpSigning(page, '新疆维吾尔自治区信息化促进会');

  await page.getByRole('tab', { name: '待发证' }).click();
  await expect(page.getByRole('link', { name: 'P1-2026-000001' })).toBeVisible();
  // Select all 200 across the pages with the table's selection menu.
  await page.locator('.ant-table-selection-extra').first().hover();
  await page.getByRole('menuitem', { name: '全选所有' }).click();
  await expect(page.getByTestId('issue-save')).toBeEnabled();
  await expect(page.getByTestId('issue-print')).toHaveText(/200/);

  // Issue all 200; the PDF build starts with a progress dialog; cancel it. Drawing 200 pages takes
  // well under a second, too short to aim a click at on a busy machine: the fonts the worker
  // fetches are held until 取消 was clicked, so the dialog is certainly up (preparing).
  let releaseFonts!: () => void;
  const fontsHeld = new Promise<void>((resolve) => (releaseFonts = resolve));
  let fontRequests = 0;
  await page.route('**/assets/*.ttf', async (route) => {
    fontRequests += 1;
    await fontsHeld;
    await route.continue().catch(() => undefined);
  });
  await page.getByTestId('issue-save').click();
  const progress = page.getByTestId('documents-progress');
  await expect(progress).toBeVisible({ timeout: 60_000 });
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await expect(progress).toContainText('正在准备');
  await expect.poll(() => fontRequests).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(OUT, 'h6-documents-progress.png') });
  await page.getByTestId('documents-cancel').click();
  releaseFonts();
  await page.unroute('**/assets/*.ttf');
  await expect(page.getByText('已取消生成。')).toBeVisible();
  await expect(progress).toBeHidden();

  // The 200 certificates were issued (numbers from this desk's block) even though printing was cancelled.
  await page.getByRole('tab', { name: '已发证书' }).click();
  await expect(page.getByRole('cell', { name: 'XJPM-2026-000200' })).toBeVisible();
  await page.screenshot({ path: path.join(OUT, 'h6-certificates-issued.png'), fullPage: true });

  // Select the first page (50) and save them as one PDF.
  await page.locator('.ant-table-thead .ant-checkbox-input').first().check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reprint-save').click()]);
  const bytes = readFileSync(await download.path());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = pdfText(bytes, 'h6-certificates.pdf');
  expect(text).toContain('XJPM-2026-000200');
  expect(text).toContain('王小明');
  expect(text).not.toContain('补打');
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', path.join(OUT, 'h6-certificates.pdf'), path.join(OUT, 'h6-certificate-page')]);

  // The same certificates again: each page says it is the first reprint.
  // A reprint asks why (issue 13) and records it in each certificate's history.
  await page.getByTestId('reprint-save').click();
  await page.getByLabel('补打原因').fill('打印卡纸，重新打印');
  const [again] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reprint-confirm').click()]);
  const reprinted = pdfText(readFileSync(await again.path()), 'h6-certificates-reprint.pdf');
  expect(reprinted).toContain('补打 第1次');

  // Values only onto pre-printed stock: the preview still shows the certificate's background.
  await page.getByText('仅打印内容（套打预印证书纸）').click();
  await page.getByTestId('certificates-preview').click();
  await expect(page.getByTitle('预览（含底纹）')).toBeVisible();
  await page.keyboard.press('Escape');

  // The certificate register for the issue day range downloads as a workbook.
  await page.goto('/#/rosters');
  await page.getByLabel('起始日期').last().fill('2026-01-01');
  await page.getByLabel('截止日期').last().fill('2099-12-31');
  const [register] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-cert-register').click()]);
  expect(register.suggestedFilename()).toMatch(/\.xlsx$/);
  const xlsx = readFileSync(await register.path());
  expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  expect(sheet?.getCell('A1').text).toContain('证书登记簿');
  const values: string[] = [];
  sheet?.eachRow((row) => row.eachCell((cell) => values.push(cell.text)));
  expect(values).toContain('XJPM-2026-000001');
  await page.screenshot({ path: path.join(OUT, 'h6-rosters.png'), fullPage: true });
});

test('the receipt prints from the application page menu as a PDF with the Chinese text', async ({ page }) => {
  await enterApp(page, '/intake');
  await seedReadyApplications(page, 1);
  await page.goto(`/#/applications/${uuid7(10_000)}`);
  await expect(page.getByTestId('application-no')).toHaveText('P1-2026-000001');
  const menu = page.getByTestId('documents-save-menu');
  await expect(menu).toBeVisible();
  await menu.click();
  await expect(page.getByText('收件回执', { exact: true })).toBeVisible();
  await page.screenshot({ path: path.join(OUT, 'h6-documents-menu.png') });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('收件回执', { exact: true }).click()]);
  const bytes = readFileSync(await download.path());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = pdfText(bytes, 'h6-receipt.pdf').replace(/\s+/g, '');
  expect(text).toContain('收件回执');
  expect(text).toContain('P1-2026-000001');
  expect(text).toContain('王小明');
});

test('the printer profile for pre-printed stock is kept, and a bad scale is refused with a Chinese message', async ({ page }) => {
  await enterApp(page, '/certificates');
  await page.getByRole('tab', { name: '打印机校准' }).click();
  await page.getByLabel('水平偏移（毫米）').fill('1.5');
  await page.getByLabel('垂直偏移（毫米）').fill('-0.8');
  await page.getByLabel('缩放比例').fill('1.2');
  await page.getByRole('button', { name: '保 存' }).click();
  await expect(page.getByText('缩放比例应在 0.9—1.1 之间')).toBeVisible();
  await page.getByLabel('缩放比例').fill('1.004');
  await page.getByRole('button', { name: '保 存' }).click();
  await expect(page.getByText('打印机设置已保存')).toBeVisible();
  await page.reload();
  await page.getByRole('tab', { name: '打印机校准' }).click();
  await expect(page.getByLabel('水平偏移（毫米）')).toHaveValue('1.5');
  await expect(page.getByLabel('缩放比例')).toHaveValue('1.004');
  await page.screenshot({ path: path.join(OUT, 'h6-printer.png'), fullPage: true });
});
