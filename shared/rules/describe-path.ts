/**
 * Where a problem is in a data file, in words: ['transitions', 2, 'to'] → '流转第3条的目标状态'.
 * Calendars, workflow definitions and program packs are data an office may edit or import, so
 * their errors must point at the line in terms the author uses, not at a zod path.
 */
export function describePath(
  path: readonly PropertyKey[],
  labels: Readonly<Record<string, string>>,
  /** The counter word for list items: 条 (lines of a list) or 项 (items). */
  counter: '条' | '项' = '条',
): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `第${part + 1}${counter}`;
    else {
      const label = labels[String(part)] ?? String(part);
      text += text === '' ? label : `的${label}`;
    }
  }
  return text;
}
