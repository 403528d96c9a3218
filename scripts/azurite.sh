#!/usr/bin/env bash
# The tests' Azure Blob storage emulator: `azurite.sh install`, `azurite.sh start` (installs first) and `azurite.sh stop`.
# Azurite comes from npm at the version locked in scripts/azurite/package-lock.json, installed under .local/azurite
# (never globally); blob service only, on 127.0.0.1:$BACKEND_AZURITE_PORT (default 10010), data in .local/azurite/data.
set -euo pipefail
source "$(dirname "$0")/common.sh"

install() {
  local lock="$ROOT/scripts/azurite/package-lock.json"
  if [ -x "$AZURITE_HOME/node_modules/.bin/azurite-blob" ] && cmp -s "$lock" "$AZURITE_HOME/package-lock.json"; then
    return
  fi
  command -v npm >/dev/null || { echo "npm is needed to install Azurite (apt-get install nodejs npm)" >&2; exit 1; }
  log "installing Azurite from scripts/azurite/package-lock.json into $AZURITE_HOME"
  mkdir -p "$AZURITE_HOME"
  cp "$ROOT/scripts/azurite/package.json" "$lock" "$AZURITE_HOME/"
  # No install scripts: Azurite is plain JavaScript; engine warnings (node >= 22 wanted) do not affect the blob service.
  (cd "$AZURITE_HOME" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
}

running() { [ -f "$AZURITE_PID" ] && kill -0 "$(cat "$AZURITE_PID")" 2>/dev/null; }

start() {
  install
  if running; then
    log "azurite already running on port $AZURITE_PORT"
    return
  fi
  # Each start begins empty: tests create their own containers, nothing is meant to outlive a run.
  rm -rf "$AZURITE_HOME/data"
  mkdir -p "$AZURITE_HOME/data"
  # --skipApiVersionCheck: the Azure SDK may speak a newer service version than this Azurite knows.
  # --loose: ignore headers Azurite does not implement instead of refusing the request. --disableTelemetry: tests send nothing out.
  nohup "$AZURITE_HOME/node_modules/.bin/azurite-blob" --blobHost 127.0.0.1 --blobPort "$AZURITE_PORT" \
    --location "$AZURITE_HOME/data" --skipApiVersionCheck --loose --silent --disableTelemetry >"$AZURITE_LOG" 2>&1 &
  echo $! >"$AZURITE_PID"
  for _ in $(seq 1 600); do
    if grep -q "successfully listens" "$AZURITE_LOG" 2>/dev/null; then
      log "azurite started on port $AZURITE_PORT"
      return
    fi
    if ! running; then
      cat "$AZURITE_LOG" >&2
      echo "azurite exited at start-up (port $AZURITE_PORT taken? set BACKEND_AZURITE_PORT)" >&2
      exit 1
    fi
    sleep 0.1
  done
  echo "azurite did not listen within 60 s; see $AZURITE_LOG" >&2
  exit 1
}

stop() {
  if running; then
    local pid
    pid="$(cat "$AZURITE_PID")"
    kill "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    log "azurite stopped"
  fi
  rm -f "$AZURITE_PID"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 install|start|stop" >&2; exit 2 ;;
esac
