/**
 * How every form, notice and report starts: a new PDF with the office's three faces loaded and
 * one flow of A4 pages (portrait unless `options.page` says otherwise).
 */
import type { PDFDocument } from '@cantoo/pdf-lib';
import { FontRegistry, type FontBytes } from '../fonts';
import type { TextSink } from './canvas';
import { newPdfDocument } from './document';
import { FlowDocument, type FlowOptions } from './flow';

export type NewFlowOptions = Partial<Omit<FlowOptions, 'onTextDrawn'>> & { readonly onTextDrawn?: TextSink | undefined };

export async function newFlowPdf(title: string, fonts: FontBytes, options: NewFlowOptions = {}): Promise<{ doc: PDFDocument; flow: FlowDocument }> {
  const doc = await newPdfDocument(title);
  const registry = new FontRegistry(doc, fonts);
  await registry.load(['serif-regular', 'sans-regular', 'sans-bold']);
  const { onTextDrawn, ...rest } = options;
  const flow = new FlowDocument(doc, registry, { page: { paper: 'A4', orientation: 'portrait' }, ...rest, ...(onTextDrawn ? { onTextDrawn } : {}) });
  return { doc, flow };
}
