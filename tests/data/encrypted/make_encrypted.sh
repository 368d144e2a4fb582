#!/usr/bin/env bash
# Regenerates the encrypted fixtures from samples/record_reportlab.pdf with
# qpdf. User password "s3cret", owner password "0wner"; owner_only.pdf has
# an empty user password (opens without one, as many e-filings do).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$here/../../../samples/record_reportlab.pdf
qpdf --allow-weak-crypto --encrypt s3cret 0wner 40 -- "$src" "$here/rc4_40.pdf"
qpdf --allow-weak-crypto --encrypt s3cret 0wner 128 --use-aes=n -- "$src" "$here/rc4_128.pdf"
qpdf --encrypt s3cret 0wner 128 --use-aes=y -- "$src" "$here/aesv2.pdf"
qpdf --encrypt s3cret 0wner 256 -- "$src" "$here/aesv3.pdf"
qpdf --encrypt "" 0wner 128 --use-aes=y -- "$src" "$here/owner_only.pdf"
