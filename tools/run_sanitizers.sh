#!/usr/bin/env bash
# The whole test suite built with AddressSanitizer and UndefinedBehavior-
# Sanitizer (gcc), in build-asan/. Installs what the tests need first.
# - vptr checks are off: PoDoFo's shared library does not export the
#   typeinfo they need, so they cannot link;
# - leak checks are off: Tesseract and PoDoFo keep caches until exit;
# - under ASan, job workers run without an address-space limit (the
#   sanitizer's shadow memory would exceed it), and the one test that
#   relies on that limit is skipped;
# - the deploy (Slurm) and review-page (browser) tests are left out here:
#   they drive the same redact code paths as the end-to-end tests through
#   Slurm, Python and Chromium, and run in the main suite (run_tests.sh).
#   CI's 90 minutes are better spent elsewhere.
# Usage: tools/run_sanitizers.sh
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/tools/setup/deps.sh" test
flags="-fsanitize=address,undefined -fno-sanitize=vptr -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
cmake -S "$top" -B "$top/build-asan" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREDACT_BUILD_BENCH=OFF \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
ninja -C "$top/build-asan"
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$top/build-asan" -j2 --output-on-failure --label-exclude "^(deploy|review_page)$"
