import { PDFDocument, StandardFonts } from 'pdf-lib';

export interface FormField {
  label: string;
  name: string;
  value: string;
}

/**
 * A filled fillable form as lenders' PDFs are: the labels are page text, the typed values live only
 * in the AcroForm fields (widgets drawn next to the labels). `hidden` fields carry a value but no widget.
 */
export async function writeFormPdf(title: string, fields: FormField[], hidden: { name: string; value: string }[] = []): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
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
  return doc;
}
