#!/usr/bin/env bash
# The main job on the bundled samples: installs what it needs, builds,
# shows the findings, redacts every sample into samples-out/ and verifies
# each output against its original.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
out="$top/samples-out"
"$top/tools/setup/deps.sh" build
"$top/tools/setup/build.sh" --target redact
redact="$top/build/bin/redact"
detection=(--names "$top/samples/names.csv" --policy "$top/samples/policy.toml")

printf '==== findings (redact scan) ====\n'
"$redact" scan "${detection[@]}" "$top"/samples/*.pdf

printf '\n==== redacting into %s (redact apply) ====\n' "$out"
"$redact" apply "${detection[@]}" --out "$out" "$top"/samples/*.pdf

printf '\n==== checking every output (redact verify --original) ====\n'
status=0
for pdf in "$top"/samples/*.pdf; do
  "$redact" verify "${detection[@]}" --original "$pdf" "$out/$(basename "$pdf")" || status=$?
done
printf '\nRedacted PDFs and reports (no identifiers in them) are in %s\n' "$out"
exit $status
