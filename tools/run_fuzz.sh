#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in build-fuzz/,
# replays every kept crash input in tests/fuzz/regressions/, then runs each
# target for FUZZ_SECONDS (default 60) from its seed corpus. Fails on any
# crash, leak, timeout or out-of-memory; the input is left in
# build-fuzz/artifacts/ — fix the bug, then keep the input under
# tests/fuzz/regressions/<target>/.
# Usage: tools/run_fuzz.sh [target…]   (default: all six)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/tools/setup/deps.sh" fuzz
build="$top/build-fuzz"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(content cmap font rules names age)
CC=clang CXX=clang++ cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DREDACT_BUILD_FUZZ=ON -DREDACT_BUILD_TESTS=OFF -DREDACT_BUILD_BENCH=OFF >/dev/null
ninja -C "$build" "${targets[@]/#/fuzz_}"
export ASAN_OPTIONS=abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
seconds=${FUZZ_SECONDS:-60}
mkdir -p "$build/artifacts"
status=0
for t in "${targets[@]}"; do
  bin="$build/bin/fuzz_$t"
  regressions="$top/tests/fuzz/regressions/$t"
  if [ -d "$regressions" ]; then
    echo "== fuzz_$t: replaying $(ls "$regressions" | wc -l) kept crash inputs"
    "$bin" -runs=1 "$regressions"/* >"$build/fuzz_$t.replay.log" 2>&1 || {
      echo "fuzz_$t: a kept crash input fails again; see $build/fuzz_$t.replay.log" >&2
      tail -40 "$build/fuzz_$t.replay.log" >&2
      status=1
      continue
    }
  fi
  corpus="$build/corpus/$t"
  mkdir -p "$corpus"
  dict=()
  [ -f "$top/tests/fuzz/$t.dict" ] && dict=(-dict="$top/tests/fuzz/$t.dict")
  echo "== fuzz_$t: ${seconds}s"
  if ! "$bin" "$corpus" "$top/tests/fuzz/seeds/$t" -max_total_time="$seconds" -timeout=20 \
      -rss_limit_mb=3072 -max_len=65536 -print_final_stats=1 "${dict[@]}" \
      -artifact_prefix="$build/artifacts/$t-" >"$build/fuzz_$t.log" 2>&1; then
    echo "fuzz_$t FAILED; input kept in $build/artifacts/, log $build/fuzz_$t.log" >&2
    grep -E "ERROR|SUMMARY|#[0-9]+ 0x" "$build/fuzz_$t.log" | head -30 >&2
    status=1
    continue
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$build/fuzz_$t.log" | tr '\n' ' '
  echo
done
exit $status
