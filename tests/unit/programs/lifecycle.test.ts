/**
 * The packs' `lifecycle` data, held to the seeds: the validity each kind gives (with the pack's
 * reading and quote where the seed is open), what is replaced and how, the closed lists of
 * grounds (stored as codes, the form's options the same list), the fraud ban, the alternatives —
 * and loadPack refusing a lifecycle that points at nothing or lets a form drift from its list.
 */
import { describe, expect, it } from 'vitest';
import { packOf } from './pack-of';
import { loadPack, type ProgramPack } from '../../../shared/programs/schema';
import { expectFail } from '../rules/expect-result';

const copy = (id: string): ProgramPack => structuredClone(packOf(id));
const refusal = (id: string, mutate: (p: ProgramPack) => void): string => {
  const p = copy(id);
  mutate(p);
  return expectFail(loadPack(p), 'pack.invalid');
};

describe('validity on issue, by kind', () => {
  it.each<[string, string, [string, string, number | undefined][]]>([
    ['000 第十五条: P1', 'xj-isi-pm', [['new', 'issued-on', 4], ['renewal', 'after-previous', 4], ['reissue', 'same-as-previous', undefined]]],
    ['000 第十六条: P2', 'xj-isi-spm', [['new,upgrade', 'issued-on', 4], ['renewal', 'after-previous', 4], ['reissue', 'same-as-previous', undefined]]],
    ['003 三: P5', 'rk-registration', [['new,renewal', 'issued-on', 3]]],
    ['004 第十五、十六、二十一、二十二条: P6', 'iets', [['new', 'issued-on', 3], ['re-evaluation', 'issued-on', 3], ['reissue,major-change', 'same-as-previous', undefined]]],
  ])('%s', (_rule, id, expected) => {
    expect(packOf(id).lifecycle?.validity?.map((v) => [v.kinds.join(), v.from, v.years])).toEqual(expected);
  });

  it('where the seed is open, the pack states its reading with the seed\'s words', () => {
    const renewal = packOf('xj-isi-pm').lifecycle?.validity?.find((v) => v.from === 'after-previous');
    expect([renewal?.cite, renewal?.quote]).toEqual(['000 第十五条一', '延续后证书有效期为 4 年']);
    expect(renewal?.reading?.en).toContain('renewing early must not lose time');
    const reeval = packOf('iets').lifecycle?.validity?.find((v) => v.kinds.includes('re-evaluation'));
    expect([reeval?.cite, reeval?.quote]).toEqual(['004 办法 第十六条', '评审通过后颁发新有效期证书']);
  });
});

describe('replacements and expiry', () => {
  it('000 第十八条 / 004 第二十一、二十二条: reissue and exchange void the old number; renewal supersedes it', () => {
    expect(packOf('xj-isi-pm').lifecycle?.replacements?.map((r) => [r.kinds.join(), r.previous, r.event])).toEqual([
      ['renewal', 'superseded', 'renewed'],
      ['reissue', 'void', 'reissued'],
    ]);
    expect(packOf('iets').lifecycle?.replacements?.map((r) => [r.kinds.join(), r.previous, r.event])).toEqual([
      ['re-evaluation', 'superseded', 'renewed'],
      ['reissue', 'void', 'reissued'],
      ['major-change', 'void', 'exchanged'],
    ]);
  });

  it('003 三 不再有效 and 004 第十七条 自动失效 lapse; 000 says nothing, so expired', () => {
    expect(packOf('rk-registration').lifecycle?.expiry).toMatchObject({ becomes: 'lapsed', unlessRenewalFiled: false, quote: '逾期未办理登记手续的证书不再有效' });
    expect(packOf('iets').lifecycle?.expiry).toMatchObject({ becomes: 'lapsed', unlessRenewalFiled: true });
    expect(packOf('xj-isi-pm').lifecycle?.expiry?.becomes).toBe('expired');
  });
});

