#!/usr/bin/env bash
# Restores and builds the Azure Functions projects. Their worker packages are missing from some
# package sources (ARCHITECTURE.md §2); then this prints one explicit SKIPPED line naming them and
# exits 0. When they restore, they must build with zero warnings (warnings are errors).
set -uo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

projects=(src/AzureAdapters/AzureAdapters.csproj src/LicenseFunctions/LicenseFunctions.csproj src/OcrFunctions/OcrFunctions.csproj)
missing=()
for project in "${projects[@]}"; do
  if ! output="$(dotnet restore "$project" -nologo 2>&1)"; then
    ids="$(grep -oE 'NU110[12]: Unable to find package [^ .]+(\.[^ ]+)*' <<<"$output" | sed -E 's/.*Unable to find package ([^ ]+).*/\1/; s/\.$//')"
    if [ -z "$ids" ]; then
      echo "$output" >&2
      echo "function apps: restore of $project failed" >&2
      exit 1
    fi
    missing+=($ids)
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "SKIPPED function apps: $(printf '%s\n' "${missing[@]}" | sort -u | paste -sd ' ')"
  exit 0
fi

for project in "${projects[@]}"; do
  dotnet build "$project" -c Release -nologo --no-restore -warnaserror || exit 1
done
echo "function apps: built"
