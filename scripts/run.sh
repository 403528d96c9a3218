#!/usr/bin/env bash
# Runs the whole backend locally: PostgreSQL under .local/, the blob directory, SelfHost on
# http://127.0.0.1:7071 (migrations apply at start-up). Idempotent; scripts/stop.sh undoes it.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

"$ROOT/scripts/deps.sh"
"$ROOT/scripts/db.sh" start
mkdir -p "$LOCAL/blobs/inbox" "$LOCAL/blobs/invoices" "$LOCAL/blobs/exports"

if [ -f "$SELFHOST_PID" ] && kill -0 "$(cat "$SELFHOST_PID")" 2>/dev/null; then
  log "SelfHost already running (pid $(cat "$SELFHOST_PID")) on $SELFHOST_URL"
  exit 0
fi

"$ROOT/scripts/web.sh"
log "building SelfHost"
dotnet build "$ROOT/src/SelfHost/SelfHost.csproj" -c Release -nologo -v q -o "$LOCAL/selfhost-bin" >/dev/null

# Local-only secrets: generated once, kept under .local/, never committed.
source "$ROOT/scripts/local-secrets.sh"

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
export Database__ConnectionString="Host=127.0.0.1;Port=$PG_PORT;Database=$PG_DATABASE;Username=$PG_USER;Password=$PG_PASSWORD"
export BlobStore__RootPath="$LOCAL/blobs"
# The web app (admin console at /admin/, invoice workspace at /app/), built above by scripts/web.sh.
export WebApp__RootPath="${WebApp__RootPath:-$ROOT/web/dist}"
# Field encryption of OCR text at rest; add keys and switch the id to rotate.
export Encryption__ActiveKeyId="${Encryption__ActiveKeyId:-local1}"
export Encryption__Keys__local1="${Encryption__Keys__local1:-$(local_secret encryption-key-local1 'openssl rand -base64 32')}"
# License server: the admin API key and the ECDSA P-256 key that signs licenses (PKCS#8, base64 DER).
export Licensing__AdminApiKey="${Licensing__AdminApiKey:-$(local_secret license-admin-api-key 'openssl rand -hex 32')}"
export Licensing__SigningPrivateKey="${Licensing__SigningPrivateKey:-$(local_secret license-signing-key \
  'openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 | openssl pkcs8 -topk8 -nocrypt -outform DER | base64 -w0')}"
# People's sign-in: the HMAC key of access tokens, and the first admin account (created when no admin exists).
export AccessTokens__ActiveKeyId="${AccessTokens__ActiveKeyId:-local1}"
export AccessTokens__Keys__local1="${AccessTokens__Keys__local1:-$(local_secret access-token-key-local1 'openssl rand -base64 32')}"
export Accounts__BootstrapAdminEmail="${Accounts__BootstrapAdminEmail:-admin@localhost.localdomain}"
if [ -z "${Accounts__BootstrapAdminPassword:-}" ]; then
  export Accounts__BootstrapAdminPassword="$(local_secret bootstrap-admin-password 'openssl rand -base64 18')"
  log "bootstrap admin: $Accounts__BootstrapAdminEmail, password in $SECRETS_DIR/bootstrap-admin-password (used only while no admin account exists)"
fi

nohup dotnet "$LOCAL/selfhost-bin/Backend.SelfHost.dll" --urls "$SELFHOST_URL" >"$SELFHOST_LOG" 2>&1 &
echo $! >"$SELFHOST_PID"

for _ in $(seq 1 120); do
  if curl -fsS "$SELFHOST_URL/api/health" >/dev/null 2>&1; then
    log "SelfHost is up on $SELFHOST_URL (admin console $SELFHOST_URL/admin/, invoice workspace $SELFHOST_URL/app/; logs: $SELFHOST_LOG; admin API key in $SECRETS_DIR/license-admin-api-key; admin sign-in $Accounts__BootstrapAdminEmail with the password in $SECRETS_DIR/bootstrap-admin-password; stop with scripts/stop.sh)"
    exit 0
  fi
  if ! kill -0 "$(cat "$SELFHOST_PID")" 2>/dev/null; then
    log "SelfHost exited; last lines of $SELFHOST_LOG:"
    tail -n 20 "$SELFHOST_LOG" >&2
    rm -f "$SELFHOST_PID"
    exit 1
  fi
  sleep 0.5
done
log "SelfHost did not answer $SELFHOST_URL/api/health within 60 s; see $SELFHOST_LOG"
exit 1
