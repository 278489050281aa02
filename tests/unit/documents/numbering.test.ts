import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_LEDGER, MAX_SEQUENCE, emptyDeviceNumbers, formatCertificateNo, issueNext, needsTopUp, parseCertificateNo, receiveBlock, remainingNumbers, reserveBlock, type DeviceNumbers, type NumberBlock, type NumberLedger } from '../../../shared/documents/numbering';
import { expectFail, expectOk } from '../rules/expect-result';

const PM = { prefix: 'XJPM', year: 2026 };

describe('certificate number format', () => {
  it('is PREFIX-YEAR-six digits and parses back', () => {
    expect(formatCertificateNo(PM, 123)).toBe('XJPM-2026-000123');
    expect(parseCertificateNo('XJPM-2026-000123')).toEqual({ prefix: 'XJPM', year: 2026, sequence: 123 });
    for (const bad of ['XJPM-2026-123', 'xjpm-2026-000123', 'XJPM-2026-000000', 'XJPM2026000123']) expect(parseCertificateNo(bad)).toBeNull();
  });
});

describe('block reservation and issuing', () => {
  it('hands out consecutive disjoint blocks per series and issues from them in order', () => {
    let ledger: NumberLedger = EMPTY_LEDGER;
    const a1 = expectOk(reserveBlock(ledger, { ...PM, deviceId: 'A', size: 3 }));
    ledger = a1.ledger;
    const b1 = expectOk(reserveBlock(ledger, { ...PM, deviceId: 'B', size: 2 }));
    ledger = b1.ledger;
    const other = expectOk(reserveBlock(ledger, { prefix: 'XJPM', year: 2027, deviceId: 'A', size: 5 }));
    expect(a1.block).toMatchObject({ series: 'XJPM-2026', start: 1, end: 3 });
    expect(b1.block).toMatchObject({ start: 4, end: 5 });
    expect(other.block).toMatchObject({ series: 'XJPM-2027', start: 1, end: 5 });

    let a = expectOk(receiveBlock(emptyDeviceNumbers('A'), a1.block));
    const issued: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = expectOk(issueNext(a, PM));
      a = r.state;
      issued.push(r.certificateNo);
    }
    expect(issued).toEqual(['XJPM-2026-000001', 'XJPM-2026-000002', 'XJPM-2026-000003']);
    expect(remainingNumbers(a, PM)).toBe(0);
    expect(needsTopUp(a, PM)).toBe(true);
    expectFail(issueNext(a, PM), 'numbering.no-block');
  });

  it('accepts the same block twice (sync redelivery) without resetting it, refuses another device’s block', () => {
    const { block } = expectOk(reserveBlock(EMPTY_LEDGER, { ...PM, deviceId: 'A', size: 5 }));
    let a = expectOk(receiveBlock(emptyDeviceNumbers('A'), block));
    a = expectOk(issueNext(a, PM)).state;
    a = expectOk(receiveBlock(a, block));
    expect(expectOk(issueNext(a, PM)).certificateNo).toBe('XJPM-2026-000002');
    expectFail(receiveBlock(emptyDeviceNumbers('B'), block), 'numbering.wrong-device');
    expectFail(receiveBlock(a, { ...block, end: 7 }), 'numbering.conflict');
  });

  it('stops at 999999 and validates its inputs', () => {
    const nearlyFull: NumberLedger = { blocks: [{ series: 'XJPM-2026', deviceId: 'A', start: 1, end: MAX_SEQUENCE - 10 }] };
    expect(expectOk(reserveBlock(nearlyFull, { ...PM, deviceId: 'B', size: 10 })).block.end).toBe(MAX_SEQUENCE);
    expectFail(reserveBlock(nearlyFull, { ...PM, deviceId: 'B', size: 11 }), 'numbering.exhausted');
    expectFail(reserveBlock(EMPTY_LEDGER, { prefix: 'xj', year: 2026, deviceId: 'A' }), 'numbering.prefix');
    expectFail(reserveBlock(EMPTY_LEDGER, { prefix: 'XJPM', year: 1999, deviceId: 'A' }), 'numbering.year');
    expectFail(reserveBlock(EMPTY_LEDGER, { ...PM, deviceId: 'A', size: 0 }), 'numbering.size');
    expectFail(reserveBlock(EMPTY_LEDGER, { ...PM, deviceId: ' ' }), 'numbering.device');
  });
});

type Op =
  | { kind: 'reserve'; device: number; size: number; series: number }
  | { kind: 'deliver'; device: number; pick: number }
  | { kind: 'issue'; device: number; series: number };

const SERIES = [PM, { prefix: 'XJPM', year: 2027 }, { prefix: 'IETS', year: 2026 }];
const DEVICES = ['desk-1', 'desk-2', 'laptop-3'];

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('reserve' as const), device: fc.nat(2), size: fc.integer({ min: 1, max: 6 }), series: fc.nat(2) }),
  fc.record({ kind: fc.constant('deliver' as const), device: fc.nat(2), pick: fc.nat(50) }),
  fc.record({ kind: fc.constant('issue' as const), device: fc.nat(2), series: fc.nat(2) }),
  fc.record({ kind: fc.constant('issue' as const), device: fc.nat(2), series: fc.nat(2) }),
);

describe('two (or three) offline devices never issue the same number', () => {
  it('holds over random interleavings of reservations, late or repeated deliveries and offline issuing', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 200 }), (ops) => {
        let ledger: NumberLedger = EMPTY_LEDGER;
        // Blocks reserved at the ledger but not yet synced to their device (delivery is late, any order, may repeat).
        const inFlight: NumberBlock[] = [];
        const devices: DeviceNumbers[] = DEVICES.map((d) => emptyDeviceNumbers(d));
        const issued = new Map<string, string>();
        for (const op of ops) {
          const device = devices[op.device] as DeviceNumbers;
          if (op.kind === 'reserve') {
            const r = reserveBlock(ledger, { ...(SERIES[op.series] ?? PM), deviceId: device.deviceId, size: op.size });
            if (!r.ok) return false;
            ledger = r.value.ledger;
            inFlight.push(r.value.block);
          } else if (op.kind === 'deliver') {
            const mine = inFlight.filter((b) => b.deviceId === device.deviceId);
            const block = mine[op.pick % Math.max(1, mine.length)];
            if (!block) continue;
            const r = receiveBlock(device, block);
            if (!r.ok) return false;
            devices[op.device] = r.value;
          } else {
            const r = issueNext(device, SERIES[op.series] ?? PM);
            if (!r.ok) {
              if (r.error.code !== 'numbering.no-block') return false;
              continue;
            }
            devices[op.device] = r.value.state;
            const no = r.value.certificateNo;
            if (issued.has(no)) return false; // the property: no duplicates, whoever issued it
            issued.set(no, device.deviceId);
            // …and every number comes from a block the ledger gave that very device.
            const parsed = parseCertificateNo(no);
            const owner = ledger.blocks.find((b) => parsed && b.series === `${parsed.prefix}-${parsed.year}` && b.start <= parsed.sequence && parsed.sequence <= b.end);
            if (owner?.deviceId !== device.deviceId) return false;
          }
        }
        // Ledger blocks of a series never overlap.
        for (const a of ledger.blocks) for (const b of ledger.blocks) if (a !== b && a.series === b.series && a.start <= b.end && b.start <= a.end) return false;
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
