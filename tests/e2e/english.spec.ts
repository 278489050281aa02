/**
 * Issue 12 item 4 — English complete. With the UI switched to English, every main page and every
 * tab of an application (form, checklist, binding, continuing education, attachments, workflow,
 * history), validation errors included, shows no Chinese character outside what the clerk typed
 * (the seeded names, employers, addresses and training contents below, the only Chinese allowed),
 * and no internal id (a workflow state, a material or rule id, a program's P-number) anywhere.
 * Screenshots: test-results/english/*.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { getPack, programPacks } from '../../shared/programs';
import { enterApp } from './sign-in';
import { withDesk } from './seed';

const SHOTS = 'test-results/english';

// About 30 s on a quiet machine; the margin is for a busy one.
test.describe.configure({ timeout: 180_000 });

/** What the clerk typed: Chinese that stays Chinese in English. Longest first (see `clean`). */
const TYPED = [
  '新疆天山信息技术有限公司',
  '乌鲁木齐市天山区解放北路 88 号',
  '乌鲁木齐市天山区解放北路88号',
  '杭州市数据资源管理局信息中心',
  '杭州市数据资源管理局',
  '浙江大学 计算机科学与技术',
  '信息系统集成专业科目培训',
  '系统规划与管理师培训',
  '阿依古丽·买买提',
  '周文涛',
  '李明',
  '王管理',
  // Free-text fields of the P4 form (学历, 现任职务).
  '大学本科',
  '工程师',
];

/** CJK ideographs, CJK punctuation (。，、（）：；) and full-width forms. */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/**
 * The internal ids a person must never read: every workflow state and transition id and material
 * id (one with a hyphen anywhere, a one-word one like `received` as a whole text), and a
 * program's P-numbers listed as `P3、P6`.
 */
function internalIds(): string[] {
  const ids = new Set<string>();
  for (const pack of programPacks) {
    for (const workflow of Object.values(pack.workflows)) {
      for (const s of workflow?.states ?? []) ids.add(s.id);
      for (const t of workflow?.transitions ?? []) ids.add(t.id);
    }
    for (const m of pack.checklist) ids.add(m.id);
  }
  return [...ids];
}

interface Finding {
  readonly where: string;
  readonly text: string;
}

/**
 * Every visible text node, placeholder, and title/aria-label of a visible element, with the
 * clerk's typed values taken out, that still holds a CJK character or an internal id.
 */
async function scan(page: Page, where: string, typed: readonly string[], ids: readonly string[], chinese = true): Promise<Finding[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    const visible = (el: Element | null): boolean => {
      if (!el) return false;
      const he = el as HTMLElement;
      if (typeof he.checkVisibility === 'function' && !he.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
      const r = he.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      const parent = n.parentElement;
      // The seed's own words (a cite, a quote, a notice's title) are marked lang="zh-CN"; the
      // language switch names 中文 in Chinese.
      if (text === '' || !parent || parent.closest('script,style,noscript,[lang="zh-CN"]')) continue;
      if (text === '中文' && parent.closest('.ant-segmented')) continue;
      if (visible(parent)) out.push(text);
    }
    for (const el of document.querySelectorAll('[placeholder],[title],[aria-label],input,textarea')) {
      if (!visible(el)) continue;
      for (const attr of ['placeholder', 'title', 'aria-label']) {
        const v = el.getAttribute(attr);
        if (v) out.push(v);
      }
      // A value the app filled in (not one the clerk typed) is read as text too.
      if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && el.value) out.push(el.value);
    }
    return out;
  });
  const findings: Finding[] = [];
  for (const text of texts) {
    let rest = text;
    for (const t of typed) rest = rest.split(t).join(' ');
    // A citation of the seed (`002 附件4 三`, `003 48号 四`) names a Chinese document's article.
    rest = rest.replace(/\b00[0-4](?: [^\s()（）“”,;:]+){1,2}/g, ' ');
    if (chinese && CJK.test(rest)) findings.push({ where, text });
    else {
      // An id with a hyphen anywhere in a text; a one-word id (received) as a whole text.
      const id = ids.find((i) => (i.includes('-') ? new RegExp(`(^|[^\\w-])${i}($|[^\\w-])`).test(rest) : rest.trim() === i));
      if (id !== undefined) findings.push({ where, text: `${text}  [internal id ${id}]` });
      // A program's short code stands in an application number and before its name (P1 …);
      // a list of bare codes (P3、P6) is an internal id.
      else if (/\bP[1-6]\s*[、,]\s*P[1-6]\b/.test(rest)) findings.push({ where, text: `${text}  [P-numbers]` });
    }
  }
  return findings;
}

