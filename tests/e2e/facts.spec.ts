/**
 * Issue 12 acceptance — one fact, one place. A P4 file whose continuing-education hours are typed
 * on the 申请表's own table only (none on the 继续教育 tab) shows the engine's verdict on that tab;
 * its 自评分 is the 自评分表's total on the form and in the exported 花名册 (the 70 typed on the
 * form before the sheet counts for nothing); and the application's own 资格审查通过，进入公示
 * button creates the publicity record. The clock is fixed (Monday 2026-11-23).
 * Screenshots: test-results/facts/*.png.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { evaluateChecklist } from '../../shared/engine/checklist';
import { getPack } from '../../shared/programs';
import { ROUTING_VARIANTS } from '../../shared/workflow/routing';
import { enterApp } from './sign-in';
import { withDesk } from './seed';

const SHOTS = 'test-results/facts';

test.describe.configure({ timeout: 180_000 });

/** A 市属单位 applicant, everything the 花名册 prints filled in. */
const FIELDS = {
  name: '周文涛',
  idNumber: '330106198206150032',
  birthMonth: '1982-06',
  employer: '杭州市数据资源管理局信息中心',
  unitNature: '社会公益类事业',
  supervisingDepartment: '杭州市数据资源管理局',
  routingVariant: 'city',
  specialty: '系统集成',
  highestEducation: '大学本科',
  graduatedFrom: '浙江大学 计算机科学与技术',
  highestEducationIsEngineering: true,
  educationObtainedOn: '2004-07',
  educationOrigin: '国内',
  currentTitle: '工程师',
  currentTitleObtainedOn: '2012-12',
  appointedOn: '2013-03',
  engineeringWorkYears: 15,
  annualAssessments: [
    { year: 2016, result: '优秀' },
    { year: 2017, result: '合格' },
    { year: 2018, result: '合格' },
  ],
  // Typed before the 自评分表 was filled in: the sheet's total (85) is the 自评分 from now on.
  selfScore: 70,
  meetsSeniorityConditions: false,
  socialInsuranceYearsInZhejiang: 3,
  hasCollectiveProjects: false,
  isUnitTechnicalLead: false,
  isProjectTechnicalLead: false,
  // 002 六(三): the 2019 round judges 2018 — 72 h 专业科目 + 20 h 一般公需, typed on the form only.
  continuingEducation: [
    { date: '2018-05-10', category: '专业科目', content: '信息系统集成专业科目培训', hours: 72 },
    { date: '2018-09-10', category: '一般公需', content: '一般公需科目培训', hours: 20 },
  ],
};

