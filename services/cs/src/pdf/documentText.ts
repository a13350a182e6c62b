import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { isFormattingScript } from './activeContent.js';
import { fieldLabel } from './annotationText.js';
import type { StructureReport } from './structure.js';
import { decodeXmp, xmpValues, XmpParseError } from './xmpText.js';

// Info entries pdf.js adds about the file itself, and the names of the programs that made it: facts
// about software, not about anyone (and "pdf-lib (github.com/Hopding/...)" reads like a name to NER).
const FILE_FACTS = new Set(['PDFFormatVersion', 'Language', 'EncryptFilterName', 'IsLinearized', 'IsAcroFormPresent', 'IsXFAPresent',
  'IsCollectionPresent', 'IsSignaturesPresent', 'Producer', 'Creator']);
/**
 * XMP entries that record facts about the file, dropped only while they have the shape of such a
 * fact (an ID, a date, a version, a flag, a MIME type, a count): anything else written into them is read.
 * Tool names (CreatorTool, Producer, xmptk) are left out whatever they say, as the Info entries are.
 */
const XMP_FACT_SHAPES = new Map<string, RegExp>(Object.entries({
  DocumentID: /^[\w.:/-]{0,100}$/, documentID: /^[\w.:/-]{0,100}$/, instanceID: /^[\w.:/-]{0,100}$/, InstanceID: /^[\w.:/-]{0,100}$/, OriginalDocumentID: /^[\w.:/-]{0,100}$/, VersionID: /^[\w.:/-]{0,40}$/,
  CreateDate: /^[\dT:.+Z-]{4,40}$/, ModifyDate: /^[\dT:.+Z-]{4,40}$/, MetadataDate: /^[\dT:.+Z-]{4,40}$/, when: /^[\dT:.+Z-]{4,40}$/,
  format: /^[\w.+-]+\/[\w.+-]+$/, PDFVersion: /^\d\.\d$/, Trapped: /^(?:True|False|Unknown)$/i, part: /^\d{1,2}$/, conformance: /^[A-Za-z]$/,
  HasVisibleTransparency: /^(?:True|False)$/i, HasVisibleOverprint: /^(?:True|False)$/i, NPages: /^\d{1,6}$/,
}));
const XMP_TOOLS = new Set(['CreatorTool', 'Producer', 'xmptk', 'softwareAgent']);

/** XMP values worth detection: every line of xmpValues but file facts and tool names. */
function xmpLines(xml: string): string[] {
  return xmpValues(xml).filter((line) => {
    const colon = line.indexOf(': ');
    const label = line.slice(0, colon);
    const value = line.slice(colon + 2);
    return !XMP_TOOLS.has(label) && !XMP_FACT_SHAPES.get(label)?.test(value);
  });
}

/**
 * Document properties (Info dictionary, custom entries, every XMP packet) and bookmark titles as
 * "name: value" lines, and a plain description of each XMP packet that could not be read (not
 * well-formed, undecodable): those are `unreadable`, never skipped.
 */
export async function metadataText(doc: PDFDocumentProxy, structure: StructureReport): Promise<{ text: string; unreadable: string[] }> {
  const lines: string[] = [];
  const unreadable: string[] = [];
  const { info, metadata } = (await doc.getMetadata()) as unknown as { info: Record<string, unknown>; metadata: { getRaw?: () => string } | null };
  for (const [key, value] of Object.entries(info ?? {})) {
    if (FILE_FACTS.has(key)) continue;
    if (key === 'Custom' && value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (typeof v === 'string' && v.trim()) lines.push(`${k}: ${v}`);
    } else if (typeof value === 'string' && value.trim() && !/Date$/.test(key)) lines.push(`${key}: ${value}`);
  }
  // pdf-lib's walk finds every packet; in an encrypted file only pdf.js can decrypt the catalog's
  // (pdf.js keeps the raw packet even when its own lenient parser fails on it)
  const packets: (string | null)[] = [];
  if (structure.parsed && !structure.encrypted) {
    for (const bytes of structure.xmp) {
      try {
        packets.push(bytes ? decodeXmp(bytes) : null);
      } catch {
        packets.push(null);
      }
    }
  } else {
    const raw = metadata?.getRaw?.();
    if (typeof raw === 'string') packets.push(raw);
    else if (structure.catalogXmp) packets.push(null);
  }
  for (const [i, xml] of packets.entries()) {
    const which = packets.length > 1 ? `XMP metadata packet ${i + 1}` : 'XMP metadata';
    if (xml === null) {
      unreadable.push(`${which} could not be decoded`);
      continue;
    }
    try {
      lines.push(...xmpLines(xml));
    } catch (err) {
      if (!(err instanceof XmpParseError)) throw err;
      unreadable.push(`${which} could not be parsed (${err.message})`);
    }
  }
  const outline = await doc.getOutline().catch(() => null);
  const titles: string[] = [];
  const walk = (items: { title?: string; items?: unknown[] }[] | null, depth: number) => {
    for (const item of items ?? []) {
      if (titles.length > 10_000 || depth > 32) return;
      if (item.title?.trim()) titles.push(item.title);
      walk(item.items as never, depth + 1);
    }
  };
  walk(outline as never, 0);
  if (titles.length > 0) lines.push(`Bookmarks: ${titles.join('\n')}`);
  return { text: lines.filter(Boolean).join('\n'), unreadable };
}

/** Form field values pdf.js knows (AcroForm, and XFA data it maps onto widgets) by field name, and their scripts. */
export async function fieldObjects(doc: PDFDocumentProxy): Promise<{ values: Map<string, { label: string; value: string }>; scripts: string[] }> {
  const values = new Map<string, { label: string; value: string }>();
  const scripts: string[] = [];
  const fields = (await doc.getFieldObjects()) as Record<string, { value?: unknown; name?: string; actions?: Record<string, string[]> | null }[]> | null;
  for (const [name, widgets] of Object.entries(fields ?? {})) {
    for (const w of widgets) {
      const list = (Array.isArray(w.value) ? w.value : [w.value]).filter((v): v is string => typeof v === 'string' && v.trim() !== '' && v !== 'Off');
      if (list.length > 0 && !values.has(name)) values.set(name, { label: fieldLabel(name), value: list.join(', ') });
      for (const code of Object.values(w.actions ?? {}).flat()) if (!isFormattingScript(code)) scripts.push(code);
    }
  }
  return { values, scripts };
}

/** Document- and page-level scripts pdf.js reports (open action, JavaScript name tree, page open/close). */
export function scriptsOf(actions: Record<string, string[]> | null | undefined): string[] {
  return Object.values(actions ?? {}).flat().filter((code) => !isFormattingScript(code));
}
