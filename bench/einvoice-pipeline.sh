#!/usr/bin/env bash
# E-invoice pipeline benchmark: one OCR attempt (claim → blob → read → encrypt → stored result + AI job) for a Factur-X
# PDF (its CII read in-process, no external process) beside a text-layer PDF (pdftotext) in the same run, on the local
# PostgreSQL. It is the test EInvoices.FacturXPipelineBenchTests at full size (CI runs it with 6 documents per kind).
# Usage: bench/einvoice-pipeline.sh [documents per kind, default 200] [concurrency, default 1]
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
cd "$ROOT"

export EINVOICE_BENCH_DOCUMENTS="${1:-200}"
export EINVOICE_BENCH_CONCURRENCY="${2:-1}"
mkdir -p "$LOCAL"
export EINVOICE_BENCH_REPORT="$LOCAL/einvoice-bench-report.txt"
: >"$EINVOICE_BENCH_REPORT"
status=0
# BENCH_TEST_ARGS: further dotnet test arguments (the CI smoke test passes --no-build).
"$ROOT/scripts/test.sh" --filter "FullyQualifiedName~Backend.Tests.EInvoices.FacturXPipelineBenchTests" ${BENCH_TEST_ARGS:-} || status=$?
echo
echo "== e-invoice pipeline figures ($EINVOICE_BENCH_REPORT) =="
cat "$EINVOICE_BENCH_REPORT"
exit "$status"
