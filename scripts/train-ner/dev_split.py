"""Writes the development split that candidates are chosen on: services/cs/training/data/dev.jsonl.

  python scripts/train-ner/dev_split.py

It is carved from the training data only (data.py: DEV_SYNTH_FROM_DOC, DEV_EVERY), and train.py --dev-split
leaves it out of training: the pages of synthetic training documents 960-1199 (all entity types, so the
pattern recognizers are scored too) and every eighth sentence of the Wikigold, BTC and WNUT 2017 training
parts. Nothing under services/cs/training/heldout/ is read. Rows: {id, set, text, spans: [{type, start, end}]},
the format that scripts/cs-eval/dev.ts scores.
"""
import json

import data

DATA = "services/cs/training/data"
NAMES = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION"}


def main() -> None:
    rows = []
    with open(f"{DATA}/synthetic/train.jsonl", encoding="utf-8") as f:
        docs = [json.loads(line) for line in f][data.DEV_SYNTH_FROM_DOC:]
    for doc in docs:
        for i, page in enumerate(doc["pages"]):
            spans = [{"type": e["type"], "start": e["start"], "end": e["end"]} for e in doc["entities"] if e["page"] == i + 1]
            rows.append({"id": f"{doc['id']}-p{i + 1}", "set": "synthetic", "text": page, "spans": spans})
    for name in ("wikigold", "btc", "wnut17"):
        _, dev = data.split_dev(data.read_conll(f"{DATA}/{name}/train.conll"))
        for i, (text, spans) in enumerate(dev):
            rows.append({"id": f"{name}-{i}", "set": name, "text": text,
                         "spans": [{"type": NAMES[t], "start": s, "end": e} for s, e, t in spans]})
    with open(f"{DATA}/dev.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    counts = {}
    for r in rows:
        counts[r["set"]] = counts.get(r["set"], 0) + 1
    print("dev rows", counts, "synthetic documents", len(docs))


if __name__ == "__main__":
    main()
