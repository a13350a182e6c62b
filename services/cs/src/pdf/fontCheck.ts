import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, type PDFContext, type PDFObject } from 'pdf-lib';

const N = (s: string) => PDFName.of(s);
/** Encodings that put the letters and digits at their ASCII codes (0-9, A-Z, a-z agree in all of them). */
const STANDARD_ENCODINGS = new Set(['WinAnsiEncoding', 'MacRomanEncoding', 'StandardEncoding', 'PDFDocEncoding']);
const DIGIT_NAMES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const ALNUM = /^[0-9A-Za-z]$/;

/**
 * The character a glyph name stands for, for the names that say so unambiguously: single letters,
 * digit names, `uniXXXX` and `uXXXX[XX]`. Other names (ligatures, `g12` of subset fonts, `a.sc`) say nothing.
 */
export function glyphChar(name: string): string | null {
  if (/^[A-Za-z]$/.test(name)) return name;
  const digit = DIGIT_NAMES.indexOf(name);
  if (digit >= 0) return String(digit);
  const hex = /^uni([0-9A-F]{4})$/.exec(name) ?? /^u([0-9A-F]{4,6})$/.exec(name);
  if (hex) {
    const cp = Number.parseInt(hex[1]!, 16);
    return cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : null;
  }
  return null;
}

/** One-byte codes to Unicode from a ToUnicode CMap (bfchar and bfrange, both range forms). */
export function parseToUnicode(cmap: string): Map<number, string> {
  const out = new Map<number, string>();
  const utf16 = (hex: string) => {
    const units: number[] = [];
    for (let i = 0; i + 4 <= hex.length; i += 4) units.push(Number.parseInt(hex.slice(i, i + 4), 16));
    return hex.length === 2 ? String.fromCharCode(Number.parseInt(hex, 16)) : String.fromCharCode(...units);
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) {
      const code = Number.parseInt(m[1]!, 16);
      if (m[1]!.length <= 2) out.set(code, utf16(m[2]!));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g)) {
      if (m[1]!.length > 2) continue;
      const lo = Number.parseInt(m[1]!, 16);
      const hi = Math.min(Number.parseInt(m[2]!, 16), 255);
      if (m[3] !== undefined) {
        // the last UTF-16 unit is incremented across the range
        const base = utf16(m[3]);
        for (let c = lo; c <= hi; c += 1) out.set(c, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + (c - lo)));
      } else {
        const list = [...m[4]!.matchAll(/<([0-9A-Fa-f]*)>/g)].map((x) => utf16(x[1]!));
        for (let c = lo; c <= hi && c - lo < list.length; c += 1) out.set(c, list[c - lo]!);
      }
    }
  }
  return out;
}

/** Glyph names a simple font's encoding gives its one-byte codes, where they say which letter or digit is drawn. */
function expectedChars(context: PDFContext, font: PDFDict): Map<number, string> {
  const out = new Map<number, string>();
  const encoding = context.lookup(font.get(N('Encoding')));
  const descriptor = context.lookup(font.get(N('FontDescriptor')));
  const embedded = descriptor instanceof PDFDict && ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.get(N(k)) !== undefined);
  const flags = descriptor instanceof PDFDict ? context.lookup(descriptor.get(N('Flags'))) : undefined;
  const symbolic = flags instanceof PDFNumber && (flags.asNumber() & 4) !== 0 && (flags.asNumber() & 32) === 0;
  let base: string | null = null;
  if (encoding instanceof PDFName) base = encoding.decodeText();
  else if (encoding instanceof PDFDict) {
    const b = context.lookup(encoding.get(N('BaseEncoding')));
    base = b instanceof PDFName ? b.decodeText() : symbolic ? null : 'StandardEncoding';
  } else if (!embedded && !symbolic) base = 'StandardEncoding';
  if (base && STANDARD_ENCODINGS.has(base)) {
    for (let c = 0x30; c <= 0x7a; c += 1) if (ALNUM.test(String.fromCharCode(c))) out.set(c, String.fromCharCode(c));
  }
  const differences = encoding instanceof PDFDict ? context.lookup(encoding.get(N('Differences'))) : undefined;
  if (differences instanceof PDFArray) {
    let code = 0;
    for (const item of differences.asArray()) {
      const v = context.lookup(item);
      if (v instanceof PDFNumber) code = v.asNumber();
      else if (v instanceof PDFName) {
        const ch = glyphChar(v.decodeText());
        if (ch) out.set(code, ch);
        else out.delete(code);
        code += 1;
      }
    }
  }
  return out;
}

