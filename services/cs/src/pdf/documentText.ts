import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { isFormattingScript } from './activeContent.js';
import { fieldLabel } from './annotationText.js';
import { xmlLeafValues } from './structure.js';

// Info entries pdf.js adds about the file itself, and the names of the programs that made it: facts
// about software, not about anyone (and "pdf-lib (github.com/Hopding/...)" reads like a name to NER).
const FILE_FACTS = new Set(['PDFFormatVersion', 'Language', 'EncryptFilterName', 'IsLinearized', 'IsAcroFormPresent', 'IsXFAPresent',
  'IsCollectionPresent', 'IsSignaturesPresent', 'Producer', 'Creator']);
const XMP_FACTS = /^(?:CreatorTool|Producer|DocumentID|InstanceID|OriginalDocumentID|VersionID|CreateDate|ModifyDate|MetadataDate|format|PDFVersion|Trapped|part|conformance|HasVisibleTransparency|HasVisibleOverprint|NPages):/;

/** Document properties (Info dictionary, custom entries, XMP) and bookmark titles as "name: value" lines. */
export async function metadataText(doc: PDFDocumentProxy): Promise<string> {
  const lines: string[] = [];
  const { info, metadata } = (await doc.getMetadata()) as unknown as { info: Record<string, unknown>; metadata: { getRaw?: () => string } | null };
  for (const [key, value] of Object.entries(info ?? {})) {
    if (FILE_FACTS.has(key)) continue;
    if (key === 'Custom' && value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (typeof v === 'string' && v.trim()) lines.push(`${k}: ${v}`);
    } else if (typeof value === 'string' && value.trim() && !/Date$/.test(key)) lines.push(`${key}: ${value}`);
  }
  const xmp = metadata?.getRaw?.() ?? '';
  if (xmp) lines.push(xmlLeafValues(xmp).split('\n').filter((l) => !XMP_FACTS.test(l)).join('\n'));
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
  return lines.filter(Boolean).join('\n');
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
