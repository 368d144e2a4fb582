#!/usr/bin/python3
"""Last step of make_eval.sh: places the generator's labels on pages.

Usage: finalize.py OUTDIR MANIFEST SCANS EVALDIR

For each document, reads the *generated* PDF (pdftotext; scans: pdftoppm +
tesseract, exactly as score.py reads outputs) and adds to every label:
  page, pages   where the string is (first page, all pages)
  gapped        how it must be matched: false (words in order), true (other
                text between its words: a wrapped table cell read in column
                order) or "squeeze" (broken inside a word: a wrapped e-mail)
  readable      false when a reader cannot see it in the input at all (an
                OCR misread, a cell split beyond recognition); the scorer
                leaves such labels out and the README gives the count
  baseline      (must_go) occurrences of the same string that are not this
                label's: inside another identifier, or public text
  expected      (must_stay) occurrences of the string that must remain
Labels are never added from the PDF: only placed and counted.
A scan's labels are its source document's labels that sit on the page scanned.
"""
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import score  # noqa: E402

out, manifest, scans_txt, evaldir = sys.argv[1:5]


def place(labels, pages):
    go, stay = labels["must_go"], labels["must_stay"]
    go_groups = {}
    for it in go:
        go_groups.setdefault(it["text"], []).append(it)
    normed = {t: score.norm(t) for t in go_groups}

    def inner(pat, text_self):
        return sum(len(pat.findall(normed[t])) * len(its) for t, its in go_groups.items() if t != text_self)

    for text, its in go_groups.items():
        k = len(its)
        best = None
        for gapped in (False, True, "squeeze"):
            pat = score.pattern(text, gapped)
            per_page = score.count(pat, pages, gapped)
            visible = sum(per_page) - inner(pat, text)
            if best is None or visible > best[0]:
                best = (visible, gapped, per_page)
            if visible >= k:
                break
        visible, gapped, per_page = best
        pg = [i + 1 for i, n in enumerate(per_page) if n]
        for i, it in enumerate(its):
            it["page"] = pg[0] if pg else None
            it["pages"] = pg
            it["gapped"] = gapped
            it["readable"] = i < max(0, visible)
            it["baseline"] = max(0, visible - k)
    seen = {}
    for it in stay:
        if it["text"] in seen:
            continue
        seen[it["text"]] = it
        best = None
        for gapped in (False, True, "squeeze"):
            pat = score.pattern(it["text"], gapped)
            per_page = score.count(pat, pages, gapped)
            e = sum(per_page) - inner(pat, None)
            if best is None or e > best[0]:
                best = (e, gapped, per_page)
            if e > 0:
                break
        e, gapped, per_page = best
        pg = [i + 1 for i, n in enumerate(per_page) if n]
        it.update(page=pg[0] if pg else None, pages=pg, gapped=gapped, expected=max(0, e), readable=e > 0)
    labels["must_stay"] = list(seen.values())
    return labels


def stats(labels):
    g = [i for i in labels["must_go"] if i["readable"]]
    s = [i for i in labels["must_stay"] if i["readable"]]
    return len(g), len(labels["must_go"]) - len(g), sum(i["expected"] for i in s), len(labels["must_stay"]) - len(s)


docs_dir, lab_dir = os.path.join(evaldir, "docs"), os.path.join(evaldir, "labels")
tot = [0, 0, 0, 0]
placed = {}
source_pages = {}
for line in open(manifest):
    name, producer, family = line.split()
    labels = json.load(open(os.path.join(out, name + ".draft.json"), encoding="utf-8"))
    pages = score.pdf_pages(os.path.join(out, name + ".pdf"))
    labels = place(labels, pages)
    labels["pages"] = len(pages)
    placed[name] = labels
    source_pages[name] = pages


def on_page1(items, page1, keys):
    """The labels of a document that sit on its page 1, as many of each
    string as page 1 shows (a string's labels may be spread over pages)."""
    groups = {}
    for i in items:
        if i.get("readable", True) and 1 in i.get("pages", []):
            groups.setdefault(i["text"], []).append(i)
    out = []
    for text, its in groups.items():
        g = its[0].get("gapped", False)
        n = score.count(score.pattern(text, g), page1, g)[0]
        out += [{k: v for k, v in i.items() if k in keys} for i in its[:n]]
    return out


for line in open(scans_txt):
    name, src, dpi = line.split()
    base = placed[src]
    page1 = [source_pages[src][0]]
    labels = {"document": name + ".pdf", "family": "scans", "source_family": base["family"],
              "producer": base["producer"] + "+scan", "scanned": True, "ocr_dpi": int(dpi),
              "must_go": on_page1(base["must_go"], page1, ("category", "text", "person", "listed", "note")),
              "must_stay": [{k: v for k, v in i.items() if k in ("kind", "text")}
                            for i in base["must_stay"] if 1 in i.get("pages", [])]}
    pages = score.ocr_pages(os.path.join(out, name + ".pdf"), int(dpi))
    labels = place(labels, pages)
    labels["pages"] = len(pages)
    placed[name] = labels
NOTE = ("names.csv lists two in three applicants: a name label with listed=true is on it, "
        "listed=false is not (found only by cue, column header or field label)")
for name, labels in placed.items():
    labels = dict({"names_list": NOTE}, **labels)
    with open(os.path.join(lab_dir, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, ensure_ascii=False, indent=1)
        f.write("\n")
    shutil.copy(os.path.join(out, name + ".pdf"), os.path.join(docs_dir, name + ".pdf"))
    st = stats(labels)
    tot = [a + b for a, b in zip(tot, st)]
    print("%-34s must_go %4d (+%d unreadable)  must_stay %4d (+%d unreadable)" % ((name,) + st))
shutil.copy(os.path.join(out, "names.csv"), os.path.join(evaldir, "names.csv"))
print("TOTAL %d documents: must_go %d (+%d unreadable), must_stay %d (+%d unreadable)" % ((len(placed),) + tuple(tot)))
