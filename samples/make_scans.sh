#!/usr/bin/env bash
# Regenerates the scanned samples in samples/scans/ from the text samples:
# each page is rasterized (pdftoppm), given a mild skew and noise
# (ImageMagick), and wrapped as an image-only PDF the way scanning software
# does — JPEG with img2pdf, bilevel CCITT G4 with tiff2pdf — plus one mixed
# document (a text page and a scanned page, joined by qpdf). Needs (Debian
# 12): poppler-utils imagemagick img2pdf libtiff-tools qpdf.
# The values on these pages are the text samples' (all invented), so what a
# scan must yield is known: tests compare the two.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$here/scans
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1700000000

# rasterize SAMPLE DPI SKEW_DEGREES → $work/page.pgm, skewed with noise
rasterize() {
  pdftoppm -r "$2" -gray -f 1 -l 1 "$here/$1" "$work/raw"
  convert "$work"/raw-*.pgm -background white -rotate "$3" -flatten \
    -attenuate 0.25 +noise Gaussian -seed 7 "$work/page.pgm"
  rm -f "$work"/raw-*.pgm
}

# jpeg_scan SAMPLE DPI SKEW NAME: gray JPEG, img2pdf
jpeg_scan() {
  rasterize "$1" "$2" "$3"
  convert "$work/page.pgm" -quality 70 -density "$2" -units PixelsPerInch "$work/page.jpg"
  img2pdf -o "$out/$4" "$work/page.jpg"
}

# g4_scan SAMPLE DPI SKEW NAME: bilevel CCITT G4 TIFF, tiff2pdf
g4_scan() {
  rasterize "$1" "$2" "$3"
  convert "$work/page.pgm" -threshold 55% -type bilevel -compress Group4 \
    -density "$2" -units PixelsPerInch "$work/page.tif"
  tiff2pdf -o "$out/$4" "$work/page.tif"
}

jpeg_scan order_libreoffice.pdf 200 -0.4 order_jpeg_200dpi.pdf
g4_scan class_list_chromium.pdf 300 0.6 class_list_g4_300dpi.pdf
jpeg_scan declaracion_pdflatex.pdf 300 0.3 declaracion_jpeg_300dpi.pdf
g4_scan notice_ghostscript.pdf 200 -0.5 notice_g4_200dpi.pdf
g4_scan motion_pdflatex_cm.pdf 300 0.4 motion_g4_300dpi.pdf

# Mixed: the typed order, then a faxed-in scan of the class list.
qpdf --empty --pages "$here/order_libreoffice.pdf" 1 "$out/class_list_g4_300dpi.pdf" 1 -- \
  "$out/mixed_order_and_scan.pdf"
