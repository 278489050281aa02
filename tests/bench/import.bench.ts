/**
 * Importing the 20,000-row P4 花名册 LibreOffice wrote (tests/fixtures/import/roster-20000.xlsx):
 * the whole pure path the import screen's Worker runs — open, choose the sheet, find the header,
 * parse every row through the rules, review (duplicates), plan the records. Goal: < 5 s and
 * < 300 MB. Each figure comes from a fresh child process, so `peak_mb` is that process's peak
 * resident memory (Node and tsx included: `idle_mb` is the same process doing nothing). The
 * baseline is exceljs (which writes our rosters) loading the same file and reading its cells.
 * One JSON line; speed never fails CI.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
const FILE = path.resolve(path.dirname(here), '../fixtures/import/roster-20000.xlsx');
const TODAY = '2026-11-22';

interface ChildFigure {
  readonly ms: number;
  readonly cpu_ms: number;
  readonly peak_mb: number;
  readonly rows: number;
}

async function child(mode: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(FILE));
  const { getPack } = await import('../../shared/programs');
  const imp = await import('../../shared/import');
  let rows = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  if (mode === 'ours') {
    const spec = imp.importSpecFor(getPack('zj-it-senior')!, 'roster');
    if (!spec.ok) throw new Error(spec.error.message);
    const read = imp.readImport({ bytes, spec: spec.value, today: TODAY });
    if (!read.ok || !read.value.parsed.ok) throw new Error('unreadable');
    const report = imp.reviewRows(read.value.parsed.value, spec.value, { today: TODAY }, { excluded: [4002, 8002, 12002, 16002, 20002] });
    const plan = imp.planImport(report, spec.value, { fileName: 'roster-20000.xlsx', today: TODAY, receivedDate: '2019-09-25', channel: 'unit' });
    if (!plan.ok) throw new Error(plan.error.message);
    rows = report.counts.rows;
  } else if (mode === 'exceljs') {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    wb.worksheets[0]!.eachRow((row) => {
      row.eachCell((cell) => void cell.value);
      rows++;
    });
    rows -= 2; // title and header
  }
  const ms = Math.round(performance.now() - started);
  const used = process.cpuUsage(cpu);
  const figure: ChildFigure = { ms, cpu_ms: Math.round((used.user + used.system) / 1000), peak_mb: Math.round(process.resourceUsage().maxRSS / 1024), rows };
  console.log(JSON.stringify(figure));
}

function run(mode: string): ChildFigure {
  const out = spawnSync(process.execPath, ['--import', 'tsx', here, mode], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`${mode}: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').at(-1)!) as ChildFigure;
}

function main(): void {
  const idle = run('idle');
  const ours = run('ours');
  const exceljs = run('exceljs');
  console.log(
    JSON.stringify({
      bench: 'import-roster',
      rows: ours.rows,
      ms: ours.ms,
      peak_mb: ours.peak_mb,
      cpu_ms: ours.cpu_ms,
      idle_mb: idle.peak_mb,
      exceljs_ms: exceljs.ms,
      exceljs_peak_mb: exceljs.peak_mb,
      exceljs_rows: exceljs.rows,
      load1: +(loadavg()[0] ?? 0).toFixed(1),
    }),
  );
}

const mode = process.argv[2];
if (mode === undefined) main();
else
  child(mode).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
