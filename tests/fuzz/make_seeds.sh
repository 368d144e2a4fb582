#!/usr/bin/env bash
# Regenerates the fuzzers' seed corpora in tests/fuzz/seeds/ from the
# samples: decoded content streams (content), ToUnicode and encoding CMaps
# (cmap), the rule files (rules), the names lists (names) and the C2SP age
# test kit's files without their headers (age). The font fuzzer's input is
# a recipe, not a file format, so it starts from a few byte patterns.
# Needs qpdf and python3. Usage: tests/fuzz/make_seeds.sh
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
seeds="$top/tests/fuzz/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"/{content,cmap,font,rules,names,age}
for pdf in "$top"/samples/*.pdf "$top"/samples/scans/*.pdf; do
  qpdf --json=2 --json-stream-data=inline --decode-level=generalized "$pdf" |
    python3 -c '
import base64, hashlib, json, sys
seeds, name = sys.argv[1], sys.argv[2]
doc = json.load(sys.stdin)
for key, obj in doc["qpdf"][1].items():
    stream = obj.get("stream") if isinstance(obj, dict) else None
    if not stream or "data" not in stream:
        continue
    data = base64.b64decode(stream["data"])
    if len(data) > 60000:
        continue
    if b"begincmap" in data:
        kind = "cmap"
    elif stream["dict"].get("/Subtype") in (None, "/Form") and (b" Tf" in data or b" Do" in data):
        kind = "content"
    else:
        continue
    digest = hashlib.sha1(data).hexdigest()[:12]
    with open(f"{seeds}/{kind}/{name}-{digest}", "wb") as f:
        f.write(data)
' "$seeds" "$(basename "$pdf" .pdf)"
done
cp "$top"/patterns/*.toml "$seeds/rules/"
cp "$top"/samples/names.csv "$seeds/names/samples.csv"
for f in "$top"/tests/data/detect/eval/*.csv; do
  [ -e "$f" ] && cp "$f" "$seeds/names/eval-$(basename "$f")"
done
kit="$top/tests/data/external/age-testkit"
if [ -d "$kit" ]; then
  for f in "$kit"/*; do
    grep -q '^compressed: zlib' "$f" && continue
    sed '1,/^$/d' "$f" > "$seeds/age/$(basename "$f")"
  done
fi
head -c 64 /dev/zero > "$seeds/font/zeros"
printf '\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10ABCDEFGHIJ' > "$seeds/font/counting"
printf '\xff%.0s' {1..64} > "$seeds/font/ones"
echo "seeds: $(find "$seeds" -type f | wc -l) files" >&2
