#!/usr/bin/env bash
# The local PostgreSQL cluster under .local/pg: `db.sh start` (initdb on first use) and `db.sh stop`.
set -euo pipefail
source "$(dirname "$0")/common.sh"

start() {
  mkdir -p "$LOCAL/pg" "$PG_RUN"
  if [ "$(id -u)" = 0 ]; then chown -R postgres: "$LOCAL/pg"; fi
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    log "initialising cluster in $PG_DATA"
    as_pg_owner "$(pg_bin initdb)" -D "$PG_DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    cat >>"$PG_DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_RUN'
max_connections = 300
shared_buffers = 256MB
log_min_messages = warning
CONF
  fi
  if as_pg_owner "$(pg_bin pg_ctl)" -D "$PG_DATA" status >/dev/null 2>&1; then
    log "postgres already running on port $PG_PORT"
  else
    as_pg_owner "$(pg_bin pg_ctl)" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start >/dev/null
    log "postgres started on port $PG_PORT"
  fi
  as_pg_owner "$(pg_bin psql)" -h "$PG_RUN" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q <<SQL
SELECT 'CREATE ROLE $PG_USER LOGIN CREATEDB PASSWORD ''$PG_PASSWORD'''
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER') \gexec
SELECT 'CREATE DATABASE $PG_DATABASE OWNER $PG_USER'
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE') \gexec
SQL
}

stop() {
  if [ -f "$PG_DATA/PG_VERSION" ] && as_pg_owner "$(pg_bin pg_ctl)" -D "$PG_DATA" status >/dev/null 2>&1; then
    as_pg_owner "$(pg_bin pg_ctl)" -D "$PG_DATA" -m fast -w stop >/dev/null
    log "postgres stopped"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
