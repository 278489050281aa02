/**
 * Issue 12 item 4: what the certificate lifecycle, the expert panels, the import and the document
 * builders say (all in Chinese in shared/) reads in English, through the one table of
 * renderer/src/i18n/rule-sentences.ts. The catalogue test reads every sentence those modules can
 * make from their source (message-catalogue.ts), so a new sentence without English fails here;
 * the others write the English down for sentences a clerk meets.
 */
import { describe, expect, it } from 'vitest';
import { ruleText } from '../../../renderer/src/i18n/rule-text';
import { QUARANTINE_ADVICE, QUARANTINE_MESSAGES } from '../../../renderer/src/sync/quarantine';
import { checkDeferral } from '../../../shared/rules/validity';
import { openSpreadsheet } from '../../../shared/import/open';
import { messageCatalogue } from './message-catalogue';

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

const en = (zh: string) => ruleText(zh, 'en');

describe('every sentence of the lifecycle, panels, import, documents, sync and the renderer\'s commands has its English', () => {
  it.each([
    [['shared/lifecycle', 'shared/rules/validity.ts', 'shared/model/text.ts'], 'all'],
    [['shared/panels'], 'all'],
    // synonyms.ts holds the header words a file may use: read, never shown.
    [['shared/import/csv.ts', 'shared/import/index.ts', 'shared/import/mapping.ts', 'shared/import/open.ts', 'shared/import/plan.ts', 'shared/import/rows.ts', 'shared/import/spec.ts', 'shared/import/values.ts', 'shared/import/xlsx.ts', 'shared/import/zip.ts'], 'all'],
    [['shared/documents'], 'messages'],
    // The rules, the engine and the workflow: what each refuses (their labels are the packs').
    [['shared/rules/civil-date.ts', 'shared/rules/contact.ts', 'shared/rules/credit-code.ts', 'shared/rules/education.ts', 'shared/rules/enterprise.ts', 'shared/rules/id-number.ts', 'shared/rules/money.ts', 'shared/rules/photo.ts', 'shared/rules/self-score.ts', 'shared/rules/thresholds.ts', 'shared/rules/work-calendar.ts', 'shared/rules/working-days.ts', 'shared/engine', 'shared/workflow', 'shared/access', 'shared/model'], 'messages'],
    [['shared/sync/errors.ts', 'shared/access/sign-in.ts', 'renderer/src/auth/users.ts', 'renderer/src/auth/password.ts'], 'all'],
    // The server address a desk enrols with, and the holiday notice pasted on 工作日历.
    [['shared/sync/server-url.ts', 'shared/rules/holiday-notice.ts'], 'messages'],
    // What the wire schema and the server say of a refused operation (shown under 详细原因 on 同步).
    [['shared/sync/protocol.ts', 'server/push.ts'], 'all'],
    // The renderer's own refusals (commands, workers, backup, sync): a toast shows them through useErrorText.
    [['renderer/src/features', 'renderer/src/documents', 'renderer/src/sync', 'renderer/src/backup', 'renderer/src/auth', 'renderer/src/session.ts', 'renderer/src/platform'], 'messages'],
  ] as const)('%s', (paths, mode) => {
    const catalogue = messageCatalogue(paths, mode);
    expect(catalogue.length).toBeGreaterThan(10);
    expect(catalogue.filter((e) => CJK.test(en(e.sample))).map((e) => `${e.at} ${e.sample}`)).toEqual([]);
  });
});

