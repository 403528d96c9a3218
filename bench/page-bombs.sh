#!/usr/bin/env bash
# Peak RSS of each external OCR process under the two page bombs of the security review (docs/RELIABILITY.md):
# a PDF of ten blank 10 800-pt pages and a TIFF whose first page is 1×1 and second 30 000×30 000 (Deflate).
# "engine" rows run exactly the commands LocalOcrEngine runs, in its order, under its prlimit limits
# (Ocr__LocalMaxMemoryMegabytes, default 1024; CPU = Ocr__LocalTimeoutSeconds, default 60);
# "unchecked" rows run what the engine ran before the size checks (pdftoppm -r 300 on the whole PDF, tesseract on
# the whole TIFF), still under the same limits, to show what the kernel limit alone holds.
# Peak RSS is the child's ru_maxrss (python3's resource module; prlimit executes the tool in place, same process).
# Usage: bench/page-bombs.sh [memory-megabytes] [cpu-seconds]
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
"$ROOT/scripts/deps.sh"
MEMORY_MB="${1:-1024}"
CPU_SECONDS="${2:-60}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

python3 - <<'PY'
import struct, zlib
# The PDF: same objects as tests' TestFiles.TextPdf(10, "", 10800, 10800).
objs = ["<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
content = "BT /F1 12 Tf 50 10720 Td () Tj ET"
objs.append(f"<< /Length {len(content)} >>\nstream\n{content}\nendstream")
kids = []
for _ in range(10):
    objs.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10800 10800] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
    kids.append(f"{len(objs)} 0 R")
objs[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count 10 >>"
pdf, offsets = "%PDF-1.4\n", []
for i, o in enumerate(objs):
    offsets.append(len(pdf)); pdf += f"{i + 1} 0 obj\n{o}\nendobj\n"
xref = len(pdf)
pdf += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n" + "".join(f"{o:010d} 00000 n \n" for o in offsets)
pdf += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
open("bomb.pdf", "w").write(pdf)
# The TIFF: same layout as TestFiles.Tiff([(1, 1), (30000, 30000)]).
pages = [(1, 1), (30000, 30000)]
strips = []
for w, h in pages:
    z = zlib.compressobj(9); row = b"\xff" * w
    strips.append(b"".join(z.compress(row) for _ in range(h)) + z.flush())
size = 2 + 9 * 12 + 4
out, offset = bytearray(b"II*\x00" + struct.pack("<I", 8)), 8 + len(pages) * size
for i, (w, h) in enumerate(pages):
    out += struct.pack("<H", 9)
    for tag, typ, val in [(256, 4, w), (257, 4, h), (258, 3, 8), (259, 3, 8), (262, 3, 1), (273, 4, offset), (277, 3, 1), (278, 4, h), (279, 4, len(strips[i]))]:
        out += struct.pack("<HHII", tag, typ, 1, val)
    out += struct.pack("<I", 8 + (i + 1) * size if i + 1 < len(pages) else 0)
    offset += len(strips[i])
open("bomb.tif", "wb").write(bytes(out) + b"".join(strips))
PY

measure() { # label, command...
  local label="$1"; shift
  python3 - "$label" "$@" <<'PY'
import resource, subprocess, sys, time
label, command = sys.argv[1], sys.argv[2:]
start = time.monotonic()
run = subprocess.run(command, capture_output=True, env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"})
elapsed = time.monotonic() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
error = run.stderr.decode(errors="replace").strip().splitlines()
print(f"{label:<38} exit {run.returncode:>3}  peak RSS {peak:7.1f} MB  {elapsed:6.2f} s  {error[-1][:70] if error else ''}")
PY
}
LIMIT=(prlimit "--as=$((MEMORY_MB * 1024 * 1024))" "--cpu=$CPU_SECONDS" --)
echo "files: bomb.pdf $(stat -c %s bomb.pdf) B, bomb.tif $(stat -c %s bomb.tif) B; limits: ${MEMORY_MB} MB address space, ${CPU_SECONDS} s CPU"
measure "engine  pdf: pdftotext -l 10" "${LIMIT[@]}" pdftotext -layout -enc UTF-8 -l 10 bomb.pdf -
measure "engine  pdf: pdfinfo -box (then refused)" "${LIMIT[@]}" pdfinfo -f 1 -l 10 -box bomb.pdf
echo "engine  tiff: refused from its second directory, no process runs"
measure "unchecked pdf: pdftoppm -r 300 page 1" "${LIMIT[@]}" pdftoppm -r 300 -gray -png -f 1 -l 1 bomb.pdf page
measure "unchecked tiff: tesseract" "${LIMIT[@]}" tesseract bomb.tif stdout -l fra+eng --psm 4 tsv
