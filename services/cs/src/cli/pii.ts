// PII scanner CLI.
//   npm run pii -- scan <file.pdf|file.txt>   entities of one document as JSON (matched text masked)
//   npm run pii -- --jsonl < in.jsonl         {"id","text"} per line in, {"id","entities":[...]} per line out
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { loadCsConfig } from '../config.js';
import { createDetector, scanSettings } from '../deps.js';
import type { PiiDetector } from '../detect/PiiDetector.js';
import { DocumentReader } from '../reader/DocumentReader.js';
import type { TextPart } from '../reader/protocol.js';
import { maskValue } from '../detect/maskValue.js';
import type { ScanSettings } from '../scan/ScanDeps.js';

const USAGE = 'usage: pii scan <file.pdf|file.txt> | pii --jsonl < lines.jsonl';

async function scanFile(detector: PiiDetector, file: string, settings: ScanSettings, memoryMb: number): Promise<void> {
  const bytes = await readFile(file);
  let parts: TextPart[];
  let issues: unknown[] = [];
  if (file.toLowerCase().endsWith('.pdf')) {
    // the same reader the Lambda uses: text layer, OCR, forms, annotations, metadata, attachments
    const reader = new DocumentReader({ memoryMb });
    const read = await reader.read(bytes, settings.limits, settings.ocr, Date.now() + settings.scanTimeLimitMs);
    reader.close();
    parts = read.parts;
    issues = read.issues;
  } else {
    // text files: pages separated by form feeds, as pdftotext writes them
    parts = bytes.toString('utf8').split('\f').map((text, i) => ({ kind: 'text', page: i + 1, attachment: null, text }));
  }
  const entities = [];
  for (const part of parts) {
    for (const e of await detector.detectText(part.text)) {
      entities.push({
        type: e.type, source: part.kind, page: part.page, attachment: part.attachment, start: e.start, end: e.end, score: e.score,
        recognizer: e.recognizer, masked: maskValue(part.text.slice(e.start, e.end), e.type), explanation: e.explanation.textual,
      });
    }
  }
  process.stdout.write(`${JSON.stringify({ file, parts: parts.length, issues, entities }, null, 2)}\n`);
}

async function scanJsonl(detector: PiiDetector): Promise<void> {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const { id, text } = JSON.parse(line) as { id: unknown; text: unknown };
    if (typeof text !== 'string') throw new Error(`line with id ${JSON.stringify(id)} has no "text" string`);
    const entities = (await detector.detectText(text)).map(({ type, start, end, score }) => ({ type, start, end, score }));
    process.stdout.write(`${JSON.stringify({ id, entities })}\n`);
  }
}

async function main(argv: string[]): Promise<number> {
  const config = loadCsConfig();
  if (argv[0] === '--jsonl' || (argv[0] === 'scan' && argv[1] === '--jsonl')) {
    await scanJsonl((await createDetector(config)).detector);
    return 0;
  }
  if (argv[0] === 'scan' && argv[1]) {
    await scanFile((await createDetector(config)).detector, argv[1], scanSettings(config), config.READER_MEMORY_MB);
    return 0;
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: unknown) => {
  process.stderr.write(`pii: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
