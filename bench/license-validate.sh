#!/usr/bin/env bash
# POST /api/v1/licenses/validate on SelfHost (wrk, 32 connections) against, in the same run: the no-database
# control GET /api/v1/licenses/public-key on the same server, and pgbench running the naive per-request SQL with
# 32 clients on the same PostgreSQL. Prints requests/s, p50/p99, validate's share of the control's throughput and
# its p99 against the control's, SelfHost's memory, then checks that every validation reached the history after a
# graceful stop. Exits non-zero when SelfHost cannot start, a request fails, or the history misses validations.
# Usage: bench/license-validate.sh [seconds per run, default 30] [distinct licenses, default 200]
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
source "$(dirname "$0")/lib/common.sh"
cd "$ROOT"

DURATION="${1:-30}"
LICENSES="${2:-200}"
WARMUP_ROUND=$((DURATION < 5 ? DURATION : 5))
WARMUP_MAX_ROUNDS="${BENCH_WARMUP_ROUNDS:-12}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
BENCH_DB=license_bench
BENCH_URL="${BENCH_URL:-http://127.0.0.1:7499}"
WORK="$LOCAL/bench/license-validate"
mkdir -p "$WORK"

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
bench_start_postgres
bench_fresh_database "$BENCH_DB"

bench_selfhost_dll "$WORK"

selfhost_pid=""
cleanup() {
  if [ -n "$selfhost_pid" ] && kill -0 "$selfhost_pid" 2>/dev/null; then kill -TERM "$selfhost_pid"; wait "$selfhost_pid" || true; fi
  $pg_was_running || "$ROOT/scripts/db.sh" stop
}
trap cleanup EXIT

bench_selfhost_keys
(
  bench_selfhost_env "$BENCH_DB" "${BENCH_DB_OPTIONS:-Maximum Pool Size=64;Max Auto Prepare=20}" "$WORK/blobs"
  export Licensing__FlushIntervalMilliseconds="${Licensing__FlushIntervalMilliseconds:-1000}"
  # The license copy's load and shutdown lines are what the report quotes (a name bash cannot export).
  exec env Logging__LogLevel__Backend.Core.Licensing.LicenseStateSync=Information dotnet "$selfhost_dll" --urls "$BENCH_URL"
) >"$WORK/selfhost.log" 2>&1 &
selfhost_pid=$!
bench_wait_healthy "$BENCH_URL" "$selfhost_pid" "$WORK/selfhost.log"

# The first BENCH_HTTP_SEED (default 1000) licenses are trials issued over HTTP; the rest are written straight into
# PostgreSQL by license-validate/seed.py, signed with the same key (100 000 trials over HTTP took more than 15 min
# on the loaded machine). SelfHost's copy receives them through the insert trigger's notifications, as any trial.
http_seed=$((LICENSES < ${BENCH_HTTP_SEED:-1000} ? LICENSES : ${BENCH_HTTP_SEED:-1000}))
log "seeding $http_seed trial licenses over HTTP"
prefix="$(openssl rand -hex 8)"
wrk -t1 -c"$CONNECTIONS" -d900s --timeout 10s -s bench/license-validate/trial.lua "$BENCH_URL" -- "$WORK/keys.txt" "$http_seed" "$prefix" >/dev/null
# The machine id is in the key's signed claims (mid): no need to match responses to requests.
python3 - "$WORK/keys.txt" "$http_seed" >"$WORK/licenses.txt" <<'PY'
import base64, json, sys
keys = [line.strip() for line in open(sys.argv[1]) if line.strip()][: int(sys.argv[2])]
for key in keys:
    payload = key.split(".")[1]
    print(json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))["mid"], key)
PY
if [ "$LICENSES" -gt "$http_seed" ]; then
  rest=$((LICENSES - http_seed))
  if ! python3 -c "import cryptography" 2>/dev/null; then
    echo "license-validate.sh: seeding more than $http_seed licenses needs Python's cryptography module (apt-get install python3-cryptography)" >&2
    exit 1
  fi
  log "writing $rest more licenses straight into PostgreSQL"
  first_id="$(psql_admin -d "$BENCH_DB" -c "SELECT setval(pg_get_serial_sequence('licenses', 'id'), nextval(pg_get_serial_sequence('licenses', 'id')) + $rest - 1) - $rest + 1")"
  python3 bench/license-validate/seed.py "$signing_key" "$first_id" "$rest" "$prefix" "$WORK/licenses.copy" "$WORK/licenses.txt"
  psql_admin -d "$BENCH_DB" -c "\\copy licenses (id, machine_id, email, product, license_key, signing_key_id, license_type, created_at, trial_started_at, expires_at) FROM '$WORK/licenses.copy'"
