#!/usr/bin/env bash
# Restores a backup written by scripts/backup.sh: the database, the blob directory and the local secrets. Works on a
# machine where .local/pg and .local/blobs are gone: the cluster is initialised as scripts/run.sh does.
#
#   scripts/restore.sh .local/backups/backend-20260101T031500Z.tar.enc [--force]
#
# The database is replaced; without --force only when it is empty (a fresh cluster). Existing blobs and secrets are
# moved aside (*.before-restore-<time>), never deleted. SelfHost must be stopped (scripts/stop.sh).
# BACKEND_BACKUP_KEY_FILE: the key the backup was written with (default .local/secrets/backup-key).
set -euo pipefail
source "$(dirname "$0")/common.sh"

backup="${1:-}"
force="${2:-}"
if [ -z "$backup" ] || [ ! -f "$backup" ] || { [ -n "$force" ] && [ "$force" != --force ]; }; then
  echo "usage: $0 <backup.tar.enc> [--force]" >&2
  exit 2
fi
KEY_FILE="${BACKEND_BACKUP_KEY_FILE:-$LOCAL/secrets/backup-key}"
if [ ! -s "$KEY_FILE" ]; then
  echo "the backup key $KEY_FILE is missing: copy it here or set BACKEND_BACKUP_KEY_FILE" >&2
  exit 2
fi
if [ -f "$SELFHOST_PID" ] && kill -0 "$(cat "$SELFHOST_PID")" 2>/dev/null; then
  echo "SelfHost is running (pid $(cat "$SELFHOST_PID")): stop it first with scripts/stop.sh" >&2
  exit 2
fi
start=$SECONDS
if [ -f "$backup.sha256" ]; then
  expected="$(cut -d' ' -f1 "$backup.sha256")"
  if [ "$(sha256sum "$backup" | cut -d' ' -f1)" != "$expected" ]; then
    echo "$backup does not match its checksum $backup.sha256: damaged copy, nothing was changed" >&2
    exit 1
  fi
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Decrypted and unpacked completely before anything is touched: a wrong key or a damaged file changes nothing.
if ! openssl enc -d -aes-256-cbc -pbkdf2 -iter 200000 -pass "file:$KEY_FILE" -in "$backup" | tar -C "$work" -xf -; then
  echo "cannot decrypt $backup (wrong key, or not a backup of scripts/backup.sh): nothing was changed" >&2
  exit 1
fi
for part in manifest.txt database.dump blobs.tar; do
  [ -f "$work/$part" ] || { echo "$backup has no $part: not a backup of scripts/backup.sh" >&2; exit 1; }
done
log "restoring $(grep created_at "$work/manifest.txt")"

"$ROOT/scripts/db.sh" start
psql_admin() { as_pg_owner "$(pg_bin psql)" -h "$PG_RUN" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
tables="$(psql_admin -d "$PG_DATABASE" -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")"
if [ "$tables" != 0 ] && [ "$force" != --force ]; then
  echo "database $PG_DATABASE already has $tables tables: add --force to replace it" >&2
  exit 2
fi
psql_admin -d postgres -c "DROP DATABASE IF EXISTS $PG_DATABASE WITH (FORCE)"
psql_admin -d postgres -c "CREATE DATABASE $PG_DATABASE OWNER $PG_USER"
# From standard input: the postgres user cannot read our private temporary directory. Objects are owned by the app's role.
as_pg_owner "$(pg_bin pg_restore)" -h "$PG_RUN" -p "$PG_PORT" -U postgres --no-owner --role="$PG_USER" --exit-on-error \
  -d "$PG_DATABASE" <"$work/database.dump"

aside=".before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
if [ -d "$LOCAL/blobs" ] && [ -n "$(ls -A "$LOCAL/blobs")" ]; then
  mv "$LOCAL/blobs" "$LOCAL/blobs$aside"
  log "existing blobs moved to $LOCAL/blobs$aside"
fi
mkdir -p "$LOCAL/blobs"
tar -C "$LOCAL/blobs" -xf "$work/blobs.tar"
mkdir -p "$LOCAL/blobs/inbox" "$LOCAL/blobs/invoices" "$LOCAL/blobs/exports"

# The keys the data was written with: OCR fields decrypt and licenses verify only with them.
mkdir -p "$LOCAL/secrets"
chmod 700 "$LOCAL/secrets"
for secret in "$work"/secrets/*; do
  [ -f "$secret" ] || continue
  name="$(basename "$secret")"
  if [ -f "$LOCAL/secrets/$name" ] && ! cmp -s "$secret" "$LOCAL/secrets/$name"; then
    mv "$LOCAL/secrets/$name" "$LOCAL/secrets/$name$aside"
    log "secret $name differed from the backup's; the old one is $LOCAL/secrets/$name$aside"
  fi
  cp -p "$secret" "$LOCAL/secrets/$name"
done

log "restored in $((SECONDS - start)) s: database $PG_DATABASE, $(find "$LOCAL/blobs" -type f | wc -l) blob files; start with scripts/run.sh"
echo "$PG_DATABASE"