describe('closed lists of grounds, stored as codes', () => {
  it.each<[string, string, 'deferral' | 'educationDeferral' | 'cancellation' | 'revocation', string]>([
    ['003 47号 八: four grounds for 延期登记', 'rk-registration', 'deferral', 'deferralReason'],
    ['003 48号 六: four grounds for 继续教育顺延', 'rk-registration', 'educationDeferral', 'educationDeferralReason'],
    ['003 47号 十: five grounds for 注销', 'rk-registration', 'cancellation', 'cancellationGround'],
    ['004 第十九条 and 第十七条: six grounds for 暂停或撤销', 'iets', 'revocation', 'revocationGround'],
  ])('%s: the form offers exactly the list, by code, labelled in the seed\'s words', (_rule, id, key, field) => {
    const p = packOf(id);
    const list = p.lifecycle?.[key];
    const options = p.fields.find((f) => f.id === field)?.enum;
    expect(options?.map((o) => o.value)).toEqual(list?.grounds.map((g) => g.code));
    expect(options?.map((o) => o.label?.zh)).toEqual(list?.grounds.map((g) => g.names.zh));
    for (const g of list?.grounds ?? []) expect(g.code).toMatch(/^[a-z-]+$/);
  });

  it('003 八: at most one year, requested before expiry; 48号 六: one year, no such condition', () => {
    const life = packOf('rk-registration').lifecycle;
    expect([life?.deferral?.maxYears.value, life?.deferral?.requestedBeforeExpiry?.cite]).toEqual([1, '003 47号 八']);
    expect([life?.educationDeferral?.maxYears.value, life?.educationDeferral?.requestedBeforeExpiry]).toEqual([1, undefined]);
    expect(life?.cancellation?.appealDays.value).toBe(30);
  });

  it('004 第二十条: the notice goes through the evaluation agency', () => {
    expect(packOf('iets').lifecycle?.revocation?.notice.via.zh).toBe('评价机构');
  });
});

describe('bans and alternatives', () => {
  it('002 五: three years, new applications blocked, on the fraud finding', () => {
    expect(packOf('zj-it-senior').lifecycle?.fraudBan).toMatchObject({ states: ['withdrawn-fraud'], years: { value: 3 }, blocksKinds: ['new'] });
  });

  it('000 第十五条二: a P1 holder may apply for P2 instead', () => {
    expect(packOf('xj-isi-pm').lifecycle?.alternatives?.map((a) => [a.program, a.kind])).toEqual([['xj-isi-spm', 'upgrade']]);
  });
});

describe('decisions are guarded in the workflows', () => {
  const guardsOf = (id: string, kind: string, transition: string) =>
    packOf(id).workflows[kind as 'new']?.transitions.find((t) => t.id === transition)?.guards.map((g) => g.kind);

  it.each<[string, string, string, string, string[]]>([
    ['003 48号 四 and 附件: re-registration decided on hours and a printable page', 'rk-registration', 'renewal', 'approve', ['education-met', 'printable']],
    ['003 附件: first registration on a printable page', 'rk-registration', 'new', 'approve', ['printable']],
    ['003 八: deferral decided on its dates', 'rk-registration', 'deferral', 'approve', ['eligibility-met']],
    ['003 十: cancellation on a listed ground', 'rk-registration', 'cancellation', 'cancel', ['eligibility-met']],
    // 000 第十二条 first: the panel's signed result (issue 14), then a printable certificate.
    ['000 第十四条: to 待发证 only a printable certificate', 'xj-isi-pm', 'new', 'pass', ['panel-result', 'printable']],
    ['004 第十九条: revocation on a listed ground', 'iets', 'revocation', 'revoke', ['eligibility-met']],
  ])('%s', (_rule, id, kind, transition, kinds) => {
    expect(guardsOf(id, kind, transition)).toEqual(kinds);
  });
});

describe('loadPack refuses a lifecycle that points at nothing', () => {
  it.each<[string, string, (p: ProgramPack) => void, RegExp]>([
    ['a form option out of the closed list', 'rk-registration', (p) => p.fields.find((f) => f.id === 'cancellationGround')!.enum!.pop(), /选项须依次为 incapacity、criminal-penalty/],
    ['a renewal window that does not exist', 'xj-isi-pm', (p) => (p.lifecycle!.renewal!.window = 'renew'), /续期期间“renew”未在 windows 中声明/],
    ['a print field that does not exist', 'rk-registration', (p) => p.lifecycle!.print!.fields.push('passport'), /字段“passport”不存在/],
    ['years on a same-as-previous validity', 'xj-isi-pm', (p) => (p.lifecycle!.validity![2]!.years = 4), /沿用原证书有效期时不应再给年数/],
    ['an effect on a state that is not final', 'rk-registration', (p) => p.lifecycle!.effects!.push({ kind: 'cancellation', state: 'proposed', effect: 'cancel' }), /没有终止状态“proposed”/],
    ['a fraud state that does not exist', 'zj-it-senior', (p) => (p.lifecycle!.fraudBan!.states = ['fraud']), /弄虚作假的终止状态“fraud”不存在/],
  ])('%s', (_what, id, mutate, message) => {
    expect(refusal(id, mutate)).toMatch(message);
  });
});
