import {
  decodePDFRawStream, PDFArray, PDFDict, PDFHexString, PDFName, PDFParser, PDFRawStream, PDFRef, PDFStream, PDFString,
  type PDFContext, type PDFObject,
} from 'pdf-lib';
import { executableKind, isFormattingScript } from './activeContent.js';
import { lyingFontsByPage } from './fontCheck.js';

/** What the document's object structure reveals besides its pages. */
export interface StructureReport {
  /** Parsed at all (pdf-lib is stricter than pdf.js on broken files). */
  parsed: boolean;
  encrypted: boolean;
  /** Active content found, one plain description each (no document text). */
  active: string[];
  /** AcroForm field values by fully qualified name, including fields without a widget on any page. */
  fields: { name: string; label: string; value: string }[];
  /** Leaf values of the XFA datasets packet, "name: value" per line; empty when there is none. */
  xfaData: string;
  /**
   * Every XMP packet of the file (the catalog's and those on pages, images, fonts), decoded; null for one
   * whose stream could not be decoded. Empty when the file is encrypted (strings and streams are
   * ciphertext to pdf-lib): then pdf.js's decrypted catalog packet is read instead.
   */
  xmp: (Uint8Array | null)[];
  /** The catalog names an XMP stream (known even when encrypted). */
  catalogXmp: boolean;
  /** Per page (0-based, page tree order): fonts whose character map contradicts their glyph names (see fontCheck.ts). */
  lyingFonts: Map<number, string[]>;
}

const N = (s: string) => PDFName.of(s);

/**
 * Walks every object of the file (pdf-lib parses it front to back, so objects a viewer would never
 * reach are seen too): JavaScript and Launch actions wherever they hang (open action, page and field
 * triggers, links, outlines, name trees), rich media, executables embedded as files, form field
 * values and XFA data. Run after the stream bounds check, so decoding here is bounded.
 */
export async function inspectStructure(bytes: Uint8Array): Promise<StructureReport> {
  const report: StructureReport = { parsed: false, encrypted: false, active: [], fields: [], xfaData: '', xmp: [], catalogXmp: false, lyingFonts: new Map() };
  let context: PDFContext;
  try {
    context = await PDFParser.forBytesWithOptions(bytes, Infinity, false, true).parseDocument();
  } catch {
    return report;
  }
  report.parsed = true;
  report.encrypted = context.trailerInfo.Encrypt !== undefined;
  const active = new Set<string>();
  const seen = new Set<PDFObject>();
  const visit = (obj: PDFObject | undefined, depth: number): void => {
    if (!obj || depth > 64 || seen.has(obj)) return;
    seen.add(obj);
    if (obj instanceof PDFArray) for (const item of obj.asArray()) visit(item, depth + 1);
    else if (obj instanceof PDFDict) inspectDict(obj, report.encrypted, active, (o) => visit(o, depth + 1));
    else if (obj instanceof PDFStream) {
      inspectDict(obj.dict, report.encrypted, active, (o) => visit(o, depth + 1), obj);
      if (!report.encrypted && obj instanceof PDFRawStream && obj.dict.get(N('Type')) === N('Metadata')) report.xmp.push(decodeBytes(obj));
    }
  };
  for (const [, obj] of context.enumerateIndirectObjects()) visit(obj, 0);
  report.active = [...active].sort();
  const catalog = context.lookup(context.trailerInfo.Root);
  report.catalogXmp = catalog instanceof PDFDict && catalog.get(N('Metadata')) !== undefined;
  if (!report.encrypted) {
    report.lyingFonts = lyingFontsByPage(context);
    const acroForm = lookupDict(context, context.lookup(context.trailerInfo.Root) as PDFObject, 'AcroForm');
    if (acroForm) {
      collectFields(context, acroForm.get(N('Fields')), '', report.fields, 0, new Set());
      report.xfaData = xfaDatasets(context, acroForm.get(N('XFA')), active);
      report.active = [...active].sort();
    }
  }
  return report;
}

function inspectDict(dict: PDFDict, encrypted: boolean, active: Set<string>, walk: (o: PDFObject) => void, stream?: PDFStream): void {
  const s = dict.get(N('S'));
  const type = dict.get(N('Type'));
  const subtype = dict.get(N('Subtype'));
  if (s === N('Launch')) active.add('Launch action (starts a program or opens a file)');
  if (s === N('RichMediaExecute') || subtype === N('RichMedia') || subtype === N('Flash')) active.add('rich media (Flash or embedded player)');
  const js = dict.get(N('JS'));
  if ((s === N('JavaScript') || js) && !encrypted) {
    // strings of an encrypted file are ciphertext here; pdf.js reports its scripts decrypted instead
    const code = scriptText(dict.context, js);
    if (code === null || !isFormattingScript(code)) active.add('JavaScript action');
  }
  if (stream instanceof PDFRawStream && (type === N('EmbeddedFile') || type === N('EmbeddedFiles'))) {
    const head = decodeHead(stream);
    const kind = head && executableKind(head);
    if (kind) active.add(`embedded executable (${kind})`);
  }
  for (const [, value] of dict.entries()) walk(value);
}

