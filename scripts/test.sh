#!/usr/bin/env bash
# Runs every test: installs what is missing, starts PostgreSQL under .local/, runs `dotnet test`,
# stops PostgreSQL, and prints last the summary computed from the test results.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

"$ROOT/scripts/deps.sh"
# The browser tests (tests/Backend.Tests/WebApp) drive SelfHost serving web/dist in the system Chromium.
"$ROOT/scripts/web.sh"
# The tests reference the function apps: the OCR app compiles against eng/funcfeed while the package source
# lacks its Service Bus extension (Directory.Build.props, scripts/funcfeed.sh).
source "$ROOT/scripts/funcfeed.sh"
# BACKEND_TEST_PG points the tests at an existing server (CI's PostgreSQL service); else we run our own.
# BACKEND_TEST_AZURITE_BLOB likewise points them at a running Azurite blob endpoint; else we install and start ours.
own_cluster=false
own_azurite=false
stop_services() {
  if $own_azurite; then "$ROOT/scripts/azurite.sh" stop || true; fi
  if $own_cluster; then "$ROOT/scripts/db.sh" stop; fi
}
trap stop_services EXIT
if [ -z "${BACKEND_TEST_PG:-}" ]; then
  own_cluster=true
  "$ROOT/scripts/db.sh" start
  export BACKEND_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Database=postgres;Username=$PG_USER;Password=$PG_PASSWORD"
fi
"$ROOT/scripts/azurite.sh" install
if [ -z "${BACKEND_TEST_AZURITE_BLOB:-}" ]; then
  own_azurite=true
  "$ROOT/scripts/azurite.sh" start
  export BACKEND_TEST_AZURITE_BLOB="$AZURITE_BLOB_ENDPOINT"
fi
# The Azure adapter tests also start and stop private Azurite instances of their own (outage drills) from here.
export BACKEND_TEST_AZURITE_BIN="${BACKEND_TEST_AZURITE_BIN:-$AZURITE_HOME/node_modules/.bin/azurite-blob}"

# BACKEND_TEST_RESULTS: another directory, for a run nested in the suite (bench smoke tests).
results="${BACKEND_TEST_RESULTS:-$LOCAL/test-results}"
rm -rf "$results"
mkdir -p "$results"


status=0
dotnet test "$ROOT/tests/Backend.Tests/Backend.Tests.csproj" -c Release -nologo \
  --logger "trx;LogFileName=results.trx" --logger "console;verbosity=minimal" \
  --results-directory "$results" "${FUNCFEED_ARGS[@]}" "$@" || status=$?

trx="$results/results.trx"
if [ ! -f "$trx" ]; then
  echo "no test results were written (build failure?)" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
counters="$(grep -o '<Counters [^>]*>' "$trx")"
count() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
total=$(count total); passed=$(count passed); failed=$(count failed); executed=$(count executed)
errors=$(count error); timeouts=$(count timeout); aborted=$(count aborted)
failed=$((failed + errors + timeouts + aborted))
skipped=$((total - executed))

if [ "$executed" -eq 0 ]; then
  echo "no test was executed" >&2
  status=1
  failed=$((failed + 1))
fi
if [ "$failed" -gt 0 ] && [ "$status" -eq 0 ]; then status=1; fi

summary="$passed passed, $failed failed"
if [ "$skipped" -gt 0 ]; then summary="$summary, $skipped skipped"; fi
trap - EXIT
stop_services
echo "$summary"
exit "$status"
