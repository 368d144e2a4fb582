#!/usr/bin/python3
"""What an output of bench/peers.sh still shows, read by pdftotext:

  score_peer_output.py TRUTH.json OUT.pdf

TRUTH.json is make_peer_inputs.py's: every identifier and every public
item (counsel, firms, judges, citations) the input holds, one entry per
occurrence. Prints "LEFT KEPT": how many identifier occurrences are still
readable, and how many public item occurrences stay (a string found as
often as the input holds it, or fewer times), each out of its total:
"3/1400 500/500". White space is read as one space (lines wrap anywhere).
"""
import collections
import json
import re
import subprocess
import sys


def occurrences(text, wanted):
    """For each distinct string, min(times in text, times wanted)."""
    found = 0
    for s, n in collections.Counter(wanted).items():
        pattern = r"(?<![\w])" + r"\s+".join(re.escape(w) for w in s.split()) + r"(?![\w])"
        found += min(n, len(re.findall(pattern, text)))
    return found


def main():
    truth_path, pdf = sys.argv[1:3]
    truth = json.load(open(truth_path, encoding="utf-8"))
    text = subprocess.run(["pdftotext", pdf, "-"], check=True, capture_output=True, text=True).stdout
    text = re.sub(r"\s+", " ", text)
    left = occurrences(text, truth["identifiers"])
    kept = occurrences(text, truth["public"])
    print(f"{left}/{len(truth['identifiers'])} {kept}/{len(truth['public'])}")


if __name__ == "__main__":
    main()
