# What the bench scripts share, sourced after scripts/common.sh: the local PostgreSQL (stopped again afterwards only
# when the bench started it), a fresh database per bench, and the SelfHost build a bench runs.

# Installs what is missing and starts the local cluster; pg_was_running says whether it already ran (the suite's).
bench_start_postgres() {
  "$ROOT/scripts/deps.sh"
  pg_was_running=false
  as_pg_owner "$(pg_bin pg_ctl)" -D "$PG_DATA" status >/dev/null 2>&1 && pg_was_running=true
  "$ROOT/scripts/db.sh" start
}

psql_admin() { as_pg_owner "$(pg_bin psql)" -h "$PG_RUN" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

# Drops and creates database $1, owned by the app's user.
bench_fresh_database() {
  psql_admin -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1 OWNER $PG_USER"
}

# Sets selfhost_dll: BENCH_SELFHOST_DLL when given (the CI smoke test passes the suite's own build), else a Release
# build made under directory $1.
bench_selfhost_dll() {
  selfhost_dll="${BENCH_SELFHOST_DLL:-$1/bin/Backend.SelfHost.dll}"
  if [ -z "${BENCH_SELFHOST_DLL:-}" ]; then
    log "building SelfHost (Release)"
    dotnet build "$ROOT/src/SelfHost/SelfHost.csproj" -c Release -nologo -v q -o "$1/bin" >/dev/null
  fi
}

# Sets admin_key and signing_key, the credentials a bench's SelfHost is started with and its requests use.
bench_selfhost_keys() {
  admin_key="$(openssl rand -hex 32)"
  signing_key="$(openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 | openssl pkcs8 -topk8 -nocrypt -outform DER | base64 -w0)"
}

# Exports, in the subshell that starts a bench's SelfHost, what every bench SelfHost runs with: production settings,
# database $1 with the pool options $2, blob directory $3, no web app, fresh keys, and validation and trial limits out of
# the way (a bench is one client address: the limit must not be what it measures).
bench_selfhost_env() {
  export ASPNETCORE_ENVIRONMENT=Production
  export Logging__LogLevel__Default=Warning
  export Database__ConnectionString="Host=127.0.0.1;Port=$PG_PORT;Database=$1;Username=$PG_USER;Password=$PG_PASSWORD${2:+;$2}"
  export BlobStore__RootPath="$3"
  export WebApp__RootPath=
  export Licensing__AdminApiKey="$admin_key"
  export Licensing__SigningPrivateKey="$signing_key"
  export AccessTokens__Keys__local1="$(openssl rand -base64 32)"
  export AccessTokens__ActiveKeyId=local1
  export Encryption__ActiveKeyId=local1
  export Encryption__Keys__local1="$(openssl rand -base64 32)"
  export Licensing__RateLimits__Validate__Limit=2000000000
  export Licensing__RateLimits__Trial__Limit=2000000000
}

# Waits up to a minute for the SelfHost at URL $1 (process $2, log $3) to answer /api/health; prints its log and fails
# when it exits or never answers.
bench_wait_healthy() {
  for _ in $(seq 1 120); do
    curl -fsS "$1/api/health" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { log "SelfHost exited at start-up:"; cat "$3" >&2; exit 1; }
    sleep 0.5
  done
  curl -fsS "$1/api/health" >/dev/null || { log "SelfHost did not answer /api/health:"; cat "$3" >&2; exit 1; }
}

# Prints field $2 (requests, non2xx, unexpected, errors, rps, p50_ms, p99_ms) of the RESULT line that a wrk script of
# the benches (bench/lib/wrk-result.lua) wrote into output $1.
bench_result_field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" $(grep '^RESULT' <<<"$1")"; }
