#!/usr/bin/python3
"""Edits a review PDF the way a reviewer's PDF viewer would, with PyMuPDF
(Debian's python3-fitz: MuPDF, which no one here wrote), for
tests/e2e/review_pdf_test.cpp.

    edit_review_pdf.py IN OUT EDIT...

Each EDIT is one argument, its parts separated by "|"; pages count from 1,
points from the top-left of the page (as pdftotext -bbox gives them):
    delete|PAGE|x|y          delete every highlight over the point (x, y)
                             (PyMuPDF also deletes its popup)
    note|PAGE|x|y|TEXT       set the note (/Contents) of every highlight over
                             (x, y) to TEXT ("\\n" in TEXT: a new line)
    square|PAGE|x0|y0|x1|y1  draw a filled rectangle (/Square)
    redact|PAGE|x0|y0|x1|y1  mark the box for redaction (/Redact)
    apply-redactions|PAGE    apply the page's redaction marks (the text
                             under them is cut from the page, the marks go)
    freetext|PAGE|x0|y0|x1|y1|TEXT   add a text box (/FreeText)
    sticky|PAGE|x|y|TEXT     add a sticky note (/Text)
Then saves OUT as a viewer's "Save As" does (a full rewrite, unused
objects collected). Prints each annotation left ("page kind name") to
stdout. Exits 77 when PyMuPDF cannot be imported, 2 on a bad EDIT.
"""
import sys

try:
    import fitz  # PyMuPDF
except ImportError:
    print("PyMuPDF (import fitz) is missing: apt-get install python3-fitz", file=sys.stderr)
    sys.exit(77)


# Every Page and Annot PyMuPDF hands out, kept alive until the file is
# saved: Debian's 1.21 binding loses its types once one is collected.
PAGES = {}
KEEP = []


def page_of(doc, number):
    if number not in PAGES:
        page = doc[number - 1]
        PAGES[number] = (page, list(page.annots()))
    return PAGES[number]


def highlights_over(doc, number, x, y):
    point = fitz.Point(float(x), float(y))
    page, annots = page_of(doc, number)
    found = [a for a in annots if a.type[1] == "Highlight" and point in a.rect]
    if not found:
        sys.exit("no highlight over %s, %s" % (x, y))
    return page, found


def rect(parts):
    return fitz.Rect(*[float(v) for v in parts])


def edit(doc, spec):
    parts = spec.split("|")
    kind = parts[0]
    page, _ = page_of(doc, int(parts[1]))
    if kind == "delete":
        page, found = highlights_over(doc, int(parts[1]), parts[2], parts[3])
        for annot in found:
            PAGES[int(parts[1])][1].remove(annot)
            KEEP.append(annot)
            page.delete_annot(annot)
    elif kind == "note":
        for annot in highlights_over(doc, int(parts[1]), parts[2], parts[3])[1]:
            annot.set_info(content=parts[4].replace("\\n", "\n"))
            annot.update()
    elif kind == "square":
        annot = page.add_rect_annot(rect(parts[2:6]))
        KEEP.append(annot)
        annot.set_colors(stroke=(0, 0, 0), fill=(0, 0, 0))
        annot.update()
    elif kind == "redact":
        KEEP.append(page.add_redact_annot(rect(parts[2:6])))
    elif kind == "apply-redactions":
        page.apply_redactions()
    elif kind == "freetext":
        KEEP.append(page.add_freetext_annot(rect(parts[2:6]), parts[6]))
    elif kind == "sticky":
        KEEP.append(page.add_text_annot(fitz.Point(float(parts[2]), float(parts[3])), parts[4]))
    else:
        print("unknown edit " + kind, file=sys.stderr)
        sys.exit(2)


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    doc = fitz.open(sys.argv[1])
    for spec in sys.argv[3:]:
        edit(doc, spec)
    doc.save(sys.argv[2], garbage=3, deflate=True)
    saved = fitz.open(sys.argv[2])
    for page in saved:
        annots = list(page.annots())
        for annot in annots:
            print(page.number + 1, annot.type[1], annot.info.get("id", ""))


if __name__ == "__main__":
    main()
