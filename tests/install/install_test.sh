#!/usr/bin/env bash
# Install.Prefix: `cmake --install BUILD --prefix TMP` and the installed
# redact run from there on every sample, its man pages and completion
# (check_installed.sh). Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd) src=$(cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/check_installed.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/redact-install-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null || fail "cmake --install failed"
for f in bin/redact share/redact/patterns/identifiers.toml share/man/man1/redact.1 \
         share/bash-completion/completions/redact; do
  [ -e "$work/prefix/$f" ] || fail "not installed: $f"
done
check_installed "$work/prefix" "$src" "$work" full
# Moved elsewhere, the install still finds its own rules (nothing compiled in).
mv "$work/prefix" "$work/moved"
moved=$("$work/moved/bin/redact" --version)
grep -qx "rules $work/moved/share/redact/patterns" <<<"$moved" || fail "a moved install does not find its rules: $moved"
echo "Install.Prefix: ok"
