/**
 * The sync server address a clerk types into 设置, checked before anything is sent to it.
 *
 * HTTPS is terminated by the office's reverse proxy, so a real server is always `https://`.
 * Plain `http://` is accepted only for loopback (127.0.0.0/8, `localhost`, `[::1]`): a server
 * running on the same computer (trials, tests), where nothing travels over a network. Anything
 * else over http would send the device token and applicants' ID numbers in clear text.
 *
 * Hand-written rather than `new URL()`: `shared/` has no URL global, and the WHATWG parser is
 * lenient in ways that matter here (`http://127.1`, `http://2130706433`, `http://0x7f.1` are all
 * 127.0.0.1 to it; `https://evil@host` carries credentials; a backslash is a slash). This grammar
 * is a strict subset of what browsers accept: an address that passes means the same thing to
 * `fetch`, and an address that is odd in any way is refused with a message saying what to fix.
 */
import { fail, ok, type Result } from '../rules/result';

export interface ServerUrl {
  /** Normalised base, no trailing slash: `https://sync.example.org/desk`. Routes are appended to it. */
  readonly baseUrl: string;
  /** `https://sync.example.org` (default ports omitted). */
  readonly origin: string;
  readonly protocol: 'https' | 'http';
  /** Host as the URL writes it, lower-case; IPv6 in brackets. */
  readonly host: string;
  /** Explicit port, or `undefined` for the scheme's default. */
  readonly port: number | undefined;
  /** `''` or `/desk/api` (no trailing slash). */
  readonly path: string;
  readonly loopback: boolean;
}

export const MAX_SERVER_URL_LENGTH = 2048;

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const DECIMAL_OCTET = /^(?:0|[1-9]\d{0,2})$/;
const PATH_SEGMENT = /^[A-Za-z0-9._~-]+$/;

const HINT = '例如 https://sync.example.org';

/** Canonical dotted-quad IPv4 (no leading zeros, no shorthand), as four numbers; else null. */
function parseIpv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => DECIMAL_OCTET.test(p))) return null;
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? octets : null;
}

/**
 * Whether the WHATWG parser would read `host` as an IPv4 address: its last label is a number
 * (decimal, `0x` hex or octal-looking). Those must be canonical dotted quads here, or `127.1`
 * could pass as a "name" that is in fact loopback, or `10.0.0.011` as one that is not 10.0.0.11.
 */
function looksNumeric(host: string): boolean {
  const labels = host.split('.');
  const last = labels[labels.length - 1] === '' ? labels[labels.length - 2] : labels[labels.length - 1];
  return last !== undefined && /^(?:\d+|0x[0-9a-f]*)$/i.test(last);
}

/** Expands an IPv6 literal (without brackets) to eight 16-bit groups; null if malformed. */
function parseIpv6(text: string): number[] | null {
  if (!/^[0-9a-f:.]+$/i.test(text) || text.length > 45) return null;
  let head = text;
  const tail: number[] = [];
  // An embedded IPv4 in the last 32 bits (`::ffff:127.0.0.1`).
  const lastColon = head.lastIndexOf(':');
  if (head.slice(lastColon + 1).includes('.')) {
    const v4 = parseIpv4(head.slice(lastColon + 1));
    if (v4 === null || lastColon < 0) return null;
    tail.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
    head = head.slice(0, lastColon + 1);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string): number[] | null => {
    if (s === '') return [];
    const out: number[] = [];
    for (const g of s.split(':')) {
      if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
      out.push(Number.parseInt(g, 16));
    }
    return out;
  };
  const left = groups(halves[0]!);
  const right = halves.length === 2 ? groups(halves[1]!) : [];
  if (left === null || right === null) return null;
  const given = left.length + right.length + tail.length;
  if (halves.length === 2) {
    if (given > 7) return null;
    return [...left, ...new Array<number>(8 - given).fill(0), ...right, ...tail];
  }
  return given === 8 ? [...left, ...tail] : null;
}

