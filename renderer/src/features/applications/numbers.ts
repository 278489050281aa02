/**
 * Application numbers (申请编号), written on the paper file at the counter. Desks number
 * offline, so a number carries the desk: `P4-2026-3F9A-0012` is program P4, received in 2026,
 * the 12th on the desk whose id ends in 3F9A. Two desks can never produce the same number, and a
 * clerk can still read it over the phone.
 */
import { PROGRAM_IDS } from '../../../../shared/programs';
import type { DeskDatabase } from '../../db/database';

/** P1 … P6 in the order of PROGRAMS.md. */
export function programCode(programId: string): string {
  const i = (PROGRAM_IDS as readonly string[]).indexOf(programId);
  return i < 0 ? 'PX' : `P${i + 1}`;
}

export function deskTag(deviceId: string): string {
  return deviceId.replace(/[^0-9a-f]/gi, '').slice(-4).toUpperCase().padStart(4, '0');
}

export function formatApplicationNo(programId: string, year: number, deviceId: string, sequence: number): string {
  return `${programCode(programId)}-${year}-${deskTag(deviceId)}-${String(sequence).padStart(4, '0')}`;
}

/**
 * The next number for this program and year on this desk. Call inside the transaction that
 * creates the application (settings must be in its scope) so two tabs never take one number.
 */
export async function nextApplicationNo(db: DeskDatabase, programId: string, year: number, deviceId: string): Promise<string> {
  const key = `applicationNo.${programId}.${year}`;
  const row = await db.settings.get(key);
  const next = (typeof row?.value === 'number' ? row.value : 0) + 1;
  await db.settings.put({ key, value: next });
  return formatApplicationNo(programId, year, deviceId, next);
}
