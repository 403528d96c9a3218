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

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
log "installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
