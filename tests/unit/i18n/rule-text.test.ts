/**
 * Issue 12 item 4: the rules' Chinese sentences in English (renderer/src/i18n/rule-text.ts). The
 * English is written down here, not computed; the table itself holds no Chinese in its English,
 * and every pack's English text and enum label is English.
 */
import { describe, expect, it } from 'vitest';
import { ruleText } from '../../../renderer/src/i18n/rule-text';
import { RULE_SENTENCES } from '../../../renderer/src/i18n/rule-sentences';
import { programPacks } from '../../../shared/programs';

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

describe('ruleText', () => {
  it.each([
    ['请填写“出生年月”。', 'Please fill in "Month of birth".'],
    ['“联系电话”：手机号码应为11位，现在是5位，请核对是否多输或漏输。', '"Phone": A mobile number has 11 digits; this one has 5. Check for a digit too many or missing.'],
    ['2018年：继续教育共 40 学时，每年不少于 90 学时，差 50 学时。', '2018: 40 hours of continuing education; at least 90 a year are required, 50 short.'],
    ['2018年：专业科目共 40 学时，不少于 60 学时，差 20 学时。', '2018: 40 hours of Professional subjects; at least 60 are required, 20 short.'],
    ['未收到', 'Not received'],
    ['尚未完成逐级审核报送（材料目前在申报对象）。', 'Routing through the levels is not complete (the file is now with: Applicant).'],
    // A material name that holds the list's own separator stays one item.
    ['材料不齐全：缺少《评价申请表》、国家承认的大专或以上相关学历证书。', 'Materials incomplete: missing Evaluation application form, State-recognised college diploma or higher.'],
    ['社会公益类事业', 'Public institution: public welfare'],
    ['脱产', 'Full-time (released)'],
  ])('%s', (zh, en) => {
    expect(ruleText(zh, 'en')).toBe(en);
    expect(ruleText(zh, 'zh-CN')).toBe(zh);
  });

  it('leaves a sentence it does not know as it is', () => {
    expect(ruleText('这句话没有模板', 'en')).toBe('这句话没有模板');
  });

  it('has no Chinese in the English of its table', () => {
    expect(Object.entries(RULE_SENTENCES).filter(([, en]) => CJK.test(en))).toEqual([]);
  });

  it('finds every Chinese enum value of every pack an English label', () => {
    const missing: string[] = [];
    const walk = (v: unknown, where: string): void => {
      if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${where}[${i}]`));
      if (v === null || typeof v !== 'object') return;
      const o = v as Record<string, unknown>;
      if (typeof o.en === 'string' && CJK.test(o.en)) missing.push(`${where}.en: ${o.en}`);
      if (typeof o.value === 'string' && CJK.test(o.value) && CJK.test(ruleText(o.value, 'en'))) missing.push(`${where}: ${o.value}`);
      for (const [k, x] of Object.entries(o)) walk(x, `${where}.${k}`);
    };
    for (const pack of programPacks) walk(pack, pack.id);
    expect(missing).toEqual([]);
  });
});

describe('a refusal in English names who may', () => {
  it('translates every action and role of shared/access', async () => {
    const { ACTIONS, deniedMessage } = await import('../../../shared/access/permissions');
    for (const action of Object.keys(ACTIONS) as (keyof typeof ACTIONS)[]) {
      expect(ruleText(deniedMessage('reviewer', action), 'en')).not.toMatch(CJK);
      expect(ruleText(deniedMessage(null, action), 'en')).not.toMatch(CJK);
    }
    expect(ruleText(deniedMessage('reviewer', 'certificates.issue'), 'en')).toBe('The role reviewer may not issue and print certificates; only administrator or clerk can.');
  });
});

describe('the field checks a clerk meets most, in English', () => {
  it('reads every refusal of the ID number, phone, postal code, credit code and date checks', async () => {
    const { parseIdNumber } = await import('../../../shared/rules/id-number');
    const contact = await import('../../../shared/rules/contact');
    const { parseDateInput } = await import('../../../shared/rules/civil-date');
    const { parseCreditCode } = await import('../../../shared/rules/credit-code');
    const refusals: string[] = [];
    const add = (r: { ok: boolean; error?: { message: string } }) => {
      if (!r.ok && r.error) refusals.push(r.error.message);
    };
    for (const id of ['', '11010519491001001X0', '1101051949100100', '110105491001001', '990105194910010015', '110105189910010015', '110105194910010016']) add(parseIdNumber(id, { today: '2026-11-23' }));
    for (const m of ['', '1391234567a', '12345', '12345678901']) add(contact.parseMobile(m));
    for (const p of ['', '83000a', '8300']) add(contact.parsePostalCode(p));
    for (const c of ['', '9165']) add(parseCreditCode(c));
    for (const d of ['', '2026-13-01', '2026-02-30', 'yesterday']) add(parseDateInput(d));
    expect(refusals.length).toBeGreaterThan(15);
    expect(refusals.filter((m) => CJK.test(ruleText(m, 'en')))).toEqual([]);
  });
});

describe('threshold findings in English', () => {
  it.each([
    ['持证人员总数 30 人，乙级要求不少于 20 人，符合。', 'Certified staff 30 people: Grade B requirement at least 20 people, met.'],
    ['持证人员总数 12 人，乙级要求不少于 20 人，差 8 人。', 'Certified staff 12 people: Grade B requirement at least 20 people, 8 people short.'],
  ])('%s', (zh, en) => expect(ruleText(zh, 'en')).toBe(en));
});

describe('deadlines in English', () => {
  it.each([
    ['公示中，还剩4个工作日（2026年11月27日止）', 'On publicity: 4 working day(s) left (ends 27 Nov 2026)'],
    ['还剩12个工作日（2027年01月08日前决定）（暂定：缺少2027年工作日历，仅按周末计算）', '12 working day(s) left (decide by 8 Jan 2027) (provisional: no working-day calendar for 2027; weekends only)'],
  ])('%s', (zh, en) => expect(ruleText(zh, 'en')).toBe(en));
});
