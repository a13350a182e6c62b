#!/usr/bin/env bash
# Stops the moto emulator started by scripts/moto-start.sh (only that process, by its recorded pid).
set -euo pipefail
dir="${MOTO_DIR:-.data/moto}"
if [[ -f "$dir/pid" ]]; then
  pid="$(cat "$dir/pid")"
  kill "$pid" 2>/dev/null && echo "stopped moto (pid $pid)" || echo "moto (pid $pid) was not running"
  rm -f "$dir/pid"
else
  echo "no moto pid file in $dir"
fi
