#!/usr/bin/env python3
"""Scores `redact apply` on the layout evaluation set (tests/data/eval/).

For every document in docs/ (labels in labels/<name>.json) it runs
`redact apply` (redact mode, with names.csv and policy.toml) into a
temporary folder, reads each output with pdftotext (scanned documents:
pdftoppm + tesseract, the way the labels were located), and reports

  recall            labelled identifiers (must_go) no longer readable
  precision proxy   labelled public items (must_stay) still readable

per document, family, producer and category, plus documents that failed, and documents whose output apply's own
verification withheld (exit 7: scored from a rerun with --no-verify, so
recall measures detection and removal; "held" in the table).

It scores `redact scan` too (what a reviewer is shown before anything is
removed): the input's words — pdftotext -bbox, or for a scan the words
redact itself read (`redact extract`), since a separate OCR run reads a
scan differently — with every word whose centre lies in a finding's box
masked, are scored the same way ("scan recall", "scan precision proxy").
A finding's box is the rectangle round its glyphs, so on a line it may
cover a word between two parts of one finding.
Identifiers are never printed, except with --show-misses (for developers
at their own terminal; never in CI logs that are kept).

Matching is normalized: case, whitespace (line breaks too) and accents are
ignored; an item with at least six digits and at most three letters
and nothing but a short prefix before its digits (A-numbers, receipt
numbers, phones, numeric dates, Bates numbers) matches by its digits alone, with up to two separators (space - . / ( )) between
digits. Items are counted per occurrence: if a string is labelled k times
in a document and appears B more times where it is not labelled (inside
another identifier, or public), the output may still show it B times.

Exit status: 0 scored (and at or above --floors if given), 1 below a floor,
2 usage or a missing tool under CI=true, 77 a missing tool elsewhere (the
ctest test treats 77 as skipped).

Python 3 standard library and poppler-utils (+ tesseract for scans) only.
"""
import argparse
import html
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212\u00ad"), "-")
DASHES.update({ord("\u2019"): "'", ord("\u2018"): "'", ord("\u201c"): '"', ord("\u201d"): '"'})


# ------------------------------------------------------------ normalizing --
def norm(s):
    s = unicodedata.normalize("NFKD", s.translate(DASHES))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return re.sub(r"\s+", " ", s)


def digits_mode(text):
    """A number written with separators, maybe after a short prefix (A#, EAC,
    DEF-, ID): matched by its digits. "8 C.F.R. § 208.30" is not one."""
    return (len(re.findall(r"\d", text)) >= 6 and
            re.fullmatch(r"[A-Za-z]{0,3}[#:]?[ \-]*\+?[\d ./()\-]+", text.strip()) is not None)


def pattern(text, gapped=False):
    """A compiled regex for one labelled item (see the module comment).
    gapped: False (words in order, whitespace between), True (up to 120
    characters of other text between words: a wrapped cell read in column
    order) or "squeeze" (whitespace ignored on both sides: a cell wrapped
    inside a word, like a long e-mail address)."""
    if gapped == "squeeze":
        body = re.escape(re.sub(r"\s+", "", norm(text)))
        return re.compile(body)
    if digits_mode(text):
        ds = re.findall(r"\d", text)
        return re.compile(r"(?<!\d)" + r"[ \-./()]{0,2}".join(ds) + r"(?!\d)")
    toks = norm(text).strip().split(" ")
    parts = []
    for t in toks:
        parts.append(r"-\s*".join(re.escape(x) for x in t.split("-")))
    sep = r"\W[\s\S]{0,120}?" if gapped else r"\s+"
    body = sep.join(parts)
    return re.compile(r"(?<![a-z0-9])" + body + r"(?![a-z0-9])")


def count(pat, pages, gapped=False):
    if gapped == "squeeze":
        pages = [re.sub(r"\s+", "", p) for p in pages]
    return [len(pat.findall(p)) for p in pages]


# ------------------------------------------------------------ reading PDFs --
def pdf_pages(path):
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, timeout=120)
    if out.returncode != 0:
        raise RuntimeError("pdftotext failed")
    pages = out.stdout.decode("utf-8", "replace").split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [norm(p) for p in pages]


