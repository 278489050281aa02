/**
 * Convergence, checked on random histories: three desks edit one record while syncing with each
 * other at random moments (so each edit's `prev` is what its desk really had seen), then every
 * replica receives all operations in its own random order with duplicates. All replicas must end
 * equal, merging again must change nothing, nothing may vanish unless an edit superseded it, and
 * one resolution per conflicting field must clear every conflict everywhere.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type HlcState, initialClock, receive } from '../../../shared/sync/hlc';
import { EMPTY_RECORD_STATE, LWW_ONLY_FIELDS, applyOperation, applyOperations, conflictsOf, hasConflicts, isDeleted, mergeStates, stateOfOperation, type RecordState } from '../../../shared/sync/merge';
import { type Operation } from '../../../shared/sync/protocol';
import { stampOperation } from '../../../shared/sync/stamp';
import { t } from './merge-fixtures';

const T0 = Date.parse('2026-11-22T02:00:00.000Z');
const RECORD = '01937b2c-0000-7000-8000-000000000001';
const DEVICES = ['desk-a', 'desk-b', 'desk-c'] as const;
const FIELDS = ['name', 'phone', 'note', 'updatedAt'] as const;

type Action =
  | { type: 'edit'; device: number; field: (typeof FIELDS)[number]; value: string; dt: number }
  | { type: 'delete'; device: number; dt: number }
  | { type: 'sync'; from: number; to: number; take: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.constant('edit' as const), device: fc.nat(2), field: fc.constantFrom(...FIELDS), value: fc.constantFrom('甲', '乙', '丙', '丁', ''), dt: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('delete' as const), device: fc.nat(2), dt: fc.nat(3) }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constant('sync' as const), from: fc.nat(2), to: fc.nat(2), take: fc.integer({ min: 1, max: 6 }) }) },
);

interface Desk {
  clock: HlcState;
  state: RecordState | undefined;
  known: Operation[];
  skewMs: number;
}

let opCounter = 0;
const nextOpId = () => `01937b2c-0000-7000-8000-${(++opCounter).toString(16).padStart(12, '0')}`;

/** Plays the actions; returns every operation written, in authoring order. */
function simulate(actions: readonly Action[], skews: readonly number[]): { ops: Operation[]; desks: Desk[]; now: number } {
  const desks: Desk[] = DEVICES.map((d, i) => ({ clock: initialClock(d), state: undefined, known: [], skewMs: skews[i]! }));
  const ops: Operation[] = [];
  let now = T0;
  const author = (desk: Desk, kind: 'put' | 'delete', fields: Record<string, unknown>, resolves?: string[]) => {
    const { operation, clock } = stampOperation(
      { id: nextOpId(), table: 'people', recordId: RECORD, kind, fields, userId: 'clerk', ...(resolves ? { resolves } : {}) },
      desk.state,
      desk.clock,
      now + desk.skewMs,
    );
    desk.clock = clock;
    desk.state = applyOperation(desk.state, operation);
    desk.known.push(operation);
    ops.push(operation);
  };
  for (const a of actions) {
    if (a.type === 'sync') {
      if (a.from === a.to) continue;
      const from = desks[a.from]!;
      const to = desks[a.to]!;
      const have = new Set(to.known.map((o) => o.id));
      for (const op of from.known.filter((o) => !have.has(o.id)).slice(0, a.take)) {
        to.clock = receive(to.clock, op.hlc, now + to.skewMs);
        to.state = applyOperation(to.state, op);
        to.known.push(op);
      }
      continue;
    }
    now += a.dt;
    const desk = desks[a.device]!;
    if (desk.state !== undefined && isDeleted(desk.state)) continue; // the repository refuses edits of deleted records
    if (a.type === 'delete') {
      if (desk.state !== undefined) author(desk, 'delete', { updatedAt: String(now) });
    } else {
      author(desk, 'put', { [a.field]: a.value === '' ? undefined : a.value });
    }
  }
  return { ops, desks, now };
}

/** mulberry32: a seeded shuffle, so fast-check can replay a failing delivery order. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** All operations in a random order, about a third of them delivered twice. */
function delivery<T>(items: readonly T[], seed: number): T[] {
  const r = random(seed);
  const out = [...items, ...items.filter(() => r() < 0.33)];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const history = fc.record({
  actions: fc.array(action, { minLength: 1, maxLength: 60 }),
  skews: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 3, maxLength: 3 }),
  seeds: fc.array(fc.integer(), { minLength: 4, maxLength: 4 }),
});

