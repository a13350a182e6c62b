# Compliance scanner (services/cs) as a Lambda container image, x86_64.
# Build from the repository root:
#   docker build --platform linux/amd64 -f docker/cs.Dockerfile -t sfc-cs .
# Stage 1 bundles the handler from source; stage 2 is the Lambda base image with the bundle,
# onnxruntime-node (native addon, kept out of the bundle) and the int8 NER model baked in.

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
RUN npx tsx scripts/cs-bundle.ts
# only the runtime dependency that cannot be bundled
COPY docker/cs-runtime/package.json /runtime/package.json
RUN cd /runtime && ONNXRUNTIME_NODE_INSTALL=skip npm install --omit=dev --no-audit --no-fund

FROM --platform=linux/amd64 public.ecr.aws/lambda/nodejs:22
COPY --from=build /runtime/node_modules ${LAMBDA_TASK_ROOT}/node_modules
COPY --from=build /src/services/cs/dist/handler.mjs ${LAMBDA_TASK_ROOT}/handler.mjs
COPY services/cs/model/model.int8.onnx services/cs/model/tokenizer.json services/cs/model/labels.json ${LAMBDA_TASK_ROOT}/model/
ENV NER_MODEL_DIR=/var/task/model \
    OBJECT_STORE=s3 \
    NODE_OPTIONS=--enable-source-maps
CMD ["handler.handler"]
