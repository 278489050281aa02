import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../../../renderer/src/db/database';
import { useFreshDb } from '../db/fresh-db';
import { ValidationError } from '../../../renderer/src/db/errors';
import type { WriteContext } from '../../../renderer/src/db/repository';
import {
  createOrganisation,
  DuplicateOrganisationError,
  findOrganisationByCreditCode,
  findOrganisationDuplicates,
  organisationNameVariants,
  searchOrganisations,
  SimilarOrganisationWarning,
} from '../../../renderer/src/features/organisations/commands';
import { computeCreditCodeCheckChar } from '../../../shared/rules/credit-code';

const ctx: WriteContext = { userId: 'clerk-1', deviceId: 'device-a', now: () => new Date('2026-11-22T02:00:00.000Z') };
const code = (first17: string): string => first17 + computeCreditCodeCheckChar(first17)!;
const A = code('91650100MA7XKQ2B3');
const B = code('91650100MA7XKQ2B4');
const C = code('51650000MJY123456');
const NAME = '新疆天山信息技术（集团）有限公司';

let db: DeskDatabase;
useFreshDb('organisations-test', (opened) => { db = opened; });

const counts = async () => ({ orgs: await db.organisations.count(), outbox: await db.outbox.count(), audit: await db.auditLog.count() });

describe('organisations', () => {
  it('registers with the normalised code and the optional details', async () => {
    const typed = ` ${A.toLowerCase().slice(0, 9)} ${A.slice(9)}`;
    const org = await createOrganisation({ name: NAME, creditCode: typed, contact: ' 王经理 ', phone: '', address: '乌鲁木齐市' }, ctx, { database: db });
    expect(org).toMatchObject({ name: NAME, creditCode: A, contact: '王经理', address: '乌鲁木齐市' });
    expect(org).not.toHaveProperty('phone');
    expect(await counts()).toEqual({ orgs: 1, outbox: 1, audit: 1 });
    expect((await findOrganisationByCreditCode(A.toLowerCase(), db))?.id).toBe(org.id);
  });

  it('refuses a bad code with the rule\'s message and writes nothing', async () => {
    const bad = A.slice(0, 17) + (A.endsWith('0') ? '1' : '0');
    const error = await createOrganisation({ name: NAME, creditCode: bad }, ctx, { database: db }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]!.path).toBe('creditCode');
    expect(await counts()).toEqual({ orgs: 0, outbox: 0, audit: 0 });
  });

  it('refuses the same code naming the organisation on file', async () => {
    const first = await createOrganisation({ name: NAME, creditCode: A }, ctx, { database: db });
    const error = await createOrganisation({ name: '别的名字', creditCode: A }, ctx, { database: db, allowSameName: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateOrganisationError);
    expect((error as DuplicateOrganisationError).existing.id).toBe(first.id);
    expect((error as Error).message).toContain(NAME);
    expect(await counts()).toEqual({ orgs: 1, outbox: 1, audit: 1 });
  });

  it('warns about the same name (brackets half- or full-width) under another code; the clerk may override', async () => {
    const first = await createOrganisation({ name: NAME, creditCode: A }, ctx, { database: db });
    const halfWidth = NAME.replace('（', '(').replace('）', ')');
    const warning = await createOrganisation({ name: halfWidth, creditCode: B }, ctx, { database: db }).catch((e: unknown) => e);
    expect(warning).toBeInstanceOf(SimilarOrganisationWarning);
    expect((warning as SimilarOrganisationWarning).similar.map((o) => o.id)).toEqual([first.id]);
    expect(await counts()).toEqual({ orgs: 1, outbox: 1, audit: 1 });
    await createOrganisation({ name: halfWidth, creditCode: B }, ctx, { database: db, allowSameName: true });
    expect(await counts()).toEqual({ orgs: 2, outbox: 2, audit: 2 });

    const found = await findOrganisationDuplicates({ creditCode: A, name: NAME }, db);
    expect(found.map((d) => d.reason)).toEqual(['same-credit-code', 'same-name']);
  });

  it('name variants and search by name or code prefix', async () => {
    expect(organisationNameVariants(' 甲(乙)丙 ')).toEqual(['甲(乙)丙', '甲（乙）丙']);
    expect(organisationNameVariants('  ')).toEqual([]);
    await createOrganisation({ name: NAME, creditCode: A }, ctx, { database: db });
    await createOrganisation({ name: '浙江某某软件有限公司', creditCode: C }, ctx, { database: db });
    expect((await searchOrganisations('新疆', 10, db)).map((o) => o.creditCode)).toEqual([A]);
    expect((await searchOrganisations('5165', 10, db)).map((o) => o.creditCode)).toEqual([C]);
    expect((await searchOrganisations(A.slice(0, 10).toLowerCase(), 10, db)).map((o) => o.creditCode)).toEqual([A]);
    expect(await searchOrganisations('', 10, db)).toHaveLength(2);
  });
});
