import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSP_HEADER } from '../../../electron/csp';
import { cspHeader, cspMeta } from '../../../shared/security/csp';

describe('Content-Security-Policy', () => {
  it('the desktop header is the shared definition, word for word', () => {
    expect(CSP_HEADER).toBe(cspHeader('desktop'));
  });

  it('the session header set in window.ts is the same literal', () => {
    expect(readFileSync('electron/window.ts', 'utf8')).toContain(`"${cspHeader('desktop')}"`);
  });

  it.each(['desktop', 'browser'] as const)('%s: no inline or eval script, no plugins, no base', (target) => {
    const policy = cspMeta(target);
    const script = /script-src ([^;]+)/.exec(policy)?.[1] ?? '';
    expect(script).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
  });

  it('plain http is allowed only to loopback, and only in browser mode', () => {
    expect(cspMeta('desktop')).not.toContain('http://');
    const connect = /connect-src ([^;]+)/.exec(cspMeta('browser'))?.[1] ?? '';
    for (const source of connect.split(' ').filter((s) => s.startsWith('http://'))) {
      expect(source).toMatch(/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\*$/);
    }
  });
});
