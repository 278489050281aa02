import { describe, expect, it } from 'vitest';
import {
  EMPTY_RECORD_STATE,
  applyOperation,
  applyOperations,
  conflictsOf,
  hasConflicts,
  isDeleted,
  mergeStates,
  visibleValues,
  type MergeableOperation,
  type RecordState,
} from '../../../shared/sync/merge';
import { del, put, t } from './merge-fixtures';

/** Every order of a small list, so each case is checked for order independence. */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

// Base: device a created the record at 0 ms; everyone has seen it.
const base = put(t(0, 'a'), { name: '张三丰', phone: '13900000000', updatedAt: '2026-11-22T02:00:00.000Z' });
const seenBase = { name: [t(0, 'a')], phone: [t(0, 'a')] };

interface Case {
  readonly name: string;
  readonly ops: readonly MergeableOperation[];
  readonly visible: Record<string, unknown>;
  /** field → values of the competing versions, visible first. */
  readonly conflicts?: Record<string, unknown[]>;
  readonly deleted?: boolean;
}

const cases: Case[] = [
  { name: 'a single create shows every field', ops: [base], visible: { name: '张三丰', phone: '13900000000' } },
  {
    name: 'an edit made after seeing the value replaces it without conflict',
    ops: [base, put(t(10, 'b'), { name: '张君宝' }, { name: [t(0, 'a')] })],
    visible: { name: '张君宝' },
  },
  {
    name: 'two devices editing the same field concurrently: newest shows, both kept as a conflict',
    ops: [base, put(t(10, 'b'), { name: '张君宝' }, seenBase), put(t(20, 'c'), { name: '张全一' }, seenBase)],
    visible: { name: '张全一' },
    conflicts: { name: ['张全一', '张君宝'] },
  },
  {
    name: 'concurrent edits of different fields merge without conflict',
    ops: [base, put(t(10, 'b'), { name: '张君宝' }, seenBase), put(t(20, 'c'), { phone: '13911111111' }, seenBase)],
    visible: { name: '张君宝', phone: '13911111111' },
  },
  {
    name: 'a desk offline for a week still raises its conflict, though others edited since (no "≥ means seen")',
    ops: [
      base,
      put(t(5, 'b'), { name: '离线改的' }, seenBase), // b, offline, edits early…
      put(t(10, 'a'), { name: '张君宝' }, seenBase), // …a edits later…
      put(t(20, 'c'), { name: '张全一' }, { name: [t(10, 'a')] }), // …c edits after seeing a's
    ],
    visible: { name: '张全一' },
    conflicts: { name: ['张全一', '离线改的'] },
  },
  {
    name: 'two edits in a row on one desk do not hide a concurrent edit made elsewhere in between',
    ops: [base, put(t(10, 'a'), { name: '甲一' }, seenBase), put(t(5, 'b'), { name: '乙' }, seenBase), put(t(20, 'a'), { name: '甲二' }, { name: [t(10, 'a')] })],
    visible: { name: '甲二' },
    conflicts: { name: ['甲二', '乙'] },
  },
  {
    name: 'a resolution whose prev lists both versions clears the conflict',
    ops: [
      base,
      put(t(10, 'b'), { name: '张君宝' }, seenBase),
      put(t(20, 'c'), { name: '张全一' }, seenBase),
      put(t(30, 'a'), { name: '张君宝' }, { name: [t(10, 'b'), t(20, 'c')] }),
    ],
    visible: { name: '张君宝' },
  },
  {
    name: 'an ordinary edit of a conflicting field keeps the conflict for a person to decide',
    ops: [
      base,
      put(t(10, 'b'), { name: '张君宝' }, seenBase),
      put(t(20, 'c'), { name: '张全一' }, seenBase),
      put(t(30, 'a'), { name: '张三' }, { name: [t(20, 'c')] }),
    ],
    visible: { name: '张三' },
    conflicts: { name: ['张三', '张君宝'] },
  },
  {
    name: 'updatedAt and updatedBy are last-writer-wins only, never a conflict',
    ops: [
      base,
      put(t(10, 'b'), { name: '张君宝', updatedAt: '2026-11-22T02:00:00.010Z' }, seenBase),
      put(t(20, 'c'), { phone: '13911111111', updatedAt: '2026-11-22T02:00:00.020Z' }, seenBase),
    ],
    visible: { name: '张君宝', phone: '13911111111', updatedAt: '2026-11-22T02:00:00.020Z' },
  },
  {
    name: 'a cleared field (null) is absent from the record',
    ops: [base, put(t(10, 'b'), { phone: null }, { phone: [t(0, 'a')] })],
    visible: { name: '张三丰' },
  },
  {
    name: 'a delete wins over earlier puts',
    ops: [base, put(t(10, 'b'), { name: '张君宝' }, seenBase), del(t(20, 'c'), { updatedAt: '2026-11-22T02:00:00.020Z' })],
    visible: { name: '张君宝', updatedAt: '2026-11-22T02:00:00.020Z' },
    deleted: true,
  },
  {
    name: 'the tombstone sticks: a later put merges its fields but does not resurrect the record',
    ops: [base, del(t(10, 'c')), put(t(20, 'b'), { name: '张君宝' }, seenBase)],
    visible: { name: '张君宝' },
    deleted: true,
  },
];

