#!/usr/bin/env bash
# Builds the web app (web/) when its sources changed since the last build: `npm ci` when package-lock.json changed
# (or node_modules is missing), then `npm run build` into web/dist, which SelfHost serves at /admin/ and /app/.
# Used by scripts/run.sh and scripts/test.sh; `scripts/web.sh --force` rebuilds anyway.
set -euo pipefail
source "$(dirname "$0")/common.sh"

WEB="$ROOT/web"
stamp_dir="$LOCAL/web"
mkdir -p "$stamp_dir"
command -v npm >/dev/null || { echo "npm is needed to build the web app (apt-get install nodejs npm)" >&2; exit 1; }

lock_hash="$(sha256sum "$WEB/package-lock.json" | cut -d' ' -f1)"
if [ ! -d "$WEB/node_modules" ] || [ "$(cat "$stamp_dir/lock.sha256" 2>/dev/null)" != "$lock_hash" ]; then
  log "installing the web app's packages (npm ci)"
  (cd "$WEB" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$lock_hash" >"$stamp_dir/lock.sha256"
fi

# Everything the build reads, in a stable order: a change to any of them means a new build.
sources_hash="$(cd "$WEB" && find src public index.html package.json package-lock.json vite.config.ts tsconfig*.json \
  -type f -print0 2>/dev/null | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)"
if [ "${1:-}" != "--force" ] && [ -f "$WEB/dist/index.html" ] && [ "$(cat "$stamp_dir/sources.sha256" 2>/dev/null)" = "$sources_hash" ]; then
  exit 0
fi
log "building the web app (npm run build)"
(cd "$WEB" && npm run build --silent >"$stamp_dir/build.log" 2>&1) || { cat "$stamp_dir/build.log" >&2; exit 1; }
echo "$sources_hash" >"$stamp_dir/sources.sha256"
