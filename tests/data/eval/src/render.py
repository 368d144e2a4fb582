"""Renderers: one document model (model.py) → the source each producer reads."""
from xml.sax.saxutils import escape as xesc


# ----------------------------------------------------------------- HTML ----
def html(doc, font="Liberation Serif"):
    css = """@page { size: Letter; margin: 0.75in 0.75in 0.9in 0.75in }
body { font-family: '%s', serif; font-size: 10.5pt; line-height: 1.35 }
h2 { font-size: 12pt; text-align: center; margin: 10pt 0 6pt }
.lh { text-align: center; margin: 0 } .lh1 { font-weight: bold; font-size: 13pt }
table { border-collapse: collapse; width: 100%%; margin: 6pt 0 }
table.ruled td, table.ruled th { border: 0.7pt solid #000; padding: 2pt 4pt; vertical-align: top }
table.plain td, table.plain th { padding: 1pt 6pt; vertical-align: top; text-align: left }
th { font-weight: bold; text-align: left }
thead { display: table-header-group } tr { break-inside: avoid }
blockquote { margin: 6pt 40pt; font-size: 10pt }
.sig { margin-left: 55%%; margin-top: 14pt } .sig p { margin: 0 }
.cap td { vertical-align: top; padding: 4pt } .capl { border-right: 1pt solid #000; width: 55%% }
.f { border: 0.7pt solid #000; padding: 2pt 4pt; height: 28pt }
.f small { display: block; font-size: 7.5pt } 
FOOT""" % font
    css = css.replace("FOOT", ("@page { @bottom-center { content: \"%s\"; font-size: 8pt } }" % doc.footer) if doc.footer else "")
    out = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>%s</title><style>%s</style></head><body>"
           % (xesc(doc.title), css)]
    for b in doc.blocks:
        k = b[0]
        if k == "letterhead":
            for i, l in enumerate(b[1]):
                out.append("<p class='lh%s'>%s</p>" % (" lh1" if i == 0 else "", xesc(l)))
            out.append("<hr>")
        elif k == "caption":
            out.extend("<p class='lh lh1'>%s</p>" % xesc(l) for l in b[1])
            out.append("<table class='cap'><tr><td class='capl'>%s</td><td>%s</td></tr></table>" % (
                "<br>".join(map(xesc, b[2])), "<br>".join(map(xesc, b[3]))))
        elif k == "h":
            out.append("<h2>%s</h2>" % xesc(b[1]))
        elif k == "p":
            out.append("<p>%s</p>" % xesc(b[1]))
        elif k == "quote":
            out.append("<blockquote>%s</blockquote>" % xesc(b[1]))
        elif k == "table":
            t = b[1]
            cls = "ruled" if t.get("ruled") else "plain"
            out.append("<table class='%s'>" % cls)
            if t.get("widths"):
                out.append("<colgroup>%s</colgroup>" % "".join("<col style='width:%d%%'>" % w for w in t["widths"]))
            out.append("<thead>")
            for hr in t["head"]:
                out.append("<tr>%s</tr>" % "".join("<th>%s</th>" % xesc(c) for c in hr))
            out.append("</thead><tbody>")
            for r in t["rows"]:
                out.append("<tr>%s</tr>" % "".join("<td>%s</td>" % xesc(c) for c in r))
            out.append("</tbody></table>")
        elif k == "fields":
            fields, layout = b[1], b[2]
            if layout == "above":
                out.append("<table style='width:100%'>")
                for i in range(0, len(fields), 2):
                    out.append("<tr>%s</tr>" % "".join(
                        "<td class='f'><small>%s</small>%s</td>" % (xesc(l), xesc(v)) for l, v in fields[i:i + 2]))
                out.append("</table>")
            else:
                out.append("<table class='plain'>%s</table>" % "".join(
                    "<tr><td style='width:38%%'>%s</td><td>%s</td></tr>" % (xesc(l), xesc(v)) for l, v in fields))
        elif k == "sig":
            out.append("<div class='sig'>%s</div>" % "".join("<p>%s</p>" % xesc(l) for l in b[1]))
        elif k == "pb":
            out.append("<div style='break-after: page'></div>")
    out.append("</body></html>")
    return "\n".join(out)


