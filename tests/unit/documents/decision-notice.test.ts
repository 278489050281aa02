/**
 * 注销登记公告 (003 十、十一) and the notice of a revocation through the agency (004 第十九条、
 * 第二十条): the ground as the rulebook words it, the decision day, and the appeal deadline.
 */
import { describe, expect, it } from 'vitest';
import { buildDecisionNoticePdf } from '../../../shared/documents/intake/decision-notice';
import { expectFail } from '../rules/expect-result';
import * as fx from './fixtures';
import { builtPdf, loadFonts } from './helpers';

describe('注销登记公告 / 撤销证书通知', () => {
  it('003 十一: the cancellation notice names the ground and the 30 days to appeal with the last day', async () => {
    const { body } = await builtPdf('cancellation-notice', (fonts, hooks) =>
      buildDecisionNoticePdf(
        {
          decision: 'cancelled',
          office: fx.office,
          certificateNo: 'RK-2024-000002',
          holderName: '周强',
          programName: '计算机技术与软件专业技术资格（水平）证书登记',
          decidedOn: '2026-12-07',
          ground: '脱离专业技术岗位连续二年以上',
          groundCite: '003 47号 十',
          noticeOn: '2026-12-07',
          appealDeadline: '2027-01-06',
          appealDays: 30,
          appealCite: '003 47号 十一',
        },
        fonts,
        hooks,
      ),
    );
    expect(body).toContain('注销登记公告');
    expect(body).toContain('RK-2024-000002');
    expect(body).toContain('因“脱离专业技术岗位连续二年以上”（003 47号 十）'.replace(/\s+/g, ''));
    expect(body).toContain('决定自2026年12月07日起注销其证书登记');
    expect(body).toContain('自本公告发布之日起30日内（即2027年01月06日前）申请复议');
  });

  it('004 第二十条: a revocation is sent through the agency; a notice dated before the decision is refused', async () => {
    const input = {
      decision: 'revoked' as const,
      office: fx.office,
      certificateNo: 'IETS-2025-000009',
      holderName: '新疆某信息技术有限公司',
      programName: '信息化工程与技术服务能力评价',
      decidedOn: '2026-12-01',
      ground: '提供虚假材料或隐瞒有关情况',
      noticeOn: '2026-12-03',
      via: '新疆某评价机构',
    };
    const { body } = await builtPdf('revocation-notice', (fonts, hooks) => buildDecisionNoticePdf(input, fonts, hooks));
    expect(body).toContain('撤销证书通知');
    expect(body).toContain('决定自2026年12月01日起撤销其证书');
    expect(body).toContain('本通知经新疆某评价机构送达');
    expectFail(await buildDecisionNoticePdf({ ...input, noticeOn: '2026-11-30' }, loadFonts()), 'documents.fields');
  });
});