fi
seeded="$(wc -l <"$WORK/licenses.txt")"
[ "$seeded" -eq "$LICENSES" ] || { log "only $seeded of $LICENSES trials were issued:"; tail -20 "$WORK/selfhost.log" >&2; exit 1; }

# A seeded key that validate refuses would still be a 200 (valid:false): check the first and the last one.
for pair in "$(head -1 "$WORK/licenses.txt")" "$(tail -1 "$WORK/licenses.txt")"; do
  answer="$(curl -fsS -X POST "$BENCH_URL/api/v1/licenses/validate" -H 'Content-Type: application/json' \
    -d "{\"machine_id\":\"${pair%% *}\",\"license_key\":\"${pair#* }\"}")"
  grep -q '"valid":true' <<<"$answer" || { log "a seeded license does not validate: $answer"; exit 1; }
done

# Warm up both endpoints until the JIT has settled: on a loaded machine the optimised tiers arrive tens of seconds
# after start (validate went from 2 500 to 11 000 req/s over eight 5 s rounds at load 35), and a run measured before
# them compares a half-compiled validate with a control running on code validate already warmed. Rounds of validate
# then control, WARMUP_ROUND s each, until a pair of rounds compiles fewer than 100 methods (SelfHost's
# dotnet_jit_compiled_methods_total, /metrics), at most BENCH_WARMUP_ROUNDS pairs.
metric() { curl -fsS -H "X-Api-Key: $admin_key" "$BENCH_URL/metrics" | sed -n "s/^$1{[^}]*} \([0-9.e+]*\).*/\1/p" | head -1; }
jit_methods() { metric dotnet_jit_compiled_methods_total; }
allocated() { printf '%.0f' "$(metric dotnet_gc_heap_total_allocated_bytes_total)"; }
warmup_rates=""
jit_before="$(jit_methods)"
for round in $(seq 1 "$WARMUP_MAX_ROUNDS"); do
  warm_out="$(wrk -t"${WRK_THREADS:-2}" -c"$CONNECTIONS" -d"${WARMUP_ROUND}s" -s bench/license-validate/validate.lua "$BENCH_URL" -- "$WORK/licenses.txt")"
  wrk -t"${WRK_THREADS:-2}" -c"$CONNECTIONS" -d"${WARMUP_ROUND}s" -s bench/license-validate/control.lua "$BENCH_URL/api/v1/licenses/public-key" >/dev/null
  rate="$(bench_result_field "$warm_out" rps)"
  jit_after="$(jit_methods)"
  warmup_rates="$warmup_rates ${rate%.*}"
  log "warm-up round $round: validate ${rate} req/s, $((jit_after - jit_before)) methods compiled"
  [ "$((jit_after - jit_before))" -lt 100 ] && break
  jit_before="$jit_after"
done

# Let the warm-up's last batch land before counting what this run adds.
sleep 2
history_before="$(psql_admin -d "$BENCH_DB" -c "SELECT count(*) FROM activations WHERE action_type = 'validated'")"
log "wrk: $CONNECTIONS connections, ${DURATION} s"
load_measured="$(cut -d' ' -f1-3 /proc/loadavg)"
jit_start="$(jit_methods)"; allocated_start="$(allocated)"
wrk_out="$(wrk -t"${WRK_THREADS:-2}" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s -s bench/license-validate/validate.lua "$BENCH_URL" -- "$WORK/licenses.txt")"
allocated_validate="$(allocated)"
# Control: an endpoint with no database work, to tell the machine's own latency tail from validate's.
control_out="$(wrk -t"${WRK_THREADS:-2}" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s -s bench/license-validate/control.lua "$BENCH_URL/api/v1/licenses/public-key")"
allocated_control="$(allocated)"; jit_end="$(jit_methods)"
rss_kb="$(awk '/VmRSS/ {print $2}' "/proc/$selfhost_pid/status")"
hwm_kb="$(awk '/VmHWM/ {print $2}' "/proc/$selfhost_pid/status")"
wrk_requests="$(bench_result_field "$wrk_out" requests)"; wrk_non2xx="$(bench_result_field "$wrk_out" non2xx)"; wrk_errors="$(bench_result_field "$wrk_out" errors)"
wrk_rps="$(bench_result_field "$wrk_out" rps)"; wrk_p50="$(bench_result_field "$wrk_out" p50_ms)"; wrk_p99="$(bench_result_field "$wrk_out" p99_ms)"
control_rps="$(bench_result_field "$control_out" rps)"; control_p50="$(bench_result_field "$control_out" p50_ms)"; control_p99="$(bench_result_field "$control_out" p99_ms)"
control_failed=$(( $(bench_result_field "$control_out" non2xx) + $(bench_result_field "$control_out" errors) ))
control_requests="$(bench_result_field "$control_out" requests)"
# Bytes the process allocated per answered request (everything: Kestrel, telemetry, the flusher), each run apart.
validate_bytes=$(( (allocated_validate - allocated_start) / (wrk_requests > 0 ? wrk_requests : 1) ))
control_bytes=$(( (allocated_control - allocated_validate) / (control_requests > 0 ? control_requests : 1) ))

