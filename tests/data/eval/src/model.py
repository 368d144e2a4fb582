"""A small document model shared by every producer, and the label collector.

A document is a list of blocks; while the documents are built (docs.py),
every identifier goes through Doc.g() and every public item through
Doc.s(), so the labels come from the generator's data, never from reading
a PDF. The renderers (render.py) turn the same blocks into HTML (Chromium),
flat ODT (LibreOffice), groff -ms/tbl (Ghostscript), LaTeX (pdflatex) or
reportlab flowables.

Blocks:
  ('letterhead', [lines])            centred lines at the top
  ('caption', [court lines], [left lines], [right lines])
  ('h', text)                        bold heading
  ('p', text)                        paragraph
  ('quote', text)                    indented block quotation
  ('table', dict(head=[[...]...], rows=[[...]...], ruled=bool, widths=[...]))
  ('fields', [(label, value), ...], layout)   'left' or 'above'
  ('sig', [lines])                   signature block
  ('pb',)                            page break
"""
import json


class Doc:
    def __init__(self, name, family, producer, title=""):
        self.name, self.family, self.producer, self.title = name, family, producer, title
        self.blocks = []
        self.must_go = []
        self.must_stay = []
        self.footer = ""         # running footer (producers that support it)
        self.bates = None        # (prefix, first number) for per-page Bates stamps
        self.font = "serif"

    # identifiers ---------------------------------------------------------
    def g(self, cat, text, person=None, listed=None, note=None):
        item = {"category": cat, "text": text}
        if person is not None:
            item["person"] = person.id
        if cat == "name":
            item["listed"] = bool(listed) and person is not None
        if note:
            item["note"] = note
        self.must_go.append(item)
        return text

    # public items --------------------------------------------------------
    def s(self, text, kind="public"):
        self.must_stay.append({"kind": kind, "text": text})
        return text

    def add(self, *block):
        self.blocks.append(block)
        return self

    def labels(self):
        return {"document": self.name + ".pdf", "family": self.family,
                "producer": self.producer, "scanned": False,
                "must_go": self.must_go, "must_stay": self.must_stay}

    def write_labels(self, path):
        with open(path, "w", encoding="utf-8") as f:
            json.dump(self.labels(), f, ensure_ascii=False, indent=1)