/**
 * How many letters and digits a simple font's ToUnicode map sends to another character than the
 * glyph its encoding names: a page drawn with such a font shows one text and its text layer reads
 * another (glyph `J` drawn, `X` extracted). Case is ignored (small-caps fonts). Type0 and Type3
 * fonts carry no glyph names in the PDF and are not judged here (0).
 */
export function contradictions(context: PDFContext, font: PDFDict): number {
  const subtype = font.get(N('Subtype'));
  if (subtype === N('Type0') || subtype === N('Type3')) return 0;
  const stream = context.lookup(font.get(N('ToUnicode')));
  if (!(stream instanceof PDFRawStream)) return 0;
  let cmap: Map<number, string>;
  try {
    cmap = parseToUnicode(Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1'));
  } catch {
    return 0;
  }
  let n = 0;
  for (const [code, ch] of expectedChars(context, font)) {
    const mapped = cmap.get(code);
    if (mapped !== undefined && mapped.normalize('NFKC').toLowerCase() !== ch.toLowerCase()) n += 1;
  }
  return n;
}

/**
 * Pages (0-based, in page tree order, as pdf.js numbers them) that draw text with a font whose
 * character map contradicts its glyph names, with a plain description of each such font (its
 * resource name and how many characters it remaps; never the characters). Resources are inherited
 * down the page tree and followed into form XObjects.
 */
export function lyingFontsByPage(context: PDFContext): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const verdicts = new Map<PDFDict, number>();
  const root = context.lookup(context.trailerInfo.Root);
  if (!(root instanceof PDFDict)) return out;
  let index = 0;
  const seenNodes = new Set<PDFObject>();
  const fontsOf = (resources: PDFObject | undefined, found: string[], depth: number, seen: Set<PDFObject>) => {
    const res = context.lookup(resources);
    if (!(res instanceof PDFDict) || depth > 8 || seen.has(res)) return;
    seen.add(res);
    const fonts = context.lookup(res.get(N('Font')));
    if (fonts instanceof PDFDict) {
      for (const [name, ref] of fonts.entries()) {
        const font = context.lookup(ref);
        // one font is often listed under several resource names (one per drawing call): named once
        if (!(font instanceof PDFDict) || seen.has(font)) continue;
        seen.add(font);
        if (!verdicts.has(font)) verdicts.set(font, contradictions(context, font));
        const n = verdicts.get(font)!;
        if (n > 0) found.push(`font ${name.decodeText()} maps ${n} letters or digits to other characters than its glyphs show`);
      }
    }
    const xobjects = context.lookup(res.get(N('XObject')));
    if (xobjects instanceof PDFDict) {
      for (const [, ref] of xobjects.entries()) {
        const x = context.lookup(ref);
        if (x instanceof PDFRawStream && x.dict.get(N('Subtype')) === N('Form')) fontsOf(x.dict.get(N('Resources')), found, depth + 1, seen);
      }
    }
  };
  const walk = (node: PDFObject | undefined, inherited: PDFObject | undefined, depth: number) => {
    const dict = context.lookup(node);
    if (!(dict instanceof PDFDict) || depth > 64 || seenNodes.has(dict)) return;
    seenNodes.add(dict);
    const resources = dict.get(N('Resources')) ?? inherited;
    const kids = context.lookup(dict.get(N('Kids')));
    if (kids instanceof PDFArray && dict.get(N('Type')) !== N('Page')) {
      for (const kid of kids.asArray()) walk(kid, resources, depth + 1);
      return;
    }
    const found: string[] = [];
    fontsOf(resources, found, 0, new Set());
    if (found.length > 0) out.set(index, found);
    index += 1;
  };
  walk(root.get(N('Pages')), undefined, 0);
  return out;
}
