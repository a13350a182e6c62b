// Local invocation of the scan handler with an S3 event file (`serverless invoke local` rejects
// image functions). Usage: npm run cs:invoke -- --event services/cs/events/s3-put.json
// Seeds the sample documents into the local uploads bucket first when it is empty.
import { readFile } from 'node:fs/promises';
import { maskObjectKey, type S3Event } from '@sfc/shared';
import { loadCsConfig } from '../config.js';
import { createScanDeps } from '../deps.js';
import { handleS3Event } from '../scan/handleS3Event.js';
import { seedSampleUploads } from './sampleDocuments.js';

async function main(argv: string[]): Promise<void> {
  const at = argv.indexOf('--event');
  const path = at >= 0 ? argv[at + 1] : undefined;
  if (!path) throw new Error('usage: cs:invoke -- --event <s3-event.json>');
  const event = JSON.parse(await readFile(path, 'utf8')) as S3Event;
  const config = loadCsConfig();
  const deps = await createScanDeps(config);
  if (config.OBJECT_STORE === 'fs') await seedSampleUploads(deps.store, config.UPLOADS_BUCKET, [config.PII_BUCKET, config.CLEAN_BUCKET, config.QUARANTINE_BUCKET]);
  const { outcomes, ...summary } = await handleS3Event(deps, event);
  process.stdout.write(`${JSON.stringify({ summary, outcomes: outcomes.map((o) => (o.status === 'missing' || o.status === 'superseded' ? { ...o, key: maskObjectKey(o.key) } : { status: o.status, verdict: o.finding.verdict, destination: o.finding.destination, counts: o.finding.counts, reason: o.finding.quarantine_reason, detail: o.finding.quarantine_detail })) }, null, 2)}\n`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`cs:invoke: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
