/**
 * Statuses that follow the date and the renewal dashboard over 200,000 certificates (issue 13:
 * goal < 500 ms): every certificate's status today, then the certificates entering their window
 * in the next 30 / 90 / 180 days. The mix is an office's register: P1/P2 evaluations, P5
 * registrations, P6 certificates and P3 annual ones, issued over ten years, with some void,
 * cancelled, revoked, renewed and deferred. Timed as the screen would run it: the packs' rules
 * read once, one pass for the statuses, one for the dashboard.
 */
import { certificateStatus, lifecycleRulesOf, PLAIN_RULES, renewalDashboard, type LifecycleRules, type StatusFacts } from '../../shared/lifecycle';
import type { Certificate } from '../../shared/model/records';
import { getPack, PROGRAM_IDS } from '../../shared/programs';
import { addDays as addDaysResult, type IsoDate } from '../../shared/rules/civil-date';
import type { Result } from '../../shared/rules/result';
import { expiryDate as expiryResult } from '../../shared/rules/validity';
import { programId as pid } from '../unit/typed-ids';

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const addDays = (date: IsoDate, days: number): IsoDate => value(addDaysResult(date, days));
const expiryDate = (issuedOn: IsoDate, years: number): IsoDate => value(expiryResult(issuedOn, years));

const N = Number(process.env.BENCH_N ?? 200_000);
const TODAY = '2026-11-23';

// A deterministic generator, so runs compare.
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const YEARS: Readonly<Record<string, number>> = { 'xj-isi-pm': 4, 'xj-isi-spm': 4, 'rk-registration': 3, iets: 3, 'xj-si-annual': 1 };
const programs = PROGRAM_IDS.filter((id) => id !== 'zj-it-senior');
const base = { createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'bench', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'bench' };

const certificates: (Certificate & { facts?: StatusFacts })[] = [];
for (let i = 0; i < N; i++) {
  const programId = pick(programs);
  const issuedOn = addDays('2016-12-01', Math.floor(rand() * 3650));
  const validUntil = expiryDate(issuedOn, YEARS[programId] ?? 1);
  const r = rand();
  const status = r < 0.02 ? 'void' : r < 0.03 ? 'cancelled' : r < 0.035 ? 'revoked' : 'valid';
  const replaced = r > 0.97;
  const deferred = programId === 'rk-registration' && r > 0.95 && r <= 0.97;
  certificates.push({
    id: `01937b2c-0000-7000-8000-${String(i).padStart(12, '0')}`,
    certificateNo: `B-${i}`,
    programId: pid(programId),
    issuedOn,
    validUntil: deferred ? addDays(validUntil, 200) : validUntil,
    status,
    ...(replaced ? { replacedBy: '01937b2c-0000-7000-8000-ffffffffffff' } : {}),
    ...(deferred ? { facts: { deferredUntil: addDays(validUntil, 200) } } : {}),
    ...base,
  });
}

function run(): { ms: number; statuses: Record<string, number>; counts: Record<number, number> } {
  const started = performance.now();
  const rules = new Map<string, LifecycleRules>(PROGRAM_IDS.map((id) => [id, lifecycleRulesOf(getPack(id)!)]));
  const rulesOf = (id: string): LifecycleRules => rules.get(id) ?? PLAIN_RULES;
  const statuses: Record<string, number> = {};
  for (const c of certificates) {
    const code = certificateStatus(c, TODAY, rulesOf(c.programId), c.facts).code;
    statuses[code] = (statuses[code] ?? 0) + 1;
  }
  const board = renewalDashboard(certificates, TODAY, rulesOf, (c) => c.facts ?? {});
  if (!board.ok) throw new Error(board.error.message);
  return { ms: performance.now() - started, statuses, counts: board.value.counts };
}

run(); // warm-up, as a screen that refreshes
const { ms, statuses, counts } = run();
console.log(JSON.stringify({ bench: 'lifecycle-dashboard', n: N, ms: Math.round(ms), statuses, window30: counts[30], window90: counts[90], window180: counts[180] }));
