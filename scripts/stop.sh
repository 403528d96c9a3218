#!/usr/bin/env bash
# Stops what scripts/run.sh started: SelfHost, then PostgreSQL.
set -euo pipefail
source "$(dirname "$0")/common.sh"

if [ -f "$SELFHOST_PID" ]; then
  pid="$(cat "$SELFHOST_PID")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    log "SelfHost stopped"
  fi
  rm -f "$SELFHOST_PID"
fi
"$ROOT/scripts/db.sh" stop
