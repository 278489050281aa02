/**
 * The page tests/bench/intake.bench.ts drives in Chromium: the real renderer database, its
 * repositories and the intake search, over a desk seeded with generated people, organisations and
 * applications (bulkAdd straight into the tables: seeding is not what is measured). Each
 * measurement runs `performance.now()` around the real call, in the page.
 */
import type { Application, Organisation, Person } from '../../../shared/model/records';
import { getPack, PROGRAM_IDS } from '../../../shared/programs';
import type { ApplicationKindId } from '../../../shared/programs/schema';
import { computeIdCheckChar } from '../../../shared/rules/id-number';
import { computeCreditCodeCheckChar } from '../../../shared/rules/credit-code';
import { db, deviceId, repositories } from '../../../renderer/src/db';
import { newId } from '../../../renderer/src/db/ids';
import { formatApplicationNo } from '../../../renderer/src/features/applications/numbers';
import { searchApplications } from '../../../renderer/src/features/applications/search';
import { programId as pid, stateId as sid } from '../../unit/typed-ids';
import { seededRandom } from '../../unit/seeded-random';
import { pinyin } from 'pinyin-pro';

// A deterministic generator, so runs compare.
const { rand, int, pick } = seededRandom(20261122);

/** Surnames roughly by frequency (王 李 张 刘 陈 lead), so short name prefixes are realistically broad. */
const SURNAMES = [
  ...'王王王王王王王李李李李李李李张张张张张张刘刘刘刘刘陈陈陈陈杨杨杨黄黄赵赵吴吴周周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
  '欧阳',
  '司马',
  '买买提',
];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉宇浩凯健俊帆帅旭宁婷雪琳晨阳欣怡子涵梓轩浩然雨桐思远建国志强海燕丽娟文博天佑嘉怡佳琪雅静'];
const UYGHUR_GIVEN = ['阿依古丽', '古丽娜尔', '迪丽热巴', '阿布都', '艾尔肯', '热依拉', '努尔', '帕提古丽'];
const UYGHUR_FAMILY = ['买买提', '艾力', '吐尔逊', '阿不都拉', '依明', '卡德尔', '热合曼', '托合提'];
const ORG_WORDS = [...'新疆乌鲁木齐昌吉克拉玛依伊犁浙江杭州宁波温州天山丝路博达华信云联数安智科恒通瑞达鼎盛'];
const ORG_SUFFIX = ['信息技术有限公司', '软件股份有限公司', '网络科技有限公司', '系统集成有限责任公司', '数据服务有限公司', '（集团）有限公司'];
const REGIONS = ['650102', '650103', '650104', '650105', '652301', '650202', '654002', '330106', '330102', '330212', '330302', '110105', '310104', '440305', '510107', '420106', '610113', '320102'];
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function idNumber(): { idNumber: string; birthDate: string; sex: 'male' | 'female' } {
  const year = 1955 + int(46);
  const month = 1 + int(12);
  const day = 1 + int(28);
  const seq = int(1000);
  const birth = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  const first17 = `${pick(REGIONS)}${birth}${String(seq).padStart(3, '0')}`;
  return {
    idNumber: first17 + computeIdCheckChar(first17)!,
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    sex: seq % 2 === 1 ? 'male' : 'female',
  };
}

