/**
 * A streaming reader for the XML inside an .xlsx: text goes in piece by piece as it is inflated,
 * tags and text come out as events, and nothing but the unfinished tail of the current piece is
 * kept. It knows only what SpreadsheetML needs: elements, attributes, text, entities, CDATA;
 * comments, processing instructions and a DOCTYPE are skipped (entities are never expanded, so a
 * "billion laughs" DOCTYPE does nothing). Element names lose their namespace prefix (`x:c` is `c`).
 */

export interface XmlHandler {
  /** An element opens; `attrs` is the raw attribute text (see `attr`). */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw character data (entities not decoded); one text node may come in several pieces. */
  text(raw: string): void;
}

/** The longest markup (one tag, comment or DOCTYPE) accepted; more is a broken or hostile file. */
const MAX_MARKUP = 1024 * 1024;

export class XmlStream {
  private buffer = '';
  private failed = false;

  constructor(private readonly handler: XmlHandler) {}

  /** False once the XML is found broken (an endless tag); further input is ignored. */
  get ok(): boolean {
    return !this.failed;
  }

  push(text: string): void {
    if (this.failed) return;
    const buffer = this.buffer.length === 0 ? text : this.buffer + text;
    const h = this.handler;
    let i = 0;
    const n = buffer.length;
    while (i < n) {
      const lt = buffer.indexOf('<', i);
      if (lt < 0) {
        h.text(buffer.slice(i));
        i = n;
        break;
      }
      if (lt > i) h.text(buffer.slice(i, lt));
      i = lt;
      const next = buffer.charCodeAt(lt + 1);
      if (Number.isNaN(next)) break;
      let end: number;
      if (next === 33 /* ! */) {
        // Wait for enough text to tell a comment, CDATA and a DOCTYPE apart.
        if (n - lt < 9) break;
        if (buffer.startsWith('<!--', lt)) {
          end = buffer.indexOf('-->', lt + 4);
          if (end < 0) break;
          i = end + 3;
          continue;
        }
        if (buffer.startsWith('<![CDATA[', lt)) {
          end = buffer.indexOf(']]>', lt + 9);
          if (end < 0) break;
          h.text(escapeText(buffer.slice(lt + 9, end)));
          i = end + 3;
          continue;
        }
        // <!DOCTYPE …> with an optional internal subset […]: skipped whole.
        const bracket = buffer.indexOf('[', lt);
        const close = buffer.indexOf('>', lt);
        if (close < 0) break;
        if (bracket >= 0 && bracket < close) {
          end = buffer.indexOf(']>', bracket);
          if (end < 0) break;
          i = end + 2;
        } else i = close + 1;
        continue;
      }
      if (next === 63 /* ? */) {
        end = buffer.indexOf('?>', lt + 2);
        if (end < 0) break;
        i = end + 2;
        continue;
      }
      end = tagEnd(buffer, lt + 1);
      if (end < 0) break;
      if (next === 47 /* / */) {
        h.close(localName(buffer.slice(lt + 2, end).trim()));
      } else {
        const selfClosing = buffer.charCodeAt(end - 1) === 47;
        const body = buffer.slice(lt + 1, selfClosing ? end - 1 : end);
        let k = 0;
        while (k < body.length && !isSpace(body.charCodeAt(k))) k++;
        const name = localName(body.slice(0, k));
        h.open(name, body.slice(k), selfClosing);
        if (selfClosing) h.close(name);
      }
      i = end + 1;
    }
    this.buffer = i < n ? buffer.slice(i) : '';
    if (this.buffer.length > MAX_MARKUP) this.failed = true;
  }

  /** Whether the input ended at a clean boundary (no half tag left). */
  end(): boolean {
    return !this.failed && this.buffer.trim() === '';
  }
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** The `>` closing a tag that starts at `from`, skipping quoted attribute values; -1 if not yet there. */
function tagEnd(buffer: string, from: number): number {
  let quote = 0;
  for (let i = from; i < buffer.length; i++) {
    const c = buffer.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 62) return i;
    else if (c === 34 || c === 39) quote = c;
  }
  return -1;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

const attrPatterns = new Map<string, RegExp>();

/**
 * An unprefixed attribute of a SpreadsheetML element (r, t, s of a cell: the attributes of the
 * main namespace carry no prefix), found with indexOf: millions of cells make a regex per
 * attribute the reader's largest cost.
 */
export function plainAttr(attrs: string, name: string): string | undefined {
  let at = attrs.indexOf(`${name}=`);
  while (at >= 0) {
    const before = at === 0 ? 32 : attrs.charCodeAt(at - 1);
    const quote = attrs.charCodeAt(at + name.length + 1);
    if ((before === 32 || before === 9 || before === 10 || before === 13) && (quote === 34 || quote === 39)) {
      const end = attrs.indexOf(String.fromCharCode(quote), at + name.length + 2);
      if (end < 0) return undefined;
      return decodeXml(attrs.slice(at + name.length + 2, end));
    }
    at = attrs.indexOf(`${name}=`, at + 1);
  }
  return undefined;
}

/** An attribute's decoded value (any namespace prefix), or undefined. */
export function attr(attrs: string, name: string): string | undefined {
  let pattern = attrPatterns.get(name);
  if (pattern === undefined) {
    pattern = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attrPatterns.set(name, pattern);
  }
  const m = pattern.exec(attrs);
  if (m === null) return undefined;
  return decodeXml(m[1] ?? m[2] ?? '');
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Character data with the five XML entities and numeric references decoded. */
export function decodeXml(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(ENTITY, (whole, ref: string) => {
    if (ref.charCodeAt(0) !== 35) return NAMED[ref] ?? whole;
    const code = ref.charCodeAt(1) === 120 || ref.charCodeAt(1) === 88 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

/** OOXML's own escape for characters XML cannot hold: `_x000D_` is a carriage return, `_x005F_` an underscore. */
export function decodeOoxmlEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
