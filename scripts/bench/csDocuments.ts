// Realistic documents for the cs benchmark, generated (nothing downloaded): dense statements and a
// loan agreement printed to PDF by Chromium (subset TrueType fonts with ToUnicode, as browsers and
// office tools write them), filled forms with Acrobat-style field scripts, and scans at 150 and 300
// dpi, one skewed. Every name and number is invented.
import { chromiumPath, printHtmlToPdf } from '../../services/cs/src/local/documents/chromiumPdf.js';
import { writeFormPdf } from '../../services/cs/src/local/documents/formPdf.js';
import { addNumberFormat } from '../../services/cs/src/local/documents/pdfParts.js';
import { writeScannedPdf } from '../../services/cs/src/local/documents/scannedPage.js';
import { writeTextPdf } from '../../services/cs/src/local/pdfWriter.js';

export interface BenchDocument {
  kind: 'dense text' | 'form' | 'scan' | 'synthetic application';
  name: string;
  producer: string;
  bytes: Uint8Array;
}

let seed = 20261;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const FIRST = ['Amara', 'Lars', 'Nguyen', 'Tomasz', 'Priya', 'Diego', 'Fatima', 'Kenji', 'Olivia', 'Mateo', 'Chen', 'Aisha'];
const LAST = ['Okonkwo', 'Johansson', 'Minh', 'Wiśniewski', 'Raman', 'Alvarez', 'Haddad', 'Tanaka', 'Brennan', 'Rossi', 'Wei', 'Bello'];
const MERCHANTS = ['Harbor Grocery', 'Bayshore Fuel', 'Pacific Gas & Electric', 'City Water Dept', 'Blue Line Transit', 'Corner Pharmacy', 'Northside Hardware', 'Online Marketplace', 'Cinema 8', 'Coastal Insurance'];
const person = () => `${pick(FIRST)} ${pick(LAST)}`;
const ssn = () => `${500 + Math.floor(rnd() * 99)}-${10 + Math.floor(rnd() * 89)}-${1000 + Math.floor(rnd() * 8999)}`;
const money = () => (rnd() * 2500).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const date = () => `${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}/${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;

function statementHtml(): string {
  const name = person();
  const rows = Array.from({ length: 260 }, () => `<tr><td>${date()}</td><td>${pick(['POS PURCHASE', 'ACH DEBIT', 'CHECK #' + (1000 + Math.floor(rnd() * 9000)), 'ACH CREDIT', 'ATM WITHDRAWAL'])} ${pick(MERCHANTS)}</td><td class="n">${money()}</td><td class="n">${money()}</td></tr>`).join('');
  return `<html><head><style>body{font:8.5pt Arial,sans-serif;margin:0}table{border-collapse:collapse;width:100%}td{padding:1px 4px;border-bottom:1px solid #ddd}.n{text-align:right}h1{font-size:13pt}</style></head><body>
<h1>Coastal Community Bank: Checking Account Statement</h1><p>${name}<br>${100 + Math.floor(rnd() * 9000)} Mission Street, San Francisco, CA 94103<br>Account number ${Math.floor(1e11 + rnd() * 9e11)} · Statement period 10/01/2026 to 10/31/2026</p>
<table><tr><th>Date</th><th>Description</th><th>Amount</th><th>Balance</th></tr>${rows}</table></body></html>`;
}

function agreementHtml(): string {
  const borrower = person();
  const clause = () => `The Borrower shall repay the principal amount together with interest at the rate stated above in equal monthly installments. Any payment received more than fifteen days after its due date shall incur a late charge of five percent of the overdue amount. The Lender may apply payments first to accrued interest, then to fees, and then to principal. This Agreement is governed by the laws of the State of California, and any dispute shall be resolved in the courts of San Francisco County.`;
  const sections = Array.from({ length: 36 }, (_, i) => `<h2>${i + 1}. ${pick(['Payments', 'Interest', 'Default', 'Notices', 'Collateral', 'Governing Law', 'Prepayment', 'Fees'])}</h2><p>${clause()} ${clause()}</p>`).join('');
  return `<html><head><style>body{font:10pt 'Times New Roman',serif;margin:0;text-align:justify}h2{font-size:11pt;margin:10px 0 2px}</style></head><body>
<h1>Personal Loan Agreement</h1><p>This Personal Loan Agreement is made between Harbor Federal Credit Union (the "Lender") and ${borrower}, Social Security Number ${ssn()} (the "Borrower"), of ${200 + Math.floor(rnd() * 800)} Bayshore Blvd, Tampa, FL 33606.</p>${sections}</body></html>`;
}

/** Prints HTML to PDF with Chromium; null when Chromium is not installed. */
const printWithChromium = (html: string): Uint8Array | null => (chromiumPath() ? printHtmlToPdf(html) : null);

async function form(): Promise<Uint8Array> {
  const name = person();
  const doc = await writeFormPdf('UNIFORM RESIDENTIAL LOAN APPLICATION', [
    { label: 'Borrower name', name: 'borrower.name', value: name },
    { label: 'Social Security Number', name: 'borrower.ssn', value: ssn() },
    { label: 'Date of birth', name: 'borrower.dob', value: `04/17/19${60 + Math.floor(rnd() * 40)}` },
    { label: 'Home phone', name: 'borrower.phone', value: `(415) 555-01${10 + Math.floor(rnd() * 89)}` },
    { label: 'Email', name: 'borrower.email', value: `${name.split(' ')[0]!.toLowerCase()}@example-mail.net` },
    { label: 'Present address', name: 'borrower.address', value: `${100 + Math.floor(rnd() * 900)} Mission Street, San Francisco, CA 94103` },
    ...Array.from({ length: 34 }, (_, i) => ({ label: `Monthly income item ${i + 1}`, name: `income.item${i}`, value: money() })),
  ]);
  for (let i = 0; i < 34; i += 1) addNumberFormat(doc, doc.getForm().getTextField(`income.item${i}`).acroField.getWidgets()[0]!.dict);
  return doc.save();
}

const scanText = () => `VERIFICATION OF EMPLOYMENT\nEmployee: ${person()}\nSocial Security Number: ${ssn()}\nEmployer: Pacific Coast Mortgage LLC, 200 Bayshore Blvd, Tampa, FL 33606\n\n`
  + Array.from({ length: 26 }, () => `${date()}/2026   Regular pay   ${money()}   Overtime   ${money()}   Net ${money()}`).join('\n')
  + '\n\nI certify that the information above is true and complete to the best of my knowledge.\nSigned: Human Resources Department';

/** The mixed set: dense text, forms, scans, and the old 10-page synthetic application for comparison. */
export async function benchDocuments(syntheticPages: string[]): Promise<BenchDocument[]> {
  const docs: BenchDocument[] = [];
  for (let i = 0; i < 2; i += 1) {
    for (const [name, html] of [['statement', statementHtml()], ['loan agreement', agreementHtml()]] as const) {
      const printed = printWithChromium(html);
      docs.push(printed
        ? { kind: 'dense text', name, producer: 'Chromium print to PDF', bytes: printed }
        : { kind: 'dense text', name, producer: 'pdf-lib (Chromium not installed)', bytes: await writeTextPdf([html.replace(/<[^>]+>/g, ' ')]) });
    }
  }
  for (let i = 0; i < 3; i += 1) docs.push({ kind: 'form', name: 'filled application', producer: 'pdf-lib AcroForm', bytes: await form() });
  docs.push({ kind: 'scan', name: '300 dpi, 2 pages', producer: 'canvas + JPEG', bytes: await writeScannedPdf([scanText(), scanText()], { dpi: 300 }) });
  docs.push({ kind: 'scan', name: '150 dpi, 2 pages', producer: 'canvas + JPEG', bytes: await writeScannedPdf([scanText(), scanText()], { dpi: 150 }) });
  docs.push({ kind: 'scan', name: '200 dpi skewed 3°, 2 pages', producer: 'canvas + JPEG', bytes: await writeScannedPdf([scanText(), scanText()], { dpi: 200, skewDegrees: 3 }) });
  docs.push({ kind: 'synthetic application', name: '10-page application', producer: 'pdf-lib Courier', bytes: await writeTextPdf(syntheticPages) });
  return docs;
}
