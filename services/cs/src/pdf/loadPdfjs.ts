// pdfjs-dist runs its parser in a "fake worker" on the main thread under Node. Importing the worker
// module ourselves and publishing it on globalThis (pdfjs looks for `pdfjsWorker` there) lets a
// bundler see the import, so the Lambda bundle does not try to load a worker file at run time.
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as worker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;

export { pdfjs };
