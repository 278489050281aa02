/**
 * Review documents (PDF): 评审表/评分表 from the pack's scoring sheet (P1/P2 000 第九条) and with P4
 * self-score items; the P6 评价报告和推荐意见; P5 注销登记公布 and the P6 撤销证书通知. Each: pdf-lib
 * parse, qpdf, pdftotext character check, fonts embedded once, page 1 rendered.
 */
import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildScoringSheetPdf, scoringDimensionsOf } from '../../../shared/documents/review/scoring-sheet';
import { buildIetsEvaluationReportPdf, IETS_ASPECTS } from '../../../shared/documents/review/iets-report';
import { buildIetsRevocationNoticePdf, buildRkCancellationNoticePdf, RK_CANCELLATION_GROUNDS } from '../../../shared/documents/review/cancellation-notice';
import { getPack } from '../../../shared/programs';
import { expectFail } from '../rules/expect-result';
import { office } from './fixtures';
import { builtPdf, loadFonts } from './helpers';

const pages = async (bytes: Uint8Array) => (await PDFDocument.load(bytes)).getPageCount();

describe('评审表 (scoring sheet)', () => {
  it('P1: a row per 000 第九条 element under 知识、技能、经验, with score and remark columns and signature lines', async () => {
    const sheet = getPack('xj-isi-pm')?.scoring;
    if (!sheet) throw new Error('P1 has a scoring sheet');
    const dimensions = scoringDimensionsOf(sheet);
    expect(dimensions.map((d) => d.name)).toEqual(['知识', '技能', '经验']);
    const { bytes, body } = await builtPdf('review-scoring-p1', (fonts, hooks) =>
      buildScoringSheetPdf(
        {
          title: '评审表',
          office,
          programName: '信息系统集成实施工程经理评价',
          applicationNo: 'XJPM-A-2026-000042',
          applicantName: '阿依古丽·买买提',
          applicantUnit: '新疆天山云数据科技有限公司',
          dimensions,
          bases: ['从业人员的知识、技能、经验等要素要求（000 第九条）。'],
          printedOn: '2026-11-22',
        },
        fonts,
        hooks,
      ),
    );
    expect(await pages(bytes)).toBe(1);
    for (const element of ['基础知识', '专业知识', '管理知识', '相关知识', '基础技能', '专业技能', '管理技能', '软技能', '专业经验', '项目经验']) {
      expect(body).toContain(element);
    }
    expect(body).toContain('评审专家（签字）');
    expect(body).toContain('阿依古丽·买买提');
  });

  it('P4: the imported items with maximum points and the self-score, totals and the pass line', async () => {
    const { body } = await builtPdf('review-scoring-p4', (fonts, hooks) =>
      buildScoringSheetPdf(
        {
          title: '评审打分表',
          office: { name: '浙江省软件行业协会' },
          programName: '浙江省信息技术专业高级工程师职务任职资格评审',
          applicationNo: 'ZJ-2019-000007',
          applicantName: '王小明',
          dimensions: [
            {
              name: '量化评价',
              items: [
                { name: '学历资历', maxScore: 20, claimed: 16 },
                { name: '专业技术工作业绩', maxScore: 50, claimed: 41.5 },
                { name: '论文著作', maxScore: 30, claimed: 18 },
              ],
            },
          ],
          passScore: 80,
          claimedLabel: '自评分',
          itemsNote: '《信息技术专业高级工程师任职资格量化评价标准》',
        },
        fonts,
        hooks,
      ),
    );
    for (const shown of ['自评分', '41.5', '合计', '100', '75.5', '合格分数线：80分。']) expect(body).toContain(shown);
  });

  it('needs dimensions', async () => {
    expectFail(
      await buildScoringSheetPdf({ title: '评审表', office, programName: 'x', applicationNo: 'A', applicantName: '张三', dimensions: [] }, loadFonts()),
      'documents.fields',
    );
  });
});