log "stopping SelfHost gracefully (SIGTERM) and checking the batched history"
kill -TERM "$selfhost_pid"; wait "$selfhost_pid" || true; selfhost_pid=""
history_after="$(psql_admin -d "$BENCH_DB" -c "SELECT count(*) FROM activations WHERE action_type = 'validated'")"
recorded=$((history_after - history_before))
states_loaded="$(grep -o 'License state copy loaded: [0-9]* licenses in [0-9]* ms' "$WORK/selfhost.log" | tail -1 || true)"
states_from_db="$(grep -o '[0-9]* validate lookups were read from PostgreSQL' "$WORK/selfhost.log" | tail -1 | cut -d' ' -f1 || true)"
states_waited="$(grep -o '[0-9]* waited for a barrier' "$WORK/selfhost.log" | tail -1 | cut -d' ' -f1 || true)"

log "pgbench: naive per-request SQL, $CONNECTIONS clients, ${DURATION} s"
export PGPASSWORD="$PG_PASSWORD"
pg_out="$("$(pg_bin pgbench)" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -n -M prepared -c "$CONNECTIONS" -j 2 -T "$DURATION" \
  -D licenses="$LICENSES" --report-per-command -f bench/license-validate/naive.sql "$BENCH_DB" 2>&1)" || true
pg_tps="$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' <<<"$pg_out" | head -1)"
pg_latency="$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$pg_out")"
pg_failed="$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' <<<"$pg_out")"

ratio="$(awk -v a="$wrk_rps" -v b="$pg_tps" 'BEGIN { printf "%.2f", a / b }')"
share="$(awk -v a="$wrk_rps" -v b="$control_rps" 'BEGIN { printf "%.0f", 100 * a / b }')"
tail_ratio="$(awk -v a="$wrk_p99" -v b="$control_p99" 'BEGIN { printf "%.2f", a / b }')"
cat <<REPORT

license validate benchmark ($(nproc) cores, $CONNECTIONS connections, ${DURATION} s each, ${LICENSES} distinct licenses; load average at start: ${load_before}, before the measured runs: ${load_measured})
  SelfHost POST /api/v1/licenses/validate : ${wrk_rps} req/s   p50 ${wrk_p50} ms   p99 ${wrk_p99} ms   (${wrk_requests} requests, ${wrk_non2xx} non-2xx, ${wrk_errors} socket errors)
  control GET /api/v1/licenses/public-key : ${control_rps} req/s   p50 ${control_p50} ms   p99 ${control_p99} ms   (same server, no database)
  validate / control throughput           : ${share} %   (target >= 70 %)
  validate p99 / control p99              : ${tail_ratio}x   (target <= 3x)
  pgbench naive per-request SQL           : ${pg_tps} tx/s    mean latency ${pg_latency} ms   (${pg_failed:-0} failed)
  ratio SelfHost / pgbench                : ${ratio}x
  SelfHost RSS after the run              : $((rss_kb / 1024)) MB   (peak $((hwm_kb / 1024)) MB; target <= 300 MB)
  history rows written for the run        : ${recorded} of ${wrk_requests} validations (after graceful stop)
  license states                          : ${states_loaded:-no in-memory copy}; ${states_from_db:-all} lookups of the whole run read from PostgreSQL, ${states_waited:-?} waited for a barrier
  allocated per request                   : validate ${validate_bytes} B, control ${control_bytes} B   (dotnet_gc_heap_total_allocated_bytes_total)
  methods compiled during the two runs    : $((jit_end - jit_start))   (JIT settled before measuring if small)
  warm-up rounds (validate req/s, ${WARMUP_ROUND} s each, until the JIT settled):${warmup_rates}
REPORT
# Fail loudly rather than print figures of a broken run (the targets themselves are for people to judge).
failures=()
[ "${wrk_requests:-0}" -gt 0 ] || failures+=("no validation was answered")
[ "$((wrk_non2xx + wrk_errors))" -eq 0 ] || failures+=("$wrk_non2xx non-2xx answers and $wrk_errors socket errors on validate")
[ "$control_failed" -eq 0 ] || failures+=("$control_failed failed control requests")
[ "$recorded" -ge "$wrk_requests" ] || failures+=("history holds $recorded rows for $wrk_requests validations")
[ "${pg_failed:-0}" -eq 0 ] && [ -n "$pg_tps" ] || failures+=("pgbench failed: $(tail -3 <<<"$pg_out")")
if [ "${#failures[@]}" -gt 0 ]; then
  printf 'FAILED: %s\n' "${failures[@]}" >&2
  exit 1
fi
