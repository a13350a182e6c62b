#!/bin/sh
# Installs the cs image's runtime packages into ./node_modules (run in this folder by docker/cs.Dockerfile,
# and by the image layout test, which assembles the image's /var/task without Docker). Only the
# linux/x64 glibc binaries stay: the image is linux/amd64 (npm already picks the matching
# @napi-rs/canvas platform package; onnxruntime-node ships every platform, ~245 MB of others).
set -eu
cd "$(dirname "$0")"
ONNXRUNTIME_NODE_INSTALL=skip npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
rm -rf node_modules/onnxruntime-node/bin/napi-v*/darwin node_modules/onnxruntime-node/bin/napi-v*/win32 node_modules/onnxruntime-node/bin/napi-v*/linux/arm64
