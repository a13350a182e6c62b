#!/usr/bin/env bash
# npm run package: `serverless package` every service offline, then cfn-lint each template. Without
# deployment settings in the environment it uses the example ones (scripts/deploy/example.env), so the
# templates can be built and checked with no account; with yours set (README, "Deploy to AWS"), yours.
set -euo pipefail
cd "$(dirname "$0")/.."
export ONNXRUNTIME_NODE_INSTALL=skip SLS_TELEMETRY_DISABLED=1
if [ -z "${SFC_MSK_CLUSTER_ARN:-}" ]; then
  echo "== no deployment settings in the environment: using scripts/deploy/example.env"
  set -a; . scripts/deploy/example.env; set +a
fi
stage=${STAGE:-dev}
export SFC_LAKE_STACK=${SFC_LAKE_STACK:-sfc-txn-$stage}
for service in txn cs rpt; do
  echo "== $service: serverless package --stage $stage"
  (cd "services/$service" && npx serverless package --stage "$stage")
  echo "== $service: cfn-lint"
  cfn-lint "services/$service/.serverless/cloudformation-template-update-stack.json"
done
