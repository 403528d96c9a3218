#!/usr/bin/env bash
# The reliability suite (tests/Backend.Tests/Reliability) at drill size: many more fuzz cases, several PostgreSQL
# outages and SIGKILLs, more damaged uploads, and a longer soak. Each figure line lands in
# .local/reliability-report.txt (and is printed at the end); docs/RELIABILITY.md quotes them.
# Usage: bench/reliability-drills.sh            (every drill, soak of RELIABILITY_SOAK_SECONDS, default 120 s)
#        bench/reliability-drills.sh Soak       (one drill: a test class name under Reliability)
# Sizes (environment): RELIABILITY_FUZZ_CASES (per endpoint, default 1000), RELIABILITY_OUTAGE_CYCLES (5),
# RELIABILITY_KILL_CYCLES (3), RELIABILITY_KILL_INVOICES (10), RELIABILITY_UPLOAD_FUZZ_CASES (25), RELIABILITY_SOAK_SECONDS (120).
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
cd "$ROOT"

export RELIABILITY_FUZZ_CASES="${RELIABILITY_FUZZ_CASES:-1000}"
export RELIABILITY_OUTAGE_CYCLES="${RELIABILITY_OUTAGE_CYCLES:-5}"
export RELIABILITY_KILL_CYCLES="${RELIABILITY_KILL_CYCLES:-3}"
export RELIABILITY_KILL_INVOICES="${RELIABILITY_KILL_INVOICES:-10}"
export RELIABILITY_UPLOAD_FUZZ_CASES="${RELIABILITY_UPLOAD_FUZZ_CASES:-25}"
export RELIABILITY_SOAK_SECONDS="${RELIABILITY_SOAK_SECONDS:-120}"
mkdir -p "$LOCAL"
export RELIABILITY_REPORT="$LOCAL/reliability-report.txt"
: >"$RELIABILITY_REPORT"

filter="FullyQualifiedName~Backend.Tests.Reliability"
[ $# -gt 0 ] && filter="$filter.$1"
status=0
# BENCH_TEST_ARGS: further dotnet test arguments (the CI smoke test passes --no-build).
"$ROOT/scripts/test.sh" --filter "$filter" ${BENCH_TEST_ARGS:-} || status=$?
echo
echo "== reliability figures ($RELIABILITY_REPORT) =="
cat "$RELIABILITY_REPORT"
exit "$status"
