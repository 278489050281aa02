/**
 * The server address check, as a table: https anywhere, http only on loopback, and every odd
 * spelling a browser would rewrite (shorthand IPs, credentials, backslashes, full-width
 * characters …) refused with a Chinese message instead of being guessed at.
 */
import { describe, expect, it } from 'vitest';
import { parseServerUrl } from '../../../shared/sync/server-url';
import { expectFail, expectOk } from '../rules/expect-result';

describe('parseServerUrl: accepted', () => {
  it.each([
    ['https://sync.example.org', 'https://sync.example.org', false],
    ['  https://Sync.Example.ORG/  ', 'https://sync.example.org', false],
    ['HTTPS://sync.example.org:443/', 'https://sync.example.org', false],
    ['https://sync.example.org:8443', 'https://sync.example.org:8443', false],
    ['https://example.org/desk/api/', 'https://example.org/desk/api', false],
    ['https://example.org//desk', 'https://example.org/desk', false],
    ['https://192.168.1.10', 'https://192.168.1.10', false],
    ['https://xn--fsqu00a.xn--fiqs8s', 'https://xn--fsqu00a.xn--fiqs8s', false],
    ['https://[2001:db8::1]:8443', 'https://[2001:db8::1]:8443', false],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787', true],
    ['http://127.255.3.4', 'http://127.255.3.4', true],
    ['http://localhost:8787/', 'http://localhost:8787', true],
    ['http://LOCALHOST:80', 'http://localhost', true],
    ['http://[::1]:8787', 'http://[::1]:8787', true],
    ['http://[0:0:0:0:0:0:0:1]', 'http://[::1]', true],
    ['https://localhost:8787', 'https://localhost:8787', true],
  ])('%s → %s', (raw, baseUrl, loopback) => {
    const url = expectOk(parseServerUrl(raw));
    expect(url.baseUrl).toBe(baseUrl);
    expect(url.loopback).toBe(loopback);
  });

  it('splits origin, port and path', () => {
    expect(expectOk(parseServerUrl('https://example.org:8443/desk'))).toEqual({
      baseUrl: 'https://example.org:8443/desk',
      origin: 'https://example.org:8443',
      protocol: 'https',
      host: 'example.org',
      port: 8443,
      path: '/desk',
      loopback: false,
    });
  });
});

describe('parseServerUrl: refused', () => {
  it.each([
    ['', 'server-url.empty'],
    ['   ', 'server-url.empty'],
    ['sync.example.org', 'server-url.scheme'],
    ['//sync.example.org', 'server-url.scheme'],
    ['ftp://sync.example.org', 'server-url.scheme'],
    ['javascript://alert(1)', 'server-url.scheme'],
    ['file:///etc/passwd', 'server-url.scheme'],
    ['ws://127.0.0.1', 'server-url.scheme'],
    ['https:sync.example.org', 'server-url.scheme'],
    // Plain http off the loopback: the token and ID numbers would travel in clear text.
    ['http://sync.example.org', 'server-url.insecure'],
    ['http://192.168.1.10:8787', 'server-url.insecure'],
    ['http://10.0.0.1', 'server-url.insecure'],
    ['http://128.0.0.1', 'server-url.insecure'],
    ['http://localhost.example.org', 'server-url.insecure'],
    ['http://127.0.0.1.nip.io', 'server-url.insecure'],
    ['http://sub.localhost', 'server-url.insecure'],
    ['http://[::ffff:127.0.0.1]', 'server-url.insecure'],
    ['http://[::2]', 'server-url.insecure'],
    ['http://0.0.0.0:8787', 'server-url.insecure'],
    // Spellings the browser would turn into another address than the one read here.
    ['http://127.1', 'server-url.host'],
    ['http://2130706433', 'server-url.host'],
    ['http://0x7f.0.0.1', 'server-url.host'],
    ['http://0x7f000001', 'server-url.host'],
    ['http://0177.0.0.1', 'server-url.host'],
    ['https://10.0.0.011', 'server-url.host'],
    ['https://256.1.1.1', 'server-url.host'],
    ['http://localhost.', 'server-url.host'],
    ['https://exa_mple.org', 'server-url.host'],
    ['https://-example.org', 'server-url.host'],
    ['https://example..org', 'server-url.host'],
    ['https://[::1', 'server-url.host'],
    ['https://[::1]x', 'server-url.host'],
    ['https://[1::2::3]', 'server-url.host'],
    ['https://[127.0.0.1]', 'server-url.host'],
    ['https://', 'server-url.host'],
    ['https://:443', 'server-url.host'],
    // Credentials, query, fragment, odd characters.
    ['https://user:pass@sync.example.org', 'server-url.credentials'],
    ['http://127.0.0.1@evil.example.org', 'server-url.credentials'],
    ['https://evil.example.org@127.0.0.1', 'server-url.credentials'],
    ['https://sync.example.org/?next=http://evil', 'server-url.query'],
    ['https://sync.example.org#frag', 'server-url.query'],
    ['https://sync.example.org\\@evil.org', 'server-url.characters'],
    ['http://127.0.0.1\\.evil.org', 'server-url.characters'],
    ['https://sync.example .org', 'server-url.characters'],
    ['https://sync.example.org\u0000.evil', 'server-url.characters'],
    ['https://sync\t.example.org', 'server-url.characters'],
    ['https://sync.example.org\n/x', 'server-url.characters'],
    ['https://例子.中国', 'server-url.characters'],
    ['ｈｔｔｐｓ://sync.example.org', 'server-url.characters'],
    ['https：//sync.example.org', 'server-url.characters'],
    ['http://127。0。0。1', 'server-url.characters'],
    ['https://sync.example.org\u200b', 'server-url.characters'],
    ['https://sync.example.org/%2e%2e/admin', 'server-url.path'],
    ['https://sync.example.org/../admin', 'server-url.path'],
    ['https://sync.example.org/a/./b', 'server-url.path'],
    ['https://sync.example.org/a;b', 'server-url.path'],
    ['https://sync.example.org:0', 'server-url.port'],
    ['https://sync.example.org:65536', 'server-url.port'],
    ['https://sync.example.org:99999999', 'server-url.port'],
    ['https://sync.example.org:-1', 'server-url.port'],
    ['https://sync.example.org:http', 'server-url.port'],
    ['https://sync.example.org:', 'server-url.port'],
    [`https://${'a'.repeat(2100)}.org`, 'server-url.too-long'],
    [`https://${'a'.repeat(64)}.org`, 'server-url.host'],
  ])('%j → %s', (raw, code) => {
    expectFail(parseServerUrl(raw), code);
  });

  it('says why http is refused and what to do', () => {
    const message = expectFail(parseServerUrl('http://sync.example.org'), 'server-url.insecure');
    expect(message).toContain('https://');
    expect(message).toContain('127.0.0.1');
  });

  it('never throws, whatever it is given', () => {
    for (const raw of [undefined, null, 42, {}, [], 'http://[', 'http://[:::]', 'https://[ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff]']) {
      expect(() => parseServerUrl(raw as string)).not.toThrow();
      expect(parseServerUrl(raw as string).ok).toBe(false);
    }
  });
});
