/**
 * Hands built bytes to the platform bridge: print (system dialog in the desktop shell, a hidden
 * frame in browser mode) or save (save dialog / download).
 */
import { bridge } from '../platform/bridge';
import { safeFileName } from './names';

export { safeFileName };

export type Delivery = 'print' | 'save';

export const XLSX_FILTER = 'Excel 工作簿';
export const PDF_FILTER = 'PDF 文件';

export async function deliverPdf(bytes: Uint8Array, title: string, how: Delivery): Promise<string> {
  if (how === 'print') {
    const r = await bridge.printPdf({ bytes, title: title.slice(0, 120) });
    return r.status === 'failed' ? r.message : '';
  }
  const r = await bridge.saveFile({ suggestedName: `${safeFileName(title)}.pdf`, bytes, filterName: PDF_FILTER });
  return r.status === 'cancelled' ? 'cancelled' : '';
}

export async function deliverXlsx(bytes: Uint8Array, title: string): Promise<string> {
  const r = await bridge.saveFile({ suggestedName: `${safeFileName(title)}.xlsx`, bytes, filterName: XLSX_FILTER });
  return r.status === 'cancelled' ? 'cancelled' : '';
}
