#!/usr/bin/env bash
# System packages the rpt tests need: Chromium for the dashboard browser test (driven by playwright-core).
set -euo pipefail
apt-get update && apt-get install -y chromium