describe('merge converges (property)', () => {
  it('replicas receiving all operations in any order, with duplicates, end equal; merging again changes nothing', () => {
    fc.assert(
      fc.property(history, ({ actions, skews, seeds }) => {
        const { ops } = simulate(actions, skews);
        const replicas = seeds.map((seed) => applyOperations(undefined, delivery(ops, seed)));
        for (const replica of replicas) expect(replica).toEqual(replicas[0]);
        const [first, second] = replicas as [RecordState, RecordState];
        expect(applyOperations(first, ops)).toEqual(first);
        expect(mergeStates(first, second)).toEqual(first);
        expect(mergeStates(first, EMPTY_RECORD_STATE)).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('nothing vanishes silently: every version written is visible, in conflict, or superseded by someone who saw it', () => {
    fc.assert(
      fc.property(history, ({ actions, skews, seeds }) => {
        const { ops } = simulate(actions, skews);
        const state = applyOperations(undefined, delivery(ops, seeds[0]!));
        for (const op of ops) {
          for (const field of Object.keys(op.fields)) {
            const visible = state.fields[field]!;
            if (LWW_ONLY_FIELDS.has(field)) {
              expect(visible.hlc >= op.hlc).toBe(true);
              continue;
            }
            const kept = [visible, ...(state.conflicts[field] ?? [])].some((v) => v.hlc === op.hlc);
            const superseded = (state.superseded[field] ?? []).includes(op.hlc);
            expect(kept || superseded).toBe(true);
          }
        }
        // The visible value of each field is the newest write of it (last writer wins).
        for (const [field, visible] of Object.entries(state.fields)) {
          const newest = ops.filter((o) => Object.hasOwn(o.fields, field)).reduce((m, o) => (o.hlc > m ? o.hlc : m), '');
          expect(visible.hlc).toBe(newest);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a desk that has seen everything resolves each conflict with one operation, and it clears on every replica', () => {
    fc.assert(
      fc.property(history, ({ actions, skews, seeds }) => {
        const { ops, now } = simulate(actions, skews);
        const full = applyOperations(undefined, ops);
        const resolver = { clock: ops.reduce((c, o) => receive(c, o.hlc, now), initialClock('desk-a')), state: full };
        const resolutions: Operation[] = [];
        for (const conflict of conflictsOf(full)) {
          const chosen = conflict.versions[conflict.versions.length - 1]!.value; // the person picks the older one
          const { operation, clock } = stampOperation(
            { id: nextOpId(), table: 'people', recordId: RECORD, kind: 'put', fields: { [conflict.field]: chosen }, userId: 'clerk', resolves: [conflict.field] },
            resolver.state,
            resolver.clock,
            now,
          );
          resolver.clock = clock;
          resolver.state = applyOperation(resolver.state, operation);
          resolutions.push(operation);
          expect(resolver.state.fields[conflict.field]!.value).toEqual(chosen);
        }
        expect(hasConflicts(resolver.state)).toBe(false);
        // Replicas that already converged, and replicas receiving everything anew in any order.
        const patched = seeds.map((seed) => applyOperations(full, delivery(resolutions, seed)));
        const fresh = seeds.map((seed) => applyOperations(undefined, delivery([...ops, ...resolutions], seed)));
        for (const replica of [...patched, ...fresh]) {
          expect(hasConflicts(replica)).toBe(false);
          expect(replica).toEqual(resolver.state);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the property is not vacuous: conflicts do arise in these histories', () => {
    const samples = fc.sample(history, { numRuns: 300, seed: 42 });
    const withConflicts = samples.filter(({ actions, skews }) => hasConflicts(applyOperations(undefined, simulate(actions, skews).ops)));
    expect(withConflicts.length).toBeGreaterThan(20);
  });
});

describe("a record's first operation", () => {
  it('gives the state the general merge gives (fields in name order, no conflicts)', () => {
    const name = fc.constantFrom('name', 'phone', 'updatedAt', 'constructor', 'toString', 'b', 'a');
    const value = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }));
    fc.assert(
      fc.property(fc.dictionary(name, value, { minKeys: 1 }), fc.integer({ min: 0, max: 1e12 }), (fields, millis) => {
        const op = { kind: 'put', fields, prev: {}, hlc: t(millis, 'desk-a'), deviceId: 'desk-a' } as const;
        const general = mergeStates(EMPTY_RECORD_STATE, stateOfOperation(op));
        expect(JSON.stringify(applyOperation(undefined, op))).toBe(JSON.stringify(general));
      }),
    );
  });
});