/** Sentences a clerk meets, by where they come from, with their English written down. */
const SENTENCES: readonly (readonly [area: string, zh: string, en: string])[] = [
  ['lifecycle', '证书RK2026001已终止，不能延期。', 'Certificate RK2026001 has ended and cannot be deferred.'],
  [
    'lifecycle',
    '须在证书有效期满前申请（003 47号 八）。该证书已于2026年03月14日到期，2026年03月20日提出的申请已逾期。',
    'This must be applied for before the certificate expires (003 No. 47 8). It expired on 14 Mar 2026; the application made on 20 Mar 2026 is late.',
  ],
  ['lifecycle', '该证书已注销，不能办理此项业务。', 'The certificate is cancelled: this cannot be done for it.'],
  ['lifecycle', '复议成立，恢复证书。', 'Appeal upheld: the certificate is reinstated.'],
  // A step refused names who may take it.
  ['workflow', '“资格审查通过，进入公示”只能由管理员或经办人办理，评审人员无权执行。', 'Only administrator or clerk can "Passes the check, to publicity"; the role reviewer may not.'],
  ['workflow', '材料目前在申报对象，单位主管部门暂不能签署意见。', "The file is now with Applicant: Unit's supervising department cannot sign an opinion yet."],
  ['panels', '出席3人，不足评审委员会7人的三分之二（至少5人），不能表决。', '3 present, fewer than two thirds of the committee of 7 (at least 5): no vote can be taken.'],
  ['panels', '建议通过与建议不通过各2份，票数相同。', 'As many recommend as not recommend (2 each): a tie.'],
  ['panels', '你的评分表已经提交，不能再修改。', 'Your score sheet has been submitted and can no longer be changed.'],
  ['panels', '你不是本次评审会的成员。', 'You are not a member of this session.'],
  // What the clerk typed (a name, an employer) stays as typed.
  ['panels', '张三须回避这份申请：专家所在单位“新疆某某公司”即申报单位。', '张三 must recuse from this application: The expert\'s employer "新疆某某公司" is the applying organisation.'],
  ['panels', '评审结果只能由本次评审会的主任委员在本人账号下签署。', "Results can be signed only by this session's chair, under their own account."],
  ['import', '第3行“身份证号码”（B列）：身份证号码应为18位，现在是17位，请核对是否多输或漏输了数字。', 'Row 3 "Resident ID number" (column B): An ID number has 18 characters; this one has 17. Check for a digit too many or missing.'],
  ['import', '证书编号与第2行相同，同一证书只能导入一次。', 'The certificate number is the same as row 2: a certificate can be imported once only.'],
  ['documents', '缩放比例应在 0.9—1.1 之间，请检查打印设置中是否选了“适合页面”。', 'The scale must be between 0.9 and 1.1: check whether "Fit to page" is chosen in the print settings.'],
  ['documents', '本机没有可用的 RK 证书编号。请联网后领取编号段再打印。', 'This desk has no RK certificate numbers left. Go online to get a block of numbers, then print.'],
  ['model', '字段 name含有看不见的控制字符，无法保存，请删除后重新输入', 'Field name holds an invisible control character and cannot be saved: delete it and type the text again'],
  ['renderer', '身份证号 110105194910010015 已登记为“王五”（出生日期 1949年10月01日），不能重复登记，请使用已有记录。', 'ID number 110105194910010015 is already registered as "王五" (born 1 Oct 1949): it cannot be registered twice; use the existing record.'],
  ['renderer', '进入公示须同时建立公示记录：请填写公示标题和开始日期后开始公示。', 'Publicity needs its publicity record: fill in the title and the start date, then start publicity.'],
  ['renderer', '开始公示：2026年第一批信息系统项目管理师', 'Publicity started: 2026年第一批信息系统项目管理师'],
  ['renderer', '这份备份来自较早的版本，恢复时会自动升级为当前格式。', 'This backup comes from an earlier version and is upgraded to the current format as it is restored.'],
  ['renderer', 'P4-2026-0001：缺少性别，无法填写证书登记申请表。', 'P4-2026-0001: The sex is missing, so the certificate registration form cannot be filled in.'],
  ['sync', '无法连接服务器，稍后会自动重试。数据已保存在本机，不会丢失；也可以导出批次文件离线传送。', 'The server cannot be reached; it will be retried by itself. The data is kept on this desk and not lost; a batch file can also be exported and carried over.'],
  ['sync', '请填写服务器地址，例如 https://sync.example.org', 'Please fill in the server address, e.g. https://sync.example.org'],
  ['calendar', '“国庆节”一项中“10月1日”注明为周三，但2026年10月1日是周四，请核对年份和日期。', 'Item "国庆节": 10/1 is marked as a Wednesday, but 10/1/2026 is a Thursday. Check the year and the date.'],
  [
    'calendar',
    '尚未录入2027年工作日历：跨入2027年的工作日期限暂按周末计算（标注“暂定”）。国务院办公厅公布2027年节假日安排后，请管理员在“工作日历”中录入。',
    'The working-day calendar of 2027 is not entered yet: periods reaching into 2027 count weekends only (marked "provisional"). When the General Office of the State Council publishes the holidays of 2027, ask the administrator to enter it under "Working-day calendar".',
  ],
  ['sign-in', '登录失败次数过多（已连续 5 次），请在 30 秒后再试。', 'Too many failed sign-ins (5 in a row): try again in 30 seconds.'],
];

describe('sentences a clerk meets, in English', () => {
  it.each(SENTENCES)('%s: %s', (_area, zh, english) => {
    expect(en(zh)).toBe(english);
    expect(ruleText(zh, 'zh-CN')).toBe(zh);
  });

  it('reads the deferral refusals of shared/rules/validity.ts', () => {
    const late = checkDeferral('2026-03-14', '2026-09-14', '2026-03-20');
    const long = checkDeferral('2026-03-14', '2027-06-01', '2026-03-01');
    expect(late.ok || en(late.error.message)).toBe('A deferral must be applied for before the certificate expires. This certificate expired on 14 Mar 2026; the application made on 20 Mar 2026 is late.');
    expect(long.ok || en(long.error.message)).toBe(
      'A deferral may not exceed 1 year(s): the certificate expires on 14 Mar 2026 and can be deferred to 14 Mar 2027 at most; 1 Jun 2027, as asked, is beyond that.',
    );
  });

  it('reads the refusal of an empty file and of a PDF (shared/import/open.ts)', () => {
    const empty = openSpreadsheet(new Uint8Array());
    const pdf = openSpreadsheet(new TextEncoder().encode('%PDF-1.7\n1 0 obj\n'));
    expect(empty.ok || en(empty.error.message)).toBe('The file is empty (0 bytes): check that the right file was chosen.');
    expect(pdf.ok || en(pdf.error.message)).toBe('This is a PDF file, not a spreadsheet. Choose an Excel (.xlsx) or CSV file.');
  });
});

describe('a change the server refused, in English', () => {
  it('gives each refusal code its own message and advice', () => {
    const codes = Object.keys(QUARANTINE_ADVICE) as (keyof typeof QUARANTINE_ADVICE)[];
    expect(codes.sort()).toEqual(['batch_too_large', 'blob_hash_mismatch', 'blob_too_large', 'forbidden_record', 'invalid_batch', 'local', 'unknown_table']);
    for (const code of codes) {
      expect(QUARANTINE_ADVICE[code]!.en).not.toMatch(CJK);
      expect(QUARANTINE_MESSAGES[code]!.en).not.toMatch(CJK);
    }
    expect(new Set(codes.map((c) => QUARANTINE_ADVICE[c]!.en)).size).toBe(codes.length);
    expect(QUARANTINE_ADVICE.unknown_table!.en).toBe('Ask the administrator to upgrade the sync server, then press Send again.');
    expect(QUARANTINE_ADVICE.blob_hash_mismatch!.en).toBe('Delete the attachment and scan or upload it again.');
  });
});