def ocr_pages(path, dpi, tmp=None):
    tmp = tempfile.mkdtemp(dir=tmp)
    try:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", path, os.path.join(tmp, "p")], check=True,
                       capture_output=True, timeout=300)
        pages = []
        for f in sorted(os.listdir(tmp)):
            out = subprocess.run(["tesseract", os.path.join(tmp, f), "-", "-l", "eng+spa", "--psm", "3"],
                                 capture_output=True, timeout=300, env=dict(os.environ, OMP_THREAD_LIMIT="1"))
            pages.append(norm(out.stdout.decode("utf-8", "replace")))
        return pages
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def read_pages(path, labels, tmp=None):
    """Page texts of a PDF: pdftotext, or for a scan OCR at the resolution
    its labels were placed with."""
    return ocr_pages(path, labels["ocr_dpi"], tmp) if labels.get("scanned") else pdf_pages(path)


# ---------------------------------------------------------------- scoring --
def groups(items):
    g = {}
    for it in items:
        if it.get("readable", True):
            g.setdefault((it["text"], it.get("gapped", False)), []).append(it)
    return g


def score_document(labels, pages):
    """Counts for one output, given its page texts."""
    res = {"must_go": 0, "leaked": 0, "must_stay": 0, "lost": 0, "cats": {}, "misses": [], "lost_items": []}
    for (text, gapped), its in groups(labels["must_go"]).items():
        k = len(its)
        c = sum(count(pattern(text, gapped), pages, gapped))
        leaked = max(0, min(k, c - its[0].get("baseline", 0)))
        res["must_go"] += k
        res["leaked"] += leaked
        key = its[0]["category"]
        if key == "name":
            key = "name (listed)" if its[0].get("listed") else "name (not listed)"
        cat = res["cats"].setdefault(key, [0, 0])
        cat[0] += k
        cat[1] += leaked
        if leaked:
            res["misses"].append((its[0]["category"], text, its[0].get("page"), leaked))
    for (text, gapped), its in groups(labels["must_stay"]).items():
        e = its[0].get("expected", 1)
        c = sum(count(pattern(text, gapped), pages, gapped))
        res["must_stay"] += e
        lost = max(0, e - c)
        res["lost"] += lost
        if lost:
            res["lost_items"].append((its[0].get("kind"), text, its[0].get("page"), lost))
    return res


def ratio(good, total):
    return 1.0 if total == 0 else good / total


def apply(redact, doc_path, out_dir, names, policy, timeout, extra=()):
    """Runs redact apply; returns (exit status, output PDF or None). The
    output may be renamed (an input named after a person is), so it is the
    one PDF apply wrote into its own folder."""
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    cmd = [redact, "apply", doc_path, "--out", out_dir, "--names", names] + list(extra)
    if policy:
        cmd += ["--policy", policy]
    try:
        rc = subprocess.run(cmd, capture_output=True, timeout=timeout).returncode
    except subprocess.TimeoutExpired:
        return "timeout", None
    pdfs = [f for f in os.listdir(out_dir) if f.endswith(".pdf")]
    return rc, (os.path.join(out_dir, pdfs[0]) if len(pdfs) == 1 else None)


def redact_json(redact, args, timeout):
    out = subprocess.run([redact] + args, capture_output=True, timeout=timeout)
    if out.returncode not in (0, 3):  # 3: findings (scan's "something to remove")
        raise RuntimeError("redact %s exited %d" % (args[0], out.returncode))
    return json.loads(out.stdout.decode("utf-8"))


