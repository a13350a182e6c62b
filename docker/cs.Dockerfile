# Compliance scanner (services/cs) as a Lambda container image, x86_64.
# Build from the repository root (docker/cs-push.sh builds and pushes it):
#   docker build --platform linux/amd64 -f docker/cs.Dockerfile -t sfc-cs .
# Stage 1 bundles the handler from source and installs the packages the bundle leaves external
# (docker/cs-runtime: onnxruntime-node and @napi-rs/canvas, linux/x64 binaries only); stage 2 is the
# Lambda base image with the bundle, those packages and the int8 NER model.
# services/cs/test/image/imageLayout.test.ts assembles this final stage's /var/task without Docker
# (the same COPY lines, the same install script) and scans a PDF with it on Node.js 22.

FROM --platform=linux/amd64 public.ecr.aws/lambda/nodejs:22 AS build
WORKDIR /src
COPY package.json package-lock.json tsconfig.json ./
COPY shared/package.json shared/package.json
COPY services/cs/package.json services/cs/package.json
COPY services/txn/package.json services/txn/package.json
COPY services/rpt/package.json services/rpt/package.json
RUN ONNXRUNTIME_NODE_INSTALL=skip npm ci --ignore-scripts --no-audit --no-fund
COPY shared/src shared/src
COPY services/cs/src services/cs/src
COPY scripts/cs-bundle.ts scripts/cs-bundle.ts
COPY docker/cs-runtime docker/cs-runtime
RUN npx tsx scripts/cs-bundle.ts
RUN sh docker/cs-runtime/install.sh

FROM --platform=linux/amd64 public.ecr.aws/lambda/nodejs:22
COPY --from=build /src/docker/cs-runtime/node_modules ${LAMBDA_TASK_ROOT}/node_modules
COPY --from=build /src/services/cs/dist/handler.mjs ${LAMBDA_TASK_ROOT}/handler.mjs
COPY services/cs/model/model.int8.onnx services/cs/model/tokenizer.json services/cs/model/labels.json ${LAMBDA_TASK_ROOT}/model/
ENV NER_MODEL_DIR=/var/task/model \
    OBJECT_STORE=s3 \
    NODE_OPTIONS=--enable-source-maps
CMD ["handler.handler"]
