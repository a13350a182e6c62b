import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';

/** Liberation Sans (regular and bold) from pdfjs-dist's standard fonts: Latin letters beyond WinAnsi (ś, ł, ő) too. */
function liberation(style: 'Regular' | 'Bold'): Uint8Array {
  const dir = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts');
  return readFileSync(join(dir, `LiberationSans-${style}.ttf`));
}

export interface FormField {
  label: string;
  name: string;
  value: string;
}

/**
 * A filled fillable form as lenders' PDFs are: the labels are page text, the typed values live only
 * in the AcroForm fields (widgets drawn next to the labels), in an embedded subset TrueType font.
 * `hidden` fields carry a value but no widget.
 */
export async function writeFormPdf(title: string, fields: FormField[], hidden: { name: string; value: string }[] = []): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(liberation('Regular'), { subset: true });
  const bold = await doc.embedFont(liberation('Bold'), { subset: true });
  const form = doc.getForm();
  let page = doc.addPage([612, 792]);
  page.drawText(title, { x: 50, y: 740, size: 14, font: bold });
  let y = 700;
  for (const f of fields) {
    if (y < 60) { page = doc.addPage([612, 792]); y = 740; }
    page.drawText(`${f.label}:`, { x: 50, y: y + 4, size: 10, font });
    const field = form.createTextField(f.name);
    field.setText(f.value);
    field.addToPage(page, { x: 230, y, width: 320, height: 18, font });
    y -= 30;
  }
  for (const h of hidden) form.createTextField(h.name).setText(h.value);
  // appearances in the embedded font now; save() would otherwise redraw them in Helvetica (WinAnsi only)
  form.updateFieldAppearances(font);
  return doc;
}
