// PII scanner CLI.
//   npm run pii -- scan <file.pdf|file.txt>   entities of one document as JSON (matched text masked)
//   npm run pii -- --jsonl < in.jsonl         {"id","text"} per line in, {"id","entities":[...]} per line out
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { loadCsConfig } from '../config.js';
import { createDetector } from '../deps.js';
import type { PiiDetector } from '../detect/PiiDetector.js';
import { maskValue } from '../detect/maskValue.js';
import { extractPdfText } from '../pdf/extractText.js';

const USAGE = 'usage: pii scan <file.pdf|file.txt> | pii --jsonl < lines.jsonl';

async function scanFile(detector: PiiDetector, file: string, limits: { maxBytes: number; maxPages: number }): Promise<void> {
  const bytes = await readFile(file);
  // text files: pages separated by form feeds, as pdftotext writes them
  const pages = file.toLowerCase().endsWith('.pdf') ? (await extractPdfText(bytes, limits)).pages : bytes.toString('utf8').split('\f');
  const entities = (await detector.detectPages(pages)).map((e) => ({
    type: e.type, page: e.page, start: e.start, end: e.end, score: e.score, recognizer: e.recognizer,
    masked: maskValue(pages[e.page - 1]!.slice(e.start, e.end), e.type), explanation: e.explanation.textual,
  }));
  process.stdout.write(`${JSON.stringify({ file, pages: pages.length, entities }, null, 2)}\n`);
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
  const limits = { maxBytes: config.MAX_PDF_BYTES, maxPages: config.MAX_PDF_PAGES };
  if (argv[0] === '--jsonl' || (argv[0] === 'scan' && argv[1] === '--jsonl')) {
    await scanJsonl((await createDetector(config)).detector);
    return 0;
  }
  if (argv[0] === 'scan' && argv[1]) {
    await scanFile((await createDetector(config)).detector, argv[1], limits);
    return 0;
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: unknown) => {
  process.stderr.write(`pii: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
