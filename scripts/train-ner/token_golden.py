"""Writes WordPiece ids computed by the Rust `tokenizers` library for a few texts, so the TypeScript
tests can check that the service tokenizes exactly as the model was trained.
Usage: python scripts/train-ner/token_golden.py services/cs/model/tokenizer.json services/cs/test/fixtures/tokenizer-golden.json"""
import json
import sys

from tokenizers import Tokenizer

TEXTS = [
    "UNIFORM RESIDENTIAL LOAN APPLICATION\nBorrower Name: Siobhán Ní Bhriain\nSSN: 536-22-8674",
    "Étienne Müller-Łukasiewicz paid $1,200.50 to Wells Fargo Bank, N.A. on 04/17/2026.",
    "Calle de Alcalá 42, 3º B\n28014 Madrid, España — tel. +34 91 555 0148",
    "O'Connor & Sons LLC; e-mail: a.oconnor@example-mail.net; IP 203.0.113.54",
    "中文 text, emoji 🙂 and tabs\tbetween\twords",
]

tok = Tokenizer.from_file(sys.argv[1])
tok.no_truncation()
tok.no_padding()
rows = [{"text": t, "ids": tok.encode(t, add_special_tokens=False).ids} for t in TEXTS]
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump(rows, f, ensure_ascii=False, indent=1)
