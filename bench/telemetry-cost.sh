#!/usr/bin/env bash
# What OpenTelemetry costs validate, measured in one run: three SelfHost processes on the same database — metrics and
# every trace recorded (Telemetry__TraceSampleRatio=1), traces sampled (the shipped default 0.1), and the
# OpenTelemetry SDK off (OTEL_SDK_DISABLED=true) — hit in turn by short wrk bursts on POST /api/v1/licenses/validate,
# round after round, so the machine's changing load falls on all three alike. Prints the median req/s and p99 of each
# and their ratio to "off". Exits non-zero when a SelfHost cannot start or a request fails.
# Usage: bench/telemetry-cost.sh [rounds, default 10] [seconds per burst, default 5] [licenses, default 200]
#   BENCH_CONNECTIONS (default 32), BENCH_SAMPLE_RATIO (default 0.1), BENCH_SELFHOST_DLL (an already built SelfHost).
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
source "$(dirname "$0")/lib/common.sh"
cd "$ROOT"

ROUNDS="${1:-10}"
BURST="${2:-5}"
LICENSES="${3:-200}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
RATIO="${BENCH_SAMPLE_RATIO:-0.1}"
BENCH_DB=telemetry_bench
WORK="$LOCAL/bench/telemetry-cost"
mkdir -p "$WORK"
# Three ports next to BENCH_URL's (the CI run passes a free one).
base_port="$(sed -n 's/.*:\([0-9]*\)$/\1/p' <<<"${BENCH_URL:-http://127.0.0.1:7480}")"
MODES=(on sampled off)

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
bench_start_postgres
bench_fresh_database "$BENCH_DB"

bench_selfhost_dll "$WORK"

declare -A pids urls
cleanup() {
  for mode in "${MODES[@]}"; do
    pid="${pids[$mode]:-}"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" || true; fi
  done
  $pg_was_running || "$ROOT/scripts/db.sh" stop
}
trap cleanup EXIT

bench_selfhost_keys
i=0
for mode in "${MODES[@]}"; do
  urls[$mode]="http://127.0.0.1:$((base_port + i))"; i=$((i + 1))
  (
    bench_selfhost_env "$BENCH_DB" "Maximum Pool Size=32" "$WORK/blobs-$mode"
    case "$mode" in
      on) export Telemetry__TraceSampleRatio=1 ;;
      sampled) export Telemetry__TraceSampleRatio="$RATIO" ;;
      off) export OTEL_SDK_DISABLED=true ;;
    esac
    exec dotnet "$selfhost_dll" --urls "${urls[$mode]}"
  ) >"$WORK/selfhost-$mode.log" 2>&1 &
  pids[$mode]=$!
  # One at a time: they share the migrations' advisory lock and the machine's two cores.
  bench_wait_healthy "${urls[$mode]}" "${pids[$mode]}" "$WORK/selfhost-$mode.log"
done

log "seeding $LICENSES trial licenses"
prefix="$(openssl rand -hex 8)"
wrk -t1 -c"$CONNECTIONS" -d900s --timeout 10s -s bench/license-validate/trial.lua "${urls[on]}" -- "$WORK/keys.txt" "$LICENSES" "$prefix" >/dev/null
python3 - "$WORK/keys.txt" "$LICENSES" >"$WORK/licenses.txt" <<'PY'
import base64, json, sys
keys = [line.strip() for line in open(sys.argv[1]) if line.strip()][: int(sys.argv[2])]
for key in keys:
    payload = key.split(".")[1]
    print(json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))["mid"], key)
PY
[ "$(wc -l <"$WORK/licenses.txt")" -eq "$LICENSES" ] || { log "not every trial was issued"; exit 1; }

log "$ROUNDS rounds of ${BURST} s bursts on each of: ${MODES[*]} (warm-up burst first)"
: >"$WORK/bursts.tsv"
failed=0
for round in $(seq 0 "$ROUNDS"); do
  # Each round in a rotated order, so no mode always follows the same one.
  order=("${MODES[@]:$((round % 3))}" "${MODES[@]:0:$((round % 3))}")
  for mode in "${order[@]}"; do
    out="$(wrk -t2 -c"$CONNECTIONS" -d"${BURST}s" --timeout 5s -s bench/license-validate/validate.lua "${urls[$mode]}" -- "$WORK/licenses.txt")"
    field() { bench_result_field "$out" "$1"; }
    failed=$((failed + $(field non2xx) + $(field errors)))
    # Round 0 warms the three up (JIT, pools, the license copy) and is not counted.
    [ "$round" -eq 0 ] || printf '%s\t%s\t%s\t%s\n' "$mode" "$(field rps)" "$(field p99_ms)" "$(cut -d' ' -f1 /proc/loadavg)" >>"$WORK/bursts.tsv"
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
# The switch must really be off: no validation counted at /metrics by "off", some by the two others.
counted() { curl -fsS "${urls[$1]}/metrics" -H "X-Api-Key: $admin_key" | grep -c '^easyfacture_license_validations' || true; }
[ "$(counted off)" -eq 0 ] && [ "$(counted on)" -gt 0 ] && [ "$(counted sampled)" -gt 0 ] \
  || { echo "FAILED: OTEL_SDK_DISABLED did not turn the metrics off, or telemetry is not on where it should be" >&2; exit 1; }

echo
echo "telemetry cost of validate ($(nproc) cores, $CONNECTIONS connections, $ROUNDS rounds of ${BURST} s per mode, $LICENSES licenses; load average before: $load_before, after: $load_after)"
python3 - "$WORK/bursts.tsv" "$RATIO" <<'PY'
import statistics, sys
rows = [line.split("\t") for line in open(sys.argv[1]) if line.strip()]
by = {}
for mode, rps, p99, load in rows:
    by.setdefault(mode, []).append((float(rps), float(p99)))
off = statistics.median(r for r, _ in by["off"])
labels = {"on": "telemetry on (every trace)", "sampled": f"traces sampled ({sys.argv[2]})", "off": "OpenTelemetry off"}
for mode in ("on", "sampled", "off"):
    rps = statistics.median(r for r, _ in by[mode]); p99 = statistics.median(p for _, p in by[mode])
    # Per round, this mode's throughput over "off"'s of the same round: the machine's drift cancels out.
    pairs = [a[0] / b[0] for a, b in zip(by[mode], by["off"]) if b[0] > 0]
    print(f"  {labels[mode]:<28}: median {rps:8.1f} req/s   p99 {p99:7.2f} ms   vs off: {rps / off:5.2f}x (per-round median {statistics.median(pairs):.2f}x, {min(pairs):.2f}-{max(pairs):.2f})")
PY
echo "  bursts (mode, req/s, p99 ms, load)      : $WORK/bursts.tsv"
[ "$failed" -eq 0 ] || { echo "FAILED: $failed failed requests" >&2; exit 1; }
