import type { ComplianceFinding } from '@sfc/shared';
import { scanDocument } from '../../src/scan/scanDocument.js';
import { makeDeps } from '../fixtures/deps.js';
import { cleanPdf } from '../fixtures/documents.js';
import * as rich from '../fixtures/richDocuments.js';

const KEY = 'loans/document.pdf';

async function scan(make: () => Promise<Uint8Array>, overrides = {}): Promise<{ finding: ComplianceFinding; logs: string[] }> {
  const { fs, deps, logs } = await makeDeps(overrides);
  await fs.put('uploads', KEY, await make());
  const outcome = await scanDocument(deps, { bucket: 'uploads', key: KEY });
  if (outcome.status !== 'routed') throw new Error(`not routed: ${outcome.status}`);
  return { finding: outcome.finding, logs };
}

const raw = [rich.PERSON.name, rich.PERSON.ssn, rich.PERSON.email, rich.PERSON.phone, 'Chiamaka', 'Adeyemi', '8674'];

describe('Function: scanDocument (what a PDF carries besides page text)', () => {
  it.each([
    ['values typed into form fields', rich.filledForm, 'form', ['PERSON', 'US_SSN']],
    ['a field without a widget', rich.hiddenFieldForm, 'form', ['EMAIL']],
    ['the data of an XFA form', rich.xfaForm, 'form', ['PERSON', 'US_SSN']],
    ['sticky notes, text boxes and mailto: links', rich.annotated, 'annotation', ['PERSON', 'PHONE', 'US_SSN', 'EMAIL']],
    ['document properties and XMP', rich.withMetadata, 'metadata', ['PERSON', 'US_SSN', 'EMAIL']],
    ['an attached text file', () => rich.withAttachments('text'), 'text', ['PERSON', 'US_SSN']],
    ['a PDF attached inside an attached PDF', () => rich.withAttachments('pdf'), 'text', ['PERSON', 'US_SSN']],
    ['a file attached to a page', () => rich.withAttachments('annotation'), 'text', ['PERSON', 'US_SSN']],
  ] as const)('files a document with PII only in %s as pii', async (_name, make, source, types) => {
    // Act
    const { finding, logs } = await scan(make);
    // Assess
    expect(finding.verdict).toBe('pii');
    const fromSource = finding.entities.filter((e) => e.source === source);
    for (const t of types) expect([t, fromSource.some((e) => e.type === t)]).toEqual([t, true]);
    const written = JSON.stringify(finding) + logs.join('\n');
    for (const r of raw) expect(written).not.toContain(r);
  });

  it('reads attachments by path: the nested PDF is attachment 1/1, page 2', async () => {
    const { finding } = await scan(() => rich.withAttachments('pdf'));
    const ssn = finding.entities.find((e) => e.type === 'US_SSN');
    expect(ssn).toMatchObject({ source: 'text', attachment: '1/1', page: 2 });
    expect(finding.read.attachments).toBe(2);
  });

  it('keeps Acrobat field formatting scripts out of active content', async () => {
    const { finding } = await scan(rich.filledForm);
    expect(finding.issues).toEqual([]);
    expect(finding.read.form_fields).toBe(3);
  });

  it('files the same page text without the extra PII as clean', async () => {
    const { finding } = await scan(cleanPdf);
    expect(finding.verdict).toBe('clean');
  });
});
