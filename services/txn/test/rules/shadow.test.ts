import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, FsObjectStore, LakeTransactionSchema, MemoryTopics, OutboxNotifier, ScoredTransactionSchema, type ScoredTransaction } from '@sfc/shared';
import { scoreBatch, type ScoreDeps } from '../../src/pipeline/scoreBatch.js';
import { actBatch } from '../../src/pipeline/actBatch.js';
import { detectorFrom, modelLibraryFrom } from '../../src/deps/scoreDeps.js';
import { loadTxnConfig } from '../../src/config.js';
import { detectorsEnvFrom, runDetectorsCommand } from '../../src/cli/detectors.js';
import { FileDetectorStore } from '../../src/rules/FileDetectorStore.js';
import { FileCaseStore } from '../../src/cases/FileCaseStore.js';
import { TransactionSimulator } from '../../src/simulator/simulator.js';
import { body, shadowContract } from './detectorStoreContract.js';
import { recordOf } from '../support/records.js';
import { scaledModel, shippedScorer } from '../support/model.js';
import { testPolicy } from '../../../../shared/test/support/pseudonym.js';

const T0 = Date.parse('2026-11-20T00:00:00Z');
const txs = new TransactionSimulator({ seed: 5, customers: 80 }).generate(T0, T0 + 86_400_000, 120).map((e) => e.transaction);

describe('Shadow detector versions: set and unset through the CLI (files)', () => {
  it('a DRAFT or INACTIVE version is the SHADOW beside the ACTIVE one, in status.json; activation ends it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sh-'));
    const env = await detectorsEnvFrom(loadTxnConfig({ DATA_DIR: dataDir }));
    await shadowContract(env.store, (...args) => runDetectorsCommand(args, env));
    expect(JSON.parse(readFileSync(join(dataDir, 'detectors', 'cards', 'status.json'), 'utf8'))).toMatchObject({ active: null, shadow: '3' });
  });
});

