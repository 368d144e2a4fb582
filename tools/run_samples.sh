#!/usr/bin/env bash
# The main job on the bundled samples: installs what it needs, builds, and
# extracts the glyph-accurate text of every sample PDF.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/tools/setup/deps.sh" build
"$top/tools/setup/build.sh" -DREDACT_BUILD_TESTS=OFF -DREDACT_BUILD_BENCH=OFF
for pdf in "$top"/samples/*.pdf; do
  printf '==== %s ====\n' "${pdf#$top/}"
  "$top/build/bin/redact" extract "$pdf"
done
printf '==== findings (redact scan) ====\n'
"$top/build/bin/redact" scan --names "$top/samples/names.csv" \
  --policy "$top/samples/policy.toml" "$top"/samples/*.pdf
