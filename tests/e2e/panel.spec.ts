/**
 * 评审会 with the network off throughout (each desk's browser context offline; the app's own
 * files come from the build as the desktop shell's app:// protocol serves them). The office
 * prepares a P2 session (000 第十三条: 专家评审会及现场答辩相结合) with three experts and six
 * applications — the expert of one applicant's unit recused automatically — and hands each
 * expert's laptop its data by batch file; each expert signs in on their own desk and scores,
 * defence included; the members' files go to the chair, the chair signs (a tie flagged and
 * ruled) and prints the result list; the results file comes back to the office, twice without
 * change, and an edited copy is refused. A P4 vote short of two thirds does not pass.
 * Screenshots go to test-results/panel.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { expect, test, type Browser, type Download, type Page } from '@playwright/test';
import { withDesk } from './seed';
import { enterApp } from './sign-in';

const SHOTS = 'test-results/panel';

// A click that cannot land fails within seconds rather than at the end of this long test.
test.use({ actionTimeout: 15_000 });
const DIST = join(process.cwd(), 'dist/e2e');
const KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
const PASSWORD = 'Panel-2026-expert';
const LAPTOP_ADMIN = { username: 'kaiji', displayName: '笔记本管理员', password: 'Laptop-2026-admin' };
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.svg': 'image/svg+xml', '.json': 'application/json', '.wasm': 'application/wasm' };

/** A desk with no network: offline, its app files served from the build (as app:// does in the shell). */
async function offlineDesk(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== '127.0.0.1') return route.abort('internetdisconnected');
    const path = normalize(url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname));
    try {
      const body = await readFile(join(DIST, path));
      return route.fulfill({ body, contentType: TYPES[extname(path)] ?? 'application/octet-stream' });
    } catch {
      return route.fulfill({ status: 404, body: '' });
    }
  });
  await context.setOffline(true);
  const page = await context.newPage();
  // The session's day; the clock runs on from there (a frozen clock would keep every message on screen).
  await page.clock.install({ time: new Date('2026-12-08T09:00:00+08:00') });
  return page;
}

/** A file the app saves: PDFs and spreadsheets are built in the worker, CJK fonts embedded — slower than a click on a busy machine. */
async function saved(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), click()]);
  return { download, bytes: await readFile((await download.path())!) };
}

async function choose(page: Page, label: string, options: readonly string[]) {
  await page.getByLabel(label, { exact: true }).click();
  for (const option of options) await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  await page.keyboard.press('Tab');
}

/** A multiple select: each option clicked in the open list and seen ticked (the list moves as tags wrap). */
async function chooseMany(page: Page, label: string, options: readonly string[]) {
  await page.getByLabel(label, { exact: true }).click();
  for (const option of options) {
    const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
    await expect(async () => {
      if (!(await item.getAttribute('class'))?.includes('ant-select-item-option-selected')) await item.click();
      await expect(item).toHaveClass(/ant-select-item-option-selected/, { timeout: 1_000 });
    }).toPass({ timeout: 10_000 });
  }
  await page.keyboard.press('Tab');
}

const EXPERTS = [
  { username: 'zhang', name: '张评审', unit: '新疆信息工程学院' },
  { username: 'wang', name: '王评审', unit: '乌鲁木齐软件园' },
  { username: 'zhao', name: '赵评审', unit: '新疆天山信息技术有限公司' },
] as const;
const APPLICANTS = [
  { no: 'P2-2026-0001', name: '陈一', id: '11010519800101002X', employer: '克拉玛依油田信息中心' },
  { no: 'P2-2026-0002', name: '周二', id: '110105198001010037', employer: '伊犁电网公司' },
  { no: 'P2-2026-0003', name: '吴三', id: '110105198001010053', employer: '哈密数据服务公司' },
  { no: 'P2-2026-0004', name: '郑四', id: '110105198001010061', employer: '阿克苏信息港' },
  { no: 'P2-2026-0005', name: '孙五', id: '11010519800101008X', employer: '昌吉软件公司' },
  // The applicant of 赵评审's unit: 赵评审 sits out automatically.
  { no: 'P2-2026-0006', name: '韩六', id: '110105198001010096', employer: '新疆天山信息技术有限公司' },
] as const;
/** Per applicant, per expert (张, 王, 赵): defence points, the points given to each of the ten elements, the recommendation. */
const SCORES: readonly (readonly [number, number, 'R' | 'N'][])[] = [
  [[80, 8, 'R'], [70, 7, 'R'], [90, 9, 'R']],
  [[60, 6, 'R'], [50, 6, 'N'], [55, 6, 'R']],
  [[90, 9, 'R'], [95, 9, 'R'], [85, 9, 'R']],
  [[70, 5, 'N'], [100, 7, 'R'], [40, 9, 'R']],
  [[65, 6, 'R'], [65, 6, 'R'], [65, 6, 'R']],
  [[75, 8, 'R'], [85, 6, 'N'], [0, 0, 'R']],
];
const ELEMENTS = ['基础知识', '专业知识', '管理知识', '相关知识', '基础技能', '专业技能', '管理技能', '软技能', '专业经验', '项目经验'];