function scriptText(context: PDFContext, js: PDFObject | undefined): string | null {
  const value = js instanceof PDFRef ? context.lookup(js) : js;
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  if (value instanceof PDFRawStream) return decodeAll(value);
  return null;
}

function decodeHead(stream: PDFRawStream): Uint8Array | null {
  try {
    return decodePDFRawStream(stream).decode().subarray(0, 64);
  } catch {
    return null;
  }
}

function decodeBytes(stream: PDFRawStream): Uint8Array | null {
  try {
    return decodePDFRawStream(stream).decode();
  } catch {
    return null;
  }
}

function decodeAll(stream: PDFRawStream): string | null {
  try {
    return Buffer.from(decodePDFRawStream(stream).decode()).toString('utf8');
  } catch {
    return null;
  }
}

function lookupDict(context: PDFContext, obj: PDFObject | undefined, key: string): PDFDict | null {
  const dict = obj instanceof PDFRef ? context.lookup(obj) : obj;
  if (!(dict instanceof PDFDict)) return null;
  const value = context.lookup(dict.get(N(key)));
  return value instanceof PDFDict ? value : null;
}

function textOf(obj: PDFObject | undefined): string | null {
  if (obj instanceof PDFString || obj instanceof PDFHexString) return obj.decodeText();
  if (obj instanceof PDFName) {
    const name = obj.decodeText();
    return name === 'Off' || name === 'Yes' ? null : name;
  }
  return null;
}

function collectFields(context: PDFContext, kids: PDFObject | undefined, prefix: string, out: StructureReport['fields'], depth: number, seen: Set<PDFObject>): void {
  const list = context.lookup(kids);
  if (!(list instanceof PDFArray) || depth > 32) return;
  for (const item of list.asArray()) {
    const field = context.lookup(item);
    if (!(field instanceof PDFDict) || seen.has(field)) continue;
    seen.add(field);
    const partial = textOf(context.lookup(field.get(N('T'))));
    const name = partial === null ? prefix : prefix ? `${prefix}.${partial}` : partial;
    const raw = context.lookup(field.get(N('V')));
    const values = raw instanceof PDFArray ? raw.asArray().map((v) => textOf(context.lookup(v))) : [textOf(raw)];
    const value = values.filter((v): v is string => !!v && v.trim() !== '').join(', ');
    if (value) out.push({ name, label: textOf(context.lookup(field.get(N('TU')))) ?? '', value });
    collectFields(context, field.get(N('Kids')), name, out, depth + 1, seen);
  }
}

/** The XFA datasets packet as "element: value" lines; scripts in the template are active content. */
function xfaDatasets(context: PDFContext, xfa: PDFObject | undefined, active: Set<string>): string {
  const value = context.lookup(xfa);
  const packets: { name: string; xml: string }[] = [];
  if (value instanceof PDFRawStream) packets.push({ name: 'xdp', xml: decodeAll(value) ?? '' });
  else if (value instanceof PDFArray) {
    const items = value.asArray();
    for (let i = 0; i + 1 < items.length; i += 2) {
      const stream = context.lookup(items[i + 1]);
      if (stream instanceof PDFRawStream) packets.push({ name: textOf(context.lookup(items[i])) ?? '', xml: decodeAll(stream) ?? '' });
    }
  }
  if (packets.some((p) => (p.name === 'template' || p.name === 'xdp') && /<script\b/i.test(p.xml))) active.add('JavaScript or FormCalc in the XFA form');
  const data = packets.filter((p) => p.name === 'datasets' || p.name === 'xdp').map((p) => p.xml).join('\n');
  return xmlLeafValues(data.includes('<xfa:data') ? data.slice(data.indexOf('<xfa:data')) : data);
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** `<name attr="...">value</name>` leaves of an XML text as "name: value" lines (no nesting inside the value). */
export function xmlLeafValues(xml: string): string {
  const lines: string[] = [];
  for (const m of xml.matchAll(/<([A-Za-z_][\w.:-]{0,100})(?:\s[^<>]{0,2000})?>([^<]{1,10000})<\/\1>/g)) {
    const value = m[2]!.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => (
      e[0] === '#' ? String.fromCodePoint(Number.parseInt(e.slice(e[1] === 'x' || e[1] === 'X' ? 2 : 1), e[1] === 'x' || e[1] === 'X' ? 16 : 10) || 32) : ENTITY[e.toLowerCase()] ?? all)).trim();
    if (value) lines.push(`${m[1]!.split(':').pop()!.replace(/[_.]+/g, ' ')}: ${value}`);
  }
  return lines.join('\n');
}