test('P4: 申请表上的学时、自评分表合计和进入公示，各只在一处', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T09:30:00+08:00'));
  await enterApp(page, '/intake');
  const checklist = evaluateChecklist(getPack('zj-it-senior')!, 'new', FIELDS, []);
  const materials = checklist.lines.filter((l) => l.required).map((l) => ({ itemId: l.item.id, copies: l.copiesRequired }));
  const appId = await withDesk(
    page,
    async ({ fields, materials, levels }) => {
      const d = window.__desk!;
      const ctx = await d.writeContext();
      const person = await d.repositories.people.create({ name: fields.name, idNumber: fields.idNumber }, ctx);
      const app = await d.repositories.applications.create(
        {
          programId: 'zj-it-senior',
          kind: 'new',
          applicationNo: 'P4-2026-FACT-0001',
          personId: person.id,
          status: 'received',
          channel: 'unit',
          receivedDate: '2026-11-02',
          fields,
          // 50 + 35 with proof, 10 without (counts 0): 85.
          selfScore: {
            items: [
              { id: 'a', name: '业绩成果', maxScore: 60, claimed: 50, hasEvidence: true },
              { id: 'b', name: '论文著作', maxScore: 40, claimed: 35, hasEvidence: true },
              { id: 'c', name: '获奖情况', maxScore: 20, claimed: 10, hasEvidence: false },
            ],
          },
        },
        ctx,
      );
      for (const m of materials) {
        await d.repositories.materials.create(
          { applicationId: app.id, itemId: m.itemId, status: 'received', copiesReceived: m.copies, originalVerifiedBy: '王管理', originalVerifiedOn: '2026-11-02' },
          ctx,
        );
      }
      for (const [i, level] of levels.entries()) {
        await d.repositories.routingOpinions.create({ applicationId: app.id, level, opinion: 'pass', note: '', on: `2026-11-0${3 + i}` }, ctx);
      }
      return app.id;
    },
    { fields: FIELDS, materials, levels: [...ROUTING_VARIANTS.city.levels] },
  );

  // ---- 继续教育: nothing typed on the tab, the form's 92 hours judged for the round's year.
  await page.goto(`/#/applications/${appId}?tab=education`);
  await expect(page.getByTestId('education-verdict')).toContainText('继续教育学时符合要求（合计92学时）。');
  await expect(page.getByTestId('education-years')).toHaveText('本轮核查年度：2018年');
  await expect(page.getByTestId('education-from-form')).toContainText('申请表上填写的学时（2 条，共 92 学时');
  await page.screenshot({ path: `${SHOTS}/education-from-form.png`, fullPage: true });

  // ---- 申请表: the 自评分 field shows the sheet's total, read-only.
  await page.goto(`/#/applications/${appId}?tab=form`);
  const score = page.locator('#app-selfScore');
  await expect(score).toHaveValue('85');
  await expect(score).toBeDisabled();
  await expect(page.getByTestId('score-total')).toContainText('85');

  // ---- 办理: the pass button asks for the publicity and creates its record.
  await page.goto(`/#/applications/${appId}?tab=workflow`);
  await page.locator('[data-transition="pass-check"]').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('公示标题')).toHaveValue('浙江省信息技术专业高级工程师职务任职资格评审（2019 年度）公示');
  await dialog.getByLabel('公示标题').fill('2026年度信息技术高级工程师评审前公示');
  await expect(dialog.getByLabel('公示开始日期')).toHaveValue('2026年11月23日');
  await page.screenshot({ path: `${SHOTS}/pass-to-publicity.png`, fullPage: true });
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(dialog).toBeHidden();
  const publicities = await withDesk(page, async (id) => (await window.__desk!.db.publicities.toArray()).filter((p) => p.applicationIds.includes(id)), appId);
  expect(publicities.map((p) => [p.title, p.startedOn, p.endsOn])).toEqual([['2026年度信息技术高级工程师评审前公示', '2026-11-23', '2026-11-27']]);
  await page.reload();
  await expect(page.getByText('尚未公示')).toHaveCount(0);

  // ---- 花名册: the same 85, as a number.
  await page.goto('/#/rosters');
  await page.locator('#roster-unit').fill('杭州市数据资源管理局');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-zj-roster').click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('花名册')!;
  const header = (text: string): number => {
    for (let c = 1; c <= ws.columnCount; c++) if (ws.getCell(3, c).text === text || ws.getCell(4, c).text === text) return c;
    throw new Error(`no column ${text}`);
  };
  let rowNo = 0;
  ws.eachRow((row, r) => {
    if (row.getCell(header('姓名')).text === '周文涛') rowNo = r;
  });
  expect(rowNo).toBeGreaterThan(4);
  expect(ws.getCell(rowNo, header('自评分')).value).toBe(85);
  expect(ws.getCell(rowNo, header('毕业院校及专业')).text).toBe('浙江大学 计算机科学与技术');
  expect(ws.getCell(rowNo, header('出生年月')).type).toBe(ExcelJS.ValueType.Date);
});

