import { isFormattingScript } from './activeContent.js';

/** The fields of a pdf.js annotation (page.getAnnotations()) this module reads. */
export interface AnnotationLike {
  subtype?: string;
  contentsObj?: { str?: string };
  titleObj?: { str?: string };
  richText?: unknown;
  fieldName?: string;
  alternativeText?: string;
  fieldValue?: unknown;
  url?: string;
  unsafeUrl?: string;
  file?: { filename?: string; content?: Uint8Array };
  actions?: Record<string, string[]> | null;
}

/** Text an annotation shows or carries, split into form values and other annotation text. */
export interface AnnotationTexts {
  form: string[];
  notes: string[];
  files: { name: string; content: Uint8Array }[];
  scripts: string[];
}

/** A field's name as a label the recognizers' context words can use: `borrower_ssn` -> `borrower ssn`. */
export const fieldLabel = (name: string, alt = ''): string => (alt.trim() || name.split('.').pop() || name).replace(/[_.]+|(?<=\p{Ll})(?=\p{Lu})/gu, ' ').trim();

/** Flattens pdf.js's rich-text tree (XFA-style `{ name, value, children }`) into its text. */
function richTextOf(node: unknown, out: string[] = []): string[] {
  if (!node || typeof node !== 'object') return out;
  const { value, children } = node as { value?: unknown; children?: unknown[] };
  if (typeof value === 'string') out.push(value);
  for (const child of children ?? []) richTextOf(child, out);
  return out;
}

/**
 * Splits a page's annotations into what they carry: typed form values ("label: value", so that
 * context words such as "SSN" or "account" in the field name reach the recognizers), notes and
 * their authors, link targets (a mailto: holds an address), attached files, and scripts that are
 * more than Acrobat's own field formatting.
 */
export function annotationTexts(annotations: readonly AnnotationLike[]): AnnotationTexts {
  const out: AnnotationTexts = { form: [], notes: [], files: [], scripts: [] };
  for (const a of annotations) {
    if (a.subtype === 'Widget') {
      const values = (Array.isArray(a.fieldValue) ? a.fieldValue : [a.fieldValue]).filter((v): v is string => typeof v === 'string' && v.trim() !== '' && v !== 'Off');
      if (values.length > 0) out.form.push(`${fieldLabel(a.fieldName ?? '', a.alternativeText)}: ${values.join(', ')}`);
    } else {
      const note = [a.titleObj?.str, a.contentsObj?.str, ...richTextOf(a.richText)].filter((s): s is string => !!s && s.trim() !== '');
      if (note.length > 0) out.notes.push(note.join('\n'));
    }
    if (a.subtype === 'Link' && (a.url || a.unsafeUrl)) out.notes.push(decodeURIComponentSafe(a.url ?? a.unsafeUrl!));
    if (a.file?.content) out.files.push({ name: a.file.filename ?? '', content: a.file.content });
    for (const code of Object.values(a.actions ?? {}).flat()) if (!isFormattingScript(code)) out.scripts.push(code);
  }
  return out;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
