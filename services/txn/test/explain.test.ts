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