describe('P6 评价报告和推荐意见', () => {
  it('lists the four aspects, the conclusion and the recommendation, signed by the agency', async () => {
    const { body } = await builtPdf('review-iets-report', (fonts, hooks) =>
      buildIetsEvaluationReportPdf(
        {
          reportNo: 'PJ-2026-0031',
          agency: '新疆信息化工程与技术服务能力评价中心',
          organisationName: '新疆天山云数据科技有限公司',
          creditCode: '91650100MA78XYZ12Q',
          category: '信息化工程与技术服务能力评价（系统集成）',
          level: '三级',
          basis: '团体标准 T/TMAC 033.F—2021《信息化工程与技术服务能力要求》及相关评价规则。',
          reviewedOn: { from: '2026-10-12', to: '2026-10-30' },
          aspects: IETS_ASPECTS.map((name, i) => ({ name, finding: `${name}符合三级要求，证明材料齐全。`, score: 20 + i, maxScore: 25 })),
          conclusion: '经文件资料审核和现场审核，该组织的四个方面均达到三级要求。',
          recommendation: '推荐授予信息化工程与技术服务能力三级证书。',
          evaluators: ['李建国', '张丽华'],
          issuedOn: '2026-11-02',
        },
        fonts,
        hooks,
      ),
    );
    for (const aspect of IETS_ASPECTS) expect(body).toContain(aspect);
    expect(body).toContain('推荐授予信息化工程与技术服务能力三级证书。');
    expect(body).toContain('23/25');
    expect(body).toContain('新疆信息化工程与技术服务能力评价中心（盖章）');
  });

  it('refuses a report without a conclusion', async () => {
    expectFail(
      await buildIetsEvaluationReportPdf(
        {
          reportNo: 'R',
          agency: 'A',
          organisationName: 'O',
          creditCode: 'C',
          category: 'K',
          basis: 'B',
          reviewedOn: { from: '2026-01-01', to: '2026-01-02' },
          aspects: [{ name: '基本能力', finding: '符合' }],
          conclusion: ' ',
          recommendation: '推荐',
          evaluators: [],
          issuedOn: '2026-01-03',
        },
        loadFonts(),
      ),
      'documents.fields',
    );
  });
});

describe('cancellation and revocation notices', () => {
  it('P5 注销登记公布 lists each cancelled registration with its ground and the 30 days for 复议', async () => {
    const { body } = await builtPdf('review-rk-cancellation', (fonts, hooks) =>
      buildRkCancellationNoticePdf(
        {
          registrar: '新疆维吾尔自治区计算机专业技术资格证书登记实施机构',
          publishedOn: '2026-11-22',
          items: [
            { name: '王小明', qualification: '系统分析师', certificateNo: 'R2019000123', ground: RK_CANCELLATION_GROUNDS[2] },
            { name: '阿依古丽·买买提', qualification: '网络工程师', certificateNo: 'R2020000456', ground: RK_CANCELLATION_GROUNDS[1] },
          ],
        },
        fonts,
        hooks,
      ),
    );
    expect(body).toContain('脱离专业技术岗位连续二年以上');
    expect(body).toContain('R2020000456');
    expect(body).toContain('注销登记公布之日（2026年11月22日）起30日内');
  });

  it('P6 撤销证书通知 goes through the agency and says how to ask for 复议', async () => {
    const { body } = await builtPdf('review-iets-revocation', (fonts, hooks) =>
      buildIetsRevocationNoticePdf(
        {
          centre: '中国技术市场协会信息化工程与技术服务能力评价中心',
          agency: '新疆信息化工程与技术服务能力评价中心',
          organisationName: '新疆天山云数据科技有限公司',
          certificateNo: 'IETS-2026-000031',
          category: '信息化工程与技术服务能力评价',
          ground: '年度评审不合格且整改期满仍未达到要求',
          decidedOn: '2026-11-10',
          issuedOn: '2026-11-12',
        },
        fonts,
        hooks,
      ),
    );
    expect(body).toContain('IETS-2026-000031');
    expect(body).toContain('应通过本评价机构向评价中心提出复议申请');
    expectFail(await buildIetsRevocationNoticePdf({ centre: 'C', agency: 'A', organisationName: 'O', certificateNo: 'N', category: 'K', ground: '', decidedOn: '2026-01-01', issuedOn: '2026-01-01' }, loadFonts()), 'documents.fields');
  });
});
