#!/usr/bin/env bash
# Regenerates the layout evaluation set in tests/data/eval/: documents (PDF),
# their labels (<name>.json) and the case's names list (names.csv), from the
# invented data in src/people.py. Producers: reportlab, LibreOffice Writer,
# Chromium print-to-PDF, groff + Ghostscript (ps2pdf), pdflatex; scans are
# page renders of some of them (pdftoppm, ImageMagick, img2pdf / tiff2pdf).
#
# Needs (Debian 12): python3-reportlab libreoffice-writer-nogui chromium
#   ghostscript groff texlive-latex-base texlive-latex-recommended
#   texlive-lang-spanish lmodern fonts-dejavu-core fonts-liberation2
#   poppler-utils tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa
#   imagemagick img2pdf libtiff-tools
#
# Labels come from the generator's data (src/docs.py, src/forms.py); the
# last step (src/finalize.py) only adds where each label is on the page
# (pdftotext of the generated PDF, tesseract for scans) and marks labels a
# reader cannot see in the input at all, which the scorer leaves out.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$here/src
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1700000000
PY=/usr/bin/python3   # Debian's python3, where python3-reportlab lives

rm -f "$here"/docs/*.pdf "$here"/labels/*.json
mkdir -p "$here/docs" "$here/labels"
"$PY" "$src/build.py" "$work/src" "$work/out"

while read -r name producer family; do
  case $producer in
    chromium)
      chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run \
        --user-data-dir="$work/chromium" --no-pdf-header-footer \
        --print-to-pdf="$work/out/$name.pdf" "file://$work/src/$name.html" 2>/dev/null ;;
    libreoffice)
      soffice --headless --norestore -env:UserInstallation=file://$work/lo \
        --convert-to pdf:writer_pdf_Export --outdir "$work/out" "$work/src/$name.fodt" >/dev/null ;;
    groff)
      groff -Kutf8 -t -ms -Tps -dpaper=letter -P-pletter "$work/src/$name.ms" > "$work/$name.ps"
      ps2pdf -sPAPERSIZE=letter "$work/$name.ps" "$work/out/$name.pdf" ;;
    pdflatex)
      (cd "$work/src" && pdflatex -interaction=batchmode "$name.tex" >/dev/null && \
        pdflatex -interaction=batchmode "$name.tex" >/dev/null) || { echo "pdflatex failed: $name" >&2; exit 1; }
      mv "$work/src/$name.pdf" "$work/out/$name.pdf" ;;
    reportlab) ;;  # written by build.py
  esac
  [ -s "$work/out/$name.pdf" ] || { echo "no PDF for $name ($producer)" >&2; exit 1; }
done < "$work/src/manifest.txt"

# Scans: page 1 of five documents, rasterized, mildly skewed and noised,
# wrapped as image-only PDFs (gray JPEG via img2pdf, bilevel G4 via tiff2pdf).
scan() {  # SOURCE DPI SKEW KIND NAME
  pdftoppm -r "$2" -gray -f 1 -l 1 "$work/out/$1.pdf" "$work/raw"
  convert "$work"/raw-*.pgm -background white -rotate "$3" -flatten \
    -attenuate 0.2 +noise Gaussian -seed 11 "$work/page.pgm"
  rm -f "$work"/raw-*.pgm
  if [ "$4" = jpeg ]; then
    convert "$work/page.pgm" -quality 60 -density "$2" -units PixelsPerInch "$work/page.jpg"
    img2pdf -o "$work/out/$5.pdf" "$work/page.jpg"
  else
    convert "$work/page.pgm" -threshold 55% -type bilevel -compress Group4 \
      -density "$2" -units PixelsPerInch "$work/page.tif"
    tiff2pdf -o "$work/out/$5.pdf" "$work/page.tif"
  fi
  echo "$5 $1 $2" >> "$work/scans.txt"
}
: > "$work/scans.txt"
scan t01_detention_list_chromium 300 0.5 g4 s01_detention_list_scan_g4
scan f01_i589_reportlab 200 -0.4 jpeg s02_i589_scan_jpeg
scan d02_declaration_libreoffice 250 0.3 jpeg s03_declaration_scan_jpeg
scan l03_letter_groff 200 -0.6 g4 s04_letter_scan_g4
scan o01_order_pdflatex 200 0.4 jpeg s05_order_scan_jpeg

"$PY" "$src/finalize.py" "$work/out" "$work/src/manifest.txt" "$work/scans.txt" "$here"
ls -l "$here"/docs | tail -n +2 | wc -l
du -sh "$here/docs"
