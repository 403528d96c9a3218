#!/usr/bin/env bash
# Installs the EasyFacture backend (SelfHost) on a Debian 12 / Ubuntu 22.04+ machine: PostgreSQL from the
# distribution (localhost only), its database and role, a release under /opt/easyfacture/releases/<version>
# with a `current` symlink, secrets generated once in /etc/easyfacture/backend.env, Caddy with automatic HTTPS,
# the systemd units (app, nightly backup) and journald retention. Idempotent: a second run changes nothing.
#
#   sudo deploy/vps/install.sh --domain licences.example.com --email admin@example.com [--release DIR|ARCHIVE]
#
# --root DIR installs into DIR as if it were / (no apt, no users, no ownership changes, no PostgreSQL server
# configuration, no systemctl): the tests use it with a throwaway PostgreSQL (--pg-host/--pg-port).
set -euo pipefail

usage() {
  cat >&2 <<USAGE
usage: $0 --domain NAME [--email ADDRESS | --tls internal] [--release DIR|ARCHIVE.tar.gz] [--version NAME]
          [--pg-port PORT] [--pg-host HOST] [--app-port PORT] [--root DIR] [--no-systemctl]
USAGE
  exit 2
}

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
ROOT="" DOMAIN="" TLS="" RELEASE="" VERSION="" PG_PORT=5432 PG_HOST="" APP_PORT=5080 SYSTEMCTL=1
while [ $# -gt 0 ]; do
  case "$1" in
    --domain) DOMAIN="$2"; shift 2 ;;
    --email) TLS="$2"; shift 2 ;;
    --tls) TLS="$2"; shift 2 ;;
    --release) RELEASE="$2"; shift 2 ;;
    --version) VERSION="$2"; shift 2 ;;
    --pg-port) PG_PORT="$2"; shift 2 ;;
    --pg-host) PG_HOST="$2"; shift 2 ;;
    --app-port) APP_PORT="$2"; shift 2 ;;
    --root) ROOT="$(mkdir -p "$2" && cd "$2" && pwd)"; SYSTEMCTL=0; shift 2 ;;
    --no-systemctl) SYSTEMCTL=0; shift ;;
    -h|--help) usage ;;
    *) echo "unknown option $1" >&2; usage ;;
  esac
done
[ -n "$DOMAIN" ] || { echo "--domain is required (the name clients use; its DNS A/AAAA records must point here)" >&2; exit 2; }
[ -n "$TLS" ] || { echo "--email is required (the ACME account of Let's Encrypt), or --tls internal" >&2; exit 2; }
case "$PG_PORT$APP_PORT" in *[!0-9]*) echo "ports are numbers" >&2; exit 2 ;; esac

SYSTEM=1; [ -z "$ROOT" ] || SYSTEM=0
APP_USER=easyfacture DB_NAME=easyfacture DB_ROLE=easyfacture
OPT="$ROOT/opt/easyfacture" ETC="$ROOT/etc/easyfacture" BLOBS="$ROOT/var/lib/easyfacture/blobs"
BACKUPS="$ROOT/var/backups/easyfacture" UNITS="$ROOT/etc/systemd/system"
log() { printf '[install] %s\n' "$*" >&2; }
CHANGED_UNITS=0 CHANGED_CADDY=0 CHANGED_JOURNALD=0

# Copies a file only when its content or mode differs, so a second run leaves every timestamp alone.
# Echoes 1 when it wrote something.
put() { # source, destination, mode, [owner:group]
  local source="$1" destination="$2" mode="$3" owner="${4:-}"
  mkdir -p "$(dirname "$destination")"
  if [ -f "$destination" ] && cmp -s "$source" "$destination"; then
    [ "$(stat -c %a "$destination")" = "$mode" ] || chmod "$mode" "$destination"
    set_owner "$destination" "$owner"
    echo 0; return
  fi
  install -m "$mode" "$source" "$destination"
  set_owner "$destination" "$owner"
  log "wrote ${destination#"$ROOT"}"
  echo 1
}
set_owner() { [ "$SYSTEM" = 1 ] && [ -n "$2" ] && chown "$2" "$1" || true; }
directory() { # path, mode, [owner:group]
  [ -d "$1" ] || mkdir -p "$1"
  [ "$(stat -c %a "$1")" = "$2" ] || chmod "$2" "$1"
  set_owner "$1" "${3:-}"
}

