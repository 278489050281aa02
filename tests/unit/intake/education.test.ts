/**
 * intake/education: rows of the hours card, hours in tenths, refused in Chinese when they cannot
 * be counted; the engine's per-year / per-cycle verdict follows every change.
 */
import './env';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/src/db';
import { addEducation, formatHours, parseHours, removeEducation, updateEducation } from '../../../renderer/src/features/applications/education';
import { emptyDatabase, evaluated, newApplication, P4_FIELDS, signIn } from './file-fixtures';

beforeEach(async () => {
  signIn();
  await emptyDatabase();
});

const educationMessages = async (id: string, today: string): Promise<string[]> =>
  (await evaluated(id, today)).evaluation.eligibility.findings.filter((f) => f.code.startsWith('education')).map((f) => f.message);

describe('parseHours', () => {
  it.each<[string | number, number]>([
    ['2.5', 25],
    ['3', 30],
    ['0.5', 5],
    ['2.50', 25],
    ['１２．５', 125],
    ['8学时', 80],
    [40, 400],
    [1.5, 15],
  ])('%s → %i tenths', (raw, tenths) => {
    expect(parseHours(raw)).toBe(tenths);
  });

  it.each<[string | number, string]>([
    ['2.3', '只能是整数或半学时'],
    ['2.05', '只能是整数或半学时'],
    [2.25, '只能是整数或半学时'],
    ['', '请填写核准学时'],
    ['0', '须大于 0'],
    ['-2', '应为数字'],
    ['两', '应为数字'],
  ])('refuses %s', (raw, message) => {
    expect(() => parseHours(raw)).toThrow(message);
  });

  it('formats tenths back', () => {
    expect(formatHours(25)).toBe('2.5');
    expect(formatHours(900)).toBe('90');
  });
});

describe('P4 rows and the per-year verdict', () => {
  it('rows belong to the applicant; the engine names each year and limit until met', async () => {
    const app = await newApplication('zj-it-senior', 'new', P4_FIELDS);
    const today = '2026-03-23';
    expect(await educationMessages(app.id, today)).toContain('2018年：继续教育共 0 学时，每年不少于 90 学时，差 90 学时。');

    const row = await addEducation(app.id, { date: '20180301', mode: '网络', content: '信息系统集成', category: '专业科目', hours: '60' });
    expect(row).toMatchObject({ personId: app.personId, applicationId: app.id, date: '2018-03-01', hoursTenths: 600 });
    let messages = await educationMessages(app.id, today);
    expect(messages).toContain('2018年：继续教育共 60 学时，每年不少于 90 学时，差 30 学时。');
    expect(messages).toContain('2018年：行业公需和一般公需科目共 0 学时，不少于 18 学时，差 18 学时。');
    expect(messages.some((m) => m.startsWith('2018年：专业科目'))).toBe(false);

    await addEducation(app.id, { date: '2018年6月1日', mode: '面授', content: '行业公需课', category: '行业公需', hours: '29.5' });
    await addEducation(app.id, { date: '2018-09-01', mode: '', content: '一般公需课', category: '一般公需', hours: '0.5' });
    messages = await educationMessages(app.id, today);
    // The 2019 round judges 2018 only (002 六(三) 自 2018 年起; materials close 2019-09-30).
    expect(messages).toEqual(['继续教育学时符合要求（合计90学时）。']);
  });

  it('refuses a category not in the program\'s list, and a bad date, writing nothing', async () => {
    const app = await newApplication('zj-it-senior', 'new', P4_FIELDS);
    await expect(addEducation(app.id, { date: '2018-03-01', mode: '', content: '课程', category: '其他', hours: '2' })).rejects.toThrow(
      '科目类别须为专业科目、行业公需、一般公需之一',
    );
    await expect(addEducation(app.id, { date: '2018-02-30', mode: '', content: '课程', category: '专业科目', hours: '2' })).rejects.toThrow();
    await expect(addEducation(app.id, { date: '2018-03-01', mode: '', content: ' ', category: '专业科目', hours: '2' })).rejects.toThrow('请填写学习内容');
    expect(await db.educationRecords.count()).toBe(0);
  });

  it('update and remove change what the engine counts', async () => {
    const app = await newApplication('zj-it-senior', 'new', P4_FIELDS);
    const row = await addEducation(app.id, { date: '2018-03-01', mode: '', content: '课程', category: '专业科目', hours: '10' });
    await updateEducation(app.id, row.id, { date: '2018-03-01', mode: '', content: '课程', category: '专业科目', hours: '12.5' });
    expect(await educationMessages(app.id, '2026-03-23')).toContain('2018年：专业科目共 12.5 学时，不少于 60 学时，差 47.5 学时。');
    await removeEducation(row.id);
    expect(await educationMessages(app.id, '2026-03-23')).toContain('2018年：专业科目共 0 学时，不少于 60 学时，差 60 学时。');
  });
});

describe('P5 rows: modes from the program, the cycle verdict', () => {
  it('the mode must be one of the program\'s; a full cycle meets the requirement', async () => {
    const app = await newApplication('rk-registration', 'renewal', {}, { previousCertificate: { issuedOn: '2023-06-01', validUntil: '2026-05-31' } });
    await expect(addEducation(app.id, { date: '2023-07-01', mode: '网课', content: '课程', hours: '40' })).rejects.toThrow('学习方式须为脱产、半脱产、业余、在岗之一');
    await addEducation(app.id, { date: '2023-07-01', mode: '脱产', content: '软件工程', hours: '60' });
    await addEducation(app.id, { date: '2024-07-01', mode: '业余', content: '项目管理', hours: '60' });
    let messages = await educationMessages(app.id, '2026-03-23');
    expect(messages).toContain('第3年（2025年06月01日至2026年05月31日）：继续教育共 0 学时，每年不少于 40 学时，差 40 学时。');
    await addEducation(app.id, { date: '2025-07-01', mode: '在岗', content: '新技术', hours: '60' });
    messages = await educationMessages(app.id, '2026-03-23');
    expect(messages).toEqual(['继续教育学时符合要求（合计180学时）。']);
  });

  it('an application without an applicant cannot take rows', async () => {
    const app = await newApplication('rk-registration', 'renewal', {});
    await db.applications.update(app.id, { personId: undefined });
    await expect(addEducation(app.id, { date: '2023-07-01', mode: '脱产', content: '课程', hours: '4' })).rejects.toThrow('没有关联申请人');
  });
});
