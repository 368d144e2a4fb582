#!/usr/bin/env bash
# redact apply on a 100-page and a 1000-page document built from the
# samples, against `qpdf in.pdf out.pdf` (a plain rewrite) on the same files
# in the same run: seconds, pages/s, the ratio, and peak memory.
# Usage: bench/apply_bench.sh [RUNS]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
"$top/tools/setup/deps.sh" bench
"$top/tools/setup/build.sh" --target redact >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$top/bench/lib.sh"
make_docs "$work"


printf '%-11s %10s %9s %9s %10s %10s %9s\n' doc "redact s" "pages/s" "peak MiB" "qpdf s" "qpdf MiB" ratio
for n in 100 1000; do
  read -r rs rm < <(measure "$top/build/bin/redact" apply --names "$top/samples/names.csv" \
      --policy "$top/samples/policy.toml" --out "$work/out" "$work/doc$n.pdf")
  read -r qs qm < <(measure qpdf "$work/doc$n.pdf" "$work/qpdf$n.pdf")
  awk -v n="$n" -v rs="$rs" -v rm="$rm" -v qs="$qs" -v qm="$qm" 'BEGIN{
    printf "%-11s %10.2f %9.1f %9.1f %10.2f %10.1f %9.2f\n", n" pages", rs, (rs>0?n/rs:0), rm/1024,
      qs, qm/1024, (qs>0?rs/qs:0)}'
done
