#!/usr/bin/env bash
# The main job on the bundled samples, end to end: installs what it needs,
# builds, makes a DEMO identity, shows the findings, redacts and
# pseudonymizes every sample into samples-out/ (PDFs, reports, sealed
# mappings), redacts the scanned samples with OCR (searchable outputs),
# verifies every redacted output against its original, and
# unseals the mappings as the last step.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
out="$top/samples-out"
"$top/tools/setup/deps.sh" build
"$top/tools/setup/build.sh" --target redact
redact="$top/build/bin/redact"
detection=(--names "$top/samples/names.csv" --policy "$top/samples/policy.toml")
rm -rf "$out"
mkdir -p "$out"

printf '==== a DEMO identity (for the bundled samples only; never for real data) ====\n'
recipient=$("$redact" keygen --demo -o "$out/DEMO-identity.key")
printf 'recipient: %s\nidentity:  %s (mode 0600)\n' "$recipient" "$out/DEMO-identity.key"

printf '\n==== findings (redact scan) ====\n'
"$redact" scan "${detection[@]}" "$top"/samples/*.pdf

printf '\n==== redacting into %s/redacted (redact apply) ====\n' "$out"
"$redact" apply "${detection[@]}" --recipient "$recipient" --out "$out/redacted" "$top"/samples/*.pdf

printf '\n==== pseudonymizing into %s/pseudonymized (redact apply --mode pseudonymize) ====\n' "$out"
"$redact" apply "${detection[@]}" --mode pseudonymize --recipient "$recipient" \
  --out "$out/pseudonymized" "$top"/samples/*.pdf

printf '\n==== scanned samples: OCR, pixels burned, searchable text layer (redact apply --ocr-layer) ====\n'
"$redact" apply "${detection[@]}" --ocr-layer --recipient "$recipient" --out "$out/scans" \
  "$top"/samples/scans/*.pdf

printf '\n==== checking every redacted output (redact verify --original) ====\n'
status=0
for pdf in "$top"/samples/*.pdf; do
  "$redact" verify "${detection[@]}" --original "$pdf" "$out/redacted/$(basename "$pdf")" || status=$?
done
for pdf in "$top"/samples/scans/*.pdf; do
  "$redact" verify "${detection[@]}" --original "$pdf" "$out/scans/$(basename "$pdf")" || status=$?
done

printf '\n==== the sealed mappings, opened with the demo identity (redact unseal) ====\n'
"$redact" unseal -i "$out/DEMO-identity.key" --format csv \
  "$out/redacted/mapping.age" "$out/pseudonymized/mapping.age" "$out/scans/mapping.age"

printf '\nOutputs in %s: redacted/, pseudonymized/ and scans/ hold PDFs, reports (no identifiers)\n' "$out"
printf 'and mapping.age (sealed; also opens with: age -d -i %s FILE).\n' "$out/DEMO-identity.key"
exit $status
