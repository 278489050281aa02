import { describe, expect, it } from 'vitest';
import { rosterMembers, rosterSources } from '../../../shared/documents/roster-files';
import { programPacks } from '../../../shared/programs';

const app = (no: string, programId: string, status: string, deleted?: boolean) => ({ applicationNo: no, programId, status, ...(deleted ? { deleted } : {}) });

describe('rosters list what their pack document says', () => {
  it('the P4 花名册 is the zj pack’s roster layout, and only that pack’s', () => {
    expect(rosterSources(programPacks, 'zj-it-senior-roster').map((s) => s.pack.id)).toEqual(['zj-it-senior']);
    expect(rosterSources(programPacks, 'rk-talent-register').map((s) => s.pack.id)).toEqual(['rk-registration']);
    expect(rosterSources(programPacks, 'no-such-layout')).toEqual([]);
  });

  it('002 附件4 一 2: those recommended — returned and withdrawn-for-fraud files are left off, sorted by number', () => {
    const [source] = rosterSources(programPacks, 'zj-it-senior-roster');
    const members = rosterMembers(source!, [
      app('P4-2026-0003', 'zj-it-senior', 'panel'),
      app('P4-2026-0001', 'zj-it-senior', 'received'),
      app('P4-2026-0002', 'zj-it-senior', 'returned'),
      app('P4-2026-0004', 'zj-it-senior', 'withdrawn-fraud'),
      app('P4-2026-0005', 'zj-it-senior', 'panel', true),
      app('P5-2026-0001', 'rk-registration', 'received'),
    ]);
    expect(members.map((a) => a.applicationNo)).toEqual(['P4-2026-0001', 'P4-2026-0003']);
  });
});
