/**
 * The desk refuses what the server refuses: every string of every record schema passes the one
 * text check (no NUL, no other control character except tab and line breaks in multi-line
 * fields, no lone surrogate), and every text field's length comes from the one limits table,
 * with its Chinese message.
 */
import { describe, expect, it } from 'vitest';
import { checkText, textLength, textProblem, unstorableTextIn } from '../../../shared/model/text';
import { fieldLimit, TEXT_LIMITS, tooLongMessage } from '../../../shared/model/limits';
import { syncedRecordSchemas, type SyncedTable } from '../../../shared/model/records';
import { isStorableText } from '../../../server/push';

const base = {
  id: '01937b2c-0000-7000-8000-000000000001',
  createdAt: '2026-11-22T02:00:00.000Z',
  createdBy: 'clerk-1',
  updatedAt: '2026-11-22T02:00:00.000Z',
  updatedBy: 'clerk-1',
};
const REF = '01937b2c-0000-7000-8000-000000000002';

/** One valid record of each synced table, with every optional text field filled. */
const SAMPLES: Record<SyncedTable, Record<string, unknown>> = {
  people: { ...base, name: '张三', idNumber: '11010519491231002X', phone: '13900000000', note: '备注' },
  organisations: { ...base, name: '某某公司', creditCode: '91350100M000100Y43', address: '福州市', contact: '李四', phone: '0591-1234567' },
  applications: {
    ...base,
    programId: 'p4',
    kind: 'new',
    applicationNo: 'P4-2026-000001',
    status: 'received',
    channel: 'counter',
    receivedDate: '2026-11-22',
    fields: { title: '工程师', history: ['2001 入职'] },
    previousCertificate: { certificateNo: 'XJPM-2020-000001', validUntil: '2026-12-31' },
    selfScore: { items: [{ id: 'a1', name: '学历', maxScore: 10, claimed: 8, hasEvidence: true }], seniority: { meets: true, reason: '1986 年前参加工作' } },
  },
  materials: { ...base, applicationId: REF, itemId: 'id-card', status: 'rejected', copiesReceived: 1, rejectReason: '不清晰', originalVerifiedBy: '王五', note: '补交' },
  educationRecords: { ...base, personId: REF, date: '2026-11-01', mode: '面授', category: '公需', content: '继续教育', hoursTenths: 80 },
  reviews: { ...base, applicationId: REF, stage: 'panel', reviewer: '赵六', opinion: '同意', outcome: 'pass', scores: { a1: 8 } },
  certificates: {
    ...base,
    certificateNo: 'XJPM-2026-000001',
    programId: 'p4',
    applicationKind: 'new',
    issuedOn: '2026-11-22',
    status: 'valid',
    details: { qualificationName: '高级工程师' },
    category: 'tech',
    level: 'IETS-3',
  },
  attachments: { ...base, kind: 'scan', fileName: '身份证.jpg', mimeType: 'image/jpeg', size: 10, sha256: 'a'.repeat(64), itemId: 'contract', rowKey: 'row-1' },
  users: { ...base, username: 'li', displayName: '李经办', role: 'clerk', passwordHash: 'pbkdf2-sha256$600000$AAAA', passwordSalt: 'BBBB' },
  workflowEvents: {
    ...base,
    applicationId: REF,
    transitionId: 'accept',
    from: 'received',
    to: 'checking',
    on: '2026-11-22',
    role: 'clerk',
    reason: '齐全',
    opinion: '同意',
    decision: '受理',
    returnTo: 'unit',
    scores: { a1: 1 },
    panel: [{ stage: 'panel', resultId: REF, sessionId: REF, outcome: 'pass', scoreTenths: 850, signedOffOn: '2026-11-22' }],
    override: { reason: '主任批准', waived: ['材料未齐'] },
  },
  routingOpinions: { ...base, applicationId: REF, level: 'unit', opinion: 'pass', note: '同意', on: '2026-11-22' },
  objections: { ...base, applicationId: REF, raisedOn: '2026-11-22', raisedBy: '群众', content: '有异议', status: 'settled', settledOn: '2026-11-23', settlement: '已核实', upheld: false },
  publicities: { ...base, programId: 'p4', title: '2026年第一批公示', startedOn: '2026-11-22', endsOn: '2026-11-29', applicationIds: [REF] },
  calendarYears: {
    ...base,
    year: 2027,
    holidays: [{ date: '2027-01-01', name: '元旦' }],
    adjustedWorkdays: [{ date: '2027-02-07', name: '春节调休' }],
    source: '国办发明电〔2026〕7号',
  },
  experts: { ...base, name: '钱七', unit: '某某大学', specialties: ['软件工程'], phone: '13900000001', email: 'q@example.org', userId: 'expert-1', note: '备注' },
  panelSessions: {
    ...base,
    programId: 'p4',
    title: '2026年评审会',
    stages: ['panel'],
    date: '2026-12-01',
    venue: '第一会议室',
    chairId: REF,
    memberIds: [REF],
    applicationIds: [REF],
    defence: [{ applicationId: REF, order: 1, start: '09:00', end: '09:30', room: '第一答辩室' }],
  },
  panelRecusals: { ...base, sessionId: REF, applicationId: REF, expertId: REF, kind: 'manual', basis: 'declared', reason: '同事' },
  scoresheets: {
    ...base,
    sessionId: REF,
    applicationId: REF,
    stage: 'panel',
    expertId: REF,
    scoresTenths: { a1: 80 },
    opinion: '同意',
    recommendation: 'recommend',
    status: 'draft',
    enteredBy: 'clerk-1',
    onBehalfOf: REF,
  },
  panelBallots: { ...base, sessionId: REF, applicationId: REF, stage: 'panel', issued: 5, agree: 4, disagree: 1, abstain: 0 },
  panelResults: {
    ...base,
    sessionId: REF,
    applicationId: REF,
    stage: 'panel',
    outcome: 'pass',
    computed: 'undecided',
    totals: [],
    flags: ['ballot-tie'],
    ruling: { outcome: 'pass', reason: '主任委员裁定' },
    opinion: '同意',
    basis: [],
    signedOffBy: REF,
    signedOffByUser: 'expert-1',
    signedOffAt: '2026-12-01T08:00:00.000Z',
    signedOffOn: '2026-12-01',
  },
  importBatches: {
    ...base,
    programId: 'p4',
    kind: 'roster',
    fileName: '花名册.xlsx',
    sheetName: 'Sheet1',
    importedOn: '2026-11-22',
    rowsRead: 1,
    rowsImported: 1,
    rowsExcluded: 0,
    rowsFixed: 0,
    peopleCreated: 1,
    peopleLinked: 0,
    applicationsCreated: 0,
    certificatesCreated: 0,
    targetApplicationId: REF,
    tableField: 'managers',
    tableRowsAdded: 1,
    status: 'imported',
  },
  evaluationAgencies: {
    ...base,
    programId: 'p6',
    name: '某某评价机构',
    creditCode: '91350100M000100Y43',
    scope: 'local',
    region: '福建省',
    registeredOn: '2020-01-01',
    standing: 'active',
    note: '备注',
  },
  evaluators: { ...base, agencyId: REF, name: '孙八', idNumber: '11010519491231002X', fullTime: true, contract: 'labour', standing: 'active' },
  agencyAudits: { ...base, applicationId: REF, stage: 'agency-review', agencyId: REF, kind: 'on-site', on: '2026-11-22', evaluatorIds: [REF], findings: '符合要求', passed: true },
  certificateEvents: {
    ...base,
    certificateId: REF,
    kind: 'suspended',
    on: '2026-11-22',
    role: 'admin',
    ground: 'false-materials',
    outcome: 'suspend',
    reason: '材料不实',
    evidence: '举报材料',
    via: '评价机构',
  },
};

