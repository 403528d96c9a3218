#!/usr/bin/env bash
# Accounting benchmark: throughput and latency of the AI-analysis attempt (rules analyzer) on the local PostgreSQL,
# the export of a year of validated invoices, and the rules analyzer and Sage/FEC writers in memory.
# Usage: bench/accounting.sh [invoices=1000] [concurrency=2]
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
source "$(dirname "$0")/lib/common.sh"
cd "$ROOT"

bench_start_postgres
# Leave a cluster that was already running (e.g. the test suite's) running.
$pg_was_running || trap '"$ROOT/scripts/db.sh" stop' EXIT
dotnet run --project "$ROOT/bench/AccountingBench/AccountingBench.csproj" -c Release -- \
  "Host=127.0.0.1;Port=$PG_PORT;Database=postgres;Username=$PG_USER;Password=$PG_PASSWORD" "$@"