describe('Shadow scoring: its own rules and its own model beside the ACTIVE version, no action taken', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sh-'));
  const modelsDir = join(dataDir, 'models');
  const second = scaledModel(modelsDir, 1.25);
  const c = loadTxnConfig({ DATA_DIR: dataDir, MODELS_DIR: modelsDir });
  const store = new FileDetectorStore(join(dataDir, 'detectors'));
  const lines: string[] = [];
  const logger = createLogger('test', { level: 'info', sink: (l: string) => lines.push(l) });
  let deps: ScoreDeps;
  let batch = 0;
  const topics = new MemoryTopics(1);
  const score = async (): Promise<ScoredTransaction[]> => {
    batch += 1;
    const n = topics.readAll('processed').length;
    await scoreBatch(txs.map((t, i) => recordOf({ ...t, event_id: `${t.event_id}-${batch}` }, i)), deps);
    return topics.readAll('processed').slice(n).map((r) => ScoredTransactionSchema.parse(JSON.parse(r.value.toString())));
  };
  let cli: (...args: string[]) => Promise<string>;

  beforeAll(async () => {
    const env = await detectorsEnvFrom(c);
    cli = (...args) => runDetectorsCommand(args, env);
    const file = (name: string, v: object) => { const f = join(dataDir, name); writeFileSync(f, JSON.stringify(v)); return f; };
    // 1 decides on the shipped model's score; 2 blocks everything over 50 on the second model's score.
    await cli('create-version', 'payments', '--file', file('v1.json', body('$insightscore >= 900', 'block')));
    await cli('create-version', 'payments', '--file', file('v2.json', { ...body('$insightscore > 50', 'block'), model: { modelVersion: second.modelVersion } }));
    await cli('activate', 'payments', '1');
    const scorer = await shippedScorer(700);
    deps = {
      scorer, producer: topics, topics: { processed: 'processed', dlq: 'dlq' }, rules: { block: 900, review: 700 },
      detector: await detectorFrom(c, { block: 900, review: 700 }, modelLibraryFrom(c, scorer.model), logger), maxRecordBytes: 65_536, logger,
    };
  });

  it('fd_shadow carries the shadow version\'s decision, rules and model; fd is the ACTIVE version\'s, as before', async () => {
    let out = await score();
    for (const s of out) expect(s.fd_shadow).toBeUndefined();
    expect(await cli('shadow', 'payments', '2')).toMatch(/payments:2 \(DRAFT\) is the SHADOW/);
    out = await score();
    expect(out).toHaveLength(txs.length);
    for (const s of out) {
      expect(s.fd).toMatchObject({ detector_version: 'payments:1', outcome: s.fd.score >= 900 ? 'block' : 'approve' });
      expect(s.fd.model_version).not.toBe(second.modelVersion);
      // Its own model: the shipped model's probability times 1.25 (rounding on either side: one point).
      expect(s.fd_shadow!.model_version).toBe(second.modelVersion);
      expect(Math.abs(s.fd_shadow!.score - Math.min(1000, s.fd.score * 1.25))).toBeLessThanOrEqual(1.5);
      expect(s.fd_shadow).toMatchObject({ detector_version: 'payments:2', outcome: s.fd_shadow!.score > 50 ? 'block' : 'approve' });
      if (s.fd_shadow!.outcome === 'block') expect(s.fd_shadow).toMatchObject({ rules: [{ rule_id: 'r', rule_version: '1', outcomes: ['block'] }], outcomes: ['block'] });
      if (s.fd_shadow!.score >= 700) expect(s.fd_shadow!.reasons.length).toBeGreaterThan(0);
    }
    // The decisions differ: the shadow blocks what the ACTIVE version approves.
    expect(out.filter((s) => s.fd_shadow!.outcome === 'block' && s.fd.outcome === 'approve').length).toBeGreaterThan(0);
    expect(lines.join('\n')).toMatch(/shadow detector version changed.*payments:2/);

    // act: the lake row holds fd_shadow unchanged; a shadow block sends no alert and opens no case.
    const dir = mkdtempSync(join(tmpdir(), 'sh-act-'));
    const act = await actBatch(out.map((s, i) => recordOf(s, i, 'processed')), {
      store: new FsObjectStore(dir), notifier: new OutboxNotifier(join(dir, 'outbox'), 'alerts', null), producer: topics,
      lake: { bucket: 'lake', prefix: 'processed' }, pii: testPolicy(), dlqTopic: 'dlq', maxRecordBytes: 65_536, logger,
      cases: { store: new FileCaseStore(join(dir, 'cases')), forBlock: true, history: 0 },
    });
    const blocks = out.filter((s) => s.fd.outcome === 'block').length;
    const reviews = out.filter((s) => s.fd.outcome === 'review').length;
    expect(act).toMatchObject({ written: out.length, alerts: blocks, casesCreated: blocks + reviews });
    expect(blocks).toBeLessThan(out.filter((s) => s.fd_shadow!.outcome === 'block').length);
    const alerts = existsSync(join(dir, 'outbox', 'alerts.jsonl')) ? readFileSync(join(dir, 'outbox', 'alerts.jsonl'), 'utf8').trim().split('\n').filter(Boolean) : [];
    expect(alerts).toHaveLength(blocks);
    const store = new FsObjectStore(dir);
    const rows = (await Promise.all((await store.list('lake')).map(async (k) => Buffer.from((await store.get('lake', k))!).toString().trim().split('\n')))).flat()
      .map((l) => LakeTransactionSchema.parse(JSON.parse(l)));
    const byId = new Map(out.map((s) => [s.event_id, s.fd_shadow]));
    expect(rows).toHaveLength(out.length);
    for (const r of rows) expect(r.fd_shadow).toEqual(byId.get(r.event_id));
  });

  it('activating the shadowed version ends its shadowing; it then decides with its own model', async () => {
    expect(await cli('activate', 'payments', '2')).toMatch(/payments:2 is ACTIVE; 1 is INACTIVE; it is no longer the shadow/);
    const out = await score();
    for (const s of out) {
      expect(s.fd_shadow).toBeUndefined();
      expect(s.fd).toMatchObject({ detector_version: 'payments:2', model_version: second.modelVersion, outcome: s.fd.score > 50 ? 'block' : 'approve' });
    }
    // The other way round: the ACTIVE version runs the second model, a shadow naming none the loaded one.
    expect(await cli('shadow', 'payments', '1')).toMatch(/payments:1 \(INACTIVE\) is the SHADOW/);
    const loaded = deps.scorer as Awaited<ReturnType<typeof shippedScorer>>;
    for (const s of await score()) {
      expect(s.fd.model_version).toBe(second.modelVersion);
      expect(s.fd_shadow).toMatchObject({ detector_version: 'payments:1', model_version: loaded.modelVersion, outcome: s.fd_shadow!.score >= 900 ? 'block' : 'approve' });
      expect(Math.abs(s.fd.score - Math.min(1000, s.fd_shadow!.score * 1.25))).toBeLessThanOrEqual(1.5);
    }
    await cli('rollback', 'payments');
  });

  it('a shadow whose model is missing: the CLI refuses it, naming the model and the folder; score logs an error and scores no shadow', async () => {
    const missing = 'lgbm-abcdef0a1b2c';
    const v = await store.create('payments', { ...body('$order_price > 0', 'block'), model: { modelVersion: missing } });
    await expect(cli('shadow', 'payments', v.detectorVersionId)).rejects.toThrow(new RegExp(`model ${missing}: not found: no ${join(modelsDir, missing, 'model.onnx')} \\(MODELS_DIR ${modelsDir}`));
    await expect(cli('activate', 'payments', v.detectorVersionId)).rejects.toThrow(new RegExp(`model ${missing}: not found`));
    expect((await store.live('payments')).shadow).toBeUndefined();
    // Named anyway (another machine's MODELS_DIR, or a hand edit): skipped, logged, the ACTIVE version decides.
    await store.setShadow('payments', v.detectorVersionId);
    lines.length = 0;
    const out = await score();
    for (const s of out) {
      expect(s.fd_shadow).toBeUndefined();
      expect(s.fd.detector_version).toBe('payments:1');
    }
    expect(lines.join('\n')).toMatch(new RegExp(`cannot use the shadow detector version; no shadow is scored.*payments:${v.detectorVersionId}.*model ${missing}: not found`));
    // A shadow whose model is there: the next batch scores it.
    await store.setShadow('payments', '2');
    expect((await score()).every((s) => s.fd_shadow?.detector_version === 'payments:2')).toBe(true);
  });

  it('a shadow model that fails at inference: the batch is decided by the ACTIVE version, no fd_shadow, the error logged', async () => {
    const model = deps.detector!.shadow!.model!;
    expect(model.modelVersion).toBe(second.modelVersion);
    const real = model.probabilities.bind(model);
    model.probabilities = async () => { throw new Error('onnxruntime: bad allocation'); };
    lines.length = 0;
    try {
      const out = await score();
      expect(out).toHaveLength(txs.length);
      for (const s of out) {
        expect(s.fd_shadow).toBeUndefined();
        expect(s.fd.detector_version).toBe('payments:1');
      }
      expect(lines.join('\n')).toMatch(new RegExp(`shadow version's model failed on this batch.*${second.modelVersion}.*bad allocation`));
    } finally {
      model.probabilities = real;
    }
    expect((await score()).every((s) => s.fd_shadow?.detector_version === 'payments:2')).toBe(true);
  });
});
