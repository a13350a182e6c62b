import { mkdtempSync, readFileSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DlqRecordSchema, sha256Hex, type DlqRecord, type OutgoingMessage } from '@sfc/shared';
import { loadTxnConfig, type TxnConfig } from '../../../src/config.js';
import { simulatorFrom } from '../../../src/context.js';
import { produceWindow } from '../../../src/pipeline/produceWindow.js';
import { testKafka, testTopics, unique } from './kafka.js';

/** Everything one end-to-end run needs: its own topics, groups and data directory. */
export function pipelineEnv(partitions = 3): { env: NodeJS.ProcessEnv; config: TxnConfig; groups: { score: string; act: string } } {
  const id = unique('e2e');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TOPICS: 'kafka',
    TRANSACTIONS_TOPIC: `${id}-transactions`,
    PROCESSED_TOPIC: `${id}-processed`,
    DLQ_TOPIC: `${id}-dlq`,
    TOPIC_PARTITIONS: String(partitions),
    DATA_DIR: mkdtempSync(join(tmpdir(), `${id}-`)),
    SIM_CUSTOMERS: '2000',
    LOG_LEVEL: 'error',
    // These runs replay fixed November 2026 event times, which age past any live window.
    EVENT_TIME_MAX_AGE_DAYS: '0',
  };
  return { env, config: loadTxnConfig(env), groups: { score: `${id}-score`, act: `${id}-act` } };
}

/** Removes a run's data directory (called after a test's assertions, so a failed run keeps its data). */
export const removeRunData = (c: TxnConfig) => rmSync(c.DATA_DIR, { recursive: true, force: true });

export async function createTopics(c: TxnConfig): Promise<void> {
  const topics = testTopics();
  await topics.ensureTopics([c.TRANSACTIONS_TOPIC, c.PROCESSED_TOPIC, c.DLQ_TOPIC].map((name) => ({ name, partitions: c.TOPIC_PARTITIONS })));
  await topics.close();
}

/** Produces `count` simulated transactions through the produce pipeline (event times in the hour before `end`); returns their event ids. */
export async function produceTransactions(c: TxnConfig, count: number, end = Date.parse('2026-11-20T12:00:00Z')): Promise<string[]> {
  const topics = testTopics();
  await produceWindow(simulatorFrom(c), topics, c.TRANSACTIONS_TOPIC, { from: end - 3_600_000, to: end, count });
  await topics.close();
  return transactionIds(c, count, end);
}

/** The event ids produceTransactions() sends: the simulator is deterministic for a seed. */
export function transactionIds(c: TxnConfig, count: number, end = Date.parse('2026-11-20T12:00:00Z')): string[] {
  return simulatorFrom(c).generate(end - 3_600_000, end, count).map((e) => e.transaction.event_id);
}

export async function produceMessages(c: TxnConfig, messages: OutgoingMessage[]): Promise<void> {
  const topics = testTopics();
  await topics.send(c.TRANSACTIONS_TOPIC, messages);
  await topics.close();
}

/** Every row of the lake: event id and outcome, from all JSON Lines objects under the lake prefix. */
export function lakeRows(c: TxnConfig): { event_id: string; outcome: string; key: string }[] {
  const root = join(c.DATA_DIR, c.LAKE_BUCKET, c.LAKE_PREFIX);
  if (!existsSync(root)) return [];
  const rows: { event_id: string; outcome: string; key: string }[] = [];
  for (const file of readdirSync(root, { recursive: true }) as string[]) {
    if (!file.endsWith('.jsonl')) continue;
    for (const line of readFileSync(join(root, file), 'utf8').split('\n')) {
      if (!line) continue;
      const tx = JSON.parse(line) as { event_id: string; fd: { outcome: string } };
      rows.push({ event_id: tx.event_id, outcome: tx.fd.outcome, key: file });
    }
  }
  return rows;
}

/** Event ids of the alerts in the outbox, one per published alert (the masked body keeps identifiers). */
export function alertIds(c: TxnConfig): string[] {
  const path = join(c.DATA_DIR, 'outbox', 'alerts.jsonl');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { body: { event_id: string } }).body.event_id);
}

/** Reads the DLQ topic (committed records only) until `expected` records came and then `quietMs` passed with no more. */
export async function readDlq(c: TxnConfig, expected: number, quietMs = 3_000): Promise<DlqRecord[]> {
  const consumer = testKafka().consumer({ groupId: unique('dlq-reader') });
  const out: DlqRecord[] = [];
  let last = Date.now();
  await consumer.connect();
  await consumer.subscribe({ topic: c.DLQ_TOPIC, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void (out.push(DlqRecordSchema.parse(JSON.parse(message.value!.toString()))), (last = Date.now())) });
  const deadline = Date.now() + 60_000;
  while ((out.length < expected || Date.now() - last < quietMs) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await consumer.disconnect();
  return out;
}

export const sha256Of = (m: OutgoingMessage) => sha256Hex(typeof m.value === 'string' ? Buffer.from(m.value) : m.value);

/** Ids that occur more than once. */
export function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}

/** Keys of the lake's objects (relative to the lake prefix). */
export function lakeObjects(c: TxnConfig): string[] {
  const root = join(c.DATA_DIR, c.LAKE_BUCKET, c.LAKE_PREFIX);
  return existsSync(root) ? (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.jsonl')) : [];
}

/** Lake objects whose first offset is at or past the act group's committed offset: written by a batch that has not committed. */
export function uncommittedObjects(keys: string[], committed: Map<number, number>): string[] {
  return keys.filter((k) => {
    const m = /-(\d+)-(\d{16})\.jsonl$/.exec(k);
    return m !== null && Number(m[2]) >= (committed.get(Number(m[1])) ?? -1);
  });
}

/** Records in a topic as a consumer sees them: committed only (read_committed) or also aborted ones. */
export async function countRecords(topic: string, readUncommitted: boolean, quietMs = 3_000): Promise<number> {
  const consumer = testKafka().consumer({ groupId: unique('counter'), readUncommitted });
  let n = 0;
  let last = Date.now();
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachBatch: async ({ batch }) => void ((n += batch.messages.length), (last = Date.now())) });
  while (Date.now() - last < quietMs) await new Promise((r) => setTimeout(r, 100));
  await consumer.disconnect();
  return n;
}
