// Writes the generated documents the cs tests use into a folder, to try them one by one through the
// handler: npx tsx scripts/cs-try-files.ts /tmp/cs-files, then npm run cs:invoke -- --file <pdf>.
// Forms, notes, metadata, attachments, scans (150/300 dpi, skewed), a garbage font, active content,
// and hostile files (a 4 GiB compression bomb, 40 dense pages, 2,000 pages, a huge image, scribbles).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as hostile from '../services/cs/test/fixtures/hostile.js';
import * as rich from '../services/cs/test/fixtures/richDocuments.js';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npx tsx scripts/cs-try-files.ts <folder>');
  process.exit(2);
}
mkdirSync(dir, { recursive: true });
const files: Record<string, () => Promise<Uint8Array>> = {
  'form-filled': rich.filledForm, 'form-hidden-field': rich.hiddenFieldForm, 'form-xfa': rich.xfaForm, annotations: rich.annotated,
  metadata: rich.withMetadata, 'attachment-text': () => rich.withAttachments('text'), 'attachment-nested-pdf': () => rich.withAttachments('pdf'),
  'attachment-photo': () => rich.withAttachments('image'), 'attachment-zip': rich.withZipAttachment, 'attachment-exe': rich.withExecutable,
  'javascript-open': () => rich.withActiveContent('open'), 'launch-action': () => rich.withActiveContent('launch'),
  'garbage-font': rich.garbageFont, 'caption-and-scan': rich.captionAndScan, 'scan-150dpi': () => rich.scan(150), 'scan-300dpi': () => rich.scan(300),
  'scan-skewed': () => rich.scan(200, 4), 'scan-clean': () => rich.scan(200, 0, rich.CLEAN_SCAN_TEXT), 'scan-scribbles': () => hostile.scribbleScan(),
  'bomb-4gib': () => hostile.compressionBomb(4096), 'dense-40x60000': () => hostile.densePages(), 'pages-2000': () => hostile.manyPages(2000),
  'image-20000x20000': () => hostile.hugeImage(),
};
for (const [name, make] of Object.entries(files)) {
  const bytes = await make();
  writeFileSync(join(dir, `${name}.pdf`), bytes);
  console.log(`${join(dir, `${name}.pdf`)}  ${bytes.byteLength} bytes`);
}
