#!/bin/sh
# Installs the cs image's runtime packages into ./node_modules (run in this folder by docker/cs.Dockerfile,
# and by the image layout test, which assembles the image's /var/task without Docker, then scans with
# it, OCR included). What the image never loads is removed: onnxruntime-node's binaries for other
# platforms (~245 MB; npm already picks @napi-rs/canvas' linux-x64-gnu package), pdf.js' browser builds,
# viewer and types (the reader imports legacy/build), source maps, tesseract.js' browser bundles, the
# cores embedding their wasm as JavaScript and the LSTM-only cores (Node loads the wasm files of
# tesseract-core-relaxedsimd / -simd / plain), and the older English model.
set -eu
cd "$(dirname "$0")"
ONNXRUNTIME_NODE_INSTALL=skip npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
rm -rf node_modules/onnxruntime-node/bin/napi-v*/darwin node_modules/onnxruntime-node/bin/napi-v*/win32 node_modules/onnxruntime-node/bin/napi-v*/linux/arm64
rm -rf node_modules/pdfjs-dist/build node_modules/pdfjs-dist/web node_modules/pdfjs-dist/types node_modules/pdfjs-dist/image_decoders
find node_modules/pdfjs-dist node_modules/tesseract.js -name '*.map' -delete
rm -rf node_modules/tesseract.js/dist node_modules/tesseract.js-core/*.wasm.js node_modules/tesseract.js-core/tesseract-core*lstm* node_modules/@tesseract.js-data/eng/4.0.0
