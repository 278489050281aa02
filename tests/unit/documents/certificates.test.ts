/**
 * Certificates for P1, P2, P3, P5 (registration page) and P6: each template rendered, parsed back,
 * checked by qpdf, every drawn character extracted again by pdftotext, page 1 rendered for a
 * person, and the QR code decoded by zbarimg to a verification address whose signature verifies.
 */
import { PDFDocument } from '@cantoo/pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildCalibrationPdf,
  buildCertificatesPdf,
  certificateFacts,
  certificateValidity,
  type CertificateInput,
} from '../../../shared/documents/certificates';
import { mmToPt } from '../../../shared/documents/pdf/canvas';
import { calibrateProfile } from '../../../shared/documents/printer';
import { parseVerificationUrl, verifyCertificateSignature } from '../../../shared/documents/signature';
import { CERTIFICATE_TEMPLATES, certificateTemplate } from '../../../shared/documents/templates';
import { pageSizeMm, type CertificateTemplate } from '../../../shared/documents/templates/types';
import { expectFail, expectOk } from '../rules/expect-result';
import { photo } from './fixtures';
import { checkPdf, decodeQr, loadFonts, officeKeys, renderPage1, run, saveResult } from './helpers';

const VERIFY_HOST = 'verify.xjsia.org.cn';
let keys: CryptoKeyPair;
beforeAll(async () => {
  keys = await officeKeys();
});
const signing = () => ({ subtle: crypto.subtle, privateKey: keys.privateKey, verifyHost: VERIFY_HOST });

/** One realistic certificate per template. */
const SAMPLES: Record<string, Omit<CertificateInput, 'certificateNo'>> = {
  'xj-isi-pm-certificate': { programId: 'xj-isi-pm', holderName: '阿依古丽·买买提', issuedOn: '2026-11-22', fields: { sex: 'female', idNumber: '650102199001011234' }, photoJpeg: photo() },
  'xj-isi-spm-certificate': { programId: 'xj-isi-spm', holderName: '王建国', issuedOn: '2026-11-22', fields: { sex: 'male', idNumber: '65010219800101123X' }, photoJpeg: photo(), reprint: 2 },
  'xj-si-certificate': {
    programId: 'xj-si-annual',
    holderName: '新疆天山云数据科技有限公司',
    issuedOn: '2026-04-20',
    validUntil: '2027-04-30',
    fields: { creditCode: '91650100MA775XXXX1', grade: '乙级', inspection: '2025年度年检合格' },
  },
  'rk-registration-page': {
    programId: 'rk-registration',
    holderName: '李明',
    issuedOn: '2026-11-22',
    fields: { qualification: '系统分析师（高级）', qualificationCertificateNo: '04010011230000123', registrationIndex: '2', registrar: '上海市职业能力考试院信息人才认证中心' },
  },
  'iets-certificate': {
    programId: 'iets',
    holderName: '杭州数智信息技术服务股份有限公司',
    issuedOn: '2026-11-22',
    fields: { creditCode: '91330100MA2XXXXX7Q', category: '企业能力评价', level: '二级（IETS-2）' },
  },
};

function sample(template: CertificateTemplate, n = 123): CertificateInput {
  const s = SAMPLES[template.id];
  if (!s) throw new Error(`no sample for ${template.id}`);
  return { ...s, certificateNo: `${template.numberPrefix}-2026-${String(n).padStart(6, '0')}` };
}

function template(id: string): CertificateTemplate {
  const t = certificateTemplate(id);
  if (!t) throw new Error(id);
  return t;
}

