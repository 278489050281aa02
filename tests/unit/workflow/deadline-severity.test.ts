import { describe, expect, it } from 'vitest';
import { deadlineSeverity } from '../../../shared/workflow/deadlines';

describe('deadlineSeverity: one decision for the queue, the file header and the workflow tab', () => {
  it.each([
    // 003 47号 七: the decision within 15 working days — missed is the office's lateness.
    ['a decision deadline missed', 'decision', true, 'late'],
    ['a decision deadline still running', 'decision', false, 'running'],
    // 002 四(四) / 000 第十四条: a publicity period over means the file may move on.
    ['a publicity period over', 'publicity', true, 'done'],
    ['a publicity period running', 'publicity', false, 'running'],
  ] as const)('%s → %s', (_what, kind, overdue, expected) => {
    expect(deadlineSeverity({ kind, overdue })).toBe(expected);
  });
});
