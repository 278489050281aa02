/**
 * The engine API over 100,000 generated applications (issue: < 2 s on this machine). The mix
 * follows an office's year: mostly P4 files (the heaviest: 30 fields, 27 materials, binding,
 * education, self-score) and P5 registrations, with every state of their workflows. A baseline
 * in the same run: the checklist alone, to show where the time goes.
 */
import { evaluateApplication, type ApplicationInput } from '../../shared/engine/evaluate';
import { evaluateChecklist } from '../../shared/engine/checklist';
import { getPack } from '../../shared/programs';
import type { ProgramPack } from '../../shared/programs/schema';
import { CN_OFFICIAL_CALENDAR_YEARS } from '../../shared/rules/calendars';
import { createWorkCalendar } from '../../shared/rules/work-calendar';

const N = Number(process.env.BENCH_N ?? 100_000);
const cal = createWorkCalendar(CN_OFFICIAL_CALENDAR_YEARS);
if (!cal.ok) throw new Error(cal.error.message);
const p4 = getPack('zj-it-senior') as ProgramPack;
const p5 = getPack('rk-registration') as ProgramPack;

// A deterministic generator, so runs compare.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

function check17(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return first17 + '10X98765432'[[...first17].reduce((s, d, i) => s + Number(d) * w[i]!, 0) % 11]!;
}

function p4Application(i: number): { pack: ProgramPack; app: ApplicationInput } {
  const year = 1960 + (i % 30);
  const fields = {
    name: `申报人${i}`,
    idNumber: check17(`330106${year}0${1 + (i % 9)}1${i % 10}${String(i % 1000).padStart(3, '0')}`.slice(0, 17)),
    birthMonth: `${year}-05`,
    employer: '浙江某单位',
    unitNature: pick(p4.fields.find((f) => f.id === 'unitNature')!.enum!.map((o) => o.value)),
    remarks: '说明',
    supervisingDepartment: '某某局',
    routingVariant: pick(['county', 'city', 'provincial', 'private-talent-centre', 'private-local']),
    specialty: pick(['技术开发', '应用电子', '信息安全', '系统集成']),
    highestEducation: '大学本科',
    highestEducationIsEngineering: true,
    educationObtainedOn: `${year + 22}-07`,
    educationOrigin: pick(['国内', '国内', '国外']),
    currentTitle: '工程师',
    currentTitleObtainedOn: '2010-12',
    appointedOn: '2011-01',
    engineeringWorkYears: 15,
    annualAssessments: [2016, 2017, 2018].map((y) => ({ year: y, result: '合格' })),
    selfScore: 70 + (i % 30),
    meetsSeniorityConditions: false,
    socialInsuranceYearsInZhejiang: i % 4,
    hasCollectiveProjects: rand() < 0.3,
    isUnitTechnicalLead: rand() < 0.2,
    isProjectTechnicalLead: rand() < 0.2,
    continuingEducation: [{ date: '2025-03-01', category: '专业科目', content: '课程', hours: 60 }],
  };
  const materials = p4.checklist.map((m) => ({
    itemId: m.id,
    status: pick(['received', 'received', 'received', 'missing', 'rejected'] as const),
    copiesReceived: m.copies.count - (rand() < 0.1 ? 1 : 0),
    originalVerified: rand() < 0.9,
    rejectReason: '复印件不清晰',
  }));
  return {
    pack: p4,
    app: {
      kind: 'new',
      state: pick(['received', 'returned', 'board-publicity', 'panel']),
      history: [{ transitionId: 'pass-check', from: 'received', to: 'board-publicity', at: '2026-11-02', role: 'clerk' }],
      fields,
      materials,
      selfScore: { items: [{ id: 'a', name: '业绩', maxScore: 100 }], entries: [{ itemId: 'a', claimed: 70 + (i % 30), hasEvidence: true }] },
      education: [2023, 2024, 2025].flatMap((y) => [
        { date: `${y}-03-01`, mode: '脱产', content: '专业', category: '专业科目', hours: 50 + (i % 20) },
        { date: `${y}-09-01`, mode: '业余', content: '公需', category: '一般公需', hours: 20 },
      ]),
      volume2Parts: 1 + (i % 2),
    },
  };
}

function p5Application(i: number): { pack: ProgramPack; app: ApplicationInput } {
  const expiry = pick(['2026-12-15', '2027-01-20', '2026-10-01']);
  return {
    pack: p5,
    app: {
      kind: pick(['new', 'renewal'] as const),
      state: pick(['received', 'under-review']),
      history: [{ transitionId: 'accept', from: 'received', to: 'under-review', at: '2026-11-10', role: 'clerk' }],
      fields: {
        name: `持证人${i}`,
        idNumber: check17(`110105198${i % 10}0101${String(i % 1000).padStart(3, '0')}`.slice(0, 17)),
        certificateNo: `RK${i}`,
        obtainedOn: '2023-12-01',
        certificateExpiresOn: expiry,
        postalCode: '100000',
        phone: '13912345678',
      },
      materials: p5.checklist.map((m) => ({ itemId: m.id, status: 'received' as const, copiesReceived: 1, originalVerified: true })),
      certificate: { validUntil: expiry },
      education: [
        { date: '2024-03-01', mode: '脱产', content: '课程', hours: 60 },
        { date: '2025-03-01', mode: '业余', content: '课程', hours: 40 + (i % 30) },
        { date: '2026-03-01', mode: '在岗', content: '课程', hours: 60 },
      ],
    },
  };
}

const inputs = Array.from({ length: N }, (_, i) => (i % 3 === 2 ? p5Application(i) : p4Application(i)));
const ctx = { today: '2026-11-22', calendar: cal.value, role: 'clerk' as const };

// Warm up the JIT on a slice, as a long-running app would be.
for (let i = 0; i < 2000; i++) evaluateApplication(inputs[i]!.pack, inputs[i]!.app, ctx);

let started = performance.now();
for (const { pack, app } of inputs) evaluateChecklist(pack, app.kind, app.fields, app.materials);
const baselineMs = Math.round(performance.now() - started);

started = performance.now();
let eligible = 0;
for (const { pack, app } of inputs) if (evaluateApplication(pack, app, ctx).eligibility.met) eligible++;
const ms = Math.round(performance.now() - started);

console.log(JSON.stringify({ bench: 'rules-evaluate', n: N, ms, perApplicationUs: +((ms * 1000) / N).toFixed(1), eligible, baseline: 'checklist-only', baseline_ms: baselineMs }));
