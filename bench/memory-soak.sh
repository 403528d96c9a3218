#!/usr/bin/env bash
# SelfHost's memory under a steady mixed load: validate, heartbeat, trial (machines that already have one) and admin
# stats over a fixed population of licenses from one client address, plus paced invoice uploads (OCR and AI jobs
# behind them). Nothing the server is meant to keep grows during the run, so memory should level off after the
# warm-up: RSS and the managed heap (from /metrics) are sampled every few seconds, and the report gives start, peak
# and end, and the slope of the second half against the first minute's (warm-up) slope of the same run.
# Exits non-zero when SelfHost cannot start, a request gets an unexpected answer, or an upload is not final by the end.
# Usage: bench/memory-soak.sh [seconds, default 600] [licenses, default 200]
#   BENCH_CONNECTIONS (license connections, default 4), BENCH_PAUSE_MS (pause per license connection, default 2),
#   BENCH_UPLOAD_PAUSE_MS (pause between uploads, default 500), BENCH_SAMPLE_SECONDS (default 5; 1 under a minute),
#   BENCH_SELFHOST_DLL (an already built SelfHost), BENCH_SELFHOST_ENV (extra VAR=value pairs for SelfHost),
#   BENCH_GCDUMP=1: also take a dotnet-gcdump (a full GC, then the live objects by type) after the first minute and at
#   the end, and print the live heap of each and the types that grew most (`dotnet tool install -g dotnet-gcdump`).
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
source "$(dirname "$0")/lib/common.sh"
cd "$ROOT"

DURATION="${1:-600}"
LICENSES="${2:-200}"
CONNECTIONS="${BENCH_CONNECTIONS:-4}"
PAUSE_MS="${BENCH_PAUSE_MS:-2}"
UPLOAD_PAUSE_MS="${BENCH_UPLOAD_PAUSE_MS:-500}"
SAMPLE_SECONDS="${BENCH_SAMPLE_SECONDS:-$((DURATION >= 60 ? 5 : 1))}"
BENCH_DB=memory_soak
BENCH_URL="${BENCH_URL:-http://127.0.0.1:7498}"
WORK="$LOCAL/bench/memory-soak"
mkdir -p "$WORK"

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
bench_start_postgres
bench_fresh_database "$BENCH_DB"

bench_selfhost_dll "$WORK"

selfhost_pid="" sampler_pid=""
cleanup() {
  if [ -n "$sampler_pid" ] && kill -0 "$sampler_pid" 2>/dev/null; then kill "$sampler_pid"; wait "$sampler_pid" 2>/dev/null || true; fi
  if [ -n "$selfhost_pid" ] && kill -0 "$selfhost_pid" 2>/dev/null; then kill -TERM "$selfhost_pid"; wait "$selfhost_pid" || true; fi
  $pg_was_running || "$ROOT/scripts/db.sh" stop
}
trap cleanup EXIT

bench_selfhost_keys
rm -rf "$WORK/blobs"
(
  bench_selfhost_env "$BENCH_DB" "" "$WORK/blobs"
  # A few hundred machines send heartbeats too: that limit must not be what the soak measures either.
  export Licensing__RateLimits__Heartbeat__Limit=2000000000
  export Ocr__Engine=local
  for pair in ${BENCH_SELFHOST_ENV:-}; do export "$pair"; done
  exec dotnet "$selfhost_dll" --urls "$BENCH_URL"
) >"$WORK/selfhost.log" 2>&1 &
selfhost_pid=$!
bench_wait_healthy "$BENCH_URL" "$selfhost_pid" "$WORK/selfhost.log"

log "seeding $LICENSES trial licenses and a tenant"
prefix="$(openssl rand -hex 8)"
wrk -t1 -c"$CONNECTIONS" -d900s --timeout 10s -s bench/license-validate/trial.lua "$BENCH_URL" -- "$WORK/keys.txt" "$LICENSES" "$prefix" >/dev/null
python3 - "$WORK/keys.txt" "$LICENSES" >"$WORK/licenses.txt" <<'PY'
import base64, json, sys
keys = [line.strip() for line in open(sys.argv[1]) if line.strip()][: int(sys.argv[2])]
for key in keys:
    payload = key.split(".")[1]
    print(json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))["mid"], key)
PY
[ "$(wc -l <"$WORK/licenses.txt")" -eq "$LICENSES" ] || { log "not every trial was issued:"; tail -20 "$WORK/selfhost.log" >&2; exit 1; }
tenant_key="$(curl -fsS -X POST "$BENCH_URL/api/v1/admin/tenants" -H "X-Api-Key: $admin_key" -H 'Content-Type: application/json' \
  -d '{"name":"Soak"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["api_key"])')"

