/**
 * Document builders. (1) 1,000 P1 certificates, each with its own Ed25519-signed verification QR
 * code, into ONE PDF (targets: < 5 s, < 5 MB), against LibreOffice converting the same 1,000
 * certificates from a mail-merge style document (one flat ODT, .fodt: plain XML, so no zip
 * library is needed; the same text, a QR code PNG per page). (2) The P4 roster with 10,000 rows.
 * Prints one JSON line per figure; speed never fails CI. LibreOffice missing → the baseline
 * fields are left out and a "note" says why.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { buildCertificatesPdf, certificateValidity, type CertificateInput } from '../../shared/documents/certificates';
import { FONT_KEYS, type FontBytes, type FontKey } from '../../shared/documents/fonts';
import { formatDateZh } from '../../shared/rules/civil-date';
import { signCertificate, verificationUrl } from '../../shared/documents/signature';
import { xjIsiPmCertificate } from '../../shared/documents/templates';
import { buildZjRosterXlsx } from '../../shared/documents/xlsx/zj-roster';
import type { ZjApplicant } from '../../shared/documents/zj-applicant';

const N = Number(process.env.BENCH_N ?? 1000);
const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const HOST = 'verify.xjsia.org.cn';

const SOURCES: Record<FontKey, string> = {
  'serif-regular': 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  'serif-bold': 'node_modules/@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  'sans-regular': 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  'sans-bold': 'node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};
const fonts = Object.fromEntries(FONT_KEYS.map((k) => [k, new Uint8Array(readFileSync(SOURCES[k]))])) as FontBytes;

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '建国明华丽娟伟强军磊洋艳勇杰涛超秀英敏静丹';

function certificates(): CertificateInput[] {
  return Array.from({ length: N }, (_, i) => ({
    certificateNo: `XJPM-2026-${String(i + 1).padStart(6, '0')}`,
    programId: 'xj-isi-pm',
    holderName: `${SURNAMES[i % 20]}${GIVEN[(i * 7) % 20]}${GIVEN[(i * 13 + 3) % 20]}`,
    issuedOn: '2026-11-22',
    fields: { sex: i % 2 === 0 ? 'male' : 'female', idNumber: `6501021990${String(1000 + (i % 9000)).slice(0, 4)}${String(i % 10000).padStart(4, '0')}`.slice(0, 18) },
  }));
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One flat ODT with a page per certificate: what a mail merge in LibreOffice Writer produces. */
async function flatOdt(inputs: CertificateInput[], signatures: string[]): Promise<string> {
  const pages: string[] = [];
  for (const [i, c] of inputs.entries()) {
    const validity = certificateValidity(xjIsiPmCertificate, c);
    if (!validity.ok) throw new Error(validity.error.message);
    const png = await QRCode.toBuffer(verificationUrl(HOST, c.certificateNo, signatures[i] ?? ''), { errorCorrectionLevel: 'M', margin: 4, scale: 4 });
    const rows: [string, string][] = [
      ['姓　　名', c.holderName],
      ['性　　别', c.fields?.sex === 'male' ? '男' : '女'],
      ['身份证号', c.fields?.idNumber ?? ''],
      ['证书编号', c.certificateNo],
      ['发证日期', formatDateZh(c.issuedOn)],
      ['有效期至', formatDateZh(validity.value.validUntil)],
    ];
    pages.push(
      `<text:p text:style-name="${i === 0 ? 'Title' : 'TitleBreak'}">信息系统集成实施工程经理评价证书</text:p>` +
        `<text:p text:style-name="Body"><draw:frame draw:name="qr${i}" text:anchor-type="paragraph" svg:x="200mm" svg:y="0mm" svg:width="40mm" svg:height="40mm"><draw:image><office:binary-data>${png.toString('base64')}</office:binary-data></draw:image></draw:frame></text:p>` +
        rows.map(([k, v]) => `<text:p text:style-name="Body">${k}：${xml(v)}</text:p>`).join('') +
        '<text:p text:style-name="Body">该同志通过信息系统集成实施工程经理评价，由新疆“IT 三会”联合颁发《信息系统集成实施工程经理评价证书》。本证书有效期为四年。</text:p>' +
        '<text:p text:style-name="Body">新疆软件行业协会　　新疆计算机学会　　新疆电子学会</text:p>',
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Noto Serif CJK SC" svg:font-family="'Noto Serif CJK SC'"/></office:font-face-decls>
<office:styles>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="4mm"/><style:text-properties style:font-name-asian="Noto Serif CJK SC" fo:font-size="14pt" style:font-size-asian="14pt"/></style:style>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="10mm"/><style:text-properties style:font-name-asian="Noto Serif CJK SC" fo:font-size="30pt" style:font-size-asian="30pt" fo:font-weight="bold" style:font-weight-asian="bold" fo:color="#9e1a1a"/></style:style>
<style:style style:name="TitleBreak" style:family="paragraph" style:parent-style-name="Title"><style:paragraph-properties fo:break-before="page"/></style:style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="297mm" fo:page-height="210mm" style:print-orientation="landscape" fo:margin="15mm"/></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
<office:body><office:text>${pages.join('\n')}</office:text></office:body>
</office:document>`;
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return Math.round((d.user + d.system) / 1000);
}

/** The machine's 1-minute load: other work on a 2-core machine slows every figure. */
function loadAverage(): number | undefined {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    return undefined;
  }
}

function roster(): ZjApplicant[] {
  return Array.from({ length: ROWS }, (_, i) => ({
    name: `${SURNAMES[i % 20]}${GIVEN[(i * 7) % 20]}`,
    sex: i % 2 === 0 ? 'male' : 'female',
    birthMonth: `19${70 + (i % 25)}-${String((i % 12) + 1).padStart(2, '0')}`,
    idNumber: `33010619820615${String(i % 10000).padStart(4, '0')}`,
    unit: `杭州第${(i % 50) + 1}信息技术有限公司`,
    unitNature: '私营企业和个体工商户',
    supervisor: '杭州市西湖区经济和信息化局',
    specialty: (['技术开发', '应用电子', '信息安全', '系统集成'] as const)[i % 4] ?? '系统集成',
    education: { level: '大学本科', school: '浙江工业大学', major: '计算机科学与技术', graduatedOn: '2004-07' },
    currentTitle: '工程师',
    titleObtainedOn: '2012-12',
    appointedOn: '2013-03',
    engineeringWorkSince: `200${i % 10}-07-01`,
    assessments: [2016, 2017, 2018].map((year) => ({ year, result: i % 7 === 0 ? '优秀' : '合格' })),
    selfScore: 80 + (i % 20) / 2,
  }));
}

async function main() {
  const keys = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const inputs = certificates();
  // Warm-up (module loading, JIT) outside the timing.
  await buildCertificatesPdf({ template: xjIsiPmCertificate, certificates: inputs.slice(0, 5), fonts, signing: { subtle: crypto.subtle, privateKey: keys.privateKey, verifyHost: HOST } });
  let started = performance.now();
  let cpu = process.cpuUsage();
  const result = await buildCertificatesPdf({ template: xjIsiPmCertificate, certificates: inputs, fonts, signing: { subtle: crypto.subtle, privateKey: keys.privateKey, verifyHost: HOST } });
  const ms = Math.round(performance.now() - started);
  const cpuMs = cpuSince(cpu);
  if (!result.ok) throw new Error(result.error.message);
  // cpu_ms: this process's CPU time, a steadier figure than wall time when the machine is shared.
  const figure: Record<string, unknown> = { bench: 'certificates-pdf', n: N, ms, cpu_ms: cpuMs, bytes: result.value.length, load1: loadAverage() };

  if (spawnSync('sh', ['-c', 'command -v soffice']).status === 0) {
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-lo-'));
    try {
      const signatures: string[] = [];
      for (const c of inputs) {
        const validity = certificateValidity(xjIsiPmCertificate, c);
        if (!validity.ok) throw new Error(validity.error.message);
        signatures.push(await signCertificate(crypto.subtle, keys.privateKey, { certificateNo: c.certificateNo, holderName: c.holderName, programId: 'xj-isi-pm', ...validity.value }));
      }
      const fodt = path.join(dir, 'certificates.fodt');
      writeFileSync(fodt, await flatOdt(inputs, signatures));
      started = performance.now();
      execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, fodt], { stdio: 'pipe', timeout: 900_000 });
      figure.baseline = 'libreoffice';
      figure.baseline_ms = Math.round(performance.now() - started);
      figure.baseline_bytes = statSync(path.join(dir, 'certificates.pdf')).size;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    figure.note = 'soffice not installed: LibreOffice baseline skipped';
  }
  console.log(JSON.stringify(figure));

  const applicants = roster();
  await buildZjRosterXlsx({ submittingUnit: '杭州市西湖区经济和信息化局', filledOn: '2019-09-20', assessmentYears: [2016, 2017, 2018], applicants: applicants.slice(0, 10) });
  started = performance.now();
  cpu = process.cpuUsage();
  const xlsx = await buildZjRosterXlsx({ submittingUnit: '杭州市西湖区经济和信息化局', filledOn: '2019-09-20', assessmentYears: [2016, 2017, 2018], applicants });
  if (!xlsx.ok) throw new Error(xlsx.error.message);
  console.log(JSON.stringify({ bench: 'roster-xlsx', rows: ROWS, ms: Math.round(performance.now() - started), cpu_ms: cpuSince(cpu), bytes: xlsx.value.length }));
}

void main();