# --- system packages, user, PostgreSQL server ---------------------------------------------------------
if [ "$SYSTEM" = 1 ]; then
  [ "$(id -u)" = 0 ] || { echo "run as root (sudo), or with --root DIR" >&2; exit 1; }
  missing=()
  # Local OCR (the default engine without AWS credentials) runs tesseract and poppler's tools.
  for pkg in postgresql caddy openssl curl tesseract-ocr tesseract-ocr-fra poppler-utils; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq
    apt-cache show caddy >/dev/null 2>&1 || { echo "apt has no caddy package (Ubuntu 22.04: add Caddy's own apt repository first, see README)" >&2; exit 1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  if ! id "$APP_USER" >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/easyfacture --no-create-home --shell /usr/sbin/nologin "$APP_USER"
    log "created system user $APP_USER"
  fi
  # PostgreSQL of the distribution, listening on localhost only, on the chosen port.
  conf_dir="$(ls -d /etc/postgresql/*/main 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$conf_dir" ] || { echo "no PostgreSQL cluster under /etc/postgresql" >&2; exit 1; }
  printf "# Written by EasyFacture's install.sh.\nlisten_addresses = 'localhost'\nport = %s\n" "$PG_PORT" >/tmp/easyfacture-pg.conf
  if [ "$(put /tmp/easyfacture-pg.conf "$conf_dir/conf.d/easyfacture.conf" 644 postgres:postgres)" = 1 ] && [ "$SYSTEMCTL" = 1 ]; then
    systemctl restart postgresql
  fi
  rm -f /tmp/easyfacture-pg.conf
  [ "$SYSTEMCTL" = 0 ] || systemctl enable --now postgresql >/dev/null 2>&1
fi

# --- directories -------------------------------------------------------------------------------------
directory "$OPT" 755
directory "$OPT/releases" 755
directory "$OPT/bin" 755
directory "$ETC" 755
directory "$ROOT/var/lib/easyfacture" 750 "$APP_USER:$APP_USER"
directory "$BLOBS" 750 "$APP_USER:$APP_USER"
for container in inbox invoices exports; do directory "$BLOBS/$container" 750 "$APP_USER:$APP_USER"; done
directory "$BACKUPS" 700 "$APP_USER:$APP_USER"

# --- the release ---------------------------------------------------------------------------------------
staging=""
cleanup() { [ -z "$staging" ] || rm -rf "$staging"; }
trap cleanup EXIT
if [ -z "$RELEASE" ]; then
  # No release given: publish from this checkout (self-contained, so the machine needs no .NET runtime).
  command -v dotnet >/dev/null || { echo "no --release and no dotnet SDK to publish one" >&2; exit 1; }
  staging="$(mktemp -d)"
  log "publishing src/SelfHost"
  dotnet publish "$REPO/src/SelfHost/SelfHost.csproj" -c Release -r linux-x64 --self-contained -nologo -v q -o "$staging/out" >/dev/null
  RELEASE="$staging/out"
elif [ -f "$RELEASE" ]; then
  staging="$(mktemp -d)"
  tar -xzf "$RELEASE" -C "$staging"
  [ -n "$VERSION" ] || VERSION="$(basename "$RELEASE" .tar.gz)"
  RELEASE="$staging"
