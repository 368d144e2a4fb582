#!/usr/bin/env bash
# redact against its peers on the same generated inputs, in one run:
#   text PDFs (PAGES pages, ~14 identifiers a page, from LibreOffice and from
#   groff + ps2pdf), with a 1k and a 100k `first,last` names list:
#     redact apply --no-verify, redact apply (self-check on), the PyMuPDF
#     pipeline a user would script (bench/pymupdf_pipeline.py), and the
#     floors `qpdf in out` and `pdftotext in out`;
#   scans (SCANS pages, 300 dpi gray, from the LibreOffice file):
#     redact apply, and the Tesseract floor (eng+spa, two processes over
#     the page images).
# Times are hyperfine means; peak RSS is GNU time's %M of one more run.
# Prints a table and the ratios the performance issue sets goals on:
# redact / PyMuPDF, redact / (pdftotext + qpdf), redact / tesseract; and
# what each text output still shows to pdftotext (score_peer_output.py):
# identifiers left, and public items (counsel, firms, judges, citations)
# kept, out of what the input holds.
#
# Usage: bench/peers.sh            (PAGES="100 1000", SCANS="5 20", RUNS=3)
#   PAGES="100" SCANS="5" RUNS=2 bench/peers.sh     a quicker run
#   WORK=DIR bench/peers.sh        keep inputs in DIR and reuse them
#   REDACT=path/to/redact          time another build (before/after)
# Inputs are invented (bench/make_peer_inputs.py); nothing here is anyone's.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
PAGES=${PAGES:-"100 1000"}
SCANS=${SCANS:-"5 20"}
RUNS=${RUNS:-3}
PY=/usr/bin/python3  # Debian's python3, where python3-fitz lives
"$top/tools/setup/deps.sh" bench
for tool in soffice groff ps2pdf pdftoppm convert img2pdf tesseract; do
  command -v "$tool" >/dev/null || { echo "peers.sh: needs $tool" >&2; exit 1; }
done
if [ -z "${REDACT:-}" ]; then
  "$top/tools/setup/build.sh" --target redact >/dev/null
  REDACT=$top/build/bin/redact
fi
# A binary outside the build tree finds the rules through REDACT_PATTERNS.
export REDACT_PATTERNS=${REDACT_PATTERNS:-$top/patterns}
work=${WORK:-$(mktemp -d)}
[ -n "${WORK:-}" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work/out"
# The compiled names index goes to a cache of this run's own.
export REDACT_NAMES_CACHE=$work/names-cache

make_inputs() {  # PAGES
  local n=$1 dir=$work/src$1
  [ -s "$work/doc${n}_lo.pdf" ] && [ -s "$work/doc${n}_groff.pdf" ] && [ -s "$dir/truth.json" ] && return
  "$PY" "$top/bench/make_peer_inputs.py" "$dir" "$n"
  cp -n "$dir"/names_1k.csv "$dir"/names_100k.csv "$work/"
  soffice --headless --norestore -env:UserInstallation=file://$work/lo \
    --convert-to pdf --outdir "$dir" "$dir/doc.txt" >/dev/null 2>&1
  mv "$dir/doc.pdf" "$work/doc${n}_lo.pdf"
  groff -Kutf8 -ms -Tps -dpaper=letter -P-pletter "$dir/doc.ms" >"$dir/doc.ps"
  ps2pdf -sPAPERSIZE=letter "$dir/doc.ps" "$work/doc${n}_groff.pdf"
}

make_scan() {  # PAGES: the first pages of the 100-page LibreOffice file
  local n=$1
  [ -s "$work/scan$n.pdf" ] && return
  mkdir -p "$work/scan$n"
  pdftoppm -r 300 -gray -f 1 -l "$n" "$work/doc100_lo.pdf" "$work/scan$n/p"  # PGM: -png would be RGB
  for pgm in "$work/scan$n"/p-*.pgm; do convert "$pgm" -units PixelsPerInch -density 300 "${pgm%.pgm}.png"; done
  rm -f "$work/scan$n"/p-*.pgm
  img2pdf -o "$work/scan$n.pdf" "$work/scan$n"/p-*.png
}

# time_cmd NAME CMD...: "mean_s peak_kib" (hyperfine mean of $RUNS runs).
time_cmd() {
  local name=$1; shift
  hyperfine --runs "$RUNS" --warmup 1 --style none --export-json "$work/$name.json" \
    "$(printf '%q ' "$@")" >/dev/null 2>&1 || {
    # Say why (hyperfine stops at the first run that exits non-zero and
    # shows nothing of it): run it once more and keep its stderr.
    local rc=0
    "$@" >/dev/null 2>"$work/$name.err" || rc=$?
    echo "peers.sh: $name failed (a run exited non-zero; once more: exit $rc): $*" >&2
    tail -n 5 "$work/$name.err" | sed 's/^/  /' >&2
    echo "nan nan"
    return
  }
  /usr/bin/time -f "%M" -o "$work/$name.rss" "$@" >/dev/null 2>&1 || true
  "$PY" -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['mean'])" "$work/$name.json" |
    tr '\n' ' '
  cat "$work/$name.rss"
}

make_inputs 100
for n in $PAGES; do make_inputs "$n"; done
for n in $SCANS; do make_scan "$n"; done

