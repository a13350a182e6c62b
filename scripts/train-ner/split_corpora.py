"""Copies the public NER corpora (CC BY) into the repository, split once into a training part and a
held-out part that no training run, recognizer or threshold is tuned on.

  python scripts/train-ner/split_corpora.py [--src ../shared/datasets]

Writes services/cs/training/data/{wikigold,btc,wnut17}/train.conll (token<TAB>tag, blank line between
sentences, `-DOCSTART-` between documents) and services/cs/training/heldout/{wikigold,btc,wnut17}.conll,
plus each corpus's README with its attribution (the licences require it on every copy).
Splits: wikigold every fifth document; BTC section h (tweets from news and other accounts) whole;
WNUT 2017 the last fifth of the posts. Deterministic: running it again writes the same files.
"""
import argparse
import os
import shutil

DATA = "services/cs/training/data"
HELDOUT = "services/cs/training/heldout"


def read_conll(path: str) -> list[list[list[tuple[str, str]]]]:
    """Documents -> sentences -> (token, tag). Files without -DOCSTART- are one document."""
    docs: list[list[list[tuple[str, str]]]] = [[]]
    sent: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t") if "\t" in line else line.split()
            if not line.strip():
                if sent:
                    docs[-1].append(sent)
                sent = []
            elif parts[0] == "-DOCSTART-":
                if sent:
                    docs[-1].append(sent)
                sent = []
                if docs[-1]:
                    docs.append([])
            else:
                sent.append((parts[0], parts[-1]))
    if sent:
        docs[-1].append(sent)
    return [d for d in docs if d]


def write_conll(path: str, docs: list[list[list[tuple[str, str]]]]) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for doc in docs:
            f.write("-DOCSTART-\tO\n\n")
            for sent in doc:
                f.writelines(f"{tok}\t{tag}\n" for tok, tag in sent)
                f.write("\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", default="../shared/datasets")
    a = ap.parse_args()

    wiki = read_conll(f"{a.src}/wikigold/wikigold.conll.txt")
    write_conll(f"{DATA}/wikigold/train.conll", [d for i, d in enumerate(wiki) if i % 5 != 4])
    write_conll(f"{HELDOUT}/wikigold.conll", [d for i, d in enumerate(wiki) if i % 5 == 4])

    btc_train = []
    for part in "abefg":
        btc_train += read_conll(f"{a.src}/btc/{part}.conll")
    write_conll(f"{DATA}/btc/train.conll", btc_train)
    write_conll(f"{HELDOUT}/btc.conll", read_conll(f"{a.src}/btc/h.conll"))

    posts = [s for d in read_conll(f"{a.src}/wnut17/wnut17train.conll") for s in d]
    cut = len(posts) * 4 // 5
    write_conll(f"{DATA}/wnut17/train.conll", [posts[:cut]])
    write_conll(f"{HELDOUT}/wnut17.conll", [posts[cut:]])

    for name in ("wikigold", "btc", "wnut17"):
        shutil.copyfile(f"{a.src}/{name}/README.md", f"{DATA}/{name}/README.md")
    print("wikigold docs", len(wiki), "btc train docs", len(btc_train), "wnut17 posts", len(posts))


if __name__ == "__main__":
    main()
