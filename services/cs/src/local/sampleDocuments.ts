import type { ObjectStore } from '@sfc/shared';
import { PDFDocument } from 'pdf-lib';
import { writeFormPdf } from './documents/formPdf.js';
import { addOpenActionScript } from './documents/pdfParts.js';
import { writeScannedPdf } from './documents/scannedPage.js';
import { writeTextPdf } from './pdfWriter.js';

/** A generated loan document: its key in the uploads bucket and the verdict the scan should give. */
export interface SampleDocument {
  key: string;
  expected: 'pii' | 'clean' | 'quarantine';
  body: () => Promise<Uint8Array>;
}

// Every value below is invented; the SSN, card and routing numbers only satisfy their checksums.
const APPLICATION = [
  `UNIFORM RESIDENTIAL LOAN APPLICATION\nLender: Harbor Federal Credit Union   Loan No. 58213377\n\nSECTION 1: BORROWER INFORMATION\nBorrower Name: Amara Okonkwo-Reyes\nSocial Security Number: 536-22-8674\nDate of Birth: 04/17/1982\nCell Phone: (415) 555-0132\nEmail: amara.okonkwo@example-mail.net\nCurrent Address: 1450 Mission Street Apt 5, San Francisco, CA 94103\nEmployer: Pacific Coast Mortgage LLC`,
  `CO-BORROWER INFORMATION\nCo-Borrower Name: Lars Johansson\nSSN 521 47 3390\nPassport No.: C03005988\nPresent Address\nHauptstraße 12\n10115 Berlin\nGermany`,
  `SECTION 2: ASSETS AND LIABILITIES\nAccount Type      Institution                       Account Number        Balance\nChecking          Coastal Community Bank            004417923388          $12,410.55\nSavings           Harbor Federal Credit Union       88812345              $40,000.00\n\nFor direct deposit of loan proceeds, ABA routing number 021000021, account no. 004417923388.\nSignature of Borrower: ______________    Date: 11/02/2026`,
];
const PAYSTUB = [`PACIFIC COAST MORTGAGE LLC\n200 Bayshore Blvd, Tampa, FL 33606\n\nEARNINGS STATEMENT\nEmployee: NGUYEN THI MINH    Employee ID: 40417\nPay Period: 10/01/2026 - 10/15/2026\nEarnings            Rate      Hours   Current     YTD\nRegular             42.50     80      3,400.00    61,200.00\nNet Pay deposited to account 7720019934 routing 011000015`];
const RATE_SHEET = [`COASTAL COMMUNITY BANK\nCONSUMER LOAN RATES\nEffective 11/01/2026 - rates subject to change without notice\n\nProduct                     Term      Rate      APR\n30-Year Fixed               360 mo    6.125%    6.325%\nAuto New                    60 mo     5.490%    5.690%\nPersonal Unsecured          36 mo     11.990%   12.190%\n\nNMLS ID 402117. Program code 4471-22. Call 1-800-555-0100 for branch hours.`];
const GUIDE = [
  `LOAN PROGRAM GUIDE\nThis guide describes the home purchase program offered with Harbor Federal Credit Union in California.\nApplicants may finance up to 97% of the purchase price. The Borrower and the Guarantor are jointly liable.`,
  `DISCLOSURES\nEqual Housing Lender. Member FDIC. This is not a commitment to lend. Form 2210 (rev. 3/2026).`,
];

async function filledForm(): Promise<Uint8Array> {
  const doc = await writeFormPdf('REQUEST FOR VERIFICATION OF EMPLOYMENT', [
    { label: 'Employee name', name: 'employee_name', value: 'Tomasz Wiśniewski' },
    { label: 'Social Security Number', name: 'employee_ssn', value: '521-47-3390' },
    { label: 'Employer', name: 'employer', value: 'Pacific Coast Mortgage LLC' },
  ]);
  return doc.save();
}

async function withScript(): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await writeTextPdf(RATE_SHEET));
  addOpenActionScript(doc, 'app.launchURL("http://example.invalid/collect", true);');
  return doc.save();
}

/** The sample uploads `npm start` scans: PII in text, in a scan and in a filled form; clean; and quarantined kinds. */
export const SAMPLE_DOCUMENTS: readonly SampleDocument[] = [
  { key: 'loans/application-0001.pdf', expected: 'pii', body: () => writeTextPdf(APPLICATION) },
  { key: 'loans/paystub-0002.pdf', expected: 'pii', body: () => writeTextPdf(PAYSTUB) },
  { key: 'loans/rate-sheet-0003.pdf', expected: 'clean', body: () => writeTextPdf(RATE_SHEET) },
  { key: 'loans/program-guide-0004.pdf', expected: 'clean', body: () => writeTextPdf(GUIDE) },
  // read by OCR: a 200 dpi scan of the application's first page, no text layer
  { key: 'loans/scan-0005.pdf', expected: 'pii', body: () => writeScannedPdf([APPLICATION[0]!], { dpi: 200 }) },
  // the values are only in the form fields
  { key: 'loans/verification-form-0006.pdf', expected: 'pii', body: filledForm },
  { key: 'loans/broken-0007.pdf', expected: 'quarantine', body: async () => (await writeTextPdf(RATE_SHEET)).slice(0, 300) },
  { key: 'loans/notes-0008.pdf', expected: 'quarantine', body: async () => new TextEncoder().encode('Meeting notes, not a PDF.\n') },
  { key: 'loans/empty-0009.pdf', expected: 'quarantine', body: async () => new Uint8Array() },
  { key: 'loans/rate-sheet-script-0010.pdf', expected: 'quarantine', body: withScript },
];

/**
 * Writes the sample documents into the uploads bucket when no document was ever uploaded (uploads and
 * the `routedBuckets` hold nothing under loans/); returns the keys written.
 */
export async function seedSampleUploads(store: ObjectStore, uploadsBucket: string, routedBuckets: string[] = []): Promise<string[]> {
  for (const bucket of [uploadsBucket, ...routedBuckets]) if ((await store.list(bucket, 'loans/')).length > 0) return [];
  for (const doc of SAMPLE_DOCUMENTS) await store.put(uploadsBucket, doc.key, await doc.body(), { contentType: 'application/pdf' });
  return SAMPLE_DOCUMENTS.map((d) => d.key);
}
