/**
 * The one check every stored string passes, on the desk and on the server alike: no NUL, no other
 * C0 control character (a multi-line field may hold tab and line breaks), no DEL, and no lone
 * UTF-16 surrogate (half of an emoji cut by a paste or a truncation). PostgreSQL text and jsonb
 * cannot hold U+0000 and a lone surrogate is not Unicode, so the server refuses them; the desk
 * refusing them at the form keeps them out of the outbox, where they would block it for good.
 */
import { fail, ok, type Result } from '../rules/result';

export type TextKind = 'line' | 'multiline';

// eslint-disable-next-line no-control-regex
const CONTROL_LINE = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type TextProblem = 'nul' | 'control' | 'surrogate';

/** What is wrong with `text` as stored text of the given kind, or null. */
export function textProblem(text: string, kind: TextKind = 'line'): TextProblem | null {
  if (text.includes('\u0000')) return 'nul';
  if ((kind === 'line' ? CONTROL_LINE : CONTROL_MULTILINE).test(text)) return 'control';
  if (LONE_SURROGATE.test(text)) return 'surrogate';
  return null;
}

const PROBLEM_MESSAGES: Readonly<Record<TextProblem, string>> = {
  nul: '含有空字符（U+0000），无法保存，请删除后重新输入',
  control: '含有看不见的控制字符，无法保存，请删除后重新输入',
  surrogate: '含有不完整的字符（如被截断的表情符号），无法保存，请删除后重新输入',
};

/** The clerk-facing message for a problem, naming the field (`姓名含有空字符…`). */
export function textProblemMessage(label: string, problem: TextProblem): string {
  return `${label}${PROBLEM_MESSAGES[problem]}`;
}

/** Checks one string as stored text: `text.nul` / `text.control` / `text.surrogate`. */
export function checkText(text: string, label: string, kind: TextKind = 'line'): Result<string> {
  const problem = textProblem(text, kind);
  return problem === null ? ok(text) : fail(`text.${problem}`, textProblemMessage(label, problem));
}

/** Length as a clerk counts it: characters (code points), so an emoji is one, not two. */
export function textLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * The first string (value or object key) anywhere inside a JSON-like value that is not storable
 * text (multi-line allowed: program form answers may span lines), as a path and problem; null
 * when all are fine. For values whose shape the record schema does not know (program fields).
 */
export function unstorableTextIn(value: unknown, kind: TextKind = 'multiline'): { path: string; problem: TextProblem } | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v, kind);
      if (problem !== null) return { path, problem };
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push([item, path === '' ? String(i) : `${path}.${i}`]));
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, item] of Object.entries(v)) {
        const keyProblem = textProblem(k, 'line');
        if (keyProblem !== null) return { path, problem: keyProblem };
        stack.push([item, path === '' ? k : `${path}.${k}`]);
      }
    }
  }
  return null;
}