# The managed heap after the last GC, all generations, from the runtime instruments SelfHost exports at /metrics.
managed_heap_kb() {
  curl -fsS -m 5 "$BENCH_URL/metrics" -H "X-Api-Key: $admin_key" 2>/dev/null \
    | awk '/^dotnet_gc_last_collection_heap_size_bytes/ { sum += $NF } END { printf "%d", sum / 1024 }' || echo 0
}
# RssAnon: the process's own memory (heaps, GC, JIT); the rest of VmRSS is mapped files (assemblies, libraries), shared and reclaimable.
rss_kb() { awk -v field="$1:" '$1 == field {print $2}' "/proc/$selfhost_pid/status"; }
log "soak: ${DURATION} s, $CONNECTIONS license connections (pause ${PAUSE_MS} ms), uploads every ${UPLOAD_PAUSE_MS} ms; sampling every ${SAMPLE_SECONDS} s"
start_ns="$(date +%s%N)"
(
  while kill -0 "$selfhost_pid" 2>/dev/null; do
    now_ns="$(date +%s%N)"
    printf '%s\t%s\t%s\t%s\n' "$(( (now_ns - start_ns) / 1000000 ))" "$(rss_kb VmRSS)" "$(managed_heap_kb)" "$(rss_kb RssAnon)"
    sleep "$SAMPLE_SECONDS"
  done
) >"$WORK/samples.tsv" &
sampler_pid=$!
gcdump_pid=""
if [ "${BENCH_GCDUMP:-0}" = 1 ]; then
  export PATH="$PATH:$HOME/.dotnet/tools"
  command -v dotnet-gcdump >/dev/null || { log "BENCH_GCDUMP=1 needs dotnet-gcdump: dotnet tool install -g dotnet-gcdump"; exit 1; }
  rm -f "$WORK"/early.gcdump "$WORK"/late.gcdump
  ( sleep "$((DURATION >= 240 ? 60 : DURATION / 4))"; dotnet-gcdump collect -p "$selfhost_pid" -o "$WORK/early.gcdump" >/dev/null 2>&1 ) &
  gcdump_pid=$!
fi
wrk -t1 -c1 -d"${DURATION}s" --timeout 30s -s bench/memory-soak/upload.lua "$BENCH_URL" -- docs/samples/facture-exemple.pdf "$tenant_key" "$UPLOAD_PAUSE_MS" >"$WORK/upload.out" &
upload_pid=$!
license_out="$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s bench/memory-soak/mixed.lua "$BENCH_URL" -- "$WORK/licenses.txt" "$admin_key" "$PAUSE_MS")"
wait "$upload_pid"
upload_out="$(cat "$WORK/upload.out")"
# One last sample at the end of the load, then the sampler stops.
printf '%s\t%s\t%s\t%s\n' "$(( ($(date +%s%N) - start_ns) / 1000000 ))" "$(rss_kb VmRSS)" "$(managed_heap_kb)" "$(rss_kb RssAnon)" >>"$WORK/samples.tsv"
kill "$sampler_pid"; wait "$sampler_pid" 2>/dev/null || true; sampler_pid=""
gcdump_report=""
if [ -n "$gcdump_pid" ]; then
  wait "$gcdump_pid" || true
  dotnet-gcdump collect -p "$selfhost_pid" -o "$WORK/late.gcdump" >/dev/null 2>&1 || true
  gcdump_report="$(python3 - "$WORK/early.gcdump" "$WORK/late.gcdump" <<'PY'
import re, subprocess, sys
def load(path):
    text = subprocess.run(["dotnet-gcdump", "report", path], capture_output=True, text=True).stdout
    total = re.search(r"([\d,]+)\s+GC Heap bytes", text)
    types = {}
    for line in text.splitlines():
        m = re.match(r"\s*([\d,]+)\s+([\d,]+)\s+(.*?)\s*(\(Bytes[^)]*\))?\s*\[", line)
        if m:
            entry = types.setdefault(m.group(3), [0, 0])
            entry[0] += int(m.group(1).replace(",", "")); entry[1] += int(m.group(2).replace(",", ""))
    return (int(total.group(1).replace(",", "")) if total else 0), types
(early, a), (late, b) = load(sys.argv[1]), load(sys.argv[2])
print(f"  live managed heap (gcdump, after a full GC): {early / 1048576:.1f} MB after the first minute, {late / 1048576:.1f} MB at the end")
grown = sorted(((b.get(k, [0, 0])[0] - a.get(k, [0, 0])[0], b.get(k, [0, 0])[1] - a.get(k, [0, 0])[1], k) for k in set(a) | set(b)), reverse=True)[:5]
for size, count, name in grown:
    print(f"    {size:+,} bytes  {count:+,} objects  {name[:110]}")
