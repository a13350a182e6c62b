import { Encodings, Font, FontNames } from '@pdf-lib/standard-fonts';
import { PDFArray, PDFDict, PDFName, PDFNumber } from 'pdf-lib';

/** What the redactor knows of a font: the text and advance width (1/1000 em) of each one-byte code. */
export interface SimpleFont {
  char(code: number): string;
  width(code: number): number;
}

// WinAnsi code -> Unicode character and glyph name (the encoding pdf-lib and most generators use).
const WIN_ANSI = new Map<number, { ch: string; name: string }>();
for (const cp of Encodings.WinAnsi.supportedCodePoints) {
  const { code, name } = Encodings.WinAnsi.encodeUnicodeCodePoint(cp);
  if (!WIN_ANSI.has(code)) WIN_ANSI.set(code, { ch: String.fromCodePoint(cp), name });
}
const STANDARD = new Set<string>(Object.values(FontNames));

/**
 * The font behind a `Tf` name on a page, or null where the redactor cannot map its codes to
 * characters and widths: composite (Type0) fonts with two-byte codes, Type3 fonts (own glyph
 * space) and fonts it cannot find. Simple fonts are read as WinAnsi (pdf-lib's standard fonts and
 * most Latin generators); a differently encoded simple font reads as other characters, so its
 * values are not found, and the rescan refuses the copy.
 */
export function simpleFont(fonts: PDFDict | undefined, name: string): SimpleFont | null {
  const dict = fonts?.lookupMaybe(PDFName.of(name), PDFDict);
  if (!dict) return null;
  const subtype = dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText();
  if (subtype !== 'Type1' && subtype !== 'TrueType' && subtype !== 'MMType1') return null;
  const base = dict.lookupMaybe(PDFName.of('BaseFont'), PDFName)?.decodeText().replace(/^[A-Z]{6}\+/, '') ?? '';
  const widths = dict.lookupMaybe(PDFName.of('Widths'), PDFArray);
  const first = dict.lookupMaybe(PDFName.of('FirstChar'), PDFNumber)?.asNumber() ?? 0;
  const metrics = STANDARD.has(base) ? Font.load(base as FontNames) : null;
  if (!widths && !metrics) return null;
  return {
    char: (code) => WIN_ANSI.get(code)?.ch ?? (code >= 32 && code < 127 ? String.fromCharCode(code) : '\uFFFD'),
    width: (code) => {
      const i = code - first;
      const w = widths && i >= 0 && i < widths.size() ? widths.lookupMaybe(i, PDFNumber)?.asNumber() : undefined;
      if (w !== undefined) return w;
      const glyph = WIN_ANSI.get(code)?.name;
      return (glyph && metrics?.getWidthOfGlyph(glyph)) || 0;
    },
  };
}