async function seed(page: Page): Promise<{ p1: string; p4: string; p5: string; p3: string }> {
  return withDesk(
    page,
    async () => {
      const d = window.__desk!;
      const ctx = await d.writeContext();
      const a = await d.repositories.people.create({ name: '阿依古丽·买买提', idNumber: '650102199001010022' }, ctx);
      const z = await d.repositories.people.create({ name: '周文涛', idNumber: '330106198206150032' }, ctx);
      const l = await d.repositories.people.create({ name: '李明', idNumber: '650102198505050013' }, ctx);
      const org = await d.repositories.organisations.create({ name: '新疆天山信息技术有限公司', creditCode: '91650100MA77XK5D1Y' }, ctx);
      const p1 = await d.repositories.applications.create(
        {
          programId: 'xj-isi-pm',
          kind: 'new',
          applicationNo: 'P1-2026-0001',
          personId: a.id,
          status: 'received',
          channel: 'unit',
          receivedDate: '2026-11-02',
          // A wrong ID number and phone: field errors show.
          fields: { name: '阿依古丽·买买提', employer: '新疆天山信息技术有限公司', idNumber: '650102199001010023', phone: '12345' },
        },
        ctx,
      );
      const p4 = await d.repositories.applications.create(
        {
          programId: 'zj-it-senior',
          kind: 'new',
          applicationNo: 'P4-2026-0001',
          personId: z.id,
          status: 'received',
          channel: 'unit',
          receivedDate: '2026-11-02',
          fields: {
            name: '周文涛',
            idNumber: '330106198206150032',
            birthMonth: '1990-01',
            employer: '杭州市数据资源管理局信息中心',
            unitNature: '社会公益类事业',
            supervisingDepartment: '杭州市数据资源管理局',
            routingVariant: 'city',
            highestEducation: '大学本科',
            graduatedFrom: '浙江大学 计算机科学与技术',
            educationOrigin: '国内',
            currentTitle: '工程师',
            continuingEducation: [{ date: '2018-05-10', category: '专业科目', content: '信息系统集成专业科目培训', hours: 40 }],
          },
        },
        ctx,
      );
      const p5 = await d.repositories.applications.create(
        {
          programId: 'rk-registration',
          kind: 'renewal',
          applicationNo: 'P5-2026-0001',
          personId: l.id,
          status: 'received',
          channel: 'counter',
          receivedDate: '2026-11-02',
          fields: {
            name: '李明',
            sex: '男',
            idNumber: '650102198505050013',
            employer: '新疆天山信息技术有限公司',
            address: '乌鲁木齐市天山区解放北路88号',
            obtainedOn: '2020-05-01',
            continuingEducation: [{ date: '2024-03-01', mode: '脱产', content: '系统规划与管理师培训', approvedHours: 30 }],
          },
        },
        ctx,
      );
      const p3 = await d.repositories.applications.create(
        { programId: 'xj-si-annual', kind: 'annual-review', applicationNo: 'P3-2026-0001', organisationId: org.id, status: 'filling', channel: 'unit', receivedDate: '2026-11-02', fields: {} },
        ctx,
      );
      return { p1: p1.id, p4: p4.id, p5: p5.id, p3: p3.id };
    },
    undefined,
  );
}

