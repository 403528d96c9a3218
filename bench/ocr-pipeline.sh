#!/usr/bin/env bash
# Invoice OCR pipeline benchmark: per-stage latency (claim, blob read, OCR, extraction, encryption, store) and
# throughput of one OCR attempt, for text-layer PDFs and 300-dpi scans run concurrently, on the local PostgreSQL.
# Usage: bench/ocr-pipeline.sh [textPdfs=200] [scans=8] [concurrency=2]
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
source "$(dirname "$0")/lib/common.sh"
cd "$ROOT"

bench_start_postgres
# Leave a cluster that was already running (e.g. the test suite's) running.
$pg_was_running || trap '"$ROOT/scripts/db.sh" stop' EXIT
dotnet run --project "$ROOT/bench/OcrPipelineBench/OcrPipelineBench.csproj" -c Release -- \
  "Host=127.0.0.1;Port=$PG_PORT;Database=postgres;Username=$PG_USER;Password=$PG_PASSWORD" "$@"
