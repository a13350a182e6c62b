#!/usr/bin/env bash
# System packages the cs tests need: qpdf encrypts a generated PDF for the "encrypted" quarantine case.
set -euo pipefail
if ! command -v qpdf >/dev/null 2>&1; then
  apt-get update && apt-get install -y qpdf
fi
