/** File names for the save dialog / download (pure, so unit tests can reach it). */

/** A file name the bridge accepts: no path characters, no trailing dots or spaces. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '_').trim().replace(/[.\s]+$/, '');
  return (cleaned || '文书').slice(0, 170);
}