fi
[ -f "$RELEASE/Backend.SelfHost.dll" ] || { echo "$RELEASE holds no Backend.SelfHost.dll" >&2; exit 1; }
# A directory's version is its content, so installing the same build twice is a no-op.
[ -n "$VERSION" ] || VERSION="build-$(cd "$RELEASE" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-12)"
case "$VERSION" in */*|.*|"") echo "bad version name '$VERSION'" >&2; exit 2 ;; esac
if [ ! -d "$OPT/releases/$VERSION" ]; then
  cp -a "$RELEASE" "$OPT/releases/.$VERSION.partial"
  chmod -R u+rwX,go+rX,go-w "$OPT/releases/.$VERSION.partial"  # readable by the service user, writable by root only
  mv "$OPT/releases/.$VERSION.partial" "$OPT/releases/$VERSION"
  touch "$OPT/releases/$VERSION"  # upgrade.sh keeps the newest releases by this time
  log "release $VERSION in ${OPT#"$ROOT"}/releases"
fi
if [ ! -L "$OPT/current" ]; then
  ln -s "releases/$VERSION" "$OPT/current"
  log "current -> releases/$VERSION"
elif [ "$(readlink "$OPT/current")" != "releases/$VERSION" ]; then
  log "current already points to $(readlink "$OPT/current"); left alone (switch releases with deploy/vps/upgrade.sh)"
fi

# --- secrets and settings, generated once --------------------------------------------------------------
ENV_FILE="$ETC/backend.env"
if [ ! -f "$ENV_FILE" ]; then
  (umask 077; : >"$ENV_FILE")
  printf '# EasyFacture backend settings (README "Configuration"). Secrets: readable by %s only.\n' "$APP_USER" >>"$ENV_FILE"
fi
setting() { # key, value command: appended once, never replaced
  grep -q "^$1=" "$ENV_FILE" && return
  printf '%s=%s\n' "$1" "$(eval "$2")" >>"$ENV_FILE"
  log "backend.env: $1 set"
}
setting ASPNETCORE_ENVIRONMENT 'echo Production'
setting ASPNETCORE_URLS "echo http://127.0.0.1:$APP_PORT"
# Logs: one JSON object per line on stdout, i.e. in journald (standard ASP.NET Core logging configuration).
setting Logging__Console__FormatterName 'echo json'
setting Database__ConnectionString "echo \"Host=127.0.0.1;Port=$PG_PORT;Database=$DB_NAME;Username=$DB_ROLE;Password=\$(openssl rand -hex 24)\""
setting BlobStore__RootPath 'echo /var/lib/easyfacture/blobs'
# Caddy connects from 127.0.0.1; only its X-Forwarded-For is believed.
setting Licensing__TrustedProxies 'echo 127.0.0.1'
setting Licensing__AdminApiKey 'openssl rand -hex 32'
setting Licensing__SigningPrivateKey 'openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 | openssl pkcs8 -topk8 -nocrypt -outform DER | base64 -w0'
# Key id local1: appsettings.json declares that id, and every declared key must be a valid one.
setting Encryption__ActiveKeyId 'echo local1'
setting Encryption__Keys__local1 'openssl rand -base64 32'
# People's access tokens (HMAC key); same key id rule as the encryption key.
setting AccessTokens__ActiveKeyId 'echo local1'
setting AccessTokens__Keys__local1 'openssl rand -base64 32'
# The first admin account of the web console, when an address is given (its password: grep the env file).
if [ -n "${BOOTSTRAP_ADMIN_EMAIL:-}" ]; then
  setting Accounts__BootstrapAdminEmail "echo $BOOTSTRAP_ADMIN_EMAIL"
  setting Accounts__BootstrapAdminPassword 'openssl rand -base64 18'
fi
[ "$(stat -c %a "$ENV_FILE")" = 600 ] || chmod 600 "$ENV_FILE"
set_owner "$ENV_FILE" "$APP_USER:$APP_USER"
DB_PASSWORD="$(sed -n 's/^Database__ConnectionString=.*Password=\([^;]*\).*/\1/p' "$ENV_FILE")"

