#!/usr/bin/env bash
# Builds the Azure projects (warnings are errors, Directory.Build.props). AzureAdapters, FunctionsWorker and
# LicenseFunctions restore from the package source alone; OcrFunctions also needs the Service Bus worker extension,
# compiled against ../shared/funcfeed while the package source lacks it (scripts/funcfeed.sh). A failure fails CI.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

for project in src/AzureAdapters/AzureAdapters.csproj src/FunctionsWorker/FunctionsWorker.csproj src/LicenseFunctions/LicenseFunctions.csproj; do
  start=$SECONDS
  dotnet build "$project" -c Release -nologo -v quiet
  log "built $project in $((SECONDS - start)) s"
done

(
  source "$ROOT/scripts/funcfeed.sh"
  start=$SECONDS
  dotnet build src/OcrFunctions/OcrFunctions.csproj -c Release -nologo -v quiet "${FUNCFEED_ARGS[@]}"
  log "built src/OcrFunctions/OcrFunctions.csproj in $((SECONDS - start)) s$($FUNCFEED_MODE && echo ' (funcfeed, compile-only)')"
)
echo "function apps: built"