function creditCode(): string {
  let body = `91${pick(REGIONS)}`;
  while (body.length < 17) body += CREDIT_ALPHABET[int(CREDIT_ALPHABET.length)];
  return body + computeCreditCodeCheckChar(body)!;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const randomDate = (fromYear: number, years: number): string => `${fromYear + int(years)}-${pad2(1 + int(12))}-${pad2(1 + int(28))}`;

interface Seeded {
  people: number;
  organisations: number;
  applications: number;
  ms: number;
}

const state = { ids: [] as string[], names: [] as string[], numbers: [] as string[], employers: [] as string[] };

const STAMP = '2026-01-05T02:00:00.000Z';
const base = (): { id: string; createdAt: string; createdBy: string; updatedAt: string; updatedBy: string } => ({
  id: newId(),
  createdAt: STAMP,
  createdBy: 'bench',
  updatedAt: STAMP,
  updatedBy: 'bench',
});

/**
 * People, organisations and applications over every program, kind and state of its workflow,
 * generated and stored a chunk at a time (a million applications do not fit in the page at once).
 * The database writes each row's search keys as it is added (renderer/src/db/search-keys.ts).
 */
async function seed(nApplications: number): Promise<Seeded> {
  try {
    return await seedDesk(nApplications);
  } catch (error) {
    // A DexieError crosses page.evaluate as its bare name: say what it was.
    const e = error as { name?: string; message?: string; inner?: { name?: string; message?: string } };
    throw new Error(`seeding failed: ${e.name ?? ''} ${e.message ?? ''} ${e.inner ? `(${e.inner.name ?? ''} ${e.inner.message ?? ''})` : ''}`, { cause: error });
  }
}

async function seedDesk(nApplications: number): Promise<Seeded> {
  const started = performance.now();
  await db.open();
  const stored = await db.applications.count();
  if (stored >= nApplications) return resume(stored, started);
  if (stored > 0) throw new Error(`the profile holds ${stored} applications, fewer than ${nApplications}: use a fresh BENCH_PROFILE`);
  const chunk = 5000;
  const nPeople = Math.round(nApplications * 0.7);
  const nOrgs = Math.round(nApplications * 0.03);
  const peopleIds: string[] = [];
  const peopleNames: string[] = [];
  const peopleIdNumbers: string[] = [];
  const seenIds = new Set<string>();
  let batch: Person[] = [];
  while (peopleIds.length < nPeople) {
    const id = idNumber();
    if (seenIds.has(id.idNumber)) continue;
    seenIds.add(id.idNumber);
    // Some Uyghur names with the interpunct, as on ID cards in Xinjiang.
    const name = rand() < 0.1 ? `${pick(UYGHUR_GIVEN)}·${pick(UYGHUR_FAMILY)}` : pick(SURNAMES) + pick(GIVEN) + (rand() < 0.7 ? pick(GIVEN) : '');
    const person: Person = { ...base(), name, ...id, phone: `139${String(int(1e8)).padStart(8, '0')}` };
    batch.push(person);
    peopleIds.push(person.id);
    peopleNames.push(name);
    peopleIdNumbers.push(id.idNumber);
    if (batch.length === chunk) {
      await db.people.bulkAdd(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await db.people.bulkAdd(batch);
  seenIds.clear();
  const organisations: Organisation[] = [];
  for (let i = 0; i < nOrgs; i++) {
    const name = `${pick(ORG_WORDS)}${pick(ORG_WORDS)}${pick(ORG_WORDS)}${pick(ORG_WORDS)}${pick(ORG_SUFFIX)}`;
    organisations.push({ ...base(), name, creditCode: creditCode(), address: '乌鲁木齐市天山区某路88号', contact: pick(peopleNames), phone: '0991-1234567' });
  }
  for (let i = 0; i < organisations.length; i += chunk) await db.organisations.bulkAdd(organisations.slice(i, i + chunk));
  const device = await deviceId();
  const sequences = new Map<string, number>();
  const withApplications = new Set<number>();
  let apps: Application[] = [];
  for (let i = 0; i < nApplications; i++) {
    const programId = pick(PROGRAM_IDS);
    const pack = getPack(programId)!;
    const kind = pick(pack.applicationKinds).id;
    const states = pack.workflows[kind as ApplicationKindId]?.states ?? [];
    const status = states.length > 0 ? pick(states).id : 'received';
    const receivedDate = randomDate(2019, 8);
    const year = Number(receivedDate.slice(0, 4));
    const seqKey = `${programId}.${year}`;
    const seq = (sequences.get(seqKey) ?? 0) + 1;
    sequences.set(seqKey, seq);
    let applicant: { personId: string } | { organisationId: string };
    if (pack.applicantKind === 'person') {
      const who = int(peopleIds.length);
      withApplications.add(who);
      applicant = { personId: peopleIds[who]! };
    } else {
      applicant = { organisationId: pick(organisations).id };
    }
    const employer = pick(organisations).name;
    const applicationNo = formatApplicationNo(programId, year, device, seq);
    if (i % 100 === 0) {
      state.numbers.push(applicationNo);
      state.employers.push(employer);
    }
    apps.push({
      ...base(),
      programId: pid(programId),
      kind,
      applicationNo,
      ...applicant,
      status: sid(status),
      channel: pick(['unit', 'individual', 'counter', 'post'] as const),
      receivedDate,
      fields: {
        employer,
        position: '项目经理',
        education: pick(['本科', '硕士研究生', '大专']),
        major: '计算机科学与技术',
        workStart: randomDate(1980, 30).slice(0, 7),
        phone: `139${String(int(1e8)).padStart(8, '0')}`,
        address: '乌鲁木齐市沙依巴克区某某街道某某小区3号楼2单元501室',
        remarks: '材料齐全，原件已核验。',
      },
    });
    if (apps.length === chunk) {
      await db.applications.bulkAdd(apps);
      apps = [];
    }
  }
  if (apps.length > 0) await db.applications.bulkAdd(apps);
  // Searches sample people who have applications (a clerk looks for someone on file).
  for (const who of withApplications) {
    state.ids.push(peopleIdNumbers[who]!);
    state.names.push(peopleNames[who]!);
  }
  return { people: peopleIds.length, organisations: organisations.length, applications: nApplications, ms: Math.round(performance.now() - started) };
}

/**
 * A desk seeded by an earlier run (BENCH_PROFILE kept): the values searched for are sampled from
 * what is stored — numbers and employers of applications, ID numbers and names of their people.
 */
async function resume(stored: number, started: number): Promise<Seeded> {
  const sample = await db.applications.limit(20_000).toArray();
  const personIds: string[] = [];
  for (const app of sample) {
    state.numbers.push(app.applicationNo);
    const employer = app.fields.employer;
    if (typeof employer === 'string') state.employers.push(employer);
    if (app.personId !== undefined) personIds.push(app.personId);
  }
  for (const person of await db.people.bulkGet(personIds)) {
    if (person === undefined) continue;
    state.ids.push(person.idNumber);
    state.names.push(person.name);
  }
  return { people: await db.people.count(), organisations: await db.organisations.count(), applications: stored, ms: Math.round(performance.now() - started) };
}

/** A random prefix of a random real value, at least `min` characters. */
function prefixOf(values: readonly string[], min: number): string {
  const value = pick(values);
  const length = Math.min(value.length, min + int(value.length - min + 1));
  return value.slice(0, length);
}

/** What a clerk types for a name: a prefix as stored, another separator, the later part, pinyin initials or full pinyin. */
function nameQuery(): string {
  const name = pick(state.names);
  const way = rand();
  const parts = name.split('·');
  if (parts.length > 1 && way < 0.4) return way < 0.2 ? parts[1]! : parts.join(pick(['.', '•', '・', ' ', '']));
  if (way < 0.6) return prefixOf([name], 1);
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true });
  if (way < 0.8) return prefixOf([syllables.map((x) => x[0]).join('')], 1);
  return prefixOf([syllables.join('')], 2);
}

/** A part of an application number as read out: the serial, desk tag and serial, year and desk tag. */
function numberQuery(): string {
  const [, year, tag, serial] = pick(state.numbers).split('-');
  const way = int(3);
  return way === 0 ? serial! : way === 1 ? `${tag}-${serial}` : `${year}-${tag}`;
}

/** A word of an employer's name: from a character on, two to six characters. */
function employerQuery(): string {
  const name = pick(state.employers);
  const from = int(name.length - 2);
  return name.slice(from, from + 2 + int(5));
}

async function timeSearches(
  query: () => string,
  n: number,
): Promise<{ times: number[]; lengths: number[]; rows: number; empty: number }> {
  const times: number[] = [];
  const lengths: number[] = [];
  let rows = 0;
  let empty = 0;
  for (let i = 0; i < n; i++) {
    const typed = query();
    const t0 = performance.now();
    const result = await searchApplications(typed);
    times.push(performance.now() - t0);
    lengths.push(typed.length);
    rows += result.length;
    if (result.length === 0) empty += 1;
  }
  return { times, lengths, rows, empty };
}

async function timeSaves(n: number): Promise<number[]> {
  const ctx = { userId: 'bench-clerk', deviceId: await deviceId() };
  const people = await db.people.limit(n).toArray();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const input = {
      programId: 'rk-registration',
      kind: 'new' as const,
      applicationNo: formatApplicationNo('rk-registration', 2026, ctx.deviceId, 900_000 + i),
      personId: people[i % people.length]!.id,
      status: 'received',
      channel: 'counter' as const,
      receivedDate: '2026-11-22',
      fields: { employer: '新疆某某信息技术有限公司', education: '本科', phone: '13912345678', remarks: '现场收件' },
    };
    const t0 = performance.now();
    await repositories.applications.create(input, ctx);
    times.push(performance.now() - t0);
  }
  return times;
}

const bench = {
  seed,
  searchIds: (n: number) => timeSearches(() => prefixOf(state.ids, 1), n),
  searchNames: (n: number) => timeSearches(nameQuery, n),
  searchNumbers: (n: number) => timeSearches(numberQuery, n),
  searchEmployers: (n: number) => timeSearches(employerQuery, n),
  saves: timeSaves,
};

declare global {
  interface Window {
    intakeBench?: typeof bench;
  }
}

window.intakeBench = bench;

