# Shared settings of the local stack. Sourced, not run.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# BACKEND_LOCAL_DIR moves all local state elsewhere (the restore drill test uses a directory of its own).
LOCAL="${BACKEND_LOCAL_DIR:-$ROOT/.local}"
PG_PORT="${BACKEND_PG_PORT:-54329}"
PG_DATA="$LOCAL/pg/data"
PG_RUN="$LOCAL/pg/run"
PG_LOG="$LOCAL/pg/postgres.log"
PG_USER=backend
PG_PASSWORD=backend-local
PG_DATABASE=backend
SELFHOST_URL="${BACKEND_URL:-http://127.0.0.1:7071}"
SELFHOST_PID="$LOCAL/selfhost.pid"
SELFHOST_LOG="$LOCAL/selfhost.log"

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [ -x "$dir/$1" ] && { echo "$dir/$1"; return; }
  done
  command -v "$1"
}

# PostgreSQL refuses to run as root; when we are root, run the server as the postgres user.
as_pg_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

log() { printf '[%s] %s\n' "$(basename "$0")" "$*" >&2; }
AZURITE_PORT="${BACKEND_AZURITE_PORT:-10010}"
AZURITE_HOME="$LOCAL/azurite"
AZURITE_PID="$AZURITE_HOME/azurite.pid"
AZURITE_LOG="$AZURITE_HOME/azurite.log"
AZURITE_BLOB_ENDPOINT="http://127.0.0.1:$AZURITE_PORT/devstoreaccount1"