test('English: no Chinese outside what the clerk typed and no internal id, on every page and tab', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T09:30:00+08:00'));
  await enterApp(page, '/intake');
  const apps = await seed(page);
  await page.locator('header').getByText('English', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const ids = internalIds();
  const findings: Finding[] = [];
  const look = async (where: string, shot = false): Promise<void> => {
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(150);
    findings.push(...(await scan(page, where, TYPED, ids)));
    if (shot) await page.screenshot({ path: `${SHOTS}/${where.replace(/[^\w-]+/g, '_')}.png`, fullPage: true });
  };
  const SHOT = new Set(['/intake', 'p1-form', 'p4-education', 'p4-workflow', 'p5-form', 'p5-education', 'p3-form']);

  for (const path of ['/intake', '/organisations', '/review', '/panel', '/certificates', '/rosters', '/import', '/audit', '/sync', '/users', '/calendar', '/agencies', '/settings']) {
    await page.goto(`/#${path}`);
    await expect(page.getByRole('navigation')).toBeVisible();
    await look(path, SHOT.has(path));
  }
  for (const [program, id] of Object.entries(apps)) {
    // The tabs this application has (binding and continuing education only where the pack asks).
    await page.goto(`/#/applications/${id}?tab=form`);
    // A hash change keeps the previous file's tabs on screen until this one loads: load afresh,
    // so the tabs read below are this application's.
    await page.reload();
    await expect(page.getByRole('tab').first()).toBeVisible();
    const tabs = await page.locator('.ant-tabs-tab[data-node-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-node-key')!));
    expect(tabs).toEqual(expect.arrayContaining(['form', 'checklist', 'attachments', 'workflow', 'history']));
    for (const tab of tabs) {
      if (tab !== 'form') await page.goto(`/#/applications/${id}?tab=${tab}`);
      await expect(page.locator(`.ant-tabs-tab-active[data-node-key="${tab}"]`)).toBeVisible();
      await look(`${program}-${tab}`, SHOT.has(`${program}-${tab}`));
    }
  }
  // 新建申请 with a wrong ID number and phone typed: the field errors in English.
  await page.goto('/#/intake/new');
  await expect(page.locator('#new-program')).toBeFocused();
  await page.keyboard.type('P5');
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('#new-kind')).toBeFocused();
  await page.keyboard.press('Enter');
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: /^Registration$/ })
    .click();
  await page.locator('#new-idNumber').fill('650102198505050014');
  await page.locator('#new-phone').fill('12345');
  await page.locator('#new-address').click();
  await expect(page.getByText('check digit does not match').first()).toBeVisible();
  await look('new-application', true);
  expect(findings.map((f) => `${f.where}: ${f.text}`).join('\n')).toBe('');

  // In Chinese, no internal id either.
  await page.locator('header').getByText('中文', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const zhFindings: Finding[] = [];
  for (const [program, id] of Object.entries(apps)) {
    for (const tab of ['form', 'checklist', 'workflow', 'history']) {
      await page.goto(`/#/applications/${id}?tab=${tab}`);
      await expect(page.getByRole('tab').first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      zhFindings.push(...(await scan(page, `zh ${program}-${tab}`, TYPED, ids, false)));
      if (tab === 'workflow') await page.screenshot({ path: `${SHOTS}/zh-${program}-${tab}.png`, fullPage: true });
    }
  }
  expect(zhFindings.map((f) => `${f.where}: ${f.text}`).join('\n')).toBe('');
});

test('English: a refused file says why in English, not in the rule\'s Chinese', async ({ page }) => {
  await enterApp(page, '/import');
  await page.locator('header').getByText('English', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('The file holds').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Roster of recommended candidates' }).first().click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles({ name: 'roster.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('%PDF-1.7\n1 0 obj\n') });
  // shared/import/open.ts refuses it with 这是 PDF 文件，不是表格。…; the clerk reads it in English.
  const error = page.getByTestId('import-file-error');
  await expect(error).toContainText('This is a PDF file, not a spreadsheet. Choose an Excel (.xlsx) or CSV file.');
  await expect(error).toContainText('Nothing on the desk was changed.');
  expect(await error.innerText()).not.toMatch(CJK);
  expect((await scan(page, 'import-refused', TYPED, internalIds())).map((f) => `${f.where}: ${f.text}`).join('\n')).toBe('');
});

// The packs named in this spec exist (a renamed program must not make the test pass vacuously).
test('English: the seeded programs are packs', () => {
  for (const id of ['xj-isi-pm', 'zj-it-senior', 'rk-registration', 'xj-si-annual']) expect(getPack(id)).toBeDefined();
});
