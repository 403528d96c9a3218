#!/usr/bin/env bash
# Accounting benchmark: throughput and latency of the AI-analysis attempt (rules analyzer) on the local PostgreSQL,
# the export of a year of validated invoices, and the rules analyzer and Sage/FEC writers in memory.
# Usage: bench/accounting.sh [invoices=1000] [concurrency=2]
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
cd "$ROOT"

"$ROOT/scripts/deps.sh"
pg_was_running=false
as_pg_owner "$(pg_bin pg_ctl)" -D "$PG_DATA" status >/dev/null 2>&1 && pg_was_running=true
"$ROOT/scripts/db.sh" start
# Leave a cluster that was already running (e.g. the test suite's) running.
$pg_was_running || trap '"$ROOT/scripts/db.sh" stop' EXIT
dotnet run --project "$ROOT/bench/AccountingBench/AccountingBench.csproj" -c Release -- \
  "Host=127.0.0.1;Port=$PG_PORT;Database=postgres;Username=$PG_USER;Password=$PG_PASSWORD" "$@"
