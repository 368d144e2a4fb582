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

source "$top/bench/lib.sh"
make_docs "$work"


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
