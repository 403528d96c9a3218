#!/usr/bin/env bash
# Local development only: forgets the license API's rate-limit windows (3 trials per hour per address, etc.)
# in the local PostgreSQL under .local/, so a developer who tried the seed's examples is not locked out for an hour.
#   scripts/reset-rate-limits.sh            every bucket
#   scripts/reset-rate-limits.sh trial      one bucket: trial, activate, validate or heartbeat
set -euo pipefail
source "$(dirname "$0")/common.sh"

bucket="${1:-}"
case "$bucket" in
  ""|trial|activate|validate|heartbeat) ;;
  *) log "unknown bucket '$bucket' (trial, activate, validate or heartbeat)"; exit 2 ;;
esac
if ! as_pg_owner "$(pg_bin pg_ctl)" -D "$PG_DATA" status >/dev/null 2>&1; then
  log "the local PostgreSQL is not running (scripts/run.sh or scripts/db.sh start; port ${PG_PORT}, BACKEND_PG_PORT)"
  exit 1
fi
psql_local() { as_pg_owner "$(pg_bin psql)" -h "$PG_RUN" -p "$PG_PORT" -U postgres -d "$PG_DATABASE" -v ON_ERROR_STOP=1 -qAt "$@"; }
if [ "$(psql_local -c "SELECT to_regclass('public.license_rate_limits') IS NULL")" = t ]; then
  log "nothing to reset: SelfHost has not created its tables yet (scripts/run.sh)"
  exit 0
fi
deleted=$(as_pg_owner "$(pg_bin psql)" -h "$PG_RUN" -p "$PG_PORT" -U postgres -d "$PG_DATABASE" -v ON_ERROR_STOP=1 -qAt \
  -v bucket="$bucket" <<'SQL'
WITH gone AS (DELETE FROM license_rate_limits WHERE :'bucket' = '' OR bucket = :'bucket' RETURNING 1)
SELECT count(*) FROM gone;
SQL
)
log "removed $deleted rate-limit window(s)${bucket:+ of bucket $bucket}"
if [ -f "$SELFHOST_PID" ] && kill -0 "$(cat "$SELFHOST_PID")" 2>/dev/null && [ -z "$bucket" -o "$bucket" = validate ]; then
  # Validate counts are batched in memory per instance and merged back at the next flush.
  log "SelfHost is running: its in-memory validate counters survive; restart it (scripts/stop.sh && scripts/run.sh) to clear them too"
fi
