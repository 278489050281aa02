import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ClockDriftError,
  InvalidHlcError,
  InvalidNodeIdError,
  MAX_CLOCK_DRIFT_MS,
  asHlc,
  checkDrift,
  compareHlc,
  formatHlc,
  initialClock,
  isHlc,
  maxHlc,
  parseHlc,
  receive,
  send,
  tryParseHlc,
  type Hlc,
  type HlcState,
} from '../../../shared/sync/hlc';

const T0 = Date.parse('2026-11-22T02:00:00.000Z');

describe('HLC format', () => {
  it('is <ISO millis>-<counter hex 4>-<node> and round-trips', () => {
    const stamp = formatHlc({ millis: T0, counter: 26, node: 'device-a' });
    expect(stamp).toBe('2026-11-22T02:00:00.000Z-001a-device-a');
    expect(parseHlc(stamp)).toEqual({ millis: T0, counter: 26, node: 'device-a' });
  });

  it.each([
    ['29 February of a leap year', '2024-02-29T23:59:59.999Z-ffff-n', Date.parse('2024-02-29T23:59:59.999Z')],
    ['29 February of 2000 (divisible by 400)', '2000-02-29T00:00:00.000Z-0000-n', Date.parse('2000-02-29T00:00:00.000Z')],
    ['a year below 100 (not read as 19xx)', '0050-06-01T00:00:00.000Z-0000-n', -60_576_249_600_000],
    ['the last millisecond a 4-digit year writes', '9999-12-31T23:59:59.999Z-0000-n', 253_402_300_799_999],
  ])('reads %s', (_label, input, millis) => {
    expect(tryParseHlc(input)?.millis).toBe(millis);
  });

  it.each([
    ['empty', ''],
    ['no node', '2026-11-22T02:00:00.000Z-0000-'],
    ['upper-case counter', '2026-11-22T02:00:00.000Z-00AF-device-a'],
    ['short counter', '2026-11-22T02:00:00.000Z-0af-device-a'],
    ['seconds precision', '2026-11-22T02:00:00Z-0000-device-a'],
    ['impossible date', '2026-02-30T02:00:00.000Z-0000-device-a'],
    ['offset instead of Z', '2026-11-22T02:00:00.000+08:00-0000-device-a'],
    ['non-ASCII node', '2026-11-22T02:00:00.000Z-0000-设备'],
    ['node with a space', '2026-11-22T02:00:00.000Z-0000-device a'],
    // Of the stamp's shape, but no day of the calendar.
    ['29 February of 1900 (not a leap year)', '1900-02-29T00:00:00.000Z-0000-n'],
    ['31 April', '2026-04-31T00:00:00.000Z-0000-n'],
    ['month 13', '2026-13-01T00:00:00.000Z-0000-n'],
    ['day 0', '2026-01-00T00:00:00.000Z-0000-n'],
    ['hour 24', '2026-01-01T24:00:00.000Z-0000-n'],
    ['second 60', '2026-01-01T00:00:60.000Z-0000-n'],
  ])('refuses %s', (_label, input) => {
    expect(tryParseHlc(input)).toBeNull();
    expect(isHlc(input)).toBe(false);
    expect(() => parseHlc(input)).toThrow(InvalidHlcError);
    expect(() => asHlc(input)).toThrow(InvalidHlcError);
  });

  it('agrees with the calendar on random strings of the stamp shape (Date as the reference)', () => {
    const d = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => String(v).padStart(n, '0'));
    const input = fc.tuple(d(4), d(2), d(2), d(2), d(2), d(2), d(3)).map(([y, mo, da, h, mi, se, ms]) => `${y}-${mo}-${da}T${h}:${mi}:${se}.${ms}Z`);
    fc.assert(
      fc.property(input, (iso) => {
        const reference = Date.parse(iso);
        const valid = Number.isFinite(reference) && new Date(reference).toISOString() === iso;
        expect(tryParseHlc(`${iso}-0000-node`)?.millis ?? null).toBe(valid ? reference : null);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses a node id that would break the ordering', () => {
    expect(() => initialClock('设备')).toThrow(InvalidNodeIdError);
    expect(() => initialClock('')).toThrow(InvalidNodeIdError);
  });

  it('string order is (millis, counter, node) order', () => {
    const state = fc.record({
      millis: fc.integer({ min: 0, max: 253_402_300_799_999 }),
      counter: fc.integer({ min: 0, max: 0xffff }),
      node: fc.constantFrom('a', 'a-b', 'b', 'device-1', '01937b2c-0000-7000-8000-000000000001'),
    });
    fc.assert(
      fc.property(state, state, (a, b) => {
        const expected = a.millis - b.millis || a.counter - b.counter || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);
        expect(compareHlc(formatHlc(a), formatHlc(b))).toBe(Math.sign(expected));
        expect(maxHlc(formatHlc(a), formatHlc(b))).toBe(expected >= 0 ? formatHlc(a) : formatHlc(b));
      }),
    );
  });
});

describe('HLC send', () => {
  it('takes the wall clock when it moved on, counts within one millisecond', () => {
    let clock = initialClock('device-a');
    const first = send(clock, T0);
    expect(first.hlc).toBe('2026-11-22T02:00:00.000Z-0000-device-a');
    clock = first.clock;
    const second = send(clock, T0);
    expect(second.hlc).toBe('2026-11-22T02:00:00.000Z-0001-device-a');
    expect(send(second.clock, T0 + 5).hlc).toBe('2026-11-22T02:00:00.005Z-0000-device-a');
  });

  it('never goes backwards when the wall clock does', () => {
    const ahead = send(initialClock('device-a'), T0 + 60_000).clock;
    const after = send(ahead, T0);
    expect(after.hlc > formatHlc(ahead)).toBe(true);
    expect(after.clock.millis).toBe(T0 + 60_000);
  });

  it('on counter overflow borrows the next millisecond instead of failing a save', () => {
    const full: HlcState = { millis: T0, counter: 0xffff, node: 'device-a' };
    const next = send(full, T0);
    expect(next.clock).toEqual({ millis: T0 + 1, counter: 0, node: 'device-a' });
    expect(next.hlc > formatHlc(full)).toBe(true);
  });

  it('refuses a nonsensical wall clock', () => {
    expect(() => send(initialClock('device-a'), Number.NaN)).toThrow(RangeError);
    expect(() => send(initialClock('device-a'), -1)).toThrow(RangeError);
  });

  it('is strictly increasing for any sequence of wall-clock readings', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: T0 - 10_000, max: T0 + 10_000 }), { minLength: 1, maxLength: 200 }), (nows) => {
        let clock = initialClock('device-a');
        let last = '';
        for (const now of nows) {
          const r = send(clock, now);
          expect(r.hlc > last).toBe(true);
          last = r.hlc;
          clock = r.clock;
        }
      }),
    );
  });
});

