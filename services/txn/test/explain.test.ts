import { PathExplainer, type TreeDump } from '../src/scoring/explain.js';
import { phrase, topFeatures } from '../src/scoring/reasons.js';
import type { FeatureDef } from '../src/features/phrases.js';

const defs: FeatureDef[] = [
  { name: 'amount', phrase: (x) => `amount ${x}` },
  { name: 'ip_address.new', phrase: (x) => (x ? 'new IP address for this customer' : 'known IP address') },
  { name: 'entity.amount_to_mean', phrase: (x) => `amount ${x.toFixed(1)}x this customer's average` },
];
const names = defs.map((d) => d.name);
// Two stumps: a new IP raises the score, a high amount ratio raises it more.
const dump: TreeDump = {
  feature_names: names,
  trees: [
    { v: 0, f: 1, t: 0.5, L: { v: -0.5 }, R: { v: 1.5 } },
    { v: 0.2, f: 2, t: 3, L: { v: -0.1 }, R: { v: 2.2 } },
  ],
};

describe('Scoring: PathExplainer', () => {
  it('credits each split on the path with the change in node value', () => {
    const row = Float32Array.from([120, 1, 8.4]);
    const c = new PathExplainer(dump, names).contributions(row, 0);
    expect(c[1]).toBeCloseTo(1.5);
    expect(c[2]).toBeCloseTo(2.0);
    const top = topFeatures(c);
    expect(phrase(defs, top, top.map((f) => row[f]!))).toEqual(["amount 8.4x this customer's average", 'new IP address for this customer']);
  });

  it('gives no reasons when nothing raised the score', () => {
    const row = Float32Array.from([5, 0, 1]);
    expect(topFeatures(new PathExplainer(dump, names).contributions(row, 0))).toEqual([]);
  });

  it('refuses a tree dump trained on other features', () => {
    expect(() => new PathExplainer({ ...dump, feature_names: ['amount'] }, names)).toThrow(/differ from the serving features/);
  });
});

describe('Scoring: PathExplainer on the shipped model', () => {
  it('is locally accurate: root values plus contributions give the model\'s own log-odds', async () => {
    // Prepare
    const { readFileSync } = await import('node:fs');
    const ort = await import('onnxruntime-node');
    const { resolveModelDir } = await import('../src/modelDir.js');
    const { loadModelFeatures } = await import('../src/features/modelFeatures.js');
    const { StatefulExtractor } = await import('../src/features/StatefulExtractor.js');
    const { PackedEntityState } = await import('@sfc/shared/adapters/PackedEntityState.js');
    const { transactionEvent } = await import('../src/scoring/OnnxFraudScorer.js');
    const { TransactionSimulator } = await import('../src/simulator/simulator.js');
    const dir = resolveModelDir('');
    const features = loadModelFeatures(dir);
    const trees = JSON.parse(readFileSync(`${dir}/trees.json`, 'utf8')) as TreeDump;
    const explainer = new PathExplainer(trees, features.engine.names);
    const T0 = Date.parse('2026-10-01T00:00:00Z');
    const txs = new TransactionSimulator({ seed: 21, customers: 100, fraudRate: 0.1 }).generate(T0, T0 + 5 * 86_400_000, 800).map((e) => e.transaction);
    const x = await new StatefulExtractor(features.engine, new PackedEntityState({ maxEntities: 1000, ttlSeconds: 1e9 }), 0).extract(txs.map((t) => transactionEvent(t, features)));
    const F = features.engine.count;
    const rows = x.fresh.length;
    const session = await ort.InferenceSession.create(readFileSync(`${dir}/model.onnx`));
    const probabilities = (await session.run({ features: new ort.Tensor('float32', x.values, [rows, F]) }, ['probabilities'])).probabilities!.data as Float32Array;
    const bias = trees.trees.reduce((s, t) => s + t.v, 0);
    // Act / Assess
    for (let r = 0; r < rows; r += 7) {
      const p = Math.min(Math.max(probabilities[2 * r + 1]!, 1e-7), 1 - 1e-7);
      const contributions = explainer.contributions(x.values, r * F);
      const logOdds = bias + contributions.reduce((s, c) => s + c, 0);
      expect(logOdds).toBeCloseTo(Math.log(p / (1 - p)), 2);
    }
  });
});
