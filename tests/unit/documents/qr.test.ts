// @ts-expect-error qrcode's core has no type declarations.
import * as qrCore from 'qrcode/lib/core/qrcode';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeQr, qrSegments } from '../../../shared/documents/vendor/qrcode';

const create = ((qrCore as { default?: unknown }).default ?? qrCore) as {
  create(data: unknown, options: { errorCorrectionLevel: string }): { version: number; maskPattern: number; modules: { size: number; data: Uint8Array } };
};

describe('QR encoding', () => {
  it('chooses the same mask and gives the same symbol as qrcode’s own mask selection', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ minLength: 1, maxLength: 200 }), fc.stringMatching(/^[0-9A-Z-]{1,40}$/), fc.base64String({ minLength: 40, maxLength: 120 })), fc.constantFrom('L', 'M', 'Q', 'H'), (text, level) => {
        const ours = encodeQr(`https://verify.example.cn/verify/X?s=${text}`, level as 'L');
        const theirs = create.create(qrSegments(`https://verify.example.cn/verify/X?s=${text}`), { errorCorrectionLevel: level });
        expect(ours.maskPattern).toBe(theirs.maskPattern);
        expect(ours.size).toBe(theirs.modules.size);
        for (let r = 0; r < ours.size; r++) for (let c = 0; c < ours.size; c++) expect(ours.isDark(r, c)).toBe(theirs.modules.data[r * ours.size + c] === 1);
      }),
      { numRuns: 60 },
    );
  });

  it('uses alphanumeric mode for application numbers and byte mode for addresses', () => {
    expect(qrSegments('XJPM-A-2026-000042')[0]?.mode).toBe('alphanumeric');
    expect(qrSegments('https://a.cn/verify/X?s=aB')[0]?.mode).toBe('byte');
  });
});
