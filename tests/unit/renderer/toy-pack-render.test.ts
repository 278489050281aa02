/**
 * The seventh, made-up organisation pack (tests/unit/engine/toy-pack.ts: one table field, two
 * materials) rendered by the desk's own screens with no screen changed: the generated form shows
 * the table with its column headers and the 合计 line, the checklist lists both materials with
 * the copies asked. Rendered to static markup (no DOM needed).
 */
import 'fake-indexeddb/auto';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { evaluateApplication } from '../../../shared/engine/evaluate';
import type { Application } from '../../../shared/model/records';
import { loadPack } from '../../../shared/programs/schema';
import { ChecklistTab } from '../../../renderer/src/features/applications/ChecklistTab';
import type { ApplicationFile } from '../../../renderer/src/features/applications/file';
import { GeneratedForm } from '../../../renderer/src/features/applications/form/GeneratedForm';
import { expectOk } from '../rules/expect-result';
import { cal } from '../workflow/fixtures';
import { TOY_FILING, toy } from '../engine/toy-pack';

const pack = expectOk(loadPack(toy));
const fields = TOY_FILING;

/** The text a user reads, tags stripped. */
const text = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');

describe('a seventh organisation pack renders with no screen change', () => {
  it('the generated form shows the table field with its column headers, grey total and 合计', () => {
    const html = renderToStaticMarkup(
      createElement(GeneratedForm, {
        pack,
        kind: 'annual-review',
        values: fields,
        onChange: () => undefined,
        errors: [],
        showErrors: () => false,
        lang: 'zh',
        idPrefix: 'toy',
      }),
    );
    const shown = text(html);
    for (const label of ['单位名称', '会员等级', '产品销售情况', '产品名称', '境内销售额', '境外销售额', '销售额合计', '年度销售总额']) {
      expect(shown).toContain(label);
    }
    // The grey column per row (数据中台: 10 000 + 90 000 = 100 000 元) and the 合计 line:
    // 境内 50 000 + 10 000 = 60 000; 境外 90 000 + 60 000 = 150 000; 合计 210 000 元.
    expect(shown).toContain('1 50,000.00 2 100,000.00 3 60,000.00');
    expect(shown).toContain('合计 60,000.00 150,000.00 210,000.00');
    // The invoices of the two largest products are the files to upload.
    expect(shown).toContain('须上传 数据中台');
    expect(shown).toContain('须上传 安全网关');
    expect(shown).toContain('不必上传 云桌面');
  });

  it('the checklist lists the licence and the invoices of the two largest products', () => {
    const application = {
      id: 'toy-1',
      programId: pack.id,
      kind: 'annual-review',
      applicationNo: 'T-2026-0001',
      status: 'submitted',
      channel: 'unit',
      receivedDate: '2026-01-12',
      fields,
    } as unknown as Application;
    const file: ApplicationFile = {
      application,
      person: undefined,
      organisation: undefined,
      materials: [],
      education: [],
      attachments: [],
      events: [],
      routingOpinions: [],
      objections: [],
      publicities: [],
      reviews: [],
      panelResults: [],
      scoresheets: [],
      panelBallots: [],
    };
    const evaluation = evaluateApplication(pack, { kind: 'annual-review', state: 'submitted', history: [], fields, materials: [] }, { today: '2026-01-12', calendar: cal, role: 'clerk' });
    const html = renderToStaticMarkup(createElement(ChecklistTab, { file, result: { pack, evaluation }, calendar: cal }));
    const shown = text(html);
    expect(shown).toContain('材料不齐（已收 0 / 2 项）');
    // One licence; invoices for the two largest of three products.
    expect(shown).toContain('1 营业执照 必交');
    expect(shown).toContain('/ 1');
    expect(shown).toContain('2 主要产品销售发票 必交');
    expect(shown).toContain('/ 2');
    // Two item lines, in the pack's order.
    expect([...html.matchAll(/data-item="([^"]+)"/g)].map((m) => m[1])).toEqual(['licence', 'invoices']);
  });
});
