# Checks an installed redact under PREFIX (bin/redact, share/...), as a
# user of the install would meet it. Sourced by install_test.sh and
# deb_test.sh; `check_installed PREFIX SOURCE_DIR WORK_DIR [full]` fails
# (exit 1, saying what) at the first thing that is not as installed.
# Without `full`, runs the installed binary on one sample only.

fail() { echo "FAIL: $*" >&2; exit 1; }

check_installed() {
  local prefix=$1 src=$2 work=$3 depth=${4:-one}
  local redact=$prefix/bin/redact
  [ -x "$redact" ] || fail "no executable $redact"

  # --version: name, version, the libraries built with, and the rules it
  # found next to itself (not the source tree's).
  local version
  version=$(env -u REDACT_PATTERNS "$redact" --version) || fail "redact --version failed"
  grep -Eq '^redact [0-9]+\.[0-9]+\.[0-9]+$' <<<"$version" || fail "--version has no 'redact X.Y.Z' line: $version"
  for lib in PoDoFo qpdf Tesseract; do
    grep -Eq "^$lib [0-9]+\.[0-9]+" <<<"$version" || fail "--version does not name $lib: $version"
  done
  local rules used
  rules=$(cd "$prefix/share/redact/patterns" && pwd -P)
  used=$(sed -n 's/^rules //p' <<<"$version")
  [ "$(realpath -m "$used")" = "$rules" ] || fail "installed redact does not use its own rules ($rules): $version"

  # The installed binary on the samples, with the installed rules.
  local samples=("$src"/samples/*.pdf)
  [ "$depth" = full ] || samples=("$src/samples/order_libreoffice.pdf")
  env -u REDACT_PATTERNS "$redact" apply -q --names "$src/samples/names.csv" --policy "$src/samples/policy.toml" \
    --out "$work/out" "${samples[@]}" || fail "installed redact apply failed on the samples"
  for pdf in "${samples[@]}"; do
    [ -s "$work/out/$(basename "$pdf")" ] || fail "no output for $(basename "$pdf")"
  done
  # $REDACT_PATTERNS and --patterns override the installed rules: an empty
  # folder holds no rules, which is an error naming that folder.
  mkdir -p "$work/no-rules"
  local err
  err=$(REDACT_PATTERNS="$work/no-rules" "$redact" scan "${samples[0]}" 2>&1 >/dev/null) \
    && fail "REDACT_PATTERNS with no rules was accepted"
  grep -q "$work/no-rules" <<<"$err" || fail "REDACT_PATTERNS not used: $err"
  err=$("$redact" scan --patterns "$work/no-rules" "${samples[0]}" 2>&1 >/dev/null) \
    && fail "--patterns with no rules was accepted"
  grep -q "$work/no-rules" <<<"$err" || fail "--patterns not used: $err"

  # A man page per command, each rendering with its NAME section.
  local commands
  commands=$("$redact" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && NF {print $1}')
  [ -n "$commands" ] || fail "redact --help lists no commands"
  for page in redact $(sed 's/^/redact-/' <<<"$commands"); do
    local file=$prefix/share/man/man1/$page.1
    [ -f "$file" ] || [ -f "$file.gz" ] || fail "no man page $page.1"
    [ -f "$file" ] || file=$file.gz
    local text
    text=$(MANWIDTH=80 man -l "$file" 2>"$work/man.err" | col -bx) || fail "man -l $page.1 failed"
    grep -q "^NAME" <<<"$text" || fail "man page $page.1 has no NAME"
    grep -Eq "^ *$page +- " <<<"$text" || fail "man page $page.1 does not name $page"
    [ ! -s "$work/man.err" ] || fail "man -l $page.1 warned: $(cat "$work/man.err")"
  done

  # The Spanish messages, found beside the binary.
  [ -f "$prefix/share/locale/es/LC_MESSAGES/redact.mo" ] || fail "no Spanish messages"
  if grep -qix 'es_ES\.utf-\?8' <<<"$(locale -a 2>/dev/null)"; then
    local es
    es=$(env -u LC_ALL -u LANGUAGE LANG=es_ES.UTF-8 "$redact" --help)
    grep -q "^Códigos de salida:" <<<"$es" || fail "installed redact does not speak Spanish under LANG=es_ES.UTF-8"
  fi

  # Bash completion: the commands after `redact `, a command's flags after
  # `redact apply --`, an enum's values after `--mode`.
  local completion=$prefix/share/bash-completion/completions/redact
  [ -f "$completion" ] || fail "no bash completion"
  complete_words() {
    bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _redact; printf "%s\n" "${COMPREPLY[@]}"' \
      _ "$completion" "$@"
  }
  local words
  words=$(complete_words redact '')
  for c in $commands; do grep -qx "$c" <<<"$words" || fail "completion does not list $c: $words"; done
  # (captured first: grep -q stopping early would fail the pipe under pipefail)
  words=$(complete_words redact apply --ou)
  grep -qx -- --out <<<"$words" || fail "completion does not complete apply --out: $words"
  words=$(complete_words redact apply --mode '')
  grep -qx pseudonymize <<<"$words" || fail "completion does not offer --mode values: $words"
}