# ----------------------------------------------------------------- FODT ----
FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
  office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:automatic-styles>
  <style:style style:name="C" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-family="'FONT'" fo:font-size="11pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="H" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-top="0.1in" fo:margin-bottom="0.08in"/>
   <style:text-properties fo:font-family="'FONT'" fo:font-size="12pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="B" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.08in" fo:line-height="130%"/>
   <style:text-properties fo:font-family="'FONT'" fo:font-size="11pt"/></style:style>
  <style:style style:name="Q" style:family="paragraph"><style:paragraph-properties fo:margin-left="0.6in" fo:margin-right="0.6in" fo:margin-bottom="0.08in"/>
   <style:text-properties fo:font-family="'FONT'" fo:font-size="10pt"/></style:style>
  <style:style style:name="S" style:family="paragraph"><style:paragraph-properties fo:margin-left="3.4in"/>
   <style:text-properties fo:font-family="'FONT'" fo:font-size="11pt"/></style:style>
  <style:style style:name="T" style:family="paragraph">
   <style:text-properties fo:font-family="'FONT'" fo:font-size="9pt"/></style:style>
  <style:style style:name="TH" style:family="paragraph">
   <style:text-properties fo:font-family="'FONT'" fo:font-size="9pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="PB" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>
  <style:style style:name="Tbl" style:family="table"><style:table-properties style:width="7in" table:align="margins"/></style:style>
  <style:style style:name="CR" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.03in"/></style:style>
  <style:style style:name="CP" style:family="table-cell"><style:table-cell-properties fo:border="none" fo:padding="0.03in"/></style:style>
  <style:style style:name="CL" style:family="table-cell"><style:table-cell-properties fo:border-right="0.8pt solid #000000" fo:border-left="none" fo:border-top="none" fo:border-bottom="0.8pt solid #000000" fo:padding="0.05in"/></style:style>
COLSTYLES
 </office:automatic-styles>
 <office:body><office:text>
