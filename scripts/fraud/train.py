"""Trains the fraud model from the binary training set train.ts writes, exports ONNX and a report.

Input (--data dir): X.f32 (rows x features, float32), time.f64, label.u8, split.u8 (0 train, 1 early
stopping, 2 label-delay gap, 3 test, 4 unlabelled and outside the loss: history only) and entity.u32, plus meta.json (feature names, indexes). Every
reported number comes from the test window, which starts a label delay after training ends.
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
DAY_MS = 86_400_000


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


def card_precision_at_k(time_ms, entity, y, p, k):
    """Card precision@k per day (Le Borgne et al.): of the k entities with the highest score that day,
    the share with at least one fraud that day; the mean over the test days."""
    day = (time_ms // DAY_MS).astype(np.int64)
    per_day = []
    for d in np.unique(day):
        m = day == d
        ent, inverse = np.unique(entity[m], return_inverse=True)
        best = np.full(len(ent), -1.0)
        np.maximum.at(best, inverse, p[m])
        fraud = np.zeros(len(ent))
        np.maximum.at(fraud, inverse, y[m].astype(float))
        top = np.argsort(-best, kind="stable")[:k]
        per_day.append(float(fraud[top].mean()) if len(top) else 0.0)
    return float(np.mean(per_day)) if per_day else 0.0, len(per_day)


def report(y, p, time_ms, entity, k):
    score = np.round(p * 1000)
    edges = np.linspace(0, 1000, 21)
    cp, days = card_precision_at_k(time_ms, entity, y, p, k)
    return {"auc": float(roc_auc_score(y, p)), "average_precision": float(average_precision_score(y, p)),
            "card_precision_at_k": cp, "k": k, "test_days": days, "thresholds": threshold_table(y, score),
            "histogram": {"edges": edges.tolist(), "legit": np.histogram(score[y == 0], bins=20, range=(0, 1000))[0].tolist(),
                          "fraud": np.histogram(score[y == 1], bins=20, range=(0, 1000))[0].tolist()}}


def slice_report(name, mask, y, score, block):
    n, fraud = int(mask.sum()), int(y[mask].sum())
    legit = mask & (y == 0)
    return {"slice": name, "events": n, "fraud": fraud,
            "recall_at_block": float(((score >= block) & mask & (y == 1)).sum() / max(fraud, 1)),
            "fpr_at_block": float(((score >= block) & legit).sum() / max(int(legit.sum()), 1)),
            "auc": float(roc_auc_score(y[mask], score[mask])) if 0 < fraud < n else None}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--k", type=int, default=100, help="k of card precision@k per day")
    args = ap.parse_args()
    meta = json.load(open(os.path.join(args.data, "meta.json")))
    names = meta["names"]
    n, f = meta["rows"], len(names)
    X = np.memmap(os.path.join(args.data, "X.f32"), dtype=np.float32, mode="r", shape=(n, f))
    time_ms = np.fromfile(os.path.join(args.data, "time.f64"), dtype=np.float64)
    y = np.fromfile(os.path.join(args.data, "label.u8"), dtype=np.uint8).astype(int)
    part = np.fromfile(os.path.join(args.data, "split.u8"), dtype=np.uint8)
    entity = np.fromfile(os.path.join(args.data, "entity.u32"), dtype=np.uint32)
    train, valid, test = np.flatnonzero(part == 0), np.flatnonzero(part == 1), np.flatnonzero(part == 3)
    counts = {"train": int(y[train].sum()), "early stopping": int(y[valid].sum()), "test": int(y[test].sum())}
    if counts["train"] < 10 or counts["early stopping"] < 2 or counts["test"] < 5:
        sys.exit("train.py: too few fraud events to train and evaluate: "
                 + ", ".join(f"{v} in the {k} window" for k, v in counts.items())
                 + " (need at least 10, 2 and 5); give more labelled data or a smaller --test-share/--label-delay")

    params = {"objective": "binary", "learning_rate": 0.1, "num_leaves": 31, "min_child_samples": 40,
              "feature_fraction": 0.9, "bagging_fraction": 0.9, "bagging_freq": 1, "lambda_l2": 1.0,
              "metric": "average_precision", "seed": SEED, "deterministic": True, "num_threads": 2, "verbose": -1}
    dtrain = lgb.Dataset(np.asarray(X[train]), y[train], feature_name=names, free_raw_data=True)
    dvalid = lgb.Dataset(np.asarray(X[valid]), y[valid], reference=dtrain)
    booster = lgb.train(params, dtrain, num_boost_round=400, valid_sets=[dvalid],
                        callbacks=[lgb.early_stopping(40, verbose=False)])

    X_test = np.asarray(X[test])
    p_test = booster.predict(X_test, num_iteration=booster.best_iteration)
    amount = meta.get("amount_index", -1)
    baseline = None
    if amount >= 0:
        # Amount-only baseline: the same learner given nothing but the amount.
        base = lgb.train({**params, "num_leaves": 15}, lgb.Dataset(np.asarray(X[train][:, [amount]]), y[train], feature_name=["amount"]), num_boost_round=100)
        baseline = report(y[test], base.predict(X_test[:, [amount]]), time_ms[test], entity[test], args.k)

    os.makedirs(args.out, exist_ok=True)
    txt = os.path.join(args.out, "model.txt")
    booster.save_model(txt, num_iteration=booster.best_iteration)
    final = lgb.Booster(model_file=txt)
    onnx_model = convert_lightgbm(final, initial_types=[("features", FloatTensorType([None, f]))], zipmap=False, target_opset=15)
    with open(os.path.join(args.out, "model.onnx"), "wb") as fh:
        fh.write(onnx_model.SerializeToString())
    # Tree dump for explanations: per-node values let the server attribute each score to features.
    with open(os.path.join(args.out, "trees.json"), "w") as fh:
        json.dump(compact_trees(final.dump_model()), fh, separators=(",", ":"))
    os.remove(txt)

    model_report = report(y[test], p_test, time_ms[test], entity[test], args.k)
    at = {row["fpr"]: row["threshold"] for row in model_report["thresholds"]}
    score = np.round(p_test * 1000)
    slices = []
    first = meta.get("entity_count_index", -1)
    if first >= 0:
        seen = X_test[:, first] > 0
        slices = [slice_report(f"{meta['entity_type']}s seen before", seen, y[test], score, at[0.005]),
                  slice_report(f"first event of a {meta['entity_type']}", ~seen, y[test], score, at[0.005])]
    segments = []
    seg_file = os.path.join(args.data, "segment.u8")
    if meta.get("segments") and os.path.exists(seg_file):
        seg = np.fromfile(seg_file, dtype=np.uint8)[test]
        for code, name in enumerate(meta["segments"], start=1):
            m = (seg == code) & (y[test] == 1)
            if m.sum() == 0:
                continue
            segments.append({"segment": name, "fraud": int(m.sum()), "recall_at_block": float((score[m] >= at[0.005]).mean()),
                             "recall_at_1pct_fpr": float((score[m] >= at[0.01]).mean())})
    metrics = {"events": n, "fraud_events": int(y.sum()), "trees": final.num_trees(),
               "windows": {name: {"events": int((part == code).sum()), "fraud": int(y[part == code].sum())}
                           for name, code in (("train", 0), ("early_stopping", 1), ("gap", 2), ("test", 3), ("unlabelled", 4))},
               "model": model_report, "slices": slices, "segments": segments,
               "amount_only_baseline": None if baseline is None else {k: baseline[k] for k in ("auc", "average_precision", "card_precision_at_k", "thresholds")},
               "recommended_rules": {"block": at[0.005], "review": at[0.03]},
               "feature_importance": dict(sorted(zip(names, map(float, final.feature_importance("gain"))), key=lambda kv: -kv[1]))}
    with open(os.path.join(args.out, "metrics.json"), "w") as fh:
        json.dump(metrics, fh, indent=2)
    print(json.dumps({"auc": model_report["auc"], "average_precision": model_report["average_precision"],
                      "recall_at_1pct_fpr": model_report["thresholds"][1]["recall"], "trees": final.num_trees()}))


def compact_trees(dump):
    """Keeps only what path attribution needs: splits, thresholds, node values."""
    def node(n):
        if "leaf_value" in n:
            return {"v": n["leaf_value"], "c": n.get("leaf_count", 0)}
        return {"f": n["split_feature"], "t": n["threshold"], "d": n["decision_type"], "l": n["default_left"],
                "v": n["internal_value"], "c": n.get("internal_count", 0), "L": node(n["left_child"]), "R": node(n["right_child"])}
    return {"feature_names": dump["feature_names"], "trees": [node(t["tree_structure"]) for t in dump["tree_info"]]}


if __name__ == "__main__":
    main()
