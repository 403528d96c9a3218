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
