#!/usr/bin/env bash
# Extraction speed and peak memory on a 100-page and a 1000-page document
# built from the samples (qpdf), against `pdftotext -bbox` on the same files
# in the same run. Best of N runs; peak RSS from GNU time.
# Usage: bench/extract_bench.sh [RUNS]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
"$top/tools/setup/deps.sh" bench
"$top/tools/setup/build.sh" --target redact >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

samples=("$top"/samples/*.pdf)
pool=()
for _ in $(seq 1 120); do pool+=("${samples[@]}"); done
qpdf --empty --pages "${pool[@]}" -- "$work/pool.pdf"
qpdf --empty --pages "$work/pool.pdf" 1-100 -- "$work/doc100.pdf"
qpdf --empty --pages "$work/pool.pdf" 1-1000 -- "$work/doc1000.pdf"

# Prints "seconds peak_kib" of the best (fastest) run.
measure() {
  local best_s="" best_m=""
  for _ in $(seq 1 "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || {
      cat "$work/err" >&2; return 1; }
    read -r s m <"$work/time"
    if [ -z "$best_s" ] || awk "BEGIN{exit !($s < $best_s)}"; then best_s=$s; best_m=$m; fi
  done
  echo "$best_s $best_m"
}

printf '%-10s %-30s %8s %10s %12s\n' doc tool seconds pages/s "peak MiB"
for n in 100 1000; do
  doc="$work/doc$n.pdf"
  for tool in "redact extract --format json" "redact extract (text)" "pdftotext -bbox"; do
    case $tool in
      "redact extract --format json") cmd=("$top/build/bin/redact" extract --format json "$doc") ;;
      "redact extract (text)") cmd=("$top/build/bin/redact" extract "$doc") ;;
      *) cmd=(pdftotext -bbox "$doc" -) ;;
    esac
    read -r s m < <(measure "${cmd[@]}")
    awk -v n="$n" -v s="$s" -v m="$m" -v t="$tool" \
      'BEGIN{printf "%-10s %-30s %8.2f %10.1f %12.1f\n", n" pages", t, s, (s>0? n/s : 0), m/1024}'
  done
done