/** Three applicants on the desk: a transliterated Uyghur name, a near neighbour in the index, and 张伟 with an employer on the form. */
async function seedSearch(page: Page): Promise<void> {
  await enterApp(page, '/intake');
  await withDesk(
    page,
    async () => {
      const d = window.__desk!;
      const ctx = await d.writeContext();
      const a = await d.repositories.people.create({ name: '阿依古丽·买买提', idNumber: '650102199001010022' }, ctx);
      const b = await d.repositories.people.create({ name: '阿依努尔·吐尔逊', idNumber: '650102199203040028' }, ctx);
      const c = await d.repositories.people.create({ name: '张伟', idNumber: '65020319880712001X' }, ctx);
      await d.repositories.applications.create(
        { programId: 'xj-isi-pm', kind: 'new', applicationNo: 'P1-2026-3896-0003', personId: a.id, status: 'received', channel: 'unit', receivedDate: '2026-11-02', fields: { employer: '新疆天山信息技术有限公司' } },
        ctx,
      );
      await d.repositories.applications.create(
        { programId: 'xj-isi-pm', kind: 'new', applicationNo: 'P1-2026-3896-0004', personId: b.id, status: 'received', channel: 'unit', receivedDate: '2026-11-03', fields: {} },
        ctx,
      );
      await d.repositories.applications.create(
        { programId: 'xj-isi-pm', kind: 'new', applicationNo: 'P1-2026-3896-0005', personId: c.id, status: 'received', channel: 'unit', receivedDate: '2026-11-04', fields: { employer: '克拉玛依市人民医院' } },
        ctx,
      );
    },
    undefined,
  );
  await page.reload();
}

/** Types `typed` into 查找 and expects exactly one application: `name`'s, numbered `number`. */
async function findsOne(page: Page, typed: string, name: string, number: string): Promise<void> {
  const results = page.getByTestId('application-results');
  await page.getByLabel('查找', { exact: true }).fill(typed);
  await expect(results.getByRole('row'), typed).toHaveCount(2); // header + the one applicant
  await expect(results.getByRole('row').nth(1), typed).toContainText(name);
  await expect(results.getByRole('row').nth(1), typed).toContainText(number);
}

test('检索：买买提、阿依古丽.买买提（五种间隔号写法）、大小写不同的拼音首字母 找到申请人', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T09:30:00+08:00'));
  await seedSearch(page);
  // The later part of the name, and the name with each of the five separators clerks type (or none).
  for (const typed of ['买买提', '阿依古丽.买买提', '阿依古丽买买提', '阿依古丽•买买提', '阿依古丽・买买提', '阿依古丽 买买提']) {
    await findsOne(page, typed, '阿依古丽·买买提', 'P1-2026-3896-0003');
  }
  // Pinyin initials and full pinyin, in any case: 张伟 zw, 阿依古丽·买买提 aygl / mmt.
  await findsOne(page, 'zw', '张伟', 'P1-2026-3896-0005');
  await findsOne(page, 'ZhangWei', '张伟', 'P1-2026-3896-0005');
  await findsOne(page, 'AYGL', '阿依古丽·买买提', 'P1-2026-3896-0003');
  await findsOne(page, 'mmt', '阿依古丽·买买提', 'P1-2026-3896-0003');
  await page.screenshot({ path: `${SHOTS}/search-pinyin.png`, fullPage: true });
});

test('检索：申请编号的一部分 3896-0003、流水号 0004 和工作单位名称 找到申请人', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T09:30:00+08:00'));
  await seedSearch(page);
  await findsOne(page, '3896-0003', '阿依古丽·买买提', 'P1-2026-3896-0003');
  await findsOne(page, '0004', '阿依努尔·吐尔逊', 'P1-2026-3896-0004');
  // The employer typed on the form (所在单位), whole or from a word on.
  await findsOne(page, '新疆天山信息技术有限公司', '阿依古丽·买买提', 'P1-2026-3896-0003');
  await findsOne(page, '天山信息', '阿依古丽·买买提', 'P1-2026-3896-0003');
  await findsOne(page, '克拉玛依市人民医院', '张伟', 'P1-2026-3896-0005');
  await findsOne(page, '人民医院', '张伟', 'P1-2026-3896-0005');
  await page.screenshot({ path: `${SHOTS}/search-number-part.png`, fullPage: true });
});