# What a names list costs every process that opens it: `redact scan` of a
# one-page file with the list, less the same without it.
qpdf --empty --pages "$work/doc100_lo.pdf" 1 -- "$work/page1.pdf"
for list in 1k 100k; do "$REDACT" names compile "$work/names_$list.csv" >/dev/null 2>&1 || true; done
hyperfine --runs $((RUNS * 3)) --warmup 1 --style none --export-json "$work/names_cost.json" \
  "$REDACT scan -q $work/page1.pdf" "$REDACT scan -q --names $work/names_1k.csv $work/page1.pdf" \
  "$REDACT scan -q --names $work/names_100k.csv $work/page1.pdf" >/dev/null 2>&1
"$PY" - "$work/names_cost.json" <<'PYEOF'
import json, sys
r = [x["mean"] for x in json.load(open(sys.argv[1]))["results"]]
print("| names list cost per process (scan of 1 page, less without a list) | seconds |")
print("|---|---:|")
print(f"| 1k names | {r[1] - r[0]:.3f} |")
print(f"| 100k names | {r[2] - r[0]:.3f} |")
print()
PYEOF

row() {  # label seconds kib
  awk -v l="$1" -v s="$2" -v m="$3" 'BEGIN{printf "| %-44s | %8.3f | %8.1f |\n", l, s, m/1024}'
}
echo "| command | seconds | peak MiB |"
echo "|---|---:|---:|"
ratios=() scan_ratios=() quality=()
score() {  # PAGES OUT.pdf: "left/identifiers kept/public"
  "$PY" "$top/bench/score_peer_output.py" "$work/src$1/truth.json" "$2" 2>/dev/null || echo "? ?"
}
for n in $PAGES; do
  for producer in lo groff; do
    doc=$work/doc${n}_${producer}.pdf
    read -r qs qm < <(time_cmd "qpdf$n$producer" qpdf "$doc" "$work/out/q.pdf")
    read -r ts tm < <(time_cmd "pdftotext$n$producer" pdftotext "$doc" "$work/out/t.txt")
    row "$n p $producer: qpdf in out" "$qs" "$qm"
    row "$n p $producer: pdftotext" "$ts" "$tm"
    for list in 1k 100k; do
      names=$work/names_$list.csv
      "$REDACT" names compile "$names" >/dev/null 2>&1 || true  # absent before issue 19
      read -r ns nm < <(time_cmd "nv$n$producer$list" "$REDACT" apply -q --names "$names" --no-verify \
        --out "$work/out" "$doc")
      read -r vs vm < <(time_cmd "v$n$producer$list" "$REDACT" apply -q --names "$names" --out "$work/out" "$doc")
      read -r ps pm < <(time_cmd "pm$n$producer$list" "$PY" "$top/bench/pymupdf_pipeline.py" "$names" "$doc" \
        "$work/out/pm.pdf")
      read -r rl rk < <(score "$n" "$work/out/doc${n}_${producer}.pdf")
      read -r pl pk < <(score "$n" "$work/out/pm.pdf")
      quality+=("| $n p $producer, $list | $rl | $rk | $pl | $pk |")
      row "$n p $producer, $list names: redact --no-verify" "$ns" "$nm"
      row "$n p $producer, $list names: redact (verify)" "$vs" "$vm"
      row "$n p $producer, $list names: PyMuPDF pipeline" "$ps" "$pm"
      ratios+=("$(awk -v l="$n p $producer, $list" -v n="$ns" -v v="$vs" -v p="$ps" -v q="$qs" -v t="$ts" 'BEGIN{
        printf "| %-22s | %6.2f | %6.2f | %6.2f | %6.2f |", l, n/p, v/p, n/(q+t), v/(q+t)}')")
    done
  done
done
for n in $SCANS; do
  scan=$work/scan$n.pdf
  read -r rs rm < <(time_cmd "scan$n" "$REDACT" apply -q --names "$work/names_1k.csv" --no-verify --out "$work/out" "$scan")
  read -r vs vm < <(time_cmd "scanv$n" "$REDACT" apply -q --names "$work/names_1k.csv" --out "$work/out" "$scan")
  read -r es em < <(time_cmd "tess$n" sh -c "ls '$work/scan$n'/p-*.png | OMP_THREAD_LIMIT=1 xargs -P 2 -I{} \
    tesseract {} - -l eng+spa >/dev/null 2>&1")
  row "scan $n p: redact --no-verify" "$rs" "$rm"
  row "scan $n p: redact (verify)" "$vs" "$vm"
  row "scan $n p: tesseract eng+spa, 2 processes" "$es" "$em"
  scan_ratios+=("$(awk -v l="scan $n p" -v r="$rs" -v v="$vs" -v e="$es" 'BEGIN{
    printf "| %-12s | %6.2f | %6.2f |", l, r/e, v/e}')")
done
echo
echo "| input | --no-verify / PyMuPDF | verify / PyMuPDF | --no-verify / (qpdf+pdftotext) | verify / (qpdf+pdftotext) |"
echo "|---|---:|---:|---:|---:|"
printf '%s\n' "${ratios[@]}"
echo
echo "| input, names | redact: identifiers left | redact: public kept | PyMuPDF: identifiers left | PyMuPDF: public kept |"
echo "|---|---:|---:|---:|---:|"
printf '%s\n' "${quality[@]}"
if [ ${#scan_ratios[@]} -gt 0 ]; then
  echo
  echo "| scans | --no-verify / tesseract | verify / tesseract |"
  echo "|---|---:|---:|"
  printf '%s\n' "${scan_ratios[@]}"
fi
