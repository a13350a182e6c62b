"""Entity-level evaluation: predicted character spans against gold spans, exact match by type."""
import torch

import data


def predict_spans(model, tok, examples, max_len: int, stride: int = 32, batch: int = 32):
    """BIO decoding per window, spans mapped back to characters; overlapping windows keep the longer span."""
    preds: list[set] = [set() for _ in examples]
    enc = tok([t for t, _ in examples], truncation=True, max_length=max_len, stride=stride,
              return_overflowing_tokens=True, return_offsets_mapping=True, padding="max_length", return_tensors="pt")
    with torch.no_grad():
        for b in range(0, len(enc["input_ids"]), batch):
            sl = slice(b, b + batch)
            logits = model(input_ids=enc["input_ids"][sl], attention_mask=enc["attention_mask"][sl]).logits
            for w, row in enumerate(logits.argmax(-1).tolist()):
                wi = b + w
                offsets = enc["offset_mapping"][wi].tolist()
                cur = None
                spans = []
                for k, lab in enumerate(row):
                    s, e = offsets[k]
                    if enc["attention_mask"][wi][k] == 0 or (s == 0 and e == 0):
                        continue
                    name = data.LABELS[lab]
                    if name == "O":
                        cur = None
                        continue
                    kind, etype = name.split("-")
                    if cur and etype == cur[2] and (kind == "I" or s == cur[1]):
                        cur[1] = e  # a B- glued to the previous token (no space) continues the word
                    else:
                        cur = [s, e, etype]
                        spans.append(cur)
                preds[enc["overflow_to_sample_mapping"][wi].item()].update(tuple(x) for x in spans)
    return [drop_overlaps(p) for p in preds]


def drop_overlaps(spans: set) -> list:
    kept = []
    for s in sorted(spans, key=lambda x: -(x[1] - x[0])):
        if all(s[1] <= k[0] or s[0] >= k[1] for k in kept):
            kept.append(s)
    return kept


def evaluate_spans(preds, examples) -> dict:
    by_type: dict = {}
    for pred, (_, gold) in zip(preds, examples):
        g, p = set(map(tuple, gold)), set(map(tuple, pred))
        for etype in {x[2] for x in g | p}:
            c = by_type.setdefault(etype, {"tp": 0, "fp": 0, "fn": 0})
            gt, pt = {x for x in g if x[2] == etype}, {x for x in p if x[2] == etype}
            c["tp"] += len(gt & pt); c["fp"] += len(pt - gt); c["fn"] += len(gt - pt)
    out = {t: prf(c) for t, c in sorted(by_type.items())}
    total = {k: sum(c[k] for c in by_type.values() if True) for k in ("tp", "fp", "fn")}
    out["overall"] = prf(total)
    return out


def prf(c: dict) -> dict:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {**c, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
