import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createLogger, FsObjectStore, LakeLabelSchema, MemoryTopics, type LakeLabel, type ReviewCase } from '@sfc/shared';
import { PackedEntityState } from '@sfc/shared/adapters/PackedEntityState.js';
import { appliedLabelSink } from '../../src/cases/labelSink.js';
import { loadModelFeatures } from '../../src/features/modelFeatures.js';
import { resolveModelDir } from '../../src/modelDir.js';
import { LabelFeedback } from '../../src/scoring/LabelFeedback.js';
import { actBatch } from '../../src/pipeline/actBatch.js';
import { FileCaseStore } from '../../src/cases/FileCaseStore.js';
import { parseAccounts, Tokens } from '../../src/review/accounts.js';
import { QueueIndex } from '../../src/review/queue.js';
import { reviewServer } from '../../src/review/server.js';
import { actDeps, labelsTopic, records, scored } from '../cases/support.js';
import { testPolicy } from '../../../../shared/test/support/pseudonym.js';

/**
 * `n` cases in a file store: act makes real ones (pseudonymised, with history) from review and block
 * transactions, and copies of them with other ids, amounts, rules and creation times fill the queue
 * (case i created i minutes before `now`, so case n-1 is the oldest).
 */
export async function seedCases(n: number, now: Date, dir = mkdtempSync(join(tmpdir(), 'review-cases-'))): Promise<{ store: FileCaseStore; cases: ReviewCase[] }> {
  const store = new FileCaseStore(dir);
  const source = new FileCaseStore(mkdtempSync(join(tmpdir(), 'review-source-')));
  await actBatch(records([scored(1, 'approve'), scored(2, 'review'), scored(3, 'block')]), actDeps(source, { forBlock: true, pii: testPolicy() }));
  const [review, block] = [(await source.get('evt-2'))!.case!, (await source.get('evt-3'))!.case!];
  const cases: ReviewCase[] = [];
  for (let i = 0; i < n; i++) {
    const t = i % 5 === 0 ? block : review;
    const id = `case-${String(i).padStart(5, '0')}`;
    const rule = i % 3 === 0 ? 'velocity' : 'high_score';
    cases.push({
      ...t, case_id: id, event_id: id, entity_id: `cust-${i % 50}`, created_at: new Date(now.getTime() - i * 60_000).toISOString(),
      transaction: { ...t.transaction, event_id: id, entity_id: `cust-${i % 50}`, transaction_amt: 10 + (i % 1000), fd: { ...t.transaction.fd, rules: [{ rule_id: rule, rule_version: '1', outcomes: [t.outcome] }] } },
    });
  }
  for (let i = 0; i < cases.length; i += 100) await Promise.all(cases.slice(i, i + 100).map((c) => store.create(c)));
  return { store, cases };
}

export interface Running {
  url: string;
  server: Server;
  index: QueueIndex;
  tokens: Record<string, string>;
  /** The labels on the topic, or, with `applied`, the rows the label function's code wrote to the lake. */
  labels: () => { event_id: string; label: string }[];
  close(): Promise<void>;
}

/** Every LakeLabel row under `<root>/lake/labels/dt=*`. */
export function lakeLabels(root: string): LakeLabel[] {
  const base = join(root, 'lake', 'labels');
  if (!existsSync(base)) return [];
  return readdirSync(base).flatMap((d) => readdirSync(join(base, d)).flatMap((f) => readFileSync(join(base, d, f), 'utf8').trim().split('\n')))
    .map((l) => LakeLabelSchema.parse(JSON.parse(l)));
}

/**
 * The review server on a free port of 127.0.0.1, as `npm run review` starts it: with a labels topic in
 * memory, or (`applied`: a lake root) as with TOPICS=memory, the labels applied by the label function's code.
 */
export async function startReview(store: FileCaseStore, users = 'sam:senior,ana:analyst', maxAgeHours = 24, applied?: string): Promise<Running> {
  const index = new QueueIndex(store, maxAgeHours);
  await index.refresh();
  const tokens = new Tokens(parseAccounts(users));
  const topic = labelsTopic();
  const sink = applied === undefined ? topic.sink : appliedLabelSink({
    feedback: new LabelFeedback(loadModelFeatures(resolveModelDir('')), new PackedEntityState({ maxEntities: 1000, ttlSeconds: 86_400 }), 3600),
    producer: new MemoryTopics(1), dlqTopic: 'dlq', maxRecordBytes: 65_536, logger: createLogger('t', { level: 'silent' }),
    lake: { store: new FsObjectStore(applied), bucket: 'lake', prefix: 'labels' },
  }, 'fraud_labels', `in the lake, ${join(applied, 'lake', 'labels')}/dt=<label day>/`);
  const server = reviewServer({ store, sink, index, tokens, logger: createLogger('t', { level: 'silent' }) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`, server, index, labels: applied === undefined ? topic.labels : () => lakeLabels(applied),
    tokens: Object.fromEntries(tokens.issued.map((t) => [t.account.name, t.token])),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
