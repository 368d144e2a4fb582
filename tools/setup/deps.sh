#!/usr/bin/env bash
# Installs the Debian 12 packages redact needs, only those missing (so a
# second run costs nothing). Usage: deps.sh [build|test|bench|fuzz]
#   build: compilers and libraries, python3 (man pages and completion are
#   made from the built help), dpkg-dev and file (`cpack -G DEB`), gettext
#   (msgfmt for the Spanish messages), cpp-httplib and pdf.js (the
#   review page of `review --serve`), poppler-data (run-time tables for
#   CJK fonts without /ToUnicode, pdf/cid_collections.h);
#   test: also GoogleTest, the oracle tools no one here wrote
#   (poppler-utils, qpdf, mupdf-tools, age; ghostscript draws text as
#   outlines for the vector-text tests), and what the install tests use
#   (man-db and bsdextrautils to render man pages, python3-yaml to check
#   the Kubernetes example; slurmctld, slurmd and munge for the private
#   one-node Slurm that runs the Slurm example), the es_ES.UTF-8 locale
#   (Spanish messages), python3-fitz (PyMuPDF edits review PDFs as a
#   viewer would), Chromium with its WebDriver and Selenium (the review
#   page's browser test), and DejaVu Sans (a real TrueType program the
#   font tests embed);
#   bench: also Google Benchmark, GNU time, hyperfine and python3-fitz
#   (PyMuPDF, for bench/pymupdf_pipeline.py);
#   fuzz: also clang and its libFuzzer runtime.
set -euo pipefail
level=${1:-build}
packages=(
  g++ cmake ninja-build pkg-config make
  libpodofo-dev libqpdf-dev libssl-dev libre2-dev libsodium-dev libfreetype-dev
  libtesseract-dev libleptonica-dev libjbig2dec0-dev tesseract-ocr-eng tesseract-ocr-spa
  libpoppler-cpp-dev
  libcli11-dev nlohmann-json3-dev libutf8proc-dev libtomlplusplus-dev libcsv-dev
  python3 dpkg-dev file gettext
  libcpp-httplib-dev libjs-pdf poppler-data
)
if [ "$level" = test ] || [ "$level" = bench ]; then
  packages+=(googletest libgtest-dev libgmock-dev zlib1g-dev poppler-utils qpdf mupdf-tools age tesseract-ocr
            man-db bsdextrautils python3-yaml locales fonts-dejavu-core python3-fitz
            chromium chromium-driver python3-selenium slurmctld slurmd munge)
fi
if [ "$level" = fuzz ]; then
  packages+=(clang libclang-rt-14-dev)
fi
if [ "$level" = bench ]; then
  # bench/peers.sh makes its inputs with LibreOffice, groff + ps2pdf, and
  # pdftoppm + ImageMagick + img2pdf for the scans.
  packages+=(libbenchmark-dev time hyperfine python3-fitz
            libreoffice-writer-nogui groff ghostscript imagemagick img2pdf)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "redact setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The Spanish messages' test runs under LANG=es_ES.UTF-8, which glibc only
# honours for a generated locale.
if [ "$level" = test ] && ! grep -qix 'es_ES\.utf-\?8' <<<"$(locale -a 2>/dev/null)"; then
  localedef -i es_ES -f UTF-8 es_ES.UTF-8
fi