# Caddy's values (not secret). The proxy's body cap follows Licensing__MaxBodyBytes when set.
max_body="$(sed -n 's/^Licensing__MaxBodyBytes=\([0-9]*\)$/\1/p' "$ENV_FILE")"
max_body="${max_body:-16384}"; [ "$max_body" -ge 16384 ] || max_body=16384
cat >"$ETC/.caddy.env.new" <<CADDYENV
# Read by caddy.service (drop-in caddy.service.d/easyfacture.conf) for /etc/caddy/Caddyfile.
EASYFACTURE_DOMAIN=$DOMAIN
EASYFACTURE_TLS=$TLS
EASYFACTURE_UPSTREAM=127.0.0.1:$APP_PORT
EASYFACTURE_MAX_BODY_BYTES=$max_body
CADDYENV
[ "$(put "$ETC/.caddy.env.new" "$ETC/caddy.env" 644)" = 0 ] || CHANGED_CADDY=1
rm -f "$ETC/.caddy.env.new"
cat >"$ETC/.backup.env.new" <<BACKUPENV
# Read by easyfacture-backup.service (deploy/vps/backup.sh); the database and blobs are those of backend.env.
BACKUP_DIR=/var/backups/easyfacture
KEEP=14
KEY_FILE=/etc/easyfacture/backup-key
BACKUPENV
put "$ETC/.backup.env.new" "$ETC/backup.env" 644 >/dev/null
rm -f "$ETC/.backup.env.new"
# The backups' encryption key, generated once: without a copy of it off the machine, no backup can be read.
if [ ! -s "$ETC/backup-key" ]; then
  (umask 077; openssl rand -base64 48 >"$ETC/backup-key")
  log "generated $ETC/backup-key: keep a copy off this machine"
fi
[ "$(stat -c %a "$ETC/backup-key")" = 600 ] || chmod 600 "$ETC/backup-key"
set_owner "$ETC/backup-key" "$APP_USER:$APP_USER"

# --- database and role ---------------------------------------------------------------------------------
psql_admin() {
  if [ -n "$PG_HOST" ]; then
    psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres "$@"
  else
    runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres "$@"
  fi
}
psql_admin -v role="$DB_ROLE" -v db="$DB_NAME" -v password="$DB_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
-- The password lives in backend.env; setting it again keeps the two in step after a restore of /etc.
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'role', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8'' TEMPLATE template0', :'db', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL

# --- Caddy, units, scripts, journald ---------------------------------------------------------------------
[ "$(put "$HERE/Caddyfile" "$ROOT/etc/caddy/Caddyfile" 644)" = 0 ] || CHANGED_CADDY=1
for unit in easyfacture-backend.service easyfacture-backup.service easyfacture-backup.timer; do
  [ "$(put "$HERE/systemd/$unit" "$UNITS/$unit" 644)" = 0 ] || CHANGED_UNITS=1
done
[ "$(put "$HERE/systemd/caddy.service.d/easyfacture.conf" "$UNITS/caddy.service.d/easyfacture.conf" 644)" = 0 ] || { CHANGED_UNITS=1; CHANGED_CADDY=1; }
put "$HERE/backup.sh" "$OPT/bin/easyfacture-backup" 755 >/dev/null
put "$HERE/upgrade.sh" "$OPT/bin/easyfacture-upgrade" 755 >/dev/null
[ "$(put "$HERE/journald.conf" "$ROOT/etc/systemd/journald.conf.d/easyfacture.conf" 644)" = 0 ] || CHANGED_JOURNALD=1

if [ "$SYSTEMCTL" = 1 ]; then
  [ "$CHANGED_UNITS" = 0 ] || systemctl daemon-reload
  [ "$CHANGED_JOURNALD" = 0 ] || systemctl restart systemd-journald
  systemctl enable --now easyfacture-backend.service easyfacture-backup.timer >/dev/null 2>&1
  systemctl enable caddy >/dev/null 2>&1
  if [ "$CHANGED_CADDY" = 1 ]; then systemctl restart caddy; else systemctl start caddy; fi
  for _ in $(seq 1 60); do
    curl -fsS "http://127.0.0.1:$APP_PORT/api/health" >/dev/null 2>&1 && { log "up: https://$DOMAIN/api/health"; break; }
    sleep 1
  done
  curl -fsS "http://127.0.0.1:$APP_PORT/api/health" >/dev/null 2>&1 \
    || { log "the backend is not healthy; see journalctl -u easyfacture-backend"; exit 1; }
fi
log "done (admin API key: grep Licensing__AdminApiKey ${ENV_FILE#"$ROOT"})"
