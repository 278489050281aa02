/**
 * 同步 when something needs a person: the same 身份证号 registered on two desks offline is shown
 * as one group to merge, and the merge keeps both applications under the oldest record; a change
 * the server refused for good is set aside with what to do, exported for the administrator, and
 * sent again. In English too. Screenshots go to test-results/sync-safety.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { enterApp } from './sign-in';
import { readStore } from './idb';
import { withDesk } from './seed';

const SHOTS = 'test-results/sync-safety';
const ID_NUMBER = '11010519491231002X';

test('同步：同一身份证号在两台电脑各登记一次，同步页列为重复登记；合并后两份申请都归到最早登记的人员下', async ({ page }) => {
  await enterApp(page, '/intake');
  const ids = await withDesk(
    page,
    async ({ idNumber }) => {
      const desk = window.__desk!;
      const ctx = await desk.writeContext();
      const first = await desk.createPerson({ name: '张三丰', idNumber, phone: '13900000000' }, ctx);
      await desk.createApplication({ programId: 'rk-registration', kind: 'new', channel: 'counter', receivedDate: '2026-11-20', personId: first.id, fields: {} });
      // The other desk's registration of the same person, as a pull brings it.
      const second = await desk.repositories.people.create({ name: '张三丰', idNumber }, ctx);
      await desk.createApplication({ programId: 'zj-it-senior', kind: 'new', channel: 'unit', receivedDate: '2026-11-21', personId: second.id, fields: {} });
      return { first: first.id, second: second.id };
    },
    { idNumber: ID_NUMBER },
  );

  await page.getByRole('menu').getByText('同步', { exact: true }).click();
  const group = page.getByTestId('duplicate-group');
  await expect(group).toHaveCount(1);
  await expect(group).toContainText(`身份证号 ${ID_NUMBER}`);
  await expect(group).toContainText(`身份证号 ${ID_NUMBER} 登记了 2 次（张三丰），应为同一人。`);
  await expect(group.getByText('保留', { exact: true })).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/duplicates.png`, fullPage: true });

  // antd spaces out a two-character button label (合 并).
  await group.getByRole('button', { name: /^合\s*并$/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: /^合\s*并$/ }).click();
  await expect(page.getByTestId('duplicates')).toHaveCount(0);

  const people = await readStore<{ id: string; idNumber: string; phone?: string; deleted?: boolean }>(page, 'people');
  const live = people.filter((p) => p.idNumber === ID_NUMBER && p.deleted !== true);
  expect(live.map((p) => p.id)).toEqual([ids.first]);
  expect(live[0]!.phone).toBe('13900000000');
  const applications = await readStore<{ personId: string; programId: string }>(page, 'applications');
  expect(applications.map((a) => a.personId)).toEqual([ids.first, ids.first]);
});

test('同步：服务器拒收的修改单独列出，附处理办法；可导出给管理员，也可重新发送', async ({ page }) => {
  await enterApp(page, '/intake');
  const opId = await withDesk(
    page,
    async () => {
      const desk = window.__desk!;
      await desk.createPerson({ name: '李四', idNumber: '110105194910010015' }, await desk.writeContext());
      const op = (await desk.db.outbox.orderBy('id').toArray()).at(-1)!;
      await desk.quarantineOperations(desk.db, [op], { code: 'invalid_batch', detail: 'operations.0.fields.name: 字段含有无法保存的字符' }, new Date().toISOString());
      return op.id;
    },
    undefined,
  );

  await page.getByRole('menu').getByText('同步', { exact: true }).click();
  const item = page.getByTestId('quarantine-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('申请人 · 李四（110105194910010015）');
  await expect(item).toContainText('服务器拒收了这条修改（内容不符合要求）。');
  await expect(item).toContainText('请打开该记录，改正后重新保存');
  // The fields it touched by their names on the form, never their internal names.
  await expect(item).toContainText('详细原因：姓名：字段含有无法保存的字符');
  await expect(item).toContainText('涉及：姓名、身份证号、性别、出生日期；');
  await expect(item).not.toContainText(/operations|idNumber|createdAt|updatedBy/);
  await page.screenshot({ path: `${SHOTS}/quarantine.png`, fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出给管理员' }).click()]);
  const file = JSON.parse(await readFile((await download.path())!, 'utf8')) as { format: string; operations: { id: string; message: string }[] };
  expect(file.format).toBe('association-desk-quarantine');
  expect(file.operations.map((o) => o.id)).toEqual([opId]);

  await page.locator('header').getByText('English', { exact: true }).click();
  await expect(page.getByTestId('quarantine')).toContainText('Changes that could not sync');
  // Each refusal in its own English words and advice, never its code.
  await expect(item).toContainText('The server refused this change (its content does not meet the requirements).');
  await expect(item).toContainText('Open the record, correct it and save it again');
  await expect(item).not.toContainText('invalid_batch');
  await expect(item).toContainText('Details: Name: a field holds characters that cannot be saved');
  await expect(item).toContainText('Fields: Name, ID number, Sex, Date of birth;');
  await page.screenshot({ path: `${SHOTS}/quarantine-en.png`, fullPage: true });
  await page.locator('header').getByText('中文', { exact: true }).click();

  await item.getByRole('button', { name: '重新发送' }).click();
  await expect(page.getByTestId('quarantine')).toHaveCount(0);
  const outbox = await readStore<{ id: string }>(page, 'outbox');
  expect(outbox.map((o) => o.id)).toContain(opId);
});
