/**
 * fontkit 2.0.4, the font engine pdf-lib subsets with. Not `@pdf-lib/fontkit`: that fork drops
 * CJK glyphs when subsetting (the text is there, the glyphs are not), which a test guards against.
 * fontkit ships no type declarations; pdf-lib's own `Fontkit` interface types the one entry
 * point it calls, so nothing untyped leaks past this file.
 */
import type { PDFDocument } from '@cantoo/pdf-lib';
// @ts-expect-error fontkit 2.0.4 has no type declarations (typed through pdf-lib's Fontkit below).
import * as fontkitModule from 'fontkit';

/** pdf-lib's Fontkit interface (not exported from its root, so taken from registerFontkit). */
export type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

export const fontkit: Fontkit = fontkitModule as Fontkit;
