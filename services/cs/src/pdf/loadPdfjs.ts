// pdfjs-dist runs its parser in a "fake worker" on the calling thread under Node. Importing the worker
// module ourselves and publishing it on globalThis (pdfjs looks for `pdfjsWorker` there) keeps it in
// the same process: the reader process is the isolation boundary, not a pdf.js worker.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as worker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;

// pdf.js reads its data files (standard fonts, CMaps for CJK text, ICC profiles, the wasm JPEG 2000 /
// JBIG2 decoders used by scans) from folders of the installed package; nothing is fetched.
const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Folder URLs (with a trailing separator, as pdf.js wants them) of pdf.js's data files. */
export const PDFJS_DATA = {
  standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
  cMapUrl: `${join(root, 'cmaps')}/`,
  iccUrl: `${join(root, 'iccs')}/`,
  wasmUrl: `${join(root, 'wasm')}/`,
};

export { pdfjs };
