#!/usr/bin/env bash
# AWS adapter tests (shared/test/*S3*, *Sns*, *Dynamo*) run against the moto emulator in server mode.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install -r scripts/requirements-moto.txt
