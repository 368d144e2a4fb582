# Shared by the benchmark scripts (sourced, not run).
# make_docs DIR: DIR/doc100.pdf and DIR/doc1000.pdf built from the samples.
make_docs() {
  local work=$1 samples pool
  samples=("$top"/samples/*.pdf)
  pool=()
  for _ in $(seq 1 120); do pool+=("${samples[@]}"); done
  qpdf --empty --pages "${pool[@]}" -- "$work/pool.pdf"
  qpdf --empty --pages "$work/pool.pdf" 1-100 -- "$work/doc100.pdf"
  qpdf --empty --pages "$work/pool.pdf" 1-1000 -- "$work/doc1000.pdf"
}

# measure CMD...: prints "seconds peak_kib" of the fastest of $runs runs.
measure() {
  local best_s="" best_m="" s m
  for _ in $(seq 1 "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || {
      cat "$work/err" >&2; return 1; }
    read -r s m <"$work/time"
    if [ -z "$best_s" ] || awk "BEGIN{exit !($s < $best_s)}"; then best_s=$s; best_m=$m; fi
  done
  echo "$best_s $best_m"
}
