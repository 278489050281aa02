import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_FILES } from '../../../shared/documents/fonts';
import { breakUnits, wrapText } from '../../../shared/documents/pdf/text';

/** Every character one unit wide: enough to check where lines break. */
const measure = (s: string) => [...s].length;

describe('Chinese line breaking', () => {
  it('breaks between Han characters and keeps Latin runs (numbers, codes) whole', () => {
    expect(breakUnits('证书XJPM-2026-000123号')).toEqual(['证', '书', 'XJPM-2026-000123', '号']);
    expect(wrapText('一二三四五六七', 3, measure)).toEqual(['一二三', '四五六', '七']);
    expect(wrapText('编号 XJPM-2026-000123 已发', 19, measure)).toEqual(['编号 XJPM-2026-000123', '已发']);
  });

  it('never starts a line with a closing mark or ends one with an opening mark (禁则)', () => {
    const lines = wrapText('甲乙丙，丁戊（己）庚。', 3, measure);
    for (const line of lines) {
      expect(line[0]).not.toMatch(/[，。）]/);
      expect(line.at(-1)).not.toMatch(/[（]/);
    }
    expect(lines.join('')).toBe('甲乙丙，丁戊（己）庚。');
  });

  it('keeps explicit line breaks, indents the first line, and cuts a unit wider than the line', () => {
    expect(wrapText('甲乙\n丙', 10, measure)).toEqual(['甲乙', '丙']);
    expect(wrapText('一二三四五', 4, measure, 2)).toEqual(['一二', '三四五']);
    expect(wrapText('ABCDEFGHIJ', 4, measure)).toEqual(['ABCD', 'EFGH', 'IJ']);
  });
});

describe('scripts/copy-fonts.mjs', () => {
  it('copies exactly the regular and bold faces of Noto Serif SC and Noto Sans SC under the names the builders use', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fonts-'));
    try {
      execFileSync(process.execPath, ['scripts/copy-fonts.mjs', dir], { encoding: 'utf8' });
      const files = readdirSync(dir).sort();
      expect(files).toEqual([...Object.values(FONT_FILES), 'OFL.txt'].sort());
      for (const f of Object.values(FONT_FILES)) expect(statSync(path.join(dir, f)).size).toBeGreaterThan(5_000_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('layout ids', () => {
  it('every certificate layout mapped to the certificate builder has a template of that id, and back', async () => {
    const { LAYOUT_BUILDERS } = await import('../../../shared/documents/layouts');
    const { CERTIFICATE_TEMPLATES, certificateTemplate } = await import('../../../shared/documents/templates');
    const certificateLayouts = Object.entries(LAYOUT_BUILDERS).filter(([, b]) => b === 'buildCertificatesPdf').map(([id]) => id);
    for (const id of certificateLayouts) expect(certificateTemplate(id)?.id).toBe(id);
    expect(CERTIFICATE_TEMPLATES.map((t) => t.id).sort()).toEqual(certificateLayouts.sort());
  });
});
