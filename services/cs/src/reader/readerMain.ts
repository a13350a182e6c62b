// Entry of the document reader process (forked by DocumentReader): reads one document per message
// and answers with the result. pdf.js, canvas and tesseract run only here, so a document that
// exhausts memory, crashes a native library or never finishes takes down this process, never the
// Lambda's handler, which quarantines the document and starts a new reader.
import { OcrEngine } from '../ocr/OcrEngine.js';
import { collectPdfjsWarnings } from '../pdf/pdfjsWarnings.js';
import type { ReadRequest, ReadResponse } from './protocol.js';
import { readDocument } from './readDocument.js';

// pdf.js's warnings are collected per page (they tell what could not be decoded), never printed.
collectPdfjsWarnings();

let engine: Promise<OcrEngine> | null = null;
let engineWorkers = 0;

/** The OCR engine, created on the first page that needs it and kept for later documents. */
function ocrEngine(workers: number): () => Promise<OcrEngine> {
  return () => {
    if (!engine || engineWorkers !== workers) {
      const previous = engine;
      engineWorkers = workers;
      engine = (previous ? previous.then((e) => e.terminate(), () => undefined) : Promise.resolve()).then(() => OcrEngine.create(workers));
      engine.catch(() => { engine = null; });
    }
    return engine;
  };
}

let current: number | null = null;

// An error pdf.js or a decoder raises outside the awaited chain (an allocation failure inside a
// worker task) answers the document in flight; the process then exits, as its state is unknown.
const fail = (err: unknown) => {
  const text = `${(err as Error)?.name ?? 'Error'}: ${(err as Error)?.message ?? String(err)}`;
  if (current !== null) process.send?.({ id: current, ok: false, error: text } satisfies ReadResponse);
  setImmediate(() => process.exit(70));
};
process.on('unhandledRejection', fail);
process.on('uncaughtException', fail);

process.on('message', (message: ReadRequest) => {
  current = message.id;
  void (async () => {
    let reply: ReadResponse;
    try {
      const result = await readDocument(message.bytes, message.limits, message.ocr, ocrEngine(message.ocr.workers));
      reply = { id: message.id, ok: true, result };
    } catch (err) {
      reply = { id: message.id, ok: false, error: `${(err as Error).name ?? 'Error'}: ${(err as Error).message ?? String(err)}` };
    }
    current = null;
    process.send?.(reply);
  })();
});

process.on('disconnect', () => process.exit(0));
process.send?.({ id: 0, ok: true, ready: true });
