// npm run review [-- --port N] [--host 127.0.0.1] [--users name:role,...] [--refresh-s 30]
// The analysts' review page over the case store act writes (CASES_STORE), deciding through the same
// decide() as `npm run cases` (labels to LABELS_TOPIC, or with TOPICS=memory applied by the label function's code). Local only.
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@sfc/shared';
import { createMetrics } from '@sfc/shared/observability/metrics.js';
import { loadTxnConfig } from '../config.js';
import { recordCaseAgeing } from '../cases/ageing.js';
import { resendPending } from '../cases/decide.js';
import { caseStoreFrom } from '../cases/caseStoreFrom.js';
import { labelSinkFrom } from '../cases/labelSinkFrom.js';
import { parseAccounts, Tokens } from './accounts.js';
import { QueueIndex } from './queue.js';
import { reviewServer } from './server.js';

const { values } = parseArgs({ options: {
  port: { type: 'string', default: '8765' }, host: { type: 'string', default: '127.0.0.1' }, users: { type: 'string' }, 'refresh-s': { type: 'string', default: '30' },
} });
try {
  const c = loadTxnConfig();
  const port = Number(values.port), refreshS = Number(values['refresh-s']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${values.port}: 0-65535 (0: any free port)`);
  if (!(refreshS >= 1)) throw new Error(`--refresh-s ${values['refresh-s']}: at least 1`);
  // Local only: the page has no TLS and no identity provider (services/txn/README.md, "The analyst page").
  if (!['127.0.0.1', 'localhost', '::1'].includes(values.host!)) throw new Error(`--host ${values.host}: local addresses only (127.0.0.1, localhost, ::1)`);
  const store = await caseStoreFrom(c);
  if (!store) throw new Error('CASES_STORE=none: set CASES_STORE=file or dynamodb');
  const accounts = parseAccounts(values.users ?? `${userInfo().username.replace(/[^\w.@-]/g, '_') || 'senior'}:senior,analyst:analyst`);
  const tokens = new Tokens(accounts);
  const labels = await labelSinkFrom(c);
  const logger = createLogger('txn.review', { level: c.LOG_LEVEL });
  const index = new QueueIndex(store, c.CASE_MAX_AGE_HOURS);
  process.env.METRICS_FILE ||= join(c.DATA_DIR, 'metrics', 'emf.jsonl');
  const metrics = createMetrics('txn');
  const refresh = async () => {
    await index.refresh();
    // Labels of decisions that did not go out (a failed send here, a CLI that died): sent again, never lost.
    for (const id of index.pendingLabels()) {
      const done = await resendPending(store, labels.sink, id);
      if (done.sent) index.update(id, { labelPending: false });
      else if (done.error) logger.error('decision label still pending', { case_id: id, error: done.error });
    }
    recordCaseAgeing(index.stats(), metrics);
    metrics.publishStoredMetrics();
  };
  await refresh();
  const timer = setInterval(() => { refresh().catch((err: Error) => logger.error('queue refresh failed', { error: err.message })); }, refreshS * 1000);
  const server = reviewServer({ store, sink: labels.sink, index, tokens, logger });
  server.listen(port, values.host, () => {
    const { port: bound } = server.address() as AddressInfo;
    const stats = index.stats();
    const host = values.host === '::1' ? '[::1]' : values.host;
    process.stdout.write(`review page: ${stats.open} open cases (${stats.overAge} over ${c.CASE_MAX_AGE_HOURS} h), labels to ${labels.sink.where}\n`);
    for (const { account, token } of tokens.issued) process.stdout.write(`  ${account.name} (${account.role}): http://${host}:${bound}/#token=${token}\n`);
    process.stdout.write('Open an address in a browser (each signs in one account, until this command stops). Ctrl+C stops.\n');
  });
  server.on('error', (err) => { process.stderr.write(`error: ${err.message}\n`); process.exit(1); });
  const stop = () => { clearInterval(timer); server.close(); void labels.close(); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  process.stderr.write(`error: ${(err as Error).message}\n`);
  process.exitCode = 2;
}
