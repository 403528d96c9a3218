#!/usr/bin/env bash
# Installs the system packages the tests and the local OCR engine need, when they are missing.
set -euo pipefail
source "$(dirname "$0")/common.sh"

missing=()
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
{ command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx fra; } || missing+=(tesseract-ocr-fra)
command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ -n "$(pg_bin initdb 2>/dev/null)" ] || missing+=(postgresql)
command -v pgbench >/dev/null 2>&1 || missing+=(postgresql-contrib)
# The extraction corpus degrades scans with ImageMagick 6 (some images put a stand-in `convert` first on PATH).
[ -x /usr/bin/convert-im6.q16 ] || [ -x /usr/bin/magick ] || missing+=(imagemagick)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
# The local OCR engine runs every tool under prlimit (memory and CPU limits).
command -v prlimit >/dev/null 2>&1 || missing+=(util-linux)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
# tests/Backend.Tests/Deployment: the reverse proxy of deploy/vps and the checker of its systemd units.
command -v caddy >/dev/null 2>&1 || missing+=(caddy)
command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
# The web app's browser tests: Playwright drives Debian's Chromium through its executable path (no browser download).
[ -x /usr/bin/chromium ] || missing+=(chromium)
# Its French resources: without them date fields read mm/dd/yyyy and the browser's own messages are English.
[ -f /usr/lib/chromium/locales/fr.pak ] || missing+=(chromium-l10n)
# The web app's build (scripts/web.sh); Vite 8 wants Node.js 20.19 or later.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
log "installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian's caddy package enables and starts caddy.service (a welcome page on port 80) where systemd runs;
# the tests run their own Caddy, so a machine that only builds and tests gets none listening.
if [[ " ${missing[*]} " == *" caddy "* ]] && [ -d /run/systemd/system ]; then
  $SUDO systemctl disable --now caddy.service >/dev/null 2>&1 || true
fi
