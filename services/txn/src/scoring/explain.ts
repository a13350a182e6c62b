/** A tree node as train.py writes it to trees.json: a split (f, t, L, R) or a leaf. */
interface TreeNode {
  v: number;
  f?: number;
  t?: number;
  d?: string;
  l?: boolean;
  L?: TreeNode;
  R?: TreeNode;
}

export interface TreeDump {
  feature_names: string[];
  trees: TreeNode[];
}

/**
 * Attributes a tree ensemble's raw score to features by following each tree's decision path and
 * crediting every split's change in node value to the split feature (Saabas path attribution).
 * Derived from the model itself, and cheap enough to run on every flagged transaction.
 */
export class PathExplainer {
  constructor(private readonly dump: TreeDump, names: readonly string[]) {
    const expected = names.join(',');
    if (dump.feature_names.join(',') !== expected) {
      throw new Error(`trees.json features (${dump.feature_names.join(',')}) differ from the serving features (${expected})`);
    }
  }

  /** Contribution of each feature (log-odds) for one row of `values` starting at `offset`. */
  contributions(values: Float32Array, offset: number): Float64Array {
    const out = new Float64Array(this.dump.feature_names.length);
    for (const root of this.dump.trees) {
      let node = root;
      while (node.L && node.R && node.f !== undefined) {
        const x = values[offset + node.f]!;
        const left = Number.isNaN(x) ? node.l === true : x <= node.t!;
        const next = left ? node.L : node.R;
        out[node.f]! += next.v - node.v;
        node = next;
      }
    }
    return out;
  }
}