PY
)"
fi
hwm_kb="$(awk '/VmHWM/ {print $2}' "/proc/$selfhost_pid/status")"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# Uploads still in OCR or analysis finish within seconds; wait for them (bounded) before judging.
not_final=-1
for _ in $(seq 1 60); do
  not_final="$(psql_admin -d "$BENCH_DB" -c "SELECT count(*) FROM invoices WHERE status IN ('UPLOADED', 'OCR_PROCESSING', 'OCR_COMPLETED', 'AI_PROCESSING')")"
  [ "$not_final" -eq 0 ] && break
  sleep 1
done
invoices="$(psql_admin -d "$BENCH_DB" -c "SELECT string_agg(status || ' ' || n, ', ' ORDER BY status) FROM (SELECT status, count(*) n FROM invoices GROUP BY status) s")"

summary="$(python3 - "$WORK/samples.tsv" "$hwm_kb" <<'PY'
import sys
rows = [line.split("\t") for line in open(sys.argv[1]) if line.strip()]
t = [int(r[0]) / 60000 for r in rows]            # minutes
rss = [int(r[1]) / 1024 for r in rows]            # MB
heap = [int(r[2]) / 1024 for r in rows]           # MB
anon = [int(r[3]) / 1024 for r in rows]           # MB
def slope(xs, ys):
    if len(xs) < 2:
        return float("nan")
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else float("nan")
end = t[-1]
first = [i for i, x in enumerate(t) if x <= min(1.0, end / 2)]
second = [i for i, x in enumerate(t) if x >= end / 2]
pick = lambda idx, ys: ([t[i] for i in idx], [ys[i] for i in idx])
s1, s2 = slope(*pick(first, rss)), slope(*pick(second, rss))
h1, h2 = slope(*pick(first, heap)), slope(*pick(second, heap))
ratio = s2 / s1 if s1 and s1 == s1 and s1 > 0 else float("nan")
print(f"  RSS start / peak / end                  : {rss[0]:.0f} / {max(rss):.0f} / {rss[-1]:.0f} MB   (kernel peak VmHWM {int(sys.argv[2]) / 1024:.0f} MB; {len(rows)} samples over {end:.1f} min)")
print(f"  RSS slope, first minute / second half   : {s1:+.2f} / {s2:+.2f} MB/min   (second half / first minute: {ratio:.2f})")
a1, a2 = slope(*pick(first, anon)), slope(*pick(second, anon))
print(f"  RssAnon start / peak / end              : {anon[0]:.0f} / {max(anon):.0f} / {anon[-1]:.0f} MB   (slope first minute / second half: {a1:+.2f} / {a2:+.2f} MB/min; the rest is mapped files)")
print(f"  managed heap start / peak / end         : {heap[0]:.0f} / {max(heap):.0f} / {heap[-1]:.0f} MB   (after the last GC, from /metrics)")
print(f"  managed heap slope, first min / 2nd half: {h1:+.2f} / {h2:+.2f} MB/min")
PY
)"
cat <<REPORT

memory soak ($(nproc) cores, ${DURATION} s, ${LICENSES} licenses, ${CONNECTIONS} license connections; load average before: ${load_before}, after: ${load_after})
  license API (15 validate : 2 heartbeat : 2 trial : 1 stats) : $(bench_result_field "$license_out" rps) req/s   p50 $(bench_result_field "$license_out" p50_ms) ms   p99 $(bench_result_field "$license_out" p99_ms) ms   ($(bench_result_field "$license_out" requests) requests, $(bench_result_field "$license_out" unexpected) unexpected answers, $(bench_result_field "$license_out" errors) socket errors)
  uploads                                 : $(bench_result_field "$upload_out" requests) uploads   p50 $(bench_result_field "$upload_out" p50_ms) ms   p99 $(bench_result_field "$upload_out" p99_ms) ms   ($(bench_result_field "$upload_out" unexpected) unexpected answers); invoices: ${invoices:-none}
$summary${gcdump_report:+
$gcdump_report}
  samples (ms, RSS, managed heap, RssAnon, kB): $WORK/samples.tsv
REPORT
failures=()
[ "$(bench_result_field "$license_out" requests)" -gt 0 ] || failures+=("no license request was answered")
[ "$(( $(bench_result_field "$license_out" unexpected) + $(bench_result_field "$license_out" errors) ))" -eq 0 ] || failures+=("license API: $(bench_result_field "$license_out" unexpected) unexpected answers, $(bench_result_field "$license_out" errors) socket errors")
[ "$(bench_result_field "$upload_out" requests)" -gt 0 ] || failures+=("no upload was answered")
[ "$(( $(bench_result_field "$upload_out" unexpected) + $(bench_result_field "$upload_out" errors) ))" -eq 0 ] || failures+=("uploads: $(bench_result_field "$upload_out" unexpected) unexpected answers, $(bench_result_field "$upload_out" errors) socket errors")
[ "$not_final" -eq 0 ] || failures+=("$not_final invoices not final 60 s after the load")
if [ "${#failures[@]}" -gt 0 ]; then
  printf 'FAILED: %s\n' "${failures[@]}" >&2
  exit 1
fi