describe.each(CERTIFICATE_TEMPLATES.map((t) => [t.id, t] as const))('%s', (id, tpl) => {
  it('renders, parses back, keeps every drawn character, and its QR verifies', async () => {
    const drawn: string[] = [];
    const input = sample(tpl);
    const bytes = expectOk(await buildCertificatesPdf({ template: tpl, certificates: [input], fonts: loadFonts(), signing: signing(), onTextDrawn: (t) => drawn.push(t) }));

    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { widthMm, heightMm } = pageSizeMm(tpl.page);
    expect(doc.getPage(0).getWidth()).toBeCloseTo(mmToPt(widthMm), 1);
    expect(doc.getPage(0).getHeight()).toBeCloseTo(mmToPt(heightMm), 1);

    const checked = checkPdf(id, bytes, drawn);
    expect(checked.text).toContain(input.certificateNo);
    expect(checked.text.replace(/\s/g, '')).toContain(input.holderName.replace(/\s/g, ''));
    if (input.reprint) expect(checked.text).toContain(`补打 第${input.reprint}次`);

    const validity = expectOk(certificateValidity(tpl, input));
    const sharp = renderPage1(checked.file, `${id}-200dpi`, 200);
    const codes = decodeQr(sharp);
    expect(codes).toHaveLength(1);
    const url = parseVerificationUrl(codes[0] ?? '');
    expect(url).toMatchObject({ host: VERIFY_HOST, certificateNo: input.certificateNo });
    const facts = certificateFacts(tpl, input, validity);
    expect(await verifyCertificateSignature(crypto.subtle, keys.publicKey, facts, url?.signature ?? '')).toBe(true);
    expect(await verifyCertificateSignature(crypto.subtle, keys.publicKey, { ...facts, validUntil: validity.validUntil.replace(/.$/, (d) => String((Number(d) + 1) % 10)) }, url?.signature ?? '')).toBe(false);
  });
});

describe('validity from the rules', () => {
  it('counts the issue day as the first day (validity.ts): P1/P2 4 years, P5 and P6 3 years', () => {
    expect(expectOk(certificateValidity(template('xj-isi-pm-certificate'), { issuedOn: '2026-11-22' }))).toEqual({ validFrom: '2026-11-22', validUntil: '2030-11-21' });
    expect(expectOk(certificateValidity(template('xj-isi-spm-certificate'), { issuedOn: '2024-02-29' })).validUntil).toBe('2028-02-28');
    expect(expectOk(certificateValidity(template('rk-registration-page'), { issuedOn: '2026-11-22' })).validUntil).toBe('2029-11-21');
    expect(expectOk(certificateValidity(template('iets-certificate'), { issuedOn: '2026-01-01' })).validUntil).toBe('2028-12-31');
  });

  it('takes a renewal’s dates as given and asks for P3’s, which 001 does not fix', () => {
    expect(expectOk(certificateValidity(template('xj-isi-pm-certificate'), { issuedOn: '2030-10-01', validFrom: '2030-11-22', validUntil: '2034-11-21' }))).toEqual({
      validFrom: '2030-11-22',
      validUntil: '2034-11-21',
    });
    expectFail(certificateValidity(template('xj-si-certificate'), { issuedOn: '2026-04-20' }), 'documents.validity');
    expectFail(certificateValidity(template('xj-isi-pm-certificate'), { issuedOn: '2026-04-20', validUntil: '2026-04-19' }), 'documents.validity');
  });
});

