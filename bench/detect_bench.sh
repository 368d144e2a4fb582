#!/usr/bin/env bash
# Detection throughput and names-list build time (Google Benchmark), plus
# the peak memory of building a 100k-name index.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/tools/setup/deps.sh" bench
"$top/tools/setup/build.sh" -DREDACT_BUILD_BENCH=ON >/dev/null
"$top/build/bin/redact_detect_bench" --benchmark_repetitions=1 "$@"
