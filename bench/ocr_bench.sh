#!/usr/bin/env bash
# OCR speed against Tesseract itself, and the speedup of page workers.
# A 20-page 300-dpi scan (gray JPEG pages, img2pdf) is made from the text
# samples' pages. In the same run:
#   tesseract CLI on the 20 page images (the floor: same languages, page
#     segmentation and resolution as redact uses), in one process over a
#     list of the images, and in a process per page;
#   redact extract --jobs 1 and --jobs 2 on the PDF (decode, OCR, assemble);
#   redact apply --jobs 2 (OCR, detect, burn, write).
# Prints seconds per page, the ratio to tesseract, the 2-worker speedup and
# peak RSS. Best of RUNS (default 1: a run takes minutes).
# Usage: bench/ocr_bench.sh [RUNS] [PAGES]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-1}
pages=${2:-20}
"$top/tools/setup/deps.sh" bench
for p in img2pdf; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$p" >/dev/null
done
"$top/tools/setup/build.sh" --target redact >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$top/bench/lib.sh"
export OMP_THREAD_LIMIT=1

# The page images: every page of every text sample, in turn, at 300 dpi.
sources=()
for f in "$top"/samples/*.pdf; do
  n=$(pdfinfo "$f" | awk '/^Pages:/{print $2}')
  for i in $(seq 1 "$n"); do sources+=("$f:$i"); done
done
images=()
for k in $(seq 1 "$pages"); do
  src=${sources[$(( (k - 1) % ${#sources[@]} ))]}
  pdftoppm -r 300 -gray -jpeg -jpegopt quality=80 -f "${src##*:}" -l "${src##*:}" -singlefile \
    "${src%:*}" "$work/page$k"
  images+=("$work/page$k.jpg")
done
img2pdf -o "$work/scan.pdf" "${images[@]}"

# Tesseract's floor: one process reading the list of page images (models
# loaded once, as redact loads them once), and one process per page.
printf '%s\n' "${images[@]}" >"$work/list.txt"
read -r t_s t_m < <(measure tesseract "$work/list.txt" "$work/tess" -l eng+spa --psm 11 --dpi 300)
read -r tp_s tp_m < <(measure bash -c 'for im in "$@"; do tesseract "$im" - -l eng+spa --psm 11 --dpi 300 >/dev/null 2>&1; done' _ "${images[@]}")
read -r j1_s j1_m < <(measure "$top/build/bin/redact" extract --jobs 1 "$work/scan.pdf")
read -r j2_s j2_m < <(measure "$top/build/bin/redact" extract --jobs 2 "$work/scan.pdf")
read -r a_s a_m < <(measure "$top/build/bin/redact" apply --jobs 2 --names "$top/samples/names.csv" \
  --out "$work/out" "$work/scan.pdf")

printf '%d pages, 300 dpi, %d cores\n' "$pages" "$(getconf _NPROCESSORS_ONLN)"
printf '%-36s %9s %10s %9s %10s\n' run seconds s/page "vs tess" "peak MiB"
row() { awk -v t="$1" -v s="$2" -v m="$3" -v n="$pages" -v b="$t_s" \
  'BEGIN{printf "%-36s %9.2f %10.3f %9.2f %10.1f\n", t, s, s/n, s/b, m/1024}'; }
row "tesseract CLI, one process" "$t_s" "$t_m"
row "tesseract CLI, a process per page" "$tp_s" "$tp_m"
row "redact extract --jobs 1" "$j1_s" "$j1_m"
row "redact extract --jobs 2" "$j2_s" "$j2_m"
row "redact apply --jobs 2 (OCR+burn+write)" "$a_s" "$a_m"
awk -v a="$j1_s" -v b="$j2_s" 'BEGIN{printf "2-worker speedup: %.2fx\n", a/b}'
