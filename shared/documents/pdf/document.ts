import { PDFDocument } from '@cantoo/pdf-lib';

/**
 * A new PDF with the app's metadata and no timestamps: shared/ reads no clock, and pdf-lib would
 * otherwise stamp CreationDate/ModDate from it.
 */
export async function newPdfDocument(title: string): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setCreator('协会办事台');
  doc.setProducer('协会办事台 shared/documents');
  doc.setLanguage('zh-CN');
  return doc;
}
