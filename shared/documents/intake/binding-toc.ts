/**
 * P4 binding: tables of contents for the two volumes (002 附件4 三): everything except the
 * 评审表, 综合表, unbindable originals and the 代表作 copy is bound into two A4 volumes, each with
 * its own table of contents in front. Volume 1 follows the seed's list; volume 2 is the 评审评分表
 * followed by the evidence in the score sheet's order, each piece labelled with its score item; a
 * thick volume 2 is split into 第二册（一）, 第二册（二）….
 */
import { ok, type Result } from '../../rules/result';
import { splitVolumeName } from '../../programs/binding';
import { DocumentError, toFailure } from '../errors';
import { type FontBytes } from '../fonts';
import { type TextSink } from '../pdf/canvas';
import { newFlowPdf } from '../pdf/new-flow';
import { BODY, LABEL, centred, column } from '../pdf/flow';

export interface TocEntry {
  readonly title: string;
  /** Pages of the item; when known, the contents show page ranges. */
  readonly pages?: number;
  /** Volume 2: the 评审评分表 item the evidence proves (002 附件4 三: 证明材料需标注…证明内容). */
  readonly scoreItem?: string;
}

export interface BindingVolume {
  /** 第一册, 第二册, 第二册（一）… */
  readonly name: string;
  readonly entries: readonly TocEntry[];
}

/** 002 附件4 三 第一册, in the seed's order; `when` marks items only some applicants have. */
export const ZJ_VOLUME_ONE: readonly { readonly title: string; readonly when?: 'out-of-province-social-security' | 'public-institution' | 'degree' }[] = [
  { title: '专业技术职务任职资格评审材料真实性保证书' },
  { title: '申报材料公示确认表' },
  { title: '身份证' },
  { title: '学历证书' },
  { title: '学位证书', when: 'degree' },
  { title: '学历认证材料' },
  { title: '现任专业技术职务任职资格证书' },
  { title: '聘任证书' },
  { title: '近三年省外缴纳社保的相关证明', when: 'out-of-province-social-security' },
  { title: '事业单位岗位信息表', when: 'public-institution' },
  { title: '继续教育证明' },
  { title: '技术工作经历' },
  { title: '任期考核' },
  { title: '专业技术工作总结' },
];

export interface VolumeOneOptions {
  /** 附件4 二 7: pension paid in Zhejiang for less than three years. */
  readonly outOfProvinceSocialSecurity: boolean;
  /** 附件4 二 13: 事业单位 applicants file the 岗位信息表. */
  readonly publicInstitution: boolean;
  readonly hasDegree?: boolean;
  /** Page counts by title, when known. */
  readonly pages?: Readonly<Record<string, number>>;
}

export function volumeOneEntries(options: VolumeOneOptions): TocEntry[] {
  return ZJ_VOLUME_ONE.filter(
    (item) =>
      item.when === undefined ||
      (item.when === 'out-of-province-social-security' && options.outOfProvinceSocialSecurity) ||
      (item.when === 'public-institution' && options.publicInstitution) ||
      (item.when === 'degree' && (options.hasDegree ?? true)),
  ).map((item) => {
    const pages = options.pages?.[item.title];
    return { title: item.title, ...(pages !== undefined ? { pages } : {}) };
  });
}

/** Volume 2: the 评审评分表 first, then the evidence in the score sheet's order. */
export function volumeTwoEntries(scoreSheetPages: number, evidence: readonly { readonly scoreItem: string; readonly title: string; readonly pages: number }[]): TocEntry[] {
  return [{ title: '评审评分表', pages: scoreSheetPages }, ...evidence.map((e) => ({ title: e.title, pages: e.pages, scoreItem: e.scoreItem }))];
}

/**
 * Splits volume 2 so that no part exceeds `maxPages` (an item is never cut; an item longer than
 * the limit gets a part of its own). One part keeps the plain name 第二册; more are named
 * 第二册（一）, 第二册（二）… with the pack helper splitVolumeName.
 */
