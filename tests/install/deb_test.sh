#!/usr/bin/env bash
# Install.Deb: builds the .deb with CPack (dependencies from
# dpkg-shlibdeps), checks what it declares, extracts it with `dpkg -x` into
# a temporary root and runs the extracted redact (--version, one sample,
# man pages, completion). Usage: deb_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd) src=$(cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/check_installed.sh"
command -v dpkg-shlibdeps >/dev/null || fail "dpkg-shlibdeps is not on PATH (Debian package: dpkg-dev)"
work=$(mktemp -d "${TMPDIR:-/tmp}/redact-deb-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/pkg" >"$work/cpack.log" 2>&1) \
  || fail "cpack failed: $(tail -20 "$work/cpack.log")"
deb=$(ls "$work"/pkg/redact_*.deb)
depends=$(dpkg-deb -f "$deb" Depends)
for needed in libpodofo libqpdf libtesseract libsodium libpoppler-cpp tesseract-ocr-eng tesseract-ocr-spa poppler-data; do
  grep -q "$needed" <<<"$depends" || fail ".deb does not depend on $needed: $depends"
done
grep -q libjs-pdf <<<"$(dpkg-deb -f "$deb" Recommends)" || fail ".deb does not recommend libjs-pdf (review --serve)"
[ "$(dpkg-deb -f "$deb" Architecture)" = "$(dpkg --print-architecture)" ] || fail "wrong architecture"
contents=$(dpkg-deb -c "$deb")
grep -q ' ./usr/bin/redact$' <<<"$contents" || fail ".deb has no /usr/bin/redact"
dpkg -x "$deb" "$work/root"
check_installed "$work/root/usr" "$src" "$work" one
echo "Install.Deb: ok ($(basename "$deb"))"