/** The shortest form (RFC 5952), as browsers print it: `::1`, `2001:db8::1`. */
function formatIpv6(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j += 1;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/**
 * Checks and normalises a server address. Never throws: a refusal says, in Chinese, what is
 * wrong and what to type instead.
 */
export function parseServerUrl(raw: string): Result<ServerUrl> {
  if (typeof raw !== 'string') return fail('server-url.empty', `请填写服务器地址，${HINT}`);
  const input = raw.trim();
  if (input === '') return fail('server-url.empty', `请填写服务器地址，${HINT}`);
  if (input.length > MAX_SERVER_URL_LENGTH) return fail('server-url.too-long', '服务器地址过长，请核对后重新填写');
  // Control characters, spaces, backslashes and non-ASCII: a browser would silently rewrite
  // or strip them, so what was checked would not be what is fetched.
  if ([...input].some((c) => c <= ' ' || c === '\u007f' || c === '\\')) return fail('server-url.characters', '服务器地址中不能有空格、反斜杠或控制字符');
  if (/[^\u0021-\u007e]/.test(input)) {
    return fail('server-url.characters', '服务器地址只能使用英文字母、数字和符号；中文域名请填写以 xn-- 开头的形式，全角符号请改为半角');
  }

  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(input);
  if (scheme === null) {
    return fail('server-url.scheme', `服务器地址应以 https:// 开头，${HINT}`);
  }
  const protocol = scheme[1]!.toLowerCase();
  if (protocol !== 'https' && protocol !== 'http') return fail('server-url.scheme', `服务器地址应以 https:// 开头，${HINT}`);

  const rest = input.slice(scheme[0].length);
  if (/[?#]/.test(rest)) return fail('server-url.query', '服务器地址不应包含“?”或“#”及其后的内容，请删去');
  const slash = rest.indexOf('/');
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  const rawPath = slash < 0 ? '' : rest.slice(slash);
  if (authority.includes('@')) return fail('server-url.credentials', '服务器地址中不能包含用户名或密码（“@”之前的部分），请删去');
  if (authority === '') return fail('server-url.host', `服务器地址缺少主机名，${HINT}`);

  // Host and port.
  let hostText: string;
  let portText: string | undefined;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close < 0) return fail('server-url.host', 'IPv6 地址缺少“]”，请核对服务器地址');
    hostText = authority.slice(0, close + 1);
    const after = authority.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) return fail('server-url.host', '服务器地址的主机名格式不正确');
    portText = after === '' ? undefined : after.slice(1);
  } else {
    const colon = authority.indexOf(':');
    hostText = colon < 0 ? authority : authority.slice(0, colon);
    portText = colon < 0 ? undefined : authority.slice(colon + 1);
  }

  let port: number | undefined;
  if (portText !== undefined) {
    if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65_535) {
      return fail('server-url.port', '端口应为 1 到 65535 之间的数字');
    }
    port = Number(portText);
    if ((protocol === 'https' && port === 443) || (protocol === 'http' && port === 80)) port = undefined;
  }

  let host: string;
  let loopback: boolean;
  if (hostText.startsWith('[')) {
    const groups = parseIpv6(hostText.slice(1, -1));
    if (groups === null) return fail('server-url.host', 'IPv6 地址格式不正确，请核对服务器地址');
    const formatted = formatIpv6(groups);
    host = `[${formatted}]`;
    loopback = formatted === '::1';
  } else {
    const lower = hostText.toLowerCase();
    if (lower.length > 253 || lower.endsWith('.')) return fail('server-url.host', '服务器地址的主机名格式不正确');
    const v4 = parseIpv4(lower);
    if (v4 !== null) {
      host = v4.join('.');
      loopback = v4[0] === 127;
    } else if (looksNumeric(lower)) {
      return fail('server-url.host', 'IP 地址应写成四段十进制数字，例如 192.168.1.10（不要省略或补零）');
    } else {
      if (!lower.split('.').every((label) => LABEL.test(label))) {
        return fail('server-url.host', '服务器地址的主机名只能包含字母、数字、点和连字符，请核对');
      }
      host = lower;
      loopback = lower === 'localhost';
    }
  }

  if (protocol === 'http' && !loopback) {
    return fail(
      'server-url.insecure',
      '服务器地址必须以 https:// 开头：办事处的反向代理提供 HTTPS，明文 http:// 只能用于本机（127.0.0.1 或 localhost）上的服务器',
    );
  }

  // A base path, for a server published under a folder of the proxy (`/desk`).
  const segments = rawPath.split('/').filter((s) => s !== '');
  for (const segment of segments) {
    if (segment === '.' || segment === '..' || !PATH_SEGMENT.test(segment)) {
      return fail('server-url.path', '服务器地址的路径部分只能包含字母、数字和 . _ ~ -');
    }
  }
  const path = segments.length === 0 ? '' : `/${segments.join('/')}`;
  const origin = `${protocol}://${host}${port === undefined ? '' : `:${port}`}`;
  return ok({ baseUrl: `${origin}${path}`, origin, protocol, host, port, path, loopback });
}
