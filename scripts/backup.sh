#!/usr/bin/env bash
# A consistent, encrypted backup of the local deployment: the database (pg_dump, custom format), the blob directory
# and the local secrets (the keys the OCR fields are encrypted with and licenses are signed with), in one file.
# Prints the backup's path as its last line. scripts/restore.sh puts it back, on this machine or a new one.
#
#   BACKEND_BACKUP_DIR       where backups go (default .local/backups; any mounted directory, e.g. a NAS)
#   BACKEND_BACKUP_KEEP      backups kept, older ones are deleted (default 7)
#   BACKEND_BACKUP_KEY_FILE  the encryption key (default .local/secrets/backup-key, generated on first use:
#                            copy it off this machine, without it no backup can be read)
set -euo pipefail
source "$(dirname "$0")/common.sh"
# Backups hold every secret of the deployment: readable by their owner only.
umask 077

BACKUP_DIR="${BACKEND_BACKUP_DIR:-$LOCAL/backups}"
KEEP="${BACKEND_BACKUP_KEEP:-7}"
KEY_FILE="${BACKEND_BACKUP_KEY_FILE:-$LOCAL/secrets/backup-key}"
BLOBS="$LOCAL/blobs"
case "$KEEP" in ''|*[!0-9]*|0) echo "BACKEND_BACKUP_KEEP must be a positive whole number, not '$KEEP'" >&2; exit 2 ;; esac

if [ ! -s "$KEY_FILE" ]; then
  mkdir -p "$(dirname "$KEY_FILE")"
  (umask 077; openssl rand -base64 48 >"$KEY_FILE")
  log "generated the backup key $KEY_FILE: keep a copy off this machine, without it no backup can be restored"
fi

"$ROOT/scripts/db.sh" start
mkdir -p "$BACKUP_DIR"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
start=$SECONDS

# The database first, in one snapshot; then the blobs. An invoice's file is written before its row, so every invoice
# in the dump has its file in the copy; a file that arrives in between is an orphan the next backup will own.
as_pg_owner "$(pg_bin pg_dump)" -h "$PG_RUN" -p "$PG_PORT" -U postgres --format=custom "$PG_DATABASE" >"$work/database.dump"
mkdir -p "$BLOBS"
tar -C "$BLOBS" -cf "$work/blobs.tar" .
mkdir "$work/secrets"
if [ -d "$LOCAL/secrets" ]; then
  # Everything but the backup key itself, which must never travel with what it protects.
  find "$LOCAL/secrets" -maxdepth 1 -type f ! -name "$(basename "$KEY_FILE")" -exec cp -p {} "$work/secrets/" \;
fi
{
  echo "created_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "database=$PG_DATABASE"
  echo "pg_dump=$("$(pg_bin pg_dump)" --version)"
  echo "blob_files=$(find "$BLOBS" -type f | wc -l)"
} >"$work/manifest.txt"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
target="$BACKUP_DIR/backend-$stamp.tar.enc"
n=1
while [ -e "$target" ]; do n=$((n + 1)); target="$BACKUP_DIR/backend-$stamp-$n.tar.enc"; done
# Written aside and renamed, so a backup cut short never looks like a good one.
tar -C "$work" -cf - manifest.txt database.dump blobs.tar secrets \
  | openssl enc -aes-256-cbc -pbkdf2 -iter 200000 -salt -pass "file:$KEY_FILE" -out "$target.partial"
# A checksum beside it, so a copy damaged in transit is caught before anything is wiped (sha256sum -c).
echo "$(sha256sum "$target.partial" | cut -d' ' -f1)  $(basename "$target")" >"$target.sha256.partial"
mv "$target.partial" "$target"
mv "$target.sha256.partial" "$target.sha256"

# Keep the newest $KEEP backups.
ls -1t "$BACKUP_DIR"/backend-*.tar.enc 2>/dev/null | tail -n +"$((KEEP + 1))" | while read -r old; do
  rm -f "$old" "$old.sha256"
  log "deleted old backup $old"
done
find "$BACKUP_DIR" -maxdepth 1 -name 'backend-*.partial' -mmin +60 -delete

log "backup written in $((SECONDS - start)) s ($(du -h "$target" | cut -f1))"
echo "$target"
