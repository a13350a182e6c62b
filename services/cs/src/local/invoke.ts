// Local invocation of the scan handler (`serverless invoke local` rejects image functions).
//   npm run cs:invoke -- --event services/cs/events/s3-put.json   an S3 event file; seeds the samples into an empty uploads bucket
//   npm run cs:invoke -- --file some.pdf [--key loans/some.pdf]   puts one file into the uploads bucket and sends its S3 event
// The handler gets a Lambda-like context with 120 s remaining, so the time limits apply as deployed.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { maskObjectKey, s3PutEvent, type S3Event } from '@sfc/shared';
import { loadCsConfig } from '../config.js';
import { createScanDeps } from '../deps.js';
import { handleS3Event } from '../scan/handleS3Event.js';
import { seedSampleUploads } from './sampleDocuments.js';

const USAGE = 'usage: cs:invoke -- --event <s3-event.json> | --file <document.pdf> [--key loans/<name>.pdf]';
const LAMBDA_TIMEOUT_MS = 120_000;

async function main(argv: string[]): Promise<void> {
  const arg = (name: string) => { const at = argv.indexOf(name); return at >= 0 ? argv[at + 1] : undefined; };
  const eventPath = arg('--event');
  const file = arg('--file');
  if (!eventPath && !file) throw new Error(USAGE);
  const config = loadCsConfig();
  const deps = await createScanDeps(config);
  let event: S3Event;
  if (file) {
    const bytes = await readFile(file);
    const key = arg('--key') ?? `loans/${basename(file)}`;
    await deps.store.put(config.UPLOADS_BUCKET, key, bytes, { contentType: 'application/pdf' });
    event = s3PutEvent(config.UPLOADS_BUCKET, key, bytes.byteLength, { eTag: createHash('md5').update(bytes).digest('hex') });
  } else {
    event = JSON.parse(await readFile(eventPath!, 'utf8')) as S3Event;
    if (config.OBJECT_STORE === 'fs') await seedSampleUploads(deps.store, config.UPLOADS_BUCKET, [config.PII_BUCKET, config.CLEAN_BUCKET, config.QUARANTINE_BUCKET]);
  }
  const started = Date.now();
  const { outcomes, ...summary } = await handleS3Event(deps, event, { getRemainingTimeInMillis: () => LAMBDA_TIMEOUT_MS - (Date.now() - started) });
  deps.reader.close?.();
  process.stdout.write(`${JSON.stringify({
    summary,
    outcomes: outcomes.map((o) => (o.status === 'missing' || o.status === 'superseded' ? { ...o, key: maskObjectKey(o.key) } : {
      status: o.status, verdict: o.finding.verdict, destination: o.finding.destination, counts: o.finding.counts,
      reason: o.finding.quarantine_reason, detail: o.finding.quarantine_detail, read: o.finding.read, ms: o.finding.timings_ms.total,
    })),
  }, null, 2)}\n`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`cs:invoke: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
