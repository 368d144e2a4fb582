#!/usr/bin/env bash
# A bulk job: 500 documents — typed samples, scanned samples (OCR) and a few
# damaged files from outside — run with 1 and 2 workers: documents/s,
# pages/s, the speedup, the peak RSS of the largest process (a worker), and
# the cost of process isolation: `redact run --jobs 1` against one
# `redact apply` process doing the same typed documents in turn.
# Usage: bench/run_bench.sh [DOCUMENTS]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
count=${1:-500}
runs=1
"$top/tools/setup/deps.sh" bench
"$top/tools/setup/build.sh" --target redact >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$top/bench/lib.sh"
redact="$top/build/bin/redact"

# The inputs: 1 in 12 a scan, 1 in 50 damaged, the rest typed, in folders
# of 50.
typed=("$top"/samples/*.pdf)
scans=("$top"/samples/scans/*.pdf)
mapfile -t damaged < <(find "$top/tests/data/external/qpdf-damaged" -name '*.pdf' | sort | head -20)
mkdir -p "$work/in" "$work/typed"
for i in $(seq 1 "$count"); do
  folder="$work/in/box-$(( i / 50 ))"
  mkdir -p "$folder"
  if (( i % 50 == 0 )); then src=${damaged[$(( i / 50 % ${#damaged[@]} ))]}
  elif (( i % 12 == 0 )); then src=${scans[$(( i / 12 % ${#scans[@]} ))]}
  else src=${typed[$(( i % ${#typed[@]} ))]}; cp "$src" "$work/typed/doc-$i.pdf"; fi
  cp "$src" "$folder/doc-$i.pdf"
done
pages=0
for f in "$work"/in/*/*.pdf; do
  n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/{print $2}') || n=0
  pages=$(( pages + ${n:-0} ))
done
names=(--names "$top/samples/names.csv")

printf '%d documents (%d typed, scans 1 in 12, damaged 1 in 50), %d pages, %d cores\n' \
  "$count" "$(ls "$work/typed" | wc -l)" "$pages" "$(getconf _NPROCESSORS_ONLN)"
printf '%-44s %9s %8s %8s %10s\n' run seconds docs/s pages/s "peak MiB"
row() { awk -v t="$1" -v s="$2" -v m="$3" -v d="$4" -v p="$5" \
  'BEGIN{printf "%-44s %9.2f %8.1f %8.1f %10.1f\n", t, s, d/s, p/s, m/1024}'; }
for jobs in 1 2; do
  rm -rf "$work/out"
  # Exit 6 (the damaged files failed) is the expected outcome.
  read -r s m < <(measure bash -c '"$@" || [ $? -eq 6 ]' _ "$redact" run --jobs "$jobs" --progress none \
    "${names[@]}" --out "$work/out" "$work/in")
  row "redact run --jobs $jobs" "$s" "$m" "$count" "$pages"
  eval "s$jobs=$s"
done
awk -v a="$s1" -v b="$s2" 'BEGIN{printf "2-worker speedup: %.2fx\n", a/b}'
ntyped=$(ls "$work/typed" | wc -l)
rm -rf "$work/out"
read -r si mi < <(measure "$redact" run --jobs 1 --progress none "${names[@]}" --out "$work/out" "$work/typed")
rm -rf "$work/out"
read -r sp mp < <(measure "$redact" apply "${names[@]}" --out "$work/out" "$work/typed"/*.pdf)
row "typed only: redact run --jobs 1 (isolated)" "$si" "$mi" "$ntyped" "$ntyped"
row "typed only: one redact apply process" "$sp" "$mp" "$ntyped" "$ntyped"
awk -v a="$si" -v b="$sp" -v n="$ntyped" \
  'BEGIN{printf "process isolation: %.1f ms per document (%.2fx)\n", (a-b)*1000/n, a/b}'
