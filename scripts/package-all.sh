#!/usr/bin/env bash
# npm run package: `serverless package` every service offline, then cfn-lint each template.
set -euo pipefail
cd "$(dirname "$0")/.."
export ONNXRUNTIME_NODE_INSTALL=skip
for service in txn cs rpt; do
  [ -f "services/$service/serverless.yml" ] || continue
  echo "== $service: serverless package"
  (cd "services/$service" && npx serverless package)
  echo "== $service: cfn-lint"
  cfn-lint "services/$service/.serverless/cloudformation-template-update-stack.json"
done
