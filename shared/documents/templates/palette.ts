/** Colours and type styles the certificate templates share. */
import type { Rgb, TextStyle } from '../pdf/canvas';

export const CERT_RED: Rgb = { r: 0.62, g: 0.1, b: 0.1 };
export const INK: Rgb = { r: 0.08, g: 0.08, b: 0.08 };
export const GREY: Rgb = { r: 0.45, g: 0.45, b: 0.45 };
export const LIGHT_GREY: Rgb = { r: 0.75, g: 0.75, b: 0.75 };

export const label = (sizePt: number): TextStyle => ({ font: 'sans-bold', sizePt, color: INK });
export const value = (sizePt: number): TextStyle => ({ font: 'serif-regular', sizePt, color: INK });
export const fine = (sizePt: number): TextStyle => ({ font: 'sans-regular', sizePt, color: GREY });
export const titleStyle = (sizePt: number, charSpacingPt = 0): TextStyle => ({ font: 'serif-bold', sizePt, color: CERT_RED, charSpacingPt });
