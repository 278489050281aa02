/** Issue 12 text slip: 符合符合学历资历条件 when the clerk's grounds begin with the same words. */
import { describe, expect, it } from 'vitest';
import { seniorityMetText } from '../../../shared/engine/evaluate';

describe('seniorityMetText', () => {
  it.each([
    ['大学本科，工程师满五年', '按学历资历条件申报：大学本科，工程师满五年。'],
    ['符合学历资历条件：大学本科，工程师满五年。', '按学历资历条件申报：大学本科，工程师满五年。'],
    ['符合学历资历条件', '按学历资历条件申报。'],
    [null, '按学历资历条件申报。'],
  ])('%s', (reason, text) => expect(seniorityMetText(reason)).toBe(text));
});
