"""reportlab producer: model documents as platypus flowables, and forms drawn
on the canvas (label above value in boxes, label left of value, comb fields
with one character per box, check boxes)."""
from reportlab.lib.pagesizes import letter
from reportlab.lib.units import inch
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib import colors
from reportlab.platypus import SimpleDocTemplate, Paragraph, Table, TableStyle, Spacer, PageBreak
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from xml.sax.saxutils import escape as xesc
import os

_FONTS = {"DejaVuSans": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
          "DejaVuSans-Bold": "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
          "DejaVuSerif": "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"}
for k, v in _FONTS.items():
    if os.path.exists(v):
        pdfmetrics.registerFont(TTFont(k, v))


def flow(doc, path, font="Helvetica", bold="Helvetica-Bold"):
    base = ParagraphStyle("b", fontName=font, fontSize=10, leading=13, spaceAfter=5)
    cen = ParagraphStyle("c", parent=base, alignment=1, fontName=bold)
    q = ParagraphStyle("q", parent=base, leftIndent=40, rightIndent=40, fontSize=9.5)
    sig = ParagraphStyle("s", parent=base, leftIndent=3.3 * inch, spaceAfter=0)
    cell = ParagraphStyle("t", parent=base, fontSize=8.5, leading=10, spaceAfter=0)
    cellb = ParagraphStyle("tb", parent=cell, fontName=bold)
    P = lambda t, st=base: Paragraph(xesc(t).replace("\n", "<br/>"), st)
    story = []
    W = 7.0 * inch
    for b in doc.blocks:
        k = b[0]
        if k == "letterhead":
            story += [P(l, cen) for l in b[1]] + [Spacer(1, 10)]
        elif k == "caption":
            story += [P(l, cen) for l in b[1]]
            t = Table([[P("\n".join(b[2])), P("\n".join(b[3]))]], colWidths=[3.8 * inch, 3.2 * inch])
            t.setStyle(TableStyle([("LINEAFTER", (0, 0), (0, 0), 0.8, colors.black),
                                   ("LINEBELOW", (0, 0), (0, 0), 0.8, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [t, Spacer(1, 8)]
        elif k == "h":
            story.append(P(b[1], cen))
        elif k == "p":
            story.append(P(b[1]))
        elif k == "quote":
            story.append(P(b[1], q))
        elif k == "table":
            t = b[1]
            n = max(len(r) for r in t["head"] + t["rows"])
            widths = [W * w / 100.0 for w in (t.get("widths") or [100 // n] * n)]
            data = [[P(c, cellb) for c in hr] for hr in t["head"]] + [[P(c, cell) for c in r] for r in t["rows"]]
            tb = Table(data, colWidths=widths, repeatRows=len(t["head"]))
            st = [("VALIGN", (0, 0), (-1, -1), "TOP")]
            if t.get("ruled"):
                st.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
            else:
                st.append(("LINEBELOW", (0, len(t["head"]) - 1), (-1, len(t["head"]) - 1), 0.8, colors.black))
            tb.setStyle(TableStyle(st))
            story.append(tb)
        elif k == "fields":
            fields, layout = b[1], b[2]
            if layout == "above":
                rows = [[P(l + "\n" + v, cell) for l, v in fields[i:i + 2]] for i in range(0, len(fields), 2)]
                rows = [r + [P("", cell)] * (2 - len(r)) for r in rows]
                tb = Table(rows, colWidths=[W / 2, W / 2])
                tb.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
            else:
                tb = Table([[P(l, cell), P(v, cell)] for l, v in fields], colWidths=[2.3 * inch, 4.7 * inch])
            story += [tb, Spacer(1, 6)]
        elif k == "sig":
            story += [Spacer(1, 8)] + [P(l, sig) for l in b[1]] + [Spacer(1, 8)]
        elif k == "pb":
            story.append(PageBreak())

    def on_page(c, d):
        c.saveState()
        c.setFont(font, 8)
        if doc.bates:
            stamp = "%s%06d" % (doc.bates[0], doc.bates[1] + d.page - 1)
            doc.s(stamp, "bates")
            c.drawRightString(7.75 * inch, 0.5 * inch, stamp)
        if doc.footer:
            c.drawString(0.75 * inch, 0.5 * inch, doc.footer)
        c.restoreState()

    SimpleDocTemplate(path, pagesize=letter, leftMargin=0.75 * inch, rightMargin=0.75 * inch,
                      topMargin=0.75 * inch, bottomMargin=0.8 * inch, title=doc.title,
                      invariant=1).build(story, onFirstPage=on_page, onLaterPages=on_page)


# ------------------------------------------------------------- canvas forms --
class Form:
    """Draws a USCIS-style form; every value goes through doc.g / doc.s."""

    def __init__(self, doc, path, font="Helvetica"):
        self.doc, self.c = doc, canvas.Canvas(path, pagesize=letter, invariant=1)
        self.font = font
        self.y = 10.3 * inch

    def header(self, title, sub, form_no):
        c = self.c
        c.setFont("Helvetica-Bold", 12)
        c.drawString(0.6 * inch, 10.6 * inch, title)
        c.setFont("Helvetica", 8)
        c.drawString(0.6 * inch, 10.45 * inch, sub)
        c.drawRightString(7.9 * inch, 10.6 * inch, form_no)
        self.y = 10.2 * inch

    def section(self, text):
        c = self.c
        self.y -= 0.1 * inch
        c.setFillGray(0.85)
        c.rect(0.6 * inch, self.y - 0.05 * inch, 7.3 * inch, 0.2 * inch, fill=1, stroke=0)
        c.setFillGray(0)
        c.setFont("Helvetica-Bold", 9)
        c.drawString(0.65 * inch, self.y, text)
        self.y -= 0.25 * inch

    def boxes(self, items, h=0.42 * inch):
        """A row of boxes, label (small) above value."""
        c = self.c
        x = 0.6 * inch
        for label, value, w in items:
            c.rect(x, self.y - h, w * inch, h)
            c.setFont("Helvetica", 6.5)
            c.drawString(x + 3, self.y - 9, label)
            c.setFont(self.font, 10)
            c.drawString(x + 5, self.y - h + 6, value)
            x += w * inch
        self.y -= h

    def comb(self, label, value, n, cell=0.22 * inch, x=0.6 * inch, prefix=""):
        """A comb field: one character per box."""
        c = self.c
        c.setFont("Helvetica", 7)
        c.drawString(x, self.y - 9, label)
        y = self.y - 0.38 * inch
        bx = x
        if prefix:
            c.setFont("Helvetica-Bold", 10)
            c.drawString(bx, y + 4, prefix)
            bx += 0.25 * inch
        c.setFont(self.font, 11)
        for i in range(n):
            c.rect(bx + i * cell, y, cell, cell)
            if i < len(value):
                c.drawCentredString(bx + i * cell + cell / 2, y + 4, value[i])
        self.y -= 0.48 * inch

    def check(self, label, options, chosen, x=0.6 * inch):
        c = self.c
        c.setFont("Helvetica", 8)
        c.drawString(x, self.y - 9, label)
        xx = x + 0.1 * inch
        y = self.y - 0.28 * inch
        for o in options:
            c.rect(xx, y, 8, 8)
            if o == chosen:
                c.setFont("ZapfDingbats", 8)
                c.drawString(xx + 1, y + 1, "4")
            c.setFont("Helvetica", 8)
            c.drawString(xx + 12, y + 1, o)
            xx += (len(o) * 0.065 + 0.35) * inch
        self.y -= 0.4 * inch

    def left(self, label, value, lw=2.2):
        c = self.c
        c.setFont("Helvetica-Bold", 8.5)
        c.drawString(0.6 * inch, self.y - 10, label)
        c.setFont(self.font, 10)
        c.drawString((0.6 + lw) * inch, self.y - 10, value)
        c.line((0.6 + lw) * inch, self.y - 13, 7.9 * inch, self.y - 13)
        self.y -= 0.28 * inch

    def text(self, s, size=9, indent=0.6):
        from reportlab.lib.utils import simpleSplit
        c = self.c
        c.setFont(self.font, size)
        for line in simpleSplit(s, self.font, size, 7.3 * inch - (indent - 0.6) * inch):
            c.drawString(indent * inch, self.y - size, line)
            self.y -= size * 1.3
        self.y -= 4

    def footer(self, s):
        self.c.setFont("Helvetica", 7)
        self.c.drawString(0.6 * inch, 0.4 * inch, s)

    def page(self):
        self.c.showPage()
        self.y = 10.3 * inch

    def save(self):
        self.c.showPage()
        self.c.save()
