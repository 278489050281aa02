import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppUrl, isSafeExternalUrl, isTrustedSender, resolveAppPath } from '../../../electron/security';

const root = path.resolve('/opt/desk/renderer');

describe('resolveAppPath: app:// serves only files inside the renderer build', () => {
  it.each([
    ['app://desk/', path.join(root, 'index.html')],
    ['app://desk/index.html', path.join(root, 'index.html')],
    ['app://desk/assets/index-abc.js', path.join(root, 'assets/index-abc.js')],
    ['app://desk/assets/%E5%AD%97%E4%BD%93.woff2', path.join(root, 'assets/字体.woff2')],
    ['app://desk/index.html?x=1#/intake', path.join(root, 'index.html')],
  ])('%s → file inside root', (url, expected) => {
    expect(resolveAppPath(root, url)).toBe(expected);
  });

  it.each([
    ['encoded dot-dot', 'app://desk/%2e%2e/%2e%2e/etc/passwd'],
    ['encoded slash traversal', 'app://desk/assets%2f..%2f..%2fsecret'],
    ['double-encoded is not decoded twice but stays inside', 'app://desk/%252e%252e/x'],
    ['backslash traversal', 'app://desk/..\\..\\windows\\win.ini'],
    ['encoded backslash', 'app://desk/assets/%5c..%5c..%5csecret'],
    ['NUL byte', 'app://desk/index.html%00.png'],
    ['malformed escape', 'app://desk/%E0%A4%A'],
    ['other host', 'app://evil/index.html'],
    ['other scheme', 'file:///etc/passwd'],
    ['http scheme', 'http://desk/index.html'],
    ['credentials', 'app://user:pass@desk/index.html'],
    ['windows drive segment', 'app://desk/C:/Windows/win.ini'],
    ['not a url', 'not a url'],
    ['empty', ''],
  ])('refuses %s', (_label, url) => {
    const resolved = resolveAppPath(root, url);
    if (resolved !== null) {
      // The only acceptable non-null answer is a path that stays strictly inside the root.
      expect(resolved.startsWith(root + path.sep)).toBe(true);
      expect(resolved).not.toMatch(/\.\./);
    } else {
      expect(resolved).toBeNull();
    }
  });

  it.each(['app://desk/assets%2f..%2f..%2fsecret', 'app://desk/..\\..\\x', 'app://desk/index.html%00.png', 'app://evil/'])(
    '%s is refused outright',
    (url) => {
      expect(resolveAppPath(root, url)).toBeNull();
    },
  );
});

describe('isAppUrl: the only origin the window may show', () => {
  it.each([
    ['app://desk/index.html', true],
    ['app://desk/#/intake', true],
    ['app://DESK/index.html', false], // Chromium lower-cases hosts; anything else is not ours
    ['app://desk.evil.com/', false],
    ['app://evil/', false],
    ['https://desk/', false],
    ['file:///index.html', false],
    ['javascript:alert(1)', false],
    ['app://a:b@desk/', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('isSafeExternalUrl: only plain http(s) links may leave the app', () => {
  it.each([
    ['https://www.miit.gov.cn/', true],
    ['http://example.org/path?q=1', true],
    ['https://verify.example.cn/c/P1-2026-0001', true],
    ['file:///C:/Windows/System32/calc.exe', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:msgbox', false],
    ['smb://server/share', false],
    ['ms-msdt:/id PCWDiagnostic', false],
    ['\\\\server\\share\\x.exe', false],
    ['http:evil.com', false],
    ['http:/evil.com', false],
    ['https://user:pass@evil.com/', false],
    [' https://example.org', false],
    ['https://', false],
    ['app://desk/index.html', false],
    ['HTTPS://EXAMPLE.ORG/', true],
    [`https://example.org/${'a'.repeat(3000)}`, false],
  ])('%s → %s', (url, expected) => {
    expect(isSafeExternalUrl(url)).toBe(expected);
  });
});

describe('isTrustedSender: the bridge answers only the app’s top-level frame', () => {
  it.each([
    ['top-level app frame', { url: 'app://desk/index.html#/intake', parent: null }, true],
    ['iframe inside the app', { url: 'app://desk/index.html', parent: {} }, false],
    ['top-level foreign page', { url: 'https://evil.example/', parent: null }, false],
    ['blob frame', { url: 'blob:app://desk/123', parent: null }, false],
    ['destroyed frame', null, false],
    ['unknown frame', undefined, false],
  ])('%s → %s', (_label, frame, expected) => {
    expect(isTrustedSender(frame)).toBe(expected);
  });
});
