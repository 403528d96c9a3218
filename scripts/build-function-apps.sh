#!/usr/bin/env bash
# Builds every Azure project (warnings are errors, Directory.Build.props). A failure fails CI.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"
source "$ROOT/scripts/funcfeed.sh"

for project in src/AzureAdapters/AzureAdapters.csproj src/FunctionsWorker/FunctionsWorker.csproj \
               src/LicenseFunctions/LicenseFunctions.csproj src/OcrFunctions/OcrFunctions.csproj; do
  start=$SECONDS
  dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly "${FUNCFEED_ARGS[@]}"
  log "built $project in $((SECONDS - start)) s"
done
echo "function apps: built"
