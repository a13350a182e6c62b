"""Trains the fraud model from a features CSV (written by train.ts), exports ONNX and a report.

Input columns: event_id, time_ms, label, amount_only, then the features in features.json order.
Time-based split: the earliest 80% of events train (its last eighth is the early-stopping set), the
latest 20% are the test window every reported number comes from.
"""
import argparse
import json
import os
import sys

import lightgbm as lgb
import numpy as np
from onnxmltools import convert_lightgbm
from onnxmltools.convert.common.data_types import FloatTensorType
from sklearn.metrics import average_precision_score, roc_auc_score, roc_curve

FPR_TARGETS = [0.005, 0.01, 0.03, 0.05]
SEED = 42


def threshold_table(y, score1000):
    fpr, tpr, thr = roc_curve(y, score1000)
    rows = []
    for target in FPR_TARGETS:
        i = max(np.searchsorted(fpr, target, side="right") - 1, 0)
        t = float(thr[i]) if np.isfinite(thr[i]) else 1000.0
        flagged = score1000 >= t
        tp = int(np.sum(flagged & (y == 1)))
        precision = tp / max(int(np.sum(flagged)), 1)
        rows.append({"fpr": target, "threshold": int(np.ceil(t)), "recall": float(tpr[i]),
                     "precision": precision, "actual_fpr": float(fpr[i])})
    return rows


def report(y, p):
    score = np.round(p * 1000)
    hist, edges = np.histogram(score, bins=20, range=(0, 1000))
    return {"auc": float(roc_auc_score(y, p)), "average_precision": float(average_precision_score(y, p)),
            "thresholds": threshold_table(y, score),
            "histogram": {"edges": edges.tolist(), "legit": np.histogram(score[y == 0], bins=20, range=(0, 1000))[0].tolist(),
                          "fraud": np.histogram(score[y == 1], bins=20, range=(0, 1000))[0].tolist(), "all": hist.tolist()}}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--features", required=True)
    ap.add_argument("--names", required=True, help="JSON list of feature names")
    ap.add_argument("--out", required=True)
    ap.add_argument("--source", default="")
    args = ap.parse_args()
    names = json.loads(args.names)

    data = np.loadtxt(args.features, delimiter=",", skiprows=1, usecols=range(1, 4 + len(names)), dtype=np.float64)
    order = np.argsort(data[:, 0], kind="stable")
    data = data[order]
    y = data[:, 1].astype(int)
    X = data[:, 3:].astype(np.float32)
    n = len(y)
    cut = int(n * 0.8)
    val_cut = int(cut * 0.875)
    if y[:cut].sum() < 10 or y[cut:].sum() < 5:
        sys.exit(f"train.py: too few fraud events to train and evaluate ({int(y.sum())} in {n})")

    params = {"objective": "binary", "learning_rate": 0.05, "num_leaves": 31, "min_child_samples": 40,
              "feature_fraction": 0.9, "bagging_fraction": 0.9, "bagging_freq": 1, "lambda_l2": 1.0,
              "seed": SEED, "deterministic": True, "num_threads": 2, "verbose": -1}
    train = lgb.Dataset(X[:val_cut], y[:val_cut], feature_name=names, free_raw_data=False)
    valid = lgb.Dataset(X[val_cut:cut], y[val_cut:cut], reference=train)
    booster = lgb.train(params, train, num_boost_round=400, valid_sets=[valid],
                        callbacks=[lgb.early_stopping(40, verbose=False)])

    p_test = booster.predict(X[cut:], num_iteration=booster.best_iteration)
    # Amount-only baseline: the same learner given nothing but the amount.
    base = lgb.train({**params, "num_leaves": 15}, lgb.Dataset(X[:cut, :1], y[:cut], feature_name=["amount"]), num_boost_round=100)
    p_base = base.predict(X[cut:, :1])

    os.makedirs(args.out, exist_ok=True)
    booster.save_model(os.path.join(args.out, "model.txt"), num_iteration=booster.best_iteration)
    final = lgb.Booster(model_file=os.path.join(args.out, "model.txt"))
    onnx_model = convert_lightgbm(final, initial_types=[("features", FloatTensorType([None, len(names)]))], zipmap=False, target_opset=15)
    with open(os.path.join(args.out, "model.onnx"), "wb") as f:
        f.write(onnx_model.SerializeToString())
    # Tree dump for explanations: per-node values let the server attribute each score to features.
    with open(os.path.join(args.out, "trees.json"), "w") as f:
        json.dump(compact_trees(final.dump_model()), f, separators=(",", ":"))
    os.remove(os.path.join(args.out, "model.txt"))

    model_report = report(y[cut:], p_test)
    baseline = report(y[cut:], p_base)
    at = {row["fpr"]: row["threshold"] for row in model_report["thresholds"]}
    metrics = {"source": args.source, "events": n, "fraud_events": int(y.sum()), "train_events": cut, "test_events": n - cut,
               "test_fraud_events": int(y[cut:].sum()), "trees": final.num_trees(), "model": model_report,
               "amount_only_baseline": {"auc": baseline["auc"], "average_precision": baseline["average_precision"],
                                         "thresholds": baseline["thresholds"]},
               "recommended_rules": {"block": at[0.005], "review": at[0.03]},
               "feature_importance": dict(sorted(zip(names, map(float, final.feature_importance("gain"))), key=lambda kv: -kv[1]))}
    with open(os.path.join(args.out, "metrics.json"), "w") as f:
        json.dump(metrics, f, indent=2)
    print(json.dumps({"auc": model_report["auc"], "recall_at_1pct_fpr": model_report["thresholds"][1]["recall"],
                      "baseline_auc": baseline["auc"], "trees": final.num_trees()}))


def compact_trees(dump):
    """Keeps only what TreeSHAP/Saabas attribution needs: splits, thresholds, node values."""
    def node(n):
        if "leaf_value" in n:
            return {"v": n["leaf_value"], "c": n.get("leaf_count", 0)}
        return {"f": n["split_feature"], "t": n["threshold"], "d": n["decision_type"], "l": n["default_left"],
                "v": n["internal_value"], "c": n.get("internal_count", 0), "L": node(n["left_child"]), "R": node(n["right_child"])}
    return {"feature_names": dump["feature_names"], "trees": [node(t["tree_structure"]) for t in dump["tree_info"]]}


if __name__ == "__main__":
    main()
