import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { alive, firstReasons, presentTexts } from '../../../renderer/src/db/register-once';

describe('register-once: what registering a person or an organisation once shares', () => {
  it('alive leaves tombstones out', () => {
    expect(alive([{ id: 'a' }, { id: 'b', deleted: true }, { id: 'c', deleted: false }])).toEqual([{ id: 'a' }, { id: 'c', deleted: false }]);
  });

  it('presentTexts stores optional texts trimmed, and leaves out the empty ones', () => {
    expect(presentTexts({ address: '  乌鲁木齐市  ', contact: '   ', phone: undefined, note: '' })).toEqual({ address: '乌鲁木齐市' });
    expect(presentTexts({ phone: '0991-1234567' })).toEqual({ phone: '0991-1234567' });
  });

  it('firstReasons reports each live record once, under the first (stronger) reason, never the one being edited', () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    const c = { id: 'c', deleted: true };
    const d = { id: 'd' };
    expect(
      firstReasons(
        [
          ['same-id', [a, c]],
          ['same-name-birth', [a, b, c, d]],
        ],
        'd',
      ),
    ).toEqual([
      { record: a, reason: 'same-id' },
      { record: b, reason: 'same-name-birth' },
    ]);
    expect(firstReasons([['same-id', []]], undefined)).toEqual([]);
  });
});
