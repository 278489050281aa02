/** The full-width form (U+FF10 …) of every ASCII digit and letter, as a Chinese input method types them. */
export const toFullWidth = (s: string): string => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
