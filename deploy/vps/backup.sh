#!/bin/sh
# Dumps the EasyFacture database (custom format, restorable with pg_restore) into $BACKUP_DIR and deletes
# dumps older than $KEEP_DAYS days. Runs as postgres (peer authentication) from easyfacture-backup.service.
set -eu
: "${PGDATABASE:=easyfacture}" "${BACKUP_DIR:=/var/backups/easyfacture}" "${KEEP_DAYS:=14}"
export PGDATABASE
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
target="$BACKUP_DIR/$PGDATABASE-$stamp.dump"
# Written aside and renamed, so a dump cut short never looks like a good one.
pg_dump --format=custom --file="$target.partial" "$PGDATABASE"
mv "$target.partial" "$target"
find "$BACKUP_DIR" -maxdepth 1 -name "$PGDATABASE-*.dump" -mtime +"$KEEP_DAYS" -print -delete
find "$BACKUP_DIR" -maxdepth 1 -name "$PGDATABASE-*.dump.partial" -mmin +60 -delete
echo "backup: $target ($(du -h "$target" | cut -f1))"
