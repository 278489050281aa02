/**
 * What the clerk records about the paper materials of one application: per checklist item, one
 * `materials` record (received / missing / rejected with the reason, copies received, original
 * verified by whom and when), and the "volume 2 is thick" mark the binding plan splits on.
 *
 * Nothing here judges completeness: the engine (shared/engine/checklist) reads these records and
 * says what is missing. These functions only refuse input that cannot be recorded (a rejection
 * without a reason, a copy count that is not a whole number), with a Chinese message and nothing
 * written.
 */
import type { Application, Material } from '../../../../shared/model/records';
import type { ChecklistLine, MaterialStatus } from '../../../../shared/engine/checklist';
import { getPack } from '../../../../shared/programs';
import { db, repositories } from '../../db';
import { ValidationError } from '../../db/errors';
import { writeContext } from '../../session';
import { currentUser } from '../../stores/session';
import { todayIso } from '../../today';

export interface MaterialMark {
  readonly status?: MaterialStatus;
  readonly copiesReceived?: number;
  /** Required (non-blank) when the status is or becomes 'rejected'. */
  readonly rejectReason?: string;
  /** true: checked against the original now, by the signed-in user; false: the check is withdrawn. */
  readonly originalVerified?: boolean;
  readonly note?: string;
}

export interface MarkOptions {
  /** The day the original was verified; defaults to today. */
  readonly today?: string;
  /** Why the change was made (kept in the audit log). */
  readonly reason?: string;
}

const MAX_COPIES = 999;

const refuse = (path: string, message: string): ValidationError => new ValidationError([{ path, message }]);

/** The tables a material write touches, for one transaction over all of them. */
function materialTables() {
  return [db.applications, db.materials, db.outbox, db.auditLog, db.mergeStates, db.settings];
}

/**
 * The record the engine reads for this item: when two desks each created one offline, the last
 * by id (creation) wins, as `checklistOf` takes the last of the list `loadApplicationFile` gives.
 */
async function currentRecord(applicationId: string, itemId: string): Promise<Material | undefined> {
  const rows = await db.materials.where('[applicationId+itemId]').equals([applicationId, itemId]).toArray();
  const live = rows.filter((r) => !r.deleted).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return live.at(-1);
}

function checkItem(application: Application, itemId: string): void {
  const pack = getPack(application.programId);
  if (pack === undefined) throw refuse('itemId', `未知的业务类型“${application.programId}”。`);
  if (!pack.checklist.some((m) => m.id === itemId)) throw refuse('itemId', `材料“${itemId}”不在本业务的材料清单中。`);
}

/** Parses a copy count as typed ('2', '２', 2); a Chinese message when it is not 0–999. */
export function parseCopies(raw: unknown): number {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim().replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)) : '';
  if (text === '') throw refuse('copiesReceived', '请填写实收份数。');
  if (!/^\d+$/.test(text)) throw refuse('copiesReceived', `实收份数“${String(raw)}”应为 0–${MAX_COPIES} 的整数。`);
  const n = Number(text);
  if (n > MAX_COPIES) throw refuse('copiesReceived', `实收份数不能超过 ${MAX_COPIES} 份。`);
  return n;
}

/**
 * Records the clerk's mark on one checklist item of one application: creates the item's
 * `materials` record on first use, otherwise changes it. Returns the record as stored.
 * Throws `ValidationError` (nothing written) for a rejection without a reason, a bad copy count,
 * an item not in the program's checklist, or an application that does not exist.
 */
export async function markMaterial(applicationId: string, itemId: string, mark: MaterialMark, options: MarkOptions = {}): Promise<Material> {
  const ctx = await writeContext(options.reason);
  const user = currentUser();
  const today = options.today ?? todayIso();
  if (mark.copiesReceived !== undefined) parseCopies(mark.copiesReceived);
  const reason = mark.rejectReason?.trim();
  return db.transaction('rw', materialTables(), async () => {
    const application = await db.applications.get(applicationId);
    if (application === undefined || application.deleted) throw refuse('applicationId', '找不到这份申请，可能已被删除。');
    checkItem(application, itemId);
    const before = await currentRecord(applicationId, itemId);
    const status = mark.status ?? before?.status ?? 'pending';
    const rejectReason = reason ?? before?.rejectReason?.trim() ?? '';
    if (status === 'rejected' && rejectReason === '') throw refuse('rejectReason', '退回材料须写明原因。');

    const patch: Partial<Omit<Material, 'id' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy' | 'deleted'>> = {};
    if (mark.status !== undefined) patch.status = mark.status;
    if (mark.copiesReceived !== undefined) patch.copiesReceived = mark.copiesReceived;
    if (reason !== undefined) patch.rejectReason = reason;
    if (mark.note !== undefined) patch.note = mark.note;
    if (mark.originalVerified === true) {
      patch.originalVerifiedBy = user?.displayName ?? ctx.userId;
      patch.originalVerifiedOn = today;
    } else if (mark.originalVerified === false && before?.originalVerifiedBy) {
      // A field cannot be removed from a synced record; an empty verifier means "not verified"
      // (intake/file.ts engineInput). The old date stays as history of the withdrawn check.
      patch.originalVerifiedBy = '';
    }

    if (before === undefined) {
      return repositories.materials.create(
        { applicationId, itemId, status, copiesReceived: patch.copiesReceived ?? 0, ...patch },
        ctx,
      );
    }
    return repositories.materials.update(before.id, patch, ctx);
  });
}

/**
 * What one keystroke on a checklist line means (Space/Enter): a received line goes back to
 * missing; anything else becomes received, with the copies the pack asks for when none were
 * counted yet (the clerk corrects the number if the pile is short).
 */
export function toggleReceivedMark(line: Pick<ChecklistLine, 'status' | 'copiesRequired' | 'copiesReceived'>): MaterialMark {
  if (line.status === 'received') return { status: 'missing' };
  return line.copiesReceived > 0 ? { status: 'received' } : { status: 'received', copiesReceived: line.copiesRequired };
}

/**
 * 002 附件4 三: the clerk marks volume 2 too thick to bind as one; the binding plan splits it into
 * this many parts (1 = not split). Throws `ValidationError` outside 1–9.
 */
export async function setVolume2Parts(applicationId: string, parts: number, reason?: string): Promise<Application> {
  if (!Number.isInteger(parts) || parts < 1 || parts > 9) throw refuse('volume2Parts', '第二册分册数应为 1–9 的整数。');
  const ctx = await writeContext(reason);
  return repositories.applications.update(applicationId, { volume2Parts: parts }, ctx);
}