export function splitVolume(name: string, pattern: string, entries: readonly TocEntry[], maxPages: number): BindingVolume[] {
  const parts: TocEntry[][] = [];
  let current: TocEntry[] = [];
  let pages = 0;
  for (const entry of entries) {
    const n = entry.pages ?? 1;
    if (current.length > 0 && pages + n > maxPages) {
      parts.push(current);
      current = [];
      pages = 0;
    }
    current.push(entry);
    pages += n;
  }
  if (current.length > 0) parts.push(current);
  if (parts.length <= 1) return [{ name, entries: parts[0] ?? [] }];
  return parts.map((part, i) => ({ name: splitVolumeName(pattern, i + 1) ?? `${name}（${i + 1}）`, entries: part }));
}

export interface BindingTocInput {
  /** 浙江省信息技术专业高级工程师职务任职资格评审材料 or the round's own heading. */
  readonly heading: string;
  readonly applicantName: string;
  readonly unit: string;
  readonly specialty: string;
  readonly volumes: readonly BindingVolume[];
}

/** Page ranges from page counts: 1—3, 4, 5—8; blank where a count is unknown (filled by hand). */
export function pageRanges(entries: readonly TocEntry[]): string[] {
  let next = 1;
  let known = true;
  return entries.map((e) => {
    if (e.pages === undefined || !known) {
      known = false;
      return '';
    }
    const range = e.pages <= 1 ? String(next) : `${next}—${next + e.pages - 1}`;
    next += Math.max(1, e.pages);
    return range;
  });
}

/** One PDF: a table of contents page (or more) per volume, each starting on a new page. */
export async function buildBindingTocPdf(input: BindingTocInput, fonts: FontBytes, options: { onTextDrawn?: TextSink } = {}): Promise<Result<Uint8Array>> {
  try {
    if (input.volumes.length === 0) throw new DocumentError('documents.fields', '没有要装订的分册。');
    const { doc, flow } = await newFlowPdf(`装订目录 ${input.applicantName}`, fonts, {
      ...options,
      footer: () => '',
    });
    input.volumes.forEach((volume, v) => {
      if (v > 0) flow.newPage();
      flow.spacer(6);
      flow.heading(input.heading, { font: 'sans-regular', sizePt: 12 }, 3);
      flow.heading(`${volume.name}\u3000目\u3000录`, { font: 'sans-bold', sizePt: 18 }, 6);
      flow.paragraph(`姓名：${input.applicantName}\u3000\u3000工作单位：${input.unit}\u3000\u3000从事专业：${input.specialty}`, BODY);
      flow.spacer(4);
      const ranges = pageRanges(volume.entries);
      const withItems = volume.entries.some((e) => e.scoreItem !== undefined);
      const w = flow.contentWidth;
      const columns = withItems
        ? [
            centred('序号', 14),
            column('材料名称', w - 14 - 58 - 28),
            column('对应评分项', 58),
            centred('页码', 28),
          ]
        : [
            centred('序号', 14),
            column('材料名称', w - 14 - 28),
            centred('页码', 28),
          ];
      const rows = volume.entries.map((e, i) =>
        withItems ? [String(i + 1), e.title, e.scoreItem ?? '', ranges[i] ?? ''] : [String(i + 1), e.title, ranges[i] ?? ''],
      );
      flow.table(columns, rows, { minRowHeightMm: 9 });
      flow.spacer(4);
      const total = volume.entries.every((e) => e.pages !== undefined) ? `，共 ${volume.entries.reduce((n, e) => n + (e.pages ?? 0), 0)} 页` : '';
      flow.paragraph(`本册共 ${volume.entries.length} 项材料${total}。`, LABEL);
    });
    flow.finish();
    return ok(await doc.save());
  } catch (error) {
    return toFailure(error);
  }
}