/** Every path to a string in a value (object keys of score sheets and form answers too). */
function stringPaths(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; key: boolean }[] {
  if (typeof value === 'string') return [{ path, key: false }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => [
      ...(path.length > 0 && ['scores', 'fields', 'scoresTenths', 'details'].includes(String(path[0])) ? [{ path: [...path, k], key: true }] : []),
      ...stringPaths(v, [...path, k]),
    ]);
  }
  return [];
}

function withString(record: Record<string, unknown>, at: { path: (string | number)[]; key: boolean }, change: (s: string) => string): Record<string, unknown> {
  const copy = structuredClone(record);
  let node: Record<string | number, unknown> = copy;
  for (const step of at.path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  const last = at.path.at(-1)!;
  if (at.key) {
    const value = node[last];
    delete node[last];
    node[change(String(last))] = value;
  } else node[last] = change(node[last] as string);
  return copy;
}

describe('every string of every record schema', () => {
  it.each(Object.keys(SAMPLES) as SyncedTable[])('%s: the sample is valid', (table) => {
    const parsed = syncedRecordSchemas[table].safeParse(SAMPLES[table]);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  const cases = (Object.keys(SAMPLES) as SyncedTable[]).flatMap((table) =>
    stringPaths(SAMPLES[table])
      .filter((p) => !['createdAt', 'updatedAt'].includes(String(p.path[0])))
      .map((p) => [table, p] as const),
  );

  it.each(cases)('%s %j refuses NUL, a control character and a lone surrogate', (table, at) => {
    for (const bad of ['\u0000', '\u0007', '\ud83d', '\ude00']) {
      const record = withString(SAMPLES[table], at, (s) => `${s.slice(0, 1)}${bad}${s.slice(1)}`);
      expect(syncedRecordSchemas[table].safeParse(record).success).toBe(false);
      // …exactly what the server refuses (NUL and surrogates; controls are the desk's own rule).
      if (bad !== '\u0007') expect(isStorableText(record)).toBe(false);
    }
  });

  it('multi-line fields keep tab and line breaks; one-line fields do not', () => {
    const note = { ...SAMPLES.people, note: '第一行\r\n第二行\t缩进' };
    expect(syncedRecordSchemas.people.safeParse(note).success).toBe(true);
    const name = syncedRecordSchemas.people.safeParse({ ...SAMPLES.people, name: '张\n三' });
    expect(name.error?.issues[0]?.message).toBe('姓名含有看不见的控制字符，无法保存，请删除后重新输入');
    const form = syncedRecordSchemas.applications.safeParse({ ...SAMPLES.applications, fields: { history: '2001\n2005' } });
    expect(form.success).toBe(true);
  });

  it('an emoji whole is one character and fine; cut in half it is refused, naming the field', () => {
    expect(syncedRecordSchemas.people.safeParse({ ...SAMPLES.people, name: '张三😀' }).success).toBe(true);
    const cut = syncedRecordSchemas.people.safeParse({ ...SAMPLES.people, name: '张三\ud83d' });
    expect(cut.error?.issues).toEqual([expect.objectContaining({ path: ['name'], message: '姓名含有不完整的字符（如被截断的表情符号），无法保存，请删除后重新输入' })]);
  });
});

describe('the limits table', () => {
  const FIELDS: readonly [SyncedTable, string, number, string][] = [
    ['people', 'name', 50, '姓名过长（最多50个字）'],
    ['people', 'note', 2000, '备注过长（最多2000个字）'],
    ['organisations', 'name', 100, '单位名称过长（最多100个字）'],
    ['organisations', 'address', 200, '地址过长（最多200个字）'],
    ['organisations', 'contact', 50, '联系人过长（最多50个字）'],
    ['workflowEvents', 'opinion', 4000, '意见过长（最多4000个字）'],
    ['reviews', 'opinion', 4000, '评审意见过长（最多4000个字）'],
    ['objections', 'content', 4000, '异议内容过长（最多4000个字）'],
    ['routingOpinions', 'note', 2000, '审核意见过长（最多2000个字）'],
    ['publicities', 'title', 200, '公示标题过长（最多200个字）'],
    ['attachments', 'fileName', 200, '文件名过长（最多200个字）'],
    ['users', 'displayName', 50, '姓名过长（最多50个字）'],
    ['experts', 'unit', 100, '工作单位过长（最多100个字）'],
    ['panelSessions', 'title', 100, '评审会名称过长（最多100个字）'],
    ['scoresheets', 'opinion', 4000, '评审意见过长（最多4000个字）'],
    ['evaluationAgencies', 'name', 100, '评价机构名称过长（最多100个字）'],
    ['agencyAudits', 'findings', 4000, '审核发现过长（最多4000个字）'],
    ['certificateEvents', 'reason', 4000, '理由过长（最多4000个字）'],
    ['calendarYears', 'source', 200, '依据过长（最多200个字）'],
  ];

  it.each(FIELDS)('%s.%s: %i characters fit, one more is refused (%s)', (table, field, max, message) => {
    const schema = syncedRecordSchemas[table];
    expect(schema.safeParse({ ...SAMPLES[table], [field]: '字'.repeat(max) }).success).toBe(true);
    const over = schema.safeParse({ ...SAMPLES[table], [field]: '字'.repeat(max + 1) });
    expect(over.error?.issues).toEqual([expect.objectContaining({ path: [field], message })]);
    expect(fieldLimit(table as never, field as never).max).toBe(max);
  });

  it('a 2,000-character name is refused (it broke the tables)', () => {
    const parsed = syncedRecordSchemas.people.safeParse({ ...SAMPLES.people, name: '名'.repeat(2000) });
    expect(parsed.error?.issues[0]?.message).toBe('姓名过长（最多50个字）');
  });

  it('counts characters, not UTF-16 units: 50 emoji are a 50-character name', () => {
    expect(syncedRecordSchemas.people.safeParse({ ...SAMPLES.people, name: '😀'.repeat(50) }).success).toBe(true);
    expect(textLength('😀😀')).toBe(2);
  });

  it('a form answer is limited too', () => {
    const parsed = syncedRecordSchemas.applications.safeParse({ ...SAMPLES.applications, fields: { essay: 'x'.repeat(4001) } });
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['fields', 'essay'], message: '申请表填写内容过长（最多4000个字）' });
  });

  it('every limit fits in what the wire protocol carries (20,000 UTF-16 units per string)', () => {
    for (const fields of Object.values(TEXT_LIMITS)) for (const limit of Object.values(fields)) expect(limit.max * 2).toBeLessThanOrEqual(20_000);
    expect(tooLongMessage(TEXT_LIMITS.people.name)).toBe('姓名过长（最多50个字）');
  });
});

describe('the text check itself', () => {
  it.each([
    ['张三', 'line', null],
    ['a\u0000b', 'line', 'nul'],
    ['a\u0000b', 'multiline', 'nul'],
    ['a\tb', 'line', 'control'],
    ['a\tb', 'multiline', null],
    ['a\nb', 'multiline', null],
    ['a\u001bb', 'multiline', 'control'],
    ['a\u007fb', 'line', 'control'],
    ['\ud83d\ude00', 'line', null],
    ['\ud83d', 'line', 'surrogate'],
    ['\ude00x', 'line', 'surrogate'],
  ] as const)('%j as %s → %s', (text, kind, problem) => {
    expect(textProblem(text, kind)).toBe(problem);
  });

  it('finds the first bad string in a nested value, keys included', () => {
    expect(unstorableTextIn({ a: ['ok', { b: 'x\u0000' }] })).toEqual({ path: 'a.1.b', problem: 'nul' });
    expect(unstorableTextIn({ ['k\ud800']: 1 })).toEqual({ path: '', problem: 'surrogate' });
    expect(unstorableTextIn({ a: 'fine\n' })).toBeNull();
    expect(checkText('a\u0000', '姓名')).toEqual({ ok: false, error: { code: 'text.nul', message: '姓名含有空字符（U+0000），无法保存，请删除后重新输入' } });
  });
});
