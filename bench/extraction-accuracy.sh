#!/usr/bin/env bash
# Extraction accuracy: generates the invoice corpus (deterministic by seed), runs the local engine path
# (pdftotext -layout for text-layer PDFs; pdftoppm -r 300 + degradation + tesseract -l fra+eng TSV for
# scans) and the field extractor, and prints per-field precision/recall/exact match, calibration against
# the 0.70 gate and throughput. Usage: bench/extraction-accuracy.sh [--count N] [--kind digital,scanned,real-text,real-scan,accounts,...]
# [--seed S] [--show-failures N] [--parallel N]. --kind accounts scores the expense accounts against tests/data/expense-accounts/labels.tsv.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
"$ROOT/scripts/deps.sh"
dotnet build "$ROOT/bench/extraction/ExtractionBench.csproj" -c Release -nologo -v q >/dev/null
exec dotnet "$ROOT/bench/extraction/bin/Release/net10.0/extraction-bench.dll" --out "$ROOT/.local/extraction-corpus" "$@"
