#!/usr/bin/python3
"""The redaction pipeline a user would otherwise script, on PyMuPDF
(Debian's python3-fitz), for bench/peers.sh to time against redact.

  pymupdf_pipeline.py NAMES.csv IN.pdf OUT.pdf

Reads a `first,last` names list into a set of lower-case "first last"
pairs; per page: extracts the words, matches every pair of neighbouring
words against the set and A-numbers, dates of birth and phone numbers
with regular expressions, finds each hit on the page (`search_for`), marks
it (`add_redact_annot`) and applies the redactions; then saves with
`garbage=4` and deflate. Prints the number of hits on stderr.

Debian 12's binding (PyMuPDF 1.21.1 built with SWIG 4.1) loses its proxy
classes after a few pages of `add_redact_annot` ("'SwigPyObject' object has
no attribute 'thisown'", upstream issue 2328), so the page calls go through
the methods those wrappers call (`_add_redact_annot`, `_apply_redactions`),
with the same arguments: the same MuPDF work, without the Python wrappers.
"""
import csv
import re
import sys

import fitz  # python3-fitz

PATTERNS = re.compile(r"\bA-?\d{3}-?\d{3}-?\d{3}\b|\b\d{2}/\d{2}/\d{4}\b|\(\d{3}\) \d{3}-\d{4}")


def load_names(path):
    names = set()
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            if len(row) >= 2:
                names.add(f"{row[0]} {row[1]}".lower())
    return names


def hits_on(page, textpage, names):
    words = [w[4].strip(".,;:()") for w in page.get_text("words", textpage=textpage)]
    hits = set()
    for i in range(len(words) - 1):
        for n in (2, 3):  # "First Last", "First Last Last"
            if i + n <= len(words):
                phrase = " ".join(words[i:i + n])
                if phrase.lower() in names:
                    hits.add(phrase)
    hits.update(PATTERNS.findall(page.get_text(textpage=textpage)))
    return hits


def main():
    names_csv, src, dst = sys.argv[1:4]
    names = load_names(names_csv)
    doc = fitz.open(src)
    total = 0
    for number in range(doc.page_count):
        page = doc[number]
        textpage = page.get_textpage()  # one for extraction and search
        rects = [rect for hit in hits_on(page, textpage, names)
                 for rect in page.search_for(hit, textpage=textpage)]
        del textpage
        for rect in rects:
            page._add_redact_annot(rect.quad, None, None, 0, (0, 0, 0), None)
        total += len(rects)
        page._apply_redactions(2)  # apply_redactions(images=PDF_REDACT_IMAGE_PIXELS)
    doc.save(dst, garbage=4, deflate=True)
    print(f"{total} areas redacted", file=sys.stderr)


if __name__ == "__main__":
    main()
