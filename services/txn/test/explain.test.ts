import { PathExplainer, type TreeDump } from '../src/scoring/explain.js';
import { topReasons } from '../src/scoring/reasons.js';
import { FEATURE_COUNT, FEATURE_NAMES, featureIndex } from '../src/features/names.js';

const NEW_IP = featureIndex('new_ip');
const RATIO = featureIndex('amount_to_mean');

// Two stumps: new_ip raises the score, a high amount ratio raises it more.
const dump: TreeDump = {
  feature_names: [...FEATURE_NAMES],
  trees: [
    { v: 0, f: NEW_IP, t: 0.5, L: { v: -0.5 }, R: { v: 1.5 } },
    { v: 0.2, f: RATIO, t: 3, L: { v: -0.1 }, R: { v: 2.2 } },
  ],
};

describe('Scoring: PathExplainer', () => {
  it('credits each split on the path with the change in node value', () => {
    const row = new Float32Array(FEATURE_COUNT);
    row[NEW_IP] = 1;
    row[RATIO] = 8.4;
    const c = new PathExplainer(dump).contributions(row, 0);
    expect(c[NEW_IP]).toBeCloseTo(1.5);
    expect(c[RATIO]).toBeCloseTo(2.0);
    expect(topReasons(c, row, 0)).toEqual(["amount 8.4x this customer's average", 'new IP address']);
  });

  it('gives no reasons when nothing raised the score', () => {
    const row = new Float32Array(FEATURE_COUNT);
    expect(topReasons(new PathExplainer(dump).contributions(row, 0), row, 0)).toEqual([]);
  });

  it('refuses a tree dump trained on other features', () => {
    expect(() => new PathExplainer({ ...dump, feature_names: ['amount'] })).toThrow(/differ from the serving features/);
  });
});

describe('Scoring: PathExplainer on the shipped model', () => {
  it('is locally accurate: root values plus contributions give the model\'s own log-odds', async () => {
    // Prepare
    const { readFileSync } = await import('node:fs');
    const ort = await import('onnxruntime-node');
    const { resolveModelDir } = await import('../src/modelDir.js');
    const { FeatureExtractor } = await import('../src/features/extractor.js');
    const { PackedProfileState } = await import('../src/features/PackedProfileState.js');
    const { TransactionSimulator } = await import('../src/simulator/simulator.js');
    const dir = resolveModelDir('');
    const trees = JSON.parse(readFileSync(`${dir}/trees.json`, 'utf8')) as TreeDump;
    const explainer = new PathExplainer(trees);
    const T0 = Date.parse('2026-10-01T00:00:00Z');
    const txs = new TransactionSimulator({ seed: 21, customers: 100, fraudRate: 0.1 }).generate(T0, T0 + 5 * 86_400_000, 800).map((e) => e.transaction);
    const { rows, values } = await new FeatureExtractor(new PackedProfileState({ maxEntities: 1000, ttlSeconds: 1e9 })).extract(txs);
    const session = await ort.InferenceSession.create(readFileSync(`${dir}/model.onnx`));
    const probabilities = (await session.run({ features: new ort.Tensor('float32', values, [rows, FEATURE_COUNT]) }, ['probabilities'])).probabilities!.data as Float32Array;
    const bias = trees.trees.reduce((s, t) => s + t.v, 0);
    // Act / Assess
    for (let r = 0; r < rows; r += 7) {
      const p = Math.min(Math.max(probabilities[2 * r + 1]!, 1e-7), 1 - 1e-7);
      const contributions = explainer.contributions(values, r * FEATURE_COUNT);
      const logOdds = bias + contributions.reduce((s, c) => s + c, 0);
      expect(logOdds).toBeCloseTo(Math.log(p / (1 - p)), 2);
    }
  });
});