"""


def fodt(doc, font="Liberation Serif"):
    body, colstyles = [], []
    ntab = [0]

    def p(style, text):
        return '<text:p text:style-name="%s">%s</text:p>' % (style, xesc(text))

    def table(head, rows, ruled, widths):
        ntab[0] += 1
        n = max(len(r) for r in (head + rows))
        widths = widths or [100 // n] * n
        cols = []
        for i, w in enumerate(widths):
            name = "col%d_%d" % (ntab[0], i)
            colstyles.append('<style:style style:name="%s" style:family="table-column"><style:table-column-properties style:rel-column-width="%d*"/></style:style>' % (name, w * 100))
            cols.append('<table:table-column table:style-name="%s"/>' % name)
        cell = "CR" if ruled else "CP"
        x = ['<table:table table:name="T%d" table:style-name="Tbl">' % ntab[0]] + cols
        if head:
            x.append("<table:table-header-rows>")
            for r in head:
                x.append("<table:table-row>%s</table:table-row>" % "".join(
                    '<table:table-cell table:style-name="%s">%s</table:table-cell>' % (cell, p("TH", c)) for c in r))
            x.append("</table:table-header-rows>")
        for r in rows:
            x.append("<table:table-row>%s</table:table-row>" % "".join(
                '<table:table-cell table:style-name="%s">%s</table:table-cell>' % (
                    cell, "".join(p("T", line) for line in c.split("\n"))) for c in r))
        x.append("</table:table>")
        return "\n".join(x)

    for b in doc.blocks:
        k = b[0]
        if k == "letterhead":
            body += [p("C", l) for l in b[1]]
        elif k == "caption":
            body += [p("C", l) for l in b[1]]
            ntab[0] += 1
            body.append('<table:table table:name="Cap%d" table:style-name="Tbl"><table:table-column/><table:table-column/><table:table-row>'
                        '<table:table-cell table:style-name="CL">%s</table:table-cell><table:table-cell table:style-name="CP">%s</table:table-cell>'
                        '</table:table-row></table:table>' % (ntab[0], "".join(p("B", l) for l in b[2]), "".join(p("B", l) for l in b[3])))
        elif k == "h":
            body.append(p("H", b[1]))
        elif k == "p":
            body.append(p("B", b[1]))
        elif k == "quote":
            body.append(p("Q", b[1]))
        elif k == "table":
            t = b[1]
            body.append(table(t["head"], t["rows"], t.get("ruled"), t.get("widths")))
        elif k == "fields":
            fields, layout = b[1], b[2]
            if layout == "above":
                rows = []
                for i in range(0, len(fields), 2):
                    rows.append([l + "\n" + v for l, v in fields[i:i + 2]])
                body.append(table([], rows, True, [50, 50]))
            else:
                body.append(table([], [[l, v] for l, v in fields], False, [35, 65]))
        elif k == "sig":
            body += [p("S", l) for l in b[1]]
        elif k == "pb":
            body.append('<text:p text:style-name="PB"/>')
    return (FODT_HEAD.replace("FONT", font).replace("COLSTYLES", "\n".join(colstyles))
            + "\n".join(body) + "\n </office:text></office:body>\n</office:document>\n")


# ----------------------------------------------------------------- groff ---
def _g(s):
    s = s.replace("\\", "\\e")
    if s.startswith((".", "'")):
        s = "\\&" + s
    return s


def groff(doc):
    out = [".nr PS 10", ".nr VS 13", ".nr PO 0.9i", ".nr LL 6.7i", ".nr HM 0.8i", ".nr FM 0.9i",
           ".hy 0", ".ds CH", ".na" if doc.family == "tables" else ".ad b"]
    if doc.footer:
        out.append(".ds RF %s" % _g(doc.footer))
    if doc.bates:
        out.append(".ds RF %s\\n%%" % _g(doc.bates[0]))
    out.append(".LP")
    for b in doc.blocks:
        k = b[0]
        if k == "letterhead":
            out += [".ce %d" % len(b[1])] + [_g(l) for l in b[1]] + [".sp 0.5"]
        elif k == "caption":
            out += [".ce %d" % len(b[1])] + [_g(l) for l in b[1]]
            out += [".TS", "tab(@);", "lw(3.4i) | lw(2.8i).",
                    "T{\n" + "\n.br\n".join(_g(l) for l in b[2]) + "\nT}@T{\n" + "\n.br\n".join(_g(l) for l in b[3]) + "\nT}",
                    "_", ".TE"]
        elif k == "h":
            out += [".sp 0.5", ".ce 1", "\\fB%s\\fP" % _g(b[1]), ".LP"]
        elif k == "p":
            out += [".LP", _g(b[1])]
        elif k == "quote":
            out += [".QP", _g(b[1]), ".LP"]
        elif k == "table":
            t = b[1]
            n = max(len(r) for r in t["head"] + t["rows"])
            widths = t.get("widths") or [100 // n] * n
            fh = " ".join("lbw(%.2fi)" % (5.9 * w / 100.0) for w in widths)
            fd = " ".join("l" for _ in widths) + "."
            out += [".TS H", ("allbox " if t.get("ruled") else "") + "tab(@);"]
            out += [fh] * len(t["head"]) + [fd]
            for hr in t["head"]:
                out.append("@".join("T{\n%s\nT}" % _g(c) for c in hr))
            if not t.get("ruled"):
                out.append("_")
            out.append(".TH")
            for r in t["rows"]:
                out.append("@".join("T{\n%s\nT}" % "\n.br\n".join(_g(x) for x in c.split("\n")) for c in r))
            out.append(".TE")
        elif k == "fields":
            fields, layout = b[1], b[2]
            if layout == "above":
                out += [".TS", "allbox tab(@);", "lw(3.2i) lw(3.2i)."]
                for i in range(0, len(fields), 2):
                    out.append("@".join("T{\n\\s-2%s\\s+2\n.br\n%s\nT}" % (_g(l), _g(v)) for l, v in fields[i:i + 2]))
                out.append(".TE")
            else:
                out += [".TS", "tab(@);", "lw(2.3i) lw(4.1i)."]
                out += ["T{\n%s\nT}@T{\n%s\nT}" % (_g(l), _g(v)) for l, v in fields]
                out.append(".TE")
        elif k == "sig":
            out += [".sp 1", ".in 3.4i", ".nf"] + [_g(l) for l in b[1]] + [".fi", ".in 0", ".LP"]
        elif k == "pb":
            out.append(".bp")
    return "\n".join(out) + "\n"


# ----------------------------------------------------------------- LaTeX ---
def _t(s):
    rep = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
           "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\^{}", "§": r"\S{}",
           "“": "``", "”": "''"}
    return "".join(rep.get(c, c) for c in s)


def latex(doc, cm=False):
    out = [r"\documentclass[11pt,letterpaper]{article}",
           r"\usepackage[T1]{fontenc}", r"\usepackage[utf8]{inputenc}",
           r"\usepackage{lmodern}" if not cm else "",
           r"\usepackage{longtable}", r"\usepackage{array}",
           r"\usepackage[margin=0.9in]{geometry}",
           r"\hyphenpenalty=10000 \exhyphenpenalty=10000 \sloppy",
           r"\setlength{\parskip}{4pt}\setlength{\parindent}{0pt}"]
    if doc.footer:
        out += [r"\makeatletter\def\@oddfoot{\hfil\footnotesize %s}\makeatother" % _t(doc.footer)]
    out.append(r"\begin{document}")
    for b in doc.blocks:
        k = b[0]
        if k == "letterhead":
            out.append(r"\begin{center}" + r"\\".join(("\\textbf{%s}" % _t(l)) if i == 0 else _t(l)
                                                     for i, l in enumerate(b[1])) + r"\end{center}\hrule\medskip")
        elif k == "caption":
            out.append(r"\begin{center}\textbf{" + r"\\".join(_t(l) for l in b[1]) + r"}\end{center}")
            out.append(r"\noindent\begin{tabular}{p{3.3in}|p{2.8in}}" + r"\newline ".join(_t(l) for l in b[2])
                       + " & " + r"\newline ".join(_t(l) for l in b[3]) + r"\\\hline\end{tabular}\par\medskip")
        elif k == "h":
            out.append(r"\begin{center}\textbf{%s}\end{center}" % _t(b[1]))
        elif k == "p":
            out.append(_t(b[1]) + "\n")
        elif k == "quote":
            out.append(r"\begin{quote}\small %s\end{quote}" % _t(b[1]))
        elif k == "table":
            t = b[1]
            n = max(len(r) for r in t["head"] + t["rows"])
            widths = t.get("widths") or [100 // n] * n
            sep = "|" if t.get("ruled") else ""
            spec = sep + sep.join(r">{\raggedright\arraybackslash}p{%.2fin}" % (6.3 * w / 100.0) for w in widths) + sep
            hl = r"\hline" if t.get("ruled") else ""
            head = hl + "".join(" & ".join(r"\textbf{%s}" % _t(c) for c in hr) + r"\\" + hl for hr in t["head"])
            if not t.get("ruled"):
                head += r"\hline"
            out.append(r"{\small\begin{longtable}{%s}%s\endhead" % (spec, head))
            for r in t["rows"]:
                out.append(" & ".join(r"\newline ".join(_t(x) for x in c.split("\n")) for c in r) + r"\\" + hl)
            out.append(r"\end{longtable}}")
        elif k == "fields":
            fields, layout = b[1], b[2]
            if layout == "above":
                out.append(r"\noindent\begin{tabular}{|p{3.0in}|p{3.0in}|}\hline")
                for i in range(0, len(fields), 2):
                    pair = fields[i:i + 2] + ([("", "")] if len(fields[i:i + 2]) == 1 else [])
                    out.append(" & ".join(r"{\scriptsize %s}\newline %s" % (_t(l), _t(v)) for l, v in pair) + r"\\\hline")
                out.append(r"\end{tabular}\par\medskip")
            else:
                out.append(r"\noindent\begin{tabular}{p{2.2in}p{3.9in}}")
                out += [r"%s & %s\\" % (_t(l), _t(v)) for l, v in fields]
                out.append(r"\end{tabular}\par\medskip")
        elif k == "sig":
            out.append(r"\medskip\hspace*{3.2in}\begin{minipage}{3in}" + r"\\".join(_t(l) for l in b[1]) + r"\end{minipage}\medskip")
        elif k == "pb":
            out.append(r"\newpage")
    out.append(r"\end{document}")
    return "\n".join(out) + "\n"
