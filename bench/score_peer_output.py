#!/usr/bin/python3
"""What an output of bench/peers.sh still shows, read by pdftotext:

  score_peer_output.py TRUTH.json OUT.pdf

TRUTH.json is make_peer_inputs.py's: every identifier and every public
item (counsel, firms, judges, citations) the input holds, one entry per
occurrence. Prints "LEFT KEPT": how many identifier occurrences are still
readable, and how many public item occurrences stay (a string found as
often as the input holds it, or fewer times), each out of its total:
"3/1400 500/500". Strings are matched as whole words, whatever white
space is between them (lines wrap anywhere).
"""
import collections
import json
import re
import subprocess
import sys


def words(text):
    """Words split at white space, with the punctuation that ends a
    sentence or a clause taken off their ends ("Jotinas," "(BIA" "1985).")
    and without hyphens: a line may break at one ("Cardoza-" / "Fonseca"),
    and pdftotext joins some such breaks without it ("8246220")."""
    text = re.sub(r"-[ \t]*\n\s*", "", text)
    return [w.strip(".,;:").replace("-", "") for w in text.split()]


def occurrences(text_words, wanted):
    """For each distinct string, min(times it occurs as whole words in the
    text, times wanted)."""
    counts = collections.Counter(wanted)
    lengths = {len(words(s)) for s in counts}
    grams = collections.Counter()
    for k in lengths:
        grams.update(zip(*(text_words[i:] for i in range(k))))
    return sum(min(n, grams[tuple(words(s))]) for s, n in counts.items())


def main():
    truth_path, pdf = sys.argv[1:3]
    truth = json.load(open(truth_path, encoding="utf-8"))
    text = subprocess.run(["pdftotext", pdf, "-"], check=True, capture_output=True, text=True).stdout
    text_words = words(text)
    left = occurrences(text_words, truth["identifiers"])
    kept = occurrences(text_words, truth["public"])
    print(f"{left}/{len(truth['identifiers'])} {kept}/{len(truth['public'])}")


if __name__ == "__main__":
    main()
