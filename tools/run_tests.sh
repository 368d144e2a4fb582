#!/usr/bin/env bash
# The whole test suite: installs what it needs (test oracles included),
# builds, and runs every test with ctest.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/tools/setup/deps.sh" test
"$top/tools/setup/build.sh" -DREDACT_BUILD_TESTS=ON -DREDACT_BUILD_BENCH=OFF
ctest --test-dir "$top/build" --output-on-failure -j "$(nproc)"
