"""Exports a fine-tuned model kept by train.py --save-torch to int8 ONNX again (for instance with --fuse),
without retraining, and writes labels.json and tokenizer.json beside it.

  python scripts/train-ner/export_onnx.py --torch DIR --encoder ENCODER_DIR --out OUT [--fuse]
"""
import argparse
import os

from transformers import AutoModelForTokenClassification, AutoTokenizer

from train import export


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--torch", required=True, help="folder written by train.py --save-torch")
    ap.add_argument("--encoder", required=True, help="the pretrained encoder folder (its tokenizer.json is copied)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--max-len", type=int, default=128)
    ap.add_argument("--fuse", action="store_true")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    model = AutoModelForTokenClassification.from_pretrained(a.torch).eval()
    export(model, AutoTokenizer.from_pretrained(a.torch), a)
    print("wrote", a.out)


if __name__ == "__main__":
    main()