describe('a batch of certificates', () => {
  const pm = () => template('xj-isi-pm-certificate');
  const batch = (n: number) => Array.from({ length: n }, (_, i) => sample(pm(), i + 1));

  it('is ONE PDF with a page per certificate, each font embedded once, with progress', async () => {
    const progress: [number, number][] = [];
    const drawn: string[] = [];
    const bytes = expectOk(
      await buildCertificatesPdf({ template: pm(), certificates: batch(40), fonts: loadFonts(), signing: signing(), onProgress: (d, t) => progress.push([d, t]), onTextDrawn: (t) => drawn.push(t) }),
    );
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(40);
    expect(progress).toHaveLength(40);
    expect(progress.at(-1)).toEqual([40, 40]);
    const checked = checkPdf('xj-isi-pm-batch', bytes, drawn);
    expect(checked.fonts.length).toBeLessThanOrEqual(4);
    // The fixed layer is drawn once (a form XObject) however many pages: the title is extracted 40 times.
    expect(checked.text.split('信息系统集成实施工程经理评价证书').length - 1).toBeGreaterThanOrEqual(40);
    expect(bytes.length).toBeLessThan(40 * 12_000 + 120_000);
  });

  it('stops when cancelled and returns no partial file', async () => {
    const signal = { aborted: false };
    const result = await buildCertificatesPdf({
      template: pm(),
      certificates: batch(30),
      fonts: loadFonts(),
      signing: signing(),
      signal,
      onProgress: (done) => {
        if (done === 5) signal.aborted = true;
      },
    });
    expectFail(result, 'documents.aborted');
  });

  it('names the certificate when a field is missing, too long, or cannot be printed', async () => {
    const base = sample(pm());
    const build = (c: CertificateInput, fonts = loadFonts()) => buildCertificatesPdf({ template: pm(), certificates: [sample(pm(), 1), c], fonts, signing: signing() });
    expect(expectFail(await build({ ...base, fields: { sex: 'male' } }), 'documents.fields')).toMatch(/第2份.*缺少身份证号/);
    expect(expectFail(await build({ ...base, holderName: '测'.repeat(61) }), 'documents.fields')).toContain('持证人超过60个字');
    expectFail(await build({ ...base, holderName: '王😀' }), 'documents.glyph-missing');
    expectFail(await build({ ...base, photoJpeg: new Uint8Array([1, 2, 3]) }), 'documents.photo');
    expectFail(await build(base, { 'serif-regular': loadFonts()['serif-regular'] }), 'documents.font-missing');
    const annual = template('xj-si-certificate');
    const long = { ...sample(annual), holderName: '新疆维吾尔自治区乌鲁木齐市高新技术产业开发区（新市区）天山云数据信息科技集团股份有限公司第一分公司' };
    expect(expectFail(await buildCertificatesPdf({ template: annual, certificates: [long], fonts: loadFonts(), signing: signing() }), 'documents.overflow')).toMatch(/第1份.*太长/);
    const reg = template('rk-registration-page');
    const fourth = { ...sample(reg), fields: { ...sample(reg).fields, registrationIndex: '4' } };
    expectFail(await buildCertificatesPdf({ template: reg, certificates: [fourth], fonts: loadFonts(), signing: signing() }), 'documents.row');
  });
});

