#!/usr/bin/env bash
# Regenerates the sample PDFs in samples/ from samples/src/, with five
# different producers. Needs (Debian 12): libreoffice-writer-nogui, chromium,
# texlive-latex-base texlive-latex-recommended texlive-lang-spanish lmodern
# (pdflatex), ghostscript,
# python3-reportlab, fonts-dejavu-core fonts-liberation2.
# All names and numbers in the samples are invented.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$here/src
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1700000000

# LibreOffice (Writer): a court order.
soffice --headless --norestore -env:UserInstallation=file://$work/lo \
  --convert-to pdf:writer_pdf_Export --outdir "$work" "$src/order.fodt" >/dev/null
mv "$work/order.pdf" "$here/order_libreoffice.pdf"

# Chromium print-to-PDF: a class-member table.
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run \
  --user-data-dir="$work/chromium" --no-pdf-header-footer \
  --print-to-pdf="$here/class_list_chromium.pdf" "file://$src/class_list.html" 2>/dev/null

# pdflatex: a Spanish declaration (ligatures, kerning, accents).
(cd "$work" && pdflatex -interaction=batchmode "$src/declaracion.tex" >/dev/null)
mv "$work/declaracion.pdf" "$here/declaracion_pdflatex.pdf"

# pdflatex with Computer Modern and no ToUnicode: Type1 built-in encodings
# and a METAFONT bitmap (Type3) font for the section sign.
(cd "$work" && pdflatex -interaction=batchmode "$src/motion.tex" >/dev/null)
mv "$work/motion.pdf" "$here/motion_pdflatex_cm.pdf"

# Ghostscript pdfwrite: a two-column notice.
ps2pdf "$src/notice.ps" "$here/notice_ghostscript.pdf"

# reportlab: form-like record, shared Form XObject, invisible text layer,
# rotated page with a shifted crop box.
/usr/bin/python3 "$src/make_reportlab.py" "$here/record_reportlab.pdf"

ls -l "$here"/*.pdf

# The scanned samples are made from these: see make_scans.sh.
"$here/make_scans.sh"
