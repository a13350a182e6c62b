#!/usr/bin/env bash
# Builds and pushes the cs image to ECR and prints the image URI by digest for `serverless deploy`.
# Usage: docker/cs-push.sh <aws-account-id> <region> [repository=sfc-cs]
set -euo pipefail
account=$1; region=$2; repo=${3:-sfc-cs}
registry="$account.dkr.ecr.$region.amazonaws.com"
aws ecr describe-repositories --repository-names "$repo" --region "$region" >/dev/null 2>&1 \
  || aws ecr create-repository --repository-name "$repo" --image-scanning-configuration scanOnPush=true --region "$region" >/dev/null
aws ecr get-login-password --region "$region" | docker login --username AWS --password-stdin "$registry"
docker build --platform linux/amd64 --provenance=false -f docker/cs.Dockerfile -t "$registry/$repo:latest" .
docker push "$registry/$repo:latest"
digest=$(aws ecr describe-images --repository-name "$repo" --image-ids imageTag=latest --region "$region" --query 'imageDetails[0].imageDigest' --output text)
echo "CS_IMAGE_URI=$registry/$repo@$digest"