def bbox_pages(path):
    """Each page's words with their boxes [x0, y0, x1, y1] (top-left
    origin, points), from pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", path, "-"], capture_output=True, timeout=120)
    if out.returncode != 0:
        raise RuntimeError("pdftotext -bbox failed")
    pages = []
    for page in out.stdout.decode("utf-8", "replace").split("<page ")[1:]:
        words = []
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page):
            text = html.unescape(m.group(5))
            words.append(([float(m.group(i)) for i in range(1, 5)], text))
        pages.append(words)
    return pages


def scan_scored(redact, doc_path, labels, names, policy, timeout):
    """score_document of the input's words with those under a scan finding's
    box masked: pdftotext's words, or for a scan the words redact itself
    read (`redact extract`; a separate OCR run reads a scan differently)."""
    args = ["scan", "--format", "json", doc_path, "--names", names] + (["--policy", policy] if policy else [])
    findings = [f for d in redact_json(redact, args, timeout)["documents"] for f in d["findings"]]
    if labels.get("scanned"):
        extracted = redact_json(redact, ["extract", "--format", "json", doc_path], timeout)["pages"]
        pages = [[(w["bbox"], w["text"]) for w in p["words"]] for p in extracted]
    else:
        pages = bbox_pages(doc_path)
    boxes = {}
    for f in findings:
        if "bbox" in f and 1 <= f["page"] <= len(pages):
            squeezed = re.sub(r"\s+", "", norm(f.get("text", "")))
            boxes.setdefault(f["page"] - 1, []).append((f["bbox"], squeezed))

    def under(box, text, page):
        # In the finding's rectangle and part of its text: a finding over a
        # line break has one rectangle round both lines.
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        word = re.sub(r"^\W+|\W+$", "", re.sub(r"\s+", "", norm(text)))  # "Ramírez," is "ramirez"
        return any(b[0] - 1 <= cx <= b[2] + 1 and b[1] - 1 <= cy <= b[3] + 1 and word and word in t
                   for b, t in boxes.get(page, []))

    def page_text(i, words):
        # A word broken at a line's end ("Process-" / "ing") joined, as
        # pdftotext's text output joins it.
        out = []
        for box, text in words:
            text = "\u2588" if under(box, text, i) else text
            if out and len(out[-1]) > 1 and out[-1].endswith("-") and out[-1][-2].isalpha() and text[:1].islower():
                out[-1] = out[-1][:-1] + text
            else:
                out.append(text)
        return norm(" ".join(out))

    texts = [page_text(i, words) for i, words in enumerate(pages)]
    return score_document(labels, texts)


def run_one(redact, doc_path, labels, names, policy, tmp, timeout):
    """Scores one document. When apply's own verification withholds the
    output (exit 7: it still found something), the document counts as
    "withheld" and is scored from a second run with --no-verify, so recall
    still measures what detection and removal did."""
    name = os.path.splitext(os.path.basename(doc_path))[0]
    out_dir = os.path.join(tmp, name)
    t0 = time.time()
    rc, out_pdf = apply(redact, doc_path, out_dir, names, policy, timeout)
    withheld = rc == 7 and out_pdf is None
    if withheld:
        rc, out_pdf = apply(redact, doc_path, out_dir, names, policy, timeout, ["--no-verify"])
    secs = time.time() - t0
    if rc != 0 or out_pdf is None:
        return name, {"failed": "exit %s%s" % (rc, "" if out_pdf or rc != 0 else ", no output"), "seconds": secs}
    try:
        pages = read_pages(out_pdf, labels, tmp)
    except Exception as e:  # an unreadable output is a failed document
        return name, {"failed": "unreadable output: %s" % type(e).__name__, "seconds": secs}
    r = score_document(labels, pages)
    r["seconds"] = secs
    r["withheld"] = withheld
    try:
        sc = scan_scored(redact, doc_path, labels, names, policy, timeout)
        r["scan"] = {k: sc[k] for k in ("must_go", "leaked", "must_stay", "lost")}
    except Exception as e:  # scan failing on a document apply handles is a failure of its own
        return name, {"failed": "scan: %s" % (e if isinstance(e, RuntimeError) else type(e).__name__),
                      "seconds": secs}
    return name, r


def missing_tools(need):
    return [t for t in need if shutil.which(t) is None]


def under_ci():
    return os.environ.get("CI", "") not in ("", "0", "false")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--redact", default=os.environ.get("REDACT_BIN", os.path.join(HERE, "../../../build/bin/redact")))
    ap.add_argument("--set", default=HERE, help="the evaluation folder (docs/, labels/, names.csv)")
    ap.add_argument("--only", default="", help="regex on document names")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=240, help="seconds per document")
    ap.add_argument("--json", help="write the JSON summary here (default: stdout, after the table)")
    ap.add_argument("--floors", help="floors.json: exit 1 below any floor")
    ap.add_argument("--show-misses", action="store_true", help="print leaked and lost items (quotes identifiers!)")
    a = ap.parse_args()

    miss = missing_tools(["pdftotext", "pdftoppm", "tesseract"])
    if miss:
        msg = "score.py: missing %s (Debian: poppler-utils, tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa)" % ", ".join(miss)
        if under_ci():
            print(msg + " — CI must have every oracle", file=sys.stderr)
            return 2
        print(msg + " — skipped", file=sys.stderr)
        return 77
    if not os.access(a.redact, os.X_OK):
        print("score.py: no redact binary at %s (build first, or --redact)" % a.redact, file=sys.stderr)
        return 2

    labels = {}
    ldir = os.path.join(a.set, "labels")
    for f in sorted(os.listdir(ldir)):
        if f.endswith(".json") and re.search(a.only, f):
            labels[f[:-5]] = json.load(open(os.path.join(ldir, f), encoding="utf-8"))
    names = os.path.join(a.set, "names.csv")
    policy = os.path.join(a.set, "policy.toml")
    policy = policy if os.path.exists(policy) else None
    tmp = tempfile.mkdtemp(prefix="redact-eval-")
    t0 = time.time()
    results = {}
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as ex:
            # scans first: they take longest
            order = sorted(labels, key=lambda n: (not labels[n].get("scanned"), n))
            futs = [ex.submit(run_one, os.path.abspath(a.redact), os.path.join(a.set, "docs", n + ".pdf"), labels[n],
                              names, policy, tmp, a.timeout) for n in order]
            for f in concurrent.futures.as_completed(futs):
                n, r = f.result()
                results[n] = r
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return report(a, labels, results, time.time() - t0)


def add(acc, key, r):
    x = acc.setdefault(key, {"documents": 0, "failed": 0, "withheld": 0, "must_go": 0, "leaked": 0,
                             "must_stay": 0, "lost": 0, "scan": {"must_go": 0, "leaked": 0, "must_stay": 0,
                                                                 "lost": 0}})
    x["documents"] += 1
    x["withheld"] += 1 if r.get("withheld") else 0
    if "failed" in r:
        x["failed"] += 1
        return
    for k in ("must_go", "leaked", "must_stay", "lost"):
        x[k] += r[k]
        x["scan"][k] += r["scan"][k]


def finish(x):
    x["recall"] = round(ratio(x["must_go"] - x["leaked"], x["must_go"]), 4)
    x["precision_proxy"] = round(ratio(x["must_stay"] - x["lost"], x["must_stay"]), 4)
    sc = x["scan"]
    x["scan_recall"] = round(ratio(sc["must_go"] - sc["leaked"], sc["must_go"]), 4)
    x["scan_precision_proxy"] = round(ratio(sc["must_stay"] - sc["lost"], sc["must_stay"]), 4)
    return x


def report(a, labels, results, secs):
    total, fam, prod, cats = {}, {}, {}, {}
    zero = {"documents": 0, "failed": 0, "withheld": 0, "must_go": 0, "leaked": 0, "must_stay": 0, "lost": 0,
            "scan": {"must_go": 0, "leaked": 0, "must_stay": 0, "lost": 0}}
    rows = []
    for n in sorted(results):
        r, L = results[n], labels[n]
        family = "scans" if L.get("scanned") else L["family"]
        add(total, "total", r)
        add(fam, family, r)
        add(prod, L["producer"], r)
        if "failed" in r:
            rows.append("%-34s %-12s %-15s %s (%.1fs)" % (n, family, L["producer"], "FAILED: " + r["failed"], r["seconds"]))
            continue
        for c, (k, leaked) in r["cats"].items():
            x = cats.setdefault(c, {"must_go": 0, "leaked": 0})
            x["must_go"] += k
            x["leaked"] += leaked
        rows.append("%-34s %-12s %-15s %5d %5d  %6.3f %5d %4d  %6.3f %-4s %5.1fs" % (
            n, family, L["producer"], r["must_go"], r["leaked"], ratio(r["must_go"] - r["leaked"], r["must_go"]),
            r["must_stay"], r["lost"], ratio(r["must_stay"] - r["lost"], r["must_stay"]),
            "yes" if r["withheld"] else "", r["seconds"]))
    print("%-34s %-12s %-15s %5s %5s  %6s %5s %4s  %6s %-4s %6s" % ("document", "family", "producer", "go", "leak",
                                                                    "recall", "stay", "lost", "prec", "held", "time"))
    print("\n".join(rows))
    print()
    summary = {"total": finish(total.get("total", zero)),
               "families": {k: finish(v) for k, v in sorted(fam.items())},
               "producers": {k: finish(v) for k, v in sorted(prod.items())},
               "categories": {k: dict(v, recall=round(ratio(v["must_go"] - v["leaked"], v["must_go"]), 4))
                              for k, v in sorted(cats.items())},
               "failed_documents": sorted(n for n, r in results.items() if "failed" in r),
               "withheld_documents": sorted(n for n, r in results.items() if r.get("withheld")),
               "seconds": round(secs, 1)}
    for title, d in (("family", summary["families"]), ("producer", summary["producers"])):
        print("%-16s %5s %6s %6s %6s %6s %6s %7s %7s" % (title, "docs", "failed", "held", "go", "leaked", "stay",
                                                        "recall", "prec"))
        for k, x in d.items():
            print("%-16s %5d %6d %6d %6d %6d %6d %7.3f %7.3f" % (k, x["documents"], x["failed"], x["withheld"],
                                                                x["must_go"], x["leaked"], x["must_stay"], x["recall"],
                                                                x["precision_proxy"]))
        print()
    print("%-20s %6s %6s %7s" % ("category", "go", "leaked", "recall"))
    for k, x in summary["categories"].items():
        print("%-20s %6d %6d %7.3f" % (k, x["must_go"], x["leaked"], x["recall"]))
    t = summary["total"]
    print("\nTOTAL: %d documents, %d failed, %d withheld by apply's verification; recall %.4f (%d of %d identifiers gone); precision proxy %.4f "
          "(%d of %d public items kept); %.0fs" % (t["documents"], t["failed"], t["withheld"], t["recall"], t["must_go"] - t["leaked"],
                                                  t["must_go"], t["precision_proxy"], t["must_stay"] - t["lost"],
                                                  t["must_stay"], secs))
    print("SCAN: recall %.4f, precision proxy %.4f (its findings masked in the input's text)" % (
        t["scan_recall"], t["scan_precision_proxy"]))
    for title, d in (("family", summary["families"]),):
        print("  " + ", ".join("%s %.3f/%.3f" % (k, x["scan_recall"], x["scan_precision_proxy"]) for k, x in d.items()))
    if a.show_misses:
        print("\n-- misses (identifiers quoted: developer use only) --")
        for n in sorted(results):
            r = results[n]
            for cat, text, page, k in r.get("misses", []):
                print("LEAK  %s p%s %s x%d: %s" % (n, page, cat, k, text))
            for kind, text, page, k in r.get("lost_items", []):
                print("LOST  %s p%s %s x%d: %s" % (n, page, kind, k, text))
    js = json.dumps(summary, indent=1)
    if a.json:
        open(a.json, "w").write(js + "\n")
    else:
        print(js)
    if a.floors:
        return check_floors(summary, json.load(open(a.floors)))
    return 0


def check_floors(s, floors):
    bad = []
    t = s["total"]
    if t["recall"] < floors.get("recall", 0):
        bad.append("total recall %.4f < floor %.4f" % (t["recall"], floors["recall"]))
    if t["precision_proxy"] < floors.get("precision_proxy", 0):
        bad.append("total precision proxy %.4f < floor %.4f" % (t["precision_proxy"], floors["precision_proxy"]))
    for key, what in (("scan_recall", "scan recall"), ("scan_precision_proxy", "scan precision proxy")):
        if t[key] < floors.get(key, 0):
            bad.append("total %s %.4f < floor %.4f" % (what, t[key], floors[key]))
    if t["failed"] > floors.get("max_failed", 0):
        bad.append("%d failed documents > %d allowed" % (t["failed"], floors.get("max_failed", 0)))
    if "max_withheld" in floors and t["withheld"] > floors["max_withheld"]:
        bad.append("%d documents withheld by apply's verification > %d allowed" % (t["withheld"], floors["max_withheld"]))
    for fam, f in floors.get("families", {}).items():
        x = s["families"].get(fam)
        if x is None:
            bad.append("family %s missing" % fam)
            continue
        if x["recall"] < f.get("recall", 0):
            bad.append("%s recall %.4f < floor %.4f" % (fam, x["recall"], f["recall"]))
        if x["precision_proxy"] < f.get("precision_proxy", 0):
            bad.append("%s precision proxy %.4f < floor %.4f" % (fam, x["precision_proxy"], f["precision_proxy"]))
    for cat, f in floors.get("categories", {}).items():
        x = s["categories"].get(cat)
        if x is None or x["recall"] < f:
            bad.append("%s recall %s < floor %.4f" % (cat, "missing" if x is None else "%.4f" % x["recall"], f))
    for b in bad:
        print("BELOW FLOOR: " + b, file=sys.stderr)
    if not bad:
        print("all floors met (floors only go up: raise them in floors.json when numbers improve)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