test('评审会：断网办公室安排 P2 评审会，三位专家各自在本人办事台评分（含现场答辩），结果文件带回，去掉最高最低分汇总、平票提示、打印结果清单，重复导入无变化，改过的文件被拒绝', async ({ browser }) => {
  test.setTimeout(900_000);
  // ---- The office: accounts, applications and the office key, then the session through the screens.
  const office = await offlineDesk(browser);
  await enterApp(office, '/intake');
  const appIds = await withDesk(
    office,
    async ({ experts, applicants, key, password }) => {
      const d = window.__desk!;
      await d.saveSigning(key);
      for (const e of experts) await d.createUser({ username: e.username, displayName: e.name, role: 'reviewer', password });
      const ctx = await d.writeContext();
      const ids: string[] = [];
      for (const a of applicants) {
        const person = await d.repositories.people.create({ name: a.name, idNumber: a.id }, ctx);
        const app = await d.repositories.applications.create(
          { programId: 'xj-isi-spm', kind: 'new', applicationNo: a.no, personId: person.id, status: 'awaiting-defense', channel: 'individual', receivedDate: '2026-11-02', fields: { employer: a.employer } },
          ctx,
        );
        ids.push(app.id);
      }
      return ids;
    },
    { experts: EXPERTS, applicants: APPLICANTS, key: KEY, password: PASSWORD },
  );

  await office.getByRole('navigation').getByText('评审会').click();
  await office.getByRole('tab', { name: '专家库' }).click();
  for (const e of EXPERTS) {
    await office.getByTestId('add-expert').click();
    const dialog = office.getByRole('dialog');
    await dialog.getByLabel('姓名').fill(e.name);
    await dialog.getByLabel('工作单位').fill(e.unit);
    await choose(office, '评审人员账号', [`${e.name}（${e.username}）`]);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(office.getByTestId('experts-table')).toContainText(e.name);
  }
  await expect(office.getByTestId('experts-table')).toContainText('新疆天山信息技术有限公司');
  await office.screenshot({ path: `${SHOTS}/roster.png`, fullPage: true });

  await office.getByRole('tab', { name: '评审会' }).click();
  await office.getByTestId('new-session').click();
  const form = office.getByRole('dialog');
  await choose(office, '业务', ['信息系统集成实施高级工程经理评价']);
  await form.getByLabel('现场答辩').check();
  await form.getByLabel('专家评审会').check();
  await form.getByLabel('评审会名称').fill('2026年第一次专家评审会');
  await form.getByLabel('日期').fill('2026-12-08');
  await form.getByLabel('地点').fill('协会三楼会议室');
  await chooseMany(office, '评审专家', EXPERTS.map((e) => e.name));
  await chooseMany(office, '评审的申请', APPLICANTS.map((a) => a.no));
  // Every choice shows as a tag (the program's single select shows its value apart).
  await expect(form.locator('.ant-select-selection-item')).toHaveCount(EXPERTS.length + APPLICANTS.length);
  await expect(form.getByText('信息系统集成实施高级工程经理评价', { exact: true })).toBeVisible();
  await choose(office, '主任委员', ['张评审']);
  await office.screenshot({ path: `${SHOTS}/session-form.png`, fullPage: true });
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await expect(office.getByTestId('auto-recusals')).toContainText('赵评审：专家所在单位“新疆天山信息技术有限公司”与申报人单位“新疆天山信息技术有限公司”相同。');
  await form.getByRole('button', { name: '关 闭', exact: true }).click();
  await office.getByTestId('sessions-table').getByRole('link', { name: '2026年第一次专家评审会' }).click();
  const sessionId = office.url().split('/panel/sessions/')[1]!;

  await office.getByRole('tab', { name: '回避' }).click();
  await expect(office.getByTestId('recusals-table')).toContainText('P2-2026-0006 韩六');
  await expect(office.getByTestId('recusals-table')).toContainText('自动回避（同一单位）');

  // The 现场答辩 schedule: one room, twenty minutes each, in order; the notice is saved as a PDF.
  await office.getByRole('tab', { name: '答辩安排' }).click();
  for (const [i, a] of APPLICANTS.entries()) {
    const start = `${String(9 + Math.floor((i * 20) / 60)).padStart(2, '0')}:${String((i * 20) % 60).padStart(2, '0')}`;
    const end = `${String(9 + Math.floor(((i + 1) * 20) / 60)).padStart(2, '0')}:${String(((i + 1) * 20) % 60).padStart(2, '0')}`;
    await office.getByLabel(`开始 ${a.no}`).fill(start);
    await office.getByLabel(`结束 ${a.no}`).fill(end);
    await office.getByLabel(`答辩室 ${a.no}`).fill('第一答辩室');
  }
  await office.getByTestId('save-defence').click();
  await expect(office.getByTestId('defence-pdf')).toBeEnabled();
  const notice = await saved(office, () => office.getByTestId('defence-pdf').click());
  expect(notice.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  await office.screenshot({ path: `${SHOTS}/defence.png`, fullPage: true });

  // The laptops get the office's records by batch file (同步 › 导出待同步数据).
  await office.getByRole('navigation').getByText('同步').click();
  const officeFile = await saved(office, () => office.getByRole('button', { name: '导出待同步数据' }).click());

  // ---- Each expert on their own laptop.
  const memberFiles: Buffer[] = [];
  let chair: Page | undefined;
  for (const [e, expert] of EXPERTS.entries()) {
    const laptop = await offlineDesk(browser);
    await enterApp(laptop, '/intake', LAPTOP_ADMIN);
    await withDesk(laptop, async (key) => void (await window.__desk!.saveSigning(key)), KEY);
    await laptop.getByRole('navigation').getByText('同步').click();
    await laptop.getByTestId('batch-file-input').setInputFiles({ name: 'office.json', mimeType: 'application/json', buffer: officeFile.bytes });
    await expect.poll(() => withDesk(laptop, async () => window.__desk!.db.panelSessions.count(), null)).toBe(1);
    await laptop.getByRole('button', { name: '退出登录' }).click();
    await enterApp(laptop, '/', { username: expert.username, password: PASSWORD });

    // Reviewer mode: the panel only.
    await expect(laptop.getByRole('navigation')).toContainText('评审会');
    await expect(laptop.getByRole('navigation')).not.toContainText('收件');
    await expect(laptop.getByRole('navigation')).not.toContainText('证书');
    await expect(laptop.getByRole('navigation')).not.toContainText('设置');
    // A page outside reviewer mode is refused (RequireAccess), with the way back to the panel.
    await laptop.goto('/#/certificates');
    await expect(laptop.getByText('无权打开此页面')).toBeVisible();
    await laptop.getByRole('button', { name: '前往评审会' }).click();
    await expect(laptop).toHaveURL(/#\/panel$/);
    await laptop.getByTestId('sessions-table').getByRole('link', { name: '2026年第一次专家评审会' }).click();
    await expect(laptop.getByTestId('you-are')).toContainText(e === 0 ? '主任委员' : '评审专家');

    for (const [i, a] of APPLICANTS.entries()) {
      const [defence, each, rec] = SCORES[i]![e]!;
      await laptop.goto(`/#/panel/sessions/${sessionId}/applications/${appIds[i]}`);
      if (e === 2 && i === 5) {
        await expect(laptop.getByTestId('open-refused')).toContainText('赵评审须回避这份申请');
        continue;
      }
      const defenceCard = laptop.getByTestId('stage-awaiting-defense');
      if (e === 1 && i === 0) {
        // Above the item's maximum: refused naming the item.
        await laptop.getByRole('spinbutton', { name: '得分 现场答辩' }).fill('101');
        await defenceCard.getByLabel('评审意见').fill('表达清楚。');
        await laptop.getByTestId('submit-awaiting-defense').click();
        await expect(laptop.getByTestId('sheet-error')).toContainText('第1项“现场答辩”得 101 分，超过该项满分 100 分。');
        await laptop.screenshot({ path: `${SHOTS}/above-max.png`, fullPage: true });
      }
      await laptop.getByRole('spinbutton', { name: '得分 现场答辩' }).fill(String(defence));
      await defenceCard.getByLabel('评审意见').fill(`答辩：${a.name}表达清楚。`);
      await laptop.getByTestId('submit-awaiting-defense').click();
      await expect(laptop.getByTestId('sheet-state-awaiting-defense')).toContainText('你的评分表已经提交，不能再修改。');
      const reviewCard = laptop.getByTestId('stage-expert-review');
      for (const element of ELEMENTS) await laptop.getByRole('spinbutton', { name: `得分 ${element}`, exact: true }).fill(String(each));
      await expect(laptop.getByTestId('sheet-total-expert-review')).toContainText(`合计：${each * 10} 分（满分 100 分）`);
      await reviewCard.getByLabel('评审意见').fill(`${a.name}知识结构完整。`);
      await reviewCard.getByText(rec === 'R' ? '建议通过' : '建议不通过', { exact: true }).click();
      if (e === 0 && i === 0) await laptop.screenshot({ path: `${SHOTS}/sheet.png`, fullPage: true });
      await laptop.getByTestId('submit-expert-review').click();
      await expect(laptop.getByTestId('sheet-state-expert-review')).toContainText('你的评分表已经提交，不能再修改。');
    }
    await laptop.goto(`/#/panel/sessions/${sessionId}`);
    if (e === 0) chair = laptop;
    else {
      const file = await saved(laptop, () => laptop.getByTestId('export-results').click());
      memberFiles.push(file.bytes);
      await laptop.context().close();
    }
  }

  // ---- The chair collects the members' files, sees the aggregation, rules the tie and signs.
  const c = chair!;
  for (const [i, bytes] of memberFiles.entries()) {
    const [chooser] = await Promise.all([c.waitForEvent('filechooser'), c.getByTestId('import-results').click()]);
    await chooser.setFiles({ name: `member-${i}.json`, mimeType: 'application/json', buffer: bytes });
    await expect(c.getByTestId('import-summary')).toContainText(`新增 ${i === 0 ? 12 : 10} 条`);
  }
  await c.getByRole('tab', { name: '汇总与签署' }).click();
  const aggregates = c.getByTestId('aggregates');
  const row = (no: string, stage: string) => aggregates.locator('tr', { hasText: no }).filter({ hasText: stage });
  await expect(row('P2-2026-0001', '现场答辩')).toContainText('80（去掉最高分和最低分后的平均分）');
  await expect(row('P2-2026-0001', '专家评审会')).toContainText('80（去掉最高分和最低分后的平均分）');
  await expect(row('P2-2026-0002', '现场答辩')).toContainText('55（去掉最高分和最低分后的平均分）');
  await expect(row('P2-2026-0002', '现场答辩')).toContainText('按规则：未通过');
  await expect(row('P2-2026-0004', '现场答辩')).toContainText('70（去掉最高分和最低分后的平均分）');
  await expect(row('P2-2026-0005', '现场答辩')).toContainText('65（去掉最高分和最低分后的平均分）');
  await expect(row('P2-2026-0006', '现场答辩')).toContainText('80（平均分）');
  await expect(row('P2-2026-0006', '专家评审会')).toContainText('70（平均分）');
  await expect(row('P2-2026-0006', '专家评审会')).toContainText('建议通过与建议不通过各1份，票数相同。');
  await expect(aggregates.locator('[data-flag="recommendation-tie"]')).toHaveCount(1);
  await c.screenshot({ path: `${SHOTS}/aggregates.png`, fullPage: true });
  await choose(c, '主任委员裁定 P2-2026-0006 韩六 专家评审会', ['通过']);
  await c.getByLabel('裁定理由 P2-2026-0006 韩六 专家评审会').fill('现场答辩表现突出，经合议同意通过。');
  await c.getByRole('button', { name: '全选未签署' }).click();
  await c.getByTestId('sign-off').click();
  await expect(row('P2-2026-0006', '专家评审会')).toContainText('通过（已签署）');
  await expect(row('P2-2026-0002', '现场答辩')).toContainText('未通过（已签署）');
  const pdf = await saved(c, () => c.getByTestId('results-pdf').click());
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const xlsx = await saved(c, () => c.getByTestId('results-xlsx').click());
  expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
  await c.screenshot({ path: `${SHOTS}/signed.png`, fullPage: true });
  await c.getByRole('tab', { name: '概况' }).click();
  const results = await saved(c, () => c.getByTestId('export-results').click());

  // ---- Back at the office: imported once, twice without change; an edited copy refused.
  await office.getByRole('navigation').getByText('评审会').click();
  // 导入结果文件 clicked and the file chosen, as a clerk does (never a file input of the page just left).
  const importFile = async (buffer: Buffer) => {
    const [chooser] = await Promise.all([office.waitForEvent('filechooser'), office.getByTestId('import-results').click()]);
    await chooser.setFiles({ name: 'results.json', mimeType: 'application/json', buffer });
  };
  await importFile(results.bytes);
  // 34 sheets, 12 results (the session and the recusal are the office's own).
  await expect(office.getByTestId('import-summary')).toContainText('新增 46 条，更新 0 条');
  const outbox = await withDesk(office, async () => window.__desk!.db.outbox.count(), null);
  await importFile(results.bytes);
  await expect(office.getByTestId('import-summary')).toContainText('新增 0 条，更新 0 条，未变 51 条');
  expect(await withDesk(office, async () => window.__desk!.db.outbox.count(), null)).toBe(outbox);
  const text = results.bytes.toString('utf8');
  const edited = text.replace('"defence": 950', '"defence": 1000');
  expect(edited).not.toBe(text);
  await importFile(Buffer.from(edited));
  await expect(office.getByTestId('import-error')).toContainText('文件内容与校验值不符，可能已被修改，已拒绝导入。');
  await office.screenshot({ path: `${SHOTS}/import-refused.png`, fullPage: true });

  // The office cannot type over an expert's own sheet.
  await office.goto(`/#/panel/sessions/${sessionId}/applications/${appIds[0]}`);
  await choose(office, '所代专家 现场答辩', ['王评审']);
  await expect(office.getByTestId('paper-refused')).toContainText('王评审已在本人账号下评分，不能代录或修改其评分表。');

  // The 办理 tab: the panel's step carries the signed result; nobody retypes it.
  await office.goto(`/#/applications/${appIds[0]}?tab=workflow`);
  await expect(office.getByTestId('panel-results-card')).toContainText('80 分');
  await office.locator('[data-transition="record-defense"]').click();
  await office.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
  await expect(office.getByTestId('workflow-state')).toHaveText('专家评审会');
  const carried = await withDesk(office, async (id) => (await window.__desk!.db.workflowEvents.where('applicationId').equals(id).toArray())[0]?.panel, appIds[0]!);
  expect(carried).toEqual([expect.objectContaining({ stage: 'awaiting-defense', outcome: 'pass', scoreTenths: 800 })]);
  await c.context().close();
});

test('评审会：P4 高评委表决，同意票不足出席人数三分之二的不通过', async ({ browser }) => {
  test.setTimeout(300_000);
  const page = await offlineDesk(browser);
  await enterApp(page, '/intake');
  const sessionId = await withDesk(
    page,
    async ({ password }) => {
      const d = window.__desk!;
      const experts = [];
      for (const [u, name, unit] of [['qian', '钱委员', '浙江大学'], ['sun', '孙委员', '之江实验室'], ['li', '李委员', '杭州电子科技大学']] as const) {
        const user = await d.createUser({ username: u, displayName: name, role: 'reviewer', password });
        experts.push(await d.saveExpert({ name, unit, specialties: [], userId: user.id }));
      }
      const ctx = await d.writeContext();
      const person = await d.repositories.people.create({ name: '钱明', idNumber: '11010519800101002X' }, ctx);
      const app = await d.repositories.applications.create(
        {
          programId: 'zj-it-senior',
          kind: 'new',
          applicationNo: 'P4-2026-0001',
          personId: person.id,
          status: 'panel',
          channel: 'unit',
          receivedDate: '2026-11-02',
          fields: {},
          selfScore: { items: [{ id: 'work', name: '业绩', maxScore: 70, claimed: 65, hasEvidence: true }] },
        },
        ctx,
      );
      const { session } = await d.saveSession({ programId: 'zj-it-senior', title: '2026年高评委会议', stages: ['panel'], date: '2026-12-09', venue: '杭州', chairId: experts[0]!.id, memberIds: experts.map((e) => e.id), applicationIds: [app.id] });
      await d.recordAttendance(session.id, experts.map((e) => e.id));
      // Paper sheets typed by the office on behalf of each member.
      for (const e of experts) await d.saveSheet({ sessionId: session.id, applicationId: app.id, stage: 'panel', expertId: e.id, input: { scores: { work: 60 }, opinion: '业绩属实。' }, submit: true });
      return session.id;
    },
    { password: PASSWORD },
  );
  await page.goto(`/#/panel/sessions/${sessionId}`);
  await page.getByRole('tab', { name: '汇总与签署' }).click();
  await page.getByRole('button', { name: '登记计票' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('同意', { exact: true }).fill('1');
  await dialog.getByLabel('不同意', { exact: true }).fill('2');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  const row = page.getByTestId('aggregates').locator('tr', { hasText: 'P4-2026-0001' });
  await expect(row).toContainText('出席 3，同意 1，不同意 2，弃权 0');
  await expect(row).toContainText('按规则：未通过');
  await page.screenshot({ path: `${SHOTS}/p4-vote.png`, fullPage: true });
});
