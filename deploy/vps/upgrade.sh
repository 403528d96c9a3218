#!/usr/bin/env bash
# Switches the EasyFacture backend to a new release, and back if it does not come up healthy.
#
#   sudo deploy/vps/upgrade.sh --release DIR|ARCHIVE.tar.gz [--version NAME]
#
# 1. backs up database, blobs and settings (easyfacture-backup.service), 2. unpacks the release into
# /opt/easyfacture/releases/<version>, 3. points `current` at it and restarts the service (migrations run at
# start-up), 4. polls /api/health; if it is not 200 within --timeout seconds, points `current` back at the
# previous release, restarts it and exits 1. Migrations are forward-only: a release must start on the schema
# of the release after it (add columns/tables; drop only in a later release), which is what makes the
# rollback safe. The dump of step 1 is the way back from anything worse.
#
# --root DIR and --restart-command CMD exist for the tests (no systemctl, no backup: CMD restarts the app).
set -euo pipefail

ROOT="" RELEASE="" VERSION="" APP_PORT=5080 TIMEOUT=60 RESTART="" KEEP=5
while [ $# -gt 0 ]; do
  case "$1" in
    --release) RELEASE="$2"; shift 2 ;;
    --version) VERSION="$2"; shift 2 ;;
    --app-port) APP_PORT="$2"; shift 2 ;;
    --timeout) TIMEOUT="$2"; shift 2 ;;
    --keep) KEEP="$2"; shift 2 ;;
    --root) ROOT="$(cd "$2" && pwd)"; shift 2 ;;
    --restart-command) RESTART="$2"; shift 2 ;;
    *) echo "usage: $0 --release DIR|ARCHIVE.tar.gz [--version NAME] [--app-port PORT] [--timeout SECONDS] [--keep N]" >&2; exit 2 ;;
  esac
done
[ -n "$RELEASE" ] || { echo "--release is required" >&2; exit 2; }
OPT="$ROOT/opt/easyfacture"
log() { printf '[upgrade] %s\n' "$*" >&2; }
[ -L "$OPT/current" ] || { echo "no $OPT/current: run install.sh first" >&2; exit 1; }

restart() {
  if [ -n "$RESTART" ]; then eval "$RESTART"; else systemctl restart easyfacture-backend.service; fi
}
healthy() { # within $TIMEOUT seconds
  local deadline=$((SECONDS + TIMEOUT))
  while [ $SECONDS -lt $deadline ]; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$APP_PORT/api/health" || true)" = 200 ] && return 0
    sleep 0.5
  done
  return 1
}
point_current() { # relative target; atomic rename of a fresh symlink over the old one
  ln -sfn "$1" "$OPT/.current.new"
  mv -T "$OPT/.current.new" "$OPT/current"
}

staging=""
trap '[ -z "$staging" ] || rm -rf "$staging"' EXIT
if [ -f "$RELEASE" ]; then
  staging="$(mktemp -d)"
  tar -xzf "$RELEASE" -C "$staging"
  [ -n "$VERSION" ] || VERSION="$(basename "$RELEASE" .tar.gz)"
  RELEASE="$staging"
fi
[ -f "$RELEASE/Backend.SelfHost.dll" ] || { echo "$RELEASE holds no Backend.SelfHost.dll" >&2; exit 1; }
[ -n "$VERSION" ] || VERSION="build-$(cd "$RELEASE" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-12)"
case "$VERSION" in */*|.*) echo "bad version name '$VERSION'" >&2; exit 2 ;; esac

previous="$(readlink "$OPT/current")"
if [ "$previous" = "releases/$VERSION" ]; then
  log "already on $VERSION"
  exit 0
fi
if [ -z "$ROOT" ]; then
  log "dumping the database first"
  systemctl start easyfacture-backup.service
fi
created=0
if [ ! -d "$OPT/releases/$VERSION" ]; then
  created=1
  rm -rf "$OPT/releases/.$VERSION.partial"
  cp -a "$RELEASE" "$OPT/releases/.$VERSION.partial"
  chmod -R u+rwX,go+rX,go-w "$OPT/releases/.$VERSION.partial"  # readable by the service user, writable by root only
  mv "$OPT/releases/.$VERSION.partial" "$OPT/releases/$VERSION"
  touch "$OPT/releases/$VERSION"  # cp -a kept the build's time; old releases are pruned by install time
fi

log "switching $previous -> releases/$VERSION"
point_current "releases/$VERSION"
restart
if healthy; then
  log "releases/$VERSION is healthy"
  # Keep the newest releases (by install time), never the current or previous one.
  ls -1dt "$OPT"/releases/*/ 2>/dev/null | sed 's:/$::' | tail -n +"$((KEEP + 1))" | while read -r old; do
    case "releases/$(basename "$old")" in "releases/$VERSION"|"$previous") continue ;; esac
    rm -rf "$old" && log "removed old $(basename "$old")"
  done
  exit 0
fi

log "releases/$VERSION did not answer 200 on /api/health within ${TIMEOUT}s: rolling back to $previous"
[ -n "$ROOT" ] || journalctl -u easyfacture-backend.service -n 30 --no-pager >&2 || true
point_current "$previous"
# A release unpacked by this run goes too, so a corrected archive of the same name is unpacked afresh next time.
[ "$created" = 0 ] || rm -rf "${OPT:?}/releases/$VERSION"
restart
if healthy; then
  log "rolled back: $previous is healthy again"
else
  log "rolled back to $previous, but it is not healthy either: see journalctl -u easyfacture-backend"
fi
exit 1