/** x, y (pt, from the top) of the first word equal to `word` in pdftotext -bbox output. */
function wordBox(file: string, word: string): { x: number; y: number } {
  const html = run('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-']);
  const m = new RegExp(`<word xMin="([\\d.]+)" yMin="([\\d.]+)"[^>]*>${word}</word>`).exec(html);
  if (!m) throw new Error(`${word} not found`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

describe('pre-printed stock', () => {
  const pm = () => template('xj-isi-pm-certificate');

  it('prints values only: no border, title or labels, values where the template puts them', async () => {
    const drawn: string[] = [];
    const input = sample(pm());
    const bytes = expectOk(
      await buildCertificatesPdf({ template: pm(), certificates: [input], fonts: loadFonts(), signing: signing(), mode: 'values-only', onTextDrawn: (t) => drawn.push(t) }),
    );
    const checked = checkPdf('xj-isi-pm-values-only', bytes, drawn);
    expect(checked.text).toContain(input.certificateNo);
    expect(checked.text).toContain('2030年11月21日');
    expect(checked.text).not.toContain('评价证书');
    expect(checked.text).not.toContain('证书编号');
    expect(checked.fonts.map((f) => f.name).join()).not.toMatch(/Bold|Sans/);
    expect(decodeQr(renderPage1(checked.file, 'xj-isi-pm-values-only-200dpi', 200))).toHaveLength(1);
  });

  it('never prints the 补打 mark on pre-printed stock; a full print of the same reprint shows it', async () => {
    const input = { ...sample(pm()), reprint: 2 };
    const valuesOnly: string[] = [];
    expectOk(await buildCertificatesPdf({ template: pm(), certificates: [input], fonts: loadFonts(), signing: signing(), mode: 'values-only', onTextDrawn: (t) => valuesOnly.push(t) }));
    expect(valuesOnly.join('')).toContain(input.certificateNo);
    expect(valuesOnly.join('')).not.toContain('补打');
    const full: string[] = [];
    expectOk(await buildCertificatesPdf({ template: pm(), certificates: [input], fonts: loadFonts(), signing: signing(), onTextDrawn: (t) => full.push(t) }));
    expect(full).toContain('补打 第2次');
  });

  it('moves every value by the printer profile’s offsets, about the top-left corner', async () => {
    const input = sample(pm());
    const plain = saveResult('profile-identity.pdf', expectOk(await buildCertificatesPdf({ template: pm(), certificates: [input], fonts: loadFonts(), signing: signing(), mode: 'values-only' })));
    const shifted = saveResult(
      'profile-shifted.pdf',
      expectOk(await buildCertificatesPdf({ template: pm(), certificates: [input], fonts: loadFonts(), signing: signing(), mode: 'values-only', printer: { offsetXmm: 2.5, offsetYmm: -1.5, scale: 1 } })),
    );
    const scaled = saveResult(
      'profile-scaled.pdf',
      expectOk(await buildCertificatesPdf({ template: pm(), certificates: [input], fonts: loadFonts(), signing: signing(), mode: 'values-only', printer: { offsetXmm: 0, offsetYmm: 0, scale: 1.02 } })),
    );
    const a = wordBox(plain, input.certificateNo);
    const b = wordBox(shifted, input.certificateNo);
    const c = wordBox(scaled, input.certificateNo);
    expect(b.x - a.x).toBeCloseTo(mmToPt(2.5), 1);
    expect(b.y - a.y).toBeCloseTo(mmToPt(-1.5), 1);
    expect(c.x / a.x).toBeCloseTo(1.02, 2);
    expectFail(await buildCertificatesPdf({ template: pm(), certificates: [input], fonts: loadFonts(), signing: signing(), printer: { offsetXmm: 50, offsetYmm: 0, scale: 1 } }), 'printer.offset');
  });

  it('prints a calibration page with rulers and crosshairs through the profile', async () => {
    const drawn: string[] = [];
    const bytes = expectOk(
      await buildCalibrationPdf({ page: pm().page, fonts: loadFonts(), printer: { offsetXmm: 1.5, offsetYmm: -1, scale: 1 }, onTextDrawn: (t) => drawn.push(t) }),
    );
    const checked = checkPdf('calibration-a4-landscape', bytes, drawn);
    expect(checked.text).toContain('打印机校准页');
    expect(checked.text).toContain('(30, 30) mm');
    expect(checked.text).toContain('水平偏移 1.50 毫米');
  });

  it('turns two measured crosshairs into a corrected profile', () => {
    // A printer that shifts 1.2 mm right, 0.8 mm up and prints at 99 %; page printed with no correction.
    const printer = (p: { xMm: number; yMm: number }) => ({ xMm: 1.2 + 0.99 * p.xMm, yMm: -0.8 + 0.99 * p.yMm });
    const A = { xMm: 30, yMm: 30 };
    const B = { xMm: 267, yMm: 30 };
    const profile = expectOk(calibrateProfile({ offsetXmm: 0, offsetYmm: 0, scale: 1 }, { expected: A, measured: printer(A) }, { expected: B, measured: printer(B) }));
    // With the profile applied the printer lands on the marks.
    const hit = printer({ xMm: profile.offsetXmm + profile.scale * 200, yMm: profile.offsetYmm + profile.scale * 100 });
    expect(hit.xMm).toBeCloseTo(200, 1);
    expect(hit.yMm).toBeCloseTo(100, 1);
    // Calibrating again from a page printed with that profile changes (almost) nothing.
    const through = (p: { xMm: number; yMm: number }) => printer({ xMm: profile.offsetXmm + profile.scale * p.xMm, yMm: profile.offsetYmm + profile.scale * p.yMm });
    const again = expectOk(calibrateProfile(profile, { expected: A, measured: through(A) }, { expected: B, measured: through(B) }));
    expect(again.offsetXmm).toBeCloseTo(profile.offsetXmm, 1);
    expect(again.scale).toBeCloseTo(profile.scale, 3);
    expectFail(calibrateProfile(profile, { expected: A, measured: A }, { expected: { xMm: 40, yMm: 30 }, measured: { xMm: 40, yMm: 30 } }), 'printer.marks');
  });
});
