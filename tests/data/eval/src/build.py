#!/usr/bin/python3
"""Builds every document's source (or, for reportlab, its PDF) and its draft
labels. Usage: build.py WORKDIR OUTDIR

WORKDIR gets <name>.html / .fodt / .ms / .tex for make_eval.sh to run
through their producers; OUTDIR gets the reportlab PDFs and, for every
document, <name>.draft.json (labels from the generator's data, before
finalize.py adds pages). A line "name producer" per document goes to
WORKDIR/manifest.txt.
"""
import sys
import os
import docs as D
import render
import rl
import forms

work, out = sys.argv[1], sys.argv[2]
os.makedirs(work, exist_ok=True)
os.makedirs(out, exist_ok=True)
ps = D.PEOPLE
built = []


def emit(doc, **kw):
    path = None
    if doc.producer == "chromium":
        path = os.path.join(work, doc.name + ".html")
        open(path, "w", encoding="utf-8").write(render.html(doc, **kw))
    elif doc.producer == "libreoffice":
        path = os.path.join(work, doc.name + ".fodt")
        open(path, "w", encoding="utf-8").write(render.fodt(doc, **kw))
    elif doc.producer == "groff":
        path = os.path.join(work, doc.name + ".ms")
        open(path, "w", encoding="utf-8").write(render.groff(doc))
    elif doc.producer == "pdflatex":
        path = os.path.join(work, doc.name + ".tex")
        open(path, "w", encoding="utf-8").write(render.latex(doc, **kw))
    elif doc.producer == "reportlab":
        rl.flow(doc, os.path.join(out, doc.name + ".pdf"), **kw)
    built.append(doc)


# tables
emit(D.doc_detention("t01_detention_list_chromium", "chromium", ps[0:48], 1, ruled=True))
emit(D.doc_detention("t02_lista_detenidos_libreoffice", "libreoffice", ps[48:78], 2, spanish=True, ruled=False))
emit(D.doc_detention("t03_class_list_pdflatex", "pdflatex", ps[78:112], 3, ruled=False, two_head=True))
emit(D.doc_detention("t04_detention_roster_groff", "groff", ps[112:140], 4, ruled=True, cf=False))
emit(D.doc_detention("t05_class_list_reportlab", "reportlab", ps[140:170], 5, ruled=True, two_head=True))
emit(D.doc_contacts("t06_mailing_list_chromium", "chromium", ps[0:22], 6, ruled=False))
emit(D.doc_contacts("t07_mailing_list_libreoffice", "libreoffice", ps[22:44], 7, ruled=True))
emit(D.doc_family_units("t08_family_units_reportlab", "reportlab", ps[170:188], 8, ruled=True), font="DejaVuSans", bold="DejaVuSans-Bold")
emit(D.doc_family_units("t09_family_units_groff", "groff", ps[188:200], 9, ruled=False))
emit(D.doc_receipts("t10_recibos_pdflatex", "pdflatex", ps[44:70], 10, ruled=True, spanish=True))
emit(D.doc_receipts("t11_receipts_chromium", "chromium", ps[70:96], 11, ruled=False))
# forms
built.append(forms.i589("f01_i589_reportlab", ps[200], ps[201], os.path.join(out, "f01_i589_reportlab.pdf")))
built.append(forms.i589("f02_i589_es_reportlab", ps[202], ps[203], os.path.join(out, "f02_i589_es_reportlab.pdf"), spanish=True))
built.append(forms.i870("f03_i870_reportlab", ps[204], os.path.join(out, "f03_i870_reportlab.pdf")))
built.append(forms.i213("f04_i213_reportlab", ps[205], os.path.join(out, "f04_i213_reportlab.pdf")))
emit(D.doc_form_fields("f05_i589_libreoffice", "libreoffice", ps[206], 15, "i589", layout="above"))
emit(D.doc_form_fields("f06_i589_es_chromium", "chromium", ps[207], 16, "i589", spanish=True, layout="above"))
emit(D.doc_form_fields("f07_i213_pdflatex", "pdflatex", ps[208], 17, "i213", layout="left"))
emit(D.doc_form_fields("f08_i213_groff", "groff", ps[209], 18, "i213", layout="left"))
# declarations
emit(D.doc_declaration("d01_declaracion_pdflatex", "pdflatex", ps[210], [ps[211], ps[212]], 21, spanish=True, translator=0))
emit(D.doc_declaration("d02_declaration_libreoffice", "libreoffice", ps[213], [ps[214], ps[215]], 22, translator=1))
emit(D.doc_declaration("d03_declaration_groff", "groff", ps[216], [ps[217], ps[218]], 23, translator=2))
emit(D.doc_declaration("d04_declaracion_chromium", "chromium", ps[219], [ps[1], ps[2]], 24, spanish=True, translator=0))
emit(D.doc_declaration("d05_declaration_reportlab", "reportlab", ps[3], [ps[4], ps[5]], 25, translator=3), font="DejaVuSerif", bold="DejaVuSans-Bold")
# letters
emit(D.doc_letter("l01_letter_chromium", "chromium", ps[6], 31, c=0))
emit(D.doc_letter("l02_letter_libreoffice", "libreoffice", ps[7], 32, c=1))
emit(D.doc_letter("l03_letter_groff", "groff", ps[8], 33, c=2))
emit(D.doc_letter("l04_letter_pdflatex", "pdflatex", ps[9], 34, c=4))
emit(D.doc_letter("l05_letter_reportlab", "reportlab", ps[10], 35, c=0))
# orders, status reports, exhibit indexes
emit(D.doc_order("o01_order_pdflatex", "pdflatex", ps[11:15], 41, court=0, case=0, judge=0))
emit(D.doc_order("o02_order_libreoffice", "libreoffice", ps[15:19], 42, court=2, case=1, judge=2))
emit(D.doc_order("o03_order_groff", "groff", ps[19:23], 43, court=3, case=2, judge=1))
emit(D.doc_order("o04_order_chromium", "chromium", ps[23:27], 44, court=0, case=0, judge=0))
emit(D.doc_status_report("o05_status_report_libreoffice", "libreoffice", ps[27:39], 45, ruled=True))
emit(D.doc_status_report("o06_status_report_pdflatex", "pdflatex", ps[39:51], 46, ruled=False))
emit(D.doc_exhibits("o07_exhibit_index_reportlab", "reportlab", ps[51:75], 47, ruled=True))
emit(D.doc_exhibits("o08_exhibit_index_groff", "groff", ps[75:99], 48, ruled=False))

with open(os.path.join(work, "manifest.txt"), "w") as f:
    for d in built:
        f.write("%s %s %s\n" % (d.name, d.producer, d.family))
        d.write_labels(os.path.join(out, d.name + ".draft.json"))

# names.csv: the case's names list, with only the listed applicants
import people as P
seen = set()
with open(os.path.join(out, "names.csv"), "w", encoding="utf-8") as f:
    f.write("id,first,middle,last,a_number,aliases,dob\n")
    for p in ps:
        if P.listed(p) and p.id not in seen:
            seen.add(p.id)
            f.write("%s,%s,%s,%s,A%s,,%s\n" % (p.id, p.first, p.middle, p.last, p.anum, p.d(0)))
print("%d documents" % len(built))