function check(state: RecordState, c: Case): void {
  expect(visibleValues(state)).toMatchObject(c.visible);
  expect(isDeleted(state)).toBe(c.deleted ?? false);
  const conflicts = Object.fromEntries(conflictsOf(state).map((k) => [k.field, k.versions.map((v) => v.value)]));
  expect(conflicts).toEqual(c.conflicts ?? {});
  expect(hasConflicts(state)).toBe(c.conflicts !== undefined);
}

describe('merge: field-level last-writer-wins with conflicts and tombstones', () => {
  it.each(cases)('$name (in every delivery order)', (c) => {
    const states = permutations(c.ops).map((order) => applyOperations(undefined, order));
    for (const state of states) {
      check(state, c);
      expect(state).toEqual(states[0]);
    }
  });

  it.each(cases)('$name: applying every operation again changes nothing', (c) => {
    const once = applyOperations(undefined, c.ops);
    expect(applyOperations(once, c.ops)).toEqual(once);
    expect(applyOperations(once, [...c.ops].reverse())).toEqual(once);
  });

  it.each(cases)('$name: merging replicas that each saw part of it gives the whole', (c) => {
    const whole = applyOperations(undefined, c.ops);
    for (let cut = 0; cut <= c.ops.length; cut++) {
      const left = applyOperations(undefined, c.ops.slice(0, cut));
      const right = applyOperations(undefined, c.ops.slice(cut));
      expect(mergeStates(left, right)).toEqual(whole);
      expect(mergeStates(right, left)).toEqual(whole);
      expect(mergeStates(whole, left)).toEqual(whole);
    }
  });

  it('a version already superseded when it arrives never shows up as a conflict', () => {
    const resolution = put(t(30, 'a'), { name: '张君宝' }, { name: [t(10, 'b'), t(20, 'c')] });
    const late = put(t(10, 'b'), { name: '张君宝' }, seenBase);
    const state = applyOperations(undefined, [base, resolution, put(t(20, 'c'), { name: '张全一' }, seenBase), late]);
    expect(hasConflicts(state)).toBe(false);
    expect(state.superseded.name).toEqual([t(0, 'a'), t(10, 'b'), t(20, 'c')]);
  });

  it('keeps who wrote each version and when', () => {
    const state = applyOperations(undefined, [base, put(t(10, 'b'), { name: '张君宝' }, seenBase), put(t(20, 'c'), { name: '张全一' }, seenBase)]);
    expect(state.fields.name).toEqual({ value: '张全一', hlc: t(20, 'c'), device: 'c' });
    expect(state.conflicts.name).toEqual([{ value: '张君宝', hlc: t(10, 'b'), device: 'b' }]);
  });

  it('two values under one stamp (a faulty client) still resolve the same everywhere', () => {
    const x = put(t(10, 'b'), { name: '甲' });
    const y = put(t(10, 'b'), { name: '乙' });
    expect(applyOperations(undefined, [x, y])).toEqual(applyOperations(undefined, [y, x]));
  });

  it('does not touch its inputs', () => {
    const state = applyOperation(undefined, base);
    const frozen = JSON.stringify(state);
    applyOperation(state, put(t(10, 'b'), { name: '张君宝' }, seenBase));
    expect(JSON.stringify(state)).toBe(frozen);
    expect(EMPTY_RECORD_STATE).toEqual({ fields: {}, conflicts: {}, superseded: {} });
  });

  it('field names that are Object.prototype members are ordinary fields', () => {
    const state = applyOperation(undefined, put(t(10, 'b'), { constructor: 'x', toString: 'y' } as never));
    expect(visibleValues(state)).toEqual({ constructor: 'x', toString: 'y' });
    expect(hasConflicts(state)).toBe(false);
  });
});

describe('an attachment for a table row (001 （二）6: one certificate per innovation) syncs its item and row', () => {
  it('itemId and rowKey are fields the server accepts, and merge like any other field', async () => {
    const { isKnownField } = await import('../../../shared/sync/protocol');
    expect(isKnownField('attachments', 'itemId')).toBe(true);
    expect(isKnownField('attachments', 'rowKey')).toBe(true);
    const created = put(t(0, 'a'), { kind: 'scan:innovation-certificates', fileName: '软著证书.pdf', itemId: 'innovation-certificates', rowKey: 'inno-1' });
    // Another desk, having seen it, re-attaches the file to the second row.
    const moved = put(t(10, 'b'), { rowKey: 'inno-2' }, { rowKey: [t(0, 'a')] });
    for (const order of [[created, moved], [moved, created]]) {
      const state = applyOperations(undefined, order);
      expect(visibleValues(state)).toMatchObject({ itemId: 'innovation-certificates', rowKey: 'inno-2', fileName: '软著证书.pdf' });
      expect(hasConflicts(state)).toBe(false);
    }
  });
});
