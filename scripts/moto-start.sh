#!/usr/bin/env bash
# Starts the moto AWS emulator on 127.0.0.1:${MOTO_PORT:-5000} in the background, for running the
# services against local AWS APIs by hand (tests start their own). Prints the export line to use.
set -euo pipefail
port="${MOTO_PORT:-5000}"
dir="${MOTO_DIR:-.data/moto}"
mkdir -p "$dir"
if ! python3 -c 'import moto.server, flask, flask_cors' 2>/dev/null; then
  echo "moto is not installed: python3 -m pip install -r scripts/requirements-moto.txt" >&2
  exit 1
fi
if [[ -f "$dir/pid" ]] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
  echo "moto already running (pid $(cat "$dir/pid"))"
else
  nohup python3 -m moto.server -H 127.0.0.1 -p "$port" >"$dir/server.log" 2>&1 &
  echo $! >"$dir/pid"
fi
for _ in $(seq 1 150); do
  if curl -sf "http://127.0.0.1:$port/moto-api/" >/dev/null; then
    echo "export AWS_ENDPOINT_URL=http://127.0.0.1:$port AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1"
    exit 0
  fi
  sleep 0.2
done
echo "moto did not answer on port $port; see $dir/server.log" >&2
exit 1
