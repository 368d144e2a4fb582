#!/usr/bin/env bash
# Configures and builds redact into build/ (binary: build/bin/redact).
# Usage: build.sh [--target NAME] [cmake -D options...]
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
target=()
if [ "${1:-}" = "--target" ]; then target=(--target "$2"); shift 2; fi
# ccache, where installed, makes rebuilds cheap; nothing needs it.
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S "$top" -B "$top/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" "$@" >/dev/null
cmake --build "$top/build" -j "$(nproc)" "${target[@]}"
