/**
 * The Chinese sentences a module of shared/ (or a renderer command) can show a clerk, read from
 * its source: every string or template literal with Chinese in it that a refusal, a finding or a
 * note is made of. A template's `${…}` parts are replaced by `2026` (a figure every part accepts), so the sample is the sentence's
 * fixed words; the parts themselves (labels, dates, lists) are put into English on their own by
 * rule-text.ts, and a Chinese part such as '补发' is a literal of its own in the catalogue.
 *
 * `all` reads every literal of a file (lifecycle, panels, import: what they say is all for the
 * clerk); `messages` only those inside a refusal (`fail(…)`, `new …Error(…)`, `refuse(…)`, a
 * `message:` or `reason:`), for files whose other Chinese is the printed document itself.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const HAN = /[\u4e00-\u9fff]/;

export type Mode = 'all' | 'messages';

export interface CatalogueEntry {
  /** Where the literal is: path:line. */
  readonly at: string;
  /** The literal with every `${…}` as `2026`. */
  readonly sample: string;
}

const ROOT = join(__dirname, '..', '..', '..');

function filesUnder(path: string): string[] {
  const full = join(ROOT, path);
  if (statSync(full).isFile()) return [path];
  return readdirSync(full).flatMap((name) => (name === 'vendor' || name === 'templates' ? [] : filesUnder(join(path, name)))).filter((p) => p.endsWith('.ts'));
}

const MESSAGE_CALLS = /^(fail|importFail|refuse|requirement)$|Error$/;
const MESSAGE_PROPS = new Set(['message', 'reason']);

function calleeName(node: ts.CallExpression | ts.NewExpression): string {
  const e = node.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return '';
}

/** Whether a literal is part of a refusal or a note (for `messages` files). */
function inMessage(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n !== undefined && !ts.isBlock(n) && !ts.isSourceFile(n); n = n.parent) {
    if ((ts.isCallExpression(n) || ts.isNewExpression(n)) && MESSAGE_CALLS.test(calleeName(n))) return true;
    if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && MESSAGE_PROPS.has(n.name.text)) return true;
  }
  return false;
}

/** A literal that is not said to anyone: a key, a type, a comparison, a pack's own two-language text. */
function notSaid(node: ts.Node): boolean {
  const p = node.parent;
  if (ts.isLiteralTypeNode(p) || ts.isImportDeclaration(p) || ts.isExportDeclaration(p)) return true;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) && p.name === node) return true;
  if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'zh') return true;
  if (ts.isBinaryExpression(p) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(p.operatorToken.kind)) return true;
  if (ts.isCallExpression(p) && ts.isPropertyAccessExpression(p.expression) && ['startsWith', 'endsWith', 'includes', 'has', 'test', 'replace', 'split'].includes(p.expression.name.text)) return true;
  if (ts.isElementAccessExpression(p)) return true;
  return false;
}

function sampleOf(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression): string {
  if (!ts.isTemplateExpression(node)) return node.text;
  return node.head.text + node.templateSpans.map((s) => `2026${s.literal.text}`).join('');
}

/** The catalogue of the given files or folders (paths from the repository root). */
export function messageCatalogue(paths: readonly string[], mode: Mode): CatalogueEntry[] {
  const out: CatalogueEntry[] = [];
  for (const path of paths.flatMap(filesUnder)) {
    if (/\.(test|spec)\.ts$/.test(path)) continue;
    const text = readFileSync(join(ROOT, path), 'utf8');
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
        const sample = sampleOf(node);
        // A date written out (`${y}年${m}月`) is read by rule-text.ts's date rule, not a template.
        const date = /^\d+年\d+月(?:\d+日)?$/.test(sample);
        if (HAN.test(sample) && !date && !notSaid(node) && (mode === 'all' || inMessage(node))) {
          const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          out.push({ at: `${relative(ROOT, join(ROOT, path))}:${line}`, sample });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}
