import { describe, expect, it } from 'vitest';
import { initialClock, send } from '../../../shared/sync/hlc';
import { applyOperations } from '../../../shared/sync/merge';
import { operationSchema } from '../../../shared/sync/protocol';
import { prevFor, stampOperation, toFieldValue } from '../../../shared/sync/stamp';
import { put, t } from './merge-fixtures';

const T0 = Date.parse('2026-11-22T02:00:00.000Z');
const draft = { id: '01937b2c-0000-7000-8000-0000000000aa', table: 'people' as const, recordId: '01937b2c-0000-7000-8000-000000000001', userId: 'clerk-1' };

const conflicted = applyOperations(undefined, [
  put(t(0, 'a'), { name: '张三丰', phone: '1', updatedAt: 'x' }),
  put(t(10, 'b'), { name: '张君宝' }, { name: [t(0, 'a')] }),
  put(t(20, 'c'), { name: '张全一' }, { name: [t(0, 'a')] }),
]);

describe('stampOperation', () => {
  it('a create replaces nothing and is stamped by the device clock', () => {
    const { operation, clock } = stampOperation({ ...draft, kind: 'put', fields: { name: '张三丰', phone: undefined } }, undefined, initialClock('device-a'), T0);
    expect(operation).toMatchObject({ kind: 'put', fields: { name: '张三丰', phone: null }, prev: {}, hlc: '2026-11-22T02:00:00.000Z-0000-device-a', deviceId: 'device-a' });
    expect(clock.millis).toBe(T0);
    expect(operationSchema.safeParse(operation).success).toBe(true);
  });

  it('an edit names the visible version it replaced; bookkeeping fields name none', () => {
    const { operation } = stampOperation({ ...draft, kind: 'put', fields: { name: '张三', phone: '2', updatedAt: 'y' } }, conflicted, initialClock('device-a'), T0 + 100);
    expect(operation.prev).toEqual({ name: [t(20, 'c')], phone: [t(0, 'a')] });
    expect(operationSchema.safeParse(operation).success).toBe(true);
  });

  it('a resolution names every competing version of the resolved field', () => {
    const { operation } = stampOperation({ ...draft, kind: 'put', fields: { name: '张君宝' }, resolves: ['name'] }, conflicted, initialClock('device-a'), T0 + 100);
    expect(operation.prev).toEqual({ name: [t(10, 'b'), t(20, 'c')] });
    expect(prevFor(conflicted, 'name', false)).toEqual([t(20, 'c')]);
    expect(prevFor(conflicted, 'missing', true)).toBeUndefined();
  });

  it('stamps after every version it replaces, even if its clock never saw them', () => {
    const behind = send(initialClock('device-a'), T0).clock;
    const { operation } = stampOperation({ ...draft, kind: 'put', fields: { name: '张三' } }, conflicted, behind, T0);
    expect(operation.hlc > t(20, 'c')).toBe(true);
    expect(operationSchema.safeParse(operation).success).toBe(true);
  });
});

describe('toFieldValue', () => {
  it('turns record values into JSON', () => {
    expect(toFieldValue(undefined)).toBeNull();
    expect(toFieldValue({ a: 1, b: undefined, c: [true, 'x', null] })).toEqual({ a: 1, c: [true, 'x', null] });
  });

  it('refuses what JSON cannot carry', () => {
    expect(() => toFieldValue(Number.NaN)).toThrow();
    expect(() => toFieldValue(() => 1)).toThrow();
    expect(() => toFieldValue(new Date(0))).toThrow();
    expect(() => toFieldValue({ when: new Map() })).toThrow();
  });
});
