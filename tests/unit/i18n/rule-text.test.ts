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
