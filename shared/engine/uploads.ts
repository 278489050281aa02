/**
 * What the attachments say about an electronic checklist (001 （二）6: 营业执照, 3 个财务报表, one
 * file per contract — the ten largest when there are more — and one certificate per innovation):
 * each uploaded file names its checklist item (and, for an item asked per table row, the row), so
 * the checklist's received copies are counted from the files rather than typed. A clerk's
 * rejection of an item (驳回 of a wrong file) stands until a file is added after it.
 */
import type { FieldValues } from '../programs/condition';
import type { ApplicationKindId, ProgramPack } from '../programs/schema';
import type { MaterialInput } from './checklist';
import { kindPlan } from './plan';
import { uploadPlans, type RowAttachment } from './tables';

export interface UploadedFile extends RowAttachment {
  /** When it was added (createdAt), to tell a file added after a rejection. */
  readonly createdAt?: string | undefined;
}

/**
 * One MaterialInput per electronic item of the kind with its received copies counted from the
 * files (per-row items: files of asked rows, one per row). `recorded` are the clerk's records:
 * a rejection stands unless a file was added after it (`rejectedAt`).
 */
export function materialsFromUploads(
  pack: ProgramPack,
  kind: ApplicationKindId,
  values: FieldValues,
  files: readonly UploadedFile[],
  recorded: readonly (MaterialInput & { readonly rejectedAt?: string | undefined })[] = [],
): MaterialInput[] {
  const live = files.filter((f) => !f.deleted && f.itemId !== undefined);
  const plans = new Map(uploadPlans(pack, kind, values).map((p) => [p.item.id, p]));
  const out: MaterialInput[] = [];
  for (const m of kindPlan(pack, kind).materials) {
    if (m.item.medium !== 'electronic') continue;
    const mine = live.filter((f) => f.itemId === m.id);
    const plan = plans.get(m.id);
    let copies: number;
    if (plan !== undefined) {
      const keys = new Set(mine.map((f) => f.rowKey));
      copies = plan.rows.filter((r) => r.asked && keys.has(r.key)).length * m.copies;
    } else {
      copies = mine.length;
    }
    const record = recorded.find((r) => r.itemId === m.id);
    const latest = mine.reduce<string>((a, f) => (f.createdAt !== undefined && f.createdAt > a ? f.createdAt : a), '');
    if (record?.status === 'rejected' && (record.rejectedAt === undefined || latest <= record.rejectedAt)) {
      out.push({ ...record, copiesReceived: copies });
      continue;
    }
    out.push({ itemId: m.id, status: copies > 0 ? 'received' : 'pending', copiesReceived: copies });
  }
  return out;
}
