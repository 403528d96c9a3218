#!/usr/bin/env bash
# POST /api/v1/licenses/validate on SelfHost (wrk, 32 connections) against pgbench running the naive
# per-request SQL with 32 clients, in the same run, on the same PostgreSQL. Prints requests/s, p50/p99,
# the ratio and SelfHost's memory, then checks that every validation reached the history after a graceful stop.
# Usage: bench/license-validate.sh [seconds per run, default 30]
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
cd "$ROOT"

DURATION="${1:-30}"
CONNECTIONS=32
LICENSES=200
BENCH_DB=license_bench
BENCH_URL="${BENCH_URL:-http://127.0.0.1:7499}"
WORK="$LOCAL/bench/license-validate"
mkdir -p "$WORK"

"$ROOT/scripts/deps.sh"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
pg_was_running=false
as_pg_owner "$(pg_bin pg_ctl)" -D "$PG_DATA" status >/dev/null 2>&1 && pg_was_running=true
"$ROOT/scripts/db.sh" start
psql_admin() { as_pg_owner "$(pg_bin psql)" -h "$PG_RUN" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql_admin -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB OWNER $PG_USER"

log "building SelfHost (Release)"
dotnet build "$ROOT/src/SelfHost/SelfHost.csproj" -c Release -nologo -v q -o "$WORK/bin" >/dev/null

selfhost_pid=""
cleanup() {
  if [ -n "$selfhost_pid" ] && kill -0 "$selfhost_pid" 2>/dev/null; then kill -TERM "$selfhost_pid"; wait "$selfhost_pid" || true; fi
  $pg_was_running || "$ROOT/scripts/db.sh" stop
}
trap cleanup EXIT

admin_key="$(openssl rand -hex 32)"
(
  export ASPNETCORE_ENVIRONMENT=Production
  export Logging__LogLevel__Default=Warning
  export Database__ConnectionString="Host=127.0.0.1;Port=$PG_PORT;Database=$BENCH_DB;Username=$PG_USER;Password=$PG_PASSWORD;${BENCH_DB_OPTIONS:-Maximum Pool Size=64;Max Auto Prepare=20}"
  export BlobStore__RootPath="$WORK/blobs"
  export Licensing__AdminApiKey="$admin_key"
  export AccessTokens__Keys__local1="$(openssl rand -base64 32)"
  export AccessTokens__ActiveKeyId=local1
  export Encryption__ActiveKeyId=local1
  export Encryption__Keys__local1="$(openssl rand -base64 32)"
  export Licensing__SigningPrivateKey="$(openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 | openssl pkcs8 -topk8 -nocrypt -outform DER | base64 -w0)"
  # The benchmark is one client address; the limit must not be what it measures.
  export Licensing__RateLimits__Validate__Limit=2000000000
  export Licensing__RateLimits__Trial__Limit=100000
  export Licensing__MaxTrialsPerEmail=100000
  export Licensing__FlushIntervalMilliseconds="${Licensing__FlushIntervalMilliseconds:-1000}"
  exec dotnet "$WORK/bin/Backend.SelfHost.dll" --urls "$BENCH_URL"
) >"$WORK/selfhost.log" 2>&1 &
selfhost_pid=$!
for _ in $(seq 1 120); do
  curl -fsS "$BENCH_URL/api/health" >/dev/null 2>&1 && break
  kill -0 "$selfhost_pid" 2>/dev/null || { log "SelfHost exited at start-up:"; cat "$WORK/selfhost.log" >&2; exit 1; }
  sleep 0.5
done
curl -fsS "$BENCH_URL/api/health" >/dev/null || { log "SelfHost did not answer /api/health:"; cat "$WORK/selfhost.log" >&2; exit 1; }

log "seeding $LICENSES trial licenses"
: >"$WORK/licenses.txt"
for i in $(seq 1 "$LICENSES"); do
  machine="$(openssl rand -hex 16)"
  key="$(curl -fsS -X POST "$BENCH_URL/api/v1/licenses/trial" -H 'Content-Type: application/json' \
    -d "{\"machine_id\":\"$machine\",\"email\":\"bench-$i@exemple.fr\"}" | sed -n 's/.*"license_key":"\([^"]*\)".*/\1/p')"
  echo "$machine $key" >>"$WORK/licenses.txt"
done

log "warming up SelfHost (10 s)"
wrk -t"${WRK_THREADS:-2}" -c"$CONNECTIONS" -d10s -s bench/license-validate/validate.lua "$BENCH_URL" -- "$WORK/licenses.txt" >/dev/null

# Let the warm-up's last batch land before counting what this run adds.
sleep 2
history_before="$(psql_admin -d "$BENCH_DB" -c "SELECT count(*) FROM activations WHERE action_type = 'validated'")"
log "wrk: $CONNECTIONS connections, ${DURATION} s"
wrk_out="$(wrk -t"${WRK_THREADS:-2}" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s -s bench/license-validate/validate.lua "$BENCH_URL" -- "$WORK/licenses.txt")"
# Control: an endpoint with no database work, to tell the machine's own latency tail from validate's.
control_out="$(wrk -t"${WRK_THREADS:-2}" -c"$CONNECTIONS" -d10s --timeout 5s --latency "$BENCH_URL/api/v1/licenses/public-key")"
control_rps="$(sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' <<<"$control_out")"
control_p99="$(awk '$1 == "99%" {print $2}' <<<"$control_out")"
rss_kb="$(awk '/VmRSS/ {print $2}' "/proc/$selfhost_pid/status")"
hwm_kb="$(awk '/VmHWM/ {print $2}' "/proc/$selfhost_pid/status")"
result="$(grep '^RESULT' <<<"$wrk_out")"
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $result"; }
wrk_requests="$(field requests)"; wrk_non2xx="$(field non2xx)"; wrk_errors="$(field errors)"
wrk_rps="$(field rps)"; wrk_p50="$(field p50_ms)"; wrk_p99="$(field p99_ms)"

log "stopping SelfHost gracefully (SIGTERM) and checking the batched history"
kill -TERM "$selfhost_pid"; wait "$selfhost_pid" || true; selfhost_pid=""
history_after="$(psql_admin -d "$BENCH_DB" -c "SELECT count(*) FROM activations WHERE action_type = 'validated'")"
recorded=$((history_after - history_before))

log "pgbench: naive per-request SQL, $CONNECTIONS clients, ${DURATION} s"
export PGPASSWORD="$PG_PASSWORD"
pg_out="$("$(pg_bin pgbench)" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -n -M prepared -c "$CONNECTIONS" -j 2 -T "$DURATION" \
  -D licenses="$LICENSES" --report-per-command -f bench/license-validate/naive.sql "$BENCH_DB" 2>&1)"
pg_tps="$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' <<<"$pg_out" | head -1)"
pg_latency="$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$pg_out")"
pg_failed="$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' <<<"$pg_out")"

ratio="$(awk -v a="$wrk_rps" -v b="$pg_tps" 'BEGIN { printf "%.2f", a / b }')"
cat <<REPORT

license validate benchmark ($(nproc) cores, $CONNECTIONS connections, ${DURATION} s each; load average before: ${load_before})
  SelfHost POST /api/v1/licenses/validate : ${wrk_rps} req/s   p50 ${wrk_p50} ms   p99 ${wrk_p99} ms   (${wrk_requests} requests, ${wrk_non2xx} non-2xx, ${wrk_errors} socket errors)
  control GET /api/v1/licenses/public-key : ${control_rps} req/s   p99 ${control_p99}   (no database; shows the machine's own tail)
  pgbench naive per-request SQL           : ${pg_tps} tx/s    mean latency ${pg_latency} ms   (${pg_failed:-0} failed)
  ratio SelfHost / pgbench                : ${ratio}x   (target >= 1.5x)
  SelfHost RSS after the run              : $((rss_kb / 1024)) MB   (peak $((hwm_kb / 1024)) MB; target <= 300 MB)
  history rows written for the run        : ${recorded} of ${wrk_requests} validations (after graceful stop)
REPORT
