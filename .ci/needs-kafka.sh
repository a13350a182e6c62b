#!/usr/bin/env bash
# Kafka integration tests (services/txn/test/kafka): a real single-node broker, which jest's global setup
# starts from Maven Central jars when KAFKA_BROKERS is not set. Needs Java 17 and Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
  apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless maven
fi
# Fetch the jars now, so the tests' broker start does not depend on the network.
npm run -s kafka:fetch
# Then the README's test command runs them with the rest: `npm test` (or `npm test -- --selectProjects kafka`).
