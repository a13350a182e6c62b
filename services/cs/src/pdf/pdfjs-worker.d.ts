// pdfjs-dist ships no types for its worker entry; it is only published on globalThis, never called.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