describe('HLC receive', () => {
  const remote = (millis: number, counter: number): Hlc => formatHlc({ millis, counter, node: 'device-b' });

  it.each([
    ['remote ahead, wall behind: takes the remote and counts past it', { millis: T0, counter: 3 }, remote(T0 + 1000, 7), T0 + 500, { millis: T0 + 1000, counter: 8 }],
    ['local ahead: counts on its own', { millis: T0 + 2000, counter: 3 }, remote(T0 + 1000, 7), T0 + 500, { millis: T0 + 2000, counter: 4 }],
    ['same millisecond: passes both counters', { millis: T0, counter: 3 }, remote(T0, 7), T0, { millis: T0, counter: 8 }],
    ['wall clock ahead of both: resets the counter', { millis: T0, counter: 3 }, remote(T0, 7), T0 + 1, { millis: T0 + 1, counter: 0 }],
  ])('%s', (_label, local, stamp, now, expected) => {
    const next = receive({ ...local, node: 'device-a' }, stamp, now);
    expect(next).toEqual({ ...expected, node: 'device-a' });
    // Whatever happens next on this device is stamped after what it received.
    expect(send(next, now).hlc > stamp).toBe(true);
  });

  it('accepts a remote stamp up to the drift limit and refuses one beyond it', () => {
    const clock = initialClock('device-a');
    expect(() => receive(clock, remote(T0 + MAX_CLOCK_DRIFT_MS, 0), T0)).not.toThrow();
    const error = (() => {
      try {
        receive(clock, remote(T0 + MAX_CLOCK_DRIFT_MS + 1, 0), T0);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ClockDriftError);
    expect((error as ClockDriftError).message).toContain('请校正电脑时间');
  });

  it('checkDrift is the same guard, for a server that only checks', () => {
    expect(checkDrift(remote(T0 + 1000, 0), T0)).toMatchObject({ millis: T0 + 1000, node: 'device-b' });
    expect(() => checkDrift(remote(T0 + MAX_CLOCK_DRIFT_MS + 1, 0), T0)).toThrow(ClockDriftError);
  });

  it('a custom drift limit applies', () => {
    expect(() => receive(initialClock('device-a'), remote(T0 + 2000, 0), T0, 1000)).toThrow(ClockDriftError);
  });

  it('refuses a malformed remote stamp', () => {
    expect(() => receive(initialClock('device-a'), 'yesterday', T0)).toThrow(InvalidHlcError);
  });

  it('after receiving, every later send is after every stamp received (causality)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: 0, max: 0xffff })), { maxLength: 100 }),
        (events) => {
          let clock = initialClock('device-a');
          let highest = '';
          for (const [isReceive, offset, counter] of events) {
            if (isReceive) {
              const stamp = remote(T0 + offset, counter);
              clock = receive(clock, stamp, T0);
              if (stamp > highest) highest = stamp;
            } else {
              const r = send(clock, T0 + Math.floor(offset / 10));
              expect(r.hlc > highest).toBe(true);
              highest = r.hlc;
              clock = r.clock;
            }
          }
        },
      ),
    );
  });
});
